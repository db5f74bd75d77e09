"""Celery tasks: thin, they load by id and call a service."""

from celery import shared_task
from django.db import OperationalError

from claims.models import ReportRun
from claims.reports.runs import report_run_execute, report_runs_resend
from claims.services import article_extract, extraction_enqueue
from sources.models import Article


@shared_task(
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
    acks_late=True,
)
def extract_article(article_id: int) -> dict | None:
    """Extract candidate claims from one article."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return None
    try:
        result = article_extract(article=article)
    except Exception as exc:
        Article.objects.filter(pk=article_id).update(
            extraction_status=Article.ExtractionStatus.FAILED, extraction_error=str(exc)[:2000]
        )
        raise
    return {"created": result.created, "kept": result.kept, "invalid": result.invalid}


@shared_task
def extract_waiting(limit: int = 500) -> int:
    """Queue the articles that waited for the task queue (run periodically by celery beat)."""
    ids = list(
        Article.objects.filter(extraction_status=Article.ExtractionStatus.WAITING)
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )
    extraction_enqueue(article_ids=ids)
    return len(ids)


@shared_task(acks_late=True, time_limit=3600, soft_time_limit=3500)
def conflict_report_run(run_id: int) -> str | None:
    """Write a whole-database diff report (see claims.reports.runs)."""
    run = ReportRun.objects.filter(pk=run_id).first()
    if run is None:
        return None
    return report_run_execute(run=run).result.name


@shared_task
def report_runs_waiting() -> int:
    """Send again the report runs started while the task queue was down (celery beat)."""
    return report_runs_resend()
