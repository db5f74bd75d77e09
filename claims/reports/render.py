"""Report renderers. Each takes an iterable of MetricReport and yields text chunks, so a report of
the whole database streams to a file or an HTTP response without being held in memory."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from celery import current_task, group, shared_task
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from claims.core import verdicts
from claims.exports import SafeCsvWriter, csv_line
from claims.models import ResolutionKind
from claims.reports.build import MetricReports, batch_reports
from claims.reports.metric_report import REPORT_VERSION, MetricReport, ReportClaim, ReportFinding

FORMATS = ("text", "markdown", "csv", "json", "html")
CAUSE_WORDS = {
    "different_period": "different period",
    "different_scope": "different scope",
    "stale_source": "stale source",
    "older_source": "source older than the other",
    "rated_inaccurate": "already rated inaccurate",
}


def number(value: float | None) -> str:
    """A figure for people: thousands separated, no needless decimals."""
    if value is None:
        return "?"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.4g}"


def interval_text(claim: ReportClaim) -> str:
    if claim.problem:
        return "(not comparable)"
    if claim.lo is None:
        return f"up to {number(claim.hi)}"
    if claim.hi is None:
        return f"{number(claim.lo)} or more"
    if claim.lo == claim.hi:
        return number(claim.lo)
    return f"{number(claim.lo)}–{number(claim.hi)}"


def as_of_text(claim: ReportClaim) -> str:
    if claim.as_of_start is None:
        return "?"
    if claim.as_of_end and claim.as_of_end != claim.as_of_start:
        if claim.as_of_precision == "month":
            return claim.as_of_start.strftime("%Y-%m")
        if claim.as_of_precision == "year":
            return claim.as_of_start.strftime("%Y")
        return f"{claim.as_of_start:%Y-%m-%d}/{claim.as_of_end:%m-%d}"
    return claim.as_of_start.isoformat()


def verdict_text(code: str) -> str:
    """The verdict's label ("Roughly right"), or "-" without one."""
    try:
        return verdicts.SCALE[verdicts.Verdict(code)].label
    except ValueError:
        return code or "-"


def size_text(finding: ReportFinding) -> str:
    ratio = f"ratio {finding.ratio:.2f}x" if finding.ratio is not None else "ratio n/a"
    relative = f" ({finding.relative_gap:.0%})" if finding.relative_gap is not None else ""
    return f"{ratio}, gap {number(finding.gap)}{relative}"


def causes_text(finding: ReportFinding) -> str:
    return ", ".join(CAUSE_WORDS.get(c, c.replace("_", " ")) for c in finding.causes) or "-"


def summary_text(report: MetricReport) -> str:
    s = report.summary
    spread = f", spread {s.spread_ratio:.1f}x" if s.spread_ratio else ""
    return (
        f"{s.claims} claim(s) from {s.speakers} source(s); figures {number(s.lowest)} to "
        f"{number(s.highest)} {report.unit}{spread}; {s.open_conflicts} open conflict(s), "
        f"{s.changes} change(s) over time"
    )


def finding_line(report: MetricReport, finding: ReportFinding) -> str:
    older, newer = report.claim(finding.older_id), report.claim(finding.newer_id)
    label = "CONFLICT" if finding.kind == "conflict" else "CHANGE"
    line = (
        f"{label:<8} #{older.id} {interval_text(older)} ({as_of_text(older)}, {older.source}) vs "
        f"#{newer.id} {interval_text(newer)} ({as_of_text(newer)}, {newer.source}): "
        f"{size_text(finding)}; likely: {causes_text(finding)}"
    )
    if finding.resolved:
        line += f"; resolved: {resolution_text(finding.resolution_kind)}"
        if finding.resolution_note:
            line += f" ({finding.resolution_note})"
    return line


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(reports: Iterable[MetricReport]) -> Iterator[str]:
    """Aligned plain text, readable at 100 columns."""
    count = 0
    for report in reports:
        count += 1
        yield f"== {_cut(report.name, 97)}\n"
        yield (
            _wrap(
                f"[{report.slug}] unit {report.unit}, {report.kind.replace('_', ' ')}, scope "
                f"{report.scope or '-'}, comparable within {report.comparability_days} days",
                indent="   ",
            )
            + "\n"
        )
        yield _wrap(summary_text(report), indent="   ") + "\n"
        yield (f"{'as of':<17}{'figure':<16}{'interval':<18}{'source':<22}{'outlet':<13}verdict\n")
        for claim in report.claims:
            yield (
                f"{_cut(as_of_text(claim), 16):<17}{_cut(claim.figure, 15):<16}"
                f"{_cut(interval_text(claim), 17):<18}{_cut(claim.source, 21):<22}"
                f"{_cut(claim.outlet or '-', 12):<13}{_cut(verdict_text(claim.verdict), 14)}\n"
            )
        for finding in report.findings:
            yield _wrap(finding_line(report, finding)) + "\n"
        yield "\n"
    if not count:
        yield "No metric has claims matching this report.\n"


