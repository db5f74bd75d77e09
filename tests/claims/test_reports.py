"""Diff reports: every figure of a metric side by side, with conflicts and changes over time."""

import csv
import datetime
import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.exports import SafeCsvWriter
from claims.models import Claim, ConflictResolution, Metric, ReportRun
from claims.reports import build
from claims.reports import render as render_module
from claims.reports.build import ReportFilter, metric_reports
from claims.reports.metric_report import MetricReport, ReportClaim, ReportFinding
from claims.reports.render import render, render_csv
from claims.services import conflict_resolve
from fixtures.services import seed_load
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory, OutletFactory

pytestmark = pytest.mark.django_db

FIGHTERS = "isis-fighters-iraq-syria"


def add_figure(metric: Metric, text: str, figure: str, low: float, high: float, as_of, **extra):
    """A confirmed claim on ``figure`` in a new article whose body is ``text``."""
    article = ArticleFactory(body=text + "\n", **extra.pop("article", {}))
    start = text.index(figure)
    return ClaimFactory(
        article=article, quote=text, figure=figure, start=start, end=start + len(figure),
        value_low=low, value_high=high, metric=metric, as_of_start=as_of, as_of_end=as_of,
        **extra,
    )  # fmt: skip


def fighters_report():
    return next(metric_reports(ReportFilter(metric=FIGHTERS)))


def test_the_two_isis_fighter_estimates_are_a_change_over_time_of_about_four_times():
    seed_load()
    report = fighters_report()
    assert [c.figure for c in report.claims] == ["14- to 18,000", "3,000 to 5,000"]
    [finding] = report.findings
    assert finding.kind == "change"
    assert finding.ratio == pytest.approx(4.0)
    assert "different_period" in finding.causes


def test_twenty_thousand_in_february_2020_conflicts_with_the_2020_range():
    seed_load()
    metric = Metric.objects.get(slug=FIGHTERS)
    added = add_figure(
        metric, "An Iraqi official put the number at 20,000.", "20,000", 20_000, 20_000,
        datetime.date(2020, 2, 10),
    )  # fmt: skip
    report = fighters_report()
    jeffrey = Claim.objects.get(figure="14- to 18,000")
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    assert [(f.older_id, f.newer_id) for f in conflicts] == [(jeffrey.pk, added.pk)]
    assert report.summary.open_conflicts == 1


def test_a_resolved_conflict_is_shown_with_its_resolution_and_no_longer_counted_open(editor):
    metric = MetricFactory(comparability_days=365)
    day = datetime.date(2024, 3, 1)
    one = add_figure(metric, "Police said 1,200 marched.", "1,200", 1200, 1200, day)
    two = add_figure(metric, "Organisers said 5,600 marched.", "5,600", 5600, 5600, day)
    conflict_resolve(claim_one=two, claim_two=one, kind="source_a_wrong", note="crowd count",
                     user=editor)  # fmt: skip
    report = next(metric_reports(ReportFilter(metric=metric.slug)))
    [finding] = report.findings
    assert (finding.resolved, finding.resolution_kind) == (True, "source_a_wrong")
    assert report.summary.open_conflicts == 0
    resolution = ConflictResolution.objects.get()
    assert (resolution.claim_a_id, resolution.claim_b_id) == (one.pk, two.pk)
    assert resolution.resolved_by == editor


def test_claims_of_different_metrics_are_never_compared():
    day = datetime.date(2024, 3, 1)
    add_figure(MetricFactory(), "A count of 1,200 was given.", "1,200", 1200, 1200, day)
    add_figure(MetricFactory(), "A count of 5,600 was given.", "5,600", 5600, 5600, day)
    assert all(not r.findings for r in metric_reports())


def test_candidates_are_left_out_unless_asked_for():
    metric = MetricFactory()
    day = datetime.date(2024, 3, 1)
    add_figure(metric, "Police said 1,200 marched.", "1,200", 1200, 1200, day)
    add_figure(metric, "Organisers said 5,600 marched.", "5,600", 5600, 5600, day,
               status=Claim.Status.CANDIDATE)  # fmt: skip
    plain = next(metric_reports(ReportFilter(metric=metric.slug)))
    wide = next(metric_reports(ReportFilter(metric=metric.slug, include_candidates=True)))
    assert (len(plain.claims), len(wide.claims), len(wide.findings)) == (1, 2, 1)


