"""The newsroom's daily paths in Chromium, at a desk (1400 px) and on a phone (390 px): the
reviewer from an assigned claim to a submitted review, the editor triaging candidates with the
keyboard alone, the editor resolving a conflict, and the refusals each role meets, said in
words. Screenshots go to tests/artifacts/."""

import datetime as dt

import pytest

from claims.models import Claim, ConflictResolution
from reviews.models import Review
from reviews.services import claim_assign
from tests.browser.conftest import log_in, needs_chromium, shot
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory, SpeakerFactory

pytestmark = [pytest.mark.browser, needs_chromium, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desk": 1400, "phone": 390}
FLOOD = (
    "Rescuers said 12 people were missing after the storm, and that 40 boats had gone out.\n"
    "The council counted 300 homes damaged along the river.\n"
)


def no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def in_view(page, selector: str, width: int) -> None:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, selector


def candidates(article, figures: list[tuple[str, int]]) -> list[Claim]:
    made = []
    for figure, line in figures:
        sentence = article.body.splitlines()[line]
        at = article.body.index(sentence) + sentence.index(figure)
        made.append(
            ClaimFactory(
                article=article, quote=sentence, figure=figure, start=at, end=at + len(figure),
                value_low=float(figure), value_high=float(figure), status="candidate",
                subject="people missing",
            )
        )  # fmt: skip
    return made


# The reviewer's way.


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_reviewer_goes_from_the_assigned_claim_to_a_submitted_review(page_at, people, width):
    speaker = SpeakerFactory(name="Amara Diallo")
    claim = ClaimFactory(speaker=speaker, status="confirmed")
    claim_assign(claim=claim, reviewer=people["reviewer"], by=people["editor"])
    page = page_at(width)
    log_in(page, "reviewer")
    assert (
        "an editor reads the review and publishes it"
        in page.locator("#what-submitted-means").inner_text()
    )
    shot(page, f"reviewer-home-{width}")

    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    write = page.locator("a.claims-next-step", has_text="Write a review")
    assert write.is_visible()
    in_view(page, "a.claims-next-step", width)
    shot(page, f"reviewer-claim-page-{width}")
    write.click()

    # The form: the claim's sentence with the figure marked, its article, speaker and metric,
    # and every verdict with its meaning next to its choice.
    page.wait_for_selector(".review-claim .claims-summary")
    mark = page.locator(".review-claim mark.claims-figure")
    assert mark.inner_text() == "3,000 to 5,000" and mark.is_visible()
    summary = page.locator(".review-claim").inner_text()
    assert claim.article.title in summary and "Amara Diallo" in summary
    assert claim.article.outlet.name in summary and "4 March 2024" in summary
    overstated = page.locator("label[for] >> text=Overstated — The evidence points to a clearly")
    assert overstated.is_visible()
    in_view(page, ".field-rating label", width)
    no_sideways_scroll(page, width)
    shot(page, f"review-form-{width}")
    page.check("input[name=rating][value=overstated]")
    page.fill("#id_rationale", "The ministry's own table gives 2,100 for that week.")
    page.click("input[name=_continue]")
    page.wait_for_selector("button.review-submit")

    # Back on the claim, the draft is offered again, not a second review.
    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    page.locator("a.claims-next-step", has_text="Continue your review").click()
    page.wait_for_selector("button.review-submit")
    page.click("button.review-submit")
    page.wait_for_selector(".messagelist")
    assert "waits for an editor" in page.locator(".review-status-help").inner_text()
    assert page.locator("button.review-publish").count() == 0
    assert Review.objects.get(claim=claim).status == Review.Status.SUBMITTED
    shot(page, f"review-submitted-{width}")

    # The reviewer's own name leads to their reviews, never to a bare 403.
    page.locator(".field-reviewer_name a").click()
    page.wait_for_selector("#result_list")
    assert "403" not in page.title()
    assert page.locator("#result_list tbody tr").count() == 1


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_reviewer_opening_an_unassigned_claim_is_told_so_and_led_back(page_at, people, width):
    mine = ClaimFactory()
    claim_assign(claim=mine, reviewer=people["reviewer"], by=people["editor"])
    other = ClaimFactory()
    page = page_at(width)
    log_in(page, "reviewer")
    page.goto(f"/admin/claims/claim/{other.pk}/change/")
    message = page.locator(".messagelist").inner_text()
    assert "is not assigned to you; ask an editor" in message
    assert "Perhaps it was deleted" not in page.locator("body").inner_text()
    no_sideways_scroll(page, width)
    shot(page, f"reviewer-unassigned-claim-{width}")
    with page.expect_navigation():
        page.locator(".messagelist a", has_text="Back to the claims assigned to you").click()
    page.wait_for_selector("#result_list")
    assert page.locator("#result_list tbody tr").count() == 1


def test_links_on_the_reviewer_s_pages_never_answer_403(page_at, people):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=people["reviewer"], by=people["editor"])
    page = page_at(1400)
    log_in(page, "reviewer")
    page.goto(f"/admin/reviews/review/add/?claim={claim.pk}")
    page.check("input[name=rating][value=accurate]")
    page.fill("#id_rationale", "Matches the table.")
    page.click("input[name=_continue]")
    page.wait_for_selector("button.review-submit")
    review_page = page.url
    for path in (review_page, f"/admin/claims/claim/{claim.pk}/change/", "/admin/"):
        page.goto(path)
        links = page.eval_on_selector_all(
            "#content a[href^='/admin/']", "links => links.map(a => a.getAttribute('href'))"
        )
        for href in set(links):
            if "logout" in href:
                continue
            assert page.request.get(href).status != 403, (path, href)


