"""Building diff reports from the database: one pass over the claims, batch by batch of metrics.

Each batch of metrics costs a fixed number of queries (the metrics, their resolutions, and their
claims with article, outlet and speaker joined in, read in chunks) whatever the number of claims;
one metric's claims and findings are in memory at a time, so a whole-database report streams.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby, islice
from operator import itemgetter

from django.db.models import Q

from claims import comparison, intervals, units, verdicts
from claims.models import Claim, ConflictResolution, Metric, tolerances
from claims.reports.records import MetricReport, ReportClaim, ReportFinding, ReportSummary
from sources.models import Outlet

METRIC_BATCH = 500
CLAIM_FIELDS = [
    "id", "metric_id", "figure", "quote", "value_low", "value_high", "qualifier", "unit",
    "subject", "scope", "speaker__name", "article__outlet__name", "article_id", "article__title",
    "article__url", "article__published", "as_of_start", "as_of_end", "as_of_precision",
    "status", "verdict",
]  # fmt: skip


class ReportError(ValueError):
    """A report filter that cannot be met; ``field`` names the option at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ReportFilter:
    metric: str | None = None  # a metric slug
    outlets: tuple[str, ...] = ()  # outlet slugs or names; two make a diff of two sources
    since: dt.date | None = None  # figures whose as-of period ends on or after this date
    include_candidates: bool = False

    def describe(self) -> dict:
        return {
            "metric": self.metric,
            "outlets": list(self.outlets),
            "since": self.since.isoformat() if self.since else None,
            "include_candidates": self.include_candidates,
        }


@dataclass(frozen=True)
class _Resolved:
    metric_ids: list[int]
    outlet_names: tuple[str, ...]


def _resolve(flt: ReportFilter) -> _Resolved:
    metrics = Metric.objects.order_by("slug")
    if flt.metric:
        metrics = metrics.filter(slug=flt.metric)
        if not metrics.exists():
            raise ReportError("metric", f"no metric with slug {flt.metric!r}")
    if len(flt.outlets) > 2:
        raise ReportError("outlet", "give one outlet, or two to compare them")
    names = []
    for given in flt.outlets:
        outlet = Outlet.objects.filter(Q(slug=given) | Q(name__iexact=given)).first()
        if outlet is None:
            raise ReportError("outlet", f"no outlet called {given!r}")
        names.append(outlet.name)
    if len(set(names)) != len(names):
        raise ReportError("outlet", "the two outlets are the same")
    return _Resolved(list(metrics.values_list("id", flat=True)), tuple(names))


def metric_reports(flt: ReportFilter = ReportFilter()) -> Iterator[MetricReport]:
    """The report of every metric the filter selects that has claims, in slug order."""
    resolved = _resolve(flt)
    statuses = [Claim.Status.CONFIRMED]
    if flt.include_candidates:
        statuses.append(Claim.Status.CANDIDATE)
    ids = iter(resolved.metric_ids)
    while batch := list(islice(ids, METRIC_BATCH)):
        yield from _batch_reports(batch, statuses, flt, resolved.outlet_names)


def _batch_reports(
    metric_ids: list[int], statuses: list[str], flt: ReportFilter, outlets: tuple[str, ...]
) -> Iterator[MetricReport]:
    metrics = {m.id: m for m in Metric.objects.filter(id__in=metric_ids)}
    claims = Claim.objects.filter(metric_id__in=metric_ids, status__in=statuses)
    if outlets:
        claims = claims.filter(article__outlet__name__in=outlets)
    if flt.since:
        claims = claims.filter(
            Q(as_of_end__gte=flt.since)
            | Q(as_of_end__isnull=True, article__published__gte=flt.since)
        )
    resolutions: dict[frozenset[int], tuple[str, str]] = {
        frozenset((a, b)): (kind, note)
        for a, b, kind, note in ConflictResolution.objects.filter(
            claim_a__metric_id__in=metric_ids
        ).values_list("claim_a_id", "claim_b_id", "kind", "note")
    }
    # The claims stream from the database in chunks, one metric after another (in slug order),
    # so memory holds one metric's claims at a time, never the whole batch.
    rows = (
        claims.order_by("metric__slug", "as_of_start", "id")
        .values(*CLAIM_FIELDS)
        .iterator(chunk_size=2000)
    )
    for metric_id, group in groupby(rows, key=itemgetter("metric_id")):
        metric_rows = list(group)
        if len(outlets) == 2 and {r["article__outlet__name"] for r in metric_rows} != set(outlets):
            continue  # a diff of two sources shows only the metrics both report
        yield metric_report(metrics[metric_id], metric_rows, resolutions, outlets=outlets)


