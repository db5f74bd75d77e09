"""Reads that feed the API and reports, with their related rows already loaded."""

import datetime as dt

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from claims.models import ArticleExtraction, Claim, ExtractionStatus, ReportRun


def claim_list(*, user=None) -> QuerySet[Claim]:
    """Claims with article, outlet, speaker and metric joined in; anonymous users see confirmed."""
    return claims_visible(confirmed_only=user is None or not user.is_authenticated)


def claims_visible(*, confirmed_only: bool) -> QuerySet[Claim]:
    """claim_list's claims: all of them, or the confirmed ones only."""
    claims = Claim.objects.select_related("article__outlet", "speaker", "metric")
    if confirmed_only:
        claims = claims.filter(status=Claim.Status.CONFIRMED)
    return claims


def extractions_to_pick_up(*, include_failed: bool = False, limit: int | None = None) -> list[int]:
    """Ids of the articles whose extraction should be queued again, oldest first: those that
    waited for the task queue, and those "queued" or "running" for longer than
    settings.CLAIMS_EXTRACTION_STALE_AFTER seconds (the process that held them died: a killed
    import or worker); with ``include_failed``, failed ones too."""
    stale_before = timezone.now() - dt.timedelta(seconds=settings.CLAIMS_EXTRACTION_STALE_AFTER)
    wanted = Q(status=ExtractionStatus.WAITING) | Q(
        status__in=[ExtractionStatus.QUEUED, ExtractionStatus.RUNNING], changed_at__lt=stale_before
    )
    if include_failed:
        wanted |= Q(status=ExtractionStatus.FAILED)
    ids = ArticleExtraction.objects.filter(wanted).order_by("article_id")
    ids = ids.values_list("article_id", flat=True)
    return list(ids[:limit] if limit is not None else ids)


def user_runs_the_claims(user) -> bool:
    """Editors (whoever may change claims) and superusers: they see every report run."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("claims.change_claim"))
    )


def report_runs_visible_to(user, runs: QuerySet[ReportRun] | None = None) -> QuerySet[ReportRun]:
    """The report runs ``user`` may see and download: their own, or all of them for editors."""
    runs = ReportRun.objects.all() if runs is None else runs
    if user_runs_the_claims(user):
        return runs
    if not user.is_authenticated:
        return runs.none()
    return runs.filter(requested_by=user)
