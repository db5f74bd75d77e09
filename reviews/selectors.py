"""Reads on reviews: who may do what, which claims a reviewer sees, where reviewers disagree."""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, QuerySet

from claims.models import Claim
from reviews.models import Review, ReviewAssignment

EDITORS = "Editors"
REVIEWERS = "Reviewers"

# Reviews that count as a reviewer's stated opinion (drafts are private, withdrawn ones retracted).
STATED = (Review.Status.SUBMITTED, Review.Status.PUBLISHED)


def _group_names(user) -> frozenset[str]:
    # Cached on the user object: admin asks several times per request.
    cached = getattr(user, "_claims_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) if user.pk else frozenset()
        user._claims_group_names = cached
    return cached


def user_is_editor(user) -> bool:
    """Superusers and members of Editors: they run the claims and may review any of them."""
    return bool(user.is_active and (user.is_superuser or EDITORS in _group_names(user)))


def user_is_reviewer(user) -> bool:
    return bool(user.is_active and REVIEWERS in _group_names(user))


def user_may_review(user, claim: Claim) -> bool:
    """Editors and superusers review any claim; a reviewer reviews the claims assigned to them."""
    if user_is_editor(user):
        return True
    return user_is_reviewer(user) and (
        ReviewAssignment.objects.filter(claim=claim, reviewer=user).exists()
    )


def claims_visible_to(user, claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """``claims`` narrowed to what ``user`` works on: all for editors, the assigned ones for
    reviewers (one EXISTS per row, served by the assignment's unique (claim, reviewer) index)."""
    if user_is_editor(user):
        return claims
    assigned = ReviewAssignment.objects.filter(claim=OuterRef("pk"), reviewer=user)
    return claims.filter(Exists(assigned))


def reviewers() -> QuerySet:
    """Active users in the Reviewers group, by username."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=REVIEWERS)
        .order_by("username")
        .distinct()
    )


def review_disagreements(claim_ids: Iterable[int]) -> dict[int, list[tuple[str, str, str]]]:
    """For each of ``claim_ids`` whose stated reviews give more than one rating, the reviews as
    (reviewer username, rating, status), by username. One query.

    A review superseded by a later one no longer counts: that is a change of verdict, not a
    disagreement. Drafts and withdrawn reviews do not count either.
    """
    ids = list(claim_ids)
    if not ids:
        return {}
    replaced = Review.objects.filter(supersedes=OuterRef("pk"), status__in=STATED)
    rows = (
        Review.objects.filter(claim_id__in=ids, status__in=STATED)
        .exclude(Exists(replaced))
        .order_by("claim_id", "reviewer__username", "-created_at")
        .values_list("claim_id", "reviewer__username", "rating", "status")
    )
    by_claim: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for claim_id, username, rating, status in rows:
        by_claim[claim_id].append((username, rating, status))
    return {
        claim_id: reviews
        for claim_id, reviews in by_claim.items()
        if len({rating for _, rating, _ in reviews}) > 1
    }
