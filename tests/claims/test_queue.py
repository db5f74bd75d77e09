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

from claims.models import ArticleExtraction, Claim
from claims.reports import build
from claims.reports import render as render_module
from claims.tasks import extract_waiting
from claims_project.celery import app as celery_app
from sources.models import Article
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory

ROOT = Path(__file__).resolve().parents[2]


def extraction_status(article: Article) -> str | None:
    return (
        ArticleExtraction.objects.filter(article=article).values_list("status", flat=True).first()
    )


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
    assert wait_for(lambda: extraction_status(article) == "done")
    claim = Claim.objects.get(article=article)
    assert (claim.figure, claim.value_low, claim.qualifier) == ("3,500", 3500.0, "more_than")


def test_the_periodic_task_picks_up_articles_that_waited(worker, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    call_command("import_articles", str(story), "--no-extract", stdout=StringIO())
    article = Article.objects.get()
    # As left by an import while the broker was down.
    ArticleExtraction.objects.create(article=article, status="waiting")
    extract_waiting.delay()
    assert wait_for(lambda: extraction_status(article) == "done")
    assert Claim.objects.filter(article=article, status="candidate").count() == 1


def test_a_whole_csv_report_is_built_by_the_worker_as_a_group_joined_in_order(worker, monkeypatch):
    monkeypatch.setattr(build, "METRIC_BATCH", 1)
    for n in range(3):
        metric = MetricFactory(comparability_days=365)
        for value in (1_000 + n, 9_000):
            article = ArticleFactory(body=f"Officials said {value:,} people left town {n}.")
            ClaimFactory(
                article=article, metric=metric, quote=article.body, figure=f"{value:,}",
                start=article.body.index(f"{value:,}"),
                end=article.body.index(f"{value:,}") + len(f"{value:,}"),
                value_low=value, value_high=value, status="confirmed",
            )  # fmt: skip
    sent = []

    class SpiedGroup(render_module.group):
        def apply_async(self, *args, **kwargs):
            sent.append(len(self.tasks))
            return super().apply_async(*args, **kwargs)

    monkeypatch.setattr(render_module, "group", SpiedGroup)
    before = set(Path(settings.CLAIMS_REPORT_PARTS_DIR).glob("report-*"))
    grouped = "".join(render_module.render("csv", build.metric_reports()))
    assert sent == [3]  # one group of three batches went to the worker
    # The worker wrote the parts to files; once joined they are gone.
    assert set(Path(settings.CLAIMS_REPORT_PARTS_DIR).glob("report-*")) == before
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True  # the same report built here, batch by batch
    try:
        alone = "".join(render_module.render("csv", build.metric_reports()))
    finally:
        celery_app.conf.task_always_eager = previous
    assert grouped == alone
