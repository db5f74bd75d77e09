"""Request bodies and query strings are checked for text no field can take, in one place,
before any view, serializer or database sees them: a 400 naming the field instead of a server
error further down.

- NUL characters: PostgreSQL refuses them in text, so they would fail only at the write (500).
- Lone surrogates ("\\ud800" in JSON): not text at all; nothing can store or answer them.
- JSON nested deeper than any of our documents: a limit instead of a recursion error.
"""

from collections.abc import Iterator

from django.http import JsonResponse
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

# Our deepest document (a ClaimReview with its item reviewed, appearances and authors) is a
# handful of levels; 32 leaves room and refuses what only an attack would send.
MAX_JSON_DEPTH = 32


def _bad_text_reason(text: str) -> str | None:
    if "\x00" in text:
        return "must not contain NUL characters (\\u0000)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "must be valid Unicode text (it holds a lone surrogate such as \\ud800)"
    return None


def bad_text(data, *, top: str = "non_field_errors") -> tuple[str, str] | None:
    """The first (field, reason) of ``data`` (parsed JSON or form values) that no field can
    take, or None. The field is the key path ("author.name", "0.quote"); a bad key is named too.
    Raises ValidationError when ``data`` is nested deeper than MAX_JSON_DEPTH."""
    for path, depth, value in _walk(data):
        name = ".".join(path) or top
        if depth > MAX_JSON_DEPTH:
            raise ValidationError({name: [f"nested deeper than {MAX_JSON_DEPTH} levels"]})
        if isinstance(value, str):
            reason = _bad_text_reason(value)
            if reason:
                return name, reason
    return None


def _walk(data) -> Iterator[tuple[tuple[str, ...], int, object]]:
    # Iterative, so that depth itself cannot exhaust the stack.
    stack: list[tuple[tuple[str, ...], int, object]] = [((), 0, data)]
    while stack:
        path, depth, value = stack.pop()
        yield path, depth, value
        if isinstance(value, dict) or hasattr(value, "lists"):
            items = value.lists() if hasattr(value, "lists") else value.items()
            for key, child in items:
                key = str(key)
                yield (*path, key), depth + 1, key  # the key itself is text too
                stack.append(((*path, key), depth + 1, child))
        elif isinstance(value, list | tuple):
            stack.extend(((*path, str(i)), depth + 1, child) for i, child in enumerate(value))


def refuse_bad_text(data, **kwargs):
    found = bad_text(data, **kwargs)
    if found:
        field, reason = found
        raise ValidationError({field: [f"{field} {reason}"]})
    return data


class CheckedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            message = f"JSON parse error - nested deeper than {MAX_JSON_DEPTH} levels"
            raise ParseError(message) from None
        return refuse_bad_text(data)


class CheckedFormParser(FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return refuse_bad_text(super().parse(stream, media_type, parser_context))


class CheckedMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        refuse_bad_text(parsed.data)
        return parsed


class QueryTextMiddleware:
    """Query parameters holding a NUL character are answered 400 naming the parameter, on every
    page (the API's filters and admin's search alike), before any query is built from them."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            for text in (name, *values):
                reason = _bad_text_reason(text)
                if reason:
                    field = name if _bad_text_reason(name) is None else "query"
                    return JsonResponse({field: [f"{field} {reason}"]}, status=400)
        return self.get_response(request)
