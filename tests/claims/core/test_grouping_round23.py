"""Rewordings of one quantity that must meet and near misses that must stay apart, for the rules
of round 23: a change of prices however worded, prices given in percent, inflation of one kind
of goods, a length said twice ("month-on-month"), lives lost or claimed, verbs of winning, and a
share done by someone against all there are."""

import pytest

from claims.core import grouping, lexical
from claims.core.grouping import ClaimInput

pytestmark = pytest.mark.skipif(not lexical.available(), reason="WordNet is not installed")
THRESHOLD = grouping.DEFAULT_MIN_CONFIDENCE


def similarity(a: str, b: str, *, unit: str = "count", unit_b: str = "", scope: str = "Chile"):
    first = ClaimInput(key="a", subject=a, unit=unit, scope=scope)
    second = ClaimInput(key="b", subject=b, unit=unit_b or unit, scope=scope)
    return grouping.claim_similarity(first, second)


# ---------------------------------------------------------------- a change of prices


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("inflation", "price growth"),
        ("annual inflation", "yearly rate of price growth"),
        ("monthly inflation", "month-on-month price increase"),
        ("consumer price inflation", "growth of prices for households"),
        ("inflation over twelve months", "price rise over twelve months"),
    ],
)
def test_a_change_of_prices_worded_as_a_noun_phrase_is_inflation(a, b):
    score, reason = similarity(a, b, unit="percent")
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize(
    "prices",
    ["prices in the capital", "prices paid by shoppers", "prices across the country"],
)
def test_prices_given_in_percent_are_inflation(prices):
    score, reason = similarity("inflation", prices, unit="percent")
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize(
    "prices",
    ["prices in the capital", "prices paid by shoppers", "prices across the country"],
)
def test_prices_given_in_a_currency_are_no_inflation(prices):
    score, _ = similarity("inflation", prices, unit="percent", unit_b="CLP")
    assert score == 0


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        ("food prices", "inflation"),
        ("fuel inflation", "annual inflation"),
        ("electricity price growth", "consumer price inflation"),
        ("rice prices", "price rise"),
    ],
)
def test_inflation_of_one_kind_of_goods_is_not_all_inflation(part, whole):
    score, _ = similarity(part, whole, unit="percent")
    assert score == 0


def test_inflation_of_one_kind_of_goods_meets_its_rewording():
    score, reason = similarity("food prices", "food inflation", unit="percent")
    assert score >= THRESHOLD, reason


def test_goods_named_after_the_head_as_exclusions_are_no_part_of_them():
    score, reason = similarity("prices excluding fuel and food", "core inflation", unit="percent")
    assert score >= THRESHOLD, reason


# ---------------------------------------------------------------- a length said twice


@pytest.mark.parametrize(
    ("monthly", "yearly"),
    [
        ("month-on-month inflation", "year-on-year inflation"),
        ("month on month price growth", "annual inflation"),
        ("monthly inflation", "year-over-year price rise"),
    ],
)
def test_a_length_said_twice_names_the_period_of_the_change(monthly, yearly):
    score, _ = similarity(monthly, yearly, unit="percent")
    assert score == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("month-on-month inflation", "monthly inflation"),
        ("year over year price growth", "annual inflation"),
        ("week-on-week fuel inflation", "weekly fuel inflation"),
    ],
)
def test_a_length_said_twice_meets_its_adjective(a, b):
    score, reason = similarity(a, b, unit="percent")
    assert score >= THRESHOLD, reason


