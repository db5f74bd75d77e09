"""The editorial workflow in a real browser: an editor imports an article, confirms a figure and
puts it into a metric, assigns it; a reviewer writes and submits a verdict, which the editor
publishes; an anonymous visitor is kept out. Screenshots of the key pages are written to
tests/artifacts/ for people to look at."""

import re

import pytest
from django.contrib.auth.models import Group

from claims.models import Claim
from reviews.models import Review
from tests.browser.conftest import PASSWORD, ensure_roles, log_in, needs_chromium, shot
from tests.factories import MetricFactory, UserFactory

pytestmark = [pytest.mark.browser, needs_chromium, pytest.mark.django_db(transaction=True)]

BODY = (
    "Erbil, Saturday, 11 May 2024\n"
    "Officials said on Monday that 3,000 to 5,000 fighters remain in the area. "
    "About 40,000 people were displaced, according to the ministry.\n"
)


@pytest.fixture
def people(transactional_db):
    ensure_roles()
    users = {}
    for username, group in (("editor", "Editors"), ("reviewer", "Reviewers")):
        user = UserFactory(username=username)
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


def test_an_editor_imports_confirms_groups_and_assigns_and_publishes_what_a_reviewer_submits(
    page_for, people, tasks_in_process
):
    metric = MetricFactory(name="Fighters in the area", slug="fighters-in-the-area")

    # The editor imports an article; its figures are found as candidate claims.
    editor = page_for()
    log_in(editor, "editor")
    assert editor.locator("#work-queues").is_visible()
    shot(editor, "admin-index-editor")
    editor.goto("/admin/sources/article/add/")
    editor.fill("#id_title", "Fighters remain, officials say")
    editor.fill("#id_published", "2024-05-11")
    editor.fill("#id_body", BODY)
    editor.click("input[name=_continue]")
    editor.wait_for_selector(".claims-article-body")
    claim = Claim.objects.get(figure="3,000 to 5,000")
    assert claim.status == Claim.Status.CANDIDATE
    assert editor.locator(f"mark#claim-{claim.pk}.claim-candidate").is_visible()
    shot(editor, "article-with-candidates")

    # One click confirms it; one more puts it into the metric.
    row = editor.locator(f'.claim-triage[data-claim="{claim.pk}"]')
    row.locator('button[value="confirmed"]').click()
    editor.wait_for_selector(f"mark#claim-{claim.pk}.claim-confirmed")
    assert "marked confirmed" in editor.locator(".messagelist").inner_text()
    row = editor.locator(f'.claim-triage[data-claim="{claim.pk}"]')
    row.locator("select").select_option(str(metric.pk))
    row.locator('button[value="metric"]').click()
    editor.wait_for_selector(".messagelist")
    assert "put into Fighters in the area" in editor.locator(".messagelist").inner_text()
    claim.refresh_from_db()
    assert (claim.status, claim.metric_id) == (Claim.Status.CONFIRMED, metric.pk)
    shot(editor, "article-after-decisions")

    # The candidate queue still holds the other figure.
    editor.goto("/admin/claims/claim/?status__exact=candidate")
    assert "Candidate claims to triage" in editor.locator("h1").inner_text()
    assert editor.locator("#result_list tbody tr").count() == 1
    shot(editor, "candidate-queue")

    # The editor assigns the confirmed claim to the reviewer from the claim list.
    editor.goto("/admin/claims/claim/?status__exact=confirmed")
    editor.check(f'input[name=_selected_action][value="{claim.pk}"]')
    editor.select_option("select[name=action]", "assign_to_reviewer")
    editor.select_option("select[name=reviewer]", str(people["reviewer"].pk))
    editor.click("button[name=index]")
    editor.wait_for_selector(".messagelist")
    assert "1 claim(s) assigned to reviewer" in editor.locator(".messagelist").inner_text()

    # The reviewer sees that claim, writes a review and submits it; publishing is not theirs.
    reviewer = page_for()
    log_in(reviewer, "reviewer")
    reviewer.goto("/admin/claims/claim/")
    assert reviewer.locator("#result_list tbody tr").count() == 1
    reviewer.goto(f"/admin/reviews/review/add/?claim={claim.pk}")
    reviewer.check("input[name=rating][value=roughly_right]")
    reviewer.fill("#id_rationale", "The U.N. monitoring team gives the same range for May 2024.")
    reviewer.fill("#id_evidence", "https://www.un.org/securitycouncil/")
    reviewer.click("input[name=_continue]")
    reviewer.wait_for_selector("button.review-submit")
    assert reviewer.locator("button.review-publish").count() == 0
    shot(reviewer, "review-draft")
    reviewer.click("button.review-submit")
    reviewer.wait_for_selector(".messagelist")
    assert reviewer.locator("button.review-publish").count() == 0
    review = Review.objects.get(claim=claim)
    assert review.status == Review.Status.SUBMITTED

    # The editor, a second pair of eyes, publishes it.
    editor.goto(f"/admin/reviews/review/{review.pk}/change/")
    editor.click("button.review-publish")
    editor.wait_for_selector(".messagelist")
    assert "now Published" in editor.locator(".messagelist").inner_text()
    review.refresh_from_db()
    claim.refresh_from_db()
    assert (review.status, claim.verdict) == (Review.Status.PUBLISHED, "roughly_right")
    reviewer.goto(f"/admin/reviews/review/{review.pk}/change/")
    assert reviewer.locator("a", has_text="Write a review that supersedes this one").is_visible()
    shot(reviewer, "review-published")

    # The editor sees the verdict and the metric page with its diff table.
    editor.goto(f"/admin/claims/claim/{claim.pk}/change/")
    assert "Roughly right" in editor.locator("body").inner_text()
    editor.goto(f"/admin/claims/metric/{metric.pk}/change/")
    shot(editor, "metric-diff")
    editor.goto(f"/admin/claims/claim/{claim.pk}/history/")
    history = editor.locator("#change-history").inner_text()
    assert "Status:" in history
    # Written for people: no placeholder for a metric never set, no "None" for a missing reason.
    assert "pk=None" not in history and "Change reason: None" not in history
    shot(editor, "claim-history")


def test_the_second_of_two_editors_saving_one_claim_is_refused(page_for, people):
    from tests.factories import ClaimFactory

    claim = ClaimFactory(status=Claim.Status.CANDIDATE)
    first, second = page_for(), page_for()
    for page in (first, second):
        log_in(page, "editor")
        page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    first.fill("#id_subject", "militants")
    first.click("input[name=_continue]")
    first.wait_for_selector(".messagelist")
    second.fill("#id_subject", "soldiers")
    second.click("input[name=_continue]")
    error = second.locator(".errornote, .errorlist.nonfield")
    assert "Someone else changed this claim" in second.locator(".errorlist.nonfield").inner_text()
    assert error.count() >= 1
    shot(second, "concurrent-save-refused")
    second.click("text=Open the current version")
    assert second.input_value("#id_subject") == "militants"
    claim.refresh_from_db()
    assert claim.subject == "militants"


def test_an_anonymous_visitor_cannot_reach_admin(page_for, people):
    page = page_for()
    for path in ("/admin/", "/admin/claims/claim/", "/admin/reviews/review/add/"):
        page.goto(path)
        assert re.search(r"/admin/login/\?next=", page.url), page.url
        assert page.locator("#id_username").is_visible()
    shot(page, "anonymous-sent-to-login")
