"""Sentence splitting: quotes are whole sentences with exact offsets."""

from __future__ import annotations

from claims.core.extraction.sentences import split_sentences

from .helpers import figures


def test_quote_is_the_sentence_containing_the_figure() -> None:
    text = "Talks began. Officials said 40 people died. Talks ended."
    candidate = figures(text)[0]
    assert candidate.quote == "Officials said 40 people died."
    assert text[candidate.quote_start : candidate.quote_start + len(candidate.quote)] == (
        candidate.quote
    )


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "James F. Jeffrey of the U.S. said 5 were hurt. Gen. Smith agreed."
    parts = [text[s.start : s.end] for s in split_sentences(text)]
    assert parts == ["James F. Jeffrey of the U.S. said 5 were hurt.", "Gen. Smith agreed."]


def test_a_line_break_ends_a_sentence() -> None:
    text = "Headline without a full stop\nBody text here."
    assert len(split_sentences(text)) == 2
