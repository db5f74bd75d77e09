"""The comparison core against a brute-force all-pairs oracle, and how its work scales."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.comparison import (
    Cause,
    Figure,
    Finding,
    Kind,
    WorkCounter,
    compare,
    compare_one,
    measures,
)

BASE = date(2020, 1, 1)
SCOPES = ["", "Iraq", " IRAQ ", "Iraq and Syria", "Iraq & Syria", "Syria"]

# The oracle: the documented rules, spelt out over every pair with no cleverness.


def disjoint(a: Figure, b: Figure) -> bool:
    return a.hi < b.lo or b.hi < a.lo


def days_apart(a: Figure, b: Figure) -> int:
    if a.as_of_end < b.as_of_start:
        return (b.as_of_start - a.as_of_end).days
    if b.as_of_end < a.as_of_start:
        return (a.as_of_start - b.as_of_end).days
    return 0


def older_first(a: Figure, b: Figure) -> tuple[int, int]:
    first, second = sorted((a, b), key=lambda f: (f.as_of_start, f.as_of_end, f.id))
    return first.id, second.id


def oracle_conflicts(figures: list[Figure], window: int) -> set[tuple[int, int]]:
    return {
        older_first(a, b)
        for a, b in itertools.combinations(figures, 2)
        if disjoint(a, b) and days_apart(a, b) <= window
    }


def oracle_changes(figures: list[Figure], window: int) -> set[tuple[int, int]]:
    pairs = set()
    for a in figures:
        later = [
            b for b in figures if (b.as_of_start - a.as_of_end).days > window and disjoint(a, b)
        ]
        if later:
            first = min(b.as_of_start for b in later)
            pairs |= {(a.id, b.id) for b in later if b.as_of_start == first}
    return pairs


def oracle_midpoint(f: Figure) -> float:
    if math.isinf(f.hi):
        return f.lo
    if math.isinf(f.lo):
        return f.hi
    return (f.lo + f.hi) / 2


def oracle_sizes(a: Figure, b: Figure) -> tuple[float | None, float, float | None]:
    ma, mb = oracle_midpoint(a), oracle_midpoint(b)
    ratio = max(ma, mb) / min(ma, mb) if ma * mb > 0 else None
    if ratio is not None and ratio < 1:  # both negative: compare magnitudes
        ratio = 1 / ratio
    gap = b.lo - a.hi if a.hi < b.lo else a.lo - b.hi
    smaller = min(abs(ma), abs(mb))
    return ratio, gap, (gap / smaller if smaller != 0 else None)


def oracle_causes(a: Figure, b: Figure, window: int, stale: int) -> set[Cause]:
    causes = set()
    if days_apart(a, b) > 0:
        causes.add(Cause.DIFFERENT_PERIOD)
    scopes = {" ".join(f.scope.lower().replace("&", "and").split()) for f in (a, b)}
    if "" not in scopes and len(scopes) == 2:
        causes.add(Cause.DIFFERENT_SCOPE)
    if any(f.published and (f.published - f.as_of_end).days > stale for f in (a, b)):
        causes.add(Cause.STALE_SOURCE)
    if a.published and b.published and abs((a.published - b.published).days) > window:
        causes.add(Cause.OLDER_SOURCE)
    if a.rated_inaccurate or b.rated_inaccurate:
        causes.add(Cause.RATED_INACCURATE)
    return causes


def pairs_of(findings: Iterable[Finding], kind: Kind) -> set[tuple[int, int]]:
    return {(f.older_id, f.newer_id) for f in findings if f.kind == kind}


# Random metrics: small ranges so that equal bounds, touching intervals, shared dates and open
# sides are common rather than rare.


@st.composite
def a_figure(draw: st.DrawFn, id: int) -> Figure:
    lo = draw(st.one_of(st.integers(-10, 40), st.just(-math.inf)))
    if lo == -math.inf:
        hi = draw(st.one_of(st.integers(-10, 40), st.just(math.inf)))
    else:
        hi = lo + draw(st.one_of(st.integers(0, 15), st.just(math.inf)))
    start = BASE + timedelta(days=draw(st.integers(0, 90)))
    end = start + timedelta(days=draw(st.sampled_from([0, 0, 1, 5, 30])))
    published = draw(
        st.one_of(st.none(), st.integers(-5, 500).map(lambda d: end + timedelta(days=d)))
    )
    return Figure(
        id=id,
        lo=lo,
        hi=hi,
        as_of_start=start,
        as_of_end=end,
        scope=draw(st.sampled_from(SCOPES)),
        published=published,
        rated_inaccurate=draw(st.booleans()),
    )


@st.composite
def a_metric(draw: st.DrawFn) -> list[Figure]:
    ids = draw(st.lists(st.integers(1, 10_000), min_size=2, max_size=30, unique=True))
    return [draw(a_figure(id)) for id in ids]


windows = st.sampled_from([0, 1, 7, 30, 60])
examples = settings(max_examples=200, deadline=None)


@examples
@given(figures=a_metric(), window=windows)
def test_conflicts_are_the_oracles_conflicts(figures: list[Figure], window: int) -> None:
    found = compare(figures, window_days=window)
    assert pairs_of(found, Kind.CONFLICT) == oracle_conflicts(figures, window)


@examples
@given(figures=a_metric(), window=windows)
def test_changes_are_the_oracles_changes(figures: list[Figure], window: int) -> None:
    found = compare(figures, window_days=window)
    assert pairs_of(found, Kind.CHANGE) == oracle_changes(figures, window)


@examples
@given(figures=a_metric(), window=windows)
def test_no_pair_is_reported_twice(figures: list[Figure], window: int) -> None:
    found = compare(figures, window_days=window)
    assert len({f.pair for f in found}) == len(found)


@examples
@given(figures=a_metric(), window=windows)
def test_sizes_are_the_oracles_sizes(figures: list[Figure], window: int) -> None:
    by_id = {f.id: f for f in figures}
    for finding in compare(figures, window_days=window):
        ratio, gap, relative = oracle_sizes(by_id[finding.older_id], by_id[finding.newer_id])
        assert finding.ratio == (None if ratio is None else pytest.approx(ratio))
        assert finding.gap == pytest.approx(gap)
        assert finding.relative_gap == (None if relative is None else pytest.approx(relative))
        expected_days = days_apart(by_id[finding.older_id], by_id[finding.newer_id])
        assert finding.period_gap_days == expected_days


@examples
@given(figures=a_metric(), window=windows, stale=st.sampled_from([0, 30, 365]))
def test_causes_are_the_oracles_causes(figures: list[Figure], window: int, stale: int) -> None:
    by_id = {f.id: f for f in figures}
    for finding in compare(figures, window_days=window, stale_after_days=stale):
        older, newer = by_id[finding.older_id], by_id[finding.newer_id]
        assert set(finding.causes) == oracle_causes(older, newer, window, stale)


@examples
@given(figures=a_metric(), window=windows, data=st.data())
def test_exactly_the_resolved_pairs_are_flagged(
    figures: list[Figure], window: int, data: st.DataObject
) -> None:
    all_pairs = [frozenset(p) for p in itertools.combinations([f.id for f in figures], 2)]
    some_pairs = st.lists(st.sampled_from(all_pairs)) if all_pairs else st.just([])
    resolved = frozenset(data.draw(some_pairs))
    for finding in compare(figures, window_days=window, resolved=resolved):
        assert finding.resolved == (finding.pair in resolved)


@examples
@given(figures=a_metric(), window=windows, data=st.data())
def test_findings_are_sorted_and_independent_of_input_order(
    figures: list[Figure], window: int, data: st.DataObject
) -> None:
    found = compare(figures, window_days=window)
    assert compare(data.draw(st.permutations(figures)), window_days=window) == found
    by_id = {f.id: f for f in figures}

    def as_of(id: int) -> tuple[date, date, int]:
        return by_id[id].as_of_start, by_id[id].as_of_end, id

    keys = [(f.kind != Kind.CONFLICT, as_of(f.older_id), as_of(f.newer_id)) for f in found]
    assert keys == sorted(keys)
    assert all(as_of(f.older_id) < as_of(f.newer_id) for f in found)


# Scaling: count the steps, never time them.


def agreeing_metric(n: int, seed: int) -> list[Figure]:
    """n figures over two years that all contain 1,000, so no pair is disjoint."""
    rng = random.Random(seed)
    figures = []
    for id in range(n):
        lo = rng.choice([-math.inf, *range(0, 1_001)])
        hi = rng.choice([math.inf, *range(1_000, 2_001)])
        start = BASE + timedelta(days=rng.randrange(730))
        end = start + timedelta(days=rng.randrange(60))
        figures.append(Figure(id, lo, hi, start, end))
    return figures


def steps_for(figures: list[Figure], window: int) -> tuple[int, list[Finding]]:
    work = WorkCounter()
    found = compare(figures, window_days=window, work=work)
    return work.steps, found


def test_five_thousand_agreeing_figures_take_far_fewer_steps_than_all_pairs() -> None:
    n = 5_000
    steps, found = steps_for(agreeing_metric(n, seed=1), window=365)
    assert found == []
    # n log2 n is about 61,000 here; all pairs would be 12.5 million.
    assert steps < 10 * n * math.log2(n)
    assert steps < (n * n / 2) / 20


def test_doubling_agreeing_figures_roughly_doubles_the_steps() -> None:
    small, _ = steps_for(agreeing_metric(2_000, seed=2), window=365)
    large, _ = steps_for(agreeing_metric(4_000, seed=2), window=365)
    assert large / small < 2.5


def test_steps_grow_with_the_findings_not_with_all_pairs() -> None:
    # Two camps a thousand apart, each spread over the same years: many conflicts and changes.
    rng = random.Random(3)
    figures = []
    for id in range(2_000):
        low = rng.random() < 0.1
        value = rng.randrange(0, 100) if low else rng.randrange(1_000, 1_100)
        start = BASE + timedelta(days=rng.randrange(3_650))
        figures.append(Figure(id, value, value + 50, start, start))
    steps, found = steps_for(figures, window=30)
    n, k = len(figures), len(found)
    assert k > 0
    assert steps < 10 * n * math.log2(n) + 5 * k
    assert steps < (n * n / 2) / 5


# The sweep's findings are built from numbers worked out once per figure; they must be exactly
# (not approximately) what the pairwise definitions in `measures` give for each pair.


@examples
@given(figures=a_metric(), window=windows, stale=st.sampled_from([0, 30, 365]))
def test_each_finding_is_exactly_what_the_pairwise_measures_give(
    figures: list[Figure], window: int, stale: int
) -> None:
    by_id = {f.id: f for f in figures}
    for finding in compare(figures, window_days=window, stale_after_days=stale):
        older, newer = by_id[finding.older_id], by_id[finding.newer_id]
        old_mid, new_mid = older.midpoint, newer.midpoint
        assert old_mid is not None and new_mid is not None
        gap = measures.interval_gap(older, newer)
        smaller = min(abs(old_mid), abs(new_mid))
        assert (finding.gap, finding.ratio, finding.relative_gap) == (
            gap,
            measures.magnitude_ratio(old_mid, new_mid),
            gap / smaller if smaller else None,
        )
        assert finding.period_gap_days == measures.period_gap_days(older, newer)
        assert finding.causes == measures.likely_causes(
            older, newer, window_days=window, stale_after_days=stale
        )


@given(figures=a_metric(), window=windows, data=st.data())
def test_one_figures_findings_are_the_whole_comparisons_findings_that_name_it(
    figures: list[Figure], window: int, data
) -> None:
    pairs = [frozenset((a.id, b.id)) for a, b in itertools.combinations(figures, 2)]
    resolved = (
        frozenset(data.draw(st.lists(st.sampled_from(pairs), max_size=3))) if pairs else frozenset()
    )
    whole = compare(figures, window_days=window, resolved=resolved)
    for figure in figures:
        named = [f for f in whole if figure.id in (f.older_id, f.newer_id)]
        assert compare_one(figures, figure.id, window_days=window, resolved=resolved) == named
    assert compare_one(figures, -1, window_days=window) == []
