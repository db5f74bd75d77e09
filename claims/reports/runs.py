"""Whole-database reports as background runs: start one, let a task write it, download it."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from functools import partial

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from claims.models import Claim, Metric, ReportRun
from claims.reports.build import ReportFilter, check_filter, metric_reports
from claims.reports.render import render
from sources.dates import parse_date

logger = logging.getLogger(__name__)
EXTENSIONS = {"json": "json", "csv": "csv", "html": "html", "markdown": "md", "text": "txt"}


def report_filter_from(data: dict) -> ReportFilter:
    """The ReportFilter stored with a run (the shape of ReportFilter.describe())."""
    since = data.get("since")
    return ReportFilter(
        metric=data.get("metric") or None,
        outlets=tuple(data.get("outlets") or ()),
        since=parse_date(since) if since else None,
        include_candidates=bool(data.get("include_candidates")),
    )


@transaction.atomic
def report_run_start(*, user, fmt: str, flt: ReportFilter) -> ReportRun:
    """Check the filter, store the run and queue its task once the transaction commits.

    Raises ReportError naming the filter field at fault; nothing is stored then.
    """
    check_filter(flt)
    run = ReportRun.objects.create(
        requested_by=user if user and user.is_authenticated else None,
        format=fmt,
        filters=flt.describe(),
    )
    transaction.on_commit(partial(_send, run.pk))
    return run


# The note on a queued run that could not be handed to the task queue; report_runs_resend
# sends such runs again once the queue is back (the periodic task does, every few minutes).
QUEUE_UNREACHABLE = "task queue unreachable, sent again when it is back"


def _send(run_id: int) -> bool:
    """Hand the run to the task queue; when the queue is down the run stays queued with a note
    (not failed: nothing went wrong with the report) and False is returned."""
    from claims.services import BROKER_ERRORS
    from claims.tasks import conflict_report_run

    try:
        conflict_report_run.apply_async((run_id,), retry=False)
    except BROKER_ERRORS as exc:
        logger.warning("task queue unreachable, report run %s waits: %s", run_id, exc)
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.QUEUED, error=f"{QUEUE_UNREACHABLE}: {exc}"[:500]
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
        if not _send(run_id):
            break  # still down: the rest wait for the next round
        sent += 1
    return sent


def _progress(run: ReportRun) -> Callable[[], None]:
    """A callback for each metric written: records progress about a hundred times per run."""
    step = max(1, run.metrics_total // 100)
    done = 0

    def one_more() -> None:
        nonlocal done
        done += 1
        if done % step == 0:
            ReportRun.objects.filter(pk=run.pk).update(metrics_done=done)

    return one_more


def report_run_execute(*, run: ReportRun) -> ReportRun:
    """Write the run's report to its file, recording progress as metrics are written."""
    flt = report_filter_from(run.filters)
    statuses = [Claim.Status.CONFIRMED] + (
        [Claim.Status.CANDIDATE] if flt.include_candidates else []
    )
    metrics = Metric.objects.filter(claims__status__in=statuses)
    if flt.metric:
        metrics = metrics.filter(slug=flt.metric)
    run.metrics_total = metrics.distinct().count()
    run.status, run.error = ReportRun.Status.RUNNING, ""
    run.save(update_fields=["metrics_total", "status", "error"])
    try:
        with tempfile.TemporaryFile("w+b") as scratch:
            reports = metric_reports(flt, on_report=_progress(run))
            for chunk in render(run.format, reports, run.filters):
                scratch.write(chunk.encode("utf-8"))
            scratch.seek(0)
            name = f"conflicts-{run.pk}.{EXTENSIONS[run.format]}"
            run.result.save(name, File(scratch), save=False)
    except Exception as exc:
        run.status, run.error = ReportRun.Status.FAILED, str(exc)[:2000]
        run.save(update_fields=["status", "error"])
        raise
    run.status, run.finished_at = ReportRun.Status.DONE, timezone.now()
    run.metrics_done = run.metrics_total
    run.save(update_fields=["status", "finished_at", "metrics_done", "result"])
    return run
