"""POST /api/claims/bulk/: related rows loaded once per request, errors by item, all or none."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from sources.models import Article
from tests.api.test_write_api import claim_payload
from tests.factories import ArticleFactory, MetricFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

URL = "/api/claims/bulk/"


def post(client, data) -> object:
    return client.post(URL, json.dumps(data), content_type="application/json")


def counted_articles(number: int, per_article: int) -> list[Article]:
    """Articles whose bodies state ``per_article`` figures each, one per sentence."""
    return [
        ArticleFactory(
            body="\n".join(f"Report {a}-{n} counted {1000 + n} people." for n in range(per_article))
            + "\n"
        )
        for a in range(number)
    ]


def counted_items(count: int) -> list[dict]:
    """``count`` valid claims spread over three articles, two speakers and two metrics."""
    articles = counted_articles(3, count // 3 + 1)
    speakers, metrics = SpeakerFactory.create_batch(2), MetricFactory.create_batch(2)
    items = []
    for index in range(count):
        article, n = articles[index % 3], index // 3
        quote = f"Report {index % 3}-{n} counted {1000 + n} people."
        start = article.body.index(quote) + quote.index(str(1000 + n))
        items.append({
            "article": article.pk, "quote": quote, "figure": str(1000 + n),
            "start": start, "end": start + 4, "value_low": 1000 + n, "value_high": 1000 + n,
            "unit": "count", "subject": "people", "speaker": speakers[index % 2].pk,
            "metric": metrics[index % 2].pk,
        })  # fmt: skip
    return items


def errors_by_index(response) -> dict[int, dict]:
    return {item["index"]: item["errors"] for item in response.json()["errors"]}


@pytest.mark.parametrize("field", ["article", "speaker", "metric"])
def test_an_unknown_related_id_is_reported_at_its_item_naming_the_field(editor_client, field):
    article = ArticleFactory()
    items = [claim_payload(article), {**claim_payload(article), field: 999999}]
    response = post(editor_client, items)
    assert response.status_code == 400
    assert errors_by_index(response) == {
        1: {field: ['Invalid pk "999999" - object does not exist.']}
    }
    assert not Claim.objects.exists()


@pytest.mark.parametrize("huge", [2**70, -(2**66)])
def test_an_id_past_64_bits_is_an_unknown_id_not_a_server_error(editor_client, huge):
    article = ArticleFactory()
    items = [claim_payload(article), {**claim_payload(article), "article": huge, "metric": huge}]
    response = post(editor_client, items)
    assert response.status_code == 400
    assert set(errors_by_index(response)[1]) == {"article", "metric"}
    assert not Claim.objects.exists()


def test_an_unknown_id_gets_the_same_message_as_a_single_claim(editor_client):
    payload = claim_payload(ArticleFactory(), speaker=999999)
    single = editor_client.post("/api/claims/", json.dumps(payload), "application/json")
    bulk = post(editor_client, [payload])
    assert errors_by_index(bulk)[0]["speaker"] == single.json()["speaker"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # Text that is not digits is a slug: metrics may be named by slug.
        ("twelve", 'no metric has the slug "twelve".'),
        (True, "Incorrect type. Expected pk value, received bool."),
        ([1], "Incorrect type. Expected pk value, received list."),
    ],
)
def test_a_related_id_that_is_no_key_is_refused_naming_its_type(editor_client, value, message):
    response = post(editor_client, [claim_payload(ArticleFactory(), metric=value)])
    assert errors_by_index(response) == {0: {"metric": [message]}}


def test_a_related_id_given_as_a_string_of_digits_is_accepted(editor_client):
    article, speaker = ArticleFactory(), SpeakerFactory()
    response = post(editor_client, [claim_payload(article, speaker=str(speaker.pk))])
    assert response.status_code == 201, response.content
    assert response.json()[0]["speaker"]["id"] == speaker.pk


def test_a_mix_of_valid_and_invalid_items_stores_nothing(editor_client):
    items = counted_items(6)
    items[1]["metric"] = 999999  # unknown row
    items[3]["value_low"] = 5000  # above value_high: the model's rule
    items[4]["article"] = None  # missing
    response = post(editor_client, items)
    assert response.status_code == 400
    errors = errors_by_index(response)
    assert set(errors) == {1, 3, 4}
    assert "metric" in errors[1]
    assert "value_low" in errors[3]
    assert "article" in errors[4]
    assert not Claim.objects.exists()
    assert not Claim.history.exists()


def test_an_item_that_is_no_object_is_reported_at_its_index(editor_client):
    response = post(editor_client, [claim_payload(ArticleFactory()), "a claim"])
    assert response.status_code == 400
    assert list(errors_by_index(response)) == [1]
    assert "non_field_errors" in errors_by_index(response)[1]
    assert not Claim.objects.exists()


def test_the_queries_of_a_bulk_request_do_not_grow_with_its_items(editor_client):
    reads, inserts = [], []
    for size in (10, 200):
        items = counted_items(size)
        with CaptureQueriesContext(connection) as queries:
            response = post(editor_client, items)
        assert response.status_code == 201, response.content
        statements = [query["sql"].split(None, 1)[0].upper() for query in queries]
        reads.append(len([word for word in statements if word != "INSERT"]))
        inserts.append(statements.count("INSERT"))
    assert reads[0] == reads[1]
    # Claims and history rows are inserted in the database's batches: one statement per table
    # on PostgreSQL, batches of its parameter limit on SQLite.
    if connection.vendor == "postgresql":
        assert inserts == [2, 2]
    else:
        assert inserts[1] <= 200 // 10


def test_a_refused_request_checks_its_valid_items_without_a_query_per_item(editor_client):
    reads = []
    for size in (10, 200):
        items = counted_items(size)
        items[0]["speaker"] = 999999
        with CaptureQueriesContext(connection) as queries:
            response = post(editor_client, items)
        assert list(errors_by_index(response)) == [0]
        reads.append(len([q for q in queries if not q["sql"].upper().startswith("INSERT")]))
    assert reads[0] == reads[1]
    assert not Claim.objects.exists()


def test_a_refused_request_also_names_the_items_the_database_would_refuse(editor_client):
    article = ArticleFactory()
    items = [claim_payload(article, speaker=999999), claim_payload(article), claim_payload(article)]
    response = post(editor_client, items)
    errors = errors_by_index(response)
    assert set(errors) == {0, 2}
    assert "already has a claim at these offsets" in json.dumps(errors[2])
    assert not Claim.objects.exists()


def test_the_answer_rows_are_the_stored_claims_as_the_api_reads_them(editor_client):
    response = post(editor_client, counted_items(5))
    assert response.status_code == 201, response.content
    rows = response.json()
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    for row in rows:
        assert editor_client.get(f"/api/claims/{row['id']}/").json() == row
