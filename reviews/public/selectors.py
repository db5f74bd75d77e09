"""Reads for the public pages: only published reviews of confirmed claims ever leave here."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet

from claims.models import Claim, Metric
from claims.reports.build import ReportFilter, metric_reports
from claims.reports.metric_report import MetricReport
from reviews.models import Review

_RELATED = ("claim__article__outlet", "claim__speaker", "claim__metric")


def public_reviews() -> QuerySet[Review]:
    """Published reviews of confirmed claims, newest first, with what their pages show."""
    return (
        Review.objects.filter(status=Review.Status.PUBLISHED, claim__status=Claim.Status.CONFIRMED)
        .select_related(*_RELATED)
        .order_by("-published_at", "-id")
    )


def public_review_search(
    *, q: str = "", verdict: str = "", metric: str = "", checker: str = ""
) -> QuerySet[Review]:
    """``public_reviews`` narrowed by a text search and the index's filters (all optional).

    ``checker`` is a fact-checker's name as shown on the page; our own reviews have none stored,
    so the setting's name stands for them.
    """
    reviews = public_reviews()
    if q:
        reviews = reviews.filter(
            Q(claim__quote__icontains=q)
            | Q(claim__subject__icontains=q)
            | Q(claim__speaker__name__icontains=q)
            | Q(claim__metric__name__icontains=q)
            | Q(source_claim_reviewed__icontains=q)
            | Q(rationale__icontains=q)
        )
    if verdict:
        reviews = reviews.filter(rating=verdict)
    if metric:
        reviews = reviews.filter(claim__metric__slug=metric)
    if checker:
        ours = checker.casefold() == settings.CLAIMREVIEW_ORGANIZATION_NAME.casefold()
        reviews = reviews.filter(
            Q(source_organization__iexact=checker) | Q(source_organization="") if ours
            else Q(source_organization__iexact=checker)
        )  # fmt: skip
    return reviews


def public_metrics() -> QuerySet[Metric]:
    """Metrics with at least one published fact-check, by name (the index's filter)."""
    return (
        Metric.objects.filter(
            claims__status=Claim.Status.CONFIRMED, claims__reviews__status=Review.Status.PUBLISHED
        )
        .distinct()
        .order_by("name")
    )


def public_metric_report(metric: Metric) -> MetricReport | None:
    """The metric's comparison over its confirmed claims (the report the API serves)."""
    return next(metric_reports(ReportFilter(metric=metric.slug)), None)


def fact_checks_by_claim(claim_ids: list[int]) -> dict[int, tuple[int, str]]:
    """For each of ``claim_ids``, (id, rating) of its latest published review. One query."""
    rows = (
        Review.objects.filter(claim_id__in=claim_ids, status=Review.Status.PUBLISHED)
        .order_by("claim_id", "published_at", "id")
        .values_list("claim_id", "id", "rating")
    )
    return {claim_id: (review_id, rating) for claim_id, review_id, rating in rows}
