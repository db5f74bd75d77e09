"""Scoring an extractor against a labelled corpus, and the plain quantulum3 baseline.

Pure Python. A predicted figure matches a gold one when their character spans overlap in the same
document (one-to-one, largest overlap first). Field accuracies are computed over matched pairs.
The corpus format is documented in ``tests/claims/core/extraction/corpus/README.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from claims.core import vocabulary
from claims.core.comparison.records import period_length
from claims.core.extraction.candidate import Candidate
from claims.core.extraction.sentences import split_sentences
from claims.core.extraction.speakers import is_fragment_speaker


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """One labelled figure."""

    figure: str
    start: int
    end: int
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str
    subject: str
    speaker: str | None
    speaker_aliases: tuple[str, ...]
    speaker_kind: str | None
    as_of_start: dt.date | None
    as_of_end: dt.date | None
    as_of_precision: str | None
    # Given by the labels written since issue 12 (None when a label does not say): the head noun
    # of the subject, and where, for whom and by whom the figure holds (its scope).
    subject_head: str | None = None
    scope: tuple[str, ...] | None = None
    # Given by the labels with a tenth field (None when a label does not say): what kind of figure
    # over time it is, "level", "cumulative" (with the total's start when the sentence says it)
    # or "per_period" (with the period's length in days).
    period_kind: str | None = None
    period_start: dt.date | None = None
    period_days: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One labelled text: a seed article or a written sentence, with its publication date."""

    id: str
    split: str
    published: dt.date | None
    text: str
    figures: tuple[GoldFigure, ...]


Corpus = list[Document]


class _Predicted(Protocol):
    start: int
    end: int
    value_low: float | None
    value_high: float | None
    qualifier: str
    speaker: str | None
    as_of_start: dt.date | None
    as_of_end: dt.date | None


Extractor = Callable[..., Sequence[Any]]


@dataclass(frozen=True, slots=True)
class Miss:
    """A disagreement, for reading what went wrong."""

    document: str
    kind: str
    figure: str
    detail: str


@dataclass(frozen=True, slots=True)
class Scores:
    """Figure detection and field accuracy of one extractor on one corpus."""

    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    exact_bounds: float
    qualifier: float
    speaker: float
    as_of: float
    unit: float = 0.0
    subject_head: float = 0.0  # the gold head noun is one of the predicted subject's words
    subject_overlap: float = 0.0  # mean Jaccard of subject words, gold against predicted
    scope: float | None = None  # over labels giving a scope (None: none do): same places, actors
    # Over labels giving a period (None: none do): the same kind (level, cumulative, per period);
    # over the cumulative ones, the same start; over the per-period ones, the same length.
    period: float | None = None
    period_start: float | None = None
    period_length: float | None = None
    fragment_speakers: int = 0  # predicted speakers that are no one ("that 4", "week")
    misses: tuple[Miss, ...] = field(default=(), repr=False)

    def as_row(self) -> dict[str, float | int | None]:
        """The numbers only, for printing a table."""
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "exact_bounds": self.exact_bounds,
            "qualifier": self.qualifier,
            "speaker": self.speaker,
            "as_of": self.as_of,
            "unit": self.unit,
            "subject_head": self.subject_head,
            "subject_overlap": self.subject_overlap,
            "scope": self.scope,
            "period": self.period,
            "period_start": self.period_start,
            "period_length": self.period_length,
            "fragment_speakers": self.fragment_speakers,
        }


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _gold(raw: dict[str, Any]) -> GoldFigure:
    return GoldFigure(
        figure=raw["figure"],
        start=int(raw["start"]),
        end=int(raw["end"]),
        value_low=raw.get("value_low"),
        value_high=raw.get("value_high"),
        qualifier=raw.get("qualifier", "exact"),
        unit=raw.get("unit", "count"),
        subject=raw.get("subject", ""),
        speaker=raw.get("speaker"),
        speaker_aliases=tuple(raw.get("speaker_aliases", ())),
        speaker_kind=raw.get("speaker_kind"),
        as_of_start=_date(raw.get("as_of_start")),
        as_of_end=_date(raw.get("as_of_end")),
        as_of_precision=raw.get("as_of_precision"),
        subject_head=raw.get("subject_head"),
        scope=tuple(raw["scope"]) if "scope" in raw else None,
        period_kind=raw.get("period_kind"),
        period_start=_date(raw.get("period_start")),
        period_days=raw.get("period_days"),
    )