def _wrap(text: str, width: int = 100, indent: str = "") -> str:
    """Fold ``text`` at ``width`` columns; continuation lines are indented further."""
    words, lines, line = text.split(), [], indent
    for word in words:
        if line.strip() and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = indent + "          " + word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    lines.append(line)
    return "\n".join(lines)


def _md(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(reports: Iterable[MetricReport]) -> Iterator[str]:
    """GitHub-flavoured Markdown: a section and a table per metric."""
    yield "# Conflicting figures\n\n"
    for report in reports:
        yield f"## {_md(report.name)} (`{report.slug}`)\n\n{_md(summary_text(report))}\n\n"
        yield "| as of | figure | interval | source | outlet | article | verdict |\n"
        yield "|---|---|---|---|---|---|---|\n"
        for c in report.claims:
            article = (
                f"[{_md(c.article_title)}]({c.article_url})"
                if c.article_url
                else _md(c.article_title)
            )
            yield (
                f"| {as_of_text(c)} | {_md(c.figure)} | {interval_text(c)} | {_md(c.source)} | "
                f"{_md(c.outlet or '-')} | {article} | {verdict_text(c.verdict)} |\n"
            )
        if report.findings:
            yield "\n"
            for finding in report.findings:
                yield f"- {_md(finding_line(report, finding))}\n"
        yield "\n"


CSV_COLUMNS = [
    "metric", "metric_name", "unit", "row", "claim_id", "figure", "low", "high", "qualifier",
    "as_of_start", "as_of_end", "speaker", "outlet", "article_id", "article_title", "article_url",
    "verdict", "older_claim_id", "newer_claim_id", "ratio", "gap", "relative_gap", "causes",
    "resolution", "resolution_note",
]  # fmt: skip


def render_csv(reports: Iterable[MetricReport]) -> Iterator[str]:
    """One row per claim ("claim") and per finding ("conflict"/"change"), metric columns first.

    Each metric's rows depend on nothing else, so a whole report (`metric_reports`) is built
    as a Celery group of batches of metrics (``csv_batches``), their rows joined in order.
    """
    yield _csv_line(CSV_COLUMNS, _CSV_LINE_END) + _CSV_LINE_END
    if isinstance(reports, MetricReports):
        yield from csv_batches(reports)
    else:
        yield from map(metric_csv, reports)


@shared_task(ignore_result=False, acks_late=True, time_limit=3600, soft_time_limit=3500)
def report_csv_batch(metric_ids: list[int], plan: dict, folder: str, index: int) -> tuple[int, str]:
    """One batch of a whole CSV report, written to a part file in ``folder`` (a directory of
    the parts directory that the requester made): how many metric reports it has, and the
    part's name in that directory. Only these small facts go through the result backend.

    The part is written under a temporary name and renamed once complete, so a part that is
    there is whole; once the requester has removed the folder (it stopped early or a batch
    failed) the rename fails and nothing is left behind.
    """
    directory = _parts_dir() / folder
    if not directory.is_dir():
        raise FileNotFoundError(
            f"CLAIMS_REPORT_PARTS_DIR: {directory} is not there on this worker; the parts "
            "directory must be one that every worker and the requester see (or the report "
            "was stopped)"
        )
    name = f"part-{index:06d}.csv"
    count = 0
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=directory, prefix=".writing-", delete=False
    ) as part:
        try:
            for report in batch_reports(metric_ids, plan):
                part.write(metric_csv(report))
                count += 1
        except BaseException:
            part.close()
            Path(part.name).unlink(missing_ok=True)
            raise
    os.replace(part.name, directory / name)
    return count, name


