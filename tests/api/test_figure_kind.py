"""Durations and ages: stored typed by extraction, filtered in the API, hidden from triage."""

import pytest
from django.contrib.auth.models import User

from claims.services import article_extract
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

BODY = "A court handed the colonel a 10-year sentence on Monday. Police said 14 people were hurt."


def _kinds(article) -> dict[str, str]:
    return dict(article.claims.values_list("figure", "figure_kind"))


def test_extraction_stores_a_duration_as_a_duration_and_a_count_as_a_quantity():
    article = ArticleFactory(body=BODY)
    article_extract(article=article)
    assert _kinds(article) == {"10": "duration", "14": "quantity"}
    assert article.claims.get(figure="10").unit == "year"


def test_the_api_shows_the_kind_and_filters_by_it(client):
    ClaimFactory(figure_kind="age")
    quantity = ClaimFactory()
    rows = client.get("/api/claims/?figure_kind=quantity").json()["results"]
    assert [(r["id"], r["figure_kind"]) for r in rows] == [(quantity.pk, "quantity")]
    detail = client.get(f"/api/claims/{quantity.pk}/").json()
    assert detail["figure_kind"] == "quantity"


def test_an_unknown_kind_is_a_400_naming_the_parameter(client):
    response = client.get("/api/claims/?figure_kind=weight")
    assert response.status_code == 400
    assert "figure_kind" in response.json()


def test_the_schema_documents_the_kind_and_its_filter(client):
    schema = client.get("/api/schema/?format=json").json()
    claim = schema["components"]["schemas"]["Claim"]["properties"]["figure_kind"]
    assert "duration" in claim["description"] and claim["readOnly"]
    parameters = {p["name"] for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    assert "figure_kind" in parameters


def test_the_triage_queue_hides_durations_and_ages_until_asked(client):
    user = User.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    age = ClaimFactory(figure_kind="age", status="candidate", subject="boy")
    duration = ClaimFactory(figure_kind="duration", status="candidate", subject="siege")
    count = ClaimFactory(status="candidate", subject="fighters")
    vague = ClaimFactory(figure_kind="vague", status="candidate", subject="homes")

    def listed(query: str) -> set[int]:
        response = client.get(f"/admin/claims/claim/?status__exact=candidate{query}")
        assert response.status_code == 200
        return set(response.context["cl"].result_list.values_list("pk", flat=True))

    assert listed("") == {count.pk, vague.pk}
    assert listed("&figure_kind=age") == {age.pk}
    assert listed("&figure_kind=all") == {age.pk, duration.pk, count.pk, vague.pk}
    page = client.get("/admin/claims/claim/?status__exact=candidate").content.decode()
    assert "Figure kind" in page and "Duration" in page


def test_the_home_page_counts_the_triage_queue_as_it_lists_it(client):
    user = User.objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    ClaimFactory(figure_kind="duration", status="candidate")
    ClaimFactory(figure_kind="age", status="candidate")
    ClaimFactory(figure_kind="vague", status="candidate")
    ClaimFactory(status="candidate")
    page = client.get("/admin/").content.decode()
    assert '<span class="count" data-queue="candidates">2</span>' in page
