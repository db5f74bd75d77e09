"""Finding 2: no lost updates. Every unsafe method of one resource needs If-Match (428 without
it), and a write changes only the fields it names, on the row locked and read afresh."""

import json

import pytest
from django.test import Client

from claims.models import Claim, Metric
from claims.services import claim_update
from claims_project.concurrency import record_update
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MetricFactory,
    OutletFactory,
    ReviewFactory,
    SpeakerFactory,
)
from tests.reliability.concurrency import needs_postgres, run_at_once


def _writes(reviewer):
    review = ReviewFactory(reviewer=reviewer)
    return [
        ("patch", f"/api/outlets/{OutletFactory().pk}/", {"name": "Renamed"}),
        ("put", f"/api/speakers/{SpeakerFactory().pk}/",
         {"name": "Renamed", "slug": "renamed", "kind": "person"}),
        ("patch", f"/api/metrics/{MetricFactory().pk}/", {"scope": "Iraq"}),
        ("patch", f"/api/claims/{ClaimFactory().pk}/", {"subject": "militants"}),
        ("patch", f"/api/articles/{ArticleFactory().pk}/", {"title": "A new headline"}),
        ("patch", f"/api/reviews/{review.pk}/", {"rating": "overstated"}),
        ("post", f"/api/reviews/{review.pk}/submit/", {}),
    ]  # fmt: skip


@pytest.mark.django_db
def test_every_single_resource_write_without_if_match_is_428_and_changes_nothing(
    editor_client, reviewer, reviewer_client
):
    for method, url, body in _writes(reviewer):
        client = reviewer_client if "/reviews/" in url else editor_client
        before = client.get(url.replace("submit/", "")).json()
        response = getattr(client, method)(url, json.dumps(body), content_type="application/json")
        assert response.status_code == 428, (url, response.content)
        assert "If-Match" in response.json()["detail"]
        assert client.get(url.replace("submit/", "")).json() == before


@pytest.mark.django_db
def test_a_delete_without_if_match_is_428_and_keeps_the_claim(superuser_client):
    claim = ClaimFactory()
    response = superuser_client.delete(f"/api/claims/{claim.pk}/")
    assert response.status_code == 428
    assert Claim.objects.filter(pk=claim.pk).exists()


@pytest.mark.django_db
def test_if_match_star_names_no_version_and_is_refused(editor_client):
    url = f"/api/metrics/{MetricFactory().pk}/"
    response = editor_client.patch(
        url, json.dumps({"scope": "Iraq"}), content_type="application/json",
        headers={"If-Match": "*"},
    )  # fmt: skip
    assert response.status_code == 428


@pytest.mark.django_db
def test_a_put_built_from_an_old_read_does_not_overwrite_a_newer_edit(editor_client):
    metric = MetricFactory(scope="")
    url = f"/api/metrics/{metric.pk}/"
    old = editor_client.get(url)
    newer = editor_client.patch(
        url, json.dumps({"scope": "Iraq"}), content_type="application/json",
        headers={"If-Match": old["ETag"]},
    )  # fmt: skip
    assert newer.status_code == 200
    stale_put = editor_client.put(
        url, json.dumps({**old.json(), "description": "rewritten"}),
        content_type="application/json", headers={"If-Match": old["ETag"]},
    )  # fmt: skip
    assert stale_put.status_code == 412
    metric.refresh_from_db()
    assert (metric.scope, metric.description) == ("Iraq", "")


@pytest.mark.django_db
def test_a_claim_change_from_a_stale_instance_keeps_other_fields_changed_meanwhile():
    claim = ClaimFactory(subject="fighters", scope="")
    stale = Claim.objects.get(pk=claim.pk)
    Claim.objects.filter(pk=claim.pk).update(subject="militants")  # someone else, meanwhile
    claim_update(claim=stale, scope="Iraq")
    claim.refresh_from_db()
    assert (claim.subject, claim.scope) == ("militants", "Iraq")


@pytest.mark.django_db
def test_a_record_update_writes_only_the_fields_it_names():
    metric = MetricFactory(scope="", description="")
    Metric.objects.filter(pk=metric.pk).update(description="written meanwhile")
    record_update(model=Metric, pk=metric.pk, expected=None, fields={"scope": "Iraq"})
    metric.refresh_from_db()
    assert (metric.scope, metric.description) == ("Iraq", "written meanwhile")


@pytest.mark.django_db
def test_the_schema_documents_if_match_and_its_answers(client):
    schema = client.get("/api/schema/?format=json").json()
    writes = [("/api/claims/{id}/", "patch"), ("/api/metrics/{id}/", "put"),
              ("/api/claims/{id}/", "delete"), ("/api/reviews/{id}/publish/", "post")]  # fmt: skip
    for path, method in writes:
        operation = schema["paths"][path][method]
        headers = [p for p in operation["parameters"] if p["in"] == "header"]
        assert [(p["name"], p["required"]) for p in headers] == [("If-Match", True)]
        assert {"412", "428"} <= set(operation["responses"])
    assert "If-Match" not in json.dumps(schema["paths"]["/api/claims/"]["post"])


# Races with real threads on PostgreSQL


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_claim_changes_of_different_fields_both_stay():
    for _ in range(10):
        claim = ClaimFactory(subject="fighters", scope="")
        stale_one, stale_two = Claim.objects.get(pk=claim.pk), Claim.objects.get(pk=claim.pk)
        results = run_at_once(
            lambda s=stale_one: claim_update(claim=s, subject="militants"),
            lambda s=stale_two: claim_update(claim=s, scope="Iraq"),
        )
        assert not [r for r in results if isinstance(r, Exception)], results
        claim.refresh_from_db()
        assert (claim.subject, claim.scope) == ("militants", "Iraq")


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_patches_with_one_etag_give_one_winner_and_lose_nothing(editor):
    for _ in range(10):
        metric = MetricFactory(scope="", description="")
        url = f"/api/metrics/{metric.pk}/"
        clients = [Client(), Client()]
        for client in clients:
            client.force_login(editor)
        etag = clients[0].get(url)["ETag"]

        def change(client, field, value, url=url, etag=etag):
            return client.patch(
                url, json.dumps({field: value}), content_type="application/json",
                headers={"If-Match": etag},
            ).status_code  # fmt: skip

        codes = run_at_once(
            lambda one=clients[0]: change(one, "scope", "Iraq"),
            lambda two=clients[1]: change(two, "description", "Fighters in Iraq"),
        )
        assert sorted(codes) == [200, 412]
        metric.refresh_from_db()
        won = "scope" if codes[0] == 200 else "description"
        assert (metric.scope != "", metric.description != "") == (
            won == "scope",
            won == "description",
        )
