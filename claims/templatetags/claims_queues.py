"""The admin home page's work queues with their counts: what waits, and how much of it."""

from django import template
from django.apps import apps
from django.db.models import Count, Q

register = template.Library()


@register.simple_tag
def work_queue_counts(user) -> dict[str, int]:
    """How many rows each work queue on the home page holds for ``user``: one query per model.

    Reviews are counted through the app registry: claims never imports reviews."""
    from claims.admin_filters import HIDDEN_BY_DEFAULT
    from claims.models import Claim

    # The claim list hides durations and ages by default: the counts are of what it shows.
    claims = Claim.objects.exclude(figure_kind__in=HIDDEN_BY_DEFAULT).aggregate(
        candidates=Count("pk", filter=Q(status=Claim.Status.CANDIDATE)),
        ungrouped=Count("pk", filter=Q(status=Claim.Status.CONFIRMED, metric__isnull=True)),
    )
    counts = dict(claims)
    if apps.is_installed("reviews"):
        review = apps.get_model("reviews", "Review")
        counts |= review.objects.aggregate(
            submitted=Count("pk", filter=Q(status="submitted")),
            my_drafts=Count("pk", filter=Q(status="draft", reviewer_id=user.pk)),
            my_submitted=Count("pk", filter=Q(status="submitted", reviewer_id=user.pk)),
        )
    return counts
