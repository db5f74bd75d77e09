import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reviews.models import Review
from reviews.services import claim_verdict_refresh, review_publish
from tests.factories import ClaimFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_publishing_a_review_sets_the_claims_current_verdict():
    review = ReviewFactory(rating="overstated")
    review_publish(review=review)
    review.claim.refresh_from_db()
    assert review.claim.verdict == "overstated"
    assert review.status == Review.Status.PUBLISHED and review.published_at is not None


def test_the_latest_published_review_is_the_current_verdict():
    claim = ClaimFactory()
    earlier = timezone.now() - datetime.timedelta(days=3)
    ReviewFactory(claim=claim, rating="accurate", status="published", published_at=earlier)
    review_publish(review=ReviewFactory(claim=claim, rating="outdated"))
    claim.refresh_from_db()
    assert claim.verdict == "outdated"


def test_drafts_do_not_change_the_verdict():
    claim = ClaimFactory()
    ReviewFactory(claim=claim, rating="unsupported")
    claim_verdict_refresh(claim=claim)
    claim.refresh_from_db()
    assert claim.verdict == ""


def test_evidence_must_be_a_list_of_web_links():
    review = ReviewFactory.build(claim=ClaimFactory(), reviewer=ReviewFactory().reviewer,
                                 evidence=["https://un.org/report", "not a link"])  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        review.full_clean()
    assert "item 2 is not an http(s) URL" in caught.value.message_dict["evidence"][0]


def test_an_unknown_rating_is_refused_naming_the_rating():
    review = ReviewFactory.build(claim=ClaimFactory(), reviewer=ReviewFactory().reviewer,
                                 rating="pants_on_fire")  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        review.full_clean()
    assert "rating" in caught.value.message_dict
