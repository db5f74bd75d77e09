"""Finding 6: get-or-create that survives a concurrent insert. Ten imports at once of one
article (same body, or same URL), with a new outlet, or naming one new speaker: one row each,
the losers answered "already stored", never a server error."""

import json

import pytest
from django.test import Client

from claims.models import ArticleExtraction, ExtractionStatus, Speaker
from claims.services import article_extract
from sources.models import Article, Outlet
from tests.factories import ArticleFactory
from tests.reliability.concurrency import needs_postgres, run_at_once

pytestmark = [
    pytest.mark.postgres,
    needs_postgres,
    pytest.mark.django_db(transaction=True),
]
BODY = "Rains hit the north.\nAbout 3,000 families had fled the town, Jane Quillfeather said.\n"


def import_at_once(editor, bodies: list[dict]) -> list[tuple[int, bool | None]]:
    clients = []
    for _ in bodies:
        client = Client()
        client.force_login(editor)
        clients.append(client)

    def send(client, body):
        response = client.post(
            "/api/articles/import/", json.dumps({"extract": False, **body}),
            content_type="application/json",
        )  # fmt: skip
        return response.status_code, response.json().get("created")

    return run_at_once(*[lambda c=c, b=b: send(c, b) for c, b in zip(clients, bodies, strict=True)])


def test_ten_imports_of_one_body_with_a_new_outlet_store_one_of_each(editor):
    answers = import_at_once(editor, [{"body": BODY, "outlet": "Brand New Outlet"}] * 10)
    assert sorted(answers) == [(200, False)] * 9 + [(201, True)]
    assert Article.objects.count() == 1
    assert list(Outlet.objects.values_list("name", flat=True)) == ["Brand New Outlet"]


def test_ten_imports_of_one_url_with_different_bodies_store_one_article(editor):
    bodies = [
        {"body": f"Version {n}.\n{BODY}", "url": "https://news.example.org/one-story"}
        for n in range(10)
    ]
    answers = import_at_once(editor, bodies)
    assert sorted(answers) == [(200, False)] * 9 + [(201, True)]
    assert Article.objects.count() == 1


def test_ten_extractions_naming_one_new_speaker_all_end_done():
    articles = [ArticleFactory(body=f"Story {n}.\n{BODY}") for n in range(10)]
    results = run_at_once(*[lambda a=a: article_extract(article=a) for a in articles])
    assert not [r for r in results if isinstance(r, Exception)], results
    statuses = set(ArticleExtraction.objects.values_list("status", flat=True))
    assert statuses == {ExtractionStatus.DONE}
    assert ArticleExtraction.objects.count() == len(articles)
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Jane Quillfeather"]
