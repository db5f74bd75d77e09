"""Grouping claims into metrics: the proposals (a selector) and applying them (a service).

The matching itself is pure and lives in ``claims.core.grouping``; this module reads what it
needs in a fixed number of queries and writes the editor's (or the command's) choice atomically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from claims.core import units
from claims.core.grouping_threshold import DEFAULT_MIN_CONFIDENCE
from claims.models import Claim, Metric

if TYPE_CHECKING:
    from claims.core import grouping


def _matcher():
    """The matcher, imported when first used: it indexes its vocabulary through WordNet as it
    is imported (about 2 s), which the admin, the API and every command would pay at start-up."""
    from claims.core import grouping

    return grouping


# Subjects read per metric: enough to recognise its wording, bounded for metrics of many claims.
SUBJECTS_PER_METRIC = 25


@dataclass(frozen=True)
class ClaimProposal:
    """One ungrouped claim and the metric proposed for it: an existing one or a new one."""

    claim_id: int
    figure: str
    subject: str
    unit: str
    confidence: float
    reason: str
    metric_id: int | None = None
    metric_slug: str = ""
    new_metric: grouping.ProposedMetric | None = None

    @property
    def target(self) -> str:
        """The metric's slug, or "NEW <name>" for a proposed metric."""
        if self.new_metric is not None:
            return f"NEW {self.new_metric.name}"
        return self.metric_slug


@dataclass(frozen=True)
class ApplyCounts:
    """What applying proposals did."""

    assigned: int = 0  # claims put into existing metrics
    created: int = 0  # new metrics
    grouped: int = 0  # claims put into the new metrics
    skipped: int = 0  # claims that had a metric by then, were rejected, or failed validation
    # (claim id, why it was left) for each skipped claim, in the order of the proposals.
    left: tuple[tuple[int, str], ...] = ()


def _check_threshold(min_confidence: float) -> None:
    if not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence!r}")


def _ungrouped(claims: QuerySet[Claim] | Iterable[Claim | int] | None) -> QuerySet[Claim]:
    queryset = Claim.objects.filter(metric__isnull=True).exclude(status=Claim.Status.REJECTED)
    if claims is None:
        return queryset
    if isinstance(claims, QuerySet):
        return queryset.filter(pk__in=claims.order_by().values("pk"))
    ids = [claim.pk if isinstance(claim, Claim) else claim for claim in claims]
    return queryset.filter(pk__in=ids)


# The kind of figure over time a metric's kind implies; it vetoes only against claims whose
# period the text said (Claim.period_kind).
_PERIOD_OF_KIND = {
    Metric.Kind.LEVEL: "level",
    Metric.Kind.RATIO: "level",
    Metric.Kind.CUMULATIVE: "cumulative",
    Metric.Kind.COUNT_OVER_PERIOD: "per_period",
}


def _metric_inputs() -> tuple[list[grouping.MetricInput], dict[int, str]]:
    """Every metric with the subjects and scopes of its claims: two queries."""
    subjects: dict[int, dict[str, None]] = defaultdict(dict)
    scopes: dict[int, dict[str, None]] = defaultdict(dict)
    members = (
        Claim.objects.filter(metric__isnull=False)
        .exclude(status=Claim.Status.REJECTED)
        .order_by("metric_id", "pk")
        .values_list("metric_id", "subject", "scope")
    )
    for metric_id, subject, scope in members:
        if subject and len(subjects[metric_id]) < SUBJECTS_PER_METRIC:
            subjects[metric_id][subject] = None
        if scope and len(scopes[metric_id]) < SUBJECTS_PER_METRIC:
            scopes[metric_id][scope] = None
    rows = Metric.objects.order_by("pk").values(
        "pk", "slug", "name", "description", "canonical_unit", "scope", "kind"
    )
    inputs, slugs = [], {}
    for row in rows:
        slugs[row["pk"]] = row["slug"]
        inputs.append(
            _matcher().MetricInput(
                key=row["pk"],
                name=row["name"],
                canonical_unit=row["canonical_unit"],
                scope=row["scope"],
                description=row["description"],
                claim_subjects=tuple(subjects[row["pk"]]),
                claim_scopes=tuple(scopes[row["pk"]]),
                period=_PERIOD_OF_KIND.get(row["kind"], ""),
            )
        )
    return inputs, slugs


