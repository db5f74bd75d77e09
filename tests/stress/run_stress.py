"""A bounded stress run on PostgreSQL: concurrent mixed writes against gunicorn on loopback.

    DATABASE_URL=postgres://USER@127.0.0.1:5432/claims_stress python -m tests.stress.run_stress

The database named must be one for this run alone (its name contains "stress"): it is dropped
and made again. The app is started with gunicorn (2 workers x 4 threads) on 127.0.0.1, then a
few hundred requests run at once from 16 client threads, in well under a minute:

- PATCHes with If-Match: each of four writers changes one field of its own on shared metrics and
  speakers, reading the ETag again after a 412; every field must end with its writer's value;
- imports: groups of ten simultaneous imports of one new article naming one new outlet; each
  group must store one article and one outlet;
- publishes: two reviews of one claim published at once; the claim's verdict must be the latest
  published review's.

It counts lost updates, duplicates, server errors (5xx) and wrong verdicts, prints them, and
exits 1 when any is not zero (2 when it cannot run).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("STRESS_PORT", "8847"))
BASE = f"http://127.0.0.1:{PORT}"
CLIENTS = 16
METRICS = SPEAKERS = 20
IMPORT_GROUPS, IMPORTS_PER_GROUP = 6, 10
CLAIMS_PUBLISHED = 30
WRITERS = {"metrics": ("scope", "description"), "speakers": ("role", "affiliation")}

status_codes: Counter = Counter()


def fail(message: str) -> None:
    print(f"stress: {message}", file=sys.stderr)
    sys.exit(2)


def fresh_database(url: str) -> None:
    import psycopg

    name = urlparse(url).path.lstrip("/")
    if "stress" not in name:
        fail(f"DATABASE_URL must name a database for this run alone (with 'stress'), not {name!r}")
    admin = urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def request(method: str, path: str, token: str, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    sent = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={**sent, **(headers or {})})  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            code, text, etag = response.status, response.read(), response.headers.get("ETag")
    except urllib.error.HTTPError as exc:
        code, text, etag = exc.code, exc.read(), exc.headers.get("ETag")
    except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
        # No answer at all counts with the server errors: the client lost its write.
        print(f"stress: {method} {path}: no answer ({exc})", file=sys.stderr)
        code, text, etag = 599, b"", None
    status_codes[code] += 1
    return code, (json.loads(text) if text and text[:1] in b"[{" else None), etag


def prepare() -> dict:
    """Rows the run works on, written directly, and the users' tokens."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from rest_framework.authtoken.models import Token

    from claims.models import Claim, Metric, Speaker
    from reviews.models import Review
    from reviews.services import claim_assign
    from sources.models import Article

    users = get_user_model().objects
    editor = users.create_user("stress-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewers = []
    for n in range(2):
        reviewer = users.create_user(f"stress-reviewer-{n}", is_staff=True)
        reviewer.groups.add(Group.objects.get(name="Reviewers"))
        reviewers.append(reviewer)
    metrics = [Metric.objects.create(name=f"Stress metric {n}", slug=f"stress-metric-{n}",
                                     canonical_unit="count", kind="level")
               for n in range(METRICS)]  # fmt: skip
    speakers = [Speaker.objects.create(name=f"Stress speaker {n}", slug=f"stress-speaker-{n}")
                for n in range(SPEAKERS)]  # fmt: skip
    text = "About 3,000 families had fled the town, officials said."
    claims, reviews = [], []
    for n in range(CLAIMS_PUBLISHED):
        article = Article.objects.create(
            title=f"Stress {n}", body=f"Stress story {n}.\n{text}\n", content_hash=f"stress-{n}"
        )
        start = article.body.index("3,000")
        claim = Claim.objects.create(
            article=article, quote=text, figure="3,000", start=start, end=start + 5,
            value_low=3000, value_high=3000, unit="count", subject="families", status="confirmed",
        )  # fmt: skip
        claims.append(claim.pk)
        for reviewer, rating in zip(reviewers, ("accurate", "overstated"), strict=True):
            claim_assign(claim=claim, reviewer=reviewer, by=editor)
            # Submitted by its reviewer; an editor publishes it (nobody publishes their own).
            review = Review.objects.create(
                claim=claim,
                reviewer=reviewer,
                rating=rating,
                rationale="Checked in the table.",
                status=Review.Status.SUBMITTED,
            )
            reviews.append((review.pk, reviewer.pk))
    tokens = {user.pk: Token.objects.create(user=user).key for user in [editor, *reviewers]}
    return {"editor": tokens[editor.pk], "tokens": tokens, "claims": claims, "reviews": reviews,
            "metrics": [m.pk for m in metrics], "speakers": [s.pk for s in speakers]}  # fmt: skip


def patch_until_done(token: str, resource: str, pk: int, field: str, value: str):
    """A careful writer: read the ETag, PATCH with If-Match, read again after a 412."""
    for _ in range(20):
        code, _, etag = request("GET", f"/api/{resource}/{pk}/", token)
        if code != 200:
            return None
        code, _, _ = request("PATCH", f"/api/{resource}/{pk}/", token, {field: value},
                             {"If-Match": etag})  # fmt: skip
        if code == 200:
            return (resource, pk, field, value)
        if code != 412:
            return None
    return None


def import_one(token: str, group: int):
    body = {"body": f"Stress import {group}.\nAbout 120 homes were damaged, officials said.\n",
            "outlet": f"Stress Outlet {group}", "extract": False}  # fmt: skip
    return request("POST", "/api/articles/import/", token, body)[0]


def publish(token: str, review_id: int):
    code, _, etag = request("GET", f"/api/reviews/{review_id}/", token)
    if code != 200:
        return code
    return request("POST", f"/api/reviews/{review_id}/publish/", token, {}, {"If-Match": etag})[0]


def run_load(setup: dict) -> list:
    editor = setup["editor"]
    jobs = []
    for resource, fields in WRITERS.items():
        for pk in setup[resource]:
            for field in fields:
                jobs.append(
                    (patch_until_done, editor, resource, pk, field, f"{field} {pk} by stress")
                )
    jobs += [
        (import_one, editor, g) for g in range(IMPORT_GROUPS) for _ in range(IMPORTS_PER_GROUP)
    ]
    jobs += [(publish, editor, review) for review, _author in setup["reviews"]]
    # Interleaved, so that writes, imports and publishes overlap.
    jobs = jobs[0::3] + jobs[1::3] + jobs[2::3]
    with ThreadPoolExecutor(CLIENTS) as pool:
        return list(pool.map(lambda job: job[0](*job[1:]), jobs))


def count_problems(setup: dict, results: list) -> dict:
    from claims.models import Claim, Metric, Speaker
    from reviews.models import Review
    from sources.models import Article, Outlet

    models = {"metrics": Metric, "speakers": Speaker}
    written = [r for r in results if isinstance(r, tuple)]
    expected_writes = sum(len(setup[r]) * len(f) for r, f in WRITERS.items())
    lost = expected_writes - len(written)  # a writer that never got its 200 lost its change
    for resource, pk, field, value in written:
        if getattr(models[resource].objects.get(pk=pk), field) != value:
            lost += 1
    duplicates = 0
    for group in range(IMPORT_GROUPS):
        duplicates += Article.objects.filter(title__startswith=f"Stress import {group}").count() - 1
        duplicates += Outlet.objects.filter(name=f"Stress Outlet {group}").count() - 1
    wrong = 0
    for claim in Claim.objects.filter(pk__in=setup["claims"]):
        latest = Review.objects.filter(claim=claim, status="published").order_by(
            "-published_at", "-id").first()  # fmt: skip
        if latest is None or claim.verdict != latest.rating:
            wrong += 1
    server_errors = sum(n for code, n in status_codes.items() if code >= 500)  # 599: no answer
    return {"lost updates": lost, "duplicates": duplicates, "5xx": server_errors,
            "wrong verdicts": wrong}  # fmt: skip


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        fail("needs DATABASE_URL on PostgreSQL")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")
    # The app and this script share the database and nothing else: tasks in-process, limits off.
    env = {
        k: v for k, v in os.environ.items() if k not in {"CELERY_BROKER_URL", "DJANGO_CACHE_URL"}
    }
    env.update(API_THROTTLE_ANON="1000000/minute", API_THROTTLE_USER="1000000/minute")
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.pop("DJANGO_CACHE_URL", None)
    fresh_database(url)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    setup = prepare()
    gunicorn = Path(python).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "claims_project.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", "2",
         "--threads", "4", "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{BASE}/api/", timeout=15)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        else:
            fail("gunicorn did not start")
        started = time.monotonic()
        results = run_load(setup)
        seconds = time.monotonic() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    problems = count_problems(setup, results)
    requests = sum(status_codes.values())
    print(f"stress: {requests} requests from {CLIENTS} clients in {seconds:.1f} s; "
          f"status codes {dict(sorted(status_codes.items()))}")  # fmt: skip
    print("stress: " + ", ".join(f"{name} {n}" for name, n in problems.items()))
    if seconds > 60:
        print("stress: took longer than a minute", file=sys.stderr)
        return 1
    return 1 if any(problems.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