def test_two_outlets_are_diffed_on_the_metrics_both_report():
    a, b, c = OutletFactory(name="Alpha"), OutletFactory(name="Beta"), OutletFactory(name="Gamma")
    shared, alone = MetricFactory(slug="shared"), MetricFactory(slug="alone")
    day = datetime.date(2024, 3, 1)
    add_figure(shared, "Alpha counted 1,200 people.", "1,200", 1200, 1200, day,
               article={"outlet": a})  # fmt: skip
    add_figure(shared, "Beta counted 5,600 people.", "5,600", 5600, 5600, day,
               article={"outlet": b})  # fmt: skip
    add_figure(shared, "Gamma counted 9,900 people.", "9,900", 9900, 9900, day,
               article={"outlet": c})  # fmt: skip
    add_figure(alone, "Alpha counted 300 tents.", "300", 300, 300, day, article={"outlet": a})
    reports = list(metric_reports(ReportFilter(outlets=("Alpha", "beta"))))
    assert [r.slug for r in reports] == ["shared"]
    assert {c.outlet for c in reports[0].claims} == {"Alpha", "Beta"}
    assert len(reports[0].findings) == 1


def test_the_report_runs_the_same_queries_for_few_and_many_claims():
    def queries_for(count: int) -> int:
        Claim.objects.all().delete()
        metric = MetricFactory()
        for position in range(count):
            figure = f"1,{position:03d}"
            text = f"Story {position}/{count}: {figure} people."
            value = 1000 + position
            add_figure(metric, text, figure, value, value, datetime.date(2024, 1, 1))
        with CaptureQueriesContext(connection) as captured:
            reports = list(metric_reports())
        assert sum(len(r.claims) for r in reports) == count
        return len(captured)

    assert queries_for(5) == queries_for(60)


# The command


def report(*args: str) -> str:
    out = StringIO()
    call_command("conflict_report", *args, stdout=out)
    return out.getvalue()


def test_the_text_report_fits_in_100_columns():
    seed_load()
    text = report()
    assert "ISIS fighters in Iraq and Syria" in text
    assert "CHANGE" in text and "ratio 4.00x" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_the_json_report_has_the_documented_shape():
    seed_load()
    data = json.loads(report("--format", "json", "--metric", FIGHTERS))
    assert (data["report"], data["version"], data["filters"]["metric"]) == (
        "conflicts", 1, FIGHTERS,
    )  # fmt: skip
    [metric] = data["metrics"]
    assert set(metric) == {"slug", "name", "unit", "kind", "scope", "comparability_days",
                           "summary", "claims", "findings"}  # fmt: skip
    claim = metric["claims"][0]
    assert claim["interval"] == {"low": 14000.0, "high": 18000.0}
    assert set(claim["article"]) == {"id", "title", "url", "published"}
    assert metric["findings"][0]["kind"] == "change"


def test_the_csv_report_has_a_row_per_claim_and_per_finding(tmp_path):
    seed_load()
    out = tmp_path / "report.csv"
    call_command("conflict_report", "--format", "csv", "--output", str(out), stderr=StringIO())
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    # Every row has exactly the header's columns (DictReader files extras under None).
    assert all(None not in row and None not in row.values() for row in rows)
    fighters = [r for r in rows if r["metric"] == FIGHTERS]
    assert sorted(r["row"] for r in fighters) == ["change", "claim", "claim"]


def test_the_markdown_report_has_a_table_per_metric():
    seed_load()
    markdown = report("--format", "markdown", "--metric", FIGHTERS)
    assert "| as of | figure | interval |" in markdown
    assert "| 2024-01 | 3,000 to 5,000 | 3,000–5,000 |" in markdown