# ---------------------------------------------------------------- lives lost


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("lives lost", "people killed"),
        ("lives claimed by the cyclone", "deaths"),
        ("lives lost in the landslide", "the death toll"),
        ("lives claimed by cartel violence", "people murdered"),
    ],
)
def test_lives_lost_or_claimed_are_deaths(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize("lives", ["lives lost", "lives claimed by the cyclone"])
def test_lives_lost_are_not_the_injured(lives):
    score, _ = similarity(lives, "people injured")
    assert score == 0


# ---------------------------------------------------------------- winning and a doer's share


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("seats won by the Green League", "seats secured by the Green League"),
        ("seats captured by the Farmers' Union", "seats taken by the Farmers' Union"),
        ("seats clinched by the Green League", "seats the Green League won"),
    ],
)
def test_seats_secured_captured_or_clinched_were_won(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize(
    ("share", "whole"),
    [
        ("seats secured by the centrist alliance bloc", "seats in the chamber"),
        ("seats won by the governing coalition", "seats up for election"),
        ("seats captured by the opposition party", "seats of the senate"),
        ("seats the ruling Conservatives held on to", "seats of parliament"),
    ],
)
def test_a_share_done_by_someone_is_not_all_there_are(share, whole):
    score, reason = similarity(share, whole)
    assert score == 0
    assert "share" in reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("homes destroyed by the earthquake", "homes destroyed"),
        ("buildings brought down by the tremor", "buildings brought down"),
        ("farms hit by the drought", "farms hit"),
    ],
)
def test_a_cause_after_by_is_no_doer_with_a_share(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


# ---------------------------------------------------------------- the rate a bank sets


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("policy rate", "main interest rate"),
        ("benchmark rate", "reference rate"),
        ("key interest rate", "main rate"),
    ],
)
def test_the_rate_a_central_bank_sets_by_its_other_names(a, b):
    score, reason = similarity(a, b, unit="percent")
    assert score >= THRESHOLD, reason


# ---------------------------------------------------------------- people who caught a disease


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("cholera cases", "residents who contracted cholera"),
        ("confirmed infections", "people who have caught the disease"),
        ("dengue caseload", "dengue cases"),
        ("new cases", "villagers who fell ill"),
        ("cases of typhoid", "children who had been infected with typhoid"),
    ],
)
def test_people_who_caught_a_disease_are_its_cases(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize(
    "caught", ["residents who contracted cholera", "people who fell ill", "dengue caseload"]
)
def test_people_who_caught_a_disease_are_not_its_dead(caught):
    score, _ = similarity(caught, "people who died of the disease")
    assert score == 0


# ---------------------------------------------------------------- the plain figure


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("headline inflation", "annual urban inflation"),
        ("overall inflation", "annual consumer inflation"),
        ("the overall rate of inflation", "yearly urban inflation"),
    ],
)
def test_a_word_for_the_plain_figure_is_no_qualifier(a, b):
    score, reason = similarity(a, b, unit="percent")
    assert score >= THRESHOLD, reason


def test_the_plain_figure_is_still_not_the_core_one():
    score, _ = similarity("headline inflation", "core inflation", unit="percent")
    assert score == 0


# ---------------------------------------------------------------- a share of something


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Labour slice of the popular vote", "Labour vote share"),
        ("proportion of the ballots won by the Greens", "Greens share of the vote"),
        ("share of adults who cast a vote", "turnout"),
    ],
)
def test_a_share_of_something_counts_what_it_is_a_share_of(a, b):
    score, reason = similarity(a, b, unit="percent")
    assert score >= THRESHOLD, reason


def test_a_party_s_share_of_the_vote_is_not_turnout():
    score, _ = similarity(
        "Labour slice of the popular vote", "share of voters who took part", unit="percent"
    )
    assert score == 0


