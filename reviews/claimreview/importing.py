"""Storing ClaimReview items as claims and published reviews, one transaction per item.

A ClaimReview does not carry the article's text, so the archived body of an imported article is
the ``claimReviewed`` sentence followed by the appearance headline; the claim points at the figure
in that sentence. The article goes through ``sources.services.article_import`` like every other
article. When the appearance url is already stored:

- with a text from an earlier ClaimReview import (another review of the same appearance), the
  new sentence is stored as an article of its own without url, and the appearance url is kept on
  the review (``source_appearance_url``), since an article's body is never rewritten;
- with the article's full text, the claim is placed on that text: an existing claim with the same
  figure and bounds, or the same figure found by extraction; when neither exists the item is
  skipped (``itemReviewed.appearance``).

An item is already stored when a review with its url is (``source_url``), or, for a document
without url or one of our own, when its claim already has a published review with the same
rating and rationale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.core import extraction
from claims.core.extraction import Candidate
from claims.models import Claim, Speaker
from claims.services import candidate_fields, claim_create, claim_set_status, speaker_for_name
from reviews.claimreview.reading import ParsedReview, parse_item
from reviews.models import Review
from reviews.services import review_publish
from sources.models import Article, Outlet
from sources.services import article_import, outlet_get_or_create
from sources.text import normalize_body

# Marks the articles an import made from a ClaimReview's sentence (not a full text).
STUB_BASIS = "from an imported ClaimReview"
# A number right after a code in capitals is a name, not a figure: the highway "BR 277", the
# aircraft "A 380", the form "W-2".
_CODE_BEFORE = re.compile(r"\b[A-Z]{1,4}[- ]?$")


class ItemStatus:
    IMPORTED = "imported"
    ALREADY_STORED = "already_stored"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ItemResult:
    """What became of one ClaimReview item of a document."""

    index: int
    status: str
    url: str | None = None
    review_id: int | None = None
    field: str | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if value is not None}


def _error(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _as_field(field: str, exc: ValidationError) -> ValidationError:
    return ValidationError({field: "; ".join(exc.messages)})


def _figure_in(texts: tuple[str, ...], published) -> tuple[str, Candidate]:
    """The first figure the extractor finds in one of the claimReviewed texts, and that text.

    A short verbless summary ("3,000 to 5,000 fighters") is what the extractor drops as page
    furniture; it is a claim by definition here, so a second pass reads it with an attribution
    phrase after it, keeping only figures inside the sentence itself.
    """
    for sentence in texts:
        for text in (sentence, f"{sentence}, according to the claim reviewed."):
            for candidate in extraction.extract(text, published=published):
                if candidate.end > len(sentence) or _CODE_BEFORE.search(text[: candidate.start]):
                    continue
                quote = text[candidate.quote_start : len(sentence)]
                if len(candidate.quote) < len(quote):
                    quote = candidate.quote
                return sentence, replace(candidate, quote=quote)
    raise _error(
        "claimReviewed",
        f"no figure in the claim {texts[0]!r}: this database reviews quantitative claims",
    )


def _rationale(parsed: ParsedReview) -> str:
    if parsed.review_body:
        return parsed.review_body
    by = parsed.review_author or "a fact-checker"
    label = parsed.rating.label or "with a number"
    return f'Imported from a ClaimReview by {by}, which rated the claim "{label}".'


def _organisation_name(parsed: ParsedReview) -> str:
    if parsed.review_author:
        return parsed.review_author
    host = urlsplit(parsed.url).hostname if parsed.url else None
    return host.removeprefix("www.") if host else "an unnamed fact-checker"


@transaction.atomic
def claimreview_item_import(*, document: dict[str, Any], reviewer: Any) -> tuple[Review, bool]:
    """Store the claim and published review one ClaimReview item describes: (review, created).

    Creates, in one transaction: the outlet (the appearance's publisher), the article (through
    ``article_import``), the speaker (the claimant), a confirmed claim on the figure found in
    ``claimReviewed``, and a published review by ``reviewer`` carrying the fact-checker's
    provenance (organisation, url, date, original text and rating). An item already stored
    returns the stored review with ``created=False``.

    Raises ValidationError naming the JSON field at fault; nothing is stored then.
    """
    if reviewer is None:
        raise _error("reviewer", "an import needs the reviewer it is recorded under")
    parsed = parse_item(document)
    if parsed.url:
        stored = Review.objects.filter(source_url=parsed.url).first()
        if stored is not None:
            return stored, False
    sentence, wanted = _figure_in(parsed.claim_texts, parsed.claim_date)
    article, appearance_url = _article_for(parsed, sentence)
    speaker: Speaker | None = None
    publisher = parsed.appearance.publisher if parsed.appearance else ""
    if parsed.author_name and parsed.author_name.lower() != publisher.lower():
        try:
            speaker = speaker_for_name(parsed.author_name, parsed.author_kind)
        except ValidationError as exc:
            raise _as_field("itemReviewed.author", exc) from None
    body = normalize_body(_body(parsed, sentence))
    claim = _claim_for(article, body, wanted, speaker, parsed)

    # Lock the claim: two imports of one document must not both add the review.
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status == Claim.Status.REJECTED:
        raise _error(
            "claimReviewed",
            f"the figure {claim.figure!r} of this article is a rejected claim; it is not reviewed",
        )
    rationale = _rationale(parsed)
    same = Review.objects.filter(
        claim=claim, status=Review.Status.PUBLISHED, rating=parsed.verdict, rationale=rationale
    )
    existing = same.order_by("id").first()
    if existing is not None:
        return existing, False
    review = Review(
        claim=claim,
        reviewer=reviewer,
        rating=parsed.verdict.value,
        rationale=rationale,
        evidence=list(dict.fromkeys(([parsed.url] if parsed.url else []) + parsed.citations)),
        status=Review.Status.DRAFT,
        published_at=parsed.review_published or timezone.now(),
        source_organization=_organisation_name(parsed)[:300],
        source_organization_url=parsed.review_author_url,
        source_url=parsed.url or "",
        source_date=parsed.review_published.date() if parsed.review_published else None,
        source_claim_reviewed=parsed.original_claim_reviewed,
        source_appearance_url=appearance_url or "",
        source_rating_label=parsed.rating.label[:300],
        source_rating_value=parsed.rating.value,
        source_best_rating=parsed.rating.best,
        source_worst_rating=parsed.rating.worst,
    )
    try:
        review.full_clean(validate_constraints=False)
    except ValidationError as exc:
        raise _as_field("url", exc) from None
    review.save()
    # Published by the system (by=None): the fact-checker published it; the caller has checked
    # that the user may import reviews.
    review_publish(review=review)
    claim.refresh_from_db(fields=["verdict", "verdict_at", "updated_at"])
    return review, True


def claimreview_import(document: dict[str, Any], *, reviewer: Any) -> Review:
    """``claimreview_item_import`` of one item, giving the review (stored before or now)."""
    return claimreview_item_import(document=document, reviewer=reviewer)[0]


def claimreviews_import(*, items: list[dict[str, Any]], reviewer: Any) -> list[ItemResult]:
    """Import each item on its own: imported, already stored, or skipped with the reason.

    One item's failure never touches another's: each runs in its own transaction.
    """
    results = []
    for index, item in enumerate(items):
        url = item.get("url") if isinstance(item, dict) else None
        url = url if isinstance(url, str) else None
        try:
            review, created = claimreview_item_import(document=item, reviewer=reviewer)
        except ValidationError as exc:
            field, messages = next(iter(exc.message_dict.items()), ("document", exc.messages))
            results.append(
                ItemResult(index, ItemStatus.SKIPPED, url, field=field, reason="; ".join(messages))
            )
            continue
        except IntegrityError:
            # Another import stored the same fact-check between our look-up and our insert.
            stored = Review.objects.filter(source_url=url).first() if url else None
            if stored is None:
                raise
            review, created = stored, False
        status = ItemStatus.IMPORTED if created else ItemStatus.ALREADY_STORED
        results.append(ItemResult(index, status, url, review_id=review.pk))
    return results


def _body(parsed: ParsedReview, sentence: str) -> str:
    headline = parsed.appearance.headline if parsed.appearance else ""
    return sentence + (f"\n\n{headline}" if headline and headline != sentence else "")


def _article_for(parsed: ParsedReview, sentence: str) -> tuple[Article, str | None]:
    """The article the claim stands in, and the appearance url when the article cannot hold it."""
    appearance = parsed.appearance
    outlet: Outlet | None = None
    if appearance and appearance.publisher:
        try:
            outlet = outlet_get_or_create(name=appearance.publisher)
        except ValidationError as exc:
            raise _as_field("itemReviewed.appearance.publisher", exc) from None
    body = _body(parsed, sentence)
    fields = {
        "body": body,
        "title": ((appearance.headline if appearance else "") or sentence)[:500],
        "outlet": outlet,
        "published": parsed.claim_date,
        "published_precision": parsed.claim_date_precision,
        "date_basis": STUB_BASIS + (" (its datePublished)" if parsed.claim_date else ""),
    }
    url = appearance.url if appearance else None
    try:
        article = article_import(**fields, url=url).article
        if article.body != normalize_body(body) and STUB_BASIS in article.date_basis:
            # Another review of the same appearance: its sentence is an article of its own.
            return article_import(**fields, url=None).article, url
    except ValidationError as exc:
        raise _as_field("itemReviewed.appearance", exc) from None
    return article, None


def _claim_for(
    article: Article, body: str, wanted: Candidate, speaker: Speaker | None, parsed: ParsedReview
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
                for c in extraction.extract(article.body, published=article.published)
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
    try:
        return claim_create(
            **{**candidate_fields(wanted), "quote": quote, "start": start, "end": end},
            article=article,
            speaker=speaker,
            status=Claim.Status.CONFIRMED,
            origin=Claim.Origin.EXTRACTED,
            note=f"Imported from a ClaimReview{f' ({parsed.url})' if parsed.url else ''}.",
        )
    except ValidationError as exc:
        raise _as_field("claimReviewed", exc) from None


def _confirmed(claim: Claim) -> Claim:
    """A stored claim, confirmed when it was still a candidate (a review vouches for it)."""
    if claim.status == Claim.Status.CANDIDATE:
        return claim_set_status(claim=claim, status=Claim.Status.CONFIRMED)
    return claim
