"""Finding 8: rate limits on a shared store, on every endpoint, token and session alike; sign-in
attempts limited (django-axes) on admin's and the browsable API's login."""

import json
import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle

from tests.factories import ClaimFactory, MetricFactory

pytestmark = pytest.mark.django_db


def test_the_conflict_report_is_throttled_like_every_endpoint(client, monkeypatch):
    cache.delete("throttle_anon_127.0.0.1")
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    codes = [client.get("/api/reports/conflicts.csv").status_code for _ in range(4)]
    cache.delete("throttle_anon_127.0.0.1")
    assert codes == [200, 200, 200, 429]


def test_an_editors_token_gets_candidates_in_the_report_as_their_session_does(editor):
    ClaimFactory(status="candidate", metric=MetricFactory(name="Candidates only"))
    token = Token.objects.create(user=editor)
    by_token = Client().get(
        "/api/reports/conflicts.json?include_candidates=1",
        headers={"Authorization": f"Token {token.key}"},
    )
    session = Client()
    session.force_login(editor)
    by_session = session.get("/api/reports/conflicts.json?include_candidates=1")
    assert by_token.status_code == by_session.status_code == 200
    token_body = json.loads(b"".join(by_token.streaming_content))
    session_body = json.loads(b"".join(by_session.streaming_content))
    assert [m["name"] for m in token_body["metrics"]] == ["Candidates only"]
    assert token_body["metrics"] == session_body["metrics"]


def test_anonymous_readers_still_get_no_candidates():
    response = Client().get("/api/reports/conflicts.json?include_candidates=1")
    assert response.status_code == 400 and "include_candidates" in response.json()


def _cache_backend(**env) -> str:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'claims_project.settings';"
        "django.setup(); from django.conf import settings;"
        "print(settings.CACHES['default']['BACKEND'])"
    )
    clean = {
        k: v for k, v in os.environ.items() if k not in {"CELERY_BROKER_URL", "DJANGO_CACHE_URL"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True,
        check=True, timeout=60,
    )  # fmt: skip
    return result.stdout.strip()


def test_with_redis_configured_the_throttles_count_in_redis_shared_by_every_process():
    assert _cache_backend(CELERY_BROKER_URL="redis://127.0.0.1:6379/4").endswith("RedisCache")
    assert _cache_backend(DJANGO_CACHE_URL="redis://127.0.0.1:6379/5").endswith("RedisCache")
    assert _cache_backend().endswith("LocMemCache")


@pytest.mark.parametrize("url", ["/admin/login/", "/api-auth/login/"])
def test_repeated_wrong_passwords_lock_the_sign_in(editor, url, settings):
    client = Client()
    wrong = {"username": editor.username, "password": "not-the-password"}
    codes = [client.post(url, wrong).status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert 429 not in codes[:-1]  # wrong passwords are answered with the form again ...
    right = {"username": editor.username, "password": "a-long-test-password"}
    locked = client.post(url, right)  # ... until the limit: then even the right one is refused
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_signs_in(editor):
    client = Client()
    client.post("/admin/login/", {"username": editor.username, "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": editor.username, "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