def test_the_html_report_is_one_page_with_a_chart_and_escaped_text(tmp_path):
    metric = MetricFactory(name="<script>alert(1)</script> refugees")
    day = datetime.date(2024, 3, 1)
    add_figure(metric, "Police said 1,200 marched.", "1,200", 1200, 1200, day,
               subject="<b>marchers</b>")  # fmt: skip
    add_figure(metric, "Organisers said 5,600 marched.", "5,600", 5600, 5600, day)
    out = tmp_path / "report.html"
    call_command("conflict_report", "--format", "html", "--output", str(out), stderr=StringIO())
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<svg" in html and "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; refugees" in html
    assert "<link" not in html and "src=" not in html  # self-contained


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--metric", "no-such-metric"], "--metric: no metric with slug 'no-such-metric'"),
        (["--since", "2020-02-30"], "--since: '2020-02-30' is not a"),
        (["--format", "pdf"], "--format: unknown format 'pdf'"),
        (["--outlet", "Nowhere"], "--outlet: no outlet called 'Nowhere'"),
    ],
)
def test_bad_options_end_with_one_clear_line(args, message):
    with pytest.raises(CommandError) as caught:
        report(*args)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


# The API


def test_the_api_returns_a_metric_report_as_json():
    seed_load()
    metric = Metric.objects.get(slug=FIGHTERS)
    data = Client().get(f"/api/metrics/{metric.pk}/report/").json()
    assert data["slug"] == FIGHTERS and data["findings"][0]["kind"] == "change"


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("json", "application/json"), ("csv", "text/csv"), ("html", "text/html")],
)
def test_the_api_streams_the_whole_report(fmt, content_type):
    seed_load()
    response = Client().get(f"/api/reports/conflicts.{fmt}")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith(content_type)
    assert "isis-fighters-iraq-syria" in b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("since=yesterday", "since"),
        ("metric=nope", "metric"),
        ("include_candidates=1", "include_candidates"),
    ],
)
def test_bad_report_parameters_are_answered_with_400_naming_the_field(query, field):
    response = Client().get(f"/api/reports/conflicts.json?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_an_unknown_report_format_is_a_400():
    assert Client().get("/api/reports/conflicts.pdf").status_code == 400


def test_a_whole_database_report_runs_as_a_task_with_progress_and_a_download(
    editor_client, django_capture_on_commit_callbacks, settings, tmp_path, tasks_in_process
):
    settings.MEDIA_ROOT = tmp_path
    seed_load()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/api/report-runs/", {"format": "csv"}, content_type="application/json"
        )
    assert response.status_code == 202
    run = ReportRun.objects.get(pk=response.json()["id"])
    assert (run.status, run.progress) == ("done", 1.0)
    assert run.metrics_total == Metric.objects.count()
    status = editor_client.get(f"/api/report-runs/{run.pk}/").json()
    assert status["status"] == "done" and status["download"].endswith("/download/")
    download = editor_client.get(f"/api/report-runs/{run.pk}/download/")
    body = b"".join(download.streaming_content).decode()
    assert body.startswith("metric,metric_name,unit,row,")


def test_report_runs_need_a_signed_in_user():
    assert Client().post("/api/report-runs/", {"format": "csv"}).status_code in (401, 403)


def test_a_report_run_with_a_bad_filter_is_refused_and_not_stored(editor_client):
    response = editor_client.post(
        "/api/report-runs/", {"format": "csv", "metric": "nope"}, content_type="application/json"
    )
    assert response.status_code == 400 and "metric" in response.json()
    assert not ReportRun.objects.exists()


# Admin


def test_the_metric_admin_page_shows_the_diff_table_and_chart(editor_client):
    seed_load()
    metric = Metric.objects.get(slug=FIGHTERS)
    html = editor_client.get(reverse("admin:claims_metric_change", args=[metric.pk])).content
    page = html.decode()
    assert "<svg" in page and "14- to 18,000" in page and "Change over time" in page


def test_an_editor_records_a_resolution_in_admin(editor_client, editor):
    metric = MetricFactory()
    day = datetime.date(2024, 3, 1)
    one = add_figure(metric, "Police said 1,200 marched.", "1,200", 1200, 1200, day)
    two = add_figure(metric, "Organisers said 5,600 marched.", "5,600", 5600, 5600, day)
    response = editor_client.post(
        reverse("admin:claims_conflictresolution_add"),
        {"claim_a": two.pk, "claim_b": one.pk, "kind": "different_scope", "note": "two rallies"},
    )
    assert response.status_code == 302
    resolution = ConflictResolution.objects.get()
    assert (resolution.claim_a, resolution.claim_b, resolution.resolved_by) == (one, two, editor)


