"""How big a disagreement is, and what in the data may explain it."""

from __future__ import annotations

import functools
import re
import unicodedata

from claims.core.comparison.records import Cause, Figure

_NOT_WORD = re.compile(r"[^\w]+")


def magnitude_ratio(a: float, b: float) -> float | None:
    """Larger over smaller magnitude of two same-signed non-zero numbers, else None.

    A ratio between a loss and a gain, or against zero, would be a number with no meaning.
    """
    if a == 0 or b == 0 or (a < 0) != (b < 0):
        return None
    small, large = sorted((abs(a), abs(b)))
    return large / small


def interval_gap(a: Figure, b: Figure) -> float:
    """Distance between two intervals; 0 when they overlap or touch."""
    return float(max(0.0, b.lo - a.hi, a.lo - b.hi))


def period_gap_days(a: Figure, b: Figure) -> int:
    """Days between two as-of periods; 0 when they overlap."""
    return max(0, (b.as_of_start - a.as_of_end).days, (a.as_of_start - b.as_of_end).days)


@functools.lru_cache(maxsize=4096)
def normalise_scope(scope: str) -> str:
    """Fold case, width, "&" and punctuation so only a real difference in scope remains."""
    folded = unicodedata.normalize("NFKC", scope).casefold().replace("&", " and ")
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def likely_causes(
    a: Figure, b: Figure, *, window_days: int, stale_after_days: int
) -> tuple[Cause, ...]:
    """The causes the data supports for a and b disagreeing, in `Cause` declaration order."""
    found = []
    # Inclusive periods overlap exactly when no day separates them.
    if period_gap_days(a, b) > 0:
        found.append(Cause.DIFFERENT_PERIOD)
    scope_a, scope_b = normalise_scope(a.scope), normalise_scope(b.scope)
    # An unstated scope is unknown, not different: flagging it would be a guess.
    if scope_a and scope_b and scope_a != scope_b:
        found.append(Cause.DIFFERENT_SCOPE)
    if is_stale(a, stale_after_days) or is_stale(b, stale_after_days):
        found.append(Cause.STALE_SOURCE)
    if (
        a.published is not None
        and b.published is not None
        and abs((a.published - b.published).days) > window_days
    ):
        found.append(Cause.OLDER_SOURCE)
    if a.rated_inaccurate or b.rated_inaccurate:
        found.append(Cause.RATED_INACCURATE)
    return tuple(found)


def is_stale(figure: Figure, stale_after_days: int) -> bool:
    """The article came out long after the period its figure describes: an old figure repeated."""
    if figure.published is None:
        return False
    return (figure.published - figure.as_of_end).days > stale_after_days
