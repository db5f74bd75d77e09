"""Figures as intervals: the seed figures and every qualifier, worked out by hand."""

from __future__ import annotations

import math

import pytest

from claims.core import units
from claims.core.intervals import (
    BoundsError,
    Interval,
    Qualifier,
    Tolerances,
    check_bounds,
    claim_interval,
    figure_interval,
    rounding_step,
)

KM_PER_MILE = 1.609344  # the international mile, by definition


def single(value: float, qualifier: str = Qualifier.EXACT, **tolerances: object) -> Interval:
    return figure_interval(
        low=value, high=value, qualifier=qualifier, tolerances=Tolerances(**tolerances)
    )


def ends(interval: Interval) -> tuple[float, float]:
    return interval.lo, interval.hi


# Ranges


def test_a_range_is_taken_as_stated() -> None:
    assert ends(figure_interval(low=3_000, high=5_000)) == (3_000, 5_000)


def test_suspended_hyphen_range_is_taken_as_stated() -> None:
    # "14- to 18,000 fighters": the parser gives 14,000 and 18,000, and no rounding is added.
    assert ends(figure_interval(low=14_000, high=18_000, qualifier="exact")) == (14_000, 18_000)


def test_about_a_range_widens_each_end_by_the_approximate_tolerance() -> None:
    interval = figure_interval(low=3_000, high=5_000, qualifier="approximate")
    assert ends(interval) == pytest.approx((2_700, 5_500))


def test_nearly_a_range_reaches_below_the_low_end_and_keeps_the_high_end() -> None:
    interval = figure_interval(low=3_000, high=5_000, qualifier="nearly")
    assert ends(interval) == pytest.approx((2_700, 5_000))
    assert interval.hi == 5_000


# Exact single figures carry their rounding


def test_an_exact_round_figure_covers_everything_that_rounds_to_it() -> None:
    # Read to two significant digits: anything from 39,500 to 40,500 is written "40,000".
    assert ends(single(40_000)) == (39_500, 40_500)


def test_twenty_thousand_and_fourteen_to_eighteen_thousand_do_not_overlap() -> None:
    # The product's own example of a conflict (issue: a 2020 figure of 20,000).
    assert not single(20_000).overlaps(figure_interval(low=14_000, high=18_000))


def test_three_and_a_half_million_is_rounded_to_the_hundred_thousand() -> None:
    assert ends(single(3_500_000)) == (3_450_000, 3_550_000)


def test_ten_killed_is_counted_to_the_unit_not_rounded_to_the_ten() -> None:
    assert ends(single(10)) == (9.5, 10.5)


def test_twenty_two_is_taken_to_the_unit() -> None:
    assert ends(single(22)) == (21.5, 22.5)


def test_a_decimal_figure_below_one_keeps_its_own_finer_step() -> None:
    assert ends(single(0.4)) == pytest.approx((0.35, 0.45))


def test_a_hundred_is_read_to_the_ten() -> None:
    assert ends(single(100)) == (95, 105)


def test_an_exact_figure_is_a_point_when_rounding_is_off() -> None:
    assert ends(single(40_000, rounding=False)) == (40_000, 40_000)


def test_one_significant_digit_reads_round_figures_loosely() -> None:
    assert ends(single(40_000, significant_digits=1)) == (35_000, 45_000)
    assert ends(single(10, significant_digits=1)) == (5, 15)


def test_more_significant_digits_read_round_figures_more_tightly() -> None:
    assert ends(single(500, significant_digits=3)) == (499.5, 500.5)


def test_a_negative_figure_is_rounded_like_its_magnitude() -> None:
    assert ends(single(-40_000)) == (-40_500, -39_500)


def test_rounding_step_reads_the_last_significant_digit_to_two_digits_at_least() -> None:
    assert rounding_step(40_000) == 1_000
    assert rounding_step(41_000) == 1_000
    assert rounding_step(41_500) == 100
    assert rounding_step(22) == 1
    assert rounding_step(3_500_000.0) == 100_000
    assert rounding_step(3.5) == pytest.approx(0.1)
    assert rounding_step(40_000, significant_digits=1) == 10_000


# Approximate: about, roughly, some, an estimated


def test_an_estimated_40000_reaches_ten_percent_either_side() -> None:
    assert ends(single(40_000, Qualifier.APPROXIMATE)) == pytest.approx((36_000, 44_000))


