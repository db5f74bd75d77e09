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
