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

Kinds of figure (`Period`) decide what is compared and which finding a disagreement is:

- Figures of different kinds, or per-period counts of different lengths ("a month" and "a
  week"), are never compared; a month is any length of 28 to 31 days (see `period_length`).
- **Levels** follow the two rules above.
- **Per-period counts** conflict only when their periods overlap (two counts of March); counts
  of different periods are set against each other as changes, whatever the window.
- **Cumulative totals** are levels at their as-of date (the date of the report; the start of
  the count is not the as-of): a total only rises, so a later total wholly *below* an earlier
  one is a conflict however far apart they are, a later total wholly *above* is a change (never
  a conflict, however close), and disjoint totals of overlapping as-of periods conflict. Each
  total's change is the nearest later total above it: a lower total in between is a conflict
  and does not hide the rise.
- **Statements**: figures sharing a statement key are one figure quoted in several places;
  they are compared once, under the smallest id among them.

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

*Falling totals* are one more sweep over as-of starts with every figure met so far kept by rank
of lo and nothing expiring: the walk down from the highest lo stops at the first total that
reaches the current one. Each kind of figure is swept on its own, so the bound holds per kind.

*Findings* are built after both sweeps. The figures are ranked once by as-of period, so a pair's
sort key is one integer (older rank * n + newer rank), and what a finding needs from one figure
(midpoint, day numbers, normalised scope, staleness) is worked out once per figure: a metric
can have many more findings than figures, and each then costs a few arithmetic operations.

Total: O(n log n + k) to find the k pairs, plus O(k log k) to sort the findings. `WorkCounter`
counts the index steps and the candidates walked, so tests check scaling without a clock.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

from claims.core.comparison.measures import (
    interval_gap,
    is_stale,
    magnitude_ratio,
    normalise_scope,
    period_gap_days,
)
from claims.core.comparison.records import (
    Cause,
    Figure,
    Finding,
    Kind,
    Period,
    Summary,
    WorkCounter,
    figure_period,
    period_length,
)
from claims.core.comparison.sweep import change_pairs, conflict_pairs, falling_pairs

__all__ = [
    "Cause",
    "Figure",
    "Finding",
    "Kind",
    "Period",
    "Summary",
    "WorkCounter",
    "compare",
    "compare_one",
    "figure_period",
    "period_length",
    "summary",
]

# Every combination of causes as the tuple a finding carries, indexed by a bit mask whose bit i
# stands for the i-th Cause in declaration order, so a finding picks its tuple instead of
# building one.
_CAUSE_SETS = tuple(
    tuple(cause for bit, cause in enumerate(Cause) if mask >> bit & 1)
    for mask in range(1 << len(Cause))
)
_PERIOD, _SCOPE, _STALE, _OLDER, _INACCURATE = (1 << bit for bit in range(len(Cause)))
_new_finding = tuple.__new__


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
    counted. Figures of different period kinds (or per-period lengths) are never compared, and
    the appearances of one statement are compared once, under the smallest id among them.
    Raises ValueError for a negative window or threshold, or a repeated id.
    """
    listed = _checked(figures, window_days, stale_after_days)
    counter = WorkCounter() if work is None else work
    statements = _one_per_statement(listed)
    partitions = _partitions(statements)
    if len(partitions) == 1 and statements and statements[0].period == Period.LEVEL:
        # Every figure a level, the usual metric: the sweeps' pairs go straight to the findings.
        return _assemble(
            statements,
            conflict_pairs(statements, window_days, counter),
            change_pairs(statements, window_days, counter),
            resolved=resolved,
            window_days=window_days,
            stale_after_days=stale_after_days,
        )
    conflicts: list[tuple[int, int]] = []
    changes: list[tuple[int, int]] = []
    for positions in partitions:
        group = [statements[p] for p in positions]
        found_conflicts, found_changes = _pairs_of(group, window_days, counter)
        conflicts += [(positions[a], positions[b]) for a, b in found_conflicts]
        changes += [(positions[a], positions[b]) for a, b in found_changes]
    return _assemble(
        statements,
        conflicts,
        changes,
        resolved=resolved,
        window_days=window_days,
        stale_after_days=stale_after_days,
    )


def compare_one(
    figures: Iterable[Figure],
    figure_id: int,
    *,
    window_days: int,
    resolved: frozenset[frozenset[int]] = frozenset(),
    stale_after_days: int = 365,
    work: WorkCounter | None = None,
) -> list[Finding]:
    """The findings of `compare` that involve the figure `figure_id`, in the same order: what
    one new or edited figure changes in its metric's report.

    Its conflicts come from one scan of the other figures of its kind; its changes from the
    change sweep alone (whether it is another figure's nearest later disjoint figure depends on
    all of them). So the cost grows as n log n with the metric's figures and not with the
    metric's other findings. For an appearance of a statement, the findings are its
    statement's (under the id `compare` uses for it). No findings for an id that is not among
    the figures. Raises ValueError as `compare` does.
    """
    listed = _checked(figures, window_days, stale_after_days)
    counter = WorkCounter() if work is None else work
    given = next((f for f in listed if f.id == figure_id), None)
    if given is None:
        return []
    statements = _one_per_statement(listed)
    if given.statement:
        figure_id = min(f.id for f in listed if f.statement == given.statement)
    kind = _kind_of(given)
    if all(f.period == Period.LEVEL for f in statements):
        positions, group = list(range(len(statements))), statements
    else:
        positions = [p for p, f in enumerate(statements) if _kind_of(f) == kind]
        group = [statements[p] for p in positions]
    target = next(q for q, f in enumerate(group) if f.id == figure_id)
    one = group[target]
    conflicts = []
    if one.period == Period.LEVEL:
        for q, other in enumerate(group):
            counter.steps += 1
            # Disjoint (touching intervals overlap), with as-of periods within the window.
            if interval_gap(one, other) > 0 and period_gap_days(one, other) <= window_days:
                conflicts.append((positions[q], positions[target]))
    else:
        for q, other in enumerate(group):
            counter.steps += 1
            if q != target and _conflicting(one, other, window_days):
                conflicts.append((positions[q], positions[target]))
    changes = [
        (positions[p], positions[q])
        for p, q in _changes_of(group, window_days, counter)
        if target in (p, q)
    ]
    return _assemble(
        statements,
        conflicts,
        changes,
        resolved=resolved,
        window_days=window_days,
        stale_after_days=stale_after_days,
    )


def _one_per_statement(listed: list[Figure]) -> list[Figure]:
    """The figures with each statement's appearances reduced to the one of smallest id."""
    if not any(f.statement for f in listed):
        return listed
    first: dict[Hashable, int] = {}
    for f in listed:
        if f.statement and (f.statement not in first or f.id < first[f.statement]):
            first[f.statement] = f.id
    return [f for f in listed if not f.statement or first[f.statement] == f.id]


def _kind_of(figure: Figure) -> tuple[Period, str | None]:
    return (Period(figure.period), period_length(figure.period_days))


def _partitions(listed: list[Figure]) -> list[list[int]]:
    """Positions of the figures by period kind and length; one list when all are alike."""
    groups: dict[tuple[Period, str | None], list[int]] = {}
    for p, f in enumerate(listed):
        groups.setdefault(_kind_of(f), []).append(p)
    return list(groups.values())


def _pairs_of(
    group: list[Figure], window_days: int, counter: WorkCounter
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Conflict and change pairs (positions in `group`) among figures of one kind.

    Levels: the window decides (see the module docstring). Per-period counts: a conflict only
    for the same period (periods that overlap), a change otherwise, whatever the window.
    Cumulative totals: compared as levels at their as-of dates, and a total can only rise, so a
    later figure wholly below an earlier one is a conflict however far apart, a later figure
    wholly above is a change, and disjoint figures of overlapping periods are a conflict.
    """
    kind = group[0].period if group else Period.LEVEL
    if kind == Period.LEVEL:
        return list(conflict_pairs(group, window_days, counter)), _changes_of(
            group, window_days, counter
        )
    same_period = list(conflict_pairs(group, 0, counter))
    if kind == Period.PER_PERIOD:
        return same_period, _changes_of(group, window_days, counter)
    seen = {frozenset(pair) for pair in same_period}
    conflicts = same_period + [
        pair for pair in falling_pairs(group, counter) if frozenset(pair) not in seen
    ]
    return conflicts, _changes_of(group, window_days, counter)


def _changes_of(
    group: list[Figure], window_days: int, counter: WorkCounter
) -> list[tuple[int, int]]:
    """Change pairs among figures of one kind: for a level, the nearest later disjoint figure
    beyond the window; for a count or total over time, beyond its own period (a cumulative
    total only where it rises: a fall is a conflict)."""
    kind = group[0].period if group else Period.LEVEL
    if kind == Period.LEVEL:
        return list(change_pairs(group, window_days, counter))
    if kind == Period.PER_PERIOD:
        return list(change_pairs(group, 0, counter))
    # The nearest later total above: a fall in between is a conflict, not the total's change.
    return list(change_pairs(group, 0, counter, rising_only=True))


def _conflicting(a: Figure, b: Figure, window_days: int) -> bool:
    """Whether two figures of one kind are a conflict, by the rules of `_pairs_of`."""
    if interval_gap(a, b) <= 0:  # touching intervals overlap
        return False
    gap = period_gap_days(a, b)
    if a.period == Period.LEVEL:
        return gap <= window_days
    if gap == 0:
        return True
    if a.period == Period.PER_PERIOD:
        return False
    higher, lower = (a, b) if a.lo > b.hi else (b, a)
    return higher.as_of_start < lower.as_of_start


def _checked(figures: Iterable[Figure], window_days: int, stale_after_days: int) -> list[Figure]:
    if window_days < 0:
        raise ValueError(f"window_days must be >= 0, got {window_days}")
    if stale_after_days < 0:
        raise ValueError(f"stale_after_days must be >= 0, got {stale_after_days}")
    listed = list(figures)
    _check_unique_ids(listed)
    return listed


def _assemble(
    listed: list[Figure],
    conflicts: Iterable[tuple[int, int]],
    changes: Iterable[tuple[int, int]],
    *,
    resolved: frozenset[frozenset[int]],
    window_days: int,
    stale_after_days: int,
) -> list[Finding]:
    """The findings of the given pairs of positions: conflicts, then changes, each in order."""
    n = len(listed)
    # Rank the figures once by as-of period (start, end, id): a pair's older figure is the one
    # with the lower rank, and ordering one kind's findings by (older rank, newer rank) orders
    # them by (older as-of period, newer as-of period). One integer per pair stands for that key.
    order = sorted(range(n), key=lambda p: _as_of_key(listed[p]))
    rank = [0] * n
    for r, p in enumerate(order):
        rank[p] = r
    conflict_keys, change_keys = _pair_keys(conflicts, rank), _pair_keys(changes, rank)
    if not conflict_keys and not change_keys:
        return []
    facts = _facts([listed[p] for p in order], resolved, stale_after_days)
    findings: list[Finding] = []
    for kind, keys in ((Kind.CONFLICT, conflict_keys), (Kind.CHANGE, change_keys)):
        keys.sort()
        findings += _findings(kind, keys, facts, resolved, window_days)
    return findings


def _pair_keys(pairs: Iterable[tuple[int, int]], rank: list[int]) -> list[int]:
    """older rank * n + newer rank for each pair of positions."""
    n = len(rank)
    keys = []
    for p, q in pairs:
        rp, rq = rank[p], rank[q]
        keys.append(rp * n + rq if rp < rq else rq * n + rp)
    return keys


def _facts(
    ranked: Sequence[Figure], resolved: frozenset[frozenset[int]], stale_after_days: int
) -> list[tuple]:
    """What a finding needs from each figure, worked out once per figure, by as-of rank.

    A metric with n figures can have many more findings than n, so everything that depends on
    one figure alone (midpoint, day numbers, normalised scope, staleness) is done here, and
    `_findings` does only the arithmetic of each pair.
    """
    # Only a pair of figures that both appear in some resolution can be resolved, so most pairs
    # are settled without building the frozenset a resolution is stored as.
    involved = {figure_id for pair in resolved for figure_id in pair}
    return [
        (
            f.id, f.lo, f.hi, f.midpoint, f.as_of_start.toordinal(), f.as_of_end.toordinal(),
            normalise_scope(f.scope), None if f.published is None else f.published.toordinal(),
            # Causes that one figure of the pair is enough for.
            (_STALE if is_stale(f, stale_after_days) else 0)
            | (_INACCURATE if f.rated_inaccurate else 0),
            f.id in involved,
        )
        for f in ranked
    ]  # fmt: skip


def _findings(
    kind: Kind,
    keys: list[int],
    facts: list[tuple],
    resolved: frozenset[frozenset[int]],
    window_days: int,
) -> list[Finding]:
    """The findings of one kind for sorted pair keys (see `_pair_keys`), in their order.

    Sizes and causes are what the pairwise definitions in `measures` give for the pair
    (`interval_gap`, `magnitude_ratio`, `period_gap_days`, `likely_causes`), which the tests
    check; this is the same arithmetic on numbers worked out in advance.
    """
    n = len(facts)
    out = []
    append = out.append
    for key in keys:
        older, newer = divmod(key, n)
        o_id, o_lo, o_hi, o_mid, o_start, o_end, o_scope, o_published, o_flags, o_involved = facts[
            older
        ]
        n_id, n_lo, n_hi, n_mid, n_start, n_end, n_scope, n_published, n_flags, n_involved = facts[
            newer
        ]
        gap = float(max(0.0, n_lo - o_hi, o_lo - n_hi))
        # Disjoint intervals always have a finite bound each, so both midpoints exist.
        o_size, n_size = abs(o_mid), abs(n_mid)
        if o_mid == 0 or n_mid == 0 or (o_mid < 0) != (n_mid < 0):
            ratio = None
        else:
            ratio = n_size / o_size if o_size <= n_size else o_size / n_size
        smaller = o_size if o_size <= n_size else n_size
        period_gap = max(0, n_start - o_end, o_start - n_end)
        causes = o_flags | n_flags
        if period_gap > 0:
            causes |= _PERIOD
        if o_scope and n_scope and o_scope != n_scope:
            causes |= _SCOPE
        if (
            o_published is not None
            and n_published is not None
            and abs(o_published - n_published) > window_days
        ):
            causes |= _OLDER
        append(
            _new_finding(
                Finding,
                (o_id, n_id, kind, ratio, gap, gap / smaller if smaller else None, period_gap,
                 _CAUSE_SETS[causes],
                 o_involved and n_involved and frozenset((o_id, n_id)) in resolved),
            )
        )  # fmt: skip
    return out


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
        statements=len({f.statement or ("figure", f.id) for f in listed}),
    )


def _as_of_key(figure: Figure) -> tuple[object, ...]:
    return (figure.as_of_start, figure.as_of_end, figure.id)


def _check_unique_ids(figures: Sequence[Figure]) -> None:
    seen: set[int] = set()
    for figure in figures:
        if figure.id in seen:
            raise ValueError(f"figure id {figure.id} appears more than once")
        seen.add(figure.id)
