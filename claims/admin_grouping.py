"""The admin action that groups selected claims into metrics (wired into ClaimAdmin.actions)."""

from django.contrib import admin, messages

from claims.metric_suggestions import DEFAULT_MIN_CONFIDENCE, claims_group


@admin.action(
    description=f"Group selected claims into metrics (suggestions at {DEFAULT_MIN_CONFIDENCE:g}+)",
    permissions=["change"],
)
def suggest_metrics_action(modeladmin, request, queryset):
    """Apply the metric suggestions for the selected ungrouped claims at the default threshold.

    Claims that already have a metric, rejected claims and suggestions below the threshold are
    left alone; the message says how many of each kind there were.
    """
    counts = claims_group(
        claims=queryset, min_confidence=DEFAULT_MIN_CONFIDENCE, user=request.user
    ).counts
    selected = queryset.count()
    left = selected - counts.assigned - counts.grouped
    changed = counts.assigned + counts.grouped
    modeladmin.message_user(
        request,
        f"{counts.assigned} claim(s) put into existing metrics, {counts.created} new metric(s) "
        f"created with {counts.grouped} claim(s); {left} of {selected} selected left as they were "
        f"(already grouped, rejected, or no suggestion at {DEFAULT_MIN_CONFIDENCE:g}).",
        messages.SUCCESS if changed else messages.WARNING,
    )
