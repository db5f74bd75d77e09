"""Writing through the API: roles, no lost updates, all-or-nothing bulk, field-level errors."""

import json

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.throttling import AnonRateThrottle

from claims.models import Claim, Metric, Speaker
from sources.models import Article
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MetricFactory,
    OutletFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

QUOTE = "Officials said on Monday that 3,000 to 5,000 fighters remain in the area."


def claim_payload(article: Article, **overrides) -> dict:
    payload = {
        "article": article.pk, "quote": QUOTE, "figure": "3,000 to 5,000",
        "value_low": 3000, "value_high": 5000, "qualifier": "exact", "unit": "count",
        "subject": "fighters", "status": "candidate",
    }  # fmt: skip
    payload.update(overrides)
    return payload


def post(client, url: str, data) -> object:
    return client.post(url, json.dumps(data), content_type="application/json")


def etag_of(client, url: str) -> str:
    """The record's ETag as ``client`` reads it (a made-up one when it cannot read it)."""
    return client.get(url).headers.get("ETag", '"not-readable"')


def patch(client, url: str, data, **headers) -> object:
    """PATCH as a careful client does: with the ETag it has just read unless one is given."""
    if not {"If_Match", "If-Match"} & set(headers):
        headers["If-Match"] = etag_of(client, url)
    return client.patch(url, json.dumps(data), content_type="application/json", headers=headers)


def delete(client, url: str) -> object:
    return client.delete(url, headers={"If-Match": etag_of(client, url)})


# The permission matrix: each role against each resource and method.

RESOURCES = {
    "outlets": (OutletFactory, {"name": "New Outlet", "slug": "new-outlet"}),
    "speakers": (SpeakerFactory, {"name": "Jane Roe", "slug": "jane-roe", "kind": "person"}),
    "metrics": (MetricFactory, {"name": "Displaced people", "slug": "displaced",
                                "canonical_unit": "count", "kind": "level"}),
    "claims": (ClaimFactory, None),
    "articles": (ArticleFactory, None),
}  # fmt: skip
EXPECTED = {
    # role: (list, create, change, delete)
    # Anonymous writes are "sign in first" (401 with WWW-Authenticate), not "forbidden".
    "anonymous": (200, 401, 401, 401),
    "reviewer": (200, 403, 403, 403),
    "editor": (200, 201, 200, 403),
}


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_can_do_what_its_work_needs_and_no_more(request, role, resource):
    client = Client() if role == "anonymous" else request.getfixturevalue(f"{role}_client")
    factory, payload = RESOURCES[resource]
    row = factory()
    if resource == "claims":
        payload = claim_payload(ArticleFactory())
    listed, created, changed, deleted = EXPECTED[role]
    assert client.get(f"/api/{resource}/").status_code == listed
    if payload is not None:
        assert post(client, f"/api/{resource}/", payload).status_code == created
    else:  # articles come in through /api/articles/import/
        assert post(client, f"/api/{resource}/", {}).status_code in {401, 403, 405}
    change = {"subject": "militants"} if resource == "claims" else {"name": "Renamed"}
    if resource == "articles":
        change = {"title": "A corrected headline"}
    assert patch(client, f"/api/{resource}/{row.pk}/", change).status_code == changed
    assert delete(client, f"/api/{resource}/{row.pk}/").status_code in {deleted, 405}


def test_a_superuser_may_delete_a_claim(superuser_client):
    claim = ClaimFactory()
    assert delete(superuser_client, f"/api/claims/{claim.pk}/").status_code == 204
    assert not Claim.objects.filter(pk=claim.pk).exists()


# No lost updates


def test_every_resource_read_carries_an_etag(editor_client):
    for url in (f"/api/claims/{ClaimFactory().pk}/", f"/api/metrics/{MetricFactory().pk}/",
                f"/api/speakers/{SpeakerFactory().pk}/", f"/api/outlets/{OutletFactory().pk}/",
                f"/api/articles/{ArticleFactory().pk}/"):  # fmt: skip
        response = editor_client.get(url)
        assert response.status_code == 200 and response["ETag"].startswith('"')


def test_a_write_with_a_stale_if_match_gets_412_and_changes_nothing(editor_client):
    claim = ClaimFactory()
    url = f"/api/claims/{claim.pk}/"
    first_read = editor_client.get(url)["ETag"]
    assert (
        patch(editor_client, url, {"subject": "militants"}, If_Match=first_read).status_code == 200
    )
    stale = patch(editor_client, url, {"subject": "insurgents"}, If_Match=first_read)
    assert stale.status_code == 412
    assert stale["ETag"] == editor_client.get(url)["ETag"]
    claim.refresh_from_db()
    assert claim.subject == "militants"


