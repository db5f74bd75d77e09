"""What the newsroom sees, measured in Chromium at a desk (1400 px) and on a phone (390 px):
claim lists without a sideways scroll, charts whose labels never overprint, a warning before
unsaved edits are thrown away, and the refusals each role meets. Screenshots go to
tests/artifacts/."""

import datetime as dt
import json

import pytest

from claims.models import Claim
from reviews.services import claim_assign, review_create, review_submit
from tests.browser.conftest import log_in, needs_chromium, shot
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory, SpeakerFactory

pytestmark = [pytest.mark.browser, needs_chromium, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desk": 1400, "phone": 390}
LONG_SUBJECT = "fighters of the Islamic State group in Iraq and Syria, both active and reserve"
LONG_SOURCE = "Analytical Support and Sanctions Monitoring Team of the United Nations"


def crowded_metric():
    """A metric of 30 confirmed claims on five dates, with long subjects, sources and titles."""
    metric = MetricFactory(name="Fighters in Iraq and Syria", slug="fighters-crowded")
    days = [dt.date(2020, 1, 21), dt.date(2020, 6, 1), dt.date(2021, 3, 3),
            dt.date(2023, 8, 15), dt.date(2024, 1, 31)]  # fmt: skip
    for number in range(30):
        article = ArticleFactory(
            title=f"A long headline about the fighters who remain, part {number}"
        )
        ClaimFactory(
            article=article, metric=metric, subject=LONG_SUBJECT,
            speaker=SpeakerFactory(name=f"{LONG_SOURCE} {number}"),
            value_low=3000 + 10 * (number % 4), value_high=5000 + 10 * (number % 3),
            as_of_start=days[number % 5], as_of_end=days[number % 5],
        )  # fmt: skip
    return metric


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart_x = a["x"] + a["w"] - 0.5 <= b["x"] or b["x"] + b["w"] - 0.5 <= a["x"]
            apart_y = a["y"] + a["h"] - 0.5 <= b["y"] or b["y"] + b["h"] - 0.5 <= a["y"]
            if not (apart_x or apart_y):
                found.append((a["text"], b["text"]))
    return found


SVG_TEXT_BOXES = """() => [...document.querySelectorAll('.chart svg text')]
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height}; })
    .filter(b => b.text.trim() && b.w > 0)"""


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_chart_of_thirty_claims_on_five_dates_has_no_overlapping_labels(page_at, people, width):
    metric = crowded_metric()
    page = page_at(width)
    page.goto(f"/api/reports/conflicts.html?metric={metric.slug}")
    page.wait_for_selector(".chart svg")
    boxes = page.evaluate(SVG_TEXT_BOXES)
    assert len(boxes) > 30  # ticks, legend, numbers and the key
    assert overlaps(boxes) == []
    svg = page.locator(".chart svg").bounding_box()
    for box in boxes:  # nothing cut at the chart's edge
        assert svg["x"] - 1 <= box["x"] and box["x"] + box["w"] <= svg["x"] + svg["width"] + 1
    shot(page, f"report-crowded-chart-{width}")


def test_the_claim_list_shows_every_column_without_scrolling_at_1400_px(page_at, people):
    crowded_metric()
    page = page_at(1400)
    log_in(page, "editor")
    page.goto("/admin/claims/claim/")
    headers = page.locator("#result_list thead th")
    assert headers.count() >= 9
    for index in range(headers.count()):
        box = headers.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1400, headers.nth(index).inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1400
    rows = page.locator("#result_list tbody tr")
    heights = [rows.nth(i).bounding_box()["height"] for i in range(min(rows.count(), 10))]
    assert max(heights) < 45, heights
    text = page.locator("#result_list").inner_text()
    assert "3,000–5,000" in text or "3,000–5,010" in text
    assert ".0" not in page.locator("#result_list td.field-bounds_display").first.inner_text()
    shot(page, "claim-list-1400")


def test_the_claim_list_on_a_phone_keeps_figure_subject_and_status_in_view(page_at, people):
    crowded_metric()
    page = page_at(390)
    log_in(page, "editor")
    page.goto("/admin/claims/claim/")
    for column in ("figure_display", "subject", "bounds_display", "status"):
        box = page.locator(f"#result_list th.column-{column}").bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390, column
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "claim-list-390")


def test_unsaved_edits_on_an_article_page_are_not_lost_without_a_warning(page_at, people):
    article = ArticleFactory(published=None)
    claim = ClaimFactory(article=article, status=Claim.Status.CANDIDATE)
    page = page_at(1400)
    log_in(page, "editor")
    page.goto(f"/admin/sources/article/{article.pk}/change/")
    page.fill("#id_published", "2024-05-11")
    messages = []

    def dismiss(dialog):
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.locator(f'.claim-triage[data-claim="{claim.pk}"] button[value="confirmed"]').click()
    assert messages and "not saved" in messages[0]
    # Still on the page, the date still typed, the claim not decided.
    assert page.input_value("#id_published") == "2024-05-11"
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CANDIDATE
    shot(page, "unsaved-edit-warning")
    # Saving the form itself never warns.
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist")
    article.refresh_from_db()
    assert article.published == dt.date(2024, 5, 11)


def test_a_reviewer_is_offered_submit_and_never_publish(page_at, people):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=people["reviewer"], by=people["editor"])
    review = review_submit(
        review=review_create(claim=claim, reviewer=people["reviewer"], rating="accurate",
                             rationale="Matches the ministry's table."),
        by=people["reviewer"],
    )  # fmt: skip
    page = page_at(1400)
    log_in(page, "reviewer")
    assert "waiting for an editor" in page.locator("#work-queues").inner_text()
    page.goto(f"/admin/reviews/review/{review.pk}/change/")
    assert page.locator("button.review-publish").count() == 0
    shot(page, "reviewer-submitted-review")
    editor = page_at(1400)
    log_in(editor, "editor")
    queue = editor.locator('#work-queues [data-queue="submitted"]').inner_text()
    assert queue.strip() == "1"
    editor.goto(f"/admin/reviews/review/{review.pk}/change/")
    assert editor.locator("button.review-publish").is_visible()
    shot(editor, "editor-sees-publish")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_an_anonymous_visitor_is_refused_writes_and_sent_to_log_in(page_at, people, width):
    page = page_at(width)
    page.goto("/admin/claims/claim/")
    assert "/admin/login/" in page.url
    answer = page.request.post(
        "/api/metrics/",
        data=json.dumps({"name": "x"}),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status == 401 and answer.headers["www-authenticate"].startswith("Token")
    assert page.request.get("/favicon.ico").status == 200
    shot(page, f"anonymous-login-{width}")
