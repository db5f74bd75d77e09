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
