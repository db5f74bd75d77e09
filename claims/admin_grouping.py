"""The admin action that groups selected claims into metrics (wired into ClaimAdmin.actions)."""

from django.contrib import admin, messages

from claims.grouping import DEFAULT_MIN_CONFIDENCE, claims_group
from claims.models import Claim

# Claims named one by one in the message; beyond that, how many more.
NAMED_IN_MESSAGE = 20


@admin.action(
    description=f"Group selected claims into metrics (proposals at {DEFAULT_MIN_CONFIDENCE:g}+)",
    permissions=["change"],
)
def group_claims_action(modeladmin, request, queryset):
    """Apply the metric proposals for the selected ungrouped claims at the default threshold.

    The message counts what was selected, grouped and left ("7 selected: 5 grouped, 2 left:
    ...") and names each claim left with the reason: already in a metric, rejected, or no
    proposal at the threshold (with the best one and why it scored so).
    """
    # The selection is read before anything changes: a changelist filtered on "no metric" would
    # otherwise count only the claims still ungrouped afterwards.
    selected = {
        row[0]: row
        for row in queryset.order_by("pk").values_list("pk", "figure", "metric__name", "status")
    }
    result = claims_group(
        claims=list(selected), min_confidence=DEFAULT_MIN_CONFIDENCE, user=request.user
    )
    proposals, counts = result.proposals, result.counts
    reasons: dict[int, str] = {}
    for pk, _, metric_name, status in selected.values():
        if metric_name is not None:
            reasons[pk] = f"already in {metric_name}"
        elif status == Claim.Status.REJECTED:
            reasons[pk] = "rejected"
    for proposal in proposals:
        if proposal.confidence < DEFAULT_MIN_CONFIDENCE:
            reasons[proposal.claim_id] = (
                f"no metric at {DEFAULT_MIN_CONFIDENCE:g} (best {proposal.target}, "
                f"{proposal.confidence:.2f}: {proposal.reason})"
            )
    reasons.update(counts.left)
    grouped = counts.assigned + counts.grouped
    named = [
        f"#{pk} {selected[pk][1]!r}: {reason}"
        for pk, reason in sorted(reasons.items())
        if pk in selected
    ]
    text = f"{len(selected)} selected: {grouped} grouped"
    if counts.created:
        text += f" ({counts.grouped} into {counts.created} new metric(s))"
    text += f", {len(named)} left"
    if named:
        more = len(named) - NAMED_IN_MESSAGE
        text += (
            ": " + "; ".join(named[:NAMED_IN_MESSAGE]) + (f"; and {more} more" if more > 0 else "")
        )
    modeladmin.message_user(request, text, messages.SUCCESS if grouped else messages.WARNING)
