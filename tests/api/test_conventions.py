"""The API's conventions, one test each: what a client written against the usual HTTP and REST
habits expects (304, 401, 400 naming the parameter, slugs or ids, every endpoint listed)."""

import csv
import io
import json
import re

import pytest
from django.test import Client

from claims.models import Claim
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MetricFactory,
    OutletFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def send(client, method: str, url: str, data, **headers):
    return getattr(client, method)(
        url, json.dumps(data), content_type="application/json", headers=headers
    )


# Conditional reads


@pytest.mark.parametrize("resource", ["claims", "metrics", "speakers", "outlets", "articles"])
def test_a_read_with_the_current_etag_in_if_none_match_gets_304_without_a_body(client, resource):
    factories = {"claims": ClaimFactory, "metrics": MetricFactory, "speakers": SpeakerFactory,
                 "outlets": OutletFactory, "articles": ArticleFactory}  # fmt: skip
    url = f"/api/{resource}/{factories[resource]().pk}/"
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_read_with_an_old_etag_gets_the_changed_resource(editor_client):
    metric = MetricFactory()
    url = f"/api/metrics/{metric.pk}/"
    etag = editor_client.get(url)["ETag"]
    send(editor_client, "patch", url, {"scope": "Iraq"}, If_Match=etag)
    response = editor_client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.json()["scope"] == "Iraq"


# Who may write


