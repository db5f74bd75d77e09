"""Synonyms from WordNet (Debian's wordnet-base, installed by `make wordnet`)."""

import pytest

from claims.core import grouping, lexical
from claims.core.grouping import ClaimInput


@pytest.fixture(scope="module", autouse=True)
def wordnet():
    assert lexical.available(), "WordNet is not installed: run `make wordnet`"


def test_words_of_one_sense_are_related():
    assert lexical.related("oil", "crude")
    assert lexical.related("crude", "oil")


def test_a_kind_of_the_other_is_related():
    assert lexical.related("fatality", "death")


def test_different_things_of_one_kind_are_not_related():
    assert not lexical.related("diesel", "petrol")
    assert not lexical.related("wheat", "oil")


def test_a_word_wordnet_does_not_know_is_related_to_nothing_but_itself():
    assert not lexical.related("taqaddum", "party")
    assert lexical.related("taqaddum", "taqaddum")


def test_oil_exports_and_crude_shipments_are_one_quantity():
    exports = ClaimInput(1, "oil exports", "barrels per day", "Iraq")
    shipments = ClaimInput(2, "crude shipments", "bpd", "Iraq")
    assert grouping.claim_similarity(exports, shipments)[0] >= grouping.DEFAULT_MIN_CONFIDENCE


def test_diesel_and_petrol_prices_stay_apart():
    diesel = ClaimInput(1, "diesel price", "USD", "Iraq")
    petrol = ClaimInput(2, "petrol price", "USD", "Iraq")
    assert grouping.claim_similarity(diesel, petrol)[0] < grouping.DEFAULT_MIN_CONFIDENCE


def test_without_wordnet_nothing_is_related_and_grouping_still_runs(monkeypatch, tmp_path):
    monkeypatch.setenv("WORDNET_DIR", str(tmp_path))
    for cached in (lexical._reader, lexical._senses, lexical.related):
        cached.cache_clear()
    try:
        assert not lexical.available()
        assert not lexical.related("oil", "crude")
    finally:
        monkeypatch.undo()
        for cached in (lexical._reader, lexical._senses, lexical.related):
            cached.cache_clear()


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("women", "woman"), ("men", "man"), ("casualties", "casualty"), ("troops", "troop")],
)
def test_wordnet_gives_the_singular_of_a_noun(plural, singular):
    assert lexical.lemma(plural) == singular


def test_a_word_wordnet_does_not_know_has_no_lemma():
    assert lexical.lemma("taqaddum") is None


@pytest.mark.parametrize("word", ["Indian", "Chinese", "Venezuelans", "Kenyan"])
def test_a_nationality_is_a_name(word):
    assert lexical.is_proper(word) is True


@pytest.mark.parametrize("word", ["Troops", "Turnout", "Civilians"])
def test_a_common_word_written_first_is_no_name(word):
    assert lexical.is_proper(word) is False


@pytest.mark.parametrize(("a", "b"), [("migrant", "refugee"), ("evacuee", "migrant")])
def test_kinds_of_travellers_are_kindred_people(a, b):
    assert lexical.kindred_people(a, b) and lexical.kindred_people(b, a)


@pytest.mark.parametrize(
    ("a", "b"), [("soldier", "civilian"), ("journalist", "commander"), ("export", "import")]
)
def test_people_who_share_only_being_persons_are_not_kindred(a, b):
    assert not lexical.kindred_people(a, b)


def _similarity(a: str, scope_a: str, b: str, scope_b: str) -> tuple[float, str]:
    return grouping.claim_similarity(
        ClaimInput(1, a, "count", scope_a), ClaimInput(2, b, "count", scope_b)
    )


@pytest.mark.parametrize(
    ("a", "b", "scope"),
    [
        ("Indian troops", "Chinese troops", "Ladakh"),
        ("Chinese soldiers deployed", "Indian soldiers deployed", "Ladakh"),
        ("Kenyan soldiers", "Ethiopian soldiers", "Somalia"),
        ("Ethiopian troops", "Kenyan troops", "Somalia"),
    ],
)
def test_two_nations_forces_in_one_place_never_match(a, b, scope):
    score, reason = _similarity(a, scope, b, scope)
    assert score == 0 and "different actor" in reason


@pytest.mark.parametrize(
    ("a", "b", "scope"),
    [
        ("Venezuelan migrants", "Venezuelan refugees", "Colombia"),
        ("Venezuelan refugees", "Venezuelan migrants", "Peru"),
        ("Venezuelan migrants", "Venezuelan refugees", ""),
    ],
)
def test_migrants_and_refugees_of_one_people_match(a, b, scope):
    assert _similarity(a, scope, b, scope)[0] >= grouping.DEFAULT_MIN_CONFIDENCE


@pytest.mark.parametrize("other", ["Afghan refugees", "Syrian refugees", "Haitian migrants"])
def test_migrants_and_refugees_of_two_peoples_stay_apart(other):
    # "Afghan" is also a blanket to WordNet, so it is no sure name: not a veto, but far below
    # the threshold (the peoples differ and one side's is unsure).
    score = _similarity("Venezuelan migrants", "Colombia", other, "Colombia")[0]
    assert score < grouping.DEFAULT_MIN_CONFIDENCE


def test_a_noun_defined_by_an_act_is_defined_by_it():
    assert lexical.defined_by("refugee", "fled")
    assert not lexical.defined_by("fighter", "killed")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sudanese who fled", "Sudanese refugees"),
        ("Sudanese refugees", "Sudanese who have fled"),
        ("refugees from Sudan", "Sudanese who fled"),
    ],
)
def test_people_who_fled_abroad_are_its_refugees(a, b):
    assert _similarity(a, "Chad", b, "Chad")[0] >= grouping.DEFAULT_MIN_CONFIDENCE


def test_people_who_fled_are_not_people_who_returned():
    score = _similarity("Sudanese who fled", "Chad", "Sudanese who returned", "Chad")[0]
    assert score < grouping.DEFAULT_MIN_CONFIDENCE
