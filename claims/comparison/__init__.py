"""Comparison core: conflicts and changes over time among the figures of one metric.

Pure Python, no Django import. See DESIGN.md, "Conflicts and change over time".

Input is one metric's figures, each a closed interval [lo, hi] in the metric's canonical unit
(lo may be -inf, hi may be +inf) with an inclusive as-of period. Two figures are *disjoint* when
a.hi < b.lo or b.hi < a.lo; touching intervals (a.hi == b.lo) overlap. The *period gap* is the
number of days from the end of the earlier period to the start of the later, 0 when the periods
overlap.

Rules
-----
- **Conflict**: every pair of disjoint figures whose period gap is <= ``window_days``.
- **Change over time**: for each figure A, the disjoint figures B that start more than
  ``window_days`` after A ends and have the *earliest such as-of start*; every B sharing that
  start is reported. Put plainly: each figure is set against the first later figure that no
  longer agrees with it. This is what a reader of a diff report asks ("when did this number stop
  holding, and what replaced it?"). It never loses a change (a figure with any later disjoint
  figure gets at least one finding), it does not list every later year again (a 2018 figure
  contradicted in 2021 is not also reported against 2022, 2023, ...), and unlike "consecutive
  periods only" a wide figure in between cannot hide a move from 10,000 to 4,000.

Each finding orders its pair older first (by as-of start, then end, then id) and carries its
size (ratio of midpoints, gap, relative gap; see `Finding`) and the causes the data supports
(see `Cause`). A pair in ``resolved`` is still returned, flagged ``resolved=True``, so a report
can show what editors settled. Findings are sorted by kind (conflicts first), then by the older
figure's as-of period, the newer figure's as-of period, and the two ids.

Algorithm
---------
Neither rule looks at every pair; both sort the figures a fixed number of times and then answer
each figure with O(log n) index work plus O(1) per finding.

*Conflicts* are a sweep over as-of starts. An active set holds the figures met so far whose
period, extended by the window, still reaches the current start: exactly the earlier figures
within the window, so each comparable pair is met once, when its later-starting figure arrives.
Figures leave the set in order of end + window. The set is kept twice, threaded on linked lists
in rank order of hi and of lo. The current figure's disjoint partners are then the active
figures with the lowest his (walked up from the head until a hi >= its lo) and those with the
highest los (walked down from the tail until a lo <= its hi), so each walk costs one step more
than the partners it finds. Finding where a new member goes in a list costs O(log n) in a
segment tree of member counts.

*Changes* visit each figure A from the latest threshold (end + window) down while inserting the
figures that start after it, latest start first, so the candidate set only grows. Two Fenwick
trees hold the earliest start inserted, one by rank of hi and one by reversed rank of lo; a
prefix minimum gives the earliest start among candidates ending below A.lo or beginning above
A.hi in O(log n). The figures with that start, pre-sorted by bounds, give the reported ones by
bisection.

Total: O(n log n + k) to find the k pairs, plus O(k log k) to sort the findings. `WorkCounter`
counts the index steps and the candidates walked, so tests check scaling without a clock.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from claims.comparison.measures import (
    interval_gap,
    likely_causes,
    magnitude_ratio,
    normalise_scope,
    period_gap_days,
)
from claims.comparison.records import Cause, Figure, Finding, Kind, Summary, WorkCounter
from claims.comparison.sweep import change_pairs, conflict_pairs

__all__ = [
    "Cause",
    "Figure",
    "Finding",
    "Kind",
    "Summary",
    "WorkCounter",
    "compare",
    "summary",
]

_KIND_ORDER = {Kind.CONFLICT: 0, Kind.CHANGE: 1}


def compare(
    figures: Iterable[Figure],
    *,
    window_days: int,
    resolved: frozenset[frozenset[int]] = frozenset(),
    stale_after_days: int = 365,
    work: WorkCounter | None = None,
) -> list[Finding]:
    """Find the conflicts and changes over time among one metric's figures.

    `window_days` is the metric's comparability window; `resolved` holds the id pairs editors
    have settled; `stale_after_days` is how long after its as-of period an article may publish a
    figure before it counts as repeating an old one. Pass a `WorkCounter` to have the work
    counted. Raises ValueError for a negative window or threshold, or a repeated id.
    """
    if window_days < 0:
        raise ValueError(f"window_days must be >= 0, got {window_days}")
    if stale_after_days < 0:
        raise ValueError(f"stale_after_days must be >= 0, got {stale_after_days}")
    listed = list(figures)
    _check_unique_ids(listed)
    counter = WorkCounter() if work is None else work

    keyed: list[tuple[tuple[object, ...], Finding]] = []
    for kind, pairs in (
        (Kind.CONFLICT, conflict_pairs(listed, window_days, counter)),
        (Kind.CHANGE, change_pairs(listed, window_days, counter)),
    ):
        for p, q in pairs:
            older, newer = sorted((listed[p], listed[q]), key=_as_of_key)
            finding = _finding(
                older,
                newer,
                kind,
                resolved=frozenset((older.id, newer.id)) in resolved,
                window_days=window_days,
                stale_after_days=stale_after_days,
            )
            keyed.append(((_KIND_ORDER[kind], *_as_of_key(older), *_as_of_key(newer)), finding))
    keyed.sort(key=lambda item: item[0])
    return [finding for _, finding in keyed]


def summary(figures: Iterable[Figure]) -> Summary:
    """Count one metric's figures and give their extremes, for the head of a report."""
    listed = list(figures)
    finite = [float(x) for f in listed for x in (f.lo, f.hi) if math.isfinite(x)]
    midpoints = [m for f in listed if (m := f.midpoint) is not None]
    scopes = {s for f in listed if (s := normalise_scope(f.scope))}
    return Summary(
        count=len(listed),
        lowest=min(finite, default=None),
        highest=max(finite, default=None),
        spread_ratio=magnitude_ratio(min(midpoints), max(midpoints)) if midpoints else None,
        earliest=min((f.as_of_start for f in listed), default=None),
        latest=max((f.as_of_end for f in listed), default=None),
        scopes=len(scopes),
    )


def _finding(
    older: Figure,
    newer: Figure,
    kind: Kind,
    *,
    resolved: bool,
    window_days: int,
    stale_after_days: int,
) -> Finding:
    # Disjoint intervals always have a finite bound each, so both midpoints exist.
    old_mid, new_mid = older.midpoint, newer.midpoint
    assert old_mid is not None and new_mid is not None
    gap = interval_gap(older, newer)
    smaller = min(abs(old_mid), abs(new_mid))
    return Finding(
        older_id=older.id,
        newer_id=newer.id,
        kind=kind,
        ratio=magnitude_ratio(old_mid, new_mid),
        gap=gap,
        relative_gap=gap / smaller if smaller else None,
        period_gap_days=period_gap_days(older, newer),
        causes=likely_causes(
            older, newer, window_days=window_days, stale_after_days=stale_after_days
        ),
        resolved=resolved,
    )


def _as_of_key(figure: Figure) -> tuple[object, ...]:
    return (figure.as_of_start, figure.as_of_end, figure.id)


def _check_unique_ids(figures: Sequence[Figure]) -> None:
    seen: set[int] = set()
    for figure in figures:
        if figure.id in seen:
            raise ValueError(f"figure id {figure.id} appears more than once")
        seen.add(figure.id)
