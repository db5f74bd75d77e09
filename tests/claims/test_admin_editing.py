"""The editors' daily work in admin: one-click decisions, the candidate queue, CSV export, safe
concurrent editing, history, and list pages that stay fast."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, Metric
from claims_project.concurrency import fingerprint
from reviews.services import claim_assign, review_create, review_submit
from tests.claims.test_admin import claim_form
from tests.factories import ClaimFactory, MetricFactory, ReviewFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

CLAIM_LIST = reverse("admin:claims_claim_changelist")


def triage(client, claim, decision, **extra):
    data = {"decision": decision, f"fp-{claim.pk}": fingerprint(claim), **extra}
    return client.post(reverse("admin:claims_claim_triage", args=[claim.pk]), data)


def test_the_article_page_has_one_click_decisions_for_each_claim(editor_client):
    claim = ClaimFactory(status=Claim.Status.CANDIDATE)
    html = editor_client.get(reverse("admin:sources_article_change", args=[claim.article_id]))
    html = html.content.decode()
    triage_url = reverse("admin:claims_claim_triage", args=[claim.pk])
    assert f'formaction="{triage_url}"' in html
    assert 'name="decision" value="confirmed"' in html
    assert f'name="metric-{claim.pk}"' in html
    assert "csrfmiddlewaretoken" in html


def test_one_click_confirms_and_returns_to_the_claim_in_the_article(editor_client):
    claim = ClaimFactory(status=Claim.Status.CANDIDATE)
    response = triage(editor_client, claim, "confirmed")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#claim-{claim.pk}")
    claim.refresh_from_db()
    assert claim.status == "confirmed"
    latest = claim.history.latest()
    assert latest.history_user.username == "editor-test"


def test_one_click_rejects(editor_client):
    claim = ClaimFactory(status=Claim.Status.CANDIDATE)
    triage(editor_client, claim, "rejected")
    claim.refresh_from_db()
    assert claim.status == "rejected"


def test_one_click_puts_a_claim_into_a_metric(editor_client):
    claim, metric = ClaimFactory(status=Claim.Status.CANDIDATE), MetricFactory()
    triage(editor_client, claim, "metric", **{f"metric-{claim.pk}": metric.pk})
    claim.refresh_from_db()
    assert claim.metric == metric


def test_a_metric_whose_unit_does_not_fit_is_refused_with_the_reason(editor_client):
    claim = ClaimFactory(status=Claim.Status.CANDIDATE)
    metric = MetricFactory(canonical_unit="km")
    response = triage(editor_client, claim, "metric", **{f"metric-{claim.pk}": metric.pk})
    page = editor_client.get(response["Location"]).content.decode()
    assert "does not convert" in page
    claim.refresh_from_db()
    assert claim.metric is None


def test_the_proposed_metric_is_chosen_by_default(editor_client):
    metric = MetricFactory(name="Fighters in the area")
    ClaimFactory(metric=metric)
    candidate = ClaimFactory(status=Claim.Status.CANDIDATE)
    html = editor_client.get(reverse("admin:sources_article_change", args=[candidate.article_id]))
    assert f'<option value="{metric.pk}" selected>Fighters in the area (proposed, ' in (
        html.content.decode()
    )


def test_a_metric_below_the_threshold_is_neither_proposed_nor_chosen(editor_client):
    # Fighters in Mosul are nearest to ISIS fighters in Iraq (about 0.5: no actor, a place
    # within), which is below the threshold: listed, never chosen for the editor.
    metric = MetricFactory(name="ISIS fighters in Iraq", scope="Iraq")
    candidate = ClaimFactory(status=Claim.Status.CANDIDATE, subject="fighters", scope="Mosul")
    html = editor_client.get(reverse("admin:sources_article_change", args=[candidate.article_id]))
    page = html.content.decode()
    assert f'<option value="{metric.pk}">ISIS fighters in Iraq</option>' in page
    assert "(proposed" not in page


def test_a_decision_on_a_claim_changed_meanwhile_is_refused(editor_client):
    claim = ClaimFactory(status=Claim.Status.CANDIDATE)
    seen = fingerprint(claim)
    Claim.objects.filter(pk=claim.pk).update(subject="changed by someone else")
    response = editor_client.post(
        reverse("admin:claims_claim_triage", args=[claim.pk]),
        {"decision": "rejected", f"fp-{claim.pk}": seen},
    )
    page = editor_client.get(response["Location"]).content.decode()
    assert "Someone else changed this claim" in page
    claim.refresh_from_db()
    assert claim.status == "candidate"


def test_the_triage_view_takes_only_posts(editor_client):
    claim = ClaimFactory()
    assert (
        editor_client.get(reverse("admin:claims_claim_triage", args=[claim.pk])).status_code == 405
    )


def test_the_candidate_queue_lists_candidates_and_is_linked_from_the_index(editor_client):
    candidate = ClaimFactory(status=Claim.Status.CANDIDATE)
    ClaimFactory(status=Claim.Status.CONFIRMED)
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:claims_claim_queue")}"' in index
    queue = editor_client.get(CLAIM_LIST, {"status__exact": "candidate"})
    assert list(queue.context["cl"].result_list) == [candidate]
    assert "Candidate claims to triage" in queue.content.decode()


def test_bulk_actions_confirm_reject_and_put_into_a_metric(editor_client):
    claims = ClaimFactory.create_batch(2, status=Claim.Status.CANDIDATE)
    ids = [c.pk for c in claims]
    editor_client.post(CLAIM_LIST, {"action": "confirm_claims", "_selected_action": ids})
    assert set(Claim.objects.values_list("status", flat=True)) == {"confirmed"}
    metric = MetricFactory()
    editor_client.post(
        CLAIM_LIST, {"action": "put_into_metric", "metric": metric.pk, "_selected_action": ids}
    )
    assert Claim.objects.filter(metric=metric).count() == 2
    editor_client.post(CLAIM_LIST, {"action": "reject_claims", "_selected_action": ids})
    assert set(Claim.objects.values_list("status", flat=True)) == {"rejected"}


def test_csv_export_streams_the_rows_and_defuses_formulas(editor_client):
    speaker = SpeakerFactory(name='=HYPERLINK("http://evil")')
    claim = ClaimFactory(speaker=speaker, subject="+fighters", note="@SUM(A1)")
    response = editor_client.post(
        CLAIM_LIST, {"action": "export_csv", "_selected_action": [claim.pk]}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["speaker"] == '\'=HYPERLINK("http://evil")'
    assert (row["subject"], row["note"]) == ("'+fighters", "'@SUM(A1)")
    assert (row["figure"], row["value_low"]) == ("3,000 to 5,000", "3000.0")


def test_csv_export_of_the_whole_filtered_list(editor_client):
    ClaimFactory.create_batch(3, status=Claim.Status.CANDIDATE)
    ClaimFactory(status=Claim.Status.REJECTED)
    response = editor_client.post(
        f"{CLAIM_LIST}?status__exact=candidate",
        {"action": "export_csv", "select_across": "1", "_selected_action": ["0"]},
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["status"] for row in rows] == ["candidate"] * 3


def test_a_second_save_of_the_same_claim_is_refused_with_a_link(editor_client):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    shown = editor_client.get(url).context["adminform"].form["row_fingerprint"].value()
    base = claim_form(claim.article, start=claim.start, end=claim.end, row_fingerprint=shown)
    first = editor_client.post(url, {**base, "subject": "militants"})
    assert first.status_code == 302
    second = editor_client.post(url, {**base, "subject": "soldiers"})
    assert second.status_code == 200
    errors = second.context["adminform"].form.non_field_errors()
    assert "Someone else changed this claim" in str(errors)
    html = second.content.decode()
    assert f'<a href="{url}">Open the current version</a>' in html
    assert 'value="soldiers"' in html  # what the editor typed is still there
    claim.refresh_from_db()
    assert claim.subject == "militants"


def test_a_save_without_the_fingerprint_is_refused(editor_client):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = claim_form(claim.article, start=claim.start, end=claim.end, subject="militants")
    assert editor_client.post(url, data).status_code == 200
    claim.refresh_from_db()
    assert claim.subject == "fighters"


def test_a_second_save_of_the_same_metric_is_refused(editor_client):
    metric = MetricFactory()
    url = reverse("admin:claims_metric_change", args=[metric.pk])
    shown = editor_client.get(url).context["adminform"].form["row_fingerprint"].value()
    data = {"name": "Fighters", "slug": metric.slug, "canonical_unit": "count", "kind": "level",
            "comparability_days": "365", "row_fingerprint": shown}  # fmt: skip
    assert editor_client.post(url, data).status_code == 302
    second = editor_client.post(url, {**data, "name": "Soldiers"})
    assert "Someone else changed this metric" in str(second.context["adminform"].form.errors)
    metric.refresh_from_db()
    assert metric.name == "Fighters"


def test_a_second_save_of_the_same_review_is_refused(client, reviewer, editor):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=reviewer, by=editor)
    review = review_create(claim=claim, reviewer=reviewer, rating="accurate", rationale="Ok.")
    client.force_login(reviewer)
    url = reverse("admin:reviews_review_change", args=[review.pk])
    data = {"rating": "overstated", "rationale": "Too high.", "evidence": "",
            "row_fingerprint": fingerprint(review)}  # fmt: skip
    assert client.post(url, data).status_code == 302
    second = client.post(url, {**data, "rating": "understated"})
    assert "Someone else changed this review" in str(second.context["adminform"].form.errors)
    review.refresh_from_db()
    assert review.rating == "overstated"


def test_the_history_page_shows_what_changed(editor_client):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = claim_form(claim.article, start=claim.start, end=claim.end, subject="militants",
                      row_fingerprint=fingerprint(claim))  # fmt: skip
    editor_client.post(url, data)
    html = editor_client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content
    html = html.decode()
    assert "<strong>Subject:</strong>" in html
    assert "fighters" in html and "militants" in html


def count_queries(client, url: str, make_rows, count: int, params=None) -> int:
    make_rows(count)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == count
    return len(captured)


def test_the_candidate_queue_runs_the_same_queries_for_5_and_30_claims(editor_client):
    metric = MetricFactory()

    def make(count):
        Claim.objects.all().delete()
        ClaimFactory.create_batch(count, metric=metric, status=Claim.Status.CANDIDATE)

    params = {"status__exact": "candidate"}
    assert count_queries(editor_client, CLAIM_LIST, make, 5, params) == count_queries(
        editor_client, CLAIM_LIST, make, 30, params
    )


def test_a_reviewers_claim_list_runs_the_same_queries_for_5_and_30_claims(client, reviewer, editor):
    client.force_login(reviewer)

    def make(count):
        for _ in range(count - Claim.objects.count()):
            claim = ClaimFactory()
            claim_assign(claim=claim, reviewer=reviewer, by=editor)
            review = review_create(claim=claim, reviewer=reviewer, rating="accurate",
                                   rationale="Ok.")  # fmt: skip
            review_submit(review=review, by=reviewer)

    assert count_queries(client, CLAIM_LIST, make, 5) == count_queries(client, CLAIM_LIST, make, 30)


def test_the_review_list_runs_the_same_queries_for_5_and_30_reviews(editor_client):
    url = reverse("admin:reviews_review_changelist")

    def make(count):
        for _ in range(count - Claim.objects.count()):
            ReviewFactory(supersedes=None)

    assert count_queries(editor_client, url, make, 5) == count_queries(editor_client, url, make, 30)


def test_the_assignment_list_runs_the_same_queries_for_5_and_30_rows(editor_client, editor):
    from tests.reviews.test_admin_roles import another_reviewer

    url = reverse("admin:reviews_reviewassignment_changelist")
    person = another_reviewer()

    def make(count):
        for _ in range(count - Claim.objects.count()):
            claim_assign(claim=ClaimFactory(), reviewer=person, by=editor)

    assert count_queries(editor_client, url, make, 5) == count_queries(editor_client, url, make, 30)


def test_the_metric_list_runs_the_same_queries_for_5_and_30_metrics(editor_client):
    url = reverse("admin:claims_metric_changelist")

    def make(count):
        MetricFactory.create_batch(count - Metric.objects.count())

    assert count_queries(editor_client, url, make, 5) == count_queries(editor_client, url, make, 30)


def test_lists_do_not_count_the_whole_table_on_every_page(editor_client):
    ClaimFactory()
    response = editor_client.get(CLAIM_LIST, {"status__exact": "confirmed"})
    assert response.context["cl"].show_full_result_count is False


def test_putting_claims_into_a_metric_reports_each_refused_claim_and_moves_the_others(
    editor_client,
):
    fits = ClaimFactory(unit="count")
    does_not_fit = ClaimFactory(unit="km")
    metric = MetricFactory(canonical_unit="count")
    answer = editor_client.post(
        CLAIM_LIST,
        {"action": "put_into_metric", "metric": metric.pk,
         "_selected_action": [fits.pk, does_not_fit.pk]},
        follow=True,
    )  # fmt: skip
    shown = [str(m) for m in answer.context["messages"]]
    assert f"1 claim(s) now in {metric}." in shown
    refused = next(m for m in shown if m.startswith("Not moved: "))
    assert f"(#{does_not_fit.pk}):" in refused and "km" in refused
    fits.refresh_from_db(), does_not_fit.refresh_from_db()
    assert fits.metric_id == metric.pk and does_not_fit.metric_id is None


def test_putting_claims_into_a_metric_without_choosing_one_changes_nothing(editor_client):
    claim = ClaimFactory()

    def shown(given: str) -> list[str]:
        answer = editor_client.post(
            CLAIM_LIST,
            {"action": "put_into_metric", "metric": given, "_selected_action": [claim.pk]},
            follow=True,
        )  # fmt: skip
        return [str(m) for m in answer.context["messages"]]

    assert shown("") == ["Choose a metric next to the action first."]
    for wrong in ("abc", "999999"):  # the action form refuses them before the action runs
        assert not any("now in" in message for message in shown(wrong))
    claim.refresh_from_db()
    assert claim.metric_id is None
