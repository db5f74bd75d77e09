"""The report applies the rules of figures over time: a cumulative metric's rising toll is a
change, its fall a conflict; one statement quoted in several articles is compared once."""

import datetime

import pytest

from claims.models import Metric
from claims.reports.build import ReportFilter, metric_reports
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def add_toll(metric, figure: str, value: float, as_of: datetime.date, **extra):
    text = f"Officials said {figure} had been killed since June 2014."
    article = ArticleFactory(body=text + "\n")
    start = text.index(figure)
    return ClaimFactory(
        article=article, quote=text, figure=figure, start=start, end=start + len(figure),
        value_low=value, value_high=value, metric=metric, as_of_start=datetime.date(2014, 6, 1),
        as_of_end=as_of, **extra,
    )  # fmt: skip


def report(metric):
    return next(metric_reports(ReportFilter(metric=metric.slug)))


def kinds(metric) -> dict[frozenset[int], str]:
    return {frozenset((f.older_id, f.newer_id)): f.kind for f in report(metric).findings}


def test_a_rising_cumulative_toll_is_a_change_even_within_the_window():
    metric = MetricFactory(kind=Metric.Kind.CUMULATIVE, comparability_days=3650)
    early = add_toll(metric, "999", 999, datetime.date(2015, 2, 20))
    later = add_toll(metric, "1,614", 1614, datetime.date(2016, 11, 15))
    assert kinds(metric) == {frozenset((early.pk, later.pk)): "change"}


def test_a_falling_cumulative_toll_is_a_conflict_even_beyond_the_window():
    metric = MetricFactory(kind=Metric.Kind.CUMULATIVE, comparability_days=30)
    high = add_toll(metric, "1,614", 1614, datetime.date(2016, 11, 15))
    low = add_toll(metric, "1,200", 1200, datetime.date(2017, 12, 1))
    assert kinds(metric) == {frozenset((high.pk, low.pk)): "conflict"}


def test_as_a_level_the_same_tolls_dated_at_their_start_would_conflict():
    # What the first version did: the contrast that shows the kind is what decides.
    metric = MetricFactory(kind=Metric.Kind.LEVEL, comparability_days=3650)
    early = add_toll(metric, "999", 999, datetime.date(2015, 2, 20))
    later = add_toll(metric, "1,614", 1614, datetime.date(2016, 11, 15))
    assert kinds(metric) == {frozenset((early.pk, later.pk)): "conflict"}


def test_one_statement_in_three_articles_is_one_conflict_and_three_claims():
    metric = MetricFactory(comparability_days=90)
    un = SpeakerFactory(name="U.N.")
    day = datetime.date(2024, 1, 10)
    quoted = [
        ClaimFactory(metric=metric, speaker=un, as_of_start=day, as_of_end=day) for _ in range(3)
    ]
    other = ClaimFactory(
        metric=metric, value_low=9000, value_high=9000, as_of_start=day, as_of_end=day
    )
    result = report(metric)
    assert [(f.older_id, f.newer_id) for f in result.findings if f.kind == "conflict"] in (
        [(quoted[0].pk, other.pk)],
        [(other.pk, quoted[0].pk)],
    )
    assert {c.id for c in result.claims} >= {c.pk for c in quoted}
