"""Traps that merge two quantities on unseen text, and rewordings of one quantity that must still
meet: the matcher's rules read through WordNet and the vocabulary, in sentences of our own."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core import grouping, lexical
from claims.core.grouping import ClaimInput

pytestmark = pytest.mark.skipif(not lexical.available(), reason="WordNet is not installed")
THRESHOLD = grouping.DEFAULT_MIN_CONFIDENCE


def similarity(a: str, b: str, *, scope: str = "Chile", unit: str = "count", scope_b: str = ""):
    first = ClaimInput(key="a", subject=a, unit=unit, scope=scope)
    second = ClaimInput(key="b", subject=b, unit=unit, scope=scope_b or scope)
    return grouping.claim_similarity(first, second)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("buildings destroyed", "buildings damaged"),
        ("destroyed houses", "damaged houses"),
        ("homes wrecked by the quake", "homes damaged by the shaking"),
        ("schools destroyed by the cyclone", "schools damaged in the cyclone"),
    ],
)
def test_destroyed_and_damaged_are_two_quantities_however_worded(a, b):
    score, reason = similarity(a, b)
    assert score == 0
    assert "damaged" in reason and "destroyed" in reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("houses razed", "houses destroyed"),
        ("homes levelled by the storm", "destroyed homes"),
        ("dwellings demolished by the blast", "dwellings destroyed"),
    ],
)
def test_a_verb_wordnet_puts_under_destroy_is_the_same_event(a, b):
    assert similarity(a, b)[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the number of dead", "people killed"),
        ("measles deaths", "people who died of measles"),
        ("the dead from the landslide", "people the landslide killed"),
        ("landslide death toll", "people who lost their lives in the landslide"),
    ],
)
def test_a_toll_written_as_a_noun_counts_the_people_it_befell(a, b):
    assert similarity(a, b, scope="Peru")[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("flood deaths", "flood injuries"),
        ("the dead", "the injured"),
        ("people killed in the blast", "people hurt in the blast"),
    ],
)
def test_deaths_and_injuries_never_meet(a, b):
    assert similarity(a, b, scope="Peru")[0] == 0


def test_a_group_of_people_is_still_not_everyone_when_the_toll_is_a_noun():
    # "children who died" is a part of "cholera deaths", not the same count.
    assert similarity("cholera deaths", "children who died of cholera", scope="Peru")[0] == 0


def test_an_increase_written_as_a_noun_is_not_a_count_of_people():
    score, _ = similarity("monthly rise in prices", "people killed", scope="Peru", unit="percent")
    assert score == 0


@pytest.mark.parametrize(
    ("a", "b", "unit"),
    [
        ("hectares burned", "area burned", "hectares"),
        ("hectares of forest scorched", "forest area burned", "hectares"),
        ("percent of votes", "vote share", "percent"),
    ],
)
def test_a_head_that_only_names_the_unit_leaves_the_rest_to_decide(a, b, unit):
    assert similarity(a, b, scope="Portugal", unit=unit)[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("monthly inflation", "annual inflation"),
        ("quarterly growth", "annual growth"),
        ("weekly cases", "cases per month"),
        ("new infections in the past two weeks", "new infections per week"),
    ],
)
def test_subjects_naming_different_period_lengths_never_meet(a, b):
    score, reason = similarity(a, b, scope="Argentina", unit="percent")
    assert score == 0
    assert "days" in reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("inflation over twelve months", "annual inflation"),
        ("yearly inflation", "annual inflation"),
        ("infections per week", "weekly infections"),
    ],
)
def test_one_length_however_written_is_one_length(a, b):
    assert similarity(a, b, scope="Argentina", unit="percent")[0] >= THRESHOLD


def test_an_unknown_district_against_a_known_country_is_no_evidence_of_one_place():
    # The gazetteer lacks the district; sharing no word with the country, it is not it.
    score, reason = similarity("people killed", "people killed", scope="Oudomxay", scope_b="Peru")
    assert score < THRESHOLD
    assert "share no word" in reason


def test_a_head_is_a_noun_not_the_adverb_after_it():
    # "completely" and "nationwide" qualify; the counted things are homes and the dead.
    homes, _ = similarity("homes completely destroyed", "homes destroyed")
    toll, _ = similarity("nationwide toll", "people killed", scope="Peru")
    assert homes >= THRESHOLD and toll >= THRESHOLD


@pytest.mark.parametrize(
    ("word", "expected"),
    [("nationwide", True), ("ashore", True), ("flattened", True), ("home", False), ("qwzx", False)],
)
def test_not_a_noun_tells_adverbs_and_verb_forms_from_nouns_and_unknown_words(word, expected):
    assert lexical.not_a_noun(word) is expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ANC seats won", "African National Congress seats"),
        ("seats won by the Democratic Alliance", "DA seats"),
        ("UN peacekeepers", "United Nations peacekeepers"),
        ("MDC votes", "votes for the Movement for Democratic Change"),
    ],
)
def test_initials_name_the_party_their_words_name(a, b):
    assert similarity(a, b, scope="South Africa")[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ANC seats", "Democratic Alliance seats"),
        ("DA seats", "African National Congress seats"),
        ("EFF votes", "votes for the Inkatha Freedom Party"),
    ],
)
def test_initials_of_another_party_are_another_actor(a, b):
    score, reason = similarity(a, b, scope="South Africa")
    assert score == 0
    assert "different actor" in reason


def test_a_name_the_vocabulary_knows_whole_keeps_its_own_reading():
    # "Islamic State" is ISIS to the vocabulary, not the initials "IS" of an unknown name.
    assert similarity("Islamic State fighters", "ISIS fighters", scope="Syria")[0] >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("arrivals by boat", "people who arrived by boat"),
        ("sea arrivals", "people who arrived by sea"),
        ("new arrivals at the border", "people arriving at the border"),
    ],
)
def test_arrivals_count_the_people_who_arrived(a, b):
    assert similarity(a, b, scope="Spain")[0] >= THRESHOLD


def test_arrivals_are_not_departures_nor_deaths_on_the_way():
    assert similarity("arrivals by boat", "people who drowned at sea", scope="Spain")[0] == 0


def test_a_noun_in_ing_after_a_preposition_is_no_event():
    # "the fighting" is what uprooted them, not something the counted people did.
    score, _ = similarity("people uprooted by the fighting", "displaced people", scope="Chad")
    assert score >= THRESHOLD


def test_an_irregular_verb_form_with_many_senses_is_no_event():
    # "held" reads as many verbs (hold a view, hold a meeting); it names no event of its own.
    score, reason = similarity("people held in the camp", "people in the camp", scope="Syria")
    assert "on one side only" not in reason
    assert score >= THRESHOLD


WORDS = ["Democratic", "Alliance", "Freedom", "Front", "National", "Party", "Union"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=4), st.sampled_from(["seats", "votes"])
)
def test_any_party_name_and_its_initials_are_one_actor(name, counted):
    initials = "".join(word[0] for word in name)
    spelled = similarity(f"{' '.join(name)} {counted}", f"{initials} {counted}", scope="Kenya")
    assert spelled[0] >= THRESHOLD, spelled


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["weekly", "monthly", "quarterly", "annual", "per week", "per month"]),
    st.sampled_from(["weekly", "monthly", "quarterly", "annual", "per week", "per month"]),
)
def test_period_words_veto_exactly_when_the_lengths_differ(a, b):
    days = {"week": 7, "weekly": 7, "month": 30, "monthly": 30, "quarterly": 91, "annual": 365}
    score, _ = similarity(f"{a} growth", f"{b} growth", scope="Kenya", unit="percent")
    same = days[a.split()[-1]] == days[b.split()[-1]]
    assert (score >= THRESHOLD) == same
    assert score == similarity(f"{b} growth", f"{a} growth", scope="Kenya", unit="percent")[0]


@pytest.mark.parametrize(
    ("word", "event", "expected"),
    [
        ("razed", "destroyed", True),
        ("demolished", "destroyed", True),
        ("scorched", "burned", True),
        ("arriving", "arrived", True),
        ("damaged", "destroyed", False),
        ("created", "burned", False),  # "burn" a disc is to create one: a rare sense
    ],
)
def test_a_verb_names_an_event_through_the_events_main_senses_only(word, event, expected):
    assert lexical.names_event(word, event) is expected


def test_jobs_created_and_jobs_lost_are_not_one_quantity():
    assert similarity("jobs created", "jobs lost", scope="Brazil")[0] < THRESHOLD