def _parts_dir() -> Path:
    return Path(settings.CLAIMS_REPORT_PARTS_DIR)


_PART_READ = 1 << 20  # characters per chunk read back from a part


def csv_batches(reports: MetricReports) -> Iterator[str]:
    """The CSV rows of every metric report, in order: a Celery group of one task per batch of
    metrics (``report_csv_batch``), whose parts are passed on in the group's order.

    Workers take the batches in parallel when there is a broker and a result backend: each
    writes its part to a file in the parts directory (``CLAIMS_REPORT_PARTS_DIR``, which every
    worker and the requester must see) and returns its name; the requester streams the parts
    in order, each as soon as it is ready and while later ones are still being written, and
    removes them, also when a batch fails or the reader stops early. Otherwise (tasks
    in-process), and inside a task (a worker waiting on other tasks of its own queue could
    wait forever), the batches are built here one after another, as the tasks would, and each
    metric's rows are passed on as soon as they are written, so memory holds one metric's
    report, not a batch's text.
    """
    batches, plan = reports.plan()
    conf = report_csv_batch.app.conf
    in_task = bool(current_task) and not current_task.request.called_directly
    if len(batches) < 2 or conf.task_always_eager or not conf.result_backend or in_task:
        for batch in batches:
            for report in batch_reports(batch, plan):
                reports.delivered(1)
                yield metric_csv(report)
        return
    yield from joined_parts(batches, plan, delivered=reports.delivered)


def joined_parts(
    batches: list[list[int]], plan: dict, *, delivered: Callable[[int], object] = lambda n: None
) -> Iterator[str]:
    """The CSV rows of ``batches`` built as a Celery group of part files, joined in order (see
    ``csv_batches``); ``delivered(count)`` is called as each part's metric reports are passed on.
    """
    folder = f"report-{uuid.uuid4().hex}"
    directory = _parts_dir() / folder
    directory.mkdir(parents=True)
    running = None
    try:
        tasks = (report_csv_batch.s(batch, plan, folder, i) for i, batch in enumerate(batches))
        running = group(tasks).apply_async()
        for result in running.results:
            count, name = result.get()
            result.forget()
            path = directory / name
            with open(path, encoding="utf-8", newline="") as part:
                while text := part.read(_PART_READ):
                    yield text
            path.unlink()
            delivered(count)
    finally:
        if running is not None:
            running.revoke()  # a reader that stopped early leaves no batch behind
        shutil.rmtree(directory, ignore_errors=True)


