"""Finding 5: two reviews of one claim published at once; the claim's current verdict is the
latest published review's, whatever order the two transactions commit in."""

import pytest

from claims.models import Claim
from reviews.models import Review
from reviews.services import review_publish
from tests.factories import ClaimFactory, ReviewFactory, UserFactory
from tests.reliability.concurrency import needs_postgres, run_at_once


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_reviews_published_at_once_leave_the_latest_ones_verdict():
    wrong = []
    for attempt in range(20):
        claim = ClaimFactory()
        reviews = [
            ReviewFactory(claim=claim, reviewer=UserFactory(), rating=rating)
            for rating in ("accurate", "overstated")
        ]
        results = run_at_once(*[lambda r=r: review_publish(review=r) for r in reviews])
        assert not [r for r in results if isinstance(r, Exception)], results
        latest = Review.objects.filter(claim=claim).order_by("-published_at", "-id").first()
        if Claim.objects.get(pk=claim.pk).verdict != latest.rating:
            wrong.append(attempt)
    assert wrong == []