def test_an_approximate_figure_is_never_narrower_than_its_rounding() -> None:
    # 10% of 40,000 is 4,000, less than the 5,000 one significant digit allows.
    assert ends(single(40_000, Qualifier.APPROXIMATE, significant_digits=1)) == (35_000, 45_000)


def test_an_estimated_40000_reaches_ten_percent_either_side_without_rounding() -> None:
    assert ends(single(40_000, "approximate", rounding=False)) == pytest.approx((36_000, 44_000))


def test_a_wider_approximate_tolerance_outgrows_the_rounding() -> None:
    interval = single(40_000, "approximate", approximate=0.2)
    assert ends(interval) == pytest.approx((32_000, 48_000))


def test_about_ten_widens_by_the_tolerance_when_it_exceeds_the_unit_rounding() -> None:
    assert ends(single(10, "approximate", approximate=0.3)) == pytest.approx((7, 13))


def test_about_three_keeps_its_unit_rounding_when_the_tolerance_is_smaller() -> None:
    # 10% of 3 is 0.3, less than the half unit that "3" already carries.
    assert ends(single(3, "approximate")) == (2.5, 3.5)


def test_a_zero_approximate_tolerance_gives_the_exact_interval() -> None:
    assert single(40_000, "approximate", approximate=0.0) == single(40_000)


# Nearly: nearly, almost, just under


def test_nearly_reaches_below_the_figure_and_never_above() -> None:
    interval = single(40, Qualifier.NEARLY)
    assert ends(interval) == pytest.approx((36, 40))
    assert interval.hi == 40


def test_nearly_ignores_rounding_above_the_figure() -> None:
    # "nearly 40,000" is below 40,000, even though "40,000" alone reaches 45,000.
    assert single(40_000, "nearly").hi == 40_000


def test_nearly_uses_the_configured_tolerance() -> None:
    assert ends(single(40, "nearly", nearly=0.25)) == pytest.approx((30, 40))


def test_nearly_a_negative_figure_still_sits_below_it() -> None:
    assert ends(single(-40, "nearly")) == pytest.approx((-44, -40))


def test_nearly_doubling_is_just_under_two_times() -> None:
    assert ends(single(2, "nearly")) == pytest.approx((1.8, 2))


# Open on one side


@pytest.mark.parametrize("qualifier", ["at_least", "more_than"])
def test_lower_bound_qualifiers_are_open_above(qualifier: str) -> None:
    interval = figure_interval(low=40_000, high=None, qualifier=qualifier)
    assert (interval.lo, interval.hi) == (40_000, math.inf)


@pytest.mark.parametrize("qualifier", ["at_most", "less_than"])
def test_upper_bound_qualifiers_are_open_below(qualifier: str) -> None:
    interval = figure_interval(low=None, high=10, qualifier=qualifier)
    assert (interval.lo, interval.hi) == (-math.inf, 10)


def test_an_open_figure_carries_no_rounding() -> None:
    interval = figure_interval(low=40_000, high=None, qualifier="at_least")
    assert interval.lo == 40_000


# Units: claim_interval converts into the metric's canonical unit


def test_forty_km_is_its_rounding_interval_in_km() -> None:
    interval = claim_interval(low=40, high=40, qualifier="exact", unit="km", canonical_unit="km")
    assert ends(interval) == pytest.approx((39.5, 40.5))


def test_forty_km_converts_into_miles() -> None:
    interval = claim_interval(low=40, high=40, qualifier="exact", unit="km", canonical_unit="mile")
    assert ends(interval) == pytest.approx((39.5 / KM_PER_MILE, 40.5 / KM_PER_MILE))


def test_forty_percent_converts_into_times() -> None:
    interval = claim_interval(
        low=40, high=40, qualifier="exact", unit="percent", canonical_unit="times"
    )
    assert ends(interval) == pytest.approx((0.395, 0.405))


def test_nearly_doubling_converts_into_percent() -> None:
    interval = claim_interval(
        low=2, high=2, qualifier="nearly", unit="times", canonical_unit="percent"
    )
    assert ends(interval) == pytest.approx((180, 200))


def test_ten_killed_stays_a_count() -> None:
    interval = claim_interval(
        low=10, high=10, qualifier="exact", unit="count", canonical_unit="count"
    )
    assert ends(interval) == (9.5, 10.5)


def test_an_open_figure_stays_open_after_conversion() -> None:
    interval = claim_interval(
        low=40, high=None, qualifier="more_than", unit="km", canonical_unit="mile"
    )
    assert interval.lo == pytest.approx(40 / KM_PER_MILE)
    assert interval.hi == math.inf


