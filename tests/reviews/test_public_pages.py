"""The readers' pages: a fact-check per published review, a page per metric, the index.

No login, only published reviews of confirmed claims, every string escaped (the JSON-LD too),
cached, and a fixed number of queries whatever the size.
"""

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from claims.models import Claim, ConflictResolution
from reviews.claimreview import claimreview_document
from reviews.models import Review
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MetricFactory,
    OutletFactory,
    ReviewFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db
HOST = "testserver"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def figure_claim(thousands: int, *, metric=None, year: int = 2024, speaker=None, **fields):
    """A confirmed claim on "N,000 fighters" in an article of its own."""
    figure = f"{thousands},000"
    body = f"Officials said on Monday that {figure} fighters remain in the area.\n"
    article = ArticleFactory(
        body=body,
        url=f"https://news.example.org/{thousands}-{year}",
        published=dt.date(year, 3, 4),
        outlet=OutletFactory(),
    )
    start = body.index(figure)
    return ClaimFactory(
        article=article, quote=body.strip(), figure=figure, start=start, end=start + len(figure),
        value_low=thousands * 1000, value_high=thousands * 1000, metric=metric,
        speaker=speaker or SpeakerFactory(), as_of_start=dt.date(year, 3, 1),
        as_of_end=dt.date(year, 3, 1), **fields,
    )  # fmt: skip


def published(claim, **fields):
    defaults = {
        "rating": "overstated",
        "rationale": "The monitoring team counts far fewer.",
        "evidence": ["https://undocs.example.org/S/2024/117"],
        "status": Review.Status.PUBLISHED,
        "published_at": timezone.now(),
    }
    return ReviewFactory(claim=claim, **{**defaults, **fields})


def metric_with(n: int):
    metric = MetricFactory(name="ISIS fighters in Iraq and Syria", slug=f"isis-fighters-{n}")
    claims = [figure_claim(3 + i, metric=metric, year=2020 + i % 2) for i in range(n)]
    return metric, claims


def json_ld_of(html: str) -> dict:
    (block,) = JSON_LD.findall(html)
    return json.loads(block)


# -------------------------------------------------------------------------- fact-check page


