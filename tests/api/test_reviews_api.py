"""Reviews over the API: reviewers write and submit their own, editors publish them, and a
published one is never edited."""

import json

import pytest
from django.test import Client

from claims.models import Claim
from reviews.models import Review
from reviews.services import claim_assign
from tests.api.test_write_api import etag_of, patch
from tests.factories import ClaimFactory, ReviewFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db


def post(client, url, data=None, **headers):
    """POST; a state change of one review carries the review's ETag, as a careful client's."""
    if url.endswith(("/submit/", "/publish/", "/withdraw/")) and "If-Match" not in headers:
        headers["If-Match"] = etag_of(client, url.rsplit("/", 2)[0] + "/")
    return client.post(url, json.dumps(data or {}), content_type="application/json",
                       headers=headers)  # fmt: skip


@pytest.fixture
def assigned_claim(editor, reviewer):
    claim = ClaimFactory(speaker=SpeakerFactory(name="Jane Roe"))
    claim_assign(claim=claim, reviewer=reviewer, by=editor)
    return claim


def draft(client, claim, rating="overstated", **extra) -> dict:
    response = post(client, "/api/reviews/", {
        "claim": claim.pk, "rating": rating, "evidence": ["https://data.example.org/table"],
        "rationale": "The ministry's own table gives a lower figure for that week.", **extra,
    })  # fmt: skip
    assert response.status_code == 201, response.content
    return response.json()


def sign_off(reviewer_client, editor_client, review_id: int) -> None:
    """The reviewer submits, an editor publishes."""
    assert post(reviewer_client, f"/api/reviews/{review_id}/submit/").status_code == 200
    assert post(editor_client, f"/api/reviews/{review_id}/publish/").status_code == 200


def test_a_reviewer_drafts_and_submits_and_an_editor_publishes_a_verdict(
    reviewer_client, editor_client, assigned_claim
):
    review = draft(reviewer_client, assigned_claim)
    assert review["status"] == "draft"
    assert post(reviewer_client, f"/api/reviews/{review['id']}/submit/").json()["status"] == (
        "submitted"
    )
    refused = post(reviewer_client, f"/api/reviews/{review['id']}/publish/")
    assert refused.status_code == 403
    assigned_claim.refresh_from_db()
    assert assigned_claim.verdict == ""
    published = post(editor_client, f"/api/reviews/{review['id']}/publish/")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assigned_claim.refresh_from_db()
    assert assigned_claim.verdict == "overstated"


def test_a_published_review_is_never_edited_but_superseded(
    reviewer_client, editor_client, assigned_claim
):
    first = draft(reviewer_client, assigned_claim)
    sign_off(reviewer_client, editor_client, first["id"])
    refused = patch(reviewer_client, f"/api/reviews/{first['id']}/", {"rating": "accurate"})
    assert refused.status_code == 400 and "status" in refused.json()
    second = draft(reviewer_client, assigned_claim, rating="accurate", supersedes=first["id"])
    sign_off(reviewer_client, editor_client, second["id"])
    assigned_claim.refresh_from_db()
    assert assigned_claim.verdict == "accurate"
    old = Review.objects.get(pk=first["id"])
    assert (old.rating, old.status) == ("overstated", "published")


def test_a_reviewer_cannot_touch_another_reviewers_review(client, assigned_claim, reviewer):
    other = UserFactory(username="someone-else")
    review = ReviewFactory(claim=assigned_claim, reviewer=reviewer)
    other.groups.add(*reviewer.groups.all())
    client.force_login(other)
    # Another reviewer's draft is not even visible to them: 404, as for a record that is not there.
    url = f"/api/reviews/{review.pk}/"
    assert patch(client, url, {"rating": "accurate"}, If_Match='"x"').status_code == 404
    assert post(client, f"{url}publish/", If_Match='"x"').status_code == 404
    review.refresh_from_db()
    assert (review.rating, review.status) == ("accurate", "draft")


def test_a_reviewer_cannot_review_a_claim_not_assigned_to_them(reviewer_client):
    response = post(reviewer_client, "/api/reviews/", {
        "claim": ClaimFactory().pk, "rating": "accurate", "rationale": "Checked.",
    })  # fmt: skip
    assert response.status_code in (400, 403)
    assert not Review.objects.exists()


