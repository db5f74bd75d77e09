"""The reviewer's way through admin: from the claim assigned to them to a submitted review, with
the claim and the verdict scale in front of them, and plain words where they may not go."""

import re

import pytest
from django.urls import reverse

from claims.core import verdicts
from claims.models import Claim
from reviews.models import Review
from reviews.services import claim_assign, review_create, review_submit
from tests.factories import ClaimFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

REVIEW_ADD = reverse("admin:reviews_review_add")


def claim_page(claim) -> str:
    return reverse("admin:claims_claim_change", args=[claim.pk])


@pytest.fixture
def assigned(editor, reviewer):
    claim = ClaimFactory(speaker=SpeakerFactory(name="Rosa Mendes"))
    claim_assign(claim=claim, reviewer=reviewer, by=editor)
    return claim


def test_the_assigned_claim_page_offers_to_write_a_review_of_that_claim(reviewer_client, assigned):
    page = reviewer_client.get(claim_page(assigned)).content.decode()
    assert f'href="{REVIEW_ADD}?claim={assigned.pk}">Write a review</a>' in page


def test_a_reviewer_with_a_draft_is_offered_to_continue_it_not_to_start_another(
    reviewer_client, reviewer, assigned
):
    draft = review_create(claim=assigned, reviewer=reviewer, rating="accurate", rationale="So far.")
    page = reviewer_client.get(claim_page(assigned)).content.decode()
    change = reverse("admin:reviews_review_change", args=[draft.pk])
    assert f'href="{change}">Continue your review</a>' in page
    assert "Write a review</a>" not in page


def test_a_submitted_review_is_shown_as_waiting_for_an_editor(reviewer_client, reviewer, assigned):
    review = review_create(claim=assigned, reviewer=reviewer, rating="accurate", rationale="Done.")
    review_submit(review=review, by=reviewer)
    page = reviewer_client.get(claim_page(assigned)).content.decode()
    assert "an editor publishes it" in page
    assert "Write a review</a>" not in page
    review_page = reviewer_client.get(reverse("admin:reviews_review_change", args=[review.pk]))
    assert "waits for an editor, who reads it and publishes it" in review_page.content.decode()


def test_an_editor_who_does_not_write_reviews_gets_no_review_button(editor_client, assigned):
    assert "Write a review" not in editor_client.get(claim_page(assigned)).content.decode()


def test_a_rejected_claim_offers_no_review(reviewer_client, assigned):
    Claim.objects.filter(pk=assigned.pk).update(status=Claim.Status.REJECTED)
    assert "Write a review" not in reviewer_client.get(claim_page(assigned)).content.decode()


def test_the_review_form_shows_the_claim_with_its_figure_marked_its_article_and_speaker(
    reviewer_client, assigned
):
    page = reviewer_client.get(f"{REVIEW_ADD}?claim={assigned.pk}").content.decode()
    assert '<mark class="claims-figure">3,000 to 5,000</mark> fighters remain' in page
    article = assigned.article
    assert article.title in page and article.outlet.name in page
    assert "4 March 2024" in page  # the article's date, for people
    assert "Rosa Mendes" in page
    assert f'<option value="{assigned.pk}" selected>' in page


def test_the_review_form_shows_every_verdict_with_its_meaning_beside_its_choice(
    reviewer_client, assigned
):
    page = reviewer_client.get(f"{REVIEW_ADD}?claim={assigned.pk}").content.decode()
    for verdict, info in verdicts.SCALE.items():
        choice = re.search(rf'value="{verdict.value}"[^>]*>\s*([^<]+)</label>', page)
        assert choice, verdict
        assert choice.group(1).strip() == f"{info.label} — {info.meaning}".replace("'", "&#x27;")


def test_the_review_form_of_an_unassigned_claim_shows_nothing_of_it(reviewer_client):
    hidden = ClaimFactory()
    page = reviewer_client.get(f"{REVIEW_ADD}?claim={hidden.pk}").content.decode()
    assert "claims-summary" not in page
    assert hidden.article.title not in page


def test_a_review_written_from_the_form_is_a_draft_of_that_claim(
    reviewer_client, reviewer, assigned
):
    response = reviewer_client.post(
        f"{REVIEW_ADD}?claim={assigned.pk}",
        {"claim": assigned.pk, "rating": "overstated", "rationale": "The report says 2,000.",
         "evidence": ""},
    )  # fmt: skip
    assert response.status_code == 302
    review = Review.objects.get(claim=assigned)
    assert (review.reviewer, review.status, review.rating) == (reviewer, "draft", "overstated")


def test_an_unassigned_claim_is_explained_with_a_way_back_to_the_queue(reviewer_client):
    hidden = ClaimFactory()
    response = reviewer_client.get(claim_page(hidden), follow=True)
    queue = reverse("admin:claims_claim_changelist")
    assert response.redirect_chain[-1][0] == queue
    page = response.content.decode()
    assert "is not assigned to you; ask an editor" in page
    assert f'<a href="{queue}">Back to the claims assigned to you</a>' in page
    assert "Perhaps it was deleted" not in page


def test_a_claim_that_does_not_exist_still_says_so(reviewer_client):
    response = reviewer_client.get(reverse("admin:claims_claim_change", args=[999999]), follow=True)
    assert "not assigned to you" not in response.content.decode()
    assert "doesn’t exist" in response.content.decode()


def test_the_reviewer_name_links_to_their_reviews_which_the_reader_may_open(
    reviewer_client, editor_client, reviewer, assigned
):
    review = review_create(claim=assigned, reviewer=reviewer, rating="accurate", rationale="Ok.")
    for client, url in (
        (reviewer_client, reverse("admin:reviews_review_change", args=[review.pk])),
        (editor_client, reverse("admin:reviews_review_change", args=[review.pk])),
        (editor_client, claim_page(assigned)),
    ):
        page = client.get(url).content.decode()
        assert "/admin/auth/user/" not in page
        link = re.search(r'href="([^"]*reviewer__id__exact=\d+)"', page)
        assert link, url
        assert client.get(link.group(1).replace("&amp;", "&")).status_code == 200


def test_the_reviewer_home_page_says_what_submitted_means(reviewer_client):
    page = reviewer_client.get(reverse("admin:index")).content.decode()
    assert "an editor reads the review and publishes it" in page


def _links(page: str) -> set[str]:
    return {
        href.replace("&amp;", "&")
        for href in re.findall(r'href="(/admin/[^"#]*)', page)
        if "logout" not in href
    }


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_no_link_on_the_pages_of_a_review_and_its_claim_answers_403(
    request, role, reviewer, assigned
):
    client = request.getfixturevalue(f"{role}_client")
    review = review_create(claim=assigned, reviewer=reviewer, rating="accurate", rationale="Ok.")
    assignment = assigned.review_assignments.get()
    pages = [
        reverse("admin:index"),
        claim_page(assigned),
        reverse("admin:reviews_review_change", args=[review.pk]),
        reverse("admin:reviews_reviewassignment_change", args=[assignment.pk]),
    ]
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200, url
        for href in _links(page.content.decode()):
            assert client.get(href).status_code != 403, (url, href)


def test_the_reviewer_reads_the_claim_s_bounds_as_people_write_them(reviewer_client, assigned):
    page = reviewer_client.get(claim_page(assigned)).content.decode()
    assert "3,000–5,000" in page
    assert "3000.0" not in page and "5000.0" not in page


def test_the_editor_still_edits_the_bounds_as_numbers(editor_client, assigned):
    page = editor_client.get(claim_page(assigned)).content.decode()
    assert 'name="value_low" value="3000.0"' in page
