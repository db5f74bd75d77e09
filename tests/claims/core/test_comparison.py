"""Behaviour of the comparison core on hand-built figures."""

from __future__ import annotations

import math
from datetime import date

import pytest

from claims.core.comparison import Cause, Figure, Finding, Kind, compare, summary

JAN_2020 = (date(2020, 1, 1), date(2020, 1, 31))
FEB_2020 = (date(2020, 2, 1), date(2020, 2, 29))
JAN_2024 = (date(2024, 1, 1), date(2024, 1, 31))


def figure(
    id: int,
    lo: float,
    hi: float,
    period: tuple[date, date] = JAN_2020,
    **extra: object,
) -> Figure:
    return Figure(id, lo, hi, period[0], period[1], **extra)  # type: ignore[arg-type]


def isis_metric() -> list[Figure]:
    return [
        figure(1, 3_000, 5_000, JAN_2024),
        figure(2, 14_000, 18_000, JAN_2020),
    ]


def kinds_by_pair(findings: list[Finding]) -> dict[tuple[int, int], Kind]:
    return {(f.older_id, f.newer_id): f.kind for f in findings}


# The product's own example


def test_isis_2020_range_against_2024_range_is_a_change_over_time() -> None:
    [finding] = compare(isis_metric(), window_days=365)
    assert (finding.older_id, finding.newer_id, finding.kind) == (2, 1, Kind.CHANGE)


def test_isis_change_has_a_ratio_of_midpoints_of_four() -> None:
    [finding] = compare(isis_metric(), window_days=365)
    assert finding.ratio == pytest.approx(16_000 / 4_000)


def test_isis_change_has_its_gap_and_relative_gap() -> None:
    [finding] = compare(isis_metric(), window_days=365)
    assert finding.gap == 9_000
    assert finding.relative_gap == pytest.approx(9_000 / 4_000)


def test_a_20000_figure_in_february_2020_conflicts_with_the_2020_range() -> None:
    figures = [*isis_metric(), figure(3, 19_500, 20_500, FEB_2020)]
    assert kinds_by_pair(compare(figures, window_days=365))[(2, 3)] == Kind.CONFLICT


def test_a_20000_figure_in_february_2020_does_not_conflict_with_the_2024_range() -> None:
    figures = [*isis_metric(), figure(3, 19_500, 20_500, FEB_2020)]
    # Under the nearest-later rule the 2024 range is the first to contradict it: a change.
    assert kinds_by_pair(compare(figures, window_days=365))[(3, 1)] == Kind.CHANGE


def test_the_isis_metric_with_the_20000_figure_has_exactly_three_findings() -> None:
    figures = [*isis_metric(), figure(3, 19_500, 20_500, FEB_2020)]
    assert kinds_by_pair(compare(figures, window_days=365)) == {
        (2, 3): Kind.CONFLICT,
        (2, 1): Kind.CHANGE,
        (3, 1): Kind.CHANGE,
    }


# Overlap


def test_overlapping_intervals_never_give_a_finding() -> None:
    figures = [figure(1, 10, 20), figure(2, 15, 30, JAN_2024), figure(3, 19, 19, FEB_2020)]
    assert compare(figures, window_days=365) == []


def test_touching_intervals_overlap() -> None:
    figures = [figure(1, 10, 20), figure(2, 20, 30)]
    assert compare(figures, window_days=365) == []


def test_identical_exact_figures_overlap() -> None:
    assert compare([figure(1, 7, 7), figure(2, 7, 7)], window_days=0) == []


# Open-ended figures


def test_an_open_ended_figure_conflicts_with_one_entirely_below_its_lo() -> None:
    figures = [figure(1, 500, math.inf), figure(2, 100, 499)]
    assert kinds_by_pair(compare(figures, window_days=30)) == {(1, 2): Kind.CONFLICT}


def test_an_open_ended_figure_does_not_conflict_with_any_figure_reaching_its_lo() -> None:
    figures = [
        figure(1, 500, math.inf),
        figure(2, 100, 500),
        figure(3, 10**9, 10**9),
        figure(4, -math.inf, 600),
    ]
    assert [f for f in compare(figures, window_days=30) if 1 in f.pair] == []


