"""The two sweeps that find disjoint pairs without looking at every pair of figures.

Figures are addressed by their position in the input list; dates are day ordinals. See the
package docstring for the rules and the argument for the running time.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from claims.core.comparison.indexes import ActiveSet, PrefixMin
from claims.core.comparison.records import Figure, WorkCounter


@dataclass(frozen=True, slots=True)
class BoundOrder:
    """The figures ordered once by each bound, so "every hi below x" is a rank prefix."""

    by_lo: list[int]  # positions, sorted by lo
    los: list[float]  # lo of by_lo, for bisect
    by_hi: list[int]
    his: list[float]

    @classmethod
    def of(cls, figures: Sequence[Figure], positions: Sequence[int]) -> BoundOrder:
        """Order `positions` (indexes into `figures`) by lo and by hi."""
        by_lo = sorted(positions, key=lambda p: figures[p].lo)
        by_hi = sorted(positions, key=lambda p: figures[p].hi)
        return cls(
            by_lo=by_lo,
            los=[figures[p].lo for p in by_lo],
            by_hi=by_hi,
            his=[figures[p].hi for p in by_hi],
        )

    def hi_ranks_below(self, value: float) -> int:
        """How many figures end strictly below `value` (they lead in `by_hi`)."""
        return bisect_left(self.his, value)

    def lo_ranks_from_above(self, value: float) -> int:
        """The first rank in `by_lo` whose lo is strictly above `value`."""
        return bisect_right(self.los, value)

    def disjoint_from(self, figure: Figure) -> Iterator[int]:
        """Positions whose interval lies wholly below or wholly above `figure`'s."""
        yield from self.by_hi[: self.hi_ranks_below(figure.lo)]
        yield from self.by_lo[self.lo_ranks_from_above(figure.hi) :]


def conflict_pairs(
    figures: Sequence[Figure], window_days: int, work: WorkCounter
) -> Iterator[tuple[int, int]]:
    """Yield every pair of positions with disjoint intervals and as-of periods within the window.

    Each pair comes once, the figure met earlier in the sweep first.
    """
    n = len(figures)
    starts = [f.as_of_start.toordinal() for f in figures]
    # A figure stays comparable with later-starting ones until its end plus the window.
    expiries = [f.as_of_end.toordinal() + window_days for f in figures]
    bounds = BoundOrder.of(figures, range(n))
    his, by_hi, los, by_lo = bounds.his, bounds.by_hi, bounds.los, bounds.by_lo
    hi_rank = _inverse(bounds.by_hi)
    lo_rank = _inverse(bounds.by_lo)
    active_by_hi = ActiveSet(n, work)
    active_by_lo = ActiveSet(n, work)

    by_start = sorted(range(n), key=lambda p: starts[p])
    by_expiry = sorted(range(n), key=lambda p: expiries[p])
    expired = 0
    for p in by_start:
        # Anything expiring before p starts also started before p, so it is in the sets.
        while expired < n and expiries[by_expiry[expired]] < starts[p]:
            gone = by_expiry[expired]
            active_by_hi.remove(hi_rank[gone])
            active_by_lo.remove(lo_rank[gone])
            expired += 1
        lo, hi = figures[p].lo, figures[p].hi
        # Walk the active figures from the lowest hi up and from the highest lo down; the first
        # one that overlaps ends each walk, so a figure with no partner costs two steps.
        for rank in active_by_hi.ascending():
            if his[rank] >= lo:
                break
            yield by_hi[rank], p
        for rank in active_by_lo.descending():
            if los[rank] <= hi:
                break
            yield by_lo[rank], p
        active_by_hi.add(hi_rank[p])
        active_by_lo.add(lo_rank[p])


def falling_pairs(figures: Sequence[Figure], work: WorkCounter) -> Iterator[tuple[int, int]]:
    """Yield (higher, lower) for every pair where a figure lies wholly above one that starts
    later or on the same day, however far apart: a cumulative total that falls.

    One sweep over as-of starts with every figure met so far kept by rank of lo; the walk down
    from the highest lo stops at the first one that reaches the current figure, so it costs one
    step more than the pairs it yields.
    """
    n = len(figures)
    starts = [f.as_of_start.toordinal() for f in figures]
    bounds = BoundOrder.of(figures, range(n))
    lo_rank = _inverse(bounds.by_lo)
    met = ActiveSet(n, work)
    for p in sorted(range(n), key=lambda p: starts[p]):
        hi = figures[p].hi
        for rank in met.descending():
            if bounds.los[rank] <= hi:
                break
            yield bounds.by_lo[rank], p
        met.add(lo_rank[p])


def change_pairs(
    figures: Sequence[Figure], window_days: int, work: WorkCounter, *, rising_only: bool = False
) -> Iterator[tuple[int, int]]:
    """Yield (older, newer) for each figure and its nearest later disjoint figure(s).

    "Later" means starting more than the window after the older one ends; "nearest" means the
    earliest such start, and every disjoint figure sharing that start is reported. With
    ``rising_only`` only later figures wholly above count (a cumulative total's change is a
    rise; a fall is a conflict, and must not hide the rise that follows it).
    """
    n = len(figures)
    starts = [f.as_of_start.toordinal() for f in figures]
    thresholds = [f.as_of_end.toordinal() + window_days for f in figures]
    bounds = BoundOrder.of(figures, range(n))
    hi_rank = _inverse(bounds.by_hi)
    lo_rank = _inverse(bounds.by_lo)
    # Earliest start among inserted figures: by hi rank (prefix = "ends below x") and by
    # reversed lo rank (prefix = "begins above x").
    earliest_by_hi = PrefixMin(n, work)
    earliest_by_lo_desc = PrefixMin(n, work)
    cohorts = _cohorts_by_start(figures, starts)

    # Older figures are visited from the latest threshold down, so the set of figures that
    # start after the threshold only grows and each figure is inserted once.
    by_start_desc = sorted(range(n), key=lambda p: starts[p], reverse=True)
    inserted = 0
    for p in sorted(range(n), key=lambda p: thresholds[p], reverse=True):
        while inserted < n and starts[by_start_desc[inserted]] > thresholds[p]:
            q = by_start_desc[inserted]
            earliest_by_hi.lower(hi_rank[q], starts[q])
            earliest_by_lo_desc.lower(n - 1 - lo_rank[q], starts[q])
            inserted += 1
        figure = figures[p]
        above = earliest_by_lo_desc.min_below(n - bounds.lo_ranks_from_above(figure.hi))
        if rising_only:
            nearest = above
        else:
            nearest = min(earliest_by_hi.min_below(bounds.hi_ranks_below(figure.lo)), above)
        if nearest == math.inf:
            continue
        for q in cohorts[int(nearest)].disjoint_from(figure):
            work.steps += 1
            if not rising_only or figures[q].lo > figure.hi:
                yield p, q


def _cohorts_by_start(figures: Sequence[Figure], starts: Sequence[int]) -> dict[int, BoundOrder]:
    """Group figures sharing an as-of start, each group ordered by its bounds."""
    groups: dict[int, list[int]] = {}
    for p, start in enumerate(starts):
        groups.setdefault(start, []).append(p)
    return {start: BoundOrder.of(figures, members) for start, members in groups.items()}


def _inverse(order: Sequence[int]) -> list[int]:
    """rank_of[position] for a list of positions in rank order."""
    rank_of = [0] * len(order)
    for rank, p in enumerate(order):
        rank_of[p] = rank
    return rank_of
