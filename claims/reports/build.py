"""Building diff reports from the database: one pass over the claims, batch by batch of metrics.

Each batch of metrics costs a fixed number of queries (the metrics, their resolutions, and their
claims with article, outlet and speaker joined in, read in chunks) whatever the number of claims;
one metric's claims and findings are in memory at a time, so a whole-database report streams.
Built by a Celery group (claims.reports.render, CSV), a batch's text is held instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from django.db.models import Q

from claims.core import comparison, intervals, units, verdicts
from claims.core.statements import statement_key
from claims.models import Claim, ConflictResolution, Metric, tolerances
from claims.reports.metric_report import MetricReport, ReportClaim, ReportFinding, ReportSummary
from sources.models import Outlet

METRIC_BATCH = 500
CLAIM_FIELDS = [
    "id", "metric_id", "figure", "quote", "value_low", "value_high", "qualifier", "unit",
    "subject", "scope", "speaker__name", "article__outlet__name", "article_id", "article__title",
    "article__url", "article__published", "as_of_start", "as_of_end", "as_of_precision",
    "status", "verdict", "period_kind", "period_days",
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

    @classmethod
    def from_description(cls, data: dict) -> ReportFilter:
        """The filter ``describe()`` gave."""
        since = data.get("since")
        return cls(
            metric=data.get("metric") or None,
            outlets=tuple(data.get("outlets") or ()),
            since=dt.date.fromisoformat(since) if since else None,
            include_candidates=bool(data.get("include_candidates")),
        )

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


def check_filter(flt: ReportFilter) -> None:
    """Raise ReportError, naming the option, if the filter cannot be met (an unknown metric or
    outlet, say): for callers that must refuse before they write anything."""
    _resolve(flt)


def metric_reports(
    flt: ReportFilter = ReportFilter(), *, on_report: Callable[[], object] | None = None
) -> MetricReports:
    """The report of every metric the filter selects that has claims, in slug order.

    An iterator of MetricReport; see `MetricReports.plan` for building it elsewhere (the CSV
    report's Celery group, claims.reports.render). The filter is checked (ReportError) when the
    first report is asked for.
    ``on_report`` is called in this process as each report is delivered, for progress.
    """
    return MetricReports(flt, on_report=on_report)


class MetricReports(Iterator[MetricReport]):
    """The metric reports of a filter, built batch by batch of METRIC_BATCH metrics."""

    def __init__(self, flt: ReportFilter, *, on_report: Callable[[], object] | None = None) -> None:
        self.filter = flt
        self._on_report = on_report
        self._reports: Iterator[MetricReport] | None = None

    def __iter__(self) -> MetricReports:
        return self

    def __next__(self) -> MetricReport:
        if self._reports is None:
            self._reports = self._all()
        report = next(self._reports)
        if self._on_report is not None:
            self._on_report()
        return report

    def plan(self) -> tuple[list[list[int]], dict]:
        """The batches of metric ids (in slug order) and what ``batch_reports`` needs besides
        a batch, as plain data a task can carry. The reports are then built by the caller,
        batch by batch (``batch_reports``), and delivered with ``delivered``; iterating this
        object afterwards yields nothing."""
        self._reports = iter(())
        flt = self.filter
        resolved = _resolve(flt)
        ids = resolved.metric_ids
        batches = [ids[i : i + METRIC_BATCH] for i in range(0, len(ids), METRIC_BATCH)]
        plan = {"filter": flt.describe(), "outlets": list(resolved.outlet_names)}
        return batches, plan

    def delivered(self, count: int) -> None:
        """``count`` reports built elsewhere (see ``plan``) were passed on: for progress."""
        if self._on_report is not None:
            for _ in range(count):
                self._on_report()

    def _all(self) -> Iterator[MetricReport]:
        batches, build = self._plan()
        for batch in batches:
            yield from build(batch)

    def _plan(self) -> tuple[list[list[int]], Callable[[list[int]], Iterator[MetricReport]]]:
        """The batches of metric ids, and the function that builds one batch's reports."""
        resolved = _resolve(self.filter)
        ids = resolved.metric_ids
        batches = [ids[i : i + METRIC_BATCH] for i in range(0, len(ids), METRIC_BATCH)]
        return batches, functools.partial(
            _batch_reports,
            statuses=_statuses(self.filter),
            flt=self.filter,
            outlets=resolved.outlet_names,
        )


def _statuses(flt: ReportFilter) -> list[str]:
    statuses = [Claim.Status.CONFIRMED]
    if flt.include_candidates:
        statuses.append(Claim.Status.CANDIDATE)
    return statuses


def batch_reports(metric_ids: list[int], plan: dict) -> Iterator[MetricReport]:
    """The reports of one batch of metrics of ``MetricReports.plan``, in slug order."""
    flt = ReportFilter.from_description(plan["filter"])
    return _batch_reports(
        metric_ids, statuses=_statuses(flt), flt=flt, outlets=tuple(plan["outlets"])
    )


def _batch_reports(
    metric_ids: list[int], statuses: list[str], flt: ReportFilter, outlets: tuple[str, ...]
) -> Iterator[MetricReport]:
    """The reports of one batch of metrics (ids in slug order), in a fixed number of queries."""
    metrics = {m.id: m for m in Metric.objects.filter(id__in=metric_ids)}
    claims = Claim.objects.filter(metric_id__in=metric_ids, status__in=statuses)
    if outlets:
        claims = claims.filter(article__outlet__name__in=outlets)
    if flt.since:
        claims = claims.filter(
            Q(as_of_end__gte=flt.since)
            | Q(as_of_end__isnull=True, article__published__gte=flt.since)
        )
    resolutions: dict[int, dict[frozenset[int], tuple[str, str]]] = {}
    for metric_id, a, b, kind, note in ConflictResolution.objects.filter(
        claim_a__metric_id__in=metric_ids
    ).values_list("claim_a__metric_id", "claim_a_id", "claim_b_id", "kind", "note"):
        resolutions.setdefault(metric_id, {})[frozenset((a, b))] = (kind, note)
    # The claims stream from the database in chunks, one metric after another (in slug order),
    # so memory holds one metric's claims at a time, never the whole batch.
    rows = (
        claims.order_by("metric__slug", "as_of_start", "id")
        .values_list(*CLAIM_FIELDS)
        .iterator(chunk_size=2000)
    )
    for metric_id, group in groupby(rows, key=itemgetter(_METRIC_ID)):
        metric_rows = list(group)
        if len(outlets) == 2 and {r[_OUTLET] for r in metric_rows} != set(outlets):
            continue  # a diff of two sources shows only the metrics both report
        yield metric_report(
            metrics[metric_id], metric_rows, resolutions.get(metric_id, {}), outlets=outlets
        )


_METRIC_ID = CLAIM_FIELDS.index("metric_id")
_OUTLET = CLAIM_FIELDS.index("article__outlet__name")
_new_record = tuple.__new__
# Findings repeat a handful of kinds and cause combinations; their text forms are looked up.
_KIND_TEXT = {kind: str(kind) for kind in comparison.Kind}
_is_inaccurate = functools.cache(verdicts.is_inaccurate)


@functools.lru_cache(maxsize=1 << 16)
def _interval(
    low: float | None,
    high: float | None,
    qualifier: str,
    unit: str,
    canonical_unit: str,
    tolerance: intervals.Tolerances,
) -> tuple[float | None, float | None, str]:
    """A claim's finite bounds (None for an open side) and the problem, if its interval fails.

    Cached: figures repeat across claims (the same "40,000" in many articles), and working an
    interval out (qualifier, rounding, unit conversion) costs more than the rest of a claim.
    """
    try:
        interval = intervals.claim_interval(
            low=low, high=high, qualifier=qualifier, unit=unit, canonical_unit=canonical_unit,
            tolerances=tolerance,
        )  # fmt: skip
    except (intervals.BoundsError, units.UnitError) as exc:
        return None, None, str(exc)
    lo = interval.lo if math.isfinite(interval.lo) else None
    hi = interval.hi if math.isfinite(interval.hi) else None
    return lo, hi, ""


def _cacheable(value: float | None) -> bool:
    # Equal keys must give equal output: 0.0 == -0.0 and 5 == 5.0, but they print differently.
    return value is None or (value.__class__ is float and value != 0)


def _claim(row: tuple, canonical_unit: str, tolerance: intervals.Tolerances) -> ReportClaim:
    (
        claim_id, _, figure, quote, low, high, qualifier, unit, subject, scope, speaker, outlet,
        article_id, title, url, published, start, end, precision, status, verdict, period_kind,
        period_days,
    ) = row  # fmt: skip
    if _cacheable(low) and _cacheable(high):
        lo, hi, problem = _interval(low, high, qualifier, unit, canonical_unit, tolerance)
    else:
        lo, hi, problem = _interval.__wrapped__(
            low, high, qualifier, unit, canonical_unit, tolerance
        )
    as_of_start = start or published
    as_of_end = end or as_of_start
    if as_of_start is None and not problem:
        problem = "no as-of date and no publication date"
    # Positional, in ReportClaim's field order (tuple.__new__ skips the keyword handling).
    return _new_record(
        ReportClaim,
        (claim_id, figure, quote, lo, hi, qualifier, unit, subject, scope, speaker, outlet,
         article_id, title, url, published, as_of_start, as_of_end,
         precision or ("" if start else "published"), status, verdict, problem, period_kind,
         period_days),
    )  # fmt: skip


def _figure(c: ReportClaim, metric_kind: str) -> comparison.Figure:
    """A claim as the comparison sees it: its own period (else its metric's kind) says what kind
    of figure over time it is, and its speaker, interval and as-of make the key of the
    statement it repeats."""
    lo = -math.inf if c.lo is None else c.lo
    hi = math.inf if c.hi is None else c.hi
    start, end = c.as_of_start, c.as_of_end
    period, period_days = comparison.figure_period(c.period_kind, c.period_days, metric_kind)
    if period is comparison.Period.CUMULATIVE:
        # A total "since June 2014" is a level at the end of its period, the date of the report.
        start = end
    return comparison.Figure(
        id=c.id,
        lo=lo,
        hi=hi,
        as_of_start=start,
        as_of_end=end,
        scope=c.scope,
        published=c.published,
        rated_inaccurate=_is_inaccurate(c.verdict),
        period=period,
        period_days=period_days,
        statement=statement_key(
            speaker=c.speaker or "", lo=lo, hi=hi, as_of_start=start, as_of_end=end, period=period
        ),
    )


def claim_report(claim: Claim) -> MetricReport | None:
    """One claim checked against its metric: the findings that involve it, with the claims they
    name (the claim first), and the metric's summary with the claim's own counts of open
    conflicts and changes. None for a claim without a metric.

    What an editor asks of a claim just stored or about to be confirmed: it is compared with the
    metric's confirmed claims whatever its own status, in a fixed number of queries, and its
    cost grows with the metric's claims, not with the metric's other findings (`compare_one`).
    """
    if claim.metric_id is None:
        return None
    rows = list(
        Claim.objects.filter(metric_id=claim.metric_id)
        .filter(Q(status=Claim.Status.CONFIRMED) | Q(pk=claim.pk))
        .order_by("as_of_start", "id")
        .values_list(*CLAIM_FIELDS)
    )
    resolutions = {
        frozenset((a, b)): (kind, note)
        for a, b, kind, note in ConflictResolution.objects.filter(
            Q(claim_a_id=claim.pk) | Q(claim_b_id=claim.pk)
        ).values_list("claim_a_id", "claim_b_id", "kind", "note")
    }
    report = metric_report(claim.metric, rows, resolutions, only=claim.pk)
    named = {claim.pk} | {i for f in report.findings for i in (f.older_id, f.newer_id)}
    shown = sorted((c for c in report.claims if c.id in named), key=lambda c: c.id != claim.pk)
    return dataclasses.replace(report, claims=tuple(shown))


def metric_report(
    metric: Metric,
    rows: list[tuple],
    resolutions: dict[frozenset[int], tuple[str, str]],
    *,
    outlets: tuple[str, ...] = (),
    only: int | None = None,
) -> MetricReport:
    """One metric's report from its claim rows (tuples of ``CLAIM_FIELDS``) and the editors'
    resolutions (those of this metric's claims; others are ignored). With ``only`` (a claim id)
    the findings are those that involve that claim."""
    tolerance = tolerances()
    canonical_unit = metric.canonical_unit
    claims = [_claim(row, canonical_unit, tolerance) for row in rows]
    figures = [_figure(c, metric.kind) for c in claims if not c.problem]
    outlet_of = {c.id: c.outlet for c in claims} if len(outlets) == 2 else {}
    kind_text = _KIND_TEXT
    cause_text: dict[tuple, tuple[str, ...]] = {}
    findings = []
    open_conflicts = changes = 0
    if only is None:
        found = comparison.compare(
            figures, window_days=metric.comparability_days, resolved=frozenset(resolutions)
        )
    else:
        found = comparison.compare_one(
            figures, only, window_days=metric.comparability_days, resolved=frozenset(resolutions)
        )
    for older_id, newer_id, kind, ratio, gap, relative_gap, period_gap, causes, settled in found:
        if outlet_of and outlet_of[older_id] == outlet_of[newer_id]:
            continue  # comparing two sources: only their disagreements with each other
        resolution_kind, note = ("", "")
        if settled:
            resolution_kind, note = resolutions[frozenset((older_id, newer_id))]
        text = kind_text[kind]
        if text == "change":
            changes += 1
        elif not resolution_kind:
            open_conflicts += 1
        words = cause_text.get(causes)
        if words is None:
            words = cause_text[causes] = tuple(str(cause) for cause in causes)
        # Positional, in ReportFinding's field order.
        findings.append(
            _new_record(
                ReportFinding,
                (text, older_id, newer_id, ratio, gap, relative_gap, period_gap, words,
                 resolution_kind, note),
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
            open_conflicts=open_conflicts,
            changes=changes,
        ),
        outlets=outlets,
    )
