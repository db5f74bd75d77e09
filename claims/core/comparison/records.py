"""The records the comparison core reads and writes: figures in, findings and summaries out."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple


class Kind(enum.StrEnum):
    """What a pair of disjoint figures is: a disagreement, or a figure that moved."""

    CONFLICT = "conflict"  # as-of periods within the comparability window
    CHANGE = "change"  # as-of periods further apart than the window


class Cause(enum.StrEnum):
    """A likely reason two figures disagree, told from the data alone.

    Members are declared in the order they appear in `Finding.causes`.
    """

    DIFFERENT_PERIOD = "different_period"  # the as-of periods do not overlap
    DIFFERENT_SCOPE = "different_scope"  # both state a scope, and the scopes differ
    STALE_SOURCE = "stale_source"  # an article repeats a figure long after its as-of period
    OLDER_SOURCE = "older_source"  # the articles were published more than the window apart
    RATED_INACCURATE = "rated_inaccurate"  # a verdict already marks one claim inaccurate


@dataclass(frozen=True, slots=True)
class Figure:
    """One claim of a metric as the comparison sees it.

    `lo`/`hi` are the closed interval in the metric's canonical unit; `lo` may be -inf and `hi`
    may be +inf for open-ended figures ("more than 500"). The as-of period is inclusive.
    `published` is the source article's date, when known.
    """

    id: int
    lo: float
    hi: float
    as_of_start: date
    as_of_end: date
    scope: str = ""
    published: date | None = None
    rated_inaccurate: bool = False

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


@dataclass(slots=True)
class WorkCounter:
    """Counts the elementary steps of a comparison, so tests can check scaling without clocks.

    A step is one index node visited or one candidate pair looked at.
    """

    steps: int = 0
