"""Rewordings of one quantity that must meet, and near misses that must stay apart, for the rules
of the eighth round: a total counts what it totals, words that only restate the scope or that a
figure is a total tell nothing apart, a currency priced in another is one quantity whatever the
subject calls it, a closed compound of a head counts that head, lives lost are deaths, and
"month-on-month" is a month. In our own words."""

import pytest

from claims.core import grouping, lexical
from claims.core.grouping import ClaimInput

pytestmark = pytest.mark.skipif(not lexical.available(), reason="WordNet is not installed")
THRESHOLD = grouping.DEFAULT_MIN_CONFIDENCE


def similarity(a: str, b: str, *, scope: str = "Malawi", unit: str = "count") -> float:
    first = ClaimInput(key="a", subject=a, unit=unit, scope=scope, period="cumulative")
    second = ClaimInput(key="b", subject=b, unit=unit, scope=scope, period="cumulative")
    return grouping.claim_similarity(first, second)[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tally of cases", "cholera cases"),
        ("the count of infections", "infections recorded"),
        ("number of refugees", "refugees registered"),
        ("cumulative infections", "cholera infections"),
        ("national production", "crude production"),
        ("overall caseload", "cases of the disease"),
        ("cholera caseload", "cholera cases"),
        ("lives lost", "people killed"),
        ("lives claimed by the floods", "flood deaths"),
        ("internal displacement", "people displaced"),
        ("displaced population", "people forced from their homes"),
    ],
)
def test_rewordings_of_one_count_meet(a: str, b: str):
    assert similarity(a, b) >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tally of deaths", "tally of cases"),
        ("number of refugees", "number of children"),
        ("national production", "national exports"),
        ("cholera caseload", "cholera deaths"),
        ("lives lost", "people injured"),
    ],
)
def test_a_total_or_a_restating_word_does_not_join_two_counts(a: str, b: str):
    assert similarity(a, b) < THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the shilling", "the currency"),
        ("shilling against the dollar", "exchange rate"),
        ("value of the kwacha", "the kwacha"),
    ],
)
def test_a_currency_priced_in_another_is_one_quantity_whatever_its_name(a: str, b: str):
    assert similarity(a, b, unit="MWK/USD") >= THRESHOLD
    first = ClaimInput(key="a", subject=a, unit="MWK/USD", scope="Malawi")
    second = ClaimInput(key="b", subject=b, unit="MWK/USD", scope="Malawi")
    assert grouping.claim_similarity(first, second)[0] >= THRESHOLD


def test_a_currency_word_names_no_price_when_the_unit_is_money():
    # "the shilling" measured in shillings is an amount, not a price of the shilling
    first = ClaimInput(key="a", subject="the currency", unit="KES", scope="Kenya")
    second = ClaimInput(key="b", subject="exchange rate", unit="KES/USD", scope="Kenya")
    assert grouping.claim_similarity(first, second)[0] == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rupee in interbank trade", "dollars in the open market"),
        ("the lira on the interbank market", "the lira at kerb dealers"),
        ("the naira", "the naira on the parallel market"),
    ],
)
def test_one_currency_priced_in_two_markets_is_two_quantities(a: str, b: str):
    first = ClaimInput(key="a", subject=a, unit="PKR/USD", scope="Pakistan")
    second = ClaimInput(key="b", subject=b, unit="PKR/USD", scope="Pakistan")
    assert grouping.claim_similarity(first, second)[0] == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("probable cases", "confirmed cases"),
        ("suspected infections", "infections"),
        ("probable deaths", "suspected deaths"),
    ],
)
def test_cases_not_confirmed_are_counted_apart(a: str, b: str):
    assert similarity(a, b, scope="Uganda") == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("people confirmed dead", "people killed"),
        ("bodies found in the river", "people who died"),
        ("bodies pulled from the rubble", "fatalities from the quake"),
        ("people who had tested positive for the virus", "cases of the virus"),
        ("people killed in north-west Syria", "people killed in northwest Syria"),
    ],
)
def test_more_rewordings_of_one_count_meet(a: str, b: str):
    assert similarity(a, b, scope="Syria") >= THRESHOLD


def test_a_compound_compass_point_is_one_place_word():
    assert grouping.normalise("north-west Syria") == grouping.normalise("northwest Syria")
    assert grouping.normalise("south-eastern Kenya") == grouping.normalise("southeastern Kenya")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("month-on-month price rise", "annual inflation"),
        ("month-on-month inflation", "year-on-year inflation"),
        ("week-on-week rise in prices", "monthly inflation"),
    ],
)
def test_a_rate_over_one_length_never_meets_a_rate_over_another(a: str, b: str):
    first = ClaimInput(key="a", subject=a, unit="percent", scope="Ghana")
    second = ClaimInput(key="b", subject=b, unit="percent", scope="Ghana")
    assert grouping.claim_similarity(first, second)[0] == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("price rise over twelve months", "annual inflation"),
        ("month-on-month price rise", "monthly inflation"),
        ("yearly price growth", "annual inflation rate"),
    ],
)
def test_a_price_rise_is_inflation(a: str, b: str):
    first = ClaimInput(key="a", subject=a, unit="percent", scope="Ghana")
    second = ClaimInput(key="b", subject=b, unit="percent", scope="Ghana")
    assert grouping.claim_similarity(first, second)[0] >= THRESHOLD
