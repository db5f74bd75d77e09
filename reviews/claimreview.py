"""Published reviews as schema.org ClaimReview JSON-LD, and ClaimReview documents as reviews.

Export: ``claimreview_document`` turns one published review into a ClaimReview
(https://schema.org/ClaimReview, following Google's fact-check markup guidance);
``claimreview_feed`` wraps many into one JSON-LD document. Import: ``claimreview_import`` reads
a ClaimReview document and stores the outlet, article, speaker, confirmed claim and published
review it describes, in one transaction.

Verdict scale and ClaimReview numbers
-------------------------------------

Every rating carries ``bestRating`` 5 and ``worstRating`` 1; ``alternateName`` is the verdict's
label, the text that fact-check readers see. The numbers come from
``claims.core.verdicts.SCALE`` (the
README's "Verdict scale" table says the same):

=============  =====  ===========================================================================
verdict        value  meaning
=============  =====  ===========================================================================
Accurate       5      the figure matches the best available evidence for its period
Roughly right  4      within a reasonable margin, or right in order of magnitude and trend
Overstated     2      the evidence points to a clearly smaller figure
Understated    2      the evidence points to a clearly larger figure
Outdated       2      once right, but stated as current long after newer figures replaced it
Misattributed  1      the figure exists, but not from the source it is credited to
Unsupported    1      no evidence for the figure could be found
=============  =====  ===========================================================================

No verdict is worth 3. On import, a rating is read from ``alternateName`` first (our label or
our value, in any case, "roughly right" = "Roughly_Right" = "roughly-right"). When that is
missing or is another fact-checker's word ("Mostly false"), a numeric ``ratingValue`` is placed
on our 1-5 scale through its own ``worstRating``/``bestRating`` (schema.org defaults 1 and 5)
and the nearest value wins: a tie between two values (exactly 3) goes to the lower one, since a
figure half way is not "roughly right". A value shared by several verdicts maps to the most
general of them (``NUMERIC_VERDICTS``): 5 Accurate, 4 Roughly right, 2 Overstated,
1 Unsupported.

Document shape (decisions)
--------------------------

- ``url`` is the review's API page, absolute when a request is given (relative otherwise), and
  ``author`` is the site as an ``Organization``: the fact-checker is the publication, not the
  reviewer's login, so reviewers' names are not published.
- ``claimReviewed`` is a short sentence built from the claim (qualifier, figure, unit when the
  written figure lacks it, subject, then ", according to" the speaker when it fits), under 75
  characters and cut at a word boundary; it never holds the rating or the reviewer's rationale,
  which goes into ``reviewBody``. Evidence links go into ``citation``.
- ``itemReviewed.author`` is a ``Person`` for person speakers and an ``Organization`` for
  organisations. A document speaker ("a January U.N. report") is an ``Organization`` too, since
  schema.org's ``author`` takes only Person or Organization, marked with
  ``additionalType: https://schema.org/CreativeWork`` so an import gives back a document
  speaker. A claim without speaker (the outlet asserts it) names the outlet.
- Dates keep their precision: an article dated to the month gives ``"2024-03"``.
- ``appearance`` is a list of one ``NewsArticle`` (url when the article has one, headline,
  publisher).
- The feed is one JSON-LD document ``{"@context": ..., "@graph": [...]}``: a single context, the
  form Google and JSON-LD processors read as one unit; its items are the documents without
  their own ``@context``.

Import (decisions)
------------------

A ClaimReview does not carry the article's text, so the archived body of an imported article is
the ``claimReviewed`` sentence followed by the appearance headline; the claim points at the figure
in that sentence. Importing the same document again finds the same body (by its content hash),
hence the same claim and the same published review (same rating and rationale), and stores
nothing. When the appearance URL is already stored with a different body (an article imported
from its full text), the claim is placed on that article: an existing claim with the same figure
and bounds, or the same figure found by extraction in its text; when neither exists the import
is refused (``itemReviewed.appearance``), because the body is evidence and is never rewritten.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from claims.core.extraction import Candidate, extract
from claims.core.verdicts import BEST_RATING, SCALE, WORST_RATING, Verdict
from claims.models import Claim, Speaker
from claims.services import (
    candidate_fields,
    claim_create,
    claim_set_status,
    speaker_for_name,
)
from reviews.models import Review
from reviews.services import review_publish
from sources.models import Article, Outlet
from sources.services import article_import, outlet_get_or_create
from sources.text import normalize_body

CONTEXT = "https://schema.org"
# Google: "Try to keep this less than 75 characters".
CLAIM_REVIEWED_MAX = 74
ELLIPSIS = "\u2026"
DOCUMENT_TYPE = "https://schema.org/CreativeWork"

# The verdict a bare number maps to when several verdicts share that value.
NUMERIC_VERDICTS: dict[int, Verdict] = {
    5: Verdict.ACCURATE,
    4: Verdict.ROUGHLY_RIGHT,
    2: Verdict.OVERSTATED,
    1: Verdict.UNSUPPORTED,
}
assert set(NUMERIC_VERDICTS) == {info.rating_value for info in SCALE.values()}
assert all(SCALE[v].rating_value == n for n, v in NUMERIC_VERDICTS.items())

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
_DOCUMENT_TYPES = {
    "CreativeWork", "Report", "Article", "NewsArticle", "ScholarlyArticle", "Book", "Dataset",
    "DigitalDocument", "Legislation", "WebPage", "GovernmentPermit",
}  # fmt: skip
_ORGANISATION_TYPE = re.compile(
    r"(Organization|Organisation|NGO|Corporation|GovernmentOrganization|PoliticalParty|"
    r"NewsMediaOrganization|ResearchOrganization|Consortium|Project|FundingScheme)$"
)
_check_url = URLValidator(schemes=["http", "https"])


# ---------------------------------------------------------------------------------- export


def published_reviews() -> QuerySet[Review]:
    """Published reviews, newest first, with everything their ClaimReview documents read."""
    return (
        Review.objects.filter(status=Review.Status.PUBLISHED)
        .select_related("claim__article__outlet", "claim__speaker")
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
    return request.build_absolute_uri(path) if request is not None else path


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


def _appearance(article: Article) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "NewsArticle"}
    if article.url:
        node["url"] = article.url
    node["headline"] = article.title
    published = _iso_date(article.published, article.published_precision)
    if published:
        node["datePublished"] = published
    if article.outlet is not None:
        node["publisher"] = _organization(article.outlet.name, article.outlet.homepage)
    return node


def claimreview_document(
    review: Review,
    *,
    request: Any = None,
    site_name: str = "Claims database",
    with_context: bool = True,
) -> dict[str, Any]:
    """The schema.org ClaimReview JSON-LD (a dict) of one published review.

    ``url`` is the review's API page, absolute when ``request`` is given. ``with_context=False``
    leaves ``@context`` out (for the items of a feed's ``@graph``). Raises ValueError for a
    review that is not published: drafts and withdrawn reviews have no public fact-check.
    """
    if review.status != Review.Status.PUBLISHED or review.published_at is None:
        raise ValueError(f"review {review.pk} is not published")
    claim = review.claim
    article = claim.article
    info = SCALE[Verdict(review.rating)]
    document: dict[str, Any] = {}
    if with_context:
        document["@context"] = CONTEXT
    document.update(
        {
            "@type": "ClaimReview",
            "url": _absolute(request, f"/api/reviews/{review.pk}/"),
            "datePublished": timezone.localtime(review.published_at).date().isoformat(),
            "author": _organization(site_name, _absolute(request, "/") if request else ""),
            "claimReviewed": claim_reviewed_text(claim),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": info.rating_value,
                "bestRating": BEST_RATING,
                "worstRating": WORST_RATING,
                "alternateName": info.label,
            },
            "itemReviewed": _item_reviewed(claim, article),
            "reviewBody": review.rationale,
        }
    )
    links = [link for link in review.evidence or [] if isinstance(link, str)]
    if links:
        document["citation"] = [{"@type": "CreativeWork", "url": link} for link in links]
    return document


def _item_reviewed(claim: Claim, article: Article) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(claim)
    if author is not None:
        item["author"] = author
    published = _iso_date(article.published, article.published_precision)
    if published:
        item["datePublished"] = published
    item["appearance"] = [_appearance(article)]
    return item


def claimreview_feed(
    reviews: Iterable[Review] | None = None,
    *,
    request: Any = None,
    site_name: str = "Claims database",
) -> dict[str, Any]:
    """All published reviews among ``reviews`` (all of them when None) as one JSON-LD document.

    The shape is ``{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}``: one
    context for the whole feed, each item a ClaimReview without its own ``@context``. Reviews
    that are not published are left out. A queryset is narrowed and joined in the database.
    """
    if reviews is None:
        reviews = published_reviews()
    elif isinstance(reviews, QuerySet) and not reviews.query.is_sliced:
        reviews = reviews.filter(status=Review.Status.PUBLISHED).select_related(
            "claim__article__outlet", "claim__speaker"
        )
    graph = [
        claimreview_document(review, request=request, site_name=site_name, with_context=False)
        for review in reviews
        if review.status == Review.Status.PUBLISHED and review.published_at is not None
    ]
    return {"@context": CONTEXT, "@graph": graph}


# ---------------------------------------------------------------------------------- import


@dataclass(frozen=True)
class _Appearance:
    url: str | None
    headline: str
    publisher: str
    published: dt.date | None
    precision: str


@dataclass(frozen=True)
class _Parsed:
    claim_reviewed: str
    verdict: Verdict
    rating_text: str
    author_name: str
    author_kind: str | None
    claim_date: dt.date | None
    claim_date_precision: str
    appearance: _Appearance
    url: str | None
    review_author: str
    review_published: dt.datetime | None
    review_body: str
    citations: list[str]


def _error(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


@contextmanager
def _as_field(field: str) -> Iterator[None]:
    """Re-raise a service's ValidationError under the JSON field the bad value came from."""
    try:
        yield
    except ValidationError as exc:
        raise ValidationError({field: "; ".join(exc.messages)}) from exc


def _type_names(node: dict[str, Any]) -> list[str]:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    names = []
    for name in types:
        if isinstance(name, str):
            names.append(re.sub(r"^(?:https?://schema\.org/|schema:)", "", name.strip()))
    return names


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _name_of(value: Any) -> str:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list) and value:
        return _name_of(value[0])
    return ""


