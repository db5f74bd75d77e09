"""The parse of an article's sentences in batches: the same parse, hence the same claims, as one
sentence at a time, and a cache that stays bounded."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.extraction import extract, parse

pytestmark = pytest.mark.skipif(not parse.available(), reason="spaCy model not installed")

# Sentences of our own, of the kinds an article mixes: a toll with its speaker, a share with a
# place, a budget in a long sentence with a clause moved, a line with no figure at all.
ARTICLE = [
    "Rescue workers said 42 people were killed when the bridge gave way on Sunday.",
    "About 18 percent of households in the northern districts have no running water.",
    "Under the plan approved on Tuesday, which the opposition called reckless, the cabinet will "
    "spend 3.2 billion dollars on roads, the finance minister told parliament.",
    "The ceremony was held in the capital.",
    "Nearly 9,000 families have fled the fighting since March, according to the agency.",
]


def _reading(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc
    ]


@pytest.fixture(autouse=True)
def _clean_cache():
    parse.forget_parses()
    yield
    parse.forget_parses()


def test_a_batch_parses_each_sentence_as_it_would_alone() -> None:
    alone = [_reading(parse._nlp()(sentence)) for sentence in ARTICLE]
    parse.parse_many(ARTICLE)
    assert [_reading(parse.parse(sentence)) for sentence in ARTICLE] == alone


def test_parse_many_leaves_every_sentence_ready_and_keeps_each_once() -> None:
    parse.parse_many(ARTICLE + ARTICLE[:2])
    assert set(parse._PARSED) == set(ARTICLE)
    first = parse.parse(ARTICLE[0])
    parse.parse_many(ARTICLE)  # already parsed: nothing is parsed again
    assert parse.parse(ARTICLE[0]) is first


def test_the_claims_of_an_article_do_not_depend_on_what_was_parsed_before() -> None:
    text = "\n\n".join(ARTICLE)
    fresh = extract(text)
    for sentence in reversed(ARTICLE):  # parsed one at a time, in another order
        parse.parse(sentence)
    assert extract(text) == fresh
    parse.forget_parses()
    one_by_one = [c for sentence in ARTICLE for c in extract(sentence)]
    assert [(c.figure, c.subject, c.speaker) for c in fresh] == [
        (c.figure, c.subject, c.speaker) for c in one_by_one
    ]


def test_the_cache_never_holds_more_than_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "_PARSED_SIZE", 3)
    parse.parse_many(ARTICLE)
    assert len(parse._PARSED) <= 3
    for sentence in ARTICLE:
        assert _reading(parse.parse(sentence)) == _reading(parse._nlp()(sentence))
        assert len(parse._PARSED) <= 3
    # the sentence read last is the one kept longest
    assert ARTICLE[-1] in parse._PARSED


@given(st.integers(0, 120), st.integers(0, 40))
@settings(max_examples=300, deadline=None)
def test_the_tokens_of_a_span_are_those_its_characters_touch(start: int, length: int) -> None:
    doc = parse.parse(ARTICLE[2])
    end = start + length
    touched = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    whole = [t for t in touched if t.idx >= start]
    assert [t.i for t in parse.tokens_in(doc, start, end)] == [t.i for t in whole or touched]
