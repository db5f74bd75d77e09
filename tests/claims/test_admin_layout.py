"""Admin pages as people read them: numbers in words people use, no bare "a" for a figure,
the work queues with their counts, an icon for every page."""

import pytest
from django.urls import reverse

from claims.admin import bounds_text, people_number
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory


@pytest.mark.parametrize(
    ("value", "text"),
    [(11_000_000.0, "11 million"), (3_400_000.0, "3.4 million"), (40_000.0, "40,000"),
     (2.5, "2.5"), (1.2e9, "1.2 billion"), (float("inf"), "∞")],
)  # fmt: skip
def test_bounds_are_written_as_people_write_numbers(value, text):
    assert people_number(value) == text


def test_ranges_and_open_bounds_read_as_words():
    assert bounds_text(3000.0, 5000.0) == "3,000–5,000"
    assert bounds_text(11e6, 11e6) == "11 million"
    assert bounds_text(100.0, None) == "at least 100"
    assert bounds_text(None, 50.0) == "up to 50"


@pytest.mark.django_db
def test_the_claim_list_shows_no_raw_floats_and_no_bare_a(editor_client):
    body = "Officials said a million people fled.\n"
    article = ArticleFactory(body=body)
    start = body.index("a million")
    ClaimFactory(article=article, quote=body.strip(), figure="a", start=start, end=start + 1,
                 value_low=1e6, value_high=1e6)  # fmt: skip
    ClaimFactory(value_low=11_000_000.0, value_high=11_000_000.0)
    page = editor_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "11000000.0" not in page and "11 million" in page
    assert '<td class="field-figure_display">a million</td>' in page or ">a million<" in page


@pytest.mark.django_db
def test_the_article_page_shows_bounds_for_people(editor_client):
    claim = ClaimFactory(value_low=3000.0, value_high=5000.0, status=Claim.Status.CANDIDATE)
    url = reverse("admin:sources_article_change", args=[claim.article_id])
    page = editor_client.get(url).content.decode()
    assert "3,000–5,000" in page and "3000.0" not in page


@pytest.mark.django_db
def test_the_work_queues_show_their_counts(editor_client):
    ClaimFactory.create_batch(2, status=Claim.Status.CANDIDATE)
    ClaimFactory(status=Claim.Status.CONFIRMED)
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert '<span class="count" data-queue="candidates">2</span>' in page
    assert '<span class="count" data-queue="ungrouped">1</span>' in page


@pytest.mark.django_db
def test_a_reviewers_home_page_says_what_submitted_means(reviewer_client):
    page = reviewer_client.get(reverse("admin:index")).content.decode()
    assert "waiting for an editor to publish them" in page
    assert "Reviews submitted, waiting to be published" not in page


def test_the_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"


@pytest.mark.django_db
def test_every_admin_page_links_the_layout_stylesheet_and_the_unsaved_edit_warning(editor_client):
    page = editor_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "claims/admin-layout.css" in page and "claims/unsaved.js" in page


@pytest.mark.django_db
def test_history_shows_no_none_and_no_deleted_placeholder_when_a_metric_is_first_set(
    editor_client,
):
    from tests.factories import MetricFactory

    claim = ClaimFactory()
    claim.metric = MetricFactory(name="Fighters")
    claim.save()
    page = editor_client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content
    text = page.decode()
    assert "Fighters" in text
    assert "pk=None" not in text and "None" not in text.split('id="change-history"')[1]
    assert "/admin/auth/user/" not in text  # no link an editor may not open
