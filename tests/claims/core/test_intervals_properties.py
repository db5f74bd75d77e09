"""Properties of figures as intervals, over any figure, qualifier and tolerance."""

from __future__ import annotations

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claims.core.intervals import (
    LOWER_BOUND_QUALIFIERS,
    UPPER_BOUND_QUALIFIERS,
    BoundsError,
    Interval,
    Qualifier,
    Tolerances,
    check_bounds,
    claim_interval,
    figure_interval,
)

KM_PER_MILE = 1.609344  # the international mile, by definition
TWO_SIDED = [Qualifier.EXACT, Qualifier.APPROXIMATE, Qualifier.NEARLY]
FIELDS = ("value_low", "value_high")

figures = st.floats(allow_nan=False, allow_infinity=False)
# Small enough that widening by any tolerance below 1 cannot overflow.
moderate = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)
fractions = st.floats(min_value=0, max_value=1, exclude_max=True)
tolerances = st.builds(
    Tolerances,
    approximate=fractions,
    nearly=fractions,
    rounding=st.booleans(),
    significant_digits=st.integers(min_value=1, max_value=6),
)


@st.composite
def stated(draw: st.DrawFn, values: st.SearchStrategy[float] = figures) -> tuple:
    """(low, high, qualifier) in the shape the qualifier calls for."""
    qualifier = draw(st.sampled_from(list(Qualifier)))
    a = draw(values)
    if qualifier in LOWER_BOUND_QUALIFIERS:
        return a, None, qualifier
    if qualifier in UPPER_BOUND_QUALIFIERS:
        return None, a, qualifier
    b = draw(st.one_of(st.just(a), values))
    return min(a, b), max(a, b), qualifier


@st.composite
def two_sided(draw: st.DrawFn, values: st.SearchStrategy[float] = figures) -> tuple[float, float]:
    a = draw(values)
    b = draw(st.one_of(st.just(a), values))
    return min(a, b), max(a, b)


def covers(outer: Interval, inner: Interval) -> bool:
    return outer.lo <= inner.lo and inner.hi <= outer.hi


@settings(max_examples=300)
@given(stated(), tolerances)
def test_every_figure_gives_an_ordered_interval_holding_what_was_stated(
    figure: tuple, tol: Tolerances
) -> None:
    low, high, qualifier = figure
    interval = figure_interval(low=low, high=high, qualifier=qualifier, tolerances=tol)
    assert interval.lo <= interval.hi
    for value in (low, high):
        if value is not None:
            assert interval.contains(value)


@settings(max_examples=300)
@given(two_sided(), tolerances)
def test_approximate_covers_exact_for_the_same_figure(bounds: tuple, tol: Tolerances) -> None:
    low, high = bounds
    exact = figure_interval(low=low, high=high, qualifier="exact", tolerances=tol)
    approximate = figure_interval(low=low, high=high, qualifier="approximate", tolerances=tol)
    assert covers(approximate, exact)


@settings(max_examples=300)
@given(two_sided(), fractions, fractions, st.sampled_from(["approximate", "nearly"]))
def test_widening_is_monotone_in_the_tolerance(
    bounds: tuple, a: float, b: float, qualifier: str
) -> None:
    low, high = bounds
    small, large = sorted((a, b))
    narrow = figure_interval(
        low=low, high=high, qualifier=qualifier, tolerances=Tolerances(**{qualifier: small})
    )
    wide = figure_interval(
        low=low, high=high, qualifier=qualifier, tolerances=Tolerances(**{qualifier: large})
    )
    assert covers(wide, narrow)


@settings(max_examples=300)
@given(two_sided(), tolerances)
def test_nearly_ends_exactly_at_the_stated_figure(bounds: tuple, tol: Tolerances) -> None:
    low, high = bounds
    interval = figure_interval(low=low, high=high, qualifier="nearly", tolerances=tol)
    assert interval.hi == high
    assert interval.lo <= low


@settings(max_examples=300)
@given(moderate, st.sampled_from(sorted(LOWER_BOUND_QUALIFIERS | UPPER_BOUND_QUALIFIERS)))
def test_open_qualifiers_are_open_on_exactly_one_side(value: float, qualifier: Qualifier) -> None:
    if qualifier in LOWER_BOUND_QUALIFIERS:
        interval = figure_interval(low=value, high=None, qualifier=qualifier)
        assert (interval.lo, interval.hi) == (value, math.inf)
    else:
        interval = figure_interval(low=None, high=value, qualifier=qualifier)
        assert (interval.lo, interval.hi) == (-math.inf, value)


@settings(max_examples=300)
@given(two_sided(moderate), st.sampled_from(TWO_SIDED), tolerances)
def test_two_sided_qualifiers_give_a_bounded_interval(
    bounds: tuple, qualifier: Qualifier, tol: Tolerances
) -> None:
    low, high = bounds
    assert figure_interval(low=low, high=high, qualifier=qualifier, tolerances=tol).is_bounded


