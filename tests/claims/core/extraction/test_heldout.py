"""The held-out split is frozen: its label file must be the one whose hash the repository holds.

Its scores are read once, for the README, never while tuning; a changed file means someone
edited the yardstick, so the hash fails the suite until a new held-out set is written.
"""

from __future__ import annotations

import hashlib

from claims.core.extraction.evaluation import load_corpus

from .corpus import build_corpus
from .helpers import CORPUS_DIR


def test_heldout_label_file_matches_its_recorded_sha256() -> None:
    recorded, name = (CORPUS_DIR / "HELDOUT.sha256").read_text(encoding="utf-8").split()
    assert name == build_corpus.HELDOUT_FILE
    actual = hashlib.sha256((CORPUS_DIR / name).read_bytes()).hexdigest()
    assert actual == recorded


def test_heldout_split_covers_six_domains_with_at_least_120_figures() -> None:
    heldout = load_corpus(CORPUS_DIR, splits=["heldout"])
    assert sum(len(d.figures) for d in heldout) >= 120
    text = (CORPUS_DIR / build_corpus.HELDOUT_FILE).read_text(encoding="utf-8")
    domains = [line for line in text.splitlines() if line.startswith("# --- ")]
    assert len(domains) >= 6


def test_every_heldout_label_gives_a_subject_head_and_a_scope() -> None:
    for document in load_corpus(CORPUS_DIR, splits=["heldout"]):
        for figure in document.figures:
            assert figure.subject_head and figure.subject_head in figure.subject.split()
            assert isinstance(figure.scope, tuple)