def test_a_delete_with_a_stale_if_match_gets_412(superuser_client):
    metric = MetricFactory()
    url = f"/api/claims/{ClaimFactory(metric=metric).pk}/"
    etag = superuser_client.get(url)["ETag"]
    patch(superuser_client, url, {"subject": "changed meanwhile"})
    assert superuser_client.delete(url, headers={"If-Match": etag}).status_code == 412
    assert Claim.objects.count() == 1


def test_a_write_with_the_current_etag_succeeds_and_returns_the_new_one(editor_client):
    url = f"/api/metrics/{MetricFactory().pk}/"
    etag = editor_client.get(url)["ETag"]
    response = patch(editor_client, url, {"scope": "Iraq"}, If_Match=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


# All-or-nothing bulk creation


def test_bulk_creation_stores_every_claim_with_its_history(editor_client, editor):
    article = ArticleFactory()
    items = [
        claim_payload(article),
        claim_payload(article, quote="About 40,000 people were displaced, according to the "
                      "ministry.", figure="40,000", value_low=40000, value_high=40000,
                      qualifier="approximate"),
    ]  # fmt: skip
    response = post(editor_client, "/api/claims/bulk/", items)
    assert response.status_code == 201, response.content
    assert [row["figure"] for row in response.json()] == ["3,000 to 5,000", "40,000"]
    assert Claim.objects.filter(article=article).count() == 2
    for claim in Claim.objects.all():
        assert [(h.history_type, h.history_user) for h in claim.history.all()] == [("+", editor)]


def test_bulk_creation_with_one_bad_item_stores_none_and_names_each_error(editor_client):
    article = ArticleFactory()
    items = [
        claim_payload(article),
        claim_payload(article, figure="9,999"),
        claim_payload(article, unit="warriors", value_low="many"),
    ]
    response = post(editor_client, "/api/claims/bulk/", items)
    assert response.status_code == 400
    errors = {item["index"]: item["errors"] for item in response.json()["errors"]}
    assert set(errors) == {1, 2}
    assert "figure" in errors[1]
    assert "value_low" in errors[2]
    assert not Claim.objects.exists()


def test_bulk_creation_refuses_two_claims_on_one_figure_and_stores_none(editor_client):
    article = ArticleFactory()
    response = post(editor_client, "/api/claims/bulk/", [claim_payload(article)] * 2)
    assert response.status_code == 400
    assert [item["index"] for item in response.json()["errors"]] == [1]
    assert not Claim.objects.exists()


# Bad input: 400 (or 413) naming the field, and the database as it was


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"value_low": 9000}, "value_low", "greater than value_high"),
        ({"unit": "warriors"}, "unit", "unknown unit"),
        ({"start": 5000, "end": 5014}, "end", "past the end of the article body"),
        ({"figure": "3,000 to 6,000"}, "figure", "not in the quote"),
        ({"as_of_start": "2024-02-30"}, "as_of_start", "Date has wrong format"),
        ({"value_high": "lots"}, "value_high", "A valid number is required"),
        ({"qualifier": "about-ish"}, "qualifier", "is not a valid choice"),
        ({"article": 999999}, "article", "does not exist"),
    ],
)
def test_bad_claims_are_refused_naming_the_field(editor_client, overrides, field, message):
    payload = {**claim_payload(ArticleFactory()), **overrides}
    response = post(editor_client, "/api/claims/", payload)
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert not Claim.objects.exists()


def test_a_change_that_breaks_a_rule_is_refused_and_the_claim_is_unchanged(editor_client):
    claim = ClaimFactory()
    response = patch(editor_client, f"/api/claims/{claim.pk}/", {"value_high": 1000})
    assert response.status_code == 400 and list(response.json()) == ["value_high"]
    claim.refresh_from_db()
    assert claim.value_high == 5000


