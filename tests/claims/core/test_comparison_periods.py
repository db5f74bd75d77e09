"""Kinds of figure over time decide what is compared and which finding a disagreement is, and
the appearances of one statement count once: property tests against the rules spelt out."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.comparison import Figure, Kind, Period, compare, compare_one, period_length

BASE = date(2021, 1, 1)
LENGTHS = [7, 28, 30, 31, 365]


def disjoint(a: Figure, b: Figure) -> bool:
    return a.hi < b.lo or b.hi < a.lo


def days_apart(a: Figure, b: Figure) -> int:
    if a.as_of_end < b.as_of_start:
        return (b.as_of_start - a.as_of_end).days
    if b.as_of_end < a.as_of_start:
        return (a.as_of_start - b.as_of_end).days
    return 0


def same_kind(a: Figure, b: Figure) -> bool:
    return a.period == b.period and period_length(a.period_days) == period_length(b.period_days)


def oracle_conflict(a: Figure, b: Figure, window: int) -> bool:
    """The documented rule for one pair, with no cleverness."""
    if not same_kind(a, b) or not disjoint(a, b):
        return False
    if a.period == Period.LEVEL:
        return days_apart(a, b) <= window
    if days_apart(a, b) == 0:
        return True
    if a.period == Period.PER_PERIOD:
        return False
    higher, lower = (a, b) if a.lo > b.hi else (b, a)
    return higher.as_of_start < lower.as_of_start  # a total that fell


def pairs(findings, kind: Kind) -> set[frozenset[int]]:
    return {f.pair for f in findings if f.kind == kind}


@st.composite
def a_figure(draw: st.DrawFn, id: int) -> Figure:
    period = draw(st.sampled_from(list(Period)))
    lo = draw(st.integers(0, 40))
    start = BASE + timedelta(days=draw(st.integers(0, 120)))
    span = draw(st.sampled_from([0, 0, 6, 29]))
    return Figure(
        id=id,
        lo=lo,
        hi=lo + draw(st.integers(0, 8)),
        as_of_start=start,
        as_of_end=start + timedelta(days=span),
        period=period,
        period_days=draw(st.sampled_from(LENGTHS)) if period == Period.PER_PERIOD else None,
    )


@st.composite
def a_metric(draw: st.DrawFn) -> list[Figure]:
    ids = draw(st.lists(st.integers(1, 500), min_size=2, max_size=25, unique=True))
    return [draw(a_figure(id)) for id in ids]


@settings(max_examples=150, deadline=None)
@given(a_metric(), st.sampled_from([0, 10, 60]))
def test_conflicts_are_exactly_the_pairs_the_rules_name(figures, window):
    expected = {
        frozenset((a.id, b.id))
        for a, b in itertools.combinations(figures, 2)
        if oracle_conflict(a, b, window)
    }
    assert pairs(compare(figures, window_days=window), Kind.CONFLICT) == expected


@settings(max_examples=150, deadline=None)
@given(a_metric(), st.sampled_from([0, 10, 60]))
def test_figures_of_different_kinds_or_lengths_are_never_paired(figures, window):
    by_id = {f.id: f for f in figures}
    for finding in compare(figures, window_days=window):
        assert same_kind(by_id[finding.older_id], by_id[finding.newer_id])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(1, 50), min_size=2, max_size=12),
    st.lists(st.integers(1, 400), min_size=12, max_size=12, unique=True),
    st.sampled_from([0, 30, 3650]),
)
def test_a_rising_cumulative_total_is_a_change_and_never_a_conflict(steps, days, window):
    days = sorted(days)
    total, figures = 0, []
    for n, step in enumerate(steps):
        total += step + 1  # strictly above the last total, whatever its width
        when = BASE + timedelta(days=days[n])
        figures.append(Figure(n, total, total, when, when, period=Period.CUMULATIVE))
    findings = compare(figures, window_days=window)
    assert not pairs(findings, Kind.CONFLICT)
    # Each total is set against the next one, however close in time.
    assert {frozenset((n, n + 1)) for n in range(len(figures) - 1)} <= pairs(findings, Kind.CHANGE)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 1000), st.integers(1, 5000), st.integers(1, 3000), st.integers(0, 400))
def test_a_falling_cumulative_total_is_a_conflict_however_far_apart(high, drop, days, window):
    earlier = Figure(1, high + drop, high + drop, BASE, BASE, period=Period.CUMULATIVE)
    later_day = BASE + timedelta(days=days)
    later = Figure(2, high - 1, high - 1, later_day, later_day, period=Period.CUMULATIVE)
    findings = compare([earlier, later], window_days=window)
    assert pairs(findings, Kind.CONFLICT) == {frozenset((1, 2))}
    assert not pairs(findings, Kind.CHANGE)


def test_a_count_for_a_month_is_never_set_against_a_count_for_a_week():
    month = Figure(1, 62, 62, date(2021, 3, 1), date(2021, 3, 31), period="per_period",
                   period_days=31)  # fmt: skip
    week = Figure(2, 14, 14, date(2021, 3, 22), date(2021, 3, 28), period="per_period",
                  period_days=7)  # fmt: skip
    assert compare([month, week], window_days=60) == []


def test_counts_of_two_months_are_a_change_even_within_the_window():
    march = Figure(1, 62, 62, date(2021, 3, 1), date(2021, 3, 31), period="per_period",
                   period_days=31)  # fmt: skip
    april = Figure(2, 31, 31, date(2021, 4, 1), date(2021, 4, 30), period="per_period",
                   period_days=30)  # fmt: skip
    findings = compare([march, april], window_days=60)
    assert [(f.older_id, f.newer_id, f.kind) for f in findings] == [(1, 2, Kind.CHANGE)]


@settings(max_examples=150, deadline=None)
@given(a_metric(), st.sampled_from([0, 10, 60]), st.data())
def test_compare_one_is_the_part_of_compare_about_one_figure(figures, window, data):
    target = data.draw(st.sampled_from([f.id for f in figures]))
    whole = compare(figures, window_days=window)
    assert compare_one(figures, target, window_days=window) == [
        f for f in whole if target in (f.older_id, f.newer_id)
    ]


@settings(max_examples=150, deadline=None)
@given(a_metric(), st.sampled_from([0, 10, 60]), st.data())
def test_repeating_a_statement_elsewhere_changes_no_finding(figures, window, data):
    original = data.draw(st.sampled_from(figures))
    keyed = [dataclasses.replace(f, statement="s") if f.id == original.id else f for f in figures]
    copies = data.draw(st.integers(1, 3))
    # Appearances get higher ids than any figure, so the statement keeps the original's id.
    top = max(f.id for f in figures)
    repeats = [dataclasses.replace(original, id=top + n + 1, statement="s") for n in range(copies)]
    assert compare(keyed + repeats, window_days=window) == compare(figures, window_days=window)
    # Asked about an appearance, the incremental check answers for its statement.
    assert compare_one(keyed + repeats, top + 1, window_days=window) == compare_one(
        figures, original.id, window_days=window
    )


def test_a_per_period_count_without_its_length_is_refused():
    with pytest.raises(ValueError, match="period_days"):
        Figure(1, 1, 1, BASE, BASE, period="per_period")


@st.composite
def cumulative_totals(draw: st.DrawFn) -> list[Figure]:
    ids = draw(st.lists(st.integers(1, 500), min_size=2, max_size=20, unique=True))
    figures = []
    for id in ids:
        lo = draw(st.integers(0, 40))
        day = BASE + timedelta(days=draw(st.integers(0, 200)))
        figures.append(
            Figure(id, lo, lo + draw(st.integers(0, 5)), day, day, period=Period.CUMULATIVE)
        )
    return figures


@settings(max_examples=150, deadline=None)
@given(cumulative_totals(), st.sampled_from([0, 10, 60]))
def test_each_totals_change_is_the_nearest_later_total_above_it(figures, window):
    expected = set()
    for a in figures:
        above = [b for b in figures if b.as_of_start > a.as_of_end and b.lo > a.hi]
        if above:
            first = min(b.as_of_start for b in above)
            expected |= {frozenset((a.id, b.id)) for b in above if b.as_of_start == first}
    assert pairs(compare(figures, window_days=window), Kind.CHANGE) == expected


def test_a_fall_between_two_totals_does_not_hide_the_rise():
    # 14,600 in January, a low 9,000 in February (a conflict), 15,500 in March: the rise from
    # January to March is still a change.
    jan = Figure(1, 14600, 14600, date(2024, 1, 25), date(2024, 1, 25), period="cumulative")
    feb = Figure(2, 9000, 9000, date(2024, 2, 15), date(2024, 2, 15), period="cumulative")
    mar = Figure(3, 15500, 15500, date(2024, 3, 20), date(2024, 3, 20), period="cumulative")
    findings = compare([jan, feb, mar], window_days=60)
    assert (1, 3, Kind.CHANGE) in [(f.older_id, f.newer_id, f.kind) for f in findings]
    assert (1, 2, Kind.CONFLICT) in [(f.older_id, f.newer_id, f.kind) for f in findings]