def grouping_proposals(
    *,
    claims: QuerySet[Claim] | Iterable[Claim | int] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[ClaimProposal]:
    """A proposal for every ungrouped, non-rejected claim (of ``claims`` when given).

    A claim is proposed for the best existing metric when that fits at ``min_confidence`` or
    better; otherwise for a new metric shared with the other claims it clusters with. Every
    proposal carries its confidence, so callers apply only those at their threshold. Runs three
    queries, however many claims and metrics there are.
    """
    _check_threshold(min_confidence)
    rows = list(
        _ungrouped(claims)
        .order_by("pk")
        .values(
            "pk",
            "figure",
            "subject",
            "unit",
            "scope",
            "quote",
            "period_kind",
            "period_days",
            "speaker__name",
        )
    )
    if not rows:
        return []
    metrics, slugs = _metric_inputs()
    claim_inputs = [
        _matcher().ClaimInput(
            key=row["pk"],
            subject=row["subject"],
            unit=row["unit"],
            scope=row["scope"],
            quote=row["quote"],
            period=row["period_kind"],
            period_days=row["period_days"],
            speaker=row["speaker__name"] or "",
        )
        for row in rows
    ]
    proposals = _matcher().propose(
        claim_inputs, metrics, min_confidence=min_confidence, taken_slugs=slugs.values()
    )
    by_id = {row["pk"]: row for row in rows}
    return [
        ClaimProposal(
            claim_id=proposal.claim_key,
            figure=by_id[proposal.claim_key]["figure"],
            subject=by_id[proposal.claim_key]["subject"],
            unit=by_id[proposal.claim_key]["unit"],
            confidence=proposal.confidence,
            reason=proposal.reason,
            metric_id=proposal.metric_key,
            metric_slug=slugs.get(proposal.metric_key, ""),
            new_metric=proposal.new_metric,
        )
        for proposal in proposals
    ]


def proposals_at(proposals: Sequence[ClaimProposal], min_confidence: float) -> list[ClaimProposal]:
    """The proposals whose confidence is ``min_confidence`` or more."""
    _check_threshold(min_confidence)
    return [s for s in proposals if s.confidence >= min_confidence]


def _free_slug(slug: str) -> str:
    candidate, n = slug, 2
    while Metric.objects.filter(slug=candidate).exists():
        candidate, n = f"{slug[:140]}-{n}", n + 1
    return candidate


def _new_metric(proposed: grouping.ProposedMetric, user) -> Metric:
    metric = Metric(
        slug=_free_slug(proposed.slug),
        name=proposed.name,
        canonical_unit=proposed.canonical_unit,
        kind=proposed.kind,
        scope=proposed.scope,
        description=f"Proposed by group_claims for {len(proposed.claim_keys)} claim(s).",
    )
    metric.full_clean()
    metric._history_user = user
    metric.save()
    return metric


@transaction.atomic
def proposals_apply(*, proposals: Iterable[ClaimProposal], user=None) -> ApplyCounts:
    """Put each proposed claim into its metric, creating the proposed metrics on the way.

    Never changes a claim that has a metric by now (or was rejected meanwhile): those rows are
    locked and read again first. Each claim is validated with ``full_clean``, so a claim whose
    unit does not convert into the metric's unit is skipped, never assigned. A proposed metric
    is created only when at least one of its claims joins it. All or nothing on errors.
    """
    proposals = list(proposals)
    # Lock the claim rows only: PostgreSQL refuses FOR UPDATE on the nullable side of the join.
    claims = Claim.objects.select_for_update(of=("self",)).select_related("article", "metric")
    locked = claims.in_bulk([s.claim_id for s in proposals])
    existing = Metric.objects.in_bulk([s.metric_id for s in proposals if s.new_metric is None])
    created: dict[str, Metric] = {}
    assigned = grouped = 0
    left: list[tuple[int, str]] = []
    for proposal in proposals:
        claim = locked.get(proposal.claim_id)
        if claim is None:
            left.append((proposal.claim_id, "deleted meanwhile"))
            continue
        if claim.metric_id is not None:
            left.append((claim.pk, f"already in {claim.metric}"))
            continue
        if claim.status == Claim.Status.REJECTED:
            left.append((claim.pk, "rejected"))
            continue
        proposed = proposal.new_metric
        if proposed is None:
            metric = existing.get(proposal.metric_id)
        else:
            metric = created.get(proposed.slug)
            if metric is None and _unit_fits(claim.unit, proposed.canonical_unit):
                metric = created[proposed.slug] = _new_metric(proposed, user)
        if metric is None:
            left.append((claim.pk, "its metric is gone or its unit does not convert"))
        elif not _assign(claim, metric, user):
            left.append((claim.pk, f"does not fit {metric}: its unit does not convert"))
        elif proposed is None:
            assigned += 1
        else:
            grouped += 1
    return ApplyCounts(
        assigned=assigned,
        created=len(created),
        grouped=grouped,
        skipped=len(left),
        left=tuple(left),
    )


def _unit_fits(unit: str, canonical_unit: str) -> bool:
    try:
        return units.are_compatible(unit, canonical_unit)
    except units.UnitError:
        return False


def _assign(claim: Claim, metric: Metric, user) -> bool:
    claim.metric = metric
    try:
        claim.full_clean()
    except ValidationError:
        claim.metric = None
        return False
    claim._history_user = user
    claim.save(update_fields=["metric", "updated_at"])
    return True


@dataclass(frozen=True)
class GroupingResult:
    """What ``claims_group`` proposed, which of it met the threshold, and what applying did."""

    proposals: list[ClaimProposal]
    chosen: list[ClaimProposal]
    counts: ApplyCounts


def claims_group(
    *,
    claims: QuerySet[Claim] | Iterable[Claim | int] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    apply: bool = True,
    user=None,
) -> GroupingResult:
    """Group ungrouped claims into metrics: the one service the group_claims command and the
    claim list's admin action call.

    Proposes a metric for every ungrouped, non-rejected claim (of ``claims`` when given) and,
    with ``apply``, puts those at ``min_confidence`` or more into their metrics, creating the new
    metrics they need (see proposals_apply). Raises ValueError for a threshold outside
    [0, 1]; nothing is changed then.
    """
    proposals = grouping_proposals(claims=claims, min_confidence=min_confidence)
    chosen = proposals_at(proposals, min_confidence)
    counts = proposals_apply(proposals=chosen, user=user) if apply else ApplyCounts()
    return GroupingResult(proposals=proposals, chosen=chosen, counts=counts)