def test_an_oversized_body_is_answered_413(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    article = ArticleFactory()
    response = post(editor_client, "/api/claims/", claim_payload(article, note="x" * 20_000))
    assert response.status_code == 413
    assert not Claim.objects.exists()


def test_a_claim_is_created_with_offsets_found_from_its_quote(editor_client):
    article = ArticleFactory()
    response = post(editor_client, "/api/claims/", claim_payload(article))
    assert response.status_code == 201, response.content
    row = response.json()
    assert article.body[row["start"] : row["end"]] == "3,000 to 5,000"
    assert Claim.objects.get().history.get().history_type == "+"


def test_speakers_and_metrics_are_validated_like_in_admin(editor_client):
    bad_metric = {"name": "X", "slug": "x", "canonical_unit": "furlongs per ox", "kind": "level"}
    response = post(editor_client, "/api/metrics/", bad_metric)
    assert response.status_code == 400 and "canonical_unit" in response.json()
    bad_speaker = {"name": "Y", "slug": "y", "kind": "person", "aliases": "not a list"}
    assert post(editor_client, "/api/speakers/", bad_speaker).status_code == 400
    assert not Metric.objects.exists() and not Speaker.objects.exists()


def test_an_article_body_cannot_be_changed_through_the_api(editor_client):
    article = ArticleFactory()
    response = patch(editor_client, f"/api/articles/{article.pk}/", {"body": "Rewritten.\n"})
    assert response.status_code == 200  # read-only fields are ignored, as DRF does
    article.refresh_from_db()
    assert article.body.startswith("Story number")


# Filters, search, ordering, export


def test_claims_filter_by_a_value_window_with_hedges(client):
    exact = ClaimFactory(value_low=3000, value_high=5000)
    article = ArticleFactory()
    start = article.body.index("40,000")
    about = ClaimFactory(
        article=article, quote="About 40,000 people were displaced, according to the ministry.",
        figure="40,000", start=start, end=start + 6, value_low=40000, value_high=40000,
        qualifier="approximate",
    )  # fmt: skip
    ids = lambda query: {r["id"] for r in client.get(f"/api/claims/?{query}").json()["results"]}  # noqa: E731
    assert ids("value_min=4000&value_max=4500") == {exact.pk}
    # "about 40,000" reaches 44,000 with the 10% tolerance.
    assert ids("value_min=43000") == {about.pk}
    assert ids("value_max=2000") == set()


def test_claims_search_their_text(client):
    wanted = ClaimFactory(subject="displaced families")
    ClaimFactory()
    found = client.get("/api/claims/?q=displaced").json()["results"]
    assert [row["id"] for row in found] == [wanted.pk]


def test_claims_filter_by_dates_and_verdict(client):
    old = ClaimFactory(as_of_start="2019-05-01", as_of_end="2019-05-01", verdict="outdated")
    ClaimFactory()
    rows = client.get("/api/claims/?as_of_before=2020-01-01&verdict=outdated").json()["results"]
    assert [row["id"] for row in rows] == [old.pk]
    published = client.get("/api/claims/?published_after=2030-01-01").json()["results"]
    assert published == []


def test_the_page_size_is_the_clients_up_to_a_bound(client):
    for _ in range(3):
        ClaimFactory()
    assert len(client.get("/api/claims/?page_size=2").json()["results"]) == 2
    assert client.get("/api/claims/?page_size=100000").status_code == 200


def test_claims_export_as_csv_streams_the_filtered_rows_without_formulas(editor_client):
    ClaimFactory(subject='=HYPERLINK("http://evil")')
    response = editor_client.get("/api/claims/export/?status=confirmed")
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    lines = body.splitlines()
    assert lines[0].startswith("id,figure,value_low,value_high")
    assert "'=HYPERLINK" in body and len(lines) == 2


def test_swagger_ui_and_redoc_are_served_without_the_internet(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/claims/" in schema.content
    for url in ("/api/docs/", "/api/redoc/"):
        html = client.get(url).content.decode()
        assert "cdn.jsdelivr" not in html and "unpkg" not in html
        assert "/static/drf_spectacular_sidecar/" in html


def test_anonymous_clients_are_throttled(client, monkeypatch):
    # Only the throttle's own key: with Redis configured the cache shares the broker's database.
    cache.delete("throttle_anon_127.0.0.1")
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    codes = [client.get("/api/outlets/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    cache.delete("throttle_anon_127.0.0.1")


def test_out_of_range_numbers_in_filters_are_a_400_not_a_crash(client):
    for query in ("article=-1.47e188", "value_min=1e400", "value_max=-1e300"):
        response = client.get(f"/api/claims/?{query}")
        assert response.status_code == 400, query
        assert query.split("=")[0] in response.json()


def test_the_value_window_is_in_the_metric_unit(client):
    metric = MetricFactory(canonical_unit="m")
    body = "The gap is 40 km wide, officials said.\n"
    article = ArticleFactory(body=body)
    in_km = ClaimFactory(
        article=article, quote=body.strip(), figure="40", start=11, end=13, value_low=40,
        value_high=40, unit="km", metric=metric,
    )  # fmt: skip
    ids = lambda query: {r["id"] for r in client.get(f"/api/claims/?{query}").json()["results"]}  # noqa: E731
    assert ids("value_min=39000&value_max=41000") == {in_km.pk}
    assert ids("value_min=100&value_max=1000") == set()
