"""Finding 4: every CSV the product makes quotes cells a spreadsheet would run as formulas, and
keeps numbers (also negative ones) numeric."""

import csv
import datetime
import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.exports import SafeCsvWriter, safe_cell
from claims.models import ReportRun
from claims.services import conflict_resolve
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MetricFactory,
    OutletFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

FORMULAS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")


@pytest.fixture
def hostile_conflict():
    """Two conflicting confirmed claims whose every free-text field starts a formula; one of
    them is a negative figure (a fall of 1.3 percent)."""
    metric = MetricFactory(name='=HYPERLINK("http://x.invalid","fall")', canonical_unit="percent")
    claims = []
    for number, (figure, low, high) in enumerate([("-1.3", -1.3, -1.3), ("20", 20, 20)]):
        text = f"Output changed by {figure} percent, a spokesman said on Monday."
        article = ArticleFactory(
            body=text + "\n",
            title=f"@SUM(A{number}) headline",
            outlet=OutletFactory(name=f"+cmd|' /C calc'!A{number}"),
        )
        start = text.index(figure)
        claims.append(ClaimFactory(
            article=article, quote=text, figure=figure, start=start, end=start + len(figure),
            value_low=low, value_high=high, unit="percent", metric=metric,
            speaker=SpeakerFactory(name=f"=cmd{number}"),
            as_of_start=datetime.date(2024, 1, 1), as_of_end=datetime.date(2024, 1, 1),
        ))  # fmt: skip
    conflict_resolve(claim_one=claims[0], claim_two=claims[1], kind="both_wrong",
                     note="=1+1 both wrong")  # fmt: skip
    return metric


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def assert_no_formula_and_numbers_kept(text: str) -> None:
    found = cells(text)
    assert "'=cmd0" in found and "'=1+1 both wrong" in found  # quoted, not dropped
    formulas = [cell for cell in found if cell.startswith(FORMULAS) and not NUMBER.fullmatch(cell)]
    assert formulas == []
    assert "-1.3" in found  # a negative number stays a number


def test_the_anonymous_conflict_report_csv_quotes_formulas(hostile_conflict):
    response = Client().get("/api/reports/conflicts.csv")
    assert response.status_code == 200
    assert_no_formula_and_numbers_kept(b"".join(response.streaming_content).decode())


def test_the_conflict_report_command_csv_quotes_formulas(hostile_conflict, tmp_path):
    out = tmp_path / "report.csv"
    call_command("conflict_report", "--format", "csv", "--output", str(out), stderr=StringIO())
    assert_no_formula_and_numbers_kept(out.read_text(encoding="utf-8"))


def test_a_report_run_download_quotes_formulas(
    hostile_conflict, editor_client, django_capture_on_commit_callbacks, settings, tmp_path,
    tasks_in_process,
):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/api/report-runs/", {"format": "csv"}, content_type="application/json"
        )
    run = ReportRun.objects.get(pk=response.json()["id"])
    download = editor_client.get(f"/api/report-runs/{run.pk}/download/")
    assert_no_formula_and_numbers_kept(b"".join(download.streaming_content).decode())


def test_the_claims_export_quotes_formulas_and_keeps_a_negative_figure_a_number(
    hostile_conflict,
):
    response = Client().get("/api/claims/export/")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(row["speaker"] for row in rows) == ["'=cmd0", "'=cmd1"]
    assert sorted(row["figure"] for row in rows) == ["-1.3", "20"]


_CELLS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=8),
    st.text(alphabet="=+-@\t\r1.e5 aX", max_size=6),  # formula starts and signed numbers
)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(_CELLS, max_size=6), max_size=5))
def test_the_writer_writes_every_cell_as_safe_cell_says(rows):
    # The writer tests only text cells, and only on their first character; what it writes must
    # be what passing every cell through safe_cell would write, for any mix of cells.
    fast, slow = io.StringIO(), io.StringIO()
    SafeCsvWriter(fast).writerows(rows)
    plain = csv.writer(slow)
    for row in rows:
        plain.writerow([safe_cell(value) for value in row])
    assert fast.getvalue() == slow.getvalue()
    for cell in cells(fast.getvalue()):
        if cell.startswith(FORMULAS):
            float(cell)  # only a number may start like a formula
