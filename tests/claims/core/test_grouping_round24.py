"""Near misses that must stay apart, for the rules kept from the eighth round: a currency priced
in two markets and cases a health authority has not confirmed are restrictions, "month-on-month"
names a month, and a compound compass point is one word. (The round's rules that joined more
wordings of one quantity lifted the development parts but not the held-out parts, and were
reverted; see the README.) In our own words."""

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