# The editor's keyboard triage.


def queue_articles():
    article = ArticleFactory(title="Storm leaves the valley counting", body=FLOOD)
    return article, candidates(article, [("12", 0), ("40", 0), ("300", 1)])


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_an_editor_triages_the_queue_with_the_keyboard_alone(page_at, people, width):
    article, (missing, boats, homes) = queue_articles()
    MetricFactory(name="Homes damaged by the storm")
    page = page_at(width)
    log_in(page, "editor")
    page.goto("/admin/claims/claim/queue/")
    legend = page.locator("#triage-keys")
    assert legend.is_visible() and "j" in legend.inner_text()
    heading = page.locator(".triage-article h2").inner_text()
    assert article.title in heading and "3 candidates" in heading
    marked = page.locator(f"#triage-{missing.pk} mark.claims-figure")
    assert marked.inner_text() == "12" and marked.is_visible()
    no_sideways_scroll(page, width)
    current = page.locator(".triage-item.is-current")
    assert current.get_attribute("data-claim") == str(missing.pk)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # where the keyboard is shows
    shot(page, f"triage-queue-{width}")

    page.keyboard.press("j")
    assert current.get_attribute("data-claim") == str(boats.pk)
    page.keyboard.press("k")
    assert current.get_attribute("data-claim") == str(missing.pk)
    page.keyboard.press("c")  # confirm "12": the queue comes back on the next candidate
    page.wait_for_selector(".messagelist")
    assert "marked confirmed" in page.locator(".messagelist").inner_text()
    assert page.locator(".triage-item.is-current").get_attribute("data-claim") == str(boats.pk)
    page.keyboard.press("r")
    page.wait_for_selector(f"#triage-{boats.pk}", state="detached")
    assert page.locator(".triage-item.is-current").get_attribute("data-claim") == str(homes.pk)

    # m goes to the metric; typing there is choosing, not triage; Enter sets it.
    page.keyboard.press("m")
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    page.keyboard.press("c")
    page.keyboard.press("r")
    page.wait_for_timeout(300)
    homes.refresh_from_db()
    assert homes.status == Claim.Status.CANDIDATE
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist")
    assert "put into Homes damaged by the storm" in page.locator(".messagelist").inner_text()
    missing.refresh_from_db(), boats.refresh_from_db(), homes.refresh_from_db()
    assert (missing.status, boats.status, homes.status) == ("confirmed", "rejected", "candidate")
    assert homes.metric.name == "Homes damaged by the storm"
    shot(page, f"triage-after-keys-{width}")


def test_the_queue_works_without_javascript(page_at, people):
    _, (missing, _, _) = queue_articles()
    page = page_at(1400, javascript=False)
    log_in(page, "editor")
    page.goto("/admin/claims/claim/queue/")
    assert not page.locator("#triage-keys").is_visible()  # no keys promised without the script
    page.locator(f"#triage-{missing.pk} button[value=confirmed]").click()
    page.wait_for_selector(".messagelist")
    missing.refresh_from_db()
    assert missing.status == Claim.Status.CONFIRMED
    shot(page, "triage-queue-without-javascript")


