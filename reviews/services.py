"""Writes on reviews: the review workflow, assignments, and the claim's current verdict.

A review moves draft -> submitted -> published, and may be withdrawn from any of those. A
published review is never edited in place (the database refuses it too): a new review that
supersedes it is written instead, and the old one stays in the history. Each function checks who
acts (PermissionDenied) and what is asked (ValidationError naming the field).
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import Claim
from claims_project.concurrency import lock_and_check
from reviews.models import Review, ReviewAssignment
from reviews.selectors import user_is_editor, user_is_reviewer, user_may_review

Status = Review.Status

# Which status a review may move to from each status.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED, Status.PUBLISHED, Status.WITHDRAWN}),
    Status.SUBMITTED: frozenset({Status.PUBLISHED, Status.WITHDRAWN}),
    Status.PUBLISHED: frozenset({Status.WITHDRAWN}),
    Status.WITHDRAWN: frozenset(),
}
EDITABLE_FIELDS = ("rating", "rationale", "evidence")
NEVER_EDITED = "a published review is never edited; write a new review that supersedes it"


def _check_transition(review: Review, target: str) -> None:
    if target in TRANSITIONS[review.status]:
        return
    if review.status == Status.PUBLISHED and target != Status.PUBLISHED:
        raise ValidationError({"status": NEVER_EDITED})
    raise ValidationError({"status": f"a {review.status} review cannot become {target}"})


def _is_own_or_superuser(review: Review, user) -> bool:
    return user.is_superuser or review.reviewer_id == user.pk


def _check_supersedes(*, claim: Claim, supersedes: Review | None) -> None:
    if supersedes is None:
        return
    if supersedes.claim_id != claim.pk:
        raise ValidationError({"supersedes": "the superseded review must be of the same claim"})
    if supersedes.status != Status.PUBLISHED:
        raise ValidationError({"supersedes": "only a published review can be superseded"})


def review_check_create(*, claim: Claim, reviewer, supersedes: Review | None = None) -> None:
    """Raise PermissionDenied or ValidationError when ``reviewer`` may not review ``claim``."""
    if not user_may_review(reviewer, claim):
        raise PermissionDenied("this claim is not assigned to you")
    if claim.status == Claim.Status.REJECTED:
        raise ValidationError({"claim": "a rejected claim is not reviewed"})
    _check_supersedes(claim=claim, supersedes=supersedes)


@transaction.atomic
def review_create(
    *,
    claim: Claim,
    reviewer,
    rating: str,
    rationale: str,
    evidence: Iterable[str] = (),
    supersedes: Review | None = None,
) -> Review:
    """A draft review of ``claim`` by ``reviewer`` (who must be allowed to review it)."""
    review_check_create(claim=claim, reviewer=reviewer, supersedes=supersedes)
    review = Review(
        claim=claim,
        reviewer=reviewer,
        rating=rating,
        rationale=(rationale or "").strip(),
        evidence=list(evidence) if not isinstance(evidence, str) else evidence,
        supersedes=supersedes,
        status=Status.DRAFT,
    )
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def review_update(
    *, review: Review, by, expected_fingerprint: str | None = None, **fields
) -> Review:
    """Change the rating, rationale or evidence of a draft or submitted review, by its reviewer.

    ``expected_fingerprint`` (claims_project.concurrency) refuses the write with StaleWrite when
    the review changed since the caller read it.
    """
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "this field cannot be changed here"))
    current = lock_and_check(Review, review.pk, expected_fingerprint)
    if current.status == Status.PUBLISHED:
        raise ValidationError({"status": NEVER_EDITED})
    if current.status == Status.WITHDRAWN:
        raise ValidationError({"status": "a withdrawn review is not edited"})
    if not _is_own_or_superuser(current, by):
        raise PermissionDenied("only its reviewer may change a review")
    if "rationale" in fields:
        fields["rationale"] = (fields["rationale"] or "").strip()
    if "evidence" in fields and not isinstance(fields["evidence"], str | list):
        fields["evidence"] = list(fields["evidence"])
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, fields[name])
    if changed:
        current.full_clean()
        current.save(update_fields=[*changed, "updated_at"])
    return current


def _move(review: Review, target: str) -> Review:
    """Lock the review, check the move, store it; the caller has checked who acts."""
    current = lock_and_check(Review, review.pk, None)
    _check_transition(current, target)
    current.status = target
    if target == Status.PUBLISHED:
        _check_supersedes(claim=current.claim, supersedes=current.supersedes)
        current.published_at = current.published_at or timezone.now()
        current.full_clean()
    current.save(update_fields=["status", "published_at", "updated_at"])
    claim_verdict_refresh(claim=current.claim)
    # The caller's instance follows, so code holding it sees the new state.
    review.status, review.published_at = current.status, current.published_at
    review.updated_at = current.updated_at
    return review


@transaction.atomic
def review_submit(*, review: Review, by) -> Review:
    """Hand a draft to the editors: its reviewer (or a superuser) submits it."""
    if not _is_own_or_superuser(review, by):
        raise PermissionDenied("only its reviewer may submit a review")
    return _move(review, Status.SUBMITTED)


@transaction.atomic
def review_publish(*, review: Review, by=None) -> Review:
    """Publish ``review``; the claim's current verdict becomes its latest published review's.

    A second pair of eyes: an editor (or a superuser) publishes a submitted review, never one
    of their own; a reviewer submits and never publishes. ``by=None`` is the system itself
    (the seed loader, data migrations, imported fact-checks).
    """
    if by is not None:
        if not (by.is_superuser or user_is_editor(by)):
            raise PermissionDenied("editors publish reviews; submit yours for an editor")
        if review.reviewer_id == by.pk:
            raise PermissionDenied("a review is published by someone other than its reviewer")
        if review.status != Status.SUBMITTED:
            raise ValidationError({"status": "an editor publishes a review once it is submitted"})
    return _move(review, Status.PUBLISHED)


@transaction.atomic
def review_withdraw(*, review: Review, by) -> Review:
    """Withdraw a review (its reviewer, an editor or a superuser); the verdict falls back to the
    latest review still published."""
    if not (_is_own_or_superuser(review, by) or user_is_editor(by)):
        raise PermissionDenied("only its reviewer or an editor may withdraw a review")
    return _move(review, Status.WITHDRAWN)


@transaction.atomic
def claim_assign(*, claim: Claim, reviewer, by) -> ReviewAssignment:
    """Ask ``reviewer`` to review ``claim`` (an editor's act). Assigning twice changes nothing."""
    if not user_is_editor(by):
        raise PermissionDenied("only editors assign claims to reviewers")
    if not user_is_reviewer(reviewer):
        raise ValidationError({"reviewer": f"{reviewer} is not in the Reviewers group"})
    if claim.status == Claim.Status.REJECTED:
        raise ValidationError({"claim": "a rejected claim is not reviewed"})
    assignment, _ = ReviewAssignment.objects.get_or_create(
        claim=claim, reviewer=reviewer, defaults={"assigned_by": by}
    )
    return assignment


@transaction.atomic
def claim_unassign(*, claim: Claim, reviewer, by) -> None:
    """Take the claim back from the reviewer; their reviews stay."""
    if not user_is_editor(by):
        raise PermissionDenied("only editors assign claims to reviewers")
    for assignment in ReviewAssignment.objects.filter(claim=claim, reviewer=reviewer):
        assignment.delete()  # one by one, so the history records each


@transaction.atomic
def claim_verdict_refresh(*, claim: Claim) -> Claim:
    """Set ``claim.verdict`` to its latest published review's rating (empty without one).

    The claim's row is locked before the reviews are read: of two reviews published at once, the
    second to get the lock reads the first one committed, so the verdict is the latest published
    review's whatever order the two transactions commit in."""
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    latest = (
        Review.objects.filter(claim=claim, status=Review.Status.PUBLISHED)
        .order_by("-published_at", "-id")
        .values_list("rating", "published_at")
        .first()
    )
    verdict, verdict_at = latest if latest else ("", None)
    if (locked.verdict, locked.verdict_at) != (verdict, verdict_at):
        locked.verdict, locked.verdict_at = verdict, verdict_at
        locked.save(update_fields=["verdict", "verdict_at", "updated_at"])
    claim.verdict, claim.verdict_at = verdict, verdict_at
    return claim