@pytest.mark.parametrize(
    "method,url",
    [("post", "/api/claims/"), ("post", "/api/metrics/"), ("patch", "/api/claims/{pk}/"),
     ("post", "/api/articles/import/"), ("post", "/api/reviews/")],
)  # fmt: skip
def test_an_anonymous_write_gets_401_with_www_authenticate(method, url):
    claim = ClaimFactory()
    response = send(Client(), method, url.format(pk=claim.pk), {"subject": "changed"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    claim.refresh_from_db()
    assert claim.subject == "fighters"


def test_a_signed_in_user_without_the_permission_still_gets_403(reviewer_client):
    response = send(reviewer_client, "post", "/api/metrics/", {"name": "x"})
    assert response.status_code == 403


# Filters by slug


@pytest.mark.parametrize("name", ["metric", "speaker", "outlet"])
def test_a_filter_given_a_slug_that_names_nothing_is_a_400_naming_the_parameter(client, name):
    ClaimFactory(metric=MetricFactory(), speaker=SpeakerFactory())
    response = client.get(f"/api/claims/?{name}=no-such-{name}")
    assert response.status_code == 400
    assert name in response.json()
    assert f"no-such-{name}" in response.json()[name][0]


def test_filters_by_a_known_slug_keep_only_its_claims(client):
    metric, speaker = MetricFactory(), SpeakerFactory()
    wanted = ClaimFactory(metric=metric, speaker=speaker)
    ClaimFactory(metric=MetricFactory(), speaker=SpeakerFactory())
    outlet = wanted.article.outlet.slug
    for query in (f"metric={metric.slug}", f"speaker={speaker.slug}", f"outlet={outlet}"):
        rows = client.get(f"/api/claims/?{query}").json()["results"]
        assert [row["id"] for row in rows] == [wanted.pk], query


# Writes by slug or id


def claim_payload(**related) -> dict:
    article = ArticleFactory()
    return {
        "article": article.pk, "quote": "About 40,000 people were displaced, according to the "
        "ministry.", "figure": "40,000", "value_low": 40000, "value_high": 40000,
        "qualifier": "approximate", "unit": "count", "subject": "people displaced", **related,
    }  # fmt: skip


def test_a_claim_can_be_written_with_the_metric_and_speaker_slugs(editor_client):
    metric, speaker = MetricFactory(), SpeakerFactory()
    response = send(editor_client, "post", "/api/claims/",
                    claim_payload(metric=metric.slug, speaker=speaker.slug))  # fmt: skip
    assert response.status_code == 201, response.content
    claim = Claim.objects.get(pk=response.json()["id"])
    assert (claim.metric, claim.speaker) == (metric, speaker)


def test_a_claim_can_still_be_written_with_ids(editor_client):
    metric = MetricFactory()
    response = send(editor_client, "post", "/api/claims/", claim_payload(metric=metric.pk))
    assert response.status_code == 201, response.content
    assert Claim.objects.get(pk=response.json()["id"]).metric == metric


def test_a_patch_may_name_the_metric_by_slug(editor_client):
    claim, metric = ClaimFactory(), MetricFactory()
    url = f"/api/claims/{claim.pk}/"
    etag = editor_client.get(url)["ETag"]
    response = send(editor_client, "patch", url, {"metric": metric.slug}, If_Match=etag)
    assert response.status_code == 200, response.content
    assert response.json()["metric"]["slug"] == metric.slug


def test_an_unknown_slug_in_a_write_is_a_400_naming_the_field_and_stores_nothing(editor_client):
    response = send(editor_client, "post", "/api/claims/", claim_payload(speaker="nobody-known"))
    assert response.status_code == 400
    assert "nobody-known" in response.json()["speaker"][0]
    assert not Claim.objects.exists()


def test_a_bulk_write_takes_slugs_too(editor_client):
    metric = MetricFactory()
    response = send(editor_client, "post", "/api/claims/bulk/", [claim_payload(metric=metric.slug)])
    assert response.status_code == 201, response.content
    assert response.json()[0]["metric"]["slug"] == metric.slug


def test_an_article_can_be_moved_to_an_outlet_named_by_slug(editor_client):
    article, outlet = ArticleFactory(), OutletFactory()
    url = f"/api/articles/{article.pk}/"
    etag = editor_client.get(url)["ETag"]
    response = send(editor_client, "patch", url, {"outlet_id": outlet.slug}, If_Match=etag)
    assert response.status_code == 200, response.content
    article.refresh_from_db()
    assert article.outlet == outlet


# The claim's note


def test_a_claims_note_is_read_and_written_through_the_api(editor_client):
    claim = ClaimFactory()
    url = f"/api/claims/{claim.pk}/"
    etag = editor_client.get(url)["ETag"]
    response = send(editor_client, "patch", url, {"note": "Checked with the ministry"},
                    If_Match=etag)  # fmt: skip
    assert response.status_code == 200
    assert response.json()["note"] == "Checked with the ministry"
    assert editor_client.get(url).json()["note"] == "Checked with the ministry"
    listed = editor_client.get("/api/claims/").json()["results"]
    assert listed[0]["note"] == "Checked with the ministry"


# The CSV export


def test_the_csv_export_has_each_claims_interval_in_its_metrics_unit(client):
    metric = MetricFactory(canonical_unit="count")
    ClaimFactory(metric=metric)  # exact 3,000 to 5,000: a range stands as stated
    body = b"".join(client.get("/api/claims/export/").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert (rows[0]["interval_low"], rows[0]["interval_high"]) == ("3000.0", "5000.0")
    assert rows[0]["interval_unit"] == "count"


def test_the_csv_export_applies_hedges_and_leaves_open_ends_empty(client):
    article = ArticleFactory()
    body = article.body
    start = body.index("40,000")
    ClaimFactory(article=article, quote="About 40,000 people were displaced, according to the "
                 "ministry.", figure="40,000", start=start, end=start + 6, value_low=40000,
                 value_high=40000, qualifier="approximate")  # fmt: skip
    other = ArticleFactory()
    ClaimFactory(article=other, value_low=3000, value_high=None, qualifier="at_least",
                 figure="3,000 to 5,000")  # fmt: skip
    text = b"".join(client.get("/api/claims/export/?ordering=id").streaming_content).decode()
    hedged, open_ended = csv.DictReader(io.StringIO(text))
    assert float(hedged["interval_low"]) < 40000 < float(hedged["interval_high"])
    assert (open_ended["interval_low"], open_ended["interval_high"]) == ("3000.0", "")


# Where a client finds the endpoints


def test_the_api_root_lists_every_endpoint(client):
    listed = client.get("/api/", headers={"Accept": "application/json"}).json()
    for name in ("outlets", "articles", "speakers", "metrics", "claims", "reviews",
                 "resolutions", "report-runs", "claims/export", "articles/import",
                 "claimreviews", "claimreviews/import", "reports/conflicts.json",
                 "reports/conflicts.csv", "reports/conflicts.html", "schema"):  # fmt: skip
        assert name in listed, name
    for url in listed.values():
        assert url.startswith("http://testserver/api/")


def test_every_listed_endpoint_answers_a_read(client):
    listed = client.get("/api/", headers={"Accept": "application/json"}).json()
    for name, url in listed.items():
        status = client.get(url.removeprefix("http://testserver")).status_code
        # Imports are POST only; background reports need an account.
        assert status in {200, 401, 405} if "import" in name or "runs" in name else status == 200


def test_the_conflict_report_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", headers={"Accept": "application/json"}).json()
    operation = schema["paths"]["/api/reports/conflicts.{fmt}"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"fmt", "metric", "outlet", "since", "include_candidates"} <= names
    assert {"text/csv", "text/html", "application/json"} <= set(
        operation["responses"]["200"]["content"]
    )


def test_the_conflict_report_ignores_the_accept_header(client):
    ClaimFactory(metric=MetricFactory())
    response = client.get("/api/reports/conflicts.csv", headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


def test_an_unknown_report_format_is_a_400_naming_it(client):
    response = client.get("/api/reports/conflicts.pdf")
    assert response.status_code == 400
    assert "format" in response.json()


# What a person reading the API sees


def test_the_browsable_api_pretty_prints_json(client):
    ClaimFactory()
    page = client.get("/api/claims/", headers={"Accept": "text/html"}).content.decode()
    assert re.search(r"\n {2,}&quot;results&quot;: \[", page)


def test_programs_get_compact_json(client):
    ClaimFactory()
    body = client.get("/api/claims/", headers={"Accept": "application/json"}).content
    assert b"\n" not in body


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_the_api_docs_load_nothing_from_the_internet(client, url):
    page = client.get(url).content.decode()
    assert "<script" in page
    external = re.findall(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page)
    assert external == []
    assert "fonts.googleapis" not in page and "cdn." not in page
