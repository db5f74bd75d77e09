"""Each role in admin: what Editors and Reviewers may see and do, and nothing more."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from claims.models import Claim
from claims_project.concurrency import fingerprint
from reviews.models import Review, ReviewAssignment
from reviews.services import claim_assign, review_create, review_publish, review_submit
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

REVIEW_ADD = reverse("admin:reviews_review_add")
REVIEW_LIST = reverse("admin:reviews_review_changelist")
CLAIM_LIST = reverse("admin:claims_claim_changelist")


def review_url(review, view="change") -> str:
    return reverse(f"admin:reviews_review_{view}", args=[review.pk])


def another_reviewer(username="other-reviewer"):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


def signed_off(review: Review) -> Review:
    """Submitted by its reviewer, published by an editor: the way a verdict goes out."""
    editor = UserFactory(username="editor-test")
    editor.groups.add(Group.objects.get(name="Editors"))
    return review_publish(review=review_submit(review=review, by=review.reviewer), by=editor)


def draft(claim, reviewer, rating="accurate") -> Review:
    return review_create(claim=claim, reviewer=reviewer, rating=rating, rationale="Checked.")


def review_form(review=None, **overrides) -> dict:
    data = {"rating": "accurate", "rationale": "Checked against the report.", "evidence": ""}
    if review is not None:
        data["row_fingerprint"] = fingerprint(review)
    data.update(overrides)
    return data


@pytest.fixture
def assigned(editor, reviewer):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=reviewer, by=editor)
    return claim


def permissions_of(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_roles_have_the_permissions_their_work_needs_and_no_more():
    assert permissions_of("Editors") == {
        "sources.add_outlet", "sources.change_outlet", "sources.view_outlet",
        "sources.add_article", "sources.change_article", "sources.view_article",
        "claims.add_speaker", "claims.change_speaker", "claims.view_speaker",
        "claims.add_metric", "claims.change_metric", "claims.view_metric",
        "claims.add_claim", "claims.change_claim", "claims.view_claim",
        "claims.add_conflictresolution", "claims.change_conflictresolution",
        "claims.view_conflictresolution", "claims.add_reportrun", "claims.view_reportrun",
        "reviews.view_review", "reviews.add_reviewassignment",
        "reviews.delete_reviewassignment", "reviews.view_reviewassignment",
    }  # fmt: skip
    assert permissions_of("Reviewers") == {
        "sources.view_outlet", "sources.view_article", "claims.view_speaker",
        "claims.view_metric", "claims.view_claim", "claims.view_conflictresolution",
        "claims.add_reportrun", "claims.view_reportrun", "reviews.add_review",
        "reviews.change_review", "reviews.view_review", "reviews.view_reviewassignment",
    }  # fmt: skip


def test_a_reviewer_sees_only_the_claims_assigned_to_them(reviewer_client, assigned):
    ClaimFactory()
    response = reviewer_client.get(CLAIM_LIST)
    assert [claim.pk for claim in response.context["cl"].result_list] == [assigned.pk]


def test_a_reviewer_cannot_open_a_claim_not_assigned_to_them(reviewer_client, assigned):
    other = ClaimFactory()
    response = reviewer_client.get(reverse("admin:claims_claim_change", args=[other.pk]))
    assert response.status_code == 302  # admin's "does not exist" redirect
    assert (
        reviewer_client.get(reverse("admin:claims_claim_change", args=[assigned.pk])).status_code
        == 200
    )


def test_an_editor_sees_every_claim(editor_client):
    ClaimFactory.create_batch(3)
    assert len(editor_client.get(CLAIM_LIST).context["cl"].result_list) == 3


def test_a_reviewer_writes_a_draft_of_an_assigned_claim(reviewer_client, reviewer, assigned):
    response = reviewer_client.post(REVIEW_ADD, review_form(claim=assigned.pk, rating="overstated"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    review = Review.objects.get()
    assert (review.reviewer, review.status, review.rating) == (reviewer, "draft", "overstated")


def test_a_reviewer_cannot_review_a_claim_not_assigned_to_them(reviewer_client):
    claim = ClaimFactory()
    response = reviewer_client.post(REVIEW_ADD, review_form(claim=claim.pk))
    assert response.status_code == 200
    assert "claim" in response.context["adminform"].form.errors
    assert not Review.objects.exists()


def test_a_reviewer_edits_their_own_draft(reviewer_client, reviewer, assigned):
    review = draft(assigned, reviewer)
    response = reviewer_client.post(review_url(review), review_form(review, rating="outdated"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    review.refresh_from_db()
    assert review.rating == "outdated"


def test_a_reviewer_cannot_change_another_reviewers_review(reviewer_client, editor, assigned):
    other = another_reviewer()
    claim_assign(claim=assigned, reviewer=other, by=editor)
    review = review_submit(review=draft(assigned, other), by=other)
    # They may read it (disagreement is visible), not change it.
    assert reviewer_client.get(review_url(review)).status_code == 200
    response = reviewer_client.post(review_url(review), review_form(review, rating="unsupported"))
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.rating == "accurate"


def test_a_reviewer_does_not_see_another_reviewers_draft(reviewer_client, editor, assigned):
    other = another_reviewer()
    claim_assign(claim=assigned, reviewer=other, by=editor)
    review = draft(assigned, other)
    assert reviewer_client.get(review_url(review)).status_code == 302
    assert review not in reviewer_client.get(REVIEW_LIST).context["cl"].result_list


def test_a_reviewer_cannot_publish_on_behalf_of_another(reviewer_client, editor, assigned):
    other = another_reviewer()
    claim_assign(claim=assigned, reviewer=other, by=editor)
    review = review_submit(review=draft(assigned, other), by=other)
    response = reviewer_client.post(
        review_url(review, "workflow"), {"move": "publish", "fp": fingerprint(review)}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "submitted"
    # Nor by the bulk action.
    reviewer_client.post(
        REVIEW_LIST, {"action": "publish_reviews", "_selected_action": [review.pk]}
    )
    review.refresh_from_db()
    assert review.status == "submitted"


def test_a_reviewer_submits_their_own_review_and_is_offered_no_publish(
    reviewer_client, reviewer, assigned
):
    review = draft(assigned, reviewer, rating="overstated")
    page = reviewer_client.get(review_url(review)).content.decode()
    assert 'value="submit"' in page and 'value="publish"' not in page
    reviewer_client.post(
        review_url(review, "workflow"), {"move": "submit", "fp": fingerprint(review)}
    )
    review.refresh_from_db()
    assert review.status == "submitted"
    page = reviewer_client.get(review_url(review)).content.decode()
    assert 'value="publish"' not in page
    # Asking anyway changes nothing: editors publish.
    reviewer_client.post(
        review_url(review, "workflow"), {"move": "publish", "fp": fingerprint(review)}
    )
    reviewer_client.post(
        REVIEW_LIST, {"action": "publish_reviews", "_selected_action": [review.pk]}
    )
    review.refresh_from_db()
    assigned.refresh_from_db()
    assert (review.status, assigned.verdict) == ("submitted", "")


def test_a_workflow_step_with_unsaved_edits_is_refused(reviewer_client, reviewer, assigned):
    review = draft(assigned, reviewer)
    data = {"move": "submit", "fp": fingerprint(review), **review_form(rating="unsupported")}
    reviewer_client.post(review_url(review, "workflow"), data)
    review.refresh_from_db()
    assert (review.status, review.rating) == ("draft", "accurate")


def test_a_published_review_is_read_only_and_offers_a_superseding_review(
    reviewer_client, reviewer, assigned
):
    review = signed_off(draft(assigned, reviewer))
    page = reviewer_client.get(review_url(review))
    assert not page.context["has_change_permission"]
    assert f"?claim={assigned.pk}&amp;supersedes={review.pk}" in page.content.decode()
    response = reviewer_client.post(review_url(review), review_form(review, rating="unsupported"))
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.rating == "accurate"


def test_a_superseding_review_is_written_and_published_and_the_old_one_kept(
    reviewer_client, editor_client, reviewer, assigned
):
    old = signed_off(draft(assigned, reviewer, rating="accurate"))
    response = reviewer_client.post(
        REVIEW_ADD, review_form(claim=assigned.pk, rating="outdated", supersedes=old.pk)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    new = Review.objects.get(supersedes=old)
    reviewer_client.post(review_url(new, "workflow"), {"move": "submit", "fp": fingerprint(new)})
    new.refresh_from_db()
    editor_client.post(review_url(new, "workflow"), {"move": "publish", "fp": fingerprint(new)})
    old.refresh_from_db()
    assigned.refresh_from_db()
    assert (old.status, old.rating, assigned.verdict) == ("published", "accurate", "outdated")
    history = reviewer_client.get(review_url(old, "history"))
    assert history.status_code == 200


def test_an_editor_reads_reviews_but_cannot_write_them(editor_client, reviewer, assigned):
    review = draft(assigned, reviewer)
    assert editor_client.get(review_url(review)).status_code == 200
    assert editor_client.get(REVIEW_ADD).status_code == 403
    response = editor_client.post(review_url(review), review_form(review, rating="unsupported"))
    assert response.status_code == 403


def test_an_editor_publishes_a_submitted_review(editor_client, reviewer, assigned):
    review = review_submit(review=draft(assigned, reviewer), by=reviewer)
    editor_client.post(
        review_url(review, "workflow"), {"move": "publish", "fp": fingerprint(review)}
    )
    review.refresh_from_db()
    assert review.status == "published"


def test_an_editor_assigns_claims_to_a_reviewer_in_bulk(editor_client, reviewer):
    claims = ClaimFactory.create_batch(2)
    response = editor_client.post(CLAIM_LIST, {
        "action": "assign_to_reviewer", "reviewer": reviewer.pk,
        "_selected_action": [c.pk for c in claims],
    })  # fmt: skip
    assert response.status_code == 302
    assert ReviewAssignment.objects.filter(reviewer=reviewer).count() == 2


def test_a_reviewer_cannot_assign_or_decide_claims(reviewer_client, reviewer, assigned):
    actions = dict(reviewer_client.get(CLAIM_LIST).context["action_form"].fields["action"].choices)
    assert set(actions) == {"", "export_csv"}
    response = reviewer_client.post(
        reverse("admin:claims_claim_triage", args=[assigned.pk]),
        {"decision": "rejected", f"fp-{assigned.pk}": fingerprint(assigned)},
    )
    assert response.status_code == 403
    assigned.refresh_from_db()
    assert assigned.status == Claim.Status.CONFIRMED


def test_a_reviewer_sees_only_their_own_assignments(reviewer_client, reviewer, editor, assigned):
    claim_assign(claim=ClaimFactory(), reviewer=another_reviewer(), by=editor)
    response = reviewer_client.get(reverse("admin:reviews_reviewassignment_changelist"))
    assert [a.reviewer for a in response.context["cl"].result_list] == [reviewer]
    assert reviewer_client.get(reverse("admin:reviews_reviewassignment_add")).status_code == 403


def test_an_editor_assigns_a_claim_on_the_assignment_page(editor_client, editor, reviewer):
    claim = ClaimFactory()
    response = editor_client.post(
        reverse("admin:reviews_reviewassignment_add"), {"claim": claim.pk, "reviewer": reviewer.pk}
    )
    assert response.status_code == 302
    assert ReviewAssignment.objects.get().assigned_by == editor


def test_disagreeing_reviewers_are_shown_on_the_claim(editor_client, editor, reviewer, assigned):
    other = another_reviewer("b-reviewer")
    claim_assign(claim=assigned, reviewer=other, by=editor)
    signed_off(draft(assigned, reviewer, "accurate"))
    review_submit(review=draft(assigned, other, "overstated"), by=other)
    page = editor_client.get(reverse("admin:claims_claim_change", args=[assigned.pk]))
    html = page.content.decode()
    assert "Reviewers disagree" in html
    assert "b-reviewer: overstated (submitted)" in html
    assert "reviewers disagree" in editor_client.get(CLAIM_LIST).content.decode()


def test_an_anonymous_visitor_cannot_reach_reviews(client):
    for url in (REVIEW_LIST, REVIEW_ADD, reverse("admin:index")):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]


def test_history_pages_are_read_only_and_scoped_to_what_a_reviewer_sees(reviewer_client, assigned):
    other = ClaimFactory()
    other.subject = "changed"
    other.save()
    version = other.history.earliest()
    assert (
        reviewer_client.get(reverse("admin:claims_claim_history", args=[other.pk])).status_code
        == 404
    )
    version_url = reverse("admin:claims_claim_simple_history", args=[other.pk, version.pk])
    assert reviewer_client.get(version_url).status_code == 404
    # Saving a past version back is refused, even for an editor's own claim list.
    response = reviewer_client.post(version_url, {"subject": "reverted by a reviewer"})
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.subject == "changed"
    own_history = reverse("admin:claims_claim_history", args=[assigned.pk])
    assert reviewer_client.get(own_history).status_code == 200


def test_a_past_version_is_never_saved_back_by_an_editor(editor_client):
    claim = ClaimFactory()
    version = claim.history.earliest()
    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, version.pk])
    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, {"subject": "reverted"}).status_code == 403


def test_published_evidence_is_shown_as_links(reviewer_client, reviewer, assigned):
    review = review_create(claim=assigned, reviewer=reviewer, rating="accurate",
                           rationale="Ok.", evidence=["https://un.org/report"])  # fmt: skip
    signed_off(review)
    html = reviewer_client.get(review_url(review)).content.decode()
    assert '<a href="https://un.org/report" rel="noopener noreferrer nofollow">' in html
