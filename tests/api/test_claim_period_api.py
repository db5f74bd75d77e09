"""A claim's period through the API: stored, read back, and bad periods refused by field."""

import datetime

import pytest

from claims.models import Claim
from tests.api.test_write_api import claim_payload, post
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_a_cumulative_total_keeps_its_start_and_reads_back(editor_client):
    payload = claim_payload(
        ArticleFactory(),
        period_kind="cumulative",
        period_start="2014-06-01",
        as_of_start="2016-11-20",
        as_of_end="2016-11-20",
    )
    response = post(editor_client, "/api/claims/", payload)
    assert response.status_code == 201, response.json()
    claim = Claim.objects.get()
    assert claim.period_start == datetime.date(2014, 6, 1)
    body = editor_client.get(f"/api/claims/{claim.pk}/").json()
    assert body["period_kind"] == "cumulative"
    assert body["period_start"] == "2014-06-01"
    assert body["period_days"] is None


def test_the_claim_list_shows_a_count_per_week(editor_client):
    ClaimFactory(period_kind="per_period", period_days=7)
    row = editor_client.get("/api/claims/").json()["results"][0]
    assert (row["period_kind"], row["period_days"]) == ("per_period", 7)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"period_kind": "weekly"}, "period_kind", "is not a valid choice"),
        ({"period_kind": "level", "period_days": 7}, "period_days", "only for a count per"),
        ({"period_days": 7}, "period_days", "only for a count per period"),
        ({"period_kind": "per_period", "period_days": 0}, "period_days", "1 or more"),
        ({"period_kind": "per_period", "period_days": -3}, "period_days", "greater than"),
        ({"period_kind": "level", "period_start": "2014-06-01"}, "period_start", "cumulative"),
        (
            {
                "period_kind": "cumulative",
                "period_start": "2025-01-01",
                "as_of_start": "2024-03-04",
                "as_of_end": "2024-03-04",
            },
            "period_start",
            "must not be after as_of_end",
        ),
        ({"period_start": "June 2014"}, "period_start", "Date has wrong format"),
    ],
)
def test_bad_periods_are_refused_naming_the_field(editor_client, overrides, field, message):
    response = post(editor_client, "/api/claims/", claim_payload(ArticleFactory(), **overrides))
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert not Claim.objects.exists()
