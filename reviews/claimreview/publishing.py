"""Our ClaimReview JSON-LD: one published review as a document, many as a feed.

``url`` is the review's public fact-check page (``/fact-checks/<id>/``), the page a reader opens
and where the same JSON-LD is embedded. A review imported from another fact-checker is
re-published as theirs: their organisation as ``author``, their url, their ``claimReviewed`` and
their rating (label as ``alternateName`` and ``name``, with their own value and scale when they
gave one). Our own reviews carry our organisation (settings ``CLAIMREVIEW_ORGANIZATION_NAME``
and ``_URL``) and our scale: worst 1, best 5, the verdict's label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from claims.core.verdicts import BEST_RATING, SCALE, WORST_RATING, Verdict
from claims.models import Claim, Speaker
from reviews.claimreview.reading import DOCUMENT_TYPE
from reviews.models import Review
from sources.models import Article

CONTEXT = "https://schema.org"
# Google: "Try to keep this less than 75 characters".
CLAIM_REVIEWED_MAX = 74
ELLIPSIS = "\u2026"

# The words that write a claim's qualifier back in front of its figure (claims.core.intervals).
QUALIFIER_WORDS = {
    "exact": "",
    "approximate": "about",
    "nearly": "nearly",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "up to",
    "less_than": "less than",
}
_AUTHOR_TYPES = {"person": "Person", "organisation": "Organization", "document": "Organization"}
_RELATED = ("claim__article__outlet", "claim__speaker")


def published_reviews() -> QuerySet[Review]:
    """Published reviews, newest first, with everything their ClaimReview documents read."""
    return (
        Review.objects.filter(status=Review.Status.PUBLISHED)
        .select_related(*_RELATED)
        .order_by("-published_at", "-id")
    )


def claim_reviewed_text(claim: Claim) -> str:
    """A short plain sentence stating the claim: qualifier, figure, subject, speaker.

    Under 75 characters (Google's advice for ``claimReviewed``), cut at a word boundary, and
    free of any verdict: it says what was claimed, never what the reviewer decided.
    """
    figure = claim.figure.strip()
    if figure.lower() in {"a", "an"}:
        figure = "one"
    if claim.unit and claim.unit != "count" and not re.search(r"[A-Za-z%$\u20ac\u00a3]", figure):
        figure = f"{figure} {claim.unit}"
    word = QUALIFIER_WORDS.get(claim.qualifier, "")
    if word == "less than" and claim.unit == "count":
        word = "fewer than"
    head = f"{word} {figure}".strip()
    stated = " ".join(f"{head} {claim.subject}".split())
    if word:
        stated = stated[0].upper() + stated[1:]
    speaker = claim.speaker.name if claim.speaker_id else ""
    if speaker:
        with_speaker = f"{stated}, according to {speaker}"
        if len(with_speaker) <= CLAIM_REVIEWED_MAX:
            return with_speaker
    if len(stated) <= CLAIM_REVIEWED_MAX:
        return stated
    return _trim(stated, CLAIM_REVIEWED_MAX)


def _trim(text: str, limit: int) -> str:
    """``text`` cut at the last word boundary that leaves room for an ellipsis."""
    room = limit - len(ELLIPSIS)
    cut = text[:room]
    if text[room : room + 1].strip() and " " in cut:  # the cut falls inside a word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-(") + ELLIPSIS


def _iso_date(value: dt.date | None, precision: str = "day") -> str | None:
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _absolute(request: Any, path: str) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    base = settings.CLAIMREVIEW_ORGANIZATION_URL.rstrip("/")
    return f"{base}{path}" if base else path


def fact_check_path(review: Review) -> str:
    """The public page of a published review."""
    return reverse("public:fact-check", args=[review.pk])


def _organization(name: str, url: str = "") -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        node["url"] = url
    return node


def _claim_author(claim: Claim) -> dict[str, Any] | None:
    speaker = claim.speaker
    if speaker is not None:
        node: dict[str, Any] = {"@type": _AUTHOR_TYPES.get(speaker.kind, "Person")}
        if speaker.kind == Speaker.Kind.DOCUMENT:
            node["additionalType"] = DOCUMENT_TYPE
        node["name"] = speaker.name
        if speaker.role:
            node["jobTitle" if speaker.kind == Speaker.Kind.PERSON else "description"] = (
                speaker.role
            )
        return node
    outlet = claim.article.outlet
    return _organization(outlet.name, outlet.homepage) if outlet is not None else None


def _appearance(article: Article, review: Review) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "NewsArticle"}
    url = article.url or review.source_appearance_url
    if url:
        node["url"] = url
    node["headline"] = article.title
    published = _iso_date(article.published, article.published_precision)
    if published:
        node["datePublished"] = published
    if article.outlet is not None:
        node["publisher"] = _organization(article.outlet.name, article.outlet.homepage)
    return node


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _rating(review: Review) -> dict[str, Any]:
    info = SCALE[Verdict(review.rating)]
    if not review.is_imported:
        return {
            "@type": "Rating",
            "ratingValue": info.rating_value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": info.label,
            "name": info.label,
        }
    # Theirs: their label, and their numbers only when they gave them.
    rating: dict[str, Any] = {"@type": "Rating"}
    for key, value in (
        ("ratingValue", review.source_rating_value),
        ("bestRating", review.source_best_rating),
        ("worstRating", review.source_worst_rating),
    ):
        if value is not None:
            rating[key] = _number(value)
    label = review.source_rating_label or info.label
    rating["alternateName"] = label
    rating["name"] = label
    return rating


def claimreview_document(
    review: Review, *, request: Any = None, with_context: bool = True
) -> dict[str, Any]:
    """The schema.org ClaimReview JSON-LD (a dict) of one published review.

    ``url`` is the review's public page, absolute when ``request`` is given (or when the
    organisation url is set); an imported review keeps its fact-checker's url, name, text and
    rating. ``with_context=False`` leaves ``@context`` out (for the items of a feed's
    ``@graph``). Raises ValueError for a review that is not published.
    """
    if review.status != Review.Status.PUBLISHED or review.published_at is None:
        raise ValueError(f"review {review.pk} is not published")
    claim = review.claim
    document: dict[str, Any] = {"@context": CONTEXT} if with_context else {}
    if review.is_imported:
        author = _organization(review.source_organization, review.source_organization_url)
        url = review.source_url or _absolute(request, fact_check_path(review))
        lines = review.source_claim_reviewed.split("\n")
        claim_reviewed: str | list[str] = lines if len(lines) > 1 else lines[0]
        published = review.source_date or timezone.localtime(review.published_at).date()
    else:
        home = settings.CLAIMREVIEW_ORGANIZATION_URL or (_absolute(request, "/") if request else "")
        author = _organization(settings.CLAIMREVIEW_ORGANIZATION_NAME, home)
        url = _absolute(request, fact_check_path(review))
        claim_reviewed = claim_reviewed_text(claim)
        published = timezone.localtime(review.published_at).date()
    document.update(
        {
            "@type": "ClaimReview",
            "url": url,
            "datePublished": published.isoformat(),
            "author": author,
            "claimReviewed": claim_reviewed or claim_reviewed_text(claim),
            "reviewRating": _rating(review),
            "itemReviewed": _item_reviewed(claim, claim.article, review),
            "reviewBody": review.rationale,
        }
    )
    links = [link for link in review.evidence or [] if isinstance(link, str) and link != url]
    if links:
        document["citation"] = [{"@type": "CreativeWork", "url": link} for link in links]
    return document


def _item_reviewed(claim: Claim, article: Article, review: Review) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(claim)
    if author is not None:
        item["author"] = author
    published = _iso_date(article.published, article.published_precision)
    if published:
        item["datePublished"] = published
    item["appearance"] = [_appearance(article, review)]
    return item


def claimreview_feed(
    reviews: Iterable[Review] | None = None, *, request: Any = None
) -> dict[str, Any]:
    """All published reviews among ``reviews`` (all of them when None) as one JSON-LD document.

    The shape is ``{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}``: one
    context for the whole feed, each item a ClaimReview without its own ``@context``. Reviews
    that are not published are left out. A queryset is narrowed and joined in the database.
    """
    if reviews is None:
        reviews = published_reviews()
    elif isinstance(reviews, QuerySet) and not reviews.query.is_sliced:
        reviews = reviews.filter(status=Review.Status.PUBLISHED).select_related(*_RELATED)
    graph = [
        claimreview_document(review, request=request, with_context=False)
        for review in reviews
        if review.status == Review.Status.PUBLISHED and review.published_at is not None
    ]
    return {"@context": CONTEXT, "@graph": graph}
