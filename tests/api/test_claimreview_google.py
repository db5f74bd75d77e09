"""Our ClaimReview against Google's fact-check markup table, written out here from the
documented list: every required and recommended property is present, non-empty, and typed."""

import datetime as dt

import pytest
from django.utils import timezone

from reviews.claimreview import claimreview_document, claimreview_feed
from tests.factories import ArticleFactory, ClaimFactory, ReviewFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

# (path, kind): "text", "url", "date", "number", "node" (a typed object), "nodes" (a list of
# typed objects). Required by Google, then recommended.
REQUIRED = [
    ("claimReviewed", "text"),
    ("reviewRating", "node"),
    ("reviewRating.alternateName", "text"),
    ("url", "url"),
]
RECOMMENDED = [
    ("author", "node"),
    ("author.name", "text"),
    ("author.url", "url"),
    ("datePublished", "date"),
    ("itemReviewed", "node"),
    ("itemReviewed.author", "node"),
    ("itemReviewed.author.name", "text"),
    ("itemReviewed.datePublished", "date"),
    ("itemReviewed.appearance", "nodes"),
    ("itemReviewed.appearance.url", "url"),
    ("reviewRating.ratingValue", "number"),
    ("reviewRating.bestRating", "number"),
    ("reviewRating.worstRating", "number"),
    ("reviewRating.name", "text"),
]
TYPES = {
    "reviewRating": {"Rating"},
    "itemReviewed": {"Claim"},
    "author": {"Organization", "Person"},
    "itemReviewed.author": {"Organization", "Person"},
}


def values_at(document: dict, path: str) -> list:
    """Every value at a dotted path, lists walked into (appearance is a list)."""
    values = [document]
    for key in path.split("."):
        found = []
        for value in values:
            for node in value if isinstance(value, list) else [value]:
                if isinstance(node, dict) and key in node:
                    found.append(node[key])
        values = found
    return values


def problems(document: dict) -> list[str]:
    wrong = []
    for path, kind in REQUIRED + RECOMMENDED:
        values = values_at(document, path)
        if not values:
            wrong.append(f"{path}: missing")
            continue
        for value in values:
            ok = {
                "text": isinstance(value, str) and value.strip() != "",
                "url": isinstance(value, str) and value.startswith(("http://", "https://")),
                "date": isinstance(value, str) and _is_date(value),
                "number": isinstance(value, int | float) and not isinstance(value, bool),
                "node": isinstance(value, dict) and bool(value.get("@type")),
                "nodes": isinstance(value, list) and all(isinstance(v, dict) for v in value),
            }[kind]
            if ok and path in TYPES:
                ok = value.get("@type") in TYPES[path]
            if not ok:
                wrong.append(f"{path}: {value!r} is not a {kind}")
    return wrong


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


@pytest.fixture
def api_request(rf, settings):
    settings.ALLOWED_HOSTS = ["checks.example.org"]
    return rf.get("/api/claimreviews/", HTTP_HOST="checks.example.org")


def our_review(**provenance):
    article = ArticleFactory()
    article.url = f"https://news.example.org/2024/fighters-{article.pk}"
    article.save(update_fields=["url"])
    claim = ClaimFactory(article=article, speaker=SpeakerFactory(name="A U.N. report"))
    return ReviewFactory(claim=claim, status="published", published_at=timezone.now(), **provenance)


def test_our_own_review_carries_every_required_and_recommended_property(api_request):
    assert problems(claimreview_document(our_review(), request=api_request)) == []


def test_every_item_of_the_feed_carries_them_too(api_request):
    our_review()
    our_review()

    graph = claimreview_feed(request=api_request)["@graph"]

    assert len(graph) == 2
    assert [problems(item) for item in graph] == [[], []]


def test_an_imported_review_carries_them_with_the_fact_checkers_values(api_request):
    review = our_review(
        source_organization="Checkdesk English",
        source_organization_url="https://checkdesk.example/en/",
        source_url="https://checkdesk.example/en/fact-check/1",
        source_claim_reviewed="3,000 to 5,000 fighters remain",
        source_rating_label="Mostly true",
        source_rating_value=4,
        source_best_rating=5,
        source_worst_rating=1,
    )

    document = claimreview_document(review, request=api_request)

    assert problems(document) == []
    assert document["author"] == {
        "@type": "Organization", "name": "Checkdesk English", "url": "https://checkdesk.example/en/"
    }  # fmt: skip
    assert document["reviewRating"]["alternateName"] == "Mostly true"
    assert document["reviewRating"]["name"] == "Mostly true"


def test_the_check_finds_what_is_missing():
    # The table check itself must fail on a document without these properties.
    assert "url: missing" in problems({"@type": "ClaimReview", "claimReviewed": "x"})
    assert "itemReviewed.appearance.url: missing" in problems(
        {"itemReviewed": {"@type": "Claim", "appearance": [{"@type": "NewsArticle"}]}}
    )