def _parse_date(value: Any, field: str) -> tuple[dt.date | None, str, dt.datetime | None]:
    """(date, precision, datetime when a time was given) of an ISO 8601 date or date-time."""
    if value in (None, ""):
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


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool):
        raise _error("reviewRating", f"{name} must be a number, not {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _error("reviewRating", f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise _error("reviewRating", f"{name} must be a finite number")
    return number


def _label_key(text: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", text).lower().split())


# Our labels and stored values, in the form _label_key gives them.
_BY_LABEL: dict[str, Verdict] = {
    **{_label_key(verdict.value): verdict for verdict in SCALE},
    **{_label_key(info.label): verdict for verdict, info in SCALE.items()},
}


def verdict_for_rating(rating: Any) -> Verdict:
    """Our verdict for a ClaimReview ``reviewRating`` (see the module docstring for the rules).

    Raises ValidationError({"reviewRating": ...}) when it maps to nothing on our scale.
    """
    if not isinstance(rating, dict):
        raise _error("reviewRating", "reviewRating must be a Rating object")
    label = _text(rating.get("alternateName"))
    if label and _label_key(label) in _BY_LABEL:
        return _BY_LABEL[_label_key(label)]
    value = rating.get("ratingValue")
    if value in (None, ""):
        known = ", ".join(info.label for info in SCALE.values())
        shown = repr(label) if label else "none"
        raise _error(
            "reviewRating",
            f"the rating {shown} is not on our scale ({known}) and there is no ratingValue",
        )
    number = _number(value, "ratingValue")
    best = _number(rating.get("bestRating", BEST_RATING), "bestRating")
    worst = _number(rating.get("worstRating", WORST_RATING), "worstRating")
    if best == worst:
        raise _error("reviewRating", "bestRating and worstRating must differ")
    if not min(best, worst) <= number <= max(best, worst):
        raise _error(
            "reviewRating",
            f"ratingValue {value!r} is outside worstRating {worst:g} .. bestRating {best:g}",
        )
    ours = WORST_RATING + (number - worst) / (best - worst) * (BEST_RATING - WORST_RATING)
    nearest = min(NUMERIC_VERDICTS, key=lambda n: (abs(n - ours), n))
    return NUMERIC_VERDICTS[nearest]


def _author_kind(node: Any) -> str | None:
    if not isinstance(node, dict):
        return None
    extra = node.get("additionalType")
    extras = [e for e in (extra if isinstance(extra, list) else [extra]) if isinstance(e, str)]
    if any(e.rstrip("/").rsplit("/", 1)[-1] in _DOCUMENT_TYPES for e in extras):
        return Speaker.Kind.DOCUMENT
    for name in _type_names(node):
        if name == "Person":
            return Speaker.Kind.PERSON
        if name in _DOCUMENT_TYPES:
            return Speaker.Kind.DOCUMENT
        if _ORGANISATION_TYPE.search(name):
            return Speaker.Kind.ORGANISATION
    return None


def _parse_appearance(item: dict[str, Any]) -> _Appearance:
    raw = item.get("appearance")
    if raw in (None, "", []):
        raw = item.get("firstAppearance")
    nodes = raw if isinstance(raw, list) else [raw]
    works = [{"url": n} if isinstance(n, str) else n for n in nodes if isinstance(n, str | dict)]
    chosen = next((w for w in works if _text(w.get("url"))), None)
    chosen = chosen or next((w for w in works if _text(w.get("headline") or w.get("name"))), None)
    if chosen is None:
        raise _error(
            "itemReviewed.appearance",
            "itemReviewed needs an appearance (or firstAppearance) with a url or a headline",
        )
    url = _text(chosen.get("url")) or None
    if url:
        try:
            _check_url(url)
        except ValidationError:
            raise _error(
                "itemReviewed.appearance", f"the appearance url is not an http(s) URL: {url!r}"
            ) from None
    published, precision, _ = _parse_date(
        chosen.get("datePublished"), "itemReviewed.appearance.datePublished"
    )
    return _Appearance(
        url=url,
        headline=_text(chosen.get("headline") or chosen.get("name")),
        publisher=_name_of(chosen.get("publisher")),
        published=published,
        precision=precision,
    )


def _parse(document: Any) -> _Parsed:
    """Check a ClaimReview document and read what the import needs; stores nothing."""
    if not isinstance(document, dict):
        raise _error("@type", "a ClaimReview document must be a JSON object")
    if "ClaimReview" not in _type_names(document):
        raise _error("@type", f"@type must be ClaimReview, not {document.get('@type')!r}")
    claim_reviewed = _text(document.get("claimReviewed"))
    if not claim_reviewed:
        raise _error("claimReviewed", "claimReviewed must be a non-empty text")
    verdict = verdict_for_rating(document.get("reviewRating"))
    item = document.get("itemReviewed")
    if not isinstance(item, dict):
        raise _error("itemReviewed", "itemReviewed must be a Claim object")
    if _type_names(item) and "Claim" not in _type_names(item):
        raise _error("itemReviewed", f"itemReviewed must be a Claim, not {item.get('@type')!r}")
    author = item.get("author")
    author = author[0] if isinstance(author, list) and author else author
    author_name = _name_of(author)
    if not author_name:
        raise _error("itemReviewed.author", "itemReviewed.author needs a name (who made the claim)")
    appearance = _parse_appearance(item)
    claim_date, claim_precision, _ = _parse_date(
        item.get("datePublished"), "itemReviewed.datePublished"
    )
    if claim_date is None:
        claim_date, claim_precision = appearance.published, appearance.precision
    url = _text(document.get("url")) or None
    if url:
        try:
            _check_url(url)
        except ValidationError:
            raise _error("url", f"url is not an http(s) URL: {url!r}") from None
    review_date, _, review_moment = _parse_date(document.get("datePublished"), "datePublished")
    if review_moment is None and review_date is not None:
        review_moment = timezone.make_aware(dt.datetime.combine(review_date, dt.time()))
    citations = document.get("citation")
    citations = citations if isinstance(citations, list) else [citations]
    links: list[str] = []
    for citation in citations:
        link = _text(citation.get("url") if isinstance(citation, dict) else citation)
        try:
            _check_url(link)
        except ValidationError:
            continue  # a citation in words, not a link: not an evidence URL
        links.append(link)
    rating = document["reviewRating"]
    return _Parsed(
        claim_reviewed=claim_reviewed,
        verdict=verdict,
        rating_text=_text(rating.get("alternateName")) or SCALE[verdict].label,
        author_name=author_name,
        author_kind=_author_kind(author),
        claim_date=claim_date,
        claim_date_precision=claim_precision,
        appearance=appearance,
        url=url,
        review_author=_name_of(document.get("author")),
        review_published=review_moment,
        review_body=document.get("reviewBody")
        if isinstance(document.get("reviewBody"), str)
        else "",
        citations=links,
    )


def _figure_in(sentence: str, published: dt.date | None) -> Candidate:
    """The first figure the extractor finds in the claimReviewed sentence.

    A short verbless summary ("3,000 to 5,000 fighters") is what the extractor drops as page
    furniture; it is a claim by definition here, so a second pass reads it with an attribution
    phrase after it, keeping only figures inside the sentence itself.
    """
    for text in (sentence, f"{sentence}, according to the claim reviewed."):
        for candidate in extract(text, published=published):
            if candidate.end <= len(sentence):
                quote = text[candidate.quote_start : len(sentence)]
                if len(candidate.quote) < len(quote):
                    quote = candidate.quote
                return replace(candidate, quote=quote)
    raise _error(
        "claimReviewed",
        f"no figure found in claimReviewed {sentence!r}: this database reviews quantitative claims",
    )


def _rationale(parsed: _Parsed) -> str:
    if parsed.review_body.strip():
        return parsed.review_body.strip()
    by = parsed.review_author or "a fact-checker"
    return f'Imported from a ClaimReview by {by}, which rated the claim "{parsed.rating_text}".'


@transaction.atomic
def claimreview_import(document: dict[str, Any], *, reviewer: Any) -> Review:
    """Store the claim and published review a ClaimReview JSON-LD document describes.

    Creates, in one transaction: the outlet (from the appearance's publisher), the article (its
    body is the claimReviewed sentence and the appearance headline, since a ClaimReview has no
    article text), the speaker (itemReviewed.author), a confirmed claim on the figure the
    extractor finds in claimReviewed, and a published review by ``reviewer`` (rating from
    reviewRating, rationale from reviewBody, evidence the document's url and citations).
    Importing the same document again returns the stored review and creates nothing.

    Raises ValidationError naming the JSON field at fault (``{"reviewRating": "..."}``); nothing
    is stored then.
    """
    if reviewer is None:
        raise _error("reviewer", "an import needs the reviewer it is recorded under")
    parsed = _parse(document)
    sentence = parsed.claim_reviewed
    appearance = parsed.appearance
    wanted = _figure_in(sentence, parsed.claim_date)

    outlet: Outlet | None = None
    if appearance.publisher:
        with _as_field("itemReviewed.appearance.publisher"):
            outlet = outlet_get_or_create(name=appearance.publisher)
    body = sentence + (f"\n\n{appearance.headline}" if appearance.headline else "")
    title = (appearance.headline or sentence)[:500]
    with _as_field("itemReviewed.appearance"):
        article = article_import(
            body=body,
            title=title,
            outlet=outlet,
            url=appearance.url,
            published=parsed.claim_date,
            published_precision=parsed.claim_date_precision,
            date_basis="datePublished of an imported ClaimReview" if parsed.claim_date else "",
        ).article
    speaker: Speaker | None = None
    if parsed.author_name.lower() != appearance.publisher.lower():
        with _as_field("itemReviewed.author"):
            speaker = speaker_for_name(parsed.author_name, parsed.author_kind)

    claim = _claim_for(article, normalize_body(body), wanted, speaker, parsed)

    # Lock the claim: two imports of one document must not both add the review.
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status == Claim.Status.REJECTED:
        raise _error(
            "claimReviewed",
            f"the figure {claim.figure!r} of this article is a rejected claim; it is not reviewed",
        )
    rationale = _rationale(parsed)
    existing = (
        Review.objects.filter(
            claim=claim, status=Review.Status.PUBLISHED, rating=parsed.verdict, rationale=rationale
        )
        .order_by("id")
        .first()
    )
    if existing is not None:
        return existing
    evidence = list(dict.fromkeys(([parsed.url] if parsed.url else []) + parsed.citations))
    review = Review(
        claim=claim,
        reviewer=reviewer,
        rating=parsed.verdict.value,
        rationale=rationale,
        evidence=evidence,
        status=Review.Status.DRAFT,
        published_at=parsed.review_published,
    )
    with _as_field("url"):
        review.full_clean()
    review.save()
    # Published by the system (by=None): the fact-checker published it; the caller has checked
    # that the user may import reviews.
    review_publish(review=review)
    claim.refresh_from_db(fields=["verdict", "verdict_at", "updated_at"])
    return review


def _claim_for(
    article: Article, body: str, wanted: Candidate, speaker: Speaker | None, parsed: _Parsed
) -> Claim:
    """The claim on ``wanted``'s figure in ``article``: found when stored, created otherwise."""
    if article.body == body:
        start, end, quote = wanted.start, wanted.end, wanted.quote
    else:
        # An article stored before with its own text (found by its URL): the claim must stand
        # in that text, which is never rewritten.
        same = article.claims.filter(
            figure=wanted.figure, value_low=wanted.value_low, value_high=wanted.value_high
        ).first()
        if same is not None:
            return _confirmed(same)
        found = next(
            (
                c
                for c in extract(article.body, published=article.published)
                if c.figure == wanted.figure
                and (c.value_low, c.value_high) == (wanted.value_low, wanted.value_high)
            ),
            None,
        )
        if found is None:
            raise _error(
                "itemReviewed.appearance",
                f"the article at {article.url} is already stored and its text does not state "
                f"{wanted.figure!r}; add the claim to it by hand",
            )
        start, end, quote = found.start, found.end, found.quote
    stored = Claim.objects.filter(article=article, start=start, end=end).first()
    if stored is not None:
        return _confirmed(stored)
    with _as_field("claimReviewed"):
        return claim_create(
            **{**candidate_fields(wanted), "quote": quote, "start": start, "end": end},
            article=article,
            speaker=speaker,
            status=Claim.Status.CONFIRMED,
            origin=Claim.Origin.EXTRACTED,
            note=f"Imported from a ClaimReview{f' ({parsed.url})' if parsed.url else ''}.",
        )


def _confirmed(claim: Claim) -> Claim:
    """A stored claim, confirmed when it was still a candidate (a review vouches for it)."""
    if claim.status == Claim.Status.CANDIDATE:
        return claim_set_status(claim=claim, status=Claim.Status.CONFIRMED)
    return claim
