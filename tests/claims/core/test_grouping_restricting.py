"""Restricting words: a figure about a part of a quantity (core inflation, prices excluding
fuel), or about a plan or a limit for it (a target, a quota, a forecast, planned or expected
figures, capacity), is not the plain quantity; the same restriction worded otherwise is."""

import pytest

from claims.core import grouping, lexical
from claims.core.grouping import ClaimInput

pytestmark = pytest.mark.skipif(not lexical.available(), reason="WordNet is not installed")
THRESHOLD = grouping.DEFAULT_MIN_CONFIDENCE


def similarity(a: str, b: str, *, unit: str = "percent", scope: str = "Chile"):
    first = ClaimInput(key="a", subject=a, unit=unit, scope=scope)
    second = ClaimInput(key="b", subject=b, unit=unit, scope=scope)
    return grouping.claim_similarity(first, second)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("core inflation", "inflation"),
        ("annual inflation", "underlying annual inflation"),
        ("rise in consumer prices", "core rise in consumer prices"),
        ("inflation excluding fuel and food", "inflation"),
        ("inflation", "price rises, food and fuel aside"),
        ("consumer prices that leave out energy", "consumer prices"),
    ],
)
def test_a_core_or_excluding_figure_is_not_the_plain_one(a, b):
    score, reason = similarity(a, b)
    assert score == 0
    assert "core" in reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("core inflation", "underlying inflation"),
        ("underlying inflation", "inflation excluding food and energy"),
    ],
)
def test_one_restriction_worded_two_ways_is_one_quantity(a, b):
    assert similarity(a, b)[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("crude output", "crude output target"),
        ("oil production", "production quota"),
        ("target for oil output", "oil output"),
        ("copper production", "expected copper production"),
        ("wheat harvest", "wheat harvest forecast"),
        ("projected wheat harvest", "wheat harvest"),
        ("planned refugee arrivals", "refugee arrivals"),
        ("refinery output", "refining capacity"),
    ],
)
def test_a_plan_or_a_limit_is_not_the_actual_figure(a, b):
    score, _ = similarity(a, b, unit="count")
    assert score == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("production target", "quota"),
        ("crude output quota", "output target"),
        ("oil production ceiling", "production quota"),
    ],
)
def test_a_target_and_a_quota_are_one_figure(a, b):
    assert similarity(a, b, unit="barrels per day")[0] >= THRESHOLD


def test_the_restriction_is_read_in_a_metric_name_too():
    claim = ClaimInput(key="c", subject="production quota", unit="barrels per day", scope="Oman")
    actual = grouping.MetricInput(key="m", name="Crude output", canonical_unit="barrels per day")
    target = grouping.MetricInput(
        key="t", name="Crude output target", canonical_unit="barrels per day"
    )
    assert grouping.score_match(claim, actual).confidence == 0
    assert grouping.best_match(claim, [actual, target]).metric_key == "t"


# ---------------------------------------------------------------- policy rates


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bank Rate", "benchmark interest rate"),
        ("base rate", "policy rate"),
        ("the official cash rate", "key rate"),
        ("main refinancing rate", "benchmark rate"),
        ("borrowing costs", "the central bank's key lending rate"),
        ("interest rate the bank sets, its base rate", "Bank Rate"),
    ],
)
def test_a_central_bank_rate_named_several_ways_is_one_quantity(a, b):
    assert similarity(a, b, scope="Norway")[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bank Rate", "annual rate of consumer price inflation"),
        ("base rate", "unemployment rate"),
        ("policy rate", "target for the policy rate"),
    ],
)
def test_a_central_bank_rate_is_not_another_rate(a, b):
    assert similarity(a, b, scope="Norway")[0] == 0


# ---------------------------------------------------------------- a scope that points at a country


def scoped(a_scope: str, b_scope: str, *, subject: str = "people killed"):
    first = ClaimInput(key="a", subject=subject, unit="count", scope=a_scope)
    second = ClaimInput(key="b", subject=subject, unit="count", scope=b_scope)
    return grouping.claim_similarity(first, second)[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the whole country", "Lebanon"),
        ("Peru", "nationwide"),
        ("the kingdom", "Saudi Arabia"),
        ("across the entire nation", "Chile"),
        ("the south of the country", "southern Lebanon"),
        ("the country's north", "northern Chile"),
        ("inside Lebanon", "Lebanon"),
    ],
)
def test_a_scope_that_only_points_at_a_country_is_the_country_the_other_names(a, b):
    assert scoped(a, b) >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("nationwide", "California"),
        ("the whole country", "Kurdistan Region"),
        ("the south of the country", "Lebanon"),
        ("the north of the country", "southern Lebanon"),
    ],
)
def test_a_pointed_country_is_not_a_state_of_it_nor_another_part(a, b):
    assert scoped(a, b) < THRESHOLD


