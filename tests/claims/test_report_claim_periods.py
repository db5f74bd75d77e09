"""The report reads a claim's own period before its metric's kind: a toll the text calls a
total since a start is compared as one in any metric, and a week is never set against a month."""

import datetime

import pytest

from claims.models import Claim, Metric
from claims.reports.build import ReportFilter, metric_reports
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory

pytestmark = pytest.mark.django_db


def add(metric, figure: str, value: float, as_of: datetime.date, **period):
    text = f"Officials said {figure} people had been counted."
    article = ArticleFactory(body=text + "\n")
    start = text.index(figure)
    return ClaimFactory(
        article=article, quote=text, figure=figure, start=start, end=start + len(figure),
        value_low=value, value_high=value, metric=metric, as_of_start=as_of, as_of_end=as_of,
        **period,
    )  # fmt: skip


def kinds(metric) -> dict[frozenset[int], str]:
    found = next(metric_reports(ReportFilter(metric=metric.slug))).findings
    return {frozenset((f.older_id, f.newer_id)): f.kind for f in found}


CUMULATIVE = {"period_kind": Claim.PeriodKind.CUMULATIVE, "period_start": datetime.date(2014, 6, 1)}


def test_totals_the_text_calls_cumulative_rise_as_a_change_in_a_level_metric():
    metric = MetricFactory(kind=Metric.Kind.LEVEL, comparability_days=3650)
    early = add(metric, "999", 999, datetime.date(2015, 2, 20), **CUMULATIVE)
    later = add(metric, "1,614", 1614, datetime.date(2016, 11, 15), **CUMULATIVE)
    assert kinds(metric) == {frozenset((early.pk, later.pk)): "change"}


def test_a_total_the_text_calls_cumulative_falling_is_a_conflict():
    metric = MetricFactory(kind=Metric.Kind.LEVEL, comparability_days=30)
    high = add(metric, "1,614", 1614, datetime.date(2016, 11, 15), **CUMULATIVE)
    low = add(metric, "1,200", 1200, datetime.date(2017, 12, 1), **CUMULATIVE)
    assert kinds(metric) == {frozenset((high.pk, low.pk)): "conflict"}


def test_a_count_per_week_is_never_compared_with_a_count_per_month():
    metric = MetricFactory(kind=Metric.Kind.COUNT_OVER_PERIOD, comparability_days=60)
    per_period = Claim.PeriodKind.PER_PERIOD
    add(metric, "40", 40, datetime.date(2024, 3, 31), period_kind=per_period, period_days=7)
    add(metric, "170", 170, datetime.date(2024, 3, 31), period_kind=per_period, period_days=31)
    assert kinds(metric) == {}


def test_two_counts_per_week_of_one_week_conflict():
    metric = MetricFactory(kind=Metric.Kind.COUNT_OVER_PERIOD, comparability_days=60)
    per_week = {"period_kind": Claim.PeriodKind.PER_PERIOD, "period_days": 7}
    a = add(metric, "40", 40, datetime.date(2024, 3, 31), **per_week)
    b = add(metric, "90", 90, datetime.date(2024, 3, 31), **per_week)
    assert kinds(metric) == {frozenset((a.pk, b.pk)): "conflict"}


def test_extraction_stores_a_cumulative_totals_start_and_dates_it_at_the_report():
    from claims.services import article_extract
    from sources.text import normalize_body

    body = normalize_body(
        "Regional officials said on Monday that 4,000 of their soldiers had been killed since "
        "June 2014.\nA week earlier, 35 rockets a week were said to hit the town.\n"
    )
    article = ArticleFactory(body=body, published=datetime.date(2016, 11, 20))
    article_extract(article=article)
    toll = Claim.objects.get(article=article, figure="4,000")
    assert (toll.period_kind, toll.period_start) == ("cumulative", datetime.date(2014, 6, 1))
    # Dated when it was said (the Monday before publication), not at the start of the count.
    assert toll.as_of_start == toll.as_of_end == datetime.date(2016, 11, 14)
    rate = Claim.objects.get(article=article, figure="35")
    assert (rate.period_kind, rate.period_days) == ("per_period", 7)


def test_a_count_per_week_is_not_proposed_for_a_metric_of_levels():
    from claims.grouping import grouping_proposals

    MetricFactory(name="ISIS fighters in Iraq and Syria", scope="Iraq and Syria")
    level = ClaimFactory(subject="ISIS fighters", scope="Iraq and Syria", metric=None)
    weekly = ClaimFactory(
        subject="ISIS fighters", scope="Iraq and Syria", metric=None,
        period_kind=Claim.PeriodKind.PER_PERIOD, period_days=7,
    )  # fmt: skip
    chosen = {s.claim_id: s for s in grouping_proposals(min_confidence=0.6)}
    assert chosen[level.pk].metric_id is not None
    assert chosen[weekly.pk].metric_id is None
