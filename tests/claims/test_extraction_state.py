"""Where an article's extraction stands (claims.ArticleExtraction): stale work is picked up
again, and a dead task queue costs an import no more than a short wait."""

import datetime as dt
import socket
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from claims.jobs import article_import
from claims.models import ArticleExtraction, Claim, ExtractionStatus
from claims.tasks import extract_waiting
from claims_project.celery import app as celery_app
from tests.factories import ArticleFactory

STORY = "Some 7,300 families returned to the district last month, the council said."


def extraction(article) -> ArticleExtraction:
    return ArticleExtraction.objects.get(article=article)


def left_behind(status: str, *, minutes: int) -> ArticleExtraction:
    """An extraction in ``status`` since ``minutes`` ago, as a killed process leaves it."""
    article = ArticleFactory(body=f"{STORY} ({status}, {minutes} minutes ago)")
    return ArticleExtraction.objects.create(
        article=article, status=status, changed_at=timezone.now() - dt.timedelta(minutes=minutes)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["queued", "running"])
def test_extract_waiting_picks_up_an_extraction_whose_process_died(
    status, tasks_in_process, django_capture_on_commit_callbacks
):
    stale = left_behind(status, minutes=16)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("extract_waiting", stdout=out)
    assert "queued 1 article(s) for extraction" in out.getvalue()
    assert extraction(stale.article).status == ExtractionStatus.DONE
    assert Claim.objects.filter(article=stale.article, figure="7,300").exists()


@pytest.mark.django_db
def test_extract_waiting_leaves_recent_queued_work_to_its_worker(tasks_in_process):
    recent = left_behind("queued", minutes=2)
    out = StringIO()
    call_command("extract_waiting", "--include-failed", stdout=out)
    assert "no article is waiting for extraction" in out.getvalue()
    assert extraction(recent.article).status == ExtractionStatus.QUEUED


@pytest.mark.django_db
def test_the_stale_age_is_a_setting(settings, tasks_in_process, django_capture_on_commit_callbacks):
    settings.CLAIMS_EXTRACTION_STALE_AFTER = 60
    stale = left_behind("running", minutes=2)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("extract_waiting", stdout=StringIO())
    assert extraction(stale.article).status == ExtractionStatus.DONE


@pytest.mark.django_db(transaction=True)
def test_the_periodic_task_requeues_stale_and_waiting_extractions(tasks_in_process):
    stale = left_behind("running", minutes=30)
    waiting = left_behind("waiting", minutes=0)
    done = left_behind("done", minutes=60)
    assert extract_waiting.apply().get() == 2
    assert {extraction(stale.article).status, extraction(waiting.article).status} == {"done"}
    assert not Claim.objects.filter(article=done.article).exists()


@pytest.fixture
def silent_broker():
    """A port that accepts connections and never answers: a hung broker, on loopback."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    server.close()


@pytest.fixture
def broker_at(monkeypatch):
    """Point the Celery app at a broker URL for one test, tasks no longer in-process."""
    previous = celery_app.conf.broker_url, celery_app.conf.task_always_eager

    def point(url: str) -> None:
        # Celery prefers the environment variable to its configuration.
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = url, False

    yield point
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
@pytest.mark.parametrize("broker", ["silent", "refused"])
def test_an_import_does_not_wait_on_a_dead_broker(
    broker, silent_broker, broker_at, django_capture_on_commit_callbacks
):
    broker_at(silent_broker if broker == "silent" else f"redis://127.0.0.1:{free_port()}/0")
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        result = article_import(body=STORY, title="Returns", outlet="Wire")
    took = time.monotonic() - started
    # Celery's own publish retried for 6 s (refused) and 10 s (silent) before.
    assert took < 2.0, f"the import waited {took:.1f} s on a dead broker"
    state = extraction(result.article)
    assert (state.status, result.created) == (ExtractionStatus.WAITING, True)
    assert "task queue unreachable" in state.error
