"""Whole-database reports as background runs: a task writes one (claims.jobs starts it)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable

from django.core.files import File
from django.utils import timezone

from claims.models import Claim, Metric, ReportRun
from claims.reports.build import ReportFilter, metric_reports
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