def test_a_fact_check_page_shows_the_claim_its_source_and_the_verdict_without_login():
    metric, claims = metric_with(3)
    review = published(claims[0])

    response = Client().get(f"/fact-checks/{review.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>3,000</mark> fighters remain" in html
    assert 'href="https://news.example.org/3-2020"' in html
    assert "Overstated" in html and "The monitoring team counts far fewer." in html
    assert 'href="https://undocs.example.org/S/2024/117"' in html
    assert f'<img src="/metrics/{metric.slug}/chart.svg"' in html  # the comparison chart
    assert f'href="/metrics/{metric.slug}/"' in html


def test_the_page_embeds_its_claimreview_whose_url_is_the_page(rf):
    review = published(figure_claim(14))

    response = Client().get(f"/fact-checks/{review.pk}/")

    document = json_ld_of(response.content.decode())
    request = rf.get(f"/fact-checks/{review.pk}/")
    assert document == claimreview_document(review, request=request)
    assert document["url"] == f"http://{HOST}/fact-checks/{review.pk}/"


def test_user_strings_are_escaped_in_the_page_and_in_its_json_ld():
    attack = "</script><script>alert(1)</script> & <b>bold</b>"
    claim = figure_claim(5, speaker=SpeakerFactory(name="<img src=x onerror=alert(2)>"))
    review = published(claim, rationale=attack)

    html = Client().get(f"/fact-checks/{review.pk}/").content.decode()

    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert json_ld_of(html)["reviewBody"] == attack  # read back whole, nothing lost


@pytest.mark.parametrize(
    ("review_status", "claim_status"),
    [("draft", "confirmed"), ("submitted", "confirmed"), ("withdrawn", "confirmed"),
     ("published", "candidate"), ("published", "rejected")],
)  # fmt: skip
def test_only_published_reviews_of_confirmed_claims_have_a_page(review_status, claim_status):
    claim = figure_claim(7, status=claim_status)
    review = published(claim, status=review_status)

    assert Client().get(f"/fact-checks/{review.pk}/").status_code == 404
    assert f"/fact-checks/{review.pk}/" not in Client().get("/fact-checks/").content.decode()


def test_an_imported_review_shows_the_fact_checkers_name_label_and_scale():
    review = published(
        figure_claim(9),
        rating="unsupported",
        source_organization="Agência Exemplo",
        source_url="https://agencia.example/2024/04/a-check",
        source_rating_label="Falso",
        source_rating_value=4,
        source_best_rating=6,
        source_worst_rating=1,
        source_claim_reviewed="O número citado é 9 mil",
    )

    html = Client().get(f"/fact-checks/{review.pk}/").content.decode()

    assert "Fact-check by Agência Exemplo" in html
    assert "<strong>Falso</strong> (4 on a scale from 1 to 6)" in html
    assert 'href="https://agencia.example/2024/04/a-check"' in html
    assert "O número citado é 9 mil" in html
    document = json_ld_of(html)
    assert document["author"]["name"] == "Agência Exemplo"
    assert document["url"] == "https://agencia.example/2024/04/a-check"


def test_pages_are_cached_and_a_repeat_costs_no_query(django_assert_num_queries):
    review = published(figure_claim(11))
    client = Client()
    client.get(f"/fact-checks/{review.pk}/")
    client.get("/fact-checks/")

    with django_assert_num_queries(0):
        assert client.get(f"/fact-checks/{review.pk}/").status_code == 200
        assert client.get("/fact-checks/").status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_the_fact_check_page_runs_a_fixed_number_of_queries(size, django_assert_num_queries):
    _, claims = metric_with(size)
    review = published(claims[0])

    # The review with its claim, article, outlet, speaker and metric (the chart is an image).
    with django_assert_num_queries(1):
        assert Client().get(f"/fact-checks/{review.pk}/").status_code == 200


# ------------------------------------------------------------------------------ metric page


def test_the_metric_page_lists_every_figure_the_conflicts_and_their_resolutions():
    metric = MetricFactory(name="Fighters", slug="fighters", comparability_days=365)
    old = figure_claim(14, metric=metric, year=2020)
    rival = figure_claim(30, metric=metric, year=2020)
    new = figure_claim(3, metric=metric, year=2024)
    published(old, rating="roughly_right")
    low, high = sorted([old, rival], key=lambda c: c.pk)
    ConflictResolution.objects.create(
        claim_a=low, claim_b=high, kind="different_scope", note="One counts <b>supporters</b>."
    )

    html = Client().get("/metrics/fighters/").content.decode()

    for claim in (old, rival, new):
        assert f'id="claim-{claim.pk}"' in html
        assert claim.speaker.name in html
    assert "Change over time" in html and "Conflict" in html
    assert "One counts &lt;b&gt;supporters&lt;/b&gt;." in html
    assert "Resolved: different scope: One counts" in html  # in words, not its code
    assert "different_scope" not in html
    assert '<img src="/metrics/fighters/chart.svg"' in html
    assert "/fact-checks/" in html  # the reviewed figure links to its fact-check


def test_the_chart_is_an_svg_image_of_its_own_that_runs_no_script():
    metric, _ = metric_with(3)

    response = Client().get(f"/metrics/{metric.slug}/chart.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert Client().get("/metrics/no-such-metric/chart.svg").status_code == 404


def test_a_metric_with_many_findings_lists_the_first_and_says_how_many_more():
    from reviews.public import views

    metric = MetricFactory(slug="many", comparability_days=3650)
    for n in range(6):  # six figures that all disagree in one period: fifteen conflicts
        figure_claim(10 * (n + 1), metric=metric, year=2020)
    shown = views.FINDINGS_SHOWN
    views.FINDINGS_SHOWN = 4
    try:
        html = Client().get("/metrics/many/").content.decode()
    finally:
        views.FINDINGS_SHOWN = shown

    assert html.count('class="finding finding-') == 4
    assert "and 11 more." in html


def test_the_metric_page_shows_confirmed_claims_only_and_unknown_metrics_are_404():
    metric = MetricFactory(slug="only-confirmed")
    shown = figure_claim(4, metric=metric)
    hidden = figure_claim(6, metric=metric, status=Claim.Status.CANDIDATE)

    html = Client().get("/metrics/only-confirmed/").content.decode()

    assert f'id="claim-{shown.pk}"' in html and f'id="claim-{hidden.pk}"' not in html
    assert Client().get("/metrics/no-such-metric/").status_code == 404


@pytest.mark.parametrize("size", [2, 12])
def test_the_metric_page_runs_a_fixed_number_of_queries(size, django_assert_num_queries):
    metric, claims = metric_with(size)
    for claim in claims[:3]:
        published(claim)

    # The metric; its report (5); the fact-checks of its claims.
    with django_assert_num_queries(7):
        assert Client().get(f"/metrics/{metric.slug}/").status_code == 200


# ------------------------------------------------------------------------------------ index


def test_the_index_searches_and_filters():
    metric = MetricFactory(name="Displaced people", slug="displaced")
    a = published(figure_claim(40, metric=metric), rating="overstated")
    b = published(
        figure_claim(12, speaker=SpeakerFactory(name="Ministry of Migration")),
        rating="accurate", source_organization="Checkdesk English",
        source_url="https://checkdesk.example/en/x",
    )  # fmt: skip

    def listed(query: str) -> set[int]:
        html = Client().get(f"/fact-checks/?{query}").content.decode()
        return {int(pk) for pk in re.findall(r'href="/fact-checks/(\d+)/"', html)}

    assert listed("") == {a.pk, b.pk}
    assert listed("q=migration") == {b.pk}
    assert listed("verdict=overstated") == {a.pk}
    assert listed("metric=displaced") == {a.pk}
    assert listed("checker=checkdesk+english") == {b.pk}
    assert listed("checker=Claims+database") == {a.pk}  # ours, by the organisation setting
    assert listed("verdict=nonsense&page=zz") == {a.pk, b.pk}  # bad values are ignored


def test_the_index_escapes_the_search_it_shows():
    html = Client().get('/fact-checks/?q="><script>alert(3)</script>').content.decode()

    assert "<script>alert(3)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in html


@pytest.mark.parametrize("size", [3, 15])
def test_the_index_runs_a_fixed_number_of_queries(size, django_assert_num_queries):
    metric = MetricFactory()
    for n in range(size):
        published(figure_claim(20 + n, metric=metric if n % 2 else None))

    with django_assert_num_queries(3):
        assert Client().get("/fact-checks/").status_code == 200
