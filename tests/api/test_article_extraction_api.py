"""The article resource says where the extraction of its claims stands (claims' own record)."""

import pytest

from claims.models import ArticleExtraction
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_each_article_says_where_its_extraction_stands(superuser_client):
    never = ArticleFactory()
    waiting = ArticleFactory()
    ArticleExtraction.objects.create(article=waiting, status="waiting")
    rows = superuser_client.get("/api/articles/").json()["results"]
    assert {row["id"]: row["extraction_status"] for row in rows} == {
        never.pk: "not_requested",
        waiting.pk: "waiting",
    }


@pytest.mark.parametrize("status", ["waiting", "not_requested"])
def test_the_article_list_filters_by_extraction_status(superuser_client, status):
    never = ArticleFactory()
    waiting = ArticleFactory()
    ArticleExtraction.objects.create(article=waiting, status="waiting")
    rows = superuser_client.get(f"/api/articles/?extraction_status={status}").json()["results"]
    assert [row["id"] for row in rows] == [waiting.pk if status == "waiting" else never.pk]


def test_an_unknown_extraction_status_is_a_400_naming_the_filter(superuser_client):
    response = superuser_client.get("/api/articles/?extraction_status=lost")
    assert response.status_code == 400
    assert "extraction_status" in response.json()
