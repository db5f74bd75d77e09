"""Editors work in Django admin: forms that name the field at fault, pages that stay fast."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ConflictResolution, ReportRun
from claims_project.concurrency import fingerprint
from reviews.services import claim_assign
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:claims_claim_add")


def claim_form(article, **overrides) -> dict:
    data = {
        "article": article.pk,
        "quote": "Officials said on Monday that 3,000 to 5,000 fighters remain in the area.",
        "figure": "3,000 to 5,000",
        "start": "",
        "end": "",
        "value_low": "3000",
        "value_high": "5000",
        "qualifier": "exact",
        "unit": "count",
        "subject": "fighters",
        "status": "candidate",
        "as_of_precision": "",
        # the reviews inline under each claim
        "reviews-TOTAL_FORMS": "0",
        "reviews-INITIAL_FORMS": "0",
        "reviews-MIN_NUM_FORMS": "0",
        "reviews-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_adding_a_claim_finds_its_offsets_from_the_quote_and_figure(editor_client):
    article = ArticleFactory()
    response = editor_client.post(ADD_URL, claim_form(article))
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim = Claim.objects.get(article=article)
    assert article.body[claim.start : claim.end] == "3,000 to 5,000"


def test_low_above_high_is_shown_on_the_value_low_field_and_nothing_is_stored(editor_client):
    article = ArticleFactory()
    response = editor_client.post(ADD_URL, claim_form(article, value_low="9000"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "greater than value_high" in errors["value_low"][0]
    assert not Claim.objects.exists()


def test_a_figure_missing_from_the_quote_is_named(editor_client):
    response = editor_client.post(ADD_URL, claim_form(ArticleFactory(), figure="7,000"))
    assert "is not in the quote" in str(response.context["adminform"].form.errors)
    assert not Claim.objects.exists()


def test_offsets_outside_the_body_are_named(editor_client):
    article = ArticleFactory()
    data = claim_form(article, start=str(len(article.body)), end=str(len(article.body) + 14))
    response = editor_client.post(ADD_URL, data)
    assert "past the end of the article body" in response.context["adminform"].form.errors["end"][0]
    assert not Claim.objects.exists()


def test_an_unknown_unit_is_named(editor_client):
    response = editor_client.post(ADD_URL, claim_form(ArticleFactory(), unit="warriors"))
    assert "unknown unit" in response.context["adminform"].form.errors["unit"][0]
    assert not Claim.objects.exists()


def test_the_article_page_marks_every_figure_in_the_body(editor_client):
    claim = ClaimFactory(status=Claim.Status.CANDIDATE)
    response = editor_client.get(reverse("admin:sources_article_change", args=[claim.article_id]))
    html = response.content.decode()
    assert (
        f'<mark class="claim-candidate" title="Candidate: fighters" id="claim-{claim.pk}">' in html
    )
    assert "3,000 to 5,000</mark>" in html


def test_user_text_is_escaped_on_admin_pages(editor_client):
    body = "<script>alert(1)</script> Police counted 12 <b>protesters</b>.\n"
    article = ArticleFactory(body=body, title="<img src=x onerror=alert(2)>")
    speaker = SpeakerFactory(name="<i>Anon</i>")
    claim = ClaimFactory(
        article=article, quote="Police counted 12 <b>protesters</b>.", figure="12",
        start=body.index("12"), end=body.index("12") + 2, value_low=12.0, value_high=12.0,
        subject='<svg onload="x">', speaker=speaker,
    )  # fmt: skip
    pages = [
        reverse("admin:sources_article_change", args=[article.pk]),
        reverse("admin:claims_claim_change", args=[claim.pk]),
        reverse("admin:claims_claim_changelist"),
    ]
    for url in pages:
        html = editor_client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert "<i>Anon</i>" not in html
        assert '<svg onload="x">' not in html
        assert "<b>protesters</b>" not in html


def test_the_claim_list_runs_the_same_queries_for_10_and_40_claims(editor_client):
    url = reverse("admin:claims_claim_changelist")
    metric, speaker = MetricFactory(), SpeakerFactory()

    def queries_for_a_page_of(count: int) -> int:
        Claim.objects.all().delete()
        for _ in range(count):
            ClaimFactory(metric=metric, speaker=speaker)
        with CaptureQueriesContext(connection) as captured:
            response = editor_client.get(url)
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == count
        return len(captured)

    assert queries_for_a_page_of(10) == queries_for_a_page_of(40)


def test_every_admin_list_loads_for_an_editor(editor_client):
    ClaimFactory()
    for name in ["sources_outlet", "sources_article", "claims_speaker", "claims_metric",
                 "claims_claim", "reviews_review"]:  # fmt: skip
        assert editor_client.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_a_change_is_traced_to_the_editor_who_made_it(editor_client, editor):
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = claim_form(claim.article, start=claim.start, end=claim.end, subject="militants",
                      row_fingerprint=fingerprint(claim))  # fmt: skip
    assert editor_client.post(url, data).status_code == 302
    latest = claim.history.latest()
    assert (latest.history_user, latest.subject, latest.history_type) == (editor, "militants", "~")
    history_page = editor_client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert history_page.status_code == 200
    assert editor.username in history_page.content.decode()


def test_the_article_body_cannot_be_edited_in_admin(editor_client):
    article = ArticleFactory()
    response = editor_client.get(reverse("admin:sources_article_change", args=[article.pk]))
    assert "body" not in response.context["adminform"].form.fields


def test_adding_an_article_whose_text_is_stored_already_is_refused(editor_client):
    article = ArticleFactory()
    response = editor_client.post(
        reverse("admin:sources_article_add"),
        {"title": "Again", "body": article.body, "published_precision": "day",
         "claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert f"already stored as article #{article.pk}" in str(
        response.context["adminform"].form.errors["body"]
    )


def test_a_reviewer_cannot_change_a_claim_assigned_to_them(client, reviewer, editor):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=reviewer, by=editor)
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = claim_form(claim.article, start=claim.start, end=claim.end, subject="changed",
                      row_fingerprint=fingerprint(claim))  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.subject == "fighters"


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("admin:claims_claim_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize(
    "name",
    ["sources_outlet", "sources_article", "claims_speaker", "claims_conflictresolution",
     "claims_reportrun"],
)  # fmt: skip
def test_the_other_admin_lists_run_the_same_queries_for_5_and_30_rows(superuser_client, name):
    url = reverse(f"admin:{name}_changelist")

    def queries_for(count: int) -> int:
        metric = MetricFactory()
        previous = None
        for _ in range(count):
            claim = ClaimFactory(metric=metric, speaker=SpeakerFactory())
            ReportRun.objects.create(format="csv")
            if previous is not None:
                ConflictResolution.objects.create(
                    claim_a=previous, claim_b=claim, kind="not_comparable"
                )
            previous = claim
        with CaptureQueriesContext(connection) as captured:
            response = superuser_client.get(url)
        assert response.status_code == 200
        return len(captured)

    assert queries_for(5) == queries_for(30)