def test_an_open_ended_figure_uses_its_finite_bound_as_its_midpoint() -> None:
    figures = [figure(1, 500, math.inf), figure(2, 100, 150)]
    [finding] = compare(figures, window_days=30)
    assert finding.ratio == pytest.approx(500 / 125)


def test_a_figure_open_below_conflicts_with_one_entirely_above_its_hi() -> None:
    figures = [figure(1, -math.inf, 50), figure(2, 60, 70)]
    [finding] = compare(figures, window_days=30)
    assert (finding.kind, finding.gap, finding.ratio) == (Kind.CONFLICT, 10, pytest.approx(65 / 50))


def test_a_figure_open_on_both_sides_never_gives_a_finding() -> None:
    figures = [figure(1, -math.inf, math.inf), figure(2, 1, 2), figure(3, 5, 6, JAN_2024)]
    assert {f.pair for f in compare(figures, window_days=30)} == {frozenset((2, 3))}


# Windows and the change-over-time rule


def test_periods_exactly_the_window_apart_are_compared_as_a_conflict() -> None:
    a = figure(1, 1, 2, (date(2020, 1, 1), date(2020, 1, 1)))
    b = figure(2, 5, 6, (date(2020, 1, 11), date(2020, 1, 11)))
    assert [f.kind for f in compare([a, b], window_days=10)] == [Kind.CONFLICT]


def test_periods_one_day_beyond_the_window_are_a_change() -> None:
    a = figure(1, 1, 2, (date(2020, 1, 1), date(2020, 1, 1)))
    b = figure(2, 5, 6, (date(2020, 1, 12), date(2020, 1, 12)))
    assert [f.kind for f in compare([a, b], window_days=10)] == [Kind.CHANGE]


def test_a_figure_is_set_against_only_the_first_later_figure_that_contradicts_it() -> None:
    figures = [
        figure(1, 10_000, 10_000, (date(2018, 1, 1), date(2018, 1, 1))),
        figure(2, 4_000, 4_000, (date(2021, 1, 1), date(2021, 1, 1))),
        figure(3, 4_000, 4_000, (date(2022, 1, 1), date(2022, 1, 1))),
        figure(4, 4_000, 4_000, (date(2023, 1, 1), date(2023, 1, 1))),
    ]
    assert {f.pair for f in compare(figures, window_days=30)} == {frozenset((1, 2))}


def test_a_wide_figure_in_between_does_not_hide_a_change() -> None:
    figures = [
        figure(1, 10_000, 10_000, (date(2020, 1, 1), date(2020, 1, 1))),
        figure(2, 3_000, 12_000, (date(2022, 1, 1), date(2022, 1, 1))),
        figure(3, 4_000, 4_000, (date(2024, 1, 1), date(2024, 1, 1))),
    ]
    assert kinds_by_pair(compare(figures, window_days=30)) == {(1, 3): Kind.CHANGE}


def test_every_contradicting_figure_sharing_the_nearest_later_start_is_reported() -> None:
    later = (date(2024, 1, 1), date(2024, 12, 31))
    figures = [figure(1, 100, 100), figure(2, 10, 10, later), figure(3, 500, 500, later)]
    assert kinds_by_pair(compare(figures, window_days=30)) == {
        (1, 2): Kind.CHANGE,
        (1, 3): Kind.CHANGE,
        (2, 3): Kind.CONFLICT,
    }


# Sizes


def test_midpoints_of_opposite_sign_have_no_ratio() -> None:
    [finding] = compare([figure(1, -3, -1), figure(2, 1, 3)], window_days=0)
    assert finding.ratio is None


def test_a_midpoint_of_zero_has_no_ratio_and_no_relative_gap() -> None:
    [finding] = compare([figure(1, -1, 1), figure(2, 5, 7)], window_days=0)
    assert (finding.ratio, finding.gap, finding.relative_gap) == (None, 4, None)


def test_negative_midpoints_compare_by_magnitude() -> None:
    [finding] = compare([figure(1, -10, -10), figure(2, -2, -2)], window_days=0)
    assert finding.ratio == pytest.approx(5.0)