def test_a_resolution_across_two_metrics_is_refused_naming_the_field(editor_client):
    day = datetime.date(2024, 3, 1)
    one = add_figure(MetricFactory(), "A count of 1,200.", "1,200", 1200, 1200, day)
    two = add_figure(MetricFactory(), "A count of 5,600.", "5,600", 5600, 5600, day)
    response = editor_client.post(
        reverse("admin:claims_conflictresolution_add"),
        {"claim_a": one.pk, "claim_b": two.pk, "kind": "different_scope"},
    )
    assert "both claims must belong to one metric" in str(response.context["adminform"].form.errors)
    assert not ConflictResolution.objects.exists()


def _writer_rows(report):
    """The report's CSV rows as the product's CSV writer (the csv module's, quoting formulas)
    writes them: what render_csv must produce."""
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    base = (report.slug, report.name, report.unit)
    for c in report.claims:
        writer.writerow(
            (*base, "claim", c.id, c.figure, c.lo, c.hi, c.qualifier, c.as_of_start, c.as_of_end,
             c.speaker or "", c.outlet or "", c.article_id, c.article_title, c.article_url or "",
             c.verdict, "", "", "", "", "", "", "", "")
        )  # fmt: skip
    for f in report.findings:
        writer.writerow(
            (*base, f.kind, *[""] * 13, f.older_id, f.newer_id, f.ratio, f.gap, f.relative_gap,
             ";".join(f.causes), f.resolution_kind, f.resolution_note)
        )  # fmt: skip
    return out.getvalue()


@settings(max_examples=100, deadline=None)
@given(
    name=st.text(max_size=12),
    findings=st.lists(
        st.tuples(
            st.sampled_from(["conflict", "change"]),
            st.one_of(st.none(), st.floats(allow_nan=False)),
            st.floats(allow_nan=False),
            st.one_of(st.none(), st.floats(allow_nan=False)),
            st.lists(st.sampled_from(["different_period", "stale_source", "a,b", 'say "x"'])),
            st.sampled_from(["", "same_figure", "error"]),
            st.text(max_size=12),
        ),
        max_size=8,
    ),
)
def test_csv_finding_rows_are_what_the_csv_module_writes(name, findings):
    claim = ReportClaim(
        id=1, figure="40,000", quote="q", lo=39_500.0, hi=40_500.0, qualifier="exact",
        unit="count", subject="", scope="", speaker=None, outlet="Outlet", article_id=2,
        article_title='A "title", with commas', article_url=None, published=None,
        as_of_start=datetime.date(2020, 1, 1), as_of_end=datetime.date(2020, 1, 1),
        as_of_precision="", status="confirmed", verdict="",
    )  # fmt: skip
    report = MetricReport(
        slug="m", name=name, unit="count", kind="level", scope="", comparability_days=365,
        claims=(claim,),
        findings=tuple(
            ReportFinding(kind, 1, 3, ratio, gap, relative, 0, tuple(causes), resolution, note)
            for kind, ratio, gap, relative, causes, resolution, note in findings
        ),
        summary=None,
    )  # fmt: skip
    rendered = "".join(render_csv([report]))
    assert rendered.split("\r\n", 1)[1] == _writer_rows(report)


# The whole CSV report is a Celery group of batches of metrics, joined in order.


def several_batches_of_metrics(monkeypatch):
    """Seven metrics with conflicting figures, in batches of two metrics."""
    monkeypatch.setattr(build, "METRIC_BATCH", 2)
    day = datetime.date(2024, 3, 1)
    for n in range(7):
        metric = MetricFactory(comparability_days=365)
        for value in (1_200 + n, 5_600, 9_100):
            text = f"Someone said {value:,} marched in town {n}."
            add_figure(metric, text, f"{value:,}", value, value, day)


