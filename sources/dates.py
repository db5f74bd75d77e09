"""Finding an article's publication date in its text. Pure Python, no Django import.

News pages put the date in their first lines, in many shapes: "Saturday, 11 May 2024",
"July 30, 2020", "06-12-2021" (day first, as outlets of the region write it), "2024-05-11",
and wire datelines without a year, "Geneva, Apr 25 (EFE)".
python-dateutil reads each candidate; the rules here decide which lines and which candidate.
A page template's own date ("• Wednesday, 04 February 2026" on a bulleted header line) is often
when the page was viewed, so a date elsewhere in the header (a byline) wins over it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

HEADER_LINES = 12

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_PATTERNS = [
    # Saturday, 11 May 2024 / 11 May 2024
    re.compile(rf"\b{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b", re.I),
    # July 30, 2020 / Wednesday, July 30, 2020
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.I),
    # 2024-05-11
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    # 06-12-2021 / 06/12/2021 / 06.12.2021: read day first
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b"),
]
# A wire dateline with no year: "Geneva, Apr 25 (EFE)", "BAGHDAD, May 3 (Reuters) -". Only at
# the start of a line, after a place name, so that "on May 3" in a sentence is never read.
_DATELINE = re.compile(
    rf"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}},\s+({_MONTH}\s+\d{{1,2}})"
    r"(?:st|nd|rd|th)?\b(?!,?\s+\d{4})"
)


class DateError(ValueError):
    """A date that cannot be read."""


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    text: str
    line: int
    year_assumed: bool = False  # a dateline without a year: the latest such day was taken


def parse_date(text: str) -> dt.date:
    """Read one date written by a person: ISO, "11 May 2024", "July 30, 2020", "06-12-2021".

    Numeric dates with the year last are read day first. Raises DateError for anything else.
    """
    cleaned = text.strip()
    if not cleaned:
        raise DateError("the date is empty")
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):
        try:
            return dt.date.fromisoformat("-".join(part.zfill(2) for part in cleaned.split("-")))
        except ValueError as exc:
            raise DateError(f"{text!r} is not a calendar date") from exc
    if not re.search(r"\d{4}", cleaned) or not re.search(r"\d", cleaned.replace(" ", "")):
        raise DateError(f"{text!r} is not a date with a year")
    try:
        return dateutil_parser.parse(cleaned, dayfirst=True, fuzzy=False).date()
    except (ValueError, OverflowError) as exc:
        raise DateError(f"{text!r} is not a date (try YYYY-MM-DD)") from exc


def _without_year(text: str, today: dt.date) -> dt.date | None:
    """A month and day as the latest such date not after ``today`` (a wire story is dated
    in the days before it is filed), or None when it is no calendar date."""
    for year in (today.year, today.year - 1):
        try:
            date = dateutil_parser.parse(text, default=dt.datetime(year, 1, 1)).date()
        except (ValueError, OverflowError):
            return None
        if date <= today:
            return date
    return None


def _is_chrome(line: str) -> bool:
    """A page-template line: a bullet, or nothing but a date."""
    return line.lstrip().startswith(("•", "·", "|"))


def find_publication_date(text: str, *, today: dt.date | None = None) -> FoundDate | None:
    """The publication date stated in the first lines of ``text``, or None.

    Dates after ``today`` are ignored; a byline date beats a bulleted page-header date; a wire
    dateline without a year ("Geneva, Apr 25 (EFE)") is the latest such day up to ``today``.
    """
    today = today or dt.date.today()
    found: list[tuple[bool, FoundDate]] = []
    for number, line in enumerate(text.splitlines()[:HEADER_LINES]):
        for pattern in _PATTERNS:
            for match in pattern.finditer(line):
                try:
                    date = parse_date(match.group(0))
                except DateError:
                    continue
                if date <= today:
                    found.append((_is_chrome(line), FoundDate(date, match.group(0), number)))
        dateline = _DATELINE.match(line)
        if dateline:
            date = _without_year(dateline.group(1), today)
            if date is not None:
                found.append((_is_chrome(line), FoundDate(date, dateline.group(1), number, True)))
    if not found:
        return None
    found.sort(key=lambda item: (item[0], item[1].line))
    return found[0][1]