def test_overlapping_periods_have_a_period_gap_of_zero() -> None:
    [finding] = compare([figure(1, 1, 1), figure(2, 2, 2)], window_days=0)
    assert finding.period_gap_days == 0


# Resolutions


def test_a_resolved_pair_comes_back_flagged_resolved() -> None:
    figures = [*isis_metric(), figure(3, 19_500, 20_500, FEB_2020)]
    findings = compare(figures, window_days=365, resolved=frozenset({frozenset((3, 2))}))
    assert {f.pair: f.resolved for f in findings} == {
        frozenset((2, 3)): True,
        frozenset((1, 2)): False,
        frozenset((1, 3)): False,
    }


def test_a_resolution_naming_a_pair_that_does_not_disagree_flags_nothing() -> None:
    findings = compare(isis_metric(), window_days=365, resolved=frozenset({frozenset((1, 99))}))
    assert [f.resolved for f in findings] == [False]


# Causes


def causes_of(a: Figure, b: Figure, **params: int) -> tuple[Cause, ...]:
    [finding] = compare([a, b], window_days=params.pop("window_days", 365), **params)
    return finding.causes


def test_no_cause_is_given_when_the_data_tells_none() -> None:
    assert causes_of(figure(1, 1, 2, scope="Iraq"), figure(2, 5, 6, scope="Iraq")) == ()


def test_periods_that_do_not_overlap_are_a_different_period() -> None:
    assert causes_of(figure(1, 1, 2), figure(2, 5, 6, FEB_2020)) == (Cause.DIFFERENT_PERIOD,)


def test_periods_sharing_a_day_are_not_a_different_period() -> None:
    a = figure(1, 1, 2, (date(2020, 1, 1), date(2020, 2, 1)))
    assert causes_of(a, figure(2, 5, 6, FEB_2020)) == ()


def test_scopes_that_differ_after_normalisation_are_a_different_scope() -> None:
    a, b = figure(1, 1, 2, scope="Iraq"), figure(2, 5, 6, scope="Iraq and Syria")
    assert causes_of(a, b) == (Cause.DIFFERENT_SCOPE,)


def test_scopes_differing_only_in_case_spacing_and_punctuation_are_the_same_scope() -> None:
    a, b = figure(1, 1, 2, scope="Iraq & Syria."), figure(2, 5, 6, scope="  iraq  and SYRIA")
    assert causes_of(a, b) == ()


def test_an_unstated_scope_is_not_a_different_scope() -> None:
    assert causes_of(figure(1, 1, 2, scope="Iraq"), figure(2, 5, 6)) == ()


def test_an_article_published_long_after_its_period_is_a_stale_source() -> None:
    late = figure(2, 5, 6, published=date(2022, 6, 1))
    assert causes_of(figure(1, 1, 2, published=date(2022, 5, 1)), late) == (Cause.STALE_SOURCE,)


def test_an_article_published_within_the_stale_threshold_is_not_stale() -> None:
    prompt = figure(2, 5, 6, published=date(2020, 3, 1))
    assert causes_of(figure(1, 1, 2), prompt, stale_after_days=30) == ()


def test_the_stale_threshold_is_a_parameter() -> None:
    late = figure(2, 5, 6, published=date(2020, 3, 15))
    assert causes_of(figure(1, 1, 2), late, stale_after_days=30) == (Cause.STALE_SOURCE,)


def test_articles_published_more_than_the_window_apart_are_an_older_source() -> None:
    a = figure(1, 1, 2, published=date(2020, 2, 1))
    b = figure(2, 5, 6, published=date(2020, 4, 1))
    assert causes_of(a, b, window_days=30) == (Cause.OLDER_SOURCE,)


def test_articles_published_within_the_window_are_not_an_older_source() -> None:
    a = figure(1, 1, 2, published=date(2020, 2, 1))
    b = figure(2, 5, 6, published=date(2020, 3, 1))
    assert causes_of(a, b, window_days=30) == ()


