"""The records the comparison core reads and writes: figures in, findings and summaries out."""

from __future__ import annotations

import enum
import math
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple


class Kind(enum.StrEnum):
    """What a pair of disjoint figures is: a disagreement, or a figure that moved."""

    CONFLICT = "conflict"  # as-of periods within the comparability window
    CHANGE = "change"  # as-of periods further apart than the window


class Period(enum.StrEnum):
    """What kind of figure over time: it decides which figures are compared and how.

    A *level* is a figure at a date (fighters active). A *cumulative* total counts since a start
    and only rises (killed since June 2014); it is compared as a level at its as-of date, the
    date of the report. A *per-period* count covers a period of a given length (attacks a
    month) and is compared only with counts over periods of the same length.
    """

    LEVEL = "level"
    CUMULATIVE = "cumulative"
    PER_PERIOD = "per_period"


class Cause(enum.StrEnum):
    """A likely reason two figures disagree, told from the data alone.

    Members are declared in the order they appear in `Finding.causes`.
    """

    DIFFERENT_PERIOD = "different_period"  # the as-of periods do not overlap
    DIFFERENT_SCOPE = "different_scope"  # both state a scope, and the scopes differ
    STALE_SOURCE = "stale_source"  # an article repeats a figure long after its as-of period
    OLDER_SOURCE = "older_source"  # the articles were published more than the window apart
    RATED_INACCURATE = "rated_inaccurate"  # a verdict already marks one claim inaccurate


_PERIODS = frozenset(Period)
# Calendar lengths that vary (a month is 28 to 31 days): counts over any length in one range are
# counts per the same period; any other length only matches itself.
_CALENDAR_LENGTHS = ((28, 31, "month"), (89, 92, "quarter"), (365, 366, "year"))


def figure_period(
    claim_kind: str, claim_days: int | None, metric_kind: str = ""
) -> tuple[Period, int | None]:
    """The kind of figure a claim is compared as, with its length for a count per period: the
    claim's own period when the text said it, else what its metric's kind says (a cumulative
    metric holds totals; any other metric, levels, since its claims carry no length).

    >>> figure_period("per_period", 7, "level")
    (<Period.PER_PERIOD: 'per_period'>, 7)
    >>> figure_period("", None, "cumulative")
    (<Period.CUMULATIVE: 'cumulative'>, None)
    """
    if claim_kind:
        period = Period(claim_kind)
        return period, claim_days if period is Period.PER_PERIOD else None
    if metric_kind == Period.CUMULATIVE:
        return Period.CUMULATIVE, None
    return Period.LEVEL, None


def period_length(days: int | None) -> str | None:
    """The period length figures are compared by: "month", "quarter" or "year" for the
    calendar lengths that vary, else the number of days as text; None for no length.

    >>> period_length(30) == period_length(31) == "month"
    True
    >>> period_length(7)
    '7'
    """
    if days is None:
        return None
    for low, high, name in _CALENDAR_LENGTHS:
        if low <= days <= high:
            return name
    return str(days)


@dataclass(frozen=True, slots=True)
class Figure:
    """One claim of a metric as the comparison sees it.

    `lo`/`hi` are the closed interval in the metric's canonical unit; `lo` may be -inf and `hi`
    may be +inf for open-ended figures ("more than 500"). The as-of period is inclusive.
    `published` is the source article's date, when known.

    `period` is the kind of figure (see `Period`); a per-period count carries its period's
    length in days (`period_days`). `statement` is the key of the statement a figure repeats
    (see `claims.core.statements`): figures sharing a key (neither None nor empty) are
    appearances of one statement, compared once.
    """

    id: int
    lo: float
    hi: float
    as_of_start: date
    as_of_end: date
    scope: str = ""
    published: date | None = None
    rated_inaccurate: bool = False
    period: Period = Period.LEVEL
    period_days: int | None = None
    statement: Hashable | None = None

    def __post_init__(self) -> None:
        # Reject here, once, so the sweep can trust every comparison it makes.
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise ValueError(f"figure {self.id}: a bound is NaN")
        if self.lo > self.hi:
            raise ValueError(f"figure {self.id}: lo {self.lo} is above hi {self.hi}")
        # An interval that starts at +inf or ends at -inf holds no number at all.
        if self.lo == math.inf or self.hi == -math.inf:
            raise ValueError(f"figure {self.id}: interval [{self.lo}, {self.hi}] is empty")
        if self.as_of_start > self.as_of_end:
            raise ValueError(
                f"figure {self.id}: as-of start {self.as_of_start} is after end {self.as_of_end}"
            )
        if self.period not in _PERIODS:
            raise ValueError(f"figure {self.id}: period must be one of {sorted(_PERIODS)}")
        if self.period == Period.PER_PERIOD:
            if not isinstance(self.period_days, int) or self.period_days < 1:
                raise ValueError(f"figure {self.id}: a per-period count needs period_days >= 1")
        elif self.period_days is not None:
            raise ValueError(f"figure {self.id}: period_days is for per-period counts only")

    @property
    def midpoint(self) -> float | None:
        """The centre of the interval; an open side uses the finite bound, None if both open."""
        lo_open = self.lo == -math.inf
        hi_open = self.hi == math.inf
        if lo_open and hi_open:
            return None
        if hi_open:
            return float(self.lo)
        if lo_open:
            return float(self.hi)
        # Halving first cannot overflow, which lo + hi can for huge finite bounds.
        return self.lo / 2 + self.hi / 2


class Finding(NamedTuple):
    """Two disjoint figures of one metric, with how far apart they are and why they may differ.

    `older_id` is the figure whose as-of period comes first (by start, then end, then id).
    `ratio` is the larger midpoint magnitude over the smaller, None when the midpoints have
    opposite signs or one is zero. `gap` is the distance between the intervals (always > 0);
    `relative_gap` is `gap` over the smaller midpoint magnitude, None when that is zero.
    `period_gap_days` is the number of days between the as-of periods, 0 when they overlap.

    A named tuple rather than a dataclass: a metric can have many more findings than figures,
    and a tuple costs a fraction of a frozen dataclass to build. It is immutable all the same.
    """

    older_id: int
    newer_id: int
    kind: Kind
    ratio: float | None
    gap: float
    relative_gap: float | None
    period_gap_days: int
    causes: tuple[Cause, ...] = ()
    resolved: bool = False

    @property
    def pair(self) -> frozenset[int]:
        """The two ids in the form editors' resolutions are stored in."""
        return frozenset((self.older_id, self.newer_id))


@dataclass(frozen=True, slots=True)
class Summary:
    """The spread of one metric's figures, for the head of a report.

    `lowest`/`highest` are the extreme finite bounds (an open side is ignored); `spread_ratio`
    compares the extreme midpoints by the same rule as `Finding.ratio`.
    """

    count: int
    lowest: float | None
    highest: float | None
    spread_ratio: float | None
    earliest: date | None
    latest: date | None
    scopes: int
    statements: int = 0  # distinct statements: appearances of one statement count once


@dataclass(slots=True)
class WorkCounter:
    """Counts the elementary steps of a comparison, so tests can check scaling without clocks.

    A step is one index node visited or one candidate pair looked at.
    """

    steps: int = 0
