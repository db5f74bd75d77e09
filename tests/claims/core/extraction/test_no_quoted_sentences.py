"""No product code may quote a labelled sentence: a rule that holds one sentence's words fits that
sentence, not the kind of sentence, and makes every score on it a lie."""

from __future__ import annotations

import re
from pathlib import Path

from claims.core.extraction.evaluation import load_corpus

from .helpers import CORPUS_DIR

ROOT = Path(__file__).resolve().parents[4]
PRODUCT = ("claims", "sources", "reviews")
SUFFIXES = {".py", ".toml", ".txt", ".html", ".json", ".md", ".csv"}
RUN = 8  # consecutive words


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def quoted_runs(code: str, labelled: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The runs of eight words that ``code`` shares with the labelled sentences."""
    return _runs(_words(code)) & labelled


def _labelled_runs() -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for document in load_corpus(CORPUS_DIR):
        # Seed articles are whole texts; only their labelled sentences are corpus sentences,
        # but a rule quoting any eight of their words fits them just the same.
        runs |= _runs(_words(document.text))
    return runs


def test_a_quote_of_eight_words_is_caught_and_seven_are_not() -> None:
    labelled = _runs(_words("the quick brown fox jumps over the lazy dog today"))
    assert quoted_runs('RULE = "quick brown fox jumps over the lazy dog"', labelled)
    assert not quoted_runs('RULE = "brown fox jumps over the lazy dog"', labelled)


def test_no_product_file_holds_eight_consecutive_words_of_a_labelled_sentence() -> None:
    labelled = _labelled_runs()
    offenders = []
    for package in PRODUCT:
        for path in sorted((ROOT / package).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            found = quoted_runs(path.read_text(encoding="utf-8", errors="replace"), labelled)
            offenders += [f"{path.relative_to(ROOT)}: {' '.join(run)}" for run in sorted(found)]
    assert not offenders, "\n".join(offenders[:40])
