"""Placing a fact-checker's rating on our verdict scale: the words from ``ratings.toml``.

The label decides when the table knows it; a numeric ``ratingValue`` is read only on a scale
known to run from false to true (a fact-checker listed under ``[scales]``, or our own
organisation's), since many fact-checkers number their labels in an order of their own.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from claims.core.verdicts import BEST_RATING, SCALE, WORST_RATING, Verdict

TABLE = Path(__file__).resolve().with_name("ratings.toml")

# The verdict a bare number maps to when several verdicts share that value.
NUMERIC_VERDICTS: dict[int, Verdict] = {
    5: Verdict.ACCURATE,
    4: Verdict.ROUGHLY_RIGHT,
    2: Verdict.OVERSTATED,
    1: Verdict.UNSUPPORTED,
}
assert set(NUMERIC_VERDICTS) == {info.rating_value for info in SCALE.values()}
assert all(SCALE[v].rating_value == n for n, v in NUMERIC_VERDICTS.items())


class RatingError(ValueError):
    """A rating this database cannot place, with the reason (naming the label)."""


@dataclass(frozen=True)
class OriginalRating:
    """The rating as the fact-checker published it, kept whatever we make of it."""

    label: str
    value: float | None
    best: float | None
    worst: float | None


def label_key(text: str) -> str:
    """The form labels are compared in: case-folded, "_" and "-" as spaces, spaces collapsed."""
    return " ".join(re.sub(r"[_\-]+", " ", text).casefold().split()).strip(" .!")


@cache
def _table() -> tuple[dict[str, Verdict], frozenset[str], dict[str, tuple[float, float]]]:
    with TABLE.open("rb") as handle:
        data = tomllib.load(handle)
    words = {label_key(word): Verdict(verdict) for word, verdict in data["verdicts"].items()}
    # Our own labels and stored values always read back as themselves.
    for verdict, info in SCALE.items():
        words[label_key(verdict.value)] = verdict
        words[label_key(info.label)] = verdict
    no_verdict = frozenset(label_key(word) for word in data["no_verdict"]["words"])
    scales = {
        domain.lower(): (float(scale["worst"]), float(scale["best"]))
        for domain, scale in data.get("scales", {}).items()
    }
    return words, no_verdict, scales


def _candidates(label: str) -> list[str]:
    key = label_key(label)
    head = re.split(r"[.:;!]| - | \u2013 ", label, maxsplit=1)[0]
    return list(dict.fromkeys([key, label_key(head)]))


def _number(value: Any, name: str) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RatingError(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise RatingError(f"{name} must be a finite number")
    return number


def original_rating(rating: Any) -> OriginalRating:
    """The label, value, best and worst of a ``reviewRating`` as given (numbers as floats).

    Raises RatingError for a rating that is not an object or holds a number that is not one.
    """
    if not isinstance(rating, dict):
        raise RatingError("reviewRating must be a Rating object")
    label = rating.get("alternateName") or rating.get("name") or ""
    label = " ".join(label.split()) if isinstance(label, str) else ""
    return OriginalRating(
        label=label,
        value=_number(rating.get("ratingValue"), "ratingValue"),
        best=_number(rating.get("bestRating"), "bestRating"),
        worst=_number(rating.get("worstRating"), "worstRating"),
    )


def _known_scale(review_url: str | None) -> tuple[float, float] | None:
    """(worst, best) of the fact-checker at ``review_url`` when its scale runs false to true."""
    host = (urlsplit(review_url).hostname or "").lower() if review_url else ""
    if not host:
        return None
    _, _, scales = _table()
    ours = (urlsplit(settings.CLAIMREVIEW_ORGANIZATION_URL).hostname or "").lower()
    known = dict(scales)
    if ours:
        known[ours] = (float(WORST_RATING), float(BEST_RATING))
    for domain, scale in known.items():
        if host == domain or host.endswith("." + domain):
            return scale
    return None


def verdict_for(original: OriginalRating, *, review_url: str | None = None) -> Verdict:
    """Our verdict for a fact-checker's rating, or RatingError naming the label.

    The label decides when ``ratings.toml`` places it (or says it is no verdict at all). A
    number is read only on a known false-to-true scale (see the module docstring), placed
    through that scale's worst and best, nearest value winning and a tie going to the lower.
    """
    words, no_verdict, _ = _table()
    for key in _candidates(original.label) if original.label else []:
        if key in words:
            return words[key]
        if key in no_verdict:
            raise RatingError(f"the rating {original.label!r} is not a verdict on a figure")
    shown = repr(original.label) if original.label else "without a label"
    scale = _known_scale(review_url)
    if original.value is None or scale is None:
        why = "there is no ratingValue" if original.value is None else (
            "its ratingValue is on a scale not known to run from false to true"
        )  # fmt: skip
        raise RatingError(f"the rating {shown} is not in our table of rating words and {why}")
    worst = original.worst if original.worst is not None else scale[0]
    best = original.best if original.best is not None else scale[1]
    if best <= worst:
        raise RatingError(f"the rating {shown}: bestRating must be greater than worstRating")
    if not worst <= original.value <= best:
        raise RatingError(
            f"the rating {shown}: ratingValue {original.value:g} is outside "
            f"worstRating {worst:g} .. bestRating {best:g}"
        )
    ours = WORST_RATING + (original.value - worst) / (best - worst) * (BEST_RATING - WORST_RATING)
    nearest = min(NUMERIC_VERDICTS, key=lambda n: (abs(n - ours), n))
    return NUMERIC_VERDICTS[nearest]


def verdict_for_rating(rating: Any, *, review_url: str | None = None) -> Verdict:
    """``verdict_for`` of a raw ``reviewRating`` object."""
    return verdict_for(original_rating(rating), review_url=review_url)
