"""The review workflow: draft -> submitted -> published (or withdrawn), who may do what, and the
rule that a published verdict is superseded, never edited."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from claims.models import Claim
from reviews.models import Review, ReviewAssignment
from reviews.selectors import review_disagreements
from reviews.services import (
    NEVER_EDITED,
    claim_assign,
    claim_unassign,
    review_create,
    review_publish,
    review_submit,
    review_update,
    review_withdraw,
)
from tests.factories import ClaimFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db


def a_reviewer(username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


@pytest.fixture
def assigned(editor, reviewer):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=reviewer, by=editor)
    return claim


def signed_off(review: Review) -> Review:
    """Submitted by its reviewer, published by an editor: the way a verdict goes out."""
    editor = UserFactory(username="editor-test")
    editor.groups.add(Group.objects.get(name="Editors"))
    review_submit(review=review, by=review.reviewer)
    return review_publish(review=review, by=editor)


def draft(claim, reviewer, rating="accurate", **extra) -> Review:
    return review_create(claim=claim, reviewer=reviewer, rating=rating,
                         rationale="Matches the ministry's figures.", **extra)  # fmt: skip


def test_a_reviewer_writes_a_draft_of_a_claim_assigned_to_them(assigned, reviewer):
    review = draft(assigned, reviewer, evidence=["https://un.org/report"])
    assert (review.status, review.reviewer, review.evidence) == (
        "draft",
        reviewer,
        ["https://un.org/report"],
    )


def test_a_reviewer_cannot_review_a_claim_not_assigned_to_them(reviewer):
    with pytest.raises(PermissionDenied):
        draft(ClaimFactory(), reviewer)
    assert not Review.objects.exists()


def test_an_editor_reviews_any_claim(editor):
    assert draft(ClaimFactory(), editor).reviewer == editor


def test_a_bad_rating_or_evidence_is_named(assigned, reviewer):
    with pytest.raises(ValidationError) as caught:
        draft(assigned, reviewer, rating="pants_on_fire")
    assert "rating" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        draft(assigned, reviewer, evidence=["javascript:alert(1)"])
    assert "evidence" in caught.value.message_dict


def test_the_workflow_goes_draft_submitted_published(assigned, reviewer, editor):
    review = draft(assigned, reviewer, rating="overstated")
    review_submit(review=review, by=reviewer)
    assert review.status == "submitted"
    assigned.refresh_from_db()
    assert assigned.verdict == ""
    review_publish(review=review, by=editor)
    assigned.refresh_from_db()
    assert (review.status, assigned.verdict) == ("published", "overstated")


def test_an_illegal_transition_is_refused_on_status(assigned, reviewer, editor):
    review = draft(assigned, reviewer)
    review_withdraw(review=review, by=reviewer)
    with pytest.raises(ValidationError) as caught:
        review_publish(review=review, by=editor)
    assert "status" in caught.value.message_dict
    review.refresh_from_db()
    assert review.status == "withdrawn"


def test_a_reviewer_cannot_publish_or_change_another_reviewers_review(assigned, reviewer):
    other = a_reviewer("other-reviewer")
    claim_assign(claim=assigned, reviewer=other, by=UserFactory(is_superuser=True))
    review = draft(assigned, other)
    for act in (
        lambda: review_publish(review=review, by=reviewer),
        lambda: review_submit(review=review, by=reviewer),
        lambda: review_withdraw(review=review, by=reviewer),
        lambda: review_update(review=review, by=reviewer, rationale="mine now"),
    ):
        with pytest.raises(PermissionDenied):
            act()
    review.refresh_from_db()
    assert (review.status, review.rationale) == ("draft", "Matches the ministry's figures.")


def test_an_editor_publishes_a_submitted_review_but_not_a_draft(assigned, reviewer, editor):
    review = draft(assigned, reviewer)
    with pytest.raises(ValidationError):
        review_publish(review=review, by=editor)
    review_submit(review=review, by=reviewer)
    review_publish(review=review, by=editor)
    assert review.status == "published"


def test_a_reviewer_submits_but_never_publishes_their_own_review(assigned, reviewer):
    review = draft(assigned, reviewer)
    with pytest.raises(PermissionDenied):
        review_publish(review=review, by=reviewer)
    review_submit(review=review, by=reviewer)
    with pytest.raises(PermissionDenied):
        review_publish(review=review, by=reviewer)
    review.refresh_from_db()
    assigned.refresh_from_db()
    assert (review.status, assigned.verdict) == ("submitted", "")


def test_an_editor_never_publishes_their_own_review(editor):
    review = review_submit(review=draft(ClaimFactory(), editor), by=editor)
    with pytest.raises(PermissionDenied):
        review_publish(review=review, by=editor)
    review.refresh_from_db()
    assert review.status == "submitted"


def test_a_draft_is_updated_by_its_reviewer(assigned, reviewer):
    review = draft(assigned, reviewer)
    updated = review_update(review=review, by=reviewer, rating="outdated", rationale=" Old. ")
    assert (updated.rating, updated.rationale) == ("outdated", "Old.")


def test_only_rating_rationale_and_evidence_are_updated(assigned, reviewer):
    review = draft(assigned, reviewer)
    with pytest.raises(ValidationError) as caught:
        review_update(review=review, by=reviewer, status="published")
    assert "status" in caught.value.message_dict


def test_a_published_review_is_never_edited(assigned, reviewer):
    review = signed_off(draft(assigned, reviewer))
    with pytest.raises(ValidationError) as caught:
        review_update(review=review, by=reviewer, rating="unsupported")
    assert caught.value.message_dict == {"status": [NEVER_EDITED]}
    review.refresh_from_db()
    assert review.rating == "accurate"


def test_the_database_refuses_to_edit_a_published_review(assigned, reviewer):
    review = signed_off(draft(assigned, reviewer))
    for change in ({"rating": "unsupported"}, {"rationale": "Rewritten."},
                   {"evidence": ["https://example.org/"]}, {"status": "draft"}):  # fmt: skip
        with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
            Review.objects.filter(pk=review.pk).update(**change)
    review.refresh_from_db()
    assert (review.rating, review.status) == ("accurate", "published")
    # Withdrawing stays possible.
    Review.objects.filter(pk=review.pk).update(status="withdrawn")


def test_a_new_review_supersedes_a_published_one_which_stays_in_history(assigned, reviewer):
    first = signed_off(draft(assigned, reviewer, rating="accurate"))
    second = draft(assigned, reviewer, rating="outdated", supersedes=first)
    signed_off(second)
    assigned.refresh_from_db()
    first.refresh_from_db()
    assert assigned.verdict == "outdated"
    assert (first.status, first.rating) == ("published", "accurate")
    assert list(first.superseded_by.all()) == [second]
    assert review_disagreements([assigned.pk]) == {}


def test_only_a_published_review_of_the_same_claim_can_be_superseded(assigned, reviewer, editor):
    unpublished = draft(assigned, reviewer)
    with pytest.raises(ValidationError) as caught:
        draft(assigned, reviewer, supersedes=unpublished)
    assert "supersedes" in caught.value.message_dict
    elsewhere = review_publish(review=draft(ClaimFactory(), editor))
    with pytest.raises(ValidationError) as caught:
        draft(assigned, reviewer, supersedes=elsewhere)
    assert "supersedes" in caught.value.message_dict


def test_withdrawing_the_published_review_falls_back_to_the_previous_verdict(assigned, reviewer):
    signed_off(draft(assigned, reviewer, rating="accurate"))
    later = signed_off(draft(assigned, reviewer, rating="unsupported"))
    review_withdraw(review=later, by=reviewer)
    assigned.refresh_from_db()
    assert assigned.verdict == "accurate"


def test_assigning_is_idempotent_and_for_reviewers_only(editor, reviewer):
    claim = ClaimFactory()
    first = claim_assign(claim=claim, reviewer=reviewer, by=editor)
    assert claim_assign(claim=claim, reviewer=reviewer, by=editor) == first
    assert ReviewAssignment.objects.count() == 1
    with pytest.raises(ValidationError) as caught:
        claim_assign(claim=claim, reviewer=UserFactory(username="nobody"), by=editor)
    assert "reviewer" in caught.value.message_dict


def test_a_reviewer_cannot_assign_claims(reviewer):
    with pytest.raises(PermissionDenied):
        claim_assign(claim=ClaimFactory(), reviewer=reviewer, by=reviewer)


def test_a_rejected_claim_is_not_assigned(editor, reviewer):
    with pytest.raises(ValidationError) as caught:
        claim_assign(claim=ClaimFactory(status=Claim.Status.REJECTED), reviewer=reviewer,
                     by=editor)  # fmt: skip
    assert "claim" in caught.value.message_dict


def test_unassigning_takes_the_claim_back(assigned, editor, reviewer):
    claim_unassign(claim=assigned, reviewer=reviewer, by=editor)
    assert not ReviewAssignment.objects.exists()
    with pytest.raises(PermissionDenied):
        draft(assigned, reviewer)


def test_disagreeing_reviewers_are_listed_with_their_ratings(assigned, reviewer, editor):
    other = a_reviewer("b-reviewer")
    claim_assign(claim=assigned, reviewer=other, by=editor)
    signed_off(draft(assigned, reviewer, rating="accurate"))
    review_submit(review=draft(assigned, other, rating="overstated"), by=other)
    draft(assigned, editor, rating="unsupported")  # a draft is no stated opinion
    agreeing = ClaimFactory()
    ReviewFactory(claim=agreeing, status="submitted")
    ReviewFactory(claim=agreeing, status="submitted")
    assert review_disagreements([assigned.pk, agreeing.pk]) == {
        assigned.pk: [("b-reviewer", "overstated", "submitted"),
                      ("reviewer-test", "accurate", "published")],
    }  # fmt: skip
