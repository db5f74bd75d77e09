"""Celery tasks: thin, they load by id and call a service; and the sending of them.

The functions here that send tasks (``extraction_send``, ``report_run_send``) are called once
the caller's transaction commits, so no task sees uncommitted rows. Nothing here imports the
modules that start jobs (claims.jobs): they call down into this one.
"""

import logging

from celery import shared_task
from django.db import OperationalError

from claims.models import ExtractionStatus, ReportRun
from claims.queue import tasks_send
from claims.reports.runs import report_run_execute
from claims.selectors import extractions_to_pick_up
from claims.services import article_extract, extraction_mark
from sources.models import Article

logger = logging.getLogger(__name__)


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
    # Seen by others at once (outside the extraction's transaction): a "running" that grows old
    # is how a dead worker is noticed.
    extraction_mark(article_ids=[article_id], status=ExtractionStatus.RUNNING)
    try:
        result = article_extract(article=article)
    except Exception as exc:
        extraction_mark(article_ids=[article_id], status=ExtractionStatus.FAILED, error=str(exc))
        raise
    return {"created": result.created, "kept": result.kept, "invalid": result.invalid}


def extraction_send(article_ids: list[int]) -> None:
    """Send one extraction task per article (called on commit); the articles the task queue
    could not take are marked waiting, for the periodic pick-up."""
    unsent, error = tasks_send(extract_article, [(pk,) for pk in article_ids])
    if unsent:
        logger.warning("task queue unreachable, %d article(s) wait: %s", len(unsent), error)
        extraction_mark(
            article_ids=[args[0] for args in unsent],
            status=ExtractionStatus.WAITING,
            error=f"task queue unreachable: {error}",
        )


@shared_task
def extract_waiting(limit: int = 500) -> int:
    """Queue again the articles that waited for the task queue, and those whose extraction
    went stale (run periodically by celery beat)."""
    ids = extractions_to_pick_up(limit=limit)
    if ids:
        extraction_mark(article_ids=ids, status=ExtractionStatus.QUEUED)
        extraction_send(ids)
    return len(ids)


@shared_task(acks_late=True, time_limit=3600, soft_time_limit=3500)
def conflict_report_run(run_id: int) -> str | None:
    """Write a whole-database diff report (see claims.reports.runs)."""
    run = ReportRun.objects.filter(pk=run_id).first()
    if run is None:
        return None
    return report_run_execute(run=run).result.name


# The note on a queued run that could not be handed to the task queue: report_runs_waiting
# sends such runs again once the queue is back (celery beat runs it every few minutes).
QUEUE_UNREACHABLE = "task queue unreachable, sent again when it is back"


def report_run_send(run_id: int) -> bool:
    """Send a report run's task (called on commit). A run the queue cannot take stays queued
    with a note (nothing went wrong with the report itself) and False is returned."""
    unsent, error = tasks_send(conflict_report_run, [(run_id,)])
    if unsent:
        logger.warning("task queue unreachable, report run %s waits: %s", run_id, error)
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.QUEUED, error=f"{QUEUE_UNREACHABLE}: {error}"[:500]
        )
        return False
    return True


def report_runs_resend(*, limit: int = 100) -> int:
    """Send again the queued runs the task queue could not take; return how many it took."""
    waiting = ReportRun.objects.filter(
        status=ReportRun.Status.QUEUED, error__startswith=QUEUE_UNREACHABLE
    ).order_by("id")
    sent = 0
    for run_id in waiting.values_list("id", flat=True)[:limit]:
        # The note goes first, so that a run the task finishes at once is not sent twice.
        ReportRun.objects.filter(pk=run_id).update(error="")
        if not report_run_send(run_id):
            break  # still down: the rest wait for the next round
        sent += 1
    return sent


@shared_task
def report_runs_waiting() -> int:
    """Send again the report runs started while the task queue was down (celery beat)."""
    return report_runs_resend()
