"""The article body as HTML with each claim's figure marked. Every piece of text is escaped."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css_class: str
    title: str
    anchor: str = ""


def highlight_body(body: str, marks: Iterable[Mark]) -> SafeString:
    """``body`` escaped, with each mark wrapped in <mark>; overlapping marks keep the first."""
    pieces: list[str] = []
    position = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if mark.start < position or mark.end > len(body):
            continue
        pieces.append(escape(body[position : mark.start]))
        pieces.append(
            format_html(
                '<mark class="{}" title="{}" id="{}">{}</mark>',
                mark.css_class,
                mark.title,
                mark.anchor,
                body[mark.start : mark.end],
            )
        )
        position = mark.end
    pieces.append(escape(body[position:]))
    # Every piece above went through escape() or format_html(), so joining them is safe.
    return mark_safe(
        '<div class="claims-article-body" style="white-space: pre-wrap; max-width: 60em; '
        'line-height: 1.6">' + "".join(pieces) + "</div>"
    )


def marked_sentence(claim) -> SafeString:
    """The claim's sentence (its quote) escaped, with its own figure marked: the occurrence at
    the claim's offsets in the body, not merely the first one that reads the same."""
    quote, figure = claim.quote or "", claim.figure
    body = claim.article.body if claim.article_id else ""
    at = -1
    if quote and claim.start is not None:
        begins = body.find(quote, max(0, (claim.end or 0) - len(quote)))
        if 0 <= begins <= claim.start and claim.end <= begins + len(quote):
            at = claim.start - begins
    if at < 0:
        at = quote.find(figure) if figure else -1
    if at < 0:
        return format_html('<span class="claims-sentence-text">{}</span>', quote or figure)
    return format_html(
        '<span class="claims-sentence-text">{}<mark class="claims-figure">{}</mark>{}</span>',
        quote[:at], quote[at : at + len(figure)], quote[at + len(figure) :],
    )  # fmt: skip