# ---------------------------------------------------------------- participles of displacement


@pytest.mark.parametrize("subject", ["crude pumped", "oil shipped abroad", "barrels pumped"])
def test_a_participle_of_moving_goods_counts_no_displaced_people(subject):
    assert grouping._subject(subject).head != "idp"


@pytest.mark.parametrize(
    "subject",
    ["people who remain uprooted", "families driven from their homes", "Syrians forced from home"],
)
def test_people_driven_out_are_the_displaced(subject):
    first = ClaimInput(key="a", subject=subject, unit="count", scope="Syria")
    second = ClaimInput(key="b", subject="internally displaced people", unit="count", scope="Syria")
    assert grouping.claim_similarity(first, second)[0] >= THRESHOLD


# ---------------------------------------------------------------- a rate of something


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("headline rate of consumer price inflation", "inflation"),
        ("the rate of inflation", "annual inflation"),
        ("rate of unemployment", "joblessness"),
    ],
)
def test_a_rate_of_a_counted_thing_counts_that_thing(a, b):
    assert similarity(a, b)[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the rate of inflation", "annual rate with housing costs"),
        ("the rate of unemployment", "rate of inflation"),
    ],
)
def test_rates_of_different_things_stay_apart(a, b):
    assert similarity(a, b)[0] == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("price cap for a typical home", "cap on a household's yearly energy bill"),
        ("energy price cap", "ceiling on energy prices"),
    ],
)
def test_a_cap_worded_two_ways_is_one_limit(a, b):
    assert similarity(a, b, unit="GBP", scope="Great Britain")[0] >= THRESHOLD


def test_a_cap_on_prices_is_not_the_price():
    assert similarity("electricity price", "electricity price cap", unit="GBP")[0] == 0


# ---------------------------------------------------------------- turnout worded as who voted


@pytest.mark.parametrize(
    "subject",
    [
        "voters who took part",
        "registered voters who cast a ballot",
        "electors who cast their ballot",
        "adults who cast a vote",
    ],
)
def test_those_who_took_part_or_cast_a_ballot_are_the_turnout(subject):
    assert similarity(subject, "turnout", scope="Ghana")[0] >= THRESHOLD


def test_ballots_cast_for_a_party_are_no_turnout():
    assert similarity("ballots cast for the Unity Party", "turnout", scope="Ghana")[0] < THRESHOLD


# ---------------------------------------------------------------- a commodity and its participle


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("oil pumped", "crude production"),
        ("crude oil produced", "oil output"),
        ("gas extracted", "gas production"),
        ("crude shipped abroad", "crude exports"),
        ("oil exported", "oil shipments"),
        ("wheat imported", "wheat imports"),
    ],
)
def test_a_participle_after_a_commodity_names_its_measure(a, b):
    assert similarity(a, b, unit="barrels per day", scope="Oman")[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("oil pumped", "crude shipped abroad"),
        ("crude exported", "crude production"),
        ("gas imported", "gas produced"),
    ],
)
def test_production_exports_and_imports_stay_apart(a, b):
    assert similarity(a, b, unit="barrels per day", scope="Oman")[0] == 0


@pytest.mark.parametrize("word", ["transported", "relocated", "evacuated"])
def test_a_participle_of_moving_is_not_read_as_exports(word):
    assert grouping._subject(f"people {word}").head != "export"


# ---------------------------------------------------------------- a people by nationality


@pytest.mark.parametrize("word", ["Jamaicans", "Venezuelans", "Congolese", "Hondurans"])
def test_a_nationality_named_by_wordnet_is_a_people(word):
    assert lexical.names_people(word)


@pytest.mark.parametrize("word", ["Turnout", "Democrats", "Seats", "Bank"])
def test_a_common_word_or_a_party_is_no_people(word):
    assert not lexical.names_people(word)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jamaicans in emergency shelters", "people housed in shelters"),
        ("Jamaicans sheltering in schools", "people in shelters"),
    ],
)
def test_a_nationality_counted_at_home_is_its_people(a, b):
    assert similarity(a, b, unit="count", scope="Jamaica")[0] >= THRESHOLD