# ---------------------------------------------------------------- "those", a division's name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("those still unaccounted for", "people unaccounted for"),
        ("those still missing after the mudslide", "people reported missing"),
        ("those trapped under rubble", "people trapped under rubble"),
    ],
)
def test_those_heading_a_subject_are_people(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


def test_those_still_missing_are_not_the_dead():
    score, _ = similarity("those still missing", "people killed")
    assert score == 0


def scoped(a: str, scope_a: str, b: str, scope_b: str):
    first = ClaimInput(key="a", subject=a, unit="count", scope=scope_a)
    second = ClaimInput(key="b", subject=b, unit="count", scope=scope_b)
    return grouping.claim_similarity(first, second)


@pytest.mark.parametrize(
    ("scope_a", "scope_b"),
    [
        ("Sindh province", "Sindh"),
        ("Mandalay", "the Mandalay region"),
        ("Punjab", "Punjab province"),
    ],
)
def test_a_division_word_after_a_place_is_part_of_its_name(scope_a, scope_b):
    score, reason = scoped("people killed", scope_a, "deaths", scope_b)
    assert score >= THRESHOLD, reason
    assert "site" not in reason


def test_a_site_after_a_place_is_still_a_site():
    _, reason = scoped("people killed", "Sindh", "people killed", "Sindh hospital")
    assert "site" in reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("internal displacement", "people displaced inside the country"),
        ("displacement", "displaced people"),
        ("internal displacement", "internally displaced people"),
    ],
)
def test_displacement_as_a_count_is_the_displaced(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the outbreak's caseload", "cholera cases"),
        ("cases of the disease", "typhoid cases"),
        ("infections from the virus", "dengue infections"),
    ],
)
def test_a_word_pointing_back_at_the_disease_is_no_qualifier(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


def test_two_diseases_named_stay_two_qualifiers():
    score, _ = similarity("cholera cases", "typhoid cases")
    assert score < THRESHOLD


# ---------------------------------------------------------------- bodies, crossings, gains


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bodies found after the flood", "the death toll"),
        ("bodies of flood victims", "flood deaths"),
        ("bodies logged by the morgue", "people killed"),
    ],
)
def test_bodies_recovered_are_the_dead(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


def test_bodies_recovered_are_not_the_injured():
    score, _ = similarity("bodies found after the flood", "people injured")
    assert score == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("people who crossed into Chile", "arrivals"),
        ("migrants crossing the border", "migrants who arrived"),
        ("Haitians who crossed over", "Haitians who arrived"),
    ],
)
def test_people_who_crossed_into_a_country_arrived(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


def test_people_who_crossed_did_not_return():
    score, _ = similarity("people who crossed into Chile", "people who returned")
    assert score == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("gain in Labour vote share", "rise in Labour vote share"),
        ("jump in the Greens vote share", "increase in the Greens vote share"),
        ("climb in unemployment", "rise in unemployment"),
    ],
)
def test_a_gain_jump_or_climb_is_a_rise(a, b):
    score, reason = similarity(a, b, unit="pp")
    assert score >= THRESHOLD, reason


def test_a_gain_in_a_vote_share_is_not_the_vote_share():
    score, _ = similarity(
        "gain in Labour vote share", "Labour vote share", unit="pp", unit_b="percent"
    )
    assert score == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("underlying measure of inflation", "core inflation"),
        ("gauge of price growth excluding fuel", "core inflation"),
        ("measure of unemployment", "jobless rate"),
    ],
)
def test_a_measure_of_something_counts_what_it_measures(a, b):
    score, reason = similarity(a, b, unit="percent")
    assert score >= THRESHOLD, reason


# ---------------------------------------------------------------- the electorate, citizens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Chileans eligible to vote", "voters on the register"),
        ("adults entitled to vote", "registered electors"),
        ("eligible voters", "voters listed for the referendum"),
    ],
)
def test_those_eligible_to_vote_are_the_voters(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


def test_those_eligible_to_vote_are_not_the_turnout():
    score, _ = similarity(
        "Chileans eligible to vote", "registered voters who voted", unit_b="percent"
    )
    assert score == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bolivian citizens living in Chile", "Bolivians living in Chile"),
        ("citizens evacuated", "people evacuated"),
        ("Peruvian citizens registered", "Peruvians registered"),
    ],
)
def test_citizens_are_people(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


# ---------------------------------------------------------------- refugees who were displaced


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("refugees forced from their homes", "refugees"),
        ("displaced refugees", "refugees sheltering in the camps"),
        ("refugees driven from their homes by the fighting", "refugees who fled"),
    ],
)
def test_refugees_who_were_displaced_are_refugees(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


def test_the_displaced_alone_are_not_refugees():
    score, _ = similarity("people forced from their homes", "refugees")
    assert score == 0


# ---------------------------------------------------------------- without power


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("customers who lost power", "customers with no electricity at home"),
        ("households without power", "households that lost power"),
        ("people left without electricity", "people who lost power"),
    ],
)
def test_being_without_power_is_having_lost_it(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


def test_being_without_power_is_not_being_killed():
    score, _ = similarity("people left without electricity", "people killed")
    assert score == 0
