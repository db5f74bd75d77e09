"""The readers' pages in Chromium at a desktop (1400 px) and a phone (390 px) width: readable
without an account, no sideways scrolling, nothing fetched from another site, the ClaimReview
JSON-LD in the page. Screenshots go to tests/artifacts/."""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.utils import timezone

from reviews.models import Review
from tests.browser.conftest import needs_chromium, shot
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MetricFactory,
    OutletFactory,
    ReviewFactory,
    SpeakerFactory,
)

pytestmark = [pytest.mark.browser, needs_chromium, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1400, "phone": 390}
FIGURES = [  # thousands, year, speaker
    (14, 2020, "U.S. envoy James F. Jeffrey"),
    (30, 2020, "A regional security official"),
    (3, 2024, "A U.N. monitoring team report"),
]


@pytest.fixture
def fact_check(transactional_db):
    cache.clear()
    metric = MetricFactory(name="ISIS fighters in Iraq and Syria", slug="isis-fighters")
    outlet = OutletFactory(name="Rudaw")
    claims = []
    for thousands, year, speaker in FIGURES:
        figure = f"{thousands},000"
        body = (
            f"Officials said on Monday that {figure} fighters remain in Iraq and Syria, "
            f"a figure repeated in briefings through the year.\n"
        )
        start = body.index(figure)
        claims.append(
            ClaimFactory(
                article=ArticleFactory(
                    body=body, outlet=outlet, published=dt.date(year, 2, 14),
                    url=f"https://www.rudaw.example/english/{thousands}-{year}",
                    title=f"Thousands of fighters remain, officials say ({year})",
                ),
                quote=body.strip(), figure=figure, start=start, end=start + len(figure),
                value_low=thousands * 1000, value_high=thousands * 1000, metric=metric,
                speaker=SpeakerFactory(name=speaker), subject="ISIS fighters",
                as_of_start=dt.date(year, 1, 20), as_of_end=dt.date(year, 1, 31),
            )
        )  # fmt: skip
    review = ReviewFactory(
        claim=claims[0],
        rating="roughly_right",
        rationale="The range matches the U.S. government estimate of the time; later U.N. "
        "reports count far fewer, which is a change over four years, not a conflict.",
        evidence=["https://undocs.example.org/S/2020/53", "https://undocs.example.org/S/2024/117"],
        status=Review.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    yield review
    cache.clear()


def visit(page_for, path: str, width: int):
    page = page_for()
    page.set_viewport_size({"width": width, "height": 900})
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://localhost", "http://127.0.0.1", "data:"))
            else None
        ),
    )
    response = page.goto(path)
    assert response.status == 200
    return page, outside


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("screen", list(WIDTHS))
def test_a_reader_opens_a_fact_check_on_any_screen(page_for, fact_check, screen):
    page, outside = visit(page_for, f"/fact-checks/{fact_check.pk}/", WIDTHS[screen])

    assert page.locator("mark").first.inner_text() == "14,000"
    assert page.locator(".verdict-box .verdict").inner_text() == "Roughly right"
    assert page.locator("a[href='https://www.rudaw.example/english/14-2020']").count() == 1
    chart = page.locator("figure.chart img")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('figure.chart img').naturalWidth > 0")
    document = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert document["url"].endswith(f"/fact-checks/{fact_check.pk}/")
    assert no_sideways_scroll(page)
    assert outside == []
    shot(page, f"public-fact-check-{screen}")


@pytest.mark.parametrize("screen", list(WIDTHS))
def test_a_reader_finds_it_in_the_index_and_reads_the_metric(page_for, fact_check, screen):
    page, outside = visit(page_for, "/fact-checks/", WIDTHS[screen])
    page.fill("input[name=q]", "Jeffrey")
    page.click("button[type=submit]")
    page.wait_for_url("**/fact-checks/?*")
    assert page.locator("li.fact-check").count() == 1
    assert no_sideways_scroll(page)
    shot(page, f"public-index-{screen}")

    page.click("li.fact-check a.claim")
    page.click("text=Every figure stated for")
    page.wait_for_url("**/metrics/isis-fighters/")
    assert page.locator("table.figures tbody tr").count() == len(FIGURES)
    assert page.locator("li.finding").count() >= 1
    assert no_sideways_scroll(page)
    assert outside == []
    shot(page, f"public-metric-{screen}")