def test_a_people_counted_is_not_the_seats_or_the_cards_they_hold():
    assert similarity("Venezuelans", "protection cards held", unit="count")[0] == 0


def test_function_words_keep_their_spelling():
    assert grouping.normalise("herds where the virus has been found") == [
        "herd",
        "where",
        "the",
        "virus",
        "has",
        "been",
        "found",
    ]


# ---------------------------------------------------------------- a toll and its cause


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("injuries from the fighting", "people wounded"),
        ("people hurt", "injuries from shelling"),
        ("deaths from the bombardment", "people killed"),
    ],
)
def test_the_cause_after_a_toll_names_no_other_counted_thing(a, b):
    assert similarity(a, b, unit="count", scope="Lebanon")[0] >= THRESHOLD


def test_a_toll_of_injuries_is_still_not_one_of_deaths():
    score, _ = similarity("injuries from the fighting", "deaths from the fighting", unit="count")
    assert score == 0


# ---------------------------------------------------------------- weak ties: travellers


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("people died or gone missing", "migrants drowned or vanished"),
        ("migrants who died at sea", "people killed on the crossing"),
        ("evacuees who arrived", "arrivals"),
    ],
)
def test_people_and_travellers_befallen_by_one_event_are_one_count(a, b):
    assert similarity(a, b, unit="count", scope="Mediterranean")[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("people killed", "women killed"),
        ("people killed", "civilians killed"),
        ("people killed", "migrants"),
        ("people arrived", "migrants killed"),
    ],
)
def test_a_part_of_all_people_or_another_event_is_no_weak_tie(a, b):
    assert similarity(a, b, unit="count", scope="Mediterranean")[0] < THRESHOLD


def test_a_traveller_is_a_kind_wordnet_puts_under_traveler():
    assert lexical.kind_of("migrant", "traveler.n.01")
    assert not lexical.kind_of("woman", "traveler.n.01")


# ---------------------------------------------------------------- weak ties: the noun of an act


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("people infected with bird flu", "human infections"),
        ("infections in people", "people who were infected"),
    ],
)
def test_people_an_act_befell_and_the_act_by_its_noun_are_one_count(a, b):
    assert similarity(a, b, unit="count", scope="Mexico")[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("people infected with bird flu", "deaths from bird flu"),
        ("people infected", "herds infected"),
    ],
)
def test_the_noun_of_another_act_or_thing_is_no_weak_tie(a, b):
    assert similarity(a, b, unit="count", scope="Mexico")[0] < THRESHOLD


def test_wordnet_names_the_noun_of_an_act():
    assert lexical.noun_of_act("infection", "infected")
    assert not lexical.noun_of_act("death", "infected")


# ---------------------------------------------------------------- the U.S. as a scope


@pytest.mark.parametrize(("a", "b"), [("US", "United States"), ("U.S.", "the United States")])
def test_the_us_as_a_scope_is_the_country(a, b):
    assert scoped(a, b) >= THRESHOLD


def test_the_us_as_a_scope_is_not_another_country():
    assert scoped("US", "Canada") == 0


# ---------------------------------------------------------------- a people abroad and its migrants


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Venezuelans", "Venezuelan migrants living in Colombia"),
        ("Haitians", "Haitian migrants"),
    ],
)
def test_a_people_counted_abroad_and_its_migrants_are_one_count(a, b):
    assert similarity(a, b, unit="count", scope="Colombia")[0] >= THRESHOLD


def test_a_participle_after_the_counted_noun_is_not_its_head():
    assert grouping._subject("migrants living in Colombia").head == "migrant"
    assert grouping._subject("Venezuelans").head == "people"


# ---------------------------------------------------------------- a relative clause


@pytest.mark.parametrize(
    ("subject", "head"),
    [
        ("dairies where bird flu has been found", "dairy"),
        ("farms where the virus was detected", "farm"),
        ("poultry flocks that H5N1 has reached", "flock"),
        ("Peruvians who hold a residence card", "card"),
    ],
)
def test_a_verb_of_a_relative_clause_is_not_the_head(subject, head):
    assert grouping._subject(subject).head == head