def test_a_csv_report_built_batch_by_batch_is_the_one_built_in_one_batch(
    monkeypatch, tasks_in_process
):
    several_batches_of_metrics(monkeypatch)
    sent = []
    real_batch = render_module.batch_reports
    monkeypatch.setattr(
        render_module, "batch_reports",
        lambda ids, plan: sent.append(list(ids)) or real_batch(ids, plan),
    )  # fmt: skip
    grouped = "".join(render("csv", metric_reports()))
    assert [len(batch) for batch in sent] == [2, 2, 2, 1]  # four batches, in slug order
    monkeypatch.setattr(build, "METRIC_BATCH", 10_000)
    alone = "".join(render("csv", metric_reports()))
    assert grouped.encode() == alone.encode()
    assert alone.count("\r\n") == 1 + 7 * 3 + 7 * 3  # header, claims, three conflicts each


def test_a_grouped_report_counts_its_progress_metric_by_metric(monkeypatch, tasks_in_process):
    several_batches_of_metrics(monkeypatch)
    delivered = []
    text = "".join(render("csv", metric_reports(on_report=lambda: delivered.append(1))))
    assert len(delivered) == 7 and text


# With workers, each batch is written to a part file that the requester streams in order and
# removes. Here the group runs in this process, so the parts are written before the reading.


@pytest.fixture
def parts_dir(tmp_path):
    directory = tmp_path / "report-parts"
    with override_settings(CLAIMS_REPORT_PARTS_DIR=directory):
        yield directory


def leftovers(directory) -> list:
    return list(directory.rglob("*")) if directory.exists() else []


def test_a_csv_report_joined_from_part_files_is_the_one_built_metric_by_metric(
    monkeypatch, tasks_in_process, parts_dir
):
    several_batches_of_metrics(monkeypatch)
    batches, plan = metric_reports().plan()
    delivered = []
    joined = "".join(render_module.joined_parts(batches, plan, delivered=delivered.append))
    alone = "".join(render_module.csv_batches(metric_reports()))
    assert joined.encode() == alone.encode() and alone.count("\r\n") == 7 * 3 + 7 * 3
    assert delivered == [2, 2, 2, 1]
    assert leftovers(parts_dir) == []


def test_a_batch_that_fails_leaves_no_part_file_behind(monkeypatch, tasks_in_process, parts_dir):
    several_batches_of_metrics(monkeypatch)
    real_csv, written = render_module.metric_csv, []

    def fails_at_the_fifth(report):
        if len(written) == 4:
            raise ZeroDivisionError(f"cannot render {report.slug}")
        written.append(report.slug)
        return real_csv(report)

    monkeypatch.setattr(render_module, "metric_csv", fails_at_the_fifth)
    batches, plan = metric_reports().plan()
    with pytest.raises(ZeroDivisionError, match="cannot render"):
        "".join(render_module.joined_parts(batches, plan))
    assert len(written) == 4 and leftovers(parts_dir) == []


def test_a_worker_that_cannot_see_the_parts_directory_says_so(parts_dir):
    with pytest.raises(FileNotFoundError, match=r"CLAIMS_REPORT_PARTS_DIR: .* every worker"):
        render_module.report_csv_batch([], {"filter": {}, "outlets": []}, "report-elsewhere", 0)


def test_a_reader_that_stops_early_leaves_no_part_file_behind(
    monkeypatch, tasks_in_process, parts_dir
):
    several_batches_of_metrics(monkeypatch)
    batches, plan = metric_reports().plan()
    rows = render_module.joined_parts(batches, plan)
    assert next(rows).startswith(Metric.objects.order_by("slug").first().slug)
    assert leftovers(parts_dir) != []  # the parts are there while the report is read
    rows.close()
    assert leftovers(parts_dir) == []


def test_an_error_in_a_batch_ends_the_report_with_it(monkeypatch, tasks_in_process):
    several_batches_of_metrics(monkeypatch)

    def broken(report):
        raise ZeroDivisionError(f"cannot render {report.slug}")

    monkeypatch.setattr(render_module, "metric_csv", broken)
    with pytest.raises(ZeroDivisionError, match="cannot render"):
        "".join(render("csv", metric_reports()))