def metric_csv(report: MetricReport) -> str:
    """One metric's CSV rows: its claims, then its findings."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, lineterminator=_CSV_LINE_END)
    base = (report.slug, report.name, report.unit)
    # Positional rows in CSV_COLUMNS order: a dict per row costs more than the writing.
    writer.writerows(
        (
            *base, "claim", c.id, c.figure, c.lo, c.hi, c.qualifier, c.as_of_start,
            c.as_of_end, c.speaker or "", c.outlet or "", c.article_id, c.article_title,
            c.article_url or "", c.verdict, "", "", "", "", "", "", "", "",
        )
        for c in report.claims
    )  # fmt: skip
    _write_finding_rows(buffer, writer, base, report.findings)
    return buffer.getvalue()


_CSV_LINE_END = "\r\n"  # the csv module's default (excel) dialect
_FINDING_BLANKS = 13  # the claim columns, empty on a finding's row
# What makes the default (excel) csv writer quote a field: delimiter, quote, line breaks.
_SPECIAL = re.compile(r'[,"\r\n]')
_UNSEEN = object()  # not yet looked at


def _write_finding_rows(buffer: io.StringIO, writer, base: tuple, findings) -> None:
    """The findings' rows, as ``writer`` would write them, most of them without it.

    A metric has many more findings than claims, and all but the editors' resolutions are made
    of ids, floats and cause names, none of which the CSV quotes; so the metric's leading
    columns are written once per kind and the rest of the row is formatted directly (a float
    as ``repr``, None as empty, as the csv module does). A resolved finding carries free text
    and goes through ``writer``.
    """
    heads: dict[str, str] = {}
    joined: dict[tuple[str, ...], object] = {}  # the cause text; None: it needs quoting
    end = writer.dialect.lineterminator
    write = buffer.write
    for f in findings:
        causes = joined.get(f.causes, _UNSEEN)
        if causes is _UNSEEN:
            text = ";".join(f.causes)
            # Cause names never need quoting; anything else goes through the writer.
            causes = joined[f.causes] = None if _SPECIAL.search(text) else text
        if causes is None or f.resolution_kind or f.resolution_note:
            writer.writerow(
                (*base, f.kind, *[""] * _FINDING_BLANKS, f.older_id, f.newer_id, f.ratio, f.gap,
                 f.relative_gap, ";".join(f.causes), f.resolution_kind, f.resolution_note)
            )  # fmt: skip
            continue
        head = heads.get(f.kind)
        if head is None:
            head = heads[f.kind] = _csv_line((*base, f.kind, *[""] * _FINDING_BLANKS), end)
        ratio, relative_gap = f.ratio, f.relative_gap
        write(
            f"{head},{f.older_id},{f.newer_id},{'' if ratio is None else repr(ratio)},"
            f"{f.gap!r},{'' if relative_gap is None else repr(relative_gap)},{causes},,{end}"
        )


_csv_line = csv_line


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def metric_json(report: MetricReport) -> dict:
    """The documented JSON shape of one metric's report (see README, "Diff reports")."""
    s = report.summary
    return {
        "slug": report.slug,
        "name": report.name,
        "unit": report.unit,
        "kind": report.kind,
        "scope": report.scope,
        "comparability_days": report.comparability_days,
        "summary": {
            "claims": s.claims,
            "sources": s.speakers,
            "lowest": s.lowest,
            "highest": s.highest,
            "spread_ratio": s.spread_ratio,
            "earliest": _date(s.earliest),
            "latest": _date(s.latest),
            "open_conflicts": s.open_conflicts,
            "changes": s.changes,
        },
        "claims": [
            {
                "id": c.id,
                "figure": c.figure,
                "quote": c.quote,
                "interval": None if c.problem else {"low": c.lo, "high": c.hi},
                "qualifier": c.qualifier,
                "unit": c.unit,
                "subject": c.subject,
                "scope": c.scope,
                "speaker": c.speaker,
                "outlet": c.outlet,
                "article": {
                    "id": c.article_id,
                    "title": c.article_title,
                    "url": c.article_url,
                    "published": _date(c.published),
                },
                "as_of": {
                    "start": _date(c.as_of_start),
                    "end": _date(c.as_of_end),
                    "precision": c.as_of_precision,
                },
                "status": c.status,
                "verdict": c.verdict or None,
                "problem": c.problem or None,
            }
            for c in report.claims
        ],
        "findings": [
            {
                "kind": f.kind,
                "older_claim": f.older_id,
                "newer_claim": f.newer_id,
                "ratio": f.ratio,
                "gap": f.gap,
                "relative_gap": f.relative_gap,
                "period_gap_days": f.period_gap_days,
                "causes": list(f.causes),
                "resolution": {
                    "kind": f.resolution_kind,
                    "label": resolution_text(f.resolution_kind),
                    "note": f.resolution_note,
                }
                if f.resolved
                else None,
            }
            for f in report.findings
        ],
    }