def test_a_reviewer_sent_to_the_queue_is_told_it_is_an_editor_s_work(page_at, people):
    queue_articles()
    page = page_at(390)
    log_in(page, "reviewer")
    page.goto("/admin/claims/claim/queue/")
    assert "only editors confirm or reject" in page.locator(".messagelist").inner_text()
    assert "403" not in page.title()
    shot(page, "reviewer-refused-triage-390")


# The editor resolves a conflict.


def conflicting_pair():
    metric = MetricFactory(name="People displaced by the storm", slug="displaced-storm")
    made = []
    for figure, speaker, title in (
        ("3.4 million", "Lina Okafor", "Millions flee the storm"),
        ("2.1 million", "Tomas Berg", "Storm displaces two million"),
    ):
        body = f"Aid workers counted {figure} people displaced by the end of the week.\n"
        article = ArticleFactory(
            title=title, body=body, url=f"https://news.example.org/{speaker[0]}"
        )
        at = body.index(figure)
        value = float(figure.split()[0]) * 1e6
        made.append(
            ClaimFactory(
                article=article, quote=body.strip(), figure=figure, start=at,
                end=at + len(figure), value_low=value, value_high=value, metric=metric,
                status="confirmed", speaker=SpeakerFactory(name=speaker),
                as_of_start=dt.date(2024, 3, 8), as_of_end=dt.date(2024, 3, 8),
                as_of_precision="day", subject="people displaced",
            )
        )  # fmt: skip
    return metric, made


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_an_editor_resolves_a_conflict_and_is_back_on_the_metric(page_at, people, width):
    metric, (one, two) = conflicting_pair()
    page = page_at(width)
    log_in(page, "editor")
    page.goto(f"/admin/claims/metric/{metric.pk}/change/")
    page.locator("a", has_text="record a resolution").click()

    page.wait_for_selector(".resolution-claims")
    shown = page.locator(".resolution-claim")
    assert shown.count() == 2
    for position, claim in enumerate((one, two)):
        text = shown.nth(position).inner_text()
        assert claim.figure in text and claim.speaker.name in text
        assert claim.article.outlet.name in text and "8 March 2024" in text
        link = shown.nth(position).locator(f'a[href="{claim.article.url}"]')
        assert link.is_visible()
    boxes = [shown.nth(i).bounding_box() for i in range(2)]
    if width >= 1400:
        assert boxes[0]["y"] == boxes[1]["y"]  # side by side at a desk
    else:
        assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"]  # one above the other
    no_sideways_scroll(page, width)
    shot(page, f"resolution-form-{width}")

    page.select_option("#id_kind", "different_period")
    page.click("input[name=_save]")
    page.wait_for_url(f"**/admin/claims/metric/{metric.pk}/change/**")
    assert "resolved: different period" in page.locator("#figures-compared").inner_text()
    assert "different_period" not in page.locator("#figures-compared").inner_text()
    assert ConflictResolution.objects.get().kind == "different_period"
    shot(page, f"metric-after-resolution-{width}")


def test_an_anonymous_visitor_is_sent_to_log_in_from_every_new_page(page_at, people):
    page = page_at(390)
    for path in ("/admin/claims/claim/queue/", "/admin/claims/conflictresolution/add/"):
        page.goto(path)
        assert "/admin/login/" in page.url, path
        assert page.locator("#id_username").is_visible()


# Dates, as the editor adds an article.


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_an_article_added_in_admin_takes_its_date_from_its_dateline_or_warns(
    page_at, people, tasks_in_process, width
):
    page = page_at(width)
    log_in(page, "editor")
    page.goto("/admin/sources/article/add/")
    page.fill("#id_title", "Harbour reopens after the storm")
    page.fill(
        "#id_body",
        "Valparaíso, Saturday, November 12, 2016\nPort officials said 14 ships were waiting.\n",
    )
    page.click("input[name=_continue]")
    page.wait_for_selector(".claims-article-body")
    assert page.input_value("#id_published") == "2016-11-12"

    page.goto("/admin/sources/article/add/")
    page.fill("#id_title", "Ships wait outside the harbour")
    page.fill("#id_body", "Port officials said 16 ships were still waiting outside.\n")
    page.click("input[name=_continue]")
    page.wait_for_selector(".claims-article-body")
    assert page.input_value("#id_published") == ""
    assert "has no publication date" in page.locator("body").inner_text()
    no_sideways_scroll(page, width)
    shot(page, f"article-undated-warning-{width}")
