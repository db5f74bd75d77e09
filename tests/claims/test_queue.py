"""The queue path end to end: a real Redis broker and a real Celery worker process.

Runs where CI runs the suite against PostgreSQL and Redis (DATABASE_URL and CELERY_BROKER_URL
set); the worker is a separate process that reads and writes the same test database.
"""

import os
import subprocess
import sys
import time
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from claims.models import Claim
from claims.tasks import extract_waiting
from claims_project.celery import app as celery_app
from sources.models import Article

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.queue,
    pytest.mark.skipif(
        not (settings.BROKER_CONFIGURED and os.environ.get("DATABASE_URL")),
        reason="needs CELERY_BROKER_URL (Redis) and DATABASE_URL (PostgreSQL)",
    ),
]

STORY = """Flood damage assessed
April 2, 2024
More than 3,500 homes were damaged by the floods, the civil defence agency said on Monday.
"""


def wait_for(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


@pytest.fixture
def worker(transactional_db):
    """A Celery worker on its own queue, pointed at this test run's database."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": url, "CELERY_QUEUE": queue}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "claims_project", "worker", "--pool=solo",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-Q", queue,
         "-n", f"{queue}@localhost", "--loglevel=WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    try:
        ready = wait_for(
            lambda: bool(celery_app.control.ping(destination=[f"{queue}@localhost"], timeout=0.5))
        )
        assert ready, "the Celery worker did not start"
        yield process
    finally:
        celery_app.conf.task_default_queue = previous
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_an_import_is_extracted_by_a_real_worker(worker, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = StringIO()
    call_command("import_articles", str(story), stdout=out)
    assert "extraction queued for 1 article(s)" in out.getvalue()
    article = Article.objects.get()
    assert wait_for(lambda: Article.objects.get(pk=article.pk).extraction_status == "done")
    claim = Claim.objects.get(article=article)
    assert (claim.figure, claim.value_low, claim.qualifier) == ("3,500", 3500.0, "more_than")


def test_the_periodic_task_picks_up_articles_that_waited(worker, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    call_command("import_articles", str(story), "--no-extract", stdout=StringIO())
    article = Article.objects.get()
    # As left by an import while the broker was down.
    Article.objects.filter(pk=article.pk).update(extraction_status="waiting")
    extract_waiting.delay()
    assert wait_for(lambda: Article.objects.get(pk=article.pk).extraction_status == "done")
    assert Claim.objects.filter(article=article, status="candidate").count() == 1