def load_corpus(path: str | Path, *, splits: Iterable[str] | None = None) -> Corpus:
    """Read a JSON Lines corpus (a file, or a directory holding ``corpus.jsonl``).

    ``splits`` keeps only documents whose ``split`` is listed ("seed", "tuning", "heldout").
    Raises ValueError when a label's offsets do not point at its figure text.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "corpus.jsonl"
    wanted = set(splits) if splits is not None else None
    corpus: Corpus = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            raw = json.loads(line)
            if wanted is not None and raw.get("split") not in wanted:
                continue
            text = raw["text"]
            figures = tuple(_gold(f) for f in raw.get("figures", ()))
            for figure in figures:
                if text[figure.start : figure.end] != figure.figure:
                    raise ValueError(f"{path}:{number}: offsets do not match {figure.figure!r}")
            corpus.append(
                Document(
                    id=raw["id"],
                    split=raw.get("split", ""),
                    published=_date(raw.get("published")),
                    text=text,
                    figures=figures,
                )
            )
    return corpus


def normalise_speaker(name: str | None) -> str | None:
    """Lower case, no leading article, no punctuation: how speaker names are compared."""
    if name is None:
        return None
    name = re.sub(r"[^\w\s]", "", name.lower().replace("\u2019", "'").replace("'", ""))
    name = re.sub(r"^(?:a|an|the)\s+", "", re.sub(r"\s+", " ", name).strip())
    return name or None


def _speaker_ok(gold: GoldFigure, predicted: str | None) -> bool:
    names = {normalise_speaker(gold.speaker)} | {normalise_speaker(a) for a in gold.speaker_aliases}
    return normalise_speaker(predicted) in names


def _word_forms(phrase: str) -> set[str]:
    """Lower-case words with possessives and a plural "s" dropped, for comparing subjects."""
    forms = set()
    for word in re.findall(r"[\w-]+", phrase.lower().replace("\u2019", "'")):
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        forms.add(word)
    return forms


def guess_head(subject: str) -> str:
    """The head noun of a label written without a "*" mark: the last word before the first
    preposition or relative word, past any trailing participles ("people killed in the
    fighting" -> "people"); the noun after "of" when the subject is "share of ...", "rise in"."""
    vocabulary_ = vocabulary.load("subjects")
    of_heads, breaks = set(vocabulary_["of_heads"]), set(vocabulary_["phrase_breaks"])
    words = subject.split()
    if len(words) > 2 and words[0].lower() in of_heads and words[1].lower() in ("of", "in"):
        words = [w for w in words[2:] if w.lower() not in ("the", "a", "an")]
    participles = set(vocabulary_["participles"])

    def ends_phrase(word: str) -> bool:
        # A participle after the noun ("people fled Ukraine", "jobs cut", "trucks entering")
        # ends its phrase as a preposition does.
        word = word.lower()
        return word in breaks or word in participles or word.endswith("ed")

    def cuts(index: int) -> bool:
        word = words[index].lower()
        if word.endswith("ing") and word not in breaks:
            # "aid trucks entering Gaza", "workers benefiting"; but "planned borrowing" is a noun
            return index + 1 < len(words) or words[index - 1].lower().endswith("s")
        return ends_phrase(word)

    cut = next((i for i in range(1, len(words)) if cuts(i)), len(words))
    words = words[:cut]
    while len(words) > 1 and words[-1].lower().endswith("ly"):
        words = words[:-1]  # "people forcibly displaced"
    return words[-1] if words else ""


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _scope_parts(scope: str) -> set[str]:
    parts = re.split(r"\s*(?:;|,|\band\b)\s*", scope.lower())
    return {re.sub(r"^the\s+", "", part.strip()) for part in parts if part.strip()}


def _period_misses(
    document: str, gold: GoldFigure, pred: Any, totals: dict[str, int]
) -> list[Miss]:
    """Score the period of one matched pair whose label gives one; the disagreements.

    The extractor says "" when the sentence names no period; a figure read at its date is a
    level, so "" counts as "level" here.
    """
    kind = getattr(pred, "period_kind", "") or "level"
    start = getattr(pred, "period_start", None)
    days = getattr(pred, "period_days", None)
    said = {
        "level": "level",
        "cumulative": f"cumulative since {start}",
        "per_period": f"per {days} days",
    }
    misses = []
    totals["periods"] += 1
    if kind == gold.period_kind:
        totals["period"] += 1
    else:
        wanted = {"level": "level", "cumulative": "cumulative", "per_period": "per period"}
        detail = f"{said.get(kind, kind)} != {wanted.get(gold.period_kind or '', gold.period_kind)}"
        misses.append(Miss(document, "period", gold.figure, detail))
    if gold.period_kind == "cumulative":
        totals["cumulatives"] += 1
        if kind == "cumulative" and start == gold.period_start:
            totals["period_start"] += 1
        elif kind == "cumulative":
            detail = f"since {start} != since {gold.period_start}"
            misses.append(Miss(document, "period_start", gold.figure, detail))
    if gold.period_kind == "per_period":
        totals["rates"] += 1
        if kind == "per_period" and period_length(days) == period_length(gold.period_days):
            totals["period_length"] += 1
        elif kind == "per_period":
            detail = f"per {days} days != per {gold.period_days} days"
            misses.append(Miss(document, "period_length", gold.figure, detail))
    return misses


def _unit_ok(gold: str, predicted: str) -> bool:
    """Units compare as pint units where both parse ("km" == "kilometre"), else as text."""
    if gold.strip().lower() == str(predicted).strip().lower():
        return True
    try:
        from claims.core.units import UnitError, parse_unit
    except ImportError:  # the units module is optional for the pure package
        return False
    try:
        return parse_unit(gold) == parse_unit(str(predicted))
    except (UnitError, ValueError, TypeError):
        return False


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _match(gold: Sequence[GoldFigure], predicted: Sequence[_Predicted]) -> list[tuple[int, int]]:
    pairs = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, g_index, p_index))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, g_index, p_index in pairs:
        if g_index in used_g or p_index in used_p:
            continue
        used_g.add(g_index)
        used_p.add(p_index)
        matched.append((g_index, p_index))
    return matched


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# Durations, ages and vague plurals are not labelled in any split (corpus/README.md, labelling
# rules), so a figure the extractor types as one of them is scored by ``kind_scores`` instead.
SCORED_KIND = "quantity"