@settings(max_examples=300)
@given(two_sided(), tolerances)
def test_an_exact_range_keeps_its_ends(bounds: tuple, tol: Tolerances) -> None:
    low, high = bounds
    assume(low < high)
    interval = figure_interval(low=low, high=high, qualifier="exact", tolerances=tol)
    assert (interval.lo, interval.hi) == (low, high)


def close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300)


@settings(max_examples=300)
@given(stated(moderate), tolerances)
def test_converting_to_miles_commutes_with_taking_the_interval(
    figure: tuple, tol: Tolerances
) -> None:
    low, high, qualifier = figure
    in_km = figure_interval(low=low, high=high, qualifier=qualifier, tolerances=tol)
    in_miles = claim_interval(
        low=low, high=high, qualifier=qualifier, unit="km", canonical_unit="mile", tolerances=tol
    )
    expected = in_km.scaled(1 / KM_PER_MILE)
    assert close(in_miles.lo, expected.lo)
    assert close(in_miles.hi, expected.hi)


@settings(max_examples=300)
@given(
    k=st.integers(min_value=10, max_value=10**15 - 1).filter(lambda k: k % 10 != 0),
    e=st.integers(min_value=0, max_value=280),
    offset=st.floats(min_value=-0.5, max_value=0.5),
)
def test_any_figure_that_rounds_to_a_stated_figure_lies_in_its_exact_interval(
    k: int, e: int, offset: float
) -> None:
    # v = k * 10**e, k of two digits or more not ending in 0, is rounded to 10**e (with fewer
    # than two significant digits the figure is read to two); 15 digits survive a float.
    stated_value = float(k * 10**e)
    assume(stated_value >= 100)
    step = 10.0**e
    rounds_to_it = stated_value + offset * step
    interval = figure_interval(low=stated_value, high=stated_value, qualifier="exact")
    assert interval.contains(rounds_to_it)


@settings(max_examples=300)
@given(
    k=st.integers(min_value=10, max_value=10**15 - 1).filter(lambda k: k % 10 != 0),
    e=st.integers(min_value=0, max_value=280),
)
def test_an_exact_figure_reaches_no_further_than_half_its_rounding_step(k: int, e: int) -> None:
    stated_value = float(k * 10**e)
    assume(stated_value >= 100)
    interval = figure_interval(low=stated_value, high=stated_value, qualifier="exact")
    half_step = 10.0**e / 2
    assert (interval.lo, interval.hi) == (stated_value - half_step, stated_value + half_step)


@settings(max_examples=300)
@given(
    digit=st.integers(min_value=1, max_value=9),
    e=st.integers(min_value=1, max_value=280),
)
def test_a_one_digit_round_figure_is_read_to_its_second_digit(digit: int, e: int) -> None:
    stated_value = float(digit * 10**e)
    interval = figure_interval(low=stated_value, high=stated_value, qualifier="exact")
    half_step = 10.0 ** (e - 1) / 2
    assert (interval.lo, interval.hi) == (stated_value - half_step, stated_value + half_step)


# check_bounds against an oracle written from the rules, not from the code


def bound_problems(low: float | None, high: float | None, qualifier: str) -> set[str]:
    """The fields at fault, by the documented rules; empty when the bounds are valid."""
    if qualifier not in {q.value for q in Qualifier}:
        return {"qualifier"}
    problems = {
        field
        for field, value in zip(FIELDS, (low, high), strict=True)
        if value is not None and not math.isfinite(value)
    }
    if qualifier in {"at_least", "more_than"}:
        if low is None:
            problems.add("value_low")
        if high is not None:
            problems.add("value_high")
    elif qualifier in {"at_most", "less_than"}:
        if high is None:
            problems.add("value_high")
        if low is not None:
            problems.add("value_low")
    else:
        if low is None:
            problems.add("value_low")
        if high is None:
            problems.add("value_high")
        if not problems and low > high:
            problems.add("value_low")
    return problems


bounds = st.one_of(st.none(), st.floats(), st.sampled_from([0.0, 1.0, 40_000.0]))
qualifiers = st.one_of(st.sampled_from([q.value for q in Qualifier]), st.text(max_size=12))


@settings(max_examples=300)
@given(bounds, bounds, qualifiers)
def test_check_bounds_accepts_exactly_the_valid_shapes(
    low: float | None, high: float | None, qualifier: str
) -> None:
    problems = bound_problems(low, high, qualifier)
    try:
        check_bounds(low, high, qualifier)
    except BoundsError as error:
        assert problems, f"rejected valid bounds: {error.message}"
        assert error.field in problems
        if len(problems) == 1:
            assert error.field == next(iter(problems))
    else:
        assert not problems, f"accepted invalid bounds, fault in {problems}"


@settings(max_examples=300)
@given(bounds, bounds, qualifiers, tolerances)
def test_figure_interval_gives_an_interval_or_a_bounds_error_and_nothing_else(
    low: float | None, high: float | None, qualifier: str, tol: Tolerances
) -> None:
    problems = bound_problems(low, high, qualifier)
    try:
        interval = figure_interval(low=low, high=high, qualifier=qualifier, tolerances=tol)
    except BoundsError:
        assert problems
    else:
        assert not problems
        assert isinstance(interval, Interval)
