"""The read API: nested claims without N+1 queries, scoped by who asks."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from claims.claim_rows import claim_detail, claim_rows, claim_values, row_from_values
from claims.models import Claim, ConflictResolution, ReportRun
from claims.selectors import claim_list
from claims.serializers import ClaimSerializer
from claims_project.concurrency import fingerprint
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MetricFactory,
    ReviewFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "outlets", "articles", "speakers", "metrics", "claims", "reviews", "resolutions",
    "report-runs",
]  # fmt: skip


def make_rows(count: int) -> None:
    metric = MetricFactory()
    previous = None
    for _ in range(count):
        claim = ClaimFactory(article=ArticleFactory(), speaker=SpeakerFactory(), metric=metric)
        review = ReviewFactory(claim=claim, status="published", published_at=claim.created_at)
        ReportRun.objects.create(requested_by=review.reviewer, format="csv")
        if previous is not None:
            ConflictResolution.objects.create(
                claim_a=previous, claim_b=claim, kind="different_scope", resolved_by=review.reviewer
            )
        previous = claim


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("name", LISTS)
def test_each_list_runs_the_same_queries_at_page_sizes_10_and_100(superuser_client, name):
    make_rows(100)
    small = queries(superuser_client, f"/api/{name}/?page_size=10")
    large = queries(superuser_client, f"/api/{name}/?page_size=100")
    assert small == large


def test_a_claim_comes_with_its_speaker_article_outlet_metric_and_interval(client):
    claim = ClaimFactory(speaker=SpeakerFactory(name="Jane Roe"), metric=MetricFactory())
    row = client.get(f"/api/claims/{claim.pk}/").json()
    assert row["speaker"]["name"] == "Jane Roe"
    assert row["article"]["outlet"] == claim.article.outlet.name
    assert row["metric"]["slug"] == claim.metric.slug
    assert row["interval"] == {"low": 3000.0, "high": 5000.0, "unit": "count"}


def test_an_open_ended_figure_has_a_null_end(client):
    claim = ClaimFactory(qualifier="at_least", value_high=None)
    assert client.get(f"/api/claims/{claim.pk}/").json()["interval"]["high"] is None


def test_anonymous_readers_see_confirmed_claims_only(editor_client):
    confirmed = ClaimFactory()
    candidate = ClaimFactory(status=Claim.Status.CANDIDATE)
    anonymous_ids = {row["id"] for row in Client().get("/api/claims/").json()["results"]}
    editor_ids = {row["id"] for row in editor_client.get("/api/claims/").json()["results"]}
    assert anonymous_ids == {confirmed.pk}
    assert editor_ids == {confirmed.pk, candidate.pk}


def test_anonymous_readers_see_published_reviews_only(client):
    published = ReviewFactory(status="published", published_at="2024-01-01T00:00:00Z")
    ReviewFactory(status="draft")
    ids = {row["id"] for row in client.get("/api/reviews/").json()["results"]}
    assert ids == {published.pk}


def test_claims_filter_by_metric_and_status(client):
    metric = MetricFactory()
    wanted = ClaimFactory(metric=metric)
    ClaimFactory()
    rows = client.get(f"/api/claims/?metric={metric.slug}&status=confirmed").json()
    assert [row["id"] for row in rows["results"]] == [wanted.pk]


def test_a_bad_filter_value_is_answered_with_400_naming_the_field(client):
    response = client.get("/api/claims/?as_of_after=not-a-date")
    assert response.status_code == 400
    assert "as_of_after" in response.json()


def test_the_api_does_not_accept_writes_yet_from_anonymous_users(client):
    assert client.post("/api/claims/", {}).status_code in (401, 403, 405)


def test_an_editor_imports_an_article_over_the_api_and_its_claims_are_extracted(
    editor_client, django_capture_on_commit_callbacks, tasks_in_process
):
    story = {
        "title": "Returns slow",
        "body": "About 12,000 families returned last month, the migration ministry said.",
        "published": "2024-03-03",
        "outlet": "Wire",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/api/articles/import/", story, content_type="application/json"
        )
    assert response.status_code == 201, response.content
    article = response.json()
    assert (article["created"], article["outlet"]["name"]) == (True, "Wire")
    claim = Claim.objects.get(article_id=article["id"])
    assert (claim.figure, claim.qualifier, claim.status) == ("12,000", "approximate", "candidate")
    again = editor_client.post("/api/articles/import/", story, content_type="application/json")
    assert (again.status_code, again.json()["created"]) == (200, False)


def test_an_import_with_bad_fields_is_a_400_naming_them_and_stores_nothing(editor_client):
    response = editor_client.post(
        "/api/articles/import/", {"body": "", "published": "31/02/2024", "url": "not a url"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400
    assert {"body", "published", "url"} <= set(response.json())
    assert not Claim.objects.exists()


def test_anonymous_users_cannot_import(client):
    response = client.post("/api/articles/import/", {"body": "Some 30 died."})
    assert response.status_code in (401, 403)


def test_the_fast_claim_rows_equal_the_serializer_on_every_field():
    ClaimFactory(speaker=SpeakerFactory(aliases=["J. Roe"]), metric=MetricFactory(),
                 verdict="accurate", verdict_at="2024-05-01T10:00:00Z")  # fmt: skip
    ClaimFactory(qualifier="at_least", value_high=None, scope="Iraq")
    ClaimFactory(unit="warriors")  # a row that slipped past validation has no interval
    for claim in claim_list():
        assert claim_rows([claim]) == [dict(ClaimSerializer(claim).data)]
    # The list and detail read tuples, not instances: the same rows, and the same ETag.
    instances = {claim.pk: claim for claim in claim_list()}
    for values in claim_values(claim_list()):
        assert row_from_values(values) == dict(ClaimSerializer(instances[values.id]).data)
        row, found = claim_detail(values.id)
        assert [row] == claim_rows([instances[values.id]])
        assert found == fingerprint(instances[values.id])


def test_a_claim_id_that_is_not_a_number_or_not_there_is_a_404(client):
    claim = ClaimFactory(status="confirmed")
    assert client.get(f"/api/claims/{claim.pk}/").status_code == 200
    for wrong in (claim.pk + 1000, "abc", "9" * 30, "-1"):
        assert client.get(f"/api/claims/{wrong}/").status_code == 404


def test_a_candidate_claim_is_shown_to_editors_and_hidden_from_anonymous_readers(editor_client):
    candidate = ClaimFactory(status="candidate")
    assert Client().get(f"/api/claims/{candidate.pk}/").status_code == 404
    shown = editor_client.get(f"/api/claims/{candidate.pk}/")
    assert shown.status_code == 200 and shown.json()["status"] == "candidate"