def evaluate(corpus: Corpus, extractor: Extractor) -> Scores:
    """Score ``extractor(text, published=date)`` on ``corpus``.

    Precision, recall and F1 count figures whose spans overlap a gold figure in the same
    document; bounds, qualifier, unit, subject head, speaker and as-of are accuracies over those
    matched figures, the subject overlap a mean Jaccard of their words, and the scope and the
    period accuracies over the matched figures whose label gives one (the period's start over
    the cumulative totals, its length over the counts per period). ``fragment_speakers`` counts
    every predicted speaker that is no one, matched or not.
    """
    totals = {"gold": 0, "pred": 0, "match": 0, "bounds": 0, "qual": 0, "speaker": 0, "asof": 0}
    totals |= {"unit": 0, "head": 0, "scope": 0, "scoped": 0, "fragments": 0}
    totals |= dict.fromkeys(("period", "periods", "period_start", "cumulatives"), 0)
    totals |= {"period_length": 0, "rates": 0}
    overlap = 0.0
    misses: list[Miss] = []
    for document in corpus:
        predicted = [
            p
            for p in extractor(document.text, published=document.published)
            if getattr(p, "figure_kind", SCORED_KIND) == SCORED_KIND
        ]
        pairs = _match(document.figures, predicted)
        totals["gold"] += len(document.figures)
        totals["pred"] += len(predicted)
        totals["match"] += len(pairs)
        matched_g = {g for g, _ in pairs}
        matched_p = {p for _, p in pairs}
        for g_index, gold in enumerate(document.figures):
            if g_index not in matched_g:
                misses.append(Miss(document.id, "missed", gold.figure, ""))
        for p_index, pred in enumerate(predicted):
            if is_fragment_speaker(pred.speaker):
                totals["fragments"] += 1
                figure = document.text[pred.start : pred.end]
                misses.append(Miss(document.id, "fragment_speaker", figure, repr(pred.speaker)))
            if p_index not in matched_p:
                figure = document.text[pred.start : pred.end]
                misses.append(Miss(document.id, "spurious", figure, ""))
        for g_index, p_index in pairs:
            gold, pred = document.figures[g_index], predicted[p_index]
            figure = gold.figure
            if _close(gold.value_low, pred.value_low) and _close(gold.value_high, pred.value_high):
                totals["bounds"] += 1
            else:
                detail = (
                    f"{pred.value_low}..{pred.value_high} != {gold.value_low}..{gold.value_high}"
                )
                misses.append(Miss(document.id, "bounds", figure, detail))
            if gold.qualifier == str(pred.qualifier):
                totals["qual"] += 1
            else:
                misses.append(
                    Miss(document.id, "qualifier", figure, f"{pred.qualifier} != {gold.qualifier}")
                )
            if _unit_ok(gold.unit, pred.unit):
                totals["unit"] += 1
            else:
                misses.append(Miss(document.id, "unit", figure, f"{pred.unit} != {gold.unit}"))
            subject = getattr(pred, "subject", "") or ""
            head = gold.subject_head or guess_head(gold.subject)
            if _word_forms(head) <= _word_forms(subject):
                totals["head"] += 1
            else:
                misses.append(
                    Miss(document.id, "subject", figure, f"{subject!r} != {gold.subject!r}")
                )
            overlap += _jaccard(_word_forms(gold.subject), _word_forms(subject))
            if gold.scope is not None:
                totals["scoped"] += 1
                scope = getattr(pred, "scope", "") or ""
                if _scope_parts(scope) == {p.lower() for p in gold.scope}:
                    totals["scope"] += 1
                else:
                    misses.append(Miss(document.id, "scope", figure, f"{scope!r} != {gold.scope}"))
            if gold.period_kind is not None:
                misses += _period_misses(document.id, gold, pred, totals)
            if _speaker_ok(gold, pred.speaker):
                totals["speaker"] += 1
            else:
                misses.append(
                    Miss(document.id, "speaker", figure, f"{pred.speaker!r} != {gold.speaker!r}")
                )
            if (gold.as_of_start, gold.as_of_end) == (pred.as_of_start, pred.as_of_end):
                totals["asof"] += 1
            else:
                misses.append(
                    Miss(
                        document.id,
                        "as_of",
                        figure,
                        f"{pred.as_of_start}..{pred.as_of_end} != "
                        f"{gold.as_of_start}..{gold.as_of_end}",
                    )
                )
    precision = _ratio(totals["match"], totals["pred"])
    recall = _ratio(totals["match"], totals["gold"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    matched = totals["match"]
    return Scores(
        gold=totals["gold"],
        predicted=totals["pred"],
        matched=matched,
        precision=precision,
        recall=recall,
        f1=f1,
        exact_bounds=_ratio(totals["bounds"], matched),
        qualifier=_ratio(totals["qual"], matched),
        speaker=_ratio(totals["speaker"], matched),
        as_of=_ratio(totals["asof"], matched),
        unit=_ratio(totals["unit"], matched),
        subject_head=_ratio(totals["head"], matched),
        subject_overlap=overlap / matched if matched else 0.0,
        scope=_ratio(totals["scope"], totals["scoped"]) if totals["scoped"] else None,
        period=_ratio(totals["period"], totals["periods"]) if totals["periods"] else None,
        period_start=(
            _ratio(totals["period_start"], totals["cumulatives"]) if totals["cumulatives"] else None
        ),
        period_length=_ratio(totals["period_length"], totals["rates"]) if totals["rates"] else None,
        fragment_speakers=totals["fragments"],
        misses=tuple(misses),
    )


_QUANTULUM_UNITS: dict[str, str] = vocabulary.load("quantulum_units")["units"]


def quantulum3_baseline(text: str, *, published: dt.date | None = None) -> list[Candidate]:
    """The plain quantulum3 baseline: every quantity it parses is a figure.

    Bounds are its value (low == high), qualifier exact, no speaker, the publication date as
    as-of. Parsed sentence by sentence so that quotes and offsets line up with ours.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        candidates = []
        for sentence in split_sentences(text):
            chunk = text[sentence.start : sentence.end]
            for quantity in parser.parse(chunk):
                start, end = quantity.span
                unit = _QUANTULUM_UNITS.get(quantity.unit.name, quantity.unit.name)
                candidates.append(
                    Candidate(
                        quote=chunk,
                        quote_start=sentence.start,
                        figure=text[sentence.start + start : sentence.start + end],
                        start=sentence.start + start,
                        end=sentence.start + end,
                        value_low=float(quantity.value),
                        value_high=float(quantity.value),
                        qualifier="exact",
                        unit=unit,
                        subject="",
                        speaker=None,
                        speaker_kind=None,
                        as_of_start=published,
                        as_of_end=published,
                        as_of_precision="day" if published else None,
                    )
                )
    return candidates
