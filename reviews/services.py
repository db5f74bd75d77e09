"""Writes on reviews: publishing a verdict and keeping the claim's current verdict in step."""

from django.db import transaction
from django.utils import timezone

from claims.models import Claim
from reviews.models import Review


@transaction.atomic
def review_publish(*, review: Review) -> Review:
    """Publish ``review`` and make it the claim's current verdict when it is the latest."""
    review.full_clean()
    review.status = Review.Status.PUBLISHED
    review.published_at = review.published_at or timezone.now()
    review.save()
    claim_verdict_refresh(claim=review.claim)
    return review


@transaction.atomic
def claim_verdict_refresh(*, claim: Claim) -> Claim:
    """Set ``claim.verdict`` to its latest published review's rating (empty without one)."""
    latest = (
        Review.objects.filter(claim=claim, status=Review.Status.PUBLISHED)
        .order_by("-published_at", "-id")
        .values_list("rating", "published_at")
        .first()
    )
    verdict, verdict_at = latest if latest else ("", None)
    if (claim.verdict, claim.verdict_at) != (verdict, verdict_at):
        claim.verdict, claim.verdict_at = verdict, verdict_at
        claim.save(update_fields=["verdict", "verdict_at", "updated_at"])
    return claim