def test_an_unknown_publication_date_does_not_make_an_older_source() -> None:
    assert causes_of(figure(1, 1, 2, published=date(2029, 1, 1)), figure(2, 5, 6)) == (
        Cause.STALE_SOURCE,
    )


def test_a_claim_rated_inaccurate_is_a_cause() -> None:
    a, b = figure(1, 1, 2), figure(2, 5, 6, rated_inaccurate=True)
    assert causes_of(a, b) == (Cause.RATED_INACCURATE,)


def test_causes_are_listed_in_a_fixed_order() -> None:
    a = figure(1, 1, 2, scope="Iraq", published=date(2020, 2, 1), rated_inaccurate=True)
    b = figure(2, 5, 6, JAN_2024, scope="Syria", published=date(2026, 1, 1))
    assert causes_of(a, b) == tuple(Cause)


# Ordering and input checks


def test_findings_list_conflicts_before_changes_then_by_as_of() -> None:
    figures = [
        figure(5, 1, 1, (date(2024, 1, 1), date(2024, 1, 1))),
        figure(4, 9, 9, (date(2024, 1, 2), date(2024, 1, 2))),
        figure(3, 50, 50, (date(2019, 1, 1), date(2019, 1, 1))),
        figure(2, 70, 70, (date(2019, 1, 1), date(2019, 1, 1))),
        figure(1, 30, 30, (date(2022, 1, 1), date(2022, 1, 1))),
    ]
    found = [(f.kind, f.older_id, f.newer_id) for f in compare(figures, window_days=30)]
    assert found == [
        (Kind.CONFLICT, 2, 3),
        (Kind.CONFLICT, 5, 4),
        (Kind.CHANGE, 2, 1),
        (Kind.CHANGE, 3, 1),
        (Kind.CHANGE, 1, 5),
    ]


def test_the_result_does_not_depend_on_input_order() -> None:
    figures = [*isis_metric(), figure(3, 19_500, 20_500, FEB_2020), figure(4, 1, 2, JAN_2024)]
    assert compare(figures, window_days=365) == compare(figures[::-1], window_days=365)


def test_no_figures_give_no_findings() -> None:
    assert compare([], window_days=365) == []


def test_a_repeated_id_is_rejected() -> None:
    with pytest.raises(ValueError, match="id 1"):
        compare([figure(1, 1, 2), figure(1, 5, 6)], window_days=30)


def test_a_negative_window_is_rejected() -> None:
    with pytest.raises(ValueError, match="window_days"):
        compare([], window_days=-1)


@pytest.mark.parametrize(
    ("lo", "hi"),
    [(2, 1), (math.nan, 1), (1, math.nan), (math.inf, math.inf), (-math.inf, -math.inf)],
)
def test_a_figure_with_an_empty_or_undefined_interval_is_rejected(lo: float, hi: float) -> None:
    with pytest.raises(ValueError, match="figure 1"):
        figure(1, lo, hi)


def test_a_figure_whose_period_ends_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValueError, match="as-of start"):
        figure(1, 1, 2, (date(2020, 2, 1), date(2020, 1, 1)))


# Summary


def test_summary_gives_count_extremes_and_spread_of_midpoints() -> None:
    figures = [*isis_metric(), figure(3, 19_500, 20_500, FEB_2020, scope="Iraq")]
    assert summary(figures) == summary(figures[::-1])
    result = summary(figures)
    assert (result.count, result.lowest, result.highest) == (3, 3_000, 20_500)
    assert result.spread_ratio == pytest.approx(20_000 / 4_000)
    assert (result.earliest, result.latest, result.scopes) == (JAN_2020[0], JAN_2024[1], 1)


def test_summary_ignores_open_bounds() -> None:
    result = summary([figure(1, 500, math.inf), figure(2, -math.inf, 40)])
    assert (result.lowest, result.highest) == (40, 500)
    assert result.spread_ratio == pytest.approx(500 / 40)


def test_summary_of_no_figures_is_empty() -> None:
    result = summary([])
    assert (result.count, result.scopes) == (0, 0)
    assert {result.lowest, result.highest, result.spread_ratio, result.earliest, result.latest} == {
        None
    }
