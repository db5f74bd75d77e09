"""Scoring the typed kinds (durations, ages, vague plurals) on a small labelled set of their own.

The figure corpus labels quantities only (its README says why); these kinds are scored here, on
``kinds.txt``: precision and recall of typed figures, where a hit must overlap the labelled text
and agree on the kind, the unit and the bounds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claims.core.extraction.candidate import Candidate, FigureKind

Extractor = Callable[..., Sequence[Candidate]]


@dataclass(frozen=True, slots=True)
class TypedLabel:
    """One labelled duration, age or vague figure: its text, kind, unit and stated bounds."""

    figure: str
    kind: str
    unit: str
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class KindScores:
    """Typed figures labelled, found, and right (kind, unit and bounds), with P/R/F1."""

    gold: int
    predicted: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _bounds(spec: str) -> tuple[float | None, float | None]:
    if ".." not in spec:
        return float(spec), float(spec)
    low, high = spec.split("..")
    return (float(low) if low else None), (float(high) if high else None)


def load_kinds(path: str | Path) -> list[tuple[str, list[TypedLabel]]]:
    """Documents of a kinds label file (see its header): (text, typed labels) pairs.

    Raises ValueError naming the line when a label is malformed or its figure is not in the text.
    """
    documents: list[tuple[str, list[TypedLabel]]] = []
    text: str | None = None
    labels: list[TypedLabel] = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()

    def flush() -> None:
        if text is not None:
            documents.append((text, labels))

    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("= "):
            flush()
            text, labels = None, []
        elif line.startswith("- "):
            fields = [f.strip() for f in line[2:].split("|")]
            if len(fields) != 4 or fields[1] not in {k.value for k in FigureKind}:
                raise ValueError(f"{path}:{number}: want 'figure | kind | unit | bounds'")
            if text is None or fields[0] not in text:
                raise ValueError(f"{path}:{number}: {fields[0]!r} is not in the sentence")
            labels.append(TypedLabel(fields[0], fields[1], fields[2], *_bounds(fields[3])))
        else:
            text = line
    flush()
    return documents


def evaluate_kinds(
    documents: Sequence[tuple[str, Sequence[TypedLabel]]],
    extractor: Extractor,
    *,
    published: dt.date | None = None,
) -> KindScores:
    """Score the figures ``extractor`` types as something other than a quantity."""
    gold = predicted = right = 0
    for text, labels in documents:
        typed = [
            c
            for c in extractor(text, published=published)
            if getattr(c, "figure_kind", FigureKind.QUANTITY) != FigureKind.QUANTITY
        ]
        gold += len(labels)
        predicted += len(typed)
        used: set[int] = set()
        for label in labels:
            start = text.index(label.figure)
            end = start + len(label.figure)
            for index, candidate in enumerate(typed):
                if index in used or not (candidate.start < end and start < candidate.end):
                    continue
                used.add(index)
                answer = (candidate.figure_kind, candidate.unit, candidate.value_low)
                if answer == (label.kind, label.unit, label.low) and (
                    candidate.value_high == label.high
                ):
                    right += 1
                break
    return KindScores(gold=gold, predicted=predicted, right=right)