def _claim(row: dict, canonical_unit: str, tolerance: intervals.Tolerances) -> ReportClaim:
    problem, lo, hi = "", None, None
    try:
        interval = intervals.claim_interval(
            low=row["value_low"], high=row["value_high"], qualifier=row["qualifier"],
            unit=row["unit"], canonical_unit=canonical_unit, tolerances=tolerance,
        )  # fmt: skip
    except (intervals.BoundsError, units.UnitError) as exc:
        problem = str(exc)
    else:
        lo = interval.lo if math.isfinite(interval.lo) else None
        hi = interval.hi if math.isfinite(interval.hi) else None
    as_of_start = row["as_of_start"] or row["article__published"]
    as_of_end = row["as_of_end"] or as_of_start
    if as_of_start is None and not problem:
        problem = "no as-of date and no publication date"
    return ReportClaim(
        id=row["id"], figure=row["figure"], quote=row["quote"], lo=lo, hi=hi,
        qualifier=row["qualifier"], unit=row["unit"], subject=row["subject"], scope=row["scope"],
        speaker=row["speaker__name"], outlet=row["article__outlet__name"],
        article_id=row["article_id"], article_title=row["article__title"],
        article_url=row["article__url"], published=row["article__published"],
        as_of_start=as_of_start, as_of_end=as_of_end,
        as_of_precision=row["as_of_precision"] or ("" if row["as_of_start"] else "published"),
        status=row["status"], verdict=row["verdict"], problem=problem,
    )  # fmt: skip


def metric_report(
    metric: Metric,
    rows: list[dict],
    resolutions: dict[frozenset[int], tuple[str, str]],
    *,
    outlets: tuple[str, ...] = (),
) -> MetricReport:
    """One metric's report from its claim rows (``CLAIM_FIELDS``) and the editors' resolutions."""
    tolerance = tolerances()
    claims = [_claim(row, metric.canonical_unit, tolerance) for row in rows]
    figures = [
        comparison.Figure(
            id=c.id,
            lo=-math.inf if c.lo is None else c.lo,
            hi=math.inf if c.hi is None else c.hi,
            as_of_start=c.as_of_start,
            as_of_end=c.as_of_end,
            scope=c.scope,
            published=c.published,
            rated_inaccurate=verdicts.is_inaccurate(c.verdict),
        )
        for c in claims
        if not c.problem
    ]
    outlet_of = {c.id: c.outlet for c in claims}
    findings = []
    for found in comparison.compare(
        figures, window_days=metric.comparability_days, resolved=frozenset(resolutions)
    ):
        if len(outlets) == 2 and outlet_of[found.older_id] == outlet_of[found.newer_id]:
            continue  # comparing two sources: only their disagreements with each other
        kind, note = resolutions.get(found.pair, ("", ""))
        findings.append(
            ReportFinding(
                kind=str(found.kind), older_id=found.older_id, newer_id=found.newer_id,
                ratio=found.ratio, gap=found.gap, relative_gap=found.relative_gap,
                period_gap_days=found.period_gap_days,
                causes=tuple(str(cause) for cause in found.causes),
                resolution_kind=kind, resolution_note=note,
            )
        )  # fmt: skip
    spread = comparison.summary(figures)
    return MetricReport(
        slug=metric.slug,
        name=metric.name,
        unit=metric.canonical_unit,
        kind=metric.kind,
        scope=metric.scope,
        comparability_days=metric.comparability_days,
        claims=tuple(claims),
        findings=tuple(findings),
        summary=ReportSummary(
            claims=len(claims),
            speakers=len({c.source for c in claims}),
            lowest=spread.lowest,
            highest=spread.highest,
            spread_ratio=spread.spread_ratio,
            earliest=spread.earliest,
            latest=spread.latest,
            open_conflicts=sum(1 for f in findings if f.kind == "conflict" and not f.resolved),
            changes=sum(1 for f in findings if f.kind == "change"),
        ),
        outlets=outlets,
    )
