"""Reading article files: plain text, JSON and saved HTML pages. No database access.

Each reader returns ArticleInput values or raises ReadError with one readable sentence; the import
command reports that sentence on one line and goes on with the next file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from sources.dates import DateError, find_publication_date, parse_date

MAX_FILE_BYTES = 5 * 1024 * 1024
_CHROME_LINE = re.compile(r"^(?:logo|top|menu|home|news|share|print|a\+ a-|advertisement)$", re.I)


class ReadError(ValueError):
    """A file that cannot be read as an article; the message says why in one sentence."""


@dataclass(frozen=True)
class ArticleInput:
    title: str
    body: str
    published: dt.date | None = None
    date_basis: str = ""
    url: str | None = None
    outlet: str | None = None


def _title_from_text(text: str, skip: set[str]) -> str:
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("•", "·", "|")) or _CHROME_LINE.match(line):
            continue
        if line in skip:
            continue
        return line[:500]
    raise ReadError("no line of text to take the title from")


def _decode(data: bytes) -> str:
    if not data.strip():
        raise ReadError("the file is empty")
    if b"\x00" in data[:8192]:
        raise ReadError("the file is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"the file is not UTF-8 text (byte {exc.start})") from None


def read_text(text: str, *, published: dt.date | None = None) -> ArticleInput:
    """A plain-text article: title from its first line, date from its first lines or given."""
    found = find_publication_date(text)
    basis = ""
    if published is None and found is not None:
        published = found.date
        basis = f'Stated in the text as "{found.text}".'
        if found.year_assumed:
            basis += f" No year given: {found.date.year}, the latest year up to the import."
    elif published is not None:
        basis = "Given at import."
    skip = {found.text} if found else set()
    return ArticleInput(
        title=_title_from_text(text, skip), body=text, published=published, date_basis=basis
    )


def read_json(text: str, *, published: dt.date | None = None) -> list[ArticleInput]:
    """One article object, or a list of them, with url, title, outlet, published, body."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    items = data if isinstance(data, list) else [data]
    articles = []
    for position, item in enumerate(items, start=1):
        where = f"item {position}: " if isinstance(data, list) else ""
        if not isinstance(item, dict):
            raise ReadError(f"{where}an article must be a JSON object")
        body = item.get("body")
        if not isinstance(body, str) or not body.strip():
            raise ReadError(f"{where}body: a non-empty text is required")
        title = item.get("title") or None
        if title is not None and not isinstance(title, str):
            raise ReadError(f"{where}title: must be a string")
        when = published
        basis = "Given at import." if published else ""
        if when is None and item.get("published"):
            try:
                when = parse_date(str(item["published"]))
            except DateError as exc:
                raise ReadError(f"{where}published: {exc}") from None
            basis = "Given in the JSON file."
        from_text = read_text(body, published=when)
        articles.append(
            ArticleInput(
                title=(title or from_text.title).strip()[:500],
                body=body,
                published=when or from_text.published,
                date_basis=basis or from_text.date_basis,
                url=(item.get("url") or None),
                outlet=(item.get("outlet") or None),
            )
        )
    return articles


def read_html(html: str, *, published: dt.date | None = None) -> ArticleInput:
    """A saved web page: the main text by trafilatura, without navigation, comments or
    "Popular posts" blocks; title, date and site name from the page's metadata."""
    import trafilatura  # imported here: it is large, and only HTML imports need it

    body = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not body or not body.strip():
        raise ReadError("no article text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta else None) or _title_from_text(body, set())
    basis = "Given at import." if published else ""
    if published is None and meta is not None and meta.date:
        try:
            published = parse_date(meta.date)
            basis = "From the page's metadata."
        except DateError:
            published = None
    if published is None:
        found = find_publication_date(body)
        if found:
            published, basis = found.date, f'Stated in the text as "{found.text}".'
    return ArticleInput(
        title=title.strip()[:500],
        body=body,
        published=published,
        date_basis=basis,
        url=(meta.url if meta else None) or None,
        outlet=(meta.sitename if meta else None) or None,
    )


def read_article_file(path: Path, *, published: dt.date | None = None) -> list[ArticleInput]:
    """Read one file by its kind (.json, .html/.htm, anything else as plain text)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}") from None
    text = _decode(data)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_json(text, published=published)
    if suffix in {".html", ".htm"}:
        return [read_html(text, published=published)]
    return [read_text(text, published=published)]
