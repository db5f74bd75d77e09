"""Finding 9: malformed input is a 400 naming the field at fault, never a server error."""

import json

import pytest
from django.test import Client

from claims.models import Claim, ReportRun
from tests.factories import ArticleFactory, ClaimFactory, OutletFactory

pytestmark = pytest.mark.django_db

QUOTE = "Officials said on Monday that 3,000 to 5,000 fighters remain in the area."


def post_raw(client, url: str, body: str):
    return client.post(url, body, content_type="application/json")


def claim_body(article, **overrides) -> dict:
    body = {
        "article": article.pk, "quote": QUOTE, "figure": "3,000 to 5,000", "value_low": 3000,
        "value_high": 5000, "qualifier": "exact", "unit": "count", "subject": "fighters",
    }  # fmt: skip
    return {**body, **overrides}


@pytest.mark.parametrize("cursor", ["cD14", "cD05OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "bz0tMQ=="])
def test_a_forged_cursor_is_a_400_on_cursor(client, cursor):
    ClaimFactory()
    response = client.get("/api/claims/", {"cursor": cursor})
    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]


def test_a_forged_cursor_on_an_ordered_list_is_a_400_on_cursor(client):
    # "p=not-a-date" under ordering by as_of_start
    response = client.get("/api/claims/", {"ordering": "as_of_start", "cursor": "cD1ub3QtYS1kYXRl"})
    assert response.status_code == 400 and list(response.json()) == ["cursor"]


@pytest.mark.parametrize(
    "url", ["/api/reports/conflicts.json", "/api/claims/", "/admin/claims/claim/"]
)
def test_a_nul_byte_in_a_query_parameter_is_a_400_naming_it(editor_client, url):
    response = editor_client.get(url, {"outlet": "Ru\x00daw", "metric": "ok"})
    assert response.status_code == 400
    assert list(response.json()) == ["outlet"]


def test_a_nul_byte_in_a_json_string_is_a_400_naming_the_field_and_stores_nothing(editor_client):
    article = ArticleFactory(body=QUOTE)
    response = post_raw(
        editor_client, "/api/claims/", json.dumps(claim_body(article, subject="fight\x00ers"))
    )
    assert response.status_code == 400
    assert list(response.json()) == ["subject"]
    assert not Claim.objects.exists()


def test_a_nul_byte_deep_in_a_claimreview_names_its_path(editor_client):
    document = {"@type": "ClaimReview", "reviewBody": "ok", "author": {"name": "Fact\x00Check"}}
    response = post_raw(editor_client, "/api/claimreviews/import/", json.dumps(document))
    assert response.status_code == 400
    assert list(response.json()) == ["author.name"]


@pytest.mark.parametrize("field", ["qualifier", "subject", "unit"])
def test_a_lone_surrogate_in_a_string_or_choice_field_is_a_400_on_that_field(editor_client, field):
    article = ArticleFactory(body=QUOTE)
    body = json.dumps(claim_body(article)).replace(
        f'"{field}": "', f'"{field}": "\\ud800', 1
    )  # a lone surrogate escape, as an attacker's client writes it
    response = post_raw(editor_client, "/api/claims/", body)
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Claim.objects.exists()


def test_json_nested_very_deep_is_a_400(editor_client):
    for depth in (100_000, 1_000):
        response = post_raw(editor_client, "/api/claims/bulk/", "[" * depth + "]" * depth)
        assert response.status_code == 400, depth
        assert "nested deeper" in json.dumps(response.json())


def test_a_bad_value_high_is_reported_under_value_high(editor_client):
    claim = ClaimFactory()
    url = f"/api/claims/{claim.pk}/"
    response = editor_client.patch(
        url, json.dumps({"value_high": 1000}), content_type="application/json",
        headers={"If-Match": editor_client.get(url)["ETag"]},
    )  # fmt: skip
    assert response.status_code == 400
    assert list(response.json()) == ["value_high"]


def test_a_bad_outlet_of_a_report_run_is_reported_under_the_field_sent(editor_client):
    OutletFactory(name="Rudaw", slug="rudaw")
    response = post_raw(
        editor_client, "/api/report-runs/", json.dumps({"format": "csv", "outlets": ["Nowhere"]})
    )
    assert response.status_code == 400
    assert list(response.json()) == ["outlets"]
    assert not ReportRun.objects.exists()


def test_well_formed_text_with_unicode_still_passes(editor_client):
    article = ArticleFactory(body=QUOTE)
    body = claim_body(article, subject="combattants — مقاتلون 🙂")
    response = post_raw(editor_client, "/api/claims/", json.dumps(body))
    assert response.status_code == 201, response.content
    assert Client().get("/api/claims/").status_code == 200
