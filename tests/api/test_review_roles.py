"""Who may move a review, over the API: a reviewer writes and submits their own, an editor
publishes someone else's submitted review (a second pair of eyes), and nobody else does either."""

import json

import pytest
from django.test import Client

from reviews.models import Review
from reviews.services import claim_assign, review_create, review_submit
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "no_group", "reviewer", "editor", "superuser"]
# role: (draft a review, submit the reviewer's draft, publish it once submitted, withdraw it).
# A user in no group does not even see another reviewer's unpublished reviews: 404.
EXPECTED = {
    "anonymous": (401, 401, 401, 401),
    "no_group": (403, 404, 404, 404),
    "reviewer": (201, 200, 403, 200),
    "editor": (403, 403, 200, 200),
    "superuser": (201, 200, 200, 200),
}


def post(client, url, data=None):
    """POST as the API's clients do: a state change of one review carries its current ETag
    (If-Match), read here by someone who may see it, so that only the role decides."""
    headers = {}
    if url.endswith(("/submit/", "/publish/", "/withdraw/")):
        reader = Client()
        reader.force_login(UserFactory(is_superuser=True))
        headers["If-Match"] = reader.get(url.rsplit("/", 2)[0] + "/")["ETag"]
    return client.post(
        url, json.dumps(data or {}), content_type="application/json", headers=headers
    )


def client_for(role: str, request) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    if role == "no_group":
        client.force_login(UserFactory(username="nobody-in-particular"))
        return client
    if role == "superuser":
        client.force_login(UserFactory(username="root-test", is_superuser=True))
        return client
    return request.getfixturevalue(f"{role}_client")


@pytest.fixture
def assigned(editor, reviewer):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=reviewer, by=editor)
    return claim


def reviewers_draft(claim, reviewer) -> Review:
    return review_create(claim=claim, reviewer=reviewer, rating="overstated",
                         rationale="The ministry's table is lower.")  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_each_role_drafts_submits_publishes_and_withdraws_only_as_its_work_needs(
    request, role, assigned, reviewer
):
    client = client_for(role, request)
    drafted, submitted, published, withdrawn = EXPECTED[role]

    response = post(client, "/api/reviews/", {
        "claim": assigned.pk, "rating": "accurate", "rationale": "Checked with the ministry.",
    })  # fmt: skip
    assert response.status_code == drafted, response.content
    if response.status_code == 201:
        Review.objects.filter(pk=response.json()["id"]).delete()

    draft = reviewers_draft(assigned, reviewer)
    response = post(client, f"/api/reviews/{draft.pk}/submit/")
    assert response.status_code == submitted, response.content
    draft.refresh_from_db()
    assert draft.status == ("submitted" if submitted == 200 else "draft")

    ready = review_submit(review=reviewers_draft(assigned, reviewer), by=reviewer)
    response = post(client, f"/api/reviews/{ready.pk}/publish/")
    assert response.status_code == published, response.content
    ready.refresh_from_db()
    assigned.refresh_from_db()
    assert ready.status == ("published" if published == 200 else "submitted")
    assert assigned.verdict == ("overstated" if published == 200 else "")

    other = review_submit(review=reviewers_draft(assigned, reviewer), by=reviewer)
    response = post(client, f"/api/reviews/{other.pk}/withdraw/")
    assert response.status_code == withdrawn, response.content
    other.refresh_from_db()
    assert other.status == ("withdrawn" if withdrawn == 200 else "submitted")


def test_nobody_publishes_their_own_review_not_even_a_superuser():
    root = UserFactory(username="root-own", is_superuser=True)
    claim = ClaimFactory()
    review = review_submit(review=review_create(claim=claim, reviewer=root, rating="accurate",
                                                rationale="Mine."), by=root)  # fmt: skip
    client = Client()
    client.force_login(root)
    assert post(client, f"/api/reviews/{review.pk}/publish/").status_code == 403
    review.refresh_from_db()
    assert review.status == "submitted"
