"""Finding 10 (report runs): a run started while the task queue is down is not failed for
good; it waits, queued, and is sent again once the queue is back."""

from unittest import mock

import pytest
from kombu.exceptions import OperationalError

from claims.models import ReportRun
from claims.tasks import conflict_report_run, report_runs_waiting
from fixtures.services import seed_load

pytestmark = pytest.mark.django_db


def test_a_run_started_with_the_queue_down_waits_and_runs_once_it_is_back(
    editor_client, django_capture_on_commit_callbacks, settings, tmp_path, tasks_in_process
):
    settings.MEDIA_ROOT = tmp_path
    seed_load()
    down = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    # Injects the outage: the queue refuses the task.
    with mock.patch.object(conflict_report_run, "apply_async", side_effect=down):
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                "/api/report-runs/", {"format": "csv"}, content_type="application/json"
            )
        assert response.status_code == 202
        run = ReportRun.objects.get(pk=response.json()["id"])
        assert run.status == "queued" and "unreachable" in run.error
        assert report_runs_waiting() == 0  # still down: it keeps waiting
    run.refresh_from_db()
    assert run.status == "queued"
    assert report_runs_waiting() == 1  # the queue is back
    run.refresh_from_db()
    assert (run.status, run.error) == ("done", "")
    assert report_runs_waiting() == 0  # sent once, not again