def test_without_a_canonical_unit_the_figure_stays_in_its_own_unit() -> None:
    interval = claim_interval(low=3_000, high=5_000, qualifier="exact", unit="count")
    assert ends(interval) == (3_000, 5_000)


def test_an_empty_canonical_unit_counts_as_none() -> None:
    interval = claim_interval(low=40, high=40, qualifier="exact", unit="km", canonical_unit="")
    assert ends(interval) == (39.5, 40.5)


def test_claim_interval_rejects_an_unknown_unit_even_without_a_canonical_unit() -> None:
    with pytest.raises(units.UnitError, match="furlongz"):
        claim_interval(low=40, high=40, qualifier="exact", unit="furlongz")


def test_claim_interval_rejects_a_count_measured_against_a_percent_metric() -> None:
    with pytest.raises(units.UnitError):
        claim_interval(low=10, high=10, qualifier="exact", unit="count", canonical_unit="percent")


def test_claim_interval_checks_bounds_before_units() -> None:
    with pytest.raises(BoundsError):
        claim_interval(low=5, high=3, qualifier="exact", unit="count", canonical_unit="count")


# Tolerances


@pytest.mark.parametrize("name", ["approximate", "nearly"])
@pytest.mark.parametrize("value", [-0.01, 1.0, 1.5, math.nan, math.inf])
def test_tolerances_reject_a_relative_tolerance_outside_zero_to_one(
    name: str, value: float
) -> None:
    with pytest.raises(ValueError, match=name):
        Tolerances(**{name: value})


@pytest.mark.parametrize("name", ["approximate", "nearly"])
@pytest.mark.parametrize("value", [0.0, 0.5, 0.99])
def test_tolerances_accept_a_relative_tolerance_from_zero_to_below_one(
    name: str, value: float
) -> None:
    assert getattr(Tolerances(**{name: value}), name) == value


def test_default_tolerances_are_ten_percent_and_two_significant_digits() -> None:
    assert Tolerances() == Tolerances(
        approximate=0.10, nearly=0.10, rounding=True, significant_digits=2
    )


# check_bounds: every misuse names its field


def bounds_error(low: float | None, high: float | None, qualifier: str) -> BoundsError:
    with pytest.raises(BoundsError) as info:
        check_bounds(low, high, qualifier)
    return info.value


@pytest.mark.parametrize("qualifier", ["exact", "approximate", "nearly"])
def test_check_bounds_names_value_low_when_it_is_above_value_high(qualifier: str) -> None:
    assert bounds_error(5_000, 3_000, qualifier).field == "value_low"


@pytest.mark.parametrize("qualifier", ["exact", "approximate", "nearly"])
def test_check_bounds_names_value_low_when_a_two_sided_figure_lacks_it(qualifier: str) -> None:
    assert bounds_error(None, 5_000, qualifier).field == "value_low"


@pytest.mark.parametrize("qualifier", ["exact", "approximate", "nearly"])
def test_check_bounds_names_value_high_when_a_two_sided_figure_lacks_it(qualifier: str) -> None:
    assert bounds_error(3_000, None, qualifier).field == "value_high"


def test_check_bounds_rejects_a_figure_with_no_bounds_at_all() -> None:
    assert bounds_error(None, None, "exact").field in {"value_low", "value_high"}


@pytest.mark.parametrize("qualifier", ["at_least", "more_than"])
def test_check_bounds_names_value_low_when_a_lower_bound_is_missing(qualifier: str) -> None:
    assert bounds_error(None, None, qualifier).field == "value_low"


@pytest.mark.parametrize("qualifier", ["at_least", "more_than"])
def test_check_bounds_names_value_high_when_a_lower_bound_figure_states_one(
    qualifier: str,
) -> None:
    assert bounds_error(40_000, 50_000, qualifier).field == "value_high"


@pytest.mark.parametrize("qualifier", ["at_most", "less_than"])
def test_check_bounds_names_value_high_when_an_upper_bound_is_missing(qualifier: str) -> None:
    assert bounds_error(None, None, qualifier).field == "value_high"