def test_editors_and_anonymous_users_cannot_write_reviews(editor_client, assigned_claim):
    payload = {"claim": assigned_claim.pk, "rating": "accurate", "rationale": "Checked."}
    assert post(editor_client, "/api/reviews/", payload).status_code == 403
    assert post(Client(), "/api/reviews/", payload).status_code == 401
    assert not Review.objects.exists()


def test_a_stale_if_match_on_a_review_gets_412(reviewer_client, assigned_claim):
    review = draft(reviewer_client, assigned_claim)
    url = f"/api/reviews/{review['id']}/"
    etag = reviewer_client.get(url)["ETag"]
    assert (
        patch(reviewer_client, url, {"rationale": "Better reasons."}, If_Match=etag).status_code
        == 200
    )
    assert (
        patch(reviewer_client, url, {"rationale": "Lost update."}, If_Match=etag).status_code == 412
    )
    assert Review.objects.get(pk=review["id"]).rationale == "Better reasons."


def test_a_bad_review_is_refused_naming_the_field(reviewer_client, assigned_claim):
    response = post(reviewer_client, "/api/reviews/", {
        "claim": assigned_claim.pk, "rating": "pants_on_fire", "rationale": "",
        "evidence": ["not a link"],
    })  # fmt: skip
    assert response.status_code == 400
    assert {"rating", "rationale", "evidence"} <= set(response.json())
    assert not Review.objects.exists()


def test_reviews_have_no_put_or_delete(reviewer_client, assigned_claim):
    review = draft(reviewer_client, assigned_claim)
    url = f"/api/reviews/{review['id']}/"
    assert reviewer_client.put(url, "{}", content_type="application/json").status_code == 405
    assert reviewer_client.delete(url).status_code in (403, 405)
    assert Review.objects.filter(pk=review["id"]).exists()


def test_a_published_review_is_served_as_claimreview_json_ld(
    reviewer_client, editor_client, assigned_claim
):
    review = draft(reviewer_client, assigned_claim)
    sign_off(reviewer_client, editor_client, review["id"])
    document = Client().get(f"/api/reviews/{review['id']}/claimreview/").json()
    assert document["@type"] == "ClaimReview"
    assert document["reviewRating"]["alternateName"] == "Overstated"
    assert document["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Roe"}
    feed = Client().get("/api/claimreviews/").json()
    assert [item["url"].rsplit("/", 2)[-2] for item in feed["@graph"]] == [str(review["id"])]


def test_a_draft_has_no_claimreview(reviewer_client, assigned_claim):
    review = draft(reviewer_client, assigned_claim)
    assert Client().get(f"/api/reviews/{review['id']}/claimreview/").status_code == 404


def test_an_editor_imports_a_claimreview_document(editor_client):
    document = {
        "@context": "https://schema.org", "@type": "ClaimReview",
        "url": "https://factcheck.example.org/reviews/1",
        "datePublished": "2024-03-01",
        "claimReviewed": "About 40,000 people displaced by the floods",
        "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1,
                         "alternateName": "Roughly right"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization",
                                                      "name": "Civil Defence"},
                         "appearance": [{"@type": "NewsArticle", "headline": "Floods displace "
                                         "thousands", "url": "https://news.example.org/floods"}]},
    }  # fmt: skip
    response = post(editor_client, "/api/claimreviews/import/", document)
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert (claim.figure, claim.verdict) == ("40,000", "roughly_right")


def test_a_bad_claimreview_document_is_a_400_naming_the_field(editor_client):
    response = post(editor_client, "/api/claimreviews/import/", {"@type": "Review"})
    assert response.status_code == 400
    assert not Claim.objects.exists()


def test_reviewers_cannot_import_claimreview_documents(reviewer_client):
    response = post(reviewer_client, "/api/claimreviews/import/", {"@type": "ClaimReview"})
    assert response.status_code == 403


def test_a_claimreview_of_a_malformed_id_is_a_404():
    assert Client().get("/api/reviews/null,null/claimreview/").status_code == 404
