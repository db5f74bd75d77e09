"""The five seed articles: every labelled figure found, bounded, hedged and attributed right."""

from __future__ import annotations

import re

import pytest

from claims.core.extraction import extract
from claims.core.extraction.evaluation import Document, load_corpus, normalise_speaker

from .helpers import CORPUS_DIR

SEEDS = load_corpus(CORPUS_DIR, splits=["seed"])


def _pairs(document: Document) -> list[tuple[object, object]]:
    found = extract(document.text, published=document.published)
    pairs = []
    for gold in document.figures:
        match = [c for c in found if c.start < gold.end and gold.start < c.end]
        pairs.append((gold, match[0] if match else None))
    return pairs


def test_there_are_five_seed_articles() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("document", SEEDS, ids=lambda d: d.id)
def test_every_seed_figure_is_found_with_its_bounds_qualifier_and_speaker(
    document: Document,
) -> None:
    for gold, found in _pairs(document):
        assert found is not None, gold.figure
        assert (found.value_low, found.value_high) == (gold.value_low, gold.value_high)
        assert found.qualifier == gold.qualifier, gold.figure
        names = {normalise_speaker(gold.speaker)} | {
            normalise_speaker(a) for a in gold.speaker_aliases
        }
        assert normalise_speaker(found.speaker) in names, (gold.figure, found.speaker)


@pytest.mark.parametrize("document", SEEDS, ids=lambda d: d.id)
def test_no_year_date_or_ordinal_is_reported_in_a_seed(document: Document) -> None:
    for candidate in extract(document.text, published=document.published):
        assert not re.fullmatch(r"(?:19|20)\d\d", candidate.figure), candidate.figure
        assert not re.search(r"\d(?:st|nd|rd|th)\b", candidate.figure), candidate.figure
        context = document.text[max(0, candidate.start - 12) : candidate.end + 12]
        assert not re.search(
            r"(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December)\s+\d|\d\s+(?:January|February|March|April|May|June|July|"
            r"August|September|October|November|December)|\d-\d\d-\d{4}",
            context,
        ), context


@pytest.mark.parametrize("document", SEEDS, ids=lambda d: d.id)
def test_a_seed_yields_nothing_beyond_its_labels(document: Document) -> None:
    found = extract(document.text, published=document.published)
    assert len(found) == len(document.figures)


def test_the_envoys_figure_is_dated_late_last_month() -> None:
    document = next(d for d in SEEDS if d.id == "seed-002")
    jeffrey = next(
        c
        for c in extract(document.text, published=document.published)
        if c.figure == "14- to 18,000"
    )
    assert (str(jeffrey.as_of_start), str(jeffrey.as_of_end), jeffrey.as_of_precision) == (
        "2020-01-21",
        "2020-01-31",
        "span",
    )
