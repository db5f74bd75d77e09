"""Shared helpers for the extraction tests: one place that runs the extractor on a sentence.

A plain module rather than a conftest.py, so the tests run without any Django setup.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claims.core.extraction import Candidate, extract

CORPUS_DIR = Path(__file__).parent / "corpus"
PUBLISHED = dt.date(2023, 6, 15)  # a Thursday


def figures(text: str, published: dt.date | None = PUBLISHED) -> list[Candidate]:
    """Candidates found in ``text``, published on a fixed Thursday unless told otherwise."""
    return extract(text, published=published)


def only(text: str, published: dt.date | None = PUBLISHED) -> Candidate:
    """The single candidate in ``text``; fails the test if there is not exactly one."""
    found = figures(text, published)
    assert len(found) == 1, [c.figure for c in found]
    return found[0]


def by_figure(text: str, figure: str, published: dt.date | None = PUBLISHED) -> Candidate:
    """The candidate whose figure is exactly ``figure``."""
    found = [c for c in figures(text, published) if c.figure == figure]
    assert found, [c.figure for c in figures(text, published)]
    return found[0]
