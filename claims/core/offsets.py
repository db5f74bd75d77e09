"""Finding a figure's characters in an article body. Pure Python, no Django import."""

from __future__ import annotations


class LocateError(ValueError):
    """The quote or figure cannot be placed in the body unambiguously. ``field`` names which."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, position = [], haystack.find(needle)
    while position != -1:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def locate_figure(
    body: str, quote: str, figure: str, occurrence: int | None = None
) -> tuple[int, int]:
    """The (start, end) offsets of ``figure`` inside ``quote`` inside ``body``.

    ``occurrence`` (1-based) picks one when the figure stands in the quote more than once; the quote
    itself must stand in the body exactly once. Raises LocateError naming the field at fault.
    """
    if not figure:
        raise LocateError("figure", "the figure is empty")
    if not quote:
        raise LocateError("quote", "the quote is empty")
    quote_starts = _occurrences(body, quote)
    if not quote_starts:
        raise LocateError("quote", "the quote is not a passage of the article body")
    if len(quote_starts) > 1:
        raise LocateError("quote", "the quote stands more than once in the body; quote more of it")
    in_quote = _occurrences(quote, figure)
    if not in_quote:
        raise LocateError("figure", f"the figure {figure!r} is not in the quote")
    if occurrence is None:
        if len(in_quote) > 1:
            raise LocateError(
                "figure",
                f"the figure {figure!r} stands {len(in_quote)} times in the quote; "
                "give its offsets (start, end)",
            )
        occurrence = 1
    if not 1 <= occurrence <= len(in_quote):
        raise LocateError("figure", f"the quote holds {len(in_quote)} occurrence(s) of {figure!r}")
    start = quote_starts[0] + in_quote[occurrence - 1]
    return start, start + len(figure)
