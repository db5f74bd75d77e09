"""Sentences and paragraphs: where a quote starts and ends, and which lines are page chrome."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.core import vocabulary

# Abbreviations whose full stop does not end a sentence in wire copy.
_ABBREVIATIONS = frozenset(vocabulary.load("sentences")["abbreviations"])
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its offsets in the text and the paragraph (line block) it belongs to."""

    start: int
    end: int
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    # Only the word before the dot matters: searching from the text's start would cost the
    # length of the whole article at every full stop.
    match = _WORD_BEFORE.search(text, max(0, dot - 64), dot)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    # A single capital letter is an initial ("James F. Jeffrey"), not a sentence end.
    return word in _ABBREVIATIONS or (len(word) == 1 and text[match.start()].isupper())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with exact offsets; every line break also ends a sentence."""
    sentences: list[Sentence] = []
    paragraph = 0
    for line in re.finditer(r"[^\n]+", text):
        line_start, line_end = line.start(), line.end()
        cursor = line_start
        for boundary in _BOUNDARY.finditer(text, line_start, line_end):
            if text[boundary.start()] == "." and _is_abbreviation(text, boundary.start()):
                continue
            _append(text, sentences, cursor, boundary.end(), paragraph)
            cursor = boundary.end()
        _append(text, sentences, cursor, line_end, paragraph)
        paragraph += 1
    return sentences


def _append(text: str, sentences: list[Sentence], start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph))


def is_chrome(text: str, sentence: Sentence) -> bool:
    """True for page furniture (datelines, "A+ A-", bare dates, menu words) rather than prose."""
    body = text[sentence.start : sentence.end]
    words = re.findall(r"[A-Za-z]{2,}", body)
    if len(words) < 3:
        return True
    return len(words) < 4 and not re.search(r"[.!?”\"]$", body)