@pytest.mark.parametrize("qualifier", ["at_most", "less_than"])
def test_check_bounds_names_value_low_when_an_upper_bound_figure_states_one(
    qualifier: str,
) -> None:
    assert bounds_error(5, 10, qualifier).field == "value_low"


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_check_bounds_names_value_low_when_it_is_not_finite(bad: float) -> None:
    assert bounds_error(bad, 10, "exact").field == "value_low"


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_check_bounds_names_value_high_when_it_is_not_finite(bad: float) -> None:
    assert bounds_error(10, bad, "exact").field == "value_high"


def test_check_bounds_rejects_an_infinite_lower_bound_for_at_least() -> None:
    assert bounds_error(math.inf, None, "at_least").field == "value_low"


def test_check_bounds_rejects_a_nan_upper_bound_for_at_most() -> None:
    assert bounds_error(None, math.nan, "at_most").field == "value_high"


@pytest.mark.parametrize("qualifier", ["roughly", "", "EXACT", "at least"])
def test_check_bounds_names_the_qualifier_when_it_is_unknown(qualifier: str) -> None:
    error = bounds_error(10, 10, qualifier)
    assert error.field == "qualifier"
    assert "approximate" in error.message  # the message lists the choices


def test_bounds_error_is_a_value_error_carrying_its_message() -> None:
    error = bounds_error(5_000, 3_000, "exact")
    assert isinstance(error, ValueError)
    assert str(error) == error.message


def test_figure_interval_raises_the_same_bounds_error() -> None:
    with pytest.raises(BoundsError) as info:
        figure_interval(low=40_000, high=50_000, qualifier="at_least")
    assert info.value.field == "value_high"


@pytest.mark.parametrize(
    ("low", "high", "qualifier"),
    [
        (3_000, 5_000, "exact"),
        (40_000, 40_000, "approximate"),
        (-2, -2, "nearly"),
        (40_000, None, "more_than"),
        (None, 10, "less_than"),
    ],
)
def test_check_bounds_accepts_the_shape_each_qualifier_calls_for(
    low: float | None, high: float | None, qualifier: str
) -> None:
    check_bounds(low, high, qualifier)  # raises on failure


# Interval


def test_interval_rejects_a_low_end_above_the_high_end() -> None:
    with pytest.raises(ValueError):
        Interval(2, 1)


@pytest.mark.parametrize(("lo", "hi"), [(math.nan, 1), (1, math.nan), (math.nan, math.nan)])
def test_interval_rejects_nan(lo: float, hi: float) -> None:
    with pytest.raises(ValueError):
        Interval(lo, hi)


def test_a_point_is_an_interval() -> None:
    assert Interval(3, 3).contains(3)


def test_contains_includes_both_ends() -> None:
    interval = Interval(3_000, 5_000)
    assert interval.contains(3_000) and interval.contains(5_000)
    assert not interval.contains(2_999.9) and not interval.contains(5_000.1)


def test_touching_intervals_overlap() -> None:
    assert Interval(3_000, 5_000).overlaps(Interval(5_000, 7_000))
    assert Interval(5_000, 7_000).overlaps(Interval(3_000, 5_000))


def test_separate_intervals_do_not_overlap() -> None:
    assert not Interval(3_000, 5_000).overlaps(Interval(14_000, 18_000))
    assert not Interval(14_000, 18_000).overlaps(Interval(3_000, 5_000))


def test_an_open_interval_overlaps_only_what_reaches_its_bound() -> None:
    assert Interval(40_000, math.inf).overlaps(Interval(1e12, 1e12))
    assert not Interval(40_000, math.inf).overlaps(Interval(35_000, 39_999))


def test_midpoint_of_a_bounded_interval_is_its_middle() -> None:
    assert Interval(14_000, 18_000).midpoint == 16_000


def test_midpoint_of_an_interval_open_above_is_its_low_end() -> None:
    assert Interval(40_000, math.inf).midpoint == 40_000


def test_midpoint_of_an_interval_open_below_is_its_high_end() -> None:
    assert Interval(-math.inf, 10).midpoint == 10


def test_only_an_interval_with_two_finite_ends_is_bounded() -> None:
    assert Interval(3_000, 5_000).is_bounded
    assert not Interval(40_000, math.inf).is_bounded
    assert not Interval(-math.inf, 10).is_bounded


def test_scaled_multiplies_both_ends() -> None:
    assert ends(Interval(39.5, 40.5).scaled(1_000)) == (39_500, 40_500)


@pytest.mark.parametrize("factor", [0.0, -1.0])
def test_scaled_rejects_a_factor_that_is_not_positive(factor: float) -> None:
    with pytest.raises(ValueError):
        Interval(1, 2).scaled(factor)