def render_json(reports: Iterable[MetricReport], filters: dict | None = None) -> Iterator[str]:
    """``{"report": "conflicts", "version": 1, "generated_at", "filters", "metrics": [...]}``,
    written metric by metric."""
    head = {
        "report": "conflicts",
        "version": REPORT_VERSION,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "filters": filters or {},
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "metrics": ['
    for position, report in enumerate(reports):
        yield ("" if position == 0 else ", ") + json.dumps(metric_json(report), ensure_ascii=False)
    yield "]}\n"


def resolution_text(kind: str) -> str:
    """A resolution as people say it ("different period"), not its code."""
    try:
        label = str(ResolutionKind(kind).label)
    except ValueError:
        return kind.replace("_", " ")
    words = label.split(":")[0]
    return words[0].lower() + words[1:]


def report_groups(reports: list[MetricReport]) -> dict[str, list[MetricReport]]:
    """The report's metrics in reading order: open conflicts first, then changes over time,
    then the other metrics of several claims, then the metrics of one claim (folded)."""
    groups: dict[str, list[MetricReport]] = {"conflicts": [], "changes": [], "others": [],
                                             "single": []}  # fmt: skip
    for report in reports:
        if report.summary.open_conflicts:
            groups["conflicts"].append(report)
        elif report.summary.changes:
            groups["changes"].append(report)
        elif len(report.claims) > 1:
            groups["others"].append(report)
        else:
            groups["single"].append(report)
    groups["conflicts"].sort(key=lambda r: (-r.summary.open_conflicts, r.name.lower()))
    groups["changes"].sort(key=lambda r: (-r.summary.changes, r.name.lower()))
    return groups


def render_html(
    reports: Iterable[MetricReport], filters: dict | None = None, *, charts: bool = True
) -> Iterator[str]:
    """A self-contained page: a summary, then a chart, a table and the findings per metric (open
    conflicts first, changes next, one-claim metrics folded into one list). All text escaped.

    The summary needs every metric before the first is shown, so the page is built from the
    whole list; each metric's section is still rendered and sent one at a time."""
    groups = report_groups(list(reports))
    yield render_to_string(
        "claims/report_head.html",
        {"filters": filters or {}, "generated_at": timezone.now(), "groups": groups},
    )
    count = 0
    for name in ("conflicts", "changes", "others"):
        for report in groups[name]:
            count += 1
            yield metric_html(report, chart=charts)
    singles = [
        {"report": report, "claim": report.claims[0], "as_of": as_of_text(report.claims[0]),
         "interval": interval_text(report.claims[0]),
         "verdict": verdict_text(report.claims[0].verdict)}
        for report in groups["single"]
    ]  # fmt: skip
    count += len(singles)
    yield render_to_string("claims/report_foot.html", {"count": count, "singles": singles})


def _date_order(claim: ReportClaim) -> tuple:
    # Undated claims last; claims of one date in the order they were recorded.
    return (claim.as_of_start is None, claim.as_of_start or dt.date.min, claim.id)


def metric_html(report: MetricReport, *, chart: bool = True, resolve_url=None) -> str:
    """One metric's section of the HTML report: chart, table of claims (in date order),
    findings. The chart is drawn only where there are two claims or more to compare.

    ``resolve_url(finding)``, when given, adds a link to record a resolution (admin uses it).
    """
    claims = sorted(report.claims, key=_date_order)
    rows = [
        {
            "claim": c,
            "as_of": as_of_text(c),
            "interval": interval_text(c),
            "verdict": verdict_text(c.verdict),
        }
        for c in claims
    ]
    order = {c.id: position for position, c in enumerate(claims)}
    findings = [
        {
            "finding": f,
            "older": report.claim(f.older_id),
            "newer": report.claim(f.newer_id),
            "size": size_text(f),
            "causes": causes_text(f),
            "resolution": resolution_text(f.resolution_kind) if f.resolved else "",
            "resolve_url": resolve_url(f) if resolve_url and f.kind == "conflict" else "",
        }
        for f in sorted(report.findings, key=lambda f: (order.get(f.newer_id, 0), f.older_id))
    ]
    # matplotlib takes about a second to import: the chart module loads when a chart is drawn,
    # not when a command or the admin starts.
    from claims.reports.chart import metric_chart_svg

    return render_to_string(
        "claims/report_metric.html",
        {
            "report": report,
            "summary": summary_text(report),
            "rows": rows,
            "findings": findings,
            "chart": metric_chart_svg(report) if chart and len(report.claims) > 1 else "",
        },
    )


def render(fmt: str, reports: Iterable[MetricReport], filters: dict | None = None) -> Iterator[str]:
    """Dispatch by format name (one of FORMATS)."""
    if fmt == "text":
        return render_text(reports)
    if fmt == "markdown":
        return render_markdown(reports)
    if fmt == "csv":
        return render_csv(reports)
    if fmt == "json":
        return render_json(reports, filters)
    if fmt == "html":
        return render_html(reports, filters)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
