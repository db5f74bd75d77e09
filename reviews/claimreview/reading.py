"""Reading ClaimReview as fact-checkers publish it: finding the items, normalising each one.

A document may be one ClaimReview, a list, an ``@graph`` (beside the WebPage, WebSite and
BreadcrumbList nodes of the page), a ``DataFeed`` of ``DataFeedItem``s, or a saved fact-check
page (HTML) carrying any of these as JSON-LD or microdata. Each item is normalised the same way:
HTML entities decoded (``&#039;`` is an apostrophe, not the figure 039), empty strings and empty
lists taken as missing, ``itemReviewed`` typed ``Claim`` or the older ``CreativeWork``, the
claimant a Person, an Organization, a list of them or plain text (or nobody), ``claimReviewed``
a text or a list of texts. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from claims.core.verdicts import Verdict
from claims.models import Speaker
from reviews.claimreview.ratings import OriginalRating, RatingError, original_rating, verdict_for

DOCUMENT_TYPE = "https://schema.org/CreativeWork"
_DOCUMENT_TYPES = {
    "CreativeWork", "Report", "Article", "NewsArticle", "ScholarlyArticle", "Book", "Dataset",
    "DigitalDocument", "Legislation", "WebPage", "GovernmentPermit", "SocialMediaPosting",
    "VideoObject", "MediaObject", "ImageObject",
}  # fmt: skip
_ORGANISATION_TYPE = re.compile(
    r"(Organization|Organisation|NGO|Corporation|GovernmentOrganization|PoliticalParty|"
    r"NewsMediaOrganization|ResearchOrganization|Consortium|Project|FundingScheme)$"
)
# Keys under which a page's node may hold its ClaimReview (a WebPage's mainEntity, an
# Article's review, a DataFeedItem's item).
_NESTING_KEYS = ("@graph", "dataFeedElement", "item", "mainEntity", "review", "hasPart")
_check_url = URLValidator(schemes=["http", "https"])


class NoClaimReview(ValueError):
    """The payload holds no ClaimReview item at all (its structure is not one we read)."""


def _error(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


# ---------------------------------------------------------------------------- the items


def type_names(node: dict[str, Any]) -> list[str]:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return [
        re.sub(r"^(?:https?://schema\.org/|schema:)", "", name.strip())
        for name in types
        if isinstance(name, str)
    ]


# Deeper than this, a document is not a ClaimReview we read (the wrappers nest a few levels).
MAX_DEPTH = 12


def clean(value: Any, depth: int = 0) -> Any:
    """``value`` with entities decoded and NUL characters dropped in every text, and "", [] and
    {} taken as missing (None); nodes nested deeper than MAX_DEPTH are dropped too.
    """
    if isinstance(value, str):
        # Line breaks are kept (a reviewBody's paragraphs); one-line fields collapse in text_of.
        # NUL is dropped: PostgreSQL cannot store it in text, and no fact-check needs it.
        text = html.unescape(value).replace("\x00", "").strip()
        return text or None
    if depth >= MAX_DEPTH and isinstance(value, list | dict):
        return None
    if isinstance(value, list):
        items = [item for item in (clean(v, depth + 1) for v in value) if item is not None]
        return items or None
    if isinstance(value, dict):
        pairs = ((str(k), clean(v, depth + 1)) for k, v in value.items())
        node = {key: item for key, item in pairs if item is not None}
        return node or None
    return value


def claimreview_items(payload: Any) -> list[dict[str, Any]]:
    """Every ClaimReview node in a parsed JSON(-LD) payload, cleaned, in document order.

    Raises NoClaimReview when there is none.
    """
    found: list[dict[str, Any]] = []

    def walk(node: Any, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
            return
        if not isinstance(node, dict):
            return
        if "ClaimReview" in type_names(node):
            found.append(node)
            return
        for key in _NESTING_KEYS:
            if key in node:
                walk(node[key], depth + 1)

    walk(payload, 0)
    if not found:
        raise NoClaimReview("no ClaimReview item found (as a document, a list, @graph or DataFeed)")
    return [clean(item) or {} for item in found]


def claimreview_items_in_html(text: str) -> list[dict[str, Any]]:
    """The ClaimReview items of a saved fact-check page, from its JSON-LD and microdata."""
    import extruct  # with its HTML parsers: loaded when the first page is read

    try:
        data = extruct.extract(text, syntaxes=["json-ld", "microdata"], uniform=True)
    except Exception as exc:  # extruct passes on whatever its parsers raise
        raise NoClaimReview(f"the page could not be read as HTML: {exc}") from None
    return claimreview_items([data.get("json-ld", []), data.get("microdata", [])])


# ---------------------------------------------------------------------------- one item


@dataclass(frozen=True)
class Appearance:
    url: str | None
    headline: str
    publisher: str
    published: dt.date | None
    precision: str


@dataclass(frozen=True)
class ParsedReview:
    """One ClaimReview item, checked and read; ``claim_reviewed`` is the sentence we extract
    from, ``original_claim_reviewed`` the text as published (a list joined by newlines)."""

    claim_reviewed: str
    claim_texts: tuple[str, ...]
    original_claim_reviewed: str
    verdict: Verdict
    rating: OriginalRating
    author_name: str
    author_kind: str | None
    claim_date: dt.date | None
    claim_date_precision: str
    appearance: Appearance | None
    url: str | None
    review_author: str
    review_author_url: str
    review_published: dt.datetime | None
    review_body: str
    citations: list[str]


def text_of(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def name_of(value: Any) -> str:
    if isinstance(value, str):
        return text_of(value)
    if isinstance(value, dict):
        return text_of(value.get("name")) or text_of(value.get("alternateName"))
    if isinstance(value, list):
        return next((name for name in map(name_of, value) if name), "")
    return ""


def _first_node(value: Any) -> Any:
    if isinstance(value, list):
        return next((v for v in value if name_of(v)), value[0] if value else None)
    return value


def _url(value: Any, field: str) -> str | None:
    url = text_of(value) or None
    if url:
        try:
            _check_url(url)
        except ValidationError:
            raise _error(field, f"{field} is not an http(s) URL: {url!r}") from None
    return url


def parse_date(value: Any, field: str) -> tuple[dt.date | None, str, dt.datetime | None]:
    """(date, precision, datetime when a time was given) of an ISO 8601 date or date-time."""
    if value is None:
        return None, "day", None
    if not isinstance(value, str):
        raise _error(field, f"{field} must be an ISO 8601 date, not {value!r}")
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), "year", None
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = text.split("-")
            return dt.date(int(year), int(month), 1), "month", None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text), "day", None
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _error(field, f"{field} is not an ISO 8601 date: {value!r}") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment.date(), "day", moment


def author_kind(node: Any) -> str | None:
    """The speaker kind a claimant node names: person, organisation or document."""
    if not isinstance(node, dict):
        return None
    extra = node.get("additionalType")
    extras = [e for e in (extra if isinstance(extra, list) else [extra]) if isinstance(e, str)]
    if any(e.rstrip("/").rsplit("/", 1)[-1] in _DOCUMENT_TYPES for e in extras):
        return Speaker.Kind.DOCUMENT
    for name in type_names(node):
        if name == "Person":
            return Speaker.Kind.PERSON
        if name in _DOCUMENT_TYPES:
            return Speaker.Kind.DOCUMENT
        if _ORGANISATION_TYPE.search(name):
            return Speaker.Kind.ORGANISATION
    return None


def _appearance(item: dict[str, Any]) -> Appearance | None:
    """Where the claim was made: appearance, firstAppearance, or (older CreativeWork markup)
    the reviewed work itself when it has a url. None when the document does not say."""
    raw = item.get("appearance") or item.get("firstAppearance")
    if raw is None and "Claim" not in type_names(item) and (item.get("url") or item.get("sameAs")):
        raw = {**item, "url": item.get("url") or _first_node(item.get("sameAs"))}
    nodes = raw if isinstance(raw, list) else [raw]
    works = [{"url": n} if isinstance(n, str) else n for n in nodes if isinstance(n, str | dict)]
    chosen = next((w for w in works if text_of(w.get("url"))), None)
    chosen = chosen or next((w for w in works if text_of(w.get("headline") or w.get("name"))), None)
    if chosen is None:
        return None
    published, precision, _ = parse_date(
        chosen.get("datePublished"), "itemReviewed.appearance.datePublished"
    )
    return Appearance(
        url=_url(chosen.get("url"), "itemReviewed.appearance"),
        headline=text_of(chosen.get("headline") or chosen.get("name")),
        publisher=name_of(chosen.get("publisher")),
        published=published,
        precision=precision,
    )


def _claim_texts(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [text for text in (text_of(v) for v in values) if text]


def parse_item(document: Any) -> ParsedReview:
    """Check one (cleaned) ClaimReview item and read what the import needs; stores nothing.

    Raises ValidationError naming the JSON field at fault.
    """
    if not isinstance(document, dict):
        raise _error("@type", "a ClaimReview document must be a JSON object")
    if "ClaimReview" not in type_names(document):
        raise _error("@type", f"@type must be ClaimReview, not {document.get('@type')!r}")
    texts = _claim_texts(document.get("claimReviewed"))
    if not texts:
        raise _error("claimReviewed", "claimReviewed must be a non-empty text")
    url = _url(document.get("url"), "url")
    try:
        rating = original_rating(document.get("reviewRating"))
        verdict = verdict_for(rating, review_url=url)
    except RatingError as exc:
        raise _error("reviewRating", str(exc)) from None
    item = document.get("itemReviewed") or {}
    if not isinstance(item, dict):
        raise _error("itemReviewed", "itemReviewed must be a Claim (or CreativeWork) object")
    author = _first_node(item.get("author"))
    appearance = _appearance(item)
    claim_date, claim_precision, _ = parse_date(
        item.get("datePublished"), "itemReviewed.datePublished"
    )
    if claim_date is None and appearance is not None:
        claim_date, claim_precision = appearance.published, appearance.precision
    review_date, _, review_moment = parse_date(document.get("datePublished"), "datePublished")
    if review_moment is None and review_date is not None:
        review_moment = timezone.make_aware(dt.datetime.combine(review_date, dt.time()))
    citations = document.get("citation")
    links: list[str] = []
    for citation in citations if isinstance(citations, list) else [citations]:
        link = text_of(citation.get("url") if isinstance(citation, dict) else citation)
        try:
            _check_url(link)
        except ValidationError:
            continue  # a citation in words, not a link: not an evidence URL
        links.append(link)
    review_author = _first_node(document.get("author"))
    review_author_url = ""
    if isinstance(review_author, dict):
        review_author_url = _url(review_author.get("url"), "author.url") or ""
    return ParsedReview(
        claim_reviewed=texts[0],
        claim_texts=tuple(texts),
        original_claim_reviewed="\n".join(texts),
        verdict=verdict,
        rating=rating,
        author_name=name_of(author),
        author_kind=author_kind(author),
        claim_date=claim_date,
        claim_date_precision=claim_precision,
        appearance=appearance,
        url=url,
        review_author=name_of(review_author),
        review_author_url=review_author_url,
        review_published=review_moment,
        review_body=(
            document["reviewBody"].strip() if isinstance(document.get("reviewBody"), str) else ""
        ),
        citations=links,
    )
