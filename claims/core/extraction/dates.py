"""Dates: which numbers are calendar references, and which period a figure refers to.

Two jobs. First, numbers that are dates, years, times or durations are not claims ("in 2014",
"July 30, 2020", "at 10:30", "three years ago"). Second, time expressions in a sentence
("late last month", "a January report", "on Thursday", "between July 16 and 22") are resolved
against the publication date so each figure gets an as-of period. Calendar arithmetic uses
python-dateutil's relativedelta; the phrase grammar is ours because news phrasing ("late last
month", "a day later") is what general date parsers handle worst.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from claims.core import units, vocabulary
from claims.core.extraction import parse
from claims.core.extraction.numbers import UNITS_WORDS, NumberAtom

_CALENDAR_WORDS = vocabulary.load("periods")
MONTHS: dict[str, int] = {
    name: index for index, name in enumerate(calendar.month_name) if name
} | _CALENDAR_WORDS["month_abbreviations"]
WEEKDAYS: dict[str, int] = {name: index for index, name in enumerate(calendar.day_name)}
_ABBREVIATIONS = sorted(_CALENDAR_WORDS["month_abbreviations"], key=len, reverse=True)
_MONTH = (
    "(?:" + "|".join(name for name in calendar.month_name if name)
    + "|(?:" + "|".join(_ABBREVIATIONS) + r")\.?)"
)  # fmt: skip
_WEEKDAY = "(?:" + "|".join(calendar.day_name) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SEASONS: dict[str, dict[str, int]] = _CALENDAR_WORDS["seasons"]
_SEASON = "(?:" + "|".join(sorted(_SEASONS, key=len, reverse=True)) + ")"
_NUMBER_WORD = "(?:" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r"|\d+)"


def _blocked_patterns() -> tuple[str, ...]:
    """Spans whose digits are calendar references and never figures (patterns, not words)."""
    return (
        # "between July 16 and 22", "July 16-22", "from 3 to 5 May"
        # the second day is no day when a thousands group follows: "June 5 to 3,000 on June 9"
        rf"\b{_MONTH}\s+{_DAY}\s*(?:-|\u2013|to|and|through)\s*{_DAY}\b(?![,.]\d)(?:,?\s+{_YEAR})?",
        rf"\b{_DAY}\s*(?:-|\u2013|to|and)\s*{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?",
        rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?",
        rf"\b{_MONTH},?\s+{_YEAR}\b",
        r"\b\d{1,4}([-/.])\d{1,2}\1\d{1,4}\b",
        # times: "10:30", "4:30 a.m.", "6 p.m.", "11pm", "1600 GMT"
        r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\.[0-5]\d\s*[ap]\.?m\.?",
        r"\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b",
        r"\b\d{3,4}\s*(?:GMT|UTC|local time|hrs|hours GMT)\b",
        # year ranges "2008-09", "2014-2016", "between 2014 and 2016"
        rf"\b{_YEAR}\s*[-\u2013/]\s*(?:\d\d|{_YEAR})\b",
        rf"\bbetween\s+{_YEAR}\s+and\s+{_YEAR}\b",
    )


BLOCKED_RE = re.compile("|".join(f"(?:{p})" for p in _blocked_patterns()))
_DURATION_RE = re.compile(
    r"(?:\s+|\s*-\s*)(?:consecutive\s+|straight\s+|more\s+|full\s+|long\s+)?"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)"
    r"\b",
    re.IGNORECASE,
)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are dates, date ranges, times or year ranges."""
    return [(m.start(), m.end()) for m in BLOCKED_RE.finditer(text)]


def is_year(text: str, atom: NumberAtom) -> bool:
    """True for a bare four-digit year ("in 2014", "the 2015 deal"), not for "2,000" or "$2014"."""
    if atom.is_word or atom.has_separator or atom.currency or atom.scale != 1:
        return False
    digits = text[atom.start : atom.end]
    if not re.fullmatch(_YEAR, digits):
        return False
    after = text[atom.end : atom.end + 12]
    return not re.match(r"\s*(?:%|per\s?cent|percent)", after, re.IGNORECASE)


def is_duration(text: str, end: int) -> bool:
    """True when the number ending at ``end`` counts time ("three years ago", "48 hours")."""
    return _DURATION_RE.match(text, end) is not None


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved period with its precision (day, week, month, quarter, year, span)."""

    start: dt.date
    end: dt.date
    precision: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in a sentence, with the period it resolves to."""

    start: int
    end: int
    period: Period | None
    relative: str | None
    skipped: bool
    # "the ministry said on Monday": the day of a statement, not of the events it reports
    statement: bool = False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_period(year: int, month: int, part: str | None) -> Period:
    first = dt.date(year, month, 1)
    last = _month_end(year, month)
    part = (part or "").lower().replace("-", " ").strip()
    if part in ("early", "the beginning of", "beginning of", "the start of", "start of"):
        return Period(first, dt.date(year, month, 10), "span")
    if part == "mid":
        return Period(dt.date(year, month, 11), dt.date(year, month, 20), "span")
    if part == "late":
        return Period(dt.date(year, month, 21), last, "span")
    if part in ("the end of", "end of"):
        return Period(last, last, "day")
    return Period(first, last, "month")


def _year_period(year: int, part: str | None) -> Period:
    part = (part or "").lower().replace("-", " ").strip()
    if part == "early":
        return Period(dt.date(year, 1, 1), dt.date(year, 4, 30), "span")
    if part == "mid":
        return Period(dt.date(year, 5, 1), dt.date(year, 8, 31), "span")
    if part in ("late", "later"):
        return Period(dt.date(year, 9, 1), dt.date(year, 12, 31), "span")
    if part in ("the end of", "end of"):
        return Period(dt.date(year, 12, 31), dt.date(year, 12, 31), "day")
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _quarter_period(year: int, quarter: int) -> Period:
    first = dt.date(year, 3 * quarter - 2, 1)
    return Period(first, _month_end(year, 3 * quarter), "quarter")


def _latest_month(published: dt.date, month: int) -> int:
    """Year of a month named without one: the latest such month up to publication, except the
    next two months, which news names when it announces plans ("will pump ... in November")."""
    ahead = (month - published.month) % 12
    if 0 < ahead <= 2:
        return published.year if month > published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


_ORDINAL_WORDS: dict[str, int] = _CALENDAR_WORDS["quarter_ordinals"]

_EXPRESSIONS = re.compile(
    rf"""
    (?P<dayrange>\b(?:between\s+|from\s+)?(?P<dr_month>{_MONTH})\s+(?P<dr_a>{_DAY})\s*
        (?:-|\u2013|to|and|through)\s*(?P<dr_b>{_DAY})\b(?![,.]\d)(?:,?\s+(?P<dr_year>{_YEAR}))?)
  | (?P<monthrange>\b(?:[Bb]etween|[Ff]rom)\s+(?P<mr_a>{_MONTH})(?:\s+(?P<mr_ya>{_YEAR}))?\s+
        (?:and|to|through|until)\s+(?P<mr_b>{_MONTH})\b(?!\s+\d{{1,2}}\b)(?:,?\s+(?P<mr_year>{_YEAR})\b)?)
  | (?P<date>\b(?P<d_month>{_MONTH})\s+(?P<d_day>{_DAY})\b(?:,?\s+(?P<d_year>{_YEAR})\b)?
        | \b(?P<d_day2>{_DAY})\s+(?:of\s+)?(?P<d_month2>{_MONTH})(?:,?\s+(?P<d_year2>{_YEAR})\b)?)
  | (?P<quarter>\b(?:the\s+)?(?P<q_ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)
        \s+quarter(?:\s+of\s+(?:the\s+year|this\s+year|(?P<q_year>{_YEAR})))?
        | \bQ(?P<q_num>[1-4])(?:\s+(?P<q_year2>{_YEAR}))?\b)
  | (?P<half>\b(?:the\s+)?(?P<h_ord>first|second)\s+half(?:\s+of\s+(?:the\s+year|this\s+year
        |(?P<h_year>{_YEAR})))?)
  | (?P<firstmonths>\bfirst\s+(?P<fm_n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)
        \s+months(?:\s+of\s+(?:the\s+year|this\s+year|(?P<fm_year>{_YEAR})))?)
  | (?P<weekof>\b(?:the\s+)?(?P<wo_ord>first|second|third|fourth|last|final)\s+week\s+of\s+
        (?P<wo_month>{_MONTH})(?:,?\s+(?P<wo_year>{_YEAR}))?\b)
  | (?P<month>\b(?:(?P<m_part>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of
        |the\s+start\s+of)[-\s]+)?(?P<m_month>{_MONTH})(?:'s)?(?:\s+(?P<m_year>{_YEAR})
        |\s+(?:of\s+)?(?P<m_rel>last|this|next)\s+year)?\b)
  | (?P<fiscal>\b(?:(?:fiscal|financial)\s+(?:year\s+)?)?(?P<fy_a>(?:19|20)\d\d)\s?[-/\u2013]\s?
        (?P<fy_b>\d\d)\b(?![-/\u2013.,]?\d)
        | \b(?:fiscal|financial)\s+(?:year\s+)?(?P<fy_y>(?:19|20)\d\d)\b
        | \bFY\s?(?P<fy_short>(?:20)?\d\d)\b)
  | (?P<fiscalrel>\b(?P<fr_which>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious|[Cc]urrent)\s+
        (?:fiscal|financial)\s+year\b)
  | (?P<upto>\b(?:the|its|their)\s+(?:(?:fiscal|financial)\s+)?(?:(?P<u_n>{_NUMBER_WORD})\s+)?
        (?P<u_unit>week|month|quarter|year)s?\s+(?:to|ending|(?:that\s+|which\s+)?(?:ended|ends)
        (?:\s+in|\s+on)?|through|(?P<u_from>(?:that\s+|which\s+)?
        (?:began|begins|starting|started|beginning)(?:\s+on|\s+in)?))\s+
        (?=(?:{_MONTH}|{_WEEKDAY}|\d)))
  | (?P<relative>\b(?:(?P<r_part>[Ll]ate|[Ee]arly|earlier|later|[Mm]id)[-\s]+)?
        (?P<r_which>(?<![A-Za-z])(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious))\s+(?P<r_fiscal>(?:fiscal|financial)\s+)?
        (?P<r_unit>week|weekend|month|year|quarter|{_SEASON})\b)
  | (?P<that>\b(?:that\s+(?P<t_unit>day|week|month|year)
        |the\s+same\s+(?P<t_unit2>week|month|year))\b)
  | (?P<weekend>\b(?:over|at|during)\s+the\s+weekend\b)
  | (?P<weekday>\b(?:(?P<w_part>late|early)\s+(?:on\s+)?)?(?P<w_which>last\s+|next\s+)?
        (?P<w_day>{_WEEKDAY})(?:'s)?\b(?:\s+(?:morning|afternoon|evening|night))?)
  | (?P<year>\b(?:(?P<y_part>early|mid|late|the\s+end\s+of|end\s+of)[-\s]+)?
        (?P<y_year>{_YEAR})\b(?![-\u2013/]\d|\s*(?:%|percent|per\s?cent)))
  | (?P<ago>\b(?P<a_n>{_NUMBER_WORD})\s+(?P<a_unit>day|week|month|year)s?\s+ago\b)
  | (?P<shift>\b(?:[Aa]|[Oo]ne|[Tt]he)\s+(?P<s_unit>day|week|month|year)\s+(?P<s_dir>earlier
        |before|ago|later|after)\b
        | \b[Tt]he\s+(?P<s_dir2>previous|next|following)\s+(?P<s_unit2>day|week|month|year)\b)
  | (?P<sameperiod>\b(?:the\s+)?same\s+(?:period|quarter|month|week|half|time)\s+(?:of\s+|in\s+)?
        (?P<sp_year>{_YEAR})\b)
  | (?P<those>\b(?:over|in|during|for)\s+(?:those|these)\s+(?:{_NUMBER_WORD}\s+)?
        (?:days|weeks|months)\b)
  | (?P<sameday>\b(?:on\s+)?the\s+same\s+(?:day|period)\b(?!\s+(?:of|in|last|a)\b))
  | (?P<then>(?<=\b[Bb]y\s)then\b)
  | (?P<yesterday>\byesterday\b)
  | (?P<today>\btoday\b)
    """,
    re.VERBOSE,
)
# A time expression introduced by these words dates a baseline or a starting point, not the
# figure ("since 2018", "compared to the previous year", "before June").
_SKIP_BEFORE = re.compile(
    r"\b(?:since|compared\s+(?:to|with)|until|till|ahead\s+of|prior\s+to)\b[^,;.]{0,45}$"
    r"|\b(?:before|after)\s+(?:the\s+)?$"
    r"|\b(?:began|begun|started|erupted|broke\s+out|launched|built|founded|established|opened"
    r"|created|born|signed|adopted|introduced|imposed|enacted|formed|set\s+up)"
    r"(?:\s+(?:it|them|this|these))?\s+(?:on|in)\s+$"
    r"|\b(?:from|than)\s+(?:in\s+|during\s+)?(?:all\s+of\s+)?(?:the\s+|a\s+|its\s+|their\s+)?$"
    # "higher than during the same month two years before": the baseline's date
    r"|\bthan\s+(?:in\s+|during\s+)?the\s+same\s+[a-z]+\s+$"
    # "6 percent above 2022", "below the 2019 level": the baseline's date
    r"|\b(?:above|below)\s+(?:the\s+|its\s+|their\s+)?(?:levels?\s+(?:of|in)\s+)?$"
    # "a 45-fold increase on 2022", "up 3 percent on last year": the baseline's date
    r"|\b(?:increase|rise|jump|fall|drop|decline|up|down|higher|lower)\s+on\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "up 8 percent on the year before", "rose 6 per cent on 2022": a change's size, then "on" and
# a period, dates the baseline; not a day ("rose 8 percent on Monday" is when it rose).
_CHANGE_ON = re.compile(
    r"\b(?:increase[ds]?|rise|rose|risen|jump(?:ed)?|climb(?:ed)?|fall|fell|fallen|drop(?:ped)?"
    r"|decline[ds]?|gain(?:ed)?|grew|grown|up|down|higher|lower)"
    r"\s+[\d.,]+\s*(?:%|percent|per\s?cent|pc)\s+on\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "prior to the siege, which started in", "before the conflict began on": an event dated next.
_STARTED = "(?:{})".format(
    "|".join(
        r"\s+".join(map(re.escape, spelling.split()))
        for spelling in sorted(_CALENDAR_WORDS["event_starts"]["words"], key=len, reverse=True)
    )
)
_BEFORE_EVENT = re.compile(
    rf"\b(?:before|prior\s+to)\s+(?:the|its|their|this|that)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?"
    rf"\s+(?:that\s+|which\s+)?{_STARTED}\s+(?:on|in)\s+$",
    re.IGNORECASE,
)
# "before the 2011 uprising": a year naming the event that follows it.
_BEFORE_YEAR_EVENT = re.compile(r"\b(?:before|prior\s+to)\s+(?:the|its|their)\s+$", re.I)
# "... the invasion began on February 24": an event the sentence dates itself.
_DATED_EVENT = re.compile(rf"[^,;:.\d]{{0,40}}?\b{_STARTED}\s+(?:on|in)\s", re.IGNORECASE)
_EVENT_AFTER = re.compile(r"\s+(?:the|its|their|this|that)\s+[a-z]", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]{4,}")


def _just_before(period: Period) -> Period:
    """The period of the same length that ends just before ``period`` starts."""
    if period.precision == "year":
        return _year_period(period.start.year - 1, None)
    if period.precision == "month":
        first = period.start - relativedelta(months=1)
        return _month_period(first.year, first.month, None)
    day = period.start - dt.timedelta(days=1)
    return Period(day, day, "day")


# "compared with 44 percent in 2018", "up from 954 a day earlier": the baseline's own date.
_BASELINE_LEAD = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|from|(?<!more\s)(?<!less\s)(?<!fewer\s)than)\s+(?:about\s+|around\s+|some\s+|nearly\s+"
    r"|roughly\s+|the\s+|a\s+)?$",
    re.IGNORECASE,
)
# Up to the baseline's date, with no lead of a date of its own ("from January 1", "since").
_BASELINE_GAP = re.compile(
    r"(?:(?!\b(?:from|than|since|until|till|to)\b)[^,;:.\d]){0,30}?\s(?:in|on|at|during|for)?\s*"
)


def baseline_period(
    text: str,
    figure: tuple[int, int],
    expressions: list[TimeExpression],
    published: dt.date | None,
) -> Period | None:
    """The period of a baseline figure: the date its own "compared with ..." phrase gives it
    ("turnout of 28 percent, against 44 percent in 2018": 2018 dates the 44), though that date
    does not date the sentence's main figure."""
    lead = _BASELINE_LEAD.search(text, max(0, figure[0] - 30), figure[0])
    if lead is None:
        return None
    for expression in expressions:
        if expression.start < figure[1] or expression.period is None:
            continue
        if expression.relative in ("shift", "weekday", "sameday"):
            break  # "a month before the invasion" counts from an event, not from this figure
        if published is not None and expression.period.start > published:
            break  # "a rise from January 1": a schedule, not the baseline's date
        if _BASELINE_GAP.fullmatch(text, figure[1], expression.start):
            return expression.period
        break
    return None


# The groups of _EXPRESSIONS that hold a year ("d_year", "m_year" ...).
_YEAR_GROUPS = tuple(name for name in _EXPRESSIONS.groupindex if "_year" in name)


def find_time_expressions(
    text: str, start: int, end: int, published: dt.date | None, anchor: Period | None
) -> list[TimeExpression]:
    """Time expressions in ``text[start:end]`` resolved against ``published``.

    ``anchor`` is the last period mentioned before this sentence, for "the same day" and
    "a day later".
    """
    found: list[TimeExpression] = []
    previous: Period | None = anchor
    position = start
    while (match := _EXPRESSIONS.search(text, position, end)) is not None:
        position = max(match.end(), match.start() + 1)
        before = text[max(start, match.start() - 60) : match.start()]
        # (the names of the expressions that give a day: "rose 8 percent on Monday")
        a_day = match.lastgroup in ("date", "weekday", "today", "yesterday", "dayrange", "weekend")
        skipped = bool(_SKIP_BEFORE.search(before)) or (
            not a_day and bool(_CHANGE_ON.search(before))
        )
        if match.lastgroup == "upto":
            # "in the week to Sunday", "the fiscal year to June 2023": the period that ends then
            inner = _EXPRESSIONS.match(text, match.end(), end)
            if inner is None or inner.lastgroup not in ("date", "weekday", "month", "year"):
                continue
            position = inner.end()
            ending = _resolve(inner, published, previous) if published is not None else None
            unit = match.group("u_unit").lower()
            if ending is not None and match.group("u_from"):
                period = _starting(ending, unit)  # "the financial year starting in July"
            else:
                count = _count(match.group("u_n"))
                period = _ending(ending, unit, count) if ending and count else None
            found.append(TimeExpression(match.start(), inner.end(), period, "upto", skipped))
            if period is not None and not skipped:
                previous = period
            continue
        if match.lastgroup == "ago" and _AGO_BASELINE.search(before):
            skipped = True  # "higher than it was three years ago": a baseline's date
        if match.lastgroup == "shift" and match.group("s_dir2") and _WINDOW_BACK.search(before):
            skipped = match.group("s_dir2").lower() == "previous"  # "over the previous week"
        # "prior to the uprising that erupted in May 2012": the figure is of the time just before.
        just_before = bool(_BEFORE_EVENT.search(before)) or (
            match.lastgroup == "year" and _BEFORE_YEAR_EVENT.search(before) is not None
            and _NOUN_AFTER.match(text, match.end()) is not None
        )  # fmt: skip
        if (
            match.lastgroup == "shift"
            and match.group("s_dir") in ("before", "after")
            and _EVENT_AFTER.match(text, match.end())
            and _DATED_EVENT.match(text, match.end(), end)
        ):
            # "a month before the invasion" counts from an event, not from the last date.
            skipped = True
        period = None
        # Whose fiscal year: asked only of a fiscal phrase, as a search of the whole article
        # for every sentence would make a long article's dates quadratic.
        fiscal = (
            fiscal_year_of(text, start, end)
            if match.lastgroup in ("fiscal", "fiscalrel")
            else _FISCAL_DEFAULT
        )
        if published is not None:
            period = _resolve(match, published, previous, fiscal)
        else:
            # Without a publication date only a period that names its own year can be dated.
            year = next((match.group(g) for g in _YEAR_GROUPS if match.group(g)), None)
            if year is not None:
                period = _resolve(match, dt.date(int(year), 12, 31), None, fiscal)
        if (
            period is not None
            and published is not None
            and period.start > published
            and period.precision == "day"
        ):
            # A future day is a schedule ("a runoff on May 28"), not the figure's period;
            # forecasts ("growth of 3 percent in 2024") do refer to a future year or month.
            skipped = True
        if match.group("weekday") and match.group("w_which") and "next" in match.group("w_which"):
            skipped = True
        if just_before and period is not None and not match.group("weekday"):
            period, skipped = _just_before(period), False
        statement = _STATEMENT_DATE.search(before) is not None
        found.append(
            TimeExpression(match.start(), match.end(), period, match.lastgroup, skipped, statement)
        )
        if period is not None and not skipped:
            previous = period
    return found


# "the agency said on Monday", "officials told reporters on Tuesday": a statement's day.
_STATING = sorted(
    {*vocabulary.load("reporting_verbs")["verbs"], *_CALENDAR_WORDS["statements"]["verbs"]},
    key=len,
    reverse=True,
)
_STATEMENT_DATE = re.compile(
    r"\b(?:told\s+\w+(?:\s+\w+)?|" + "|".join(map(re.escape, _STATING)) + ")"
    r"(?:\s+in\s+(?:a|an|its|their)(?:\s+[\w-]+){1,2})?\s+(?:on\s+)?$",
    re.I,
)  # "said in a statement on Tuesday", "said in its weekly update on Monday" too
# "over the previous week", "in the preceding month": a window counted back from the report,
# not a date of its own (the count is as of the report).
_WINDOW_BACK = re.compile(r"\b(?:in|over|during|within|for)\s+$", re.I)
# "than it did two years ago", "up from 40 five years ago": the date of a baseline.
_AGO_BASELINE = re.compile(r"\b(?:than|from|against|compared|versus)\b[^,;:.]*$", re.IGNORECASE)


def _ending(last: Period, unit: str, count: int = 1) -> Period:
    """The ``count`` weeks, months, quarters or years that end with ``last`` ("the week to
    Sunday", "the quarter to September", "the year to June 2023", "the 12 months to May")."""
    end = last.end
    if unit == "week":
        return Period(end - dt.timedelta(days=7 * count - 1), end, "week" if count == 1 else "span")
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * count
    if months == 12:
        unit = "year"
    elif count > 1:
        unit = "span"
    if last.precision == "day" and end != _month_end(end.year, end.month):
        start = end - relativedelta(months=months) + dt.timedelta(days=1)
    else:
        first = dt.date(end.year, end.month, 1) - relativedelta(months=months - 1)
        start, end = first, _month_end(end.year, end.month)
    precision = {"month": "month", "quarter": "quarter", "year": "span", "span": "span"}[unit]
    if precision == "quarter" and start.month not in (1, 4, 7, 10):
        precision = "span"
    if precision == "month" and start.day != 1:
        precision = "span"
    return Period(start, end, precision)


def _starting(first: Period, unit: str) -> Period:
    """The week, month, quarter or year that starts with ``first``."""
    start = first.start
    if unit == "week":
        return Period(start, start + dt.timedelta(days=6), "week")
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    end = start + relativedelta(months=months) - dt.timedelta(days=1)
    precision = "quarter" if unit == "quarter" and start.month in (1, 4, 7, 10) else "span"
    if unit == "month" and start.day == 1:
        precision = "month"
    return Period(start, end, precision)


def _season(name: str, which: str, published: dt.date) -> Period:
    """ "last winter", "this summer", "next winter": the season's months around publication;
    "this" is the one nearest to publication (the coming winter in September, the summer just
    ended)."""
    season = _SEASONS[name.lower()]

    def occurrence(year: int) -> Period:
        first = dt.date(year, season["start"], 1)
        last = first + relativedelta(months=season["months"] - 1)
        return Period(first, _month_end(last.year, last.month), "span")

    around = [occurrence(year) for year in range(published.year - 2, published.year + 2)]
    if which in ("last", "previous"):
        return [p for p in around if p.end < published][-1]
    if which == "next":
        return next(p for p in around if p.start > published)

    def distance(period: Period) -> int:
        if period.start <= published <= period.end:
            return 0
        return min(abs((period.start - published).days), abs((published - period.end).days))

    return min(around, key=distance)


@dataclass(frozen=True, slots=True)
class FiscalYear:
    """When a country's fiscal year starts (its month), and whether a one-year name ("fiscal
    2024") is the year it starts in ("start") or ends in ("end")."""

    start: int
    named_by: str


_FISCAL = vocabulary.load("fiscal_years")
_FISCAL_DEFAULT = FiscalYear(_FISCAL["default"]["start"], _FISCAL["default"]["named_by"])
_ACROSS_TWO = FiscalYear(
    _FISCAL["default_across_two_years"]["start"], _FISCAL["default_across_two_years"]["named_by"]
)


def _as_written(word: str) -> re.Pattern[str]:
    """A word of the vocabulary matched whole where it starts or ends with a letter ("US" not
    in "USA"), and as a prefix where it is a sign ("A$" in "A$53")."""
    lead = r"(?<!\w)" if word[0].isalnum() else ""
    tail = r"(?!\w)" if word[-1].isalnum() or word[-1] == "." else ""
    return re.compile(lead + re.escape(word) + tail)


_FISCAL_WORDS = [
    (_as_written(word), FiscalYear(c["start"], c["named_by"]))
    for c in _FISCAL["countries"].values()
    for word in c["words"]
]


def fiscal_year_of(text: str, start: int, end: int) -> FiscalYear:
    """The fiscal year of the country the sentence at ``text[start:end]`` names (its name, its
    people or its money), else the one its article names first, else the default."""
    return _first_fiscal(text[start:end]) or _first_fiscal_in_article(text) or _FISCAL_DEFAULT


def _first_fiscal(window: str) -> FiscalYear | None:
    found = [(m.start(), fiscal) for w, fiscal in _FISCAL_WORDS if (m := w.search(window))]
    return min(found, key=lambda pair: pair[0])[1] if found else None


@functools.lru_cache(maxsize=8)
def _first_fiscal_in_article(text: str) -> FiscalYear | None:
    # Searched once per article, however many of its sentences name a fiscal year.
    return _first_fiscal(text)


def _fiscal_starting(year: int, fiscal: FiscalYear) -> Period:
    first = dt.date(year, fiscal.start, 1)
    return Period(first, first + relativedelta(years=1) - dt.timedelta(days=1), "span")


def _fiscal_period(match: re.Match[str], fiscal: FiscalYear) -> Period | None:
    """ "2024/25", "fiscal 2024", "FY25": the twelve months of that fiscal year."""
    g = match.group
    if g("fy_a"):
        first = int(g("fy_a"))
        if int(g("fy_b")) != (first + 1) % 100:
            return None  # "2024-26" is no one fiscal year
        return _fiscal_starting(first, fiscal if fiscal.start != 1 else _ACROSS_TWO)
    year = int(g("fy_y") or g("fy_short"))
    year = year + 2000 if year < 100 else year
    if fiscal.start == 1:
        return _year_period(year, None)
    return _fiscal_starting(year - 1 if fiscal.named_by == "end" else year, fiscal)


def _fiscal_relative(
    which: str, published: dt.date, previous: Period | None, fiscal: FiscalYear
) -> Period:
    """ "the current fiscal year", "last fiscal year"; "the previous fiscal year" after a
    fiscal year named before is the one before that."""
    step = {"next": 1, "last": -1, "previous": -1, "past": -1}.get(which, 0)
    named_before = previous is not None and (previous.end - previous.start).days + 1 in (365, 366)
    if named_before and which in ("last", "previous", "next"):
        delta = relativedelta(years=step)
        return Period(previous.start + delta, previous.end + delta, previous.precision)
    if fiscal.start == 1:
        return _year_period(published.year + step, None)
    year = published.year if published.month >= fiscal.start else published.year - 1
    return _fiscal_starting(year + step, fiscal)


def _resolve(
    match: re.Match[str],
    published: dt.date,
    previous: Period | None,
    fiscal: FiscalYear = _FISCAL_DEFAULT,
) -> Period | None:
    kind = match.lastgroup
    g = match.group
    if kind == "fiscal":
        return _fiscal_period(match, fiscal)
    if kind == "fiscalrel":
        return _fiscal_relative(g("fr_which").lower(), published, previous, fiscal)
    if kind == "ago":
        # "five years ago": the year (month, week) that many back; a day for days.
        unit = g("a_unit").lower()
        n = _count(g("a_n"))
        if not n:
            return None
        if unit == "year":
            return _year_period(published.year - n, None)
        if unit == "month":
            first = published.replace(day=1) - relativedelta(months=n)
            return _month_period(first.year, first.month, None)
        day = published - dt.timedelta(days=n * (7 if unit == "week" else 1))
        return Period(day, day, "day")
    if kind == "that":
        # "that day", "that week", "the same month": the calendar period holding the date named
        # before.
        if previous is None:
            return None
        day, unit = previous.start, (g("t_unit") or g("t_unit2")).lower()
        if unit == "day":
            return previous if previous.precision == "day" else None
        if unit == "week":
            monday = day - dt.timedelta(days=day.weekday())
            return Period(monday, monday + dt.timedelta(days=6), "week")
        if unit == "month":
            return _month_period(day.year, day.month, None)
        return _year_period(day.year, None)
    if kind == "monthrange":
        # "between January and March": the first of the one to the last of the other
        first, last = MONTHS[g("mr_a").rstrip(".")], MONTHS[g("mr_b").rstrip(".")]
        year = int(g("mr_year")) if g("mr_year") else _latest_month(published, last)
        start_year = int(g("mr_ya")) if g("mr_ya") else (year if first <= last else year - 1)
        start, end = dt.date(start_year, first, 1), _month_end(year, last)
        quarter = first in (1, 4, 7, 10) and (start_year, first + 2) == (year, last)
        return Period(start, end, "quarter" if quarter else "span")
    if kind == "dayrange":
        month = MONTHS[g("dr_month").rstrip(".")]
        year = int(g("dr_year")) if g("dr_year") else _latest_month(published, month)
        day_a, day_b = int(re.sub(r"\D", "", g("dr_a"))), int(re.sub(r"\D", "", g("dr_b")))
        try:
            return Period(dt.date(year, month, day_a), dt.date(year, month, day_b), "span")
        except ValueError:
            return None
    if kind == "date":
        month = MONTHS[(g("d_month") or g("d_month2")).rstrip(".")]
        day = int(re.sub(r"\D", "", g("d_day") or g("d_day2")))
        year_text = g("d_year") or g("d_year2")
        year = int(year_text) if year_text else _latest_month(published, month)
        try:
            day_date = dt.date(year, month, day)
        except ValueError:
            return None
        return Period(day_date, day_date, "day")
    if kind == "quarter":
        number = int(g("q_num")) if g("q_num") else _ORDINAL_WORDS[g("q_ord").lower()]
        year_text = g("q_year") or g("q_year2")
        if year_text:
            return _quarter_period(int(year_text), number)
        if g("q_ord") and g("q_ord").lower() in ("last", "final") and "of" not in g(0):
            # "last quarter" alone is the latest completed quarter.
            current = (published.month - 1) // 3 + 1
            year = published.year if current > 1 else published.year - 1
            return _quarter_period(year, current - 1 if current > 1 else 4)
        period = _quarter_period(published.year, number)
        return period if period.start <= published else _quarter_period(published.year - 1, number)
    if kind == "half":
        year = int(g("h_year")) if g("h_year") else published.year
        if g("h_ord").lower() == "first":
            return Period(dt.date(year, 1, 1), dt.date(year, 6, 30), "span")
        return Period(dt.date(year, 7, 1), dt.date(year, 12, 31), "span")
    if kind == "firstmonths":
        n_text = g("fm_n").lower()
        months = int(n_text) if n_text.isdigit() else UNITS_WORDS.get(n_text, 0)
        year = int(g("fm_year")) if g("fm_year") else published.year
        if not 1 <= months <= 12:
            return None
        precision = "quarter" if months == 3 else "span"
        return Period(dt.date(year, 1, 1), _month_end(year, months), precision)
    if kind == "weekof":
        month = MONTHS[g("wo_month").rstrip(".")]
        year = int(g("wo_year")) if g("wo_year") else _latest_month(published, month)
        last = _month_end(year, month).day
        number = _ORDINAL_WORDS[g("wo_ord").lower()]
        first = last - 6 if g("wo_ord").lower() in ("last", "final") else 7 * number - 6
        return Period(dt.date(year, month, first), dt.date(year, month, first + 6), "span")
    if kind == "month":
        month = MONTHS[g("m_month").rstrip(".")]
        if g("m_month") == "May" and not g("m_year") and not g("m_part"):
            # "May" is also a verb; only "in May", "May's" and "of May" are the month.
            before = match.string[max(0, match.start() - 4) : match.start()].lower()
            if not re.search(r"(?:in|of|end|for|by|since|late|mid|early)\s$", before) and (
                not g(0).endswith("'s")
            ):
                return None
        year = int(g("m_year")) if g("m_year") else _latest_month(published, month)
        if g("m_rel"):
            # "October of last year", "March this year"
            year = published.year + {"last": -1, "this": 0, "next": 1}[g("m_rel")]
        return _month_period(year, month, g("m_part"))
    if kind == "relative":
        which, unit = g("r_which").lower(), g("r_unit").lower()
        if unit in _SEASONS and g("r_part"):
            return None
        return _relative(g("r_part"), which, unit, published)
    if kind == "weekend":
        return _last_weekend(published)
    if kind == "weekday":
        target = WEEKDAYS[g("w_day")]
        days_back = (published.weekday() - target) % 7
        if g("w_which") and "last" in g("w_which") and days_back == 0:
            days_back = 7
        day = published - dt.timedelta(days=days_back)
        return Period(day, day, "day")
    if kind == "year":
        return _year_period(int(g("y_year")), g("y_part"))
    if kind == "shift":
        unit = (g("s_unit") or g("s_unit2")).lower()
        direction = (g("s_dir") or g("s_dir2")).lower()
        sign = 1 if direction in ("later", "after", "next", "following") else -1
        base = previous if direction not in ("ago",) else None
        return _shift(base, published, unit, sign)
    if kind == "sameperiod":
        # "the same period of 2023": the period named before, in that year
        if previous is None:
            return _year_period(int(g("sp_year")), None)
        years = int(g("sp_year")) - previous.end.year
        start = previous.start + relativedelta(years=years)
        end = previous.end + relativedelta(years=years)
        if previous.precision in ("month", "quarter", "span") and previous.end.day >= 28:
            end = _month_end(end.year, end.month)
        return Period(start, end, previous.precision)
    if kind in ("sameday", "then", "those"):
        return previous  # "by then", "over those seven days": the period named before
    if kind == "yesterday":
        day = published - dt.timedelta(days=1)
        return Period(day, day, "day")
    if kind == "today":
        return Period(published, published, "day")
    return None


def _shift(base: Period | None, published: dt.date, unit: str, sign: int) -> Period:
    delta = {
        "day": relativedelta(days=1),
        "week": relativedelta(weeks=1),
        "month": relativedelta(months=1),
        "year": relativedelta(years=1),
    }[unit]
    if base is None:
        day = published + delta if sign > 0 else published - delta
        return Period(day, day, "day")
    if sign > 0:
        start, end = base.start + delta, base.end + delta
    else:
        start, end = base.start - delta, base.end - delta
    if base.precision in ("month", "quarter"):
        end = _month_end(end.year, end.month)
    return Period(start, end, base.precision)


def _last_weekend(published: dt.date) -> Period:
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    return Period(saturday, saturday + dt.timedelta(days=1), "span")


def _relative(part: str | None, which: str, unit: str, published: dt.date) -> Period | None:
    part = (part or "").lower()
    if which == "past":
        return None  # "the past week" is a rolling window, not a calendar period
    if unit in _SEASONS:
        return _season(unit, which, published)
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
    if unit == "weekend":
        weekend = _last_weekend(published)
        if step == 1:
            return Period(weekend.start + dt.timedelta(7), weekend.end + dt.timedelta(7), "span")
        return weekend
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        sunday = monday + dt.timedelta(days=6)
        if part == "late":
            return Period(monday + dt.timedelta(days=3), sunday, "span")
        if part == "early":
            return Period(monday, monday + dt.timedelta(days=2), "span")
        if part == "earlier" and step == 0:
            return Period(monday, published - dt.timedelta(days=1), "span")
        return Period(monday, sunday, "week")
    if unit == "month":
        first = (published.replace(day=1)) + relativedelta(months=step)
        if part == "earlier" and step == 0:
            return Period(first, max(first, published - dt.timedelta(days=1)), "span")
        return _month_period(first.year, first.month, part if part != "earlier" else None)
    if unit == "quarter":
        current = (published.month - 1) // 3 + 1 + step
        year = published.year
        if current < 1:
            current, year = 4, year - 1
        if current > 4:
            current, year = 1, year + 1
        return _quarter_period(year, current)
    year = published.year + step
    if part == "earlier" and step == 0:
        return Period(dt.date(year, 1, 1), published - dt.timedelta(days=1), "span")
    return _year_period(year, part)


# ---------------------------------------------------------------- what kind of figure over time

_PERIOD_WORDS = _CALENDAR_WORDS
_LENGTHS: dict[str, int] = _PERIOD_WORDS["lengths"]
_ADVERBS: dict[str, int] = _PERIOD_WORDS["adverbs"]
_RUNNING: list[str] = _PERIOD_WORDS["cumulative"]["running"]
_SINCE_EVENTS = frozenset(_PERIOD_WORDS["cumulative"]["since_events"])
_COMPARING = "|".join(_PERIOD_WORDS["cumulative"]["comparing"])
# "the smallest since 2016", "its highest level since", "the first time since": a comparison.
_COMPARING_SINCE = re.compile(
    rf"\b(?:the|its|their|a|an)\s+(?:\w{{2,}}est|{_COMPARING})(?:\s+\w+){{0,4}}\s*,?\s*$",
    re.IGNORECASE,
)
_NUMBER_RUN = re.compile(r"\d[\d,.]*")
# Events that make a figure a count of what happened (killed, fled, attacks), not a level; a
# change ("rose", "fell") is said of levels too, so it is no sign.
_FLOW_WORDS = (
    frozenset(
        spelling
        for event, spellings in vocabulary.load("events")["events"].items()
        if event != "changed"
        for spelling in spellings
    )
    | frozenset(vocabulary.load("populations")["flow"])
    | frozenset(_CALENDAR_WORDS["flows"]["words"])
)
_LENGTH = "|".join(sorted(_LENGTHS, key=len, reverse=True))
_COUNT_WORD = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
# "a month", "per day", "every two weeks"; not "a day earlier" nor "in a week" (see below).
_RATE = re.compile(
    rf"\b(?P<lead>per|a|an|each|every)\s+(?:(?P<n>\d+|{_COUNT_WORD})\s+)?(?P<unit>{_LENGTH})s?\b"
    rf"(?!\s+(?:earlier|later|ago|before|after|of|or\s+so|long)\b|\s+on(?:\s*[,.;:]|\s+{_WEEKDAY}))",
    re.IGNORECASE,
)
_RATE_BY_EVENT = re.compile(
    rf"\s+(?:a|an|per|each|every)\s+(?P<unit>{_LENGTH})\s+(?:before|after)\s+(?:the|a|an|its|their)\s",
    re.IGNORECASE,
)
_DURATION_LEAD = re.compile(r"\b(?:in|within|for|over|after|about|nearly|than|just)\s+$", re.I)
_ADVERB = re.compile(r"\b(?:" + "|".join(_ADVERBS) + r")\b", re.IGNORECASE)
# "in the past week", "over the last 24 hours", "during the previous three months".
_ROLLING = re.compile(
    rf"\b(?:in|over|during|within|for)\s+(?:the\s+(?:past|last|previous|preceding)|those|these)\s+"
    rf"(?:(?P<n>\d+|{_COUNT_WORD})\s+)?(?P<unit>hour|{_LENGTH})s?\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)\s+of\s+)?", re.IGNORECASE)
# "since the start of the year": the current calendar period's first day.
_SINCE_THIS = re.compile(r"(?:the|this)\s+(?P<unit>year|month|week)\b", re.IGNORECASE)
# "since the protests erupted on October 1": the event's words, its verb, then its date.
_SINCE_EVENT_DATE = re.compile(
    rf"(?:the\s+|its\s+|their\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,3}}?\s+"
    rf"(?:{_STARTED}|(?:was|were)\s+[a-z]+)\s+(?:on|in)\s+",
    re.IGNORECASE,
)
# "bringing the national total to 18,091": the figure after it is a running total.
_RAISING = re.compile(
    r"\b(?:"
    + "|".join(_PERIOD_WORDS["cumulative"]["raising"])
    + r")\s+(?:the|its|their|(?:this\s+)?[\w-]+['\u2019]s)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:" + "|".join(_PERIOD_WORDS["cumulative"]["totals"]) + r")"
    r"(?:\s+[^\d,;.]{0,30}?)?\s+to\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?$",
    re.IGNORECASE,
)
# "the number of cases has risen to 131": a total grown to the figure is a running total.
_RISEN = re.compile(
    r"\b(?:the|its|their|[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(_PERIOD_WORDS["cumulative"]["totals"])
    + r")\b[^\d,;.]{0,50}?\b(?:has|have|had)\s+(?:now\s+)?(?:"
    + "|".join(_PERIOD_WORDS["cumulative"]["risen"])
    + r")\s+(?:to\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
# "30 more, including 12 children": a part of the figure before it shares its period.
_PART_OF = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+which)\s+(?:some\s+)?$")
# "had returned by the end of March": a running total counted to a past date.
_BY = re.compile(r"\bby\s+(?=(?:the\s+end\s+of\s+|late\s+|mid-?)?\w)", re.IGNORECASE)
# "has infected 12,300 this year": the present perfect makes "this year" a total so far.
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|wn|lt|ung)\b", re.I)
_SINCE_WORDS = re.compile(r"(?:the\s+|its\s+|their\s+)?(\w+)(?:\s+(\w+))?(?:\s+(\w+))?")
_THIS = re.compile(
    rf"\s+(?:(?:this|the)\s+(?P<unit>year|month|week)\b|in\s+(?P<year>{_YEAR})\b)", re.IGNORECASE
)
_YEAR_SO_FAR = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _PERIOD_WORDS["year_so_far"]["words"])) + r")\b", re.I
)
_CLAUSE_END = re.compile(r"[;:]|\.\s")


@dataclass(frozen=True, slots=True)
class FigurePeriod:
    """What kind of figure over time a number is, as the sentence says it: ``kind`` "level",
    "cumulative" (a total since ``start``, when said), "per_period" (a count over ``days``
    days) or "" when the sentence does not say."""

    kind: str = ""
    start: dt.date | None = None
    days: int | None = None
    # the day a cumulative total is counted to, when the sentence's period says it ("in the
    # first half of the year": June 30)
    until: dt.date | None = None


UNKNOWN = FigurePeriod()


def _count(text: str | None) -> int:
    if not text:
        return 1
    return int(text) if text.isdigit() else UNITS_WORDS.get(text.lower(), 0)


def _same_clause(text: str, a: int, b: int) -> bool:
    """No other figure and no clause break between two places of a sentence."""
    between = text[min(a, b) : max(a, b)]
    return not re.search(r"\d", between) and not _CLAUSE_END.search(between)


def _nearest(
    text: str, figure: tuple[int, int], phrase: tuple[int, int], sentence: tuple[int, int]
) -> bool:
    """Whether the figure is the number nearest to a phrase of its sentence: in "900 came back
    in May, so the total since January is 2,400" the "since" is 2,400's."""

    def distance(a: int, b: int) -> int:
        return max(0, phrase[0] - b, a - phrase[1])

    own = distance(*figure)
    for number in _NUMBER_RUN.finditer(text, *sentence):
        inside = phrase[0] <= number.start() < phrase[1]
        ours = figure[0] <= number.start() < figure[1]
        part = _PART_OF.search(text, max(sentence[0], number.start() - 25), number.start())
        if part is not None and number.start() > figure[1]:
            continue  # "7,000 killed since ..., including 420 children": 420 is part of 7,000
        if _BASELINE_LEAD.search(text, max(sentence[0], number.start() - 30), number.start()):
            continue  # "90 so far this year, up from 12 in 2023": the 12 is a baseline's
        if not inside and not ours and distance(number.start(), number.end()) < own:
            return False
    return True


def _has_time(unit: str) -> bool:
    """Whether the unit holds a time ("barrels a day", "gigawatts"); an amount of energy
    ("gigawatt hours") holds none, though its dimensions do."""
    try:
        dimensions = units.parse_unit(unit).dimensionality
    except units.UnitError:
        return False
    return "[time]" in dimensions and dimensions != _ENERGY


_ENERGY = units.parse_unit("joule").dimensionality


# "since then", "since it began", "since the unrest began": a start the paragraph dated before.
_SINCE_ANAPHOR = re.compile(
    rf"(?:then|(?:it|they|this|that|(?:the|its|their)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?)\s+"
    rf"{_STARTED})\b",
    re.IGNORECASE,
)


# what lies between a figure and a "since" after it when a second figure is coordinated with it
# without a verb of its own: "9 were held and about 30 hurt since ..."
_COORDINATED = re.compile(r"[^\d,;:]*\band\s+(?:[a-z]+\s+){0,3}\d[\d,.]*\s+[a-z]+\s+", re.I)


def _since(
    text: str,
    figure: tuple[int, int],
    sentence: tuple[int, int],
    published,
    earlier: Period | None = None,
):
    """A cumulative total's reading from "since June 2014", "since the war began"; or None.
    ``earlier`` is the period the paragraph named last before this sentence: the start of
    "since then", "since it began" and "since the war began" when the sentence dates none."""
    start, end = sentence
    for match in _SINCE.finditer(text, start, end):
        date = _EXPRESSIONS.match(text, match.end(), end)
        if date is not None and date.lastgroup in ("shift", "sameday"):
            date = None
        this = None
        if date is None and match.group(0).lower().strip() != "since":
            this = _SINCE_THIS.match(text, match.end(), end)  # "since the start of the year"
        event = _SINCE_EVENT_DATE.match(text, match.end(), end) if date is None else None
        if event is not None:
            date = _EXPRESSIONS.match(text, event.end(), end)
            if date is None or date.lastgroup in ("shift", "sameday", "yesterday"):
                date = None
        clause_end = None
        if date is None and this is None:
            # "since rebels overran the city", "since the storm struck on March 28": a clause
            # of a past event, dated when it names its date
            clause_end = _past_clause_end(text, sentence, match.start())
            if clause_end is not None:
                date = _EXPRESSIONS.search(text, match.end(), clause_end)
                if date is not None and date.lastgroup not in _SINCE_DATED:
                    date = None
        phrase_end = date.end() if date is not None else (clause_end or match.end())
        if this is not None:
            phrase_end = this.end()
        if _COMPARING_SINCE.search(text[max(start, match.start() - 40) : match.start()]):
            continue
        # "1.3 million have fled since the war began, and 4,800 ...": the phrase ends the
        # figure's own clause
        own_clause = figure[1] <= match.start() and not re.search(
            r"[\d,;:]", text[figure[1] : match.start()]
        )
        # "9 were held and 30 hurt since the march began": a figure coordinated with the
        # one before "since", its verb left out, shares the start
        coordinated = figure[1] <= match.start() and bool(
            _COORDINATED.fullmatch(text, figure[1], match.start())
        )
        own_clause = own_clause or coordinated
        if not own_clause and not _nearest(text, figure, (match.start(), phrase_end), sentence):
            continue
        if not (
            coordinated
            or _same_clause(text, figure[1], match.start())
            or _same_clause(text, phrase_end, figure[0])
        ):
            continue
        if date is not None:
            # Without a publication date only a start that names its year can be dated.
            year = next((date.group(g) for g in _YEAR_GROUPS if date.group(g)), "9999")
            base = published or dt.date(int(year), 12, 31)
            period = _resolve(date, base, None) if base.year != 9999 else None
            if period is not None and date.lastgroup == "weekday" and period.start == published:
                period = _shift(period, base, "week", -1)  # "since Monday", said on a Monday
            if period is not None and period.start > base:
                # A count runs since a past date: "since January" in December is this January.
                period = Period(period.start - relativedelta(years=1), period.end, "day")
            return FigurePeriod("cumulative", period.start if period else None)
        if this is not None:
            unit = this.group("unit").lower()
            return FigurePeriod("cumulative", _period_start(unit, published))
        words = _SINCE_WORDS.match(text, match.end(), end)
        said = {w.lower() for w in (words.groups() if words else ()) if w}
        anaphor = _SINCE_ANAPHOR.match(text, match.end(), end) is not None
        if match.group(0).lower().strip() != "since" or said & _SINCE_EVENTS or anaphor:
            return FigurePeriod("cumulative", earlier.start if earlier is not None else None)
        if clause_end is not None and _rate(text, figure, sentence) is None:
            # "40 ships a week since the berth opened" is a rate, not a total
            return FigurePeriod("cumulative")
    return None


# The dates that can date a past event's clause after "since" (vocabulary/periods.toml).
_SINCE_DATED = frozenset(_CALENDAR_WORDS["cumulative"]["since_clause_dates"])


def _past_clause_end(text: str, sentence: tuple[int, int], since: int) -> int | None:
    """Where the clause "since" opens ends, when it tells a past event ("since fighters
    overran the city"): its verb in the past tense, as the parse has it; None when "since"
    opens no such clause (a causal "since supply is short") or no parse is to be had."""
    if not parse.available():
        return None
    doc = parse.parse(text[sentence[0] : sentence[1]])
    offset = since - sentence[0]
    token = next((t for t in doc if t.idx == offset), None)
    if token is None or token.dep_ != "mark" or token.head.tag_ != "VBD":
        return None
    last = max(t.idx + len(t.text) for t in token.head.subtree)
    return sentence[0] + last


def _running(text: str, figure: tuple[int, int], sentence: tuple[int, int], published):
    """ "so far this year": a total since the year's start; "to date": since an unsaid start."""
    start, end = sentence
    raising = _RAISING.search(text[max(start, figure[0] - 80) : figure[0]]) or _RISEN.search(
        text[max(start, figure[0] - 100) : figure[0]]
    )
    if raising is not None:
        # "raising its count for this year to 80": a total since the first day of the year
        this = re.search(
            r"\b(?:this|the)\s+(?P<unit>year|month|week)\b|\bthis\s+(?P<own>year|month|week)['\u2019]s",
            raising.group(0),
            re.I,
        )
        if this is not None and published is not None:
            unit = (this.group("unit") or this.group("own")).lower()
            return FigurePeriod("cumulative", _period_start(unit, published))
        return FigurePeriod("cumulative")
    lowered = text[start:end].lower()
    for phrase in _RUNNING:
        for found in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            at = start + found.start()
            this = _THIS.match(text, start + found.end())
            after = this.end() if this is not None else start + found.end()
            if not (_same_clause(text, figure[1], at) or _same_clause(text, after, figure[0])):
                continue
            this = _THIS.match(text, start + found.end())
            phrase_end = this.end() if this is not None else start + found.end()
            if not _nearest(text, figure, (at, phrase_end), sentence):
                continue  # "12 died, taking the toll to date to 900": the total is the 900
            if this is not None and this.group("year"):
                return FigurePeriod("cumulative", dt.date(int(this.group("year")), 1, 1))
            if _YEAR_SO_FAR.search(text, max(start, at - 5), phrase_end) and published:
                return FigurePeriod("cumulative", _period_start("year", published))
            if this is None or published is None:
                return FigurePeriod("cumulative")
            return FigurePeriod("cumulative", _period_start(this.group("unit").lower(), published))
    for this in re.finditer(r"\bthis\s+(?P<unit>year|month|week)\b", text[start:end], re.I):
        at, after = start + this.start(), start + this.end()
        clause = text[max(start, min(at, figure[0]) - 60) : min(end, max(after, figure[1]) + 60)]
        near = _same_clause(text, figure[1], at) or _same_clause(text, after, figure[0])
        if near and published is not None and _PERFECT.search(clause) and _is_flow(clause):
            return FigurePeriod("cumulative", _period_start(this.group("unit").lower(), published))
    return None


def _whole_of(text: str, figure: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int]:
    """The figure a part is of ("5,000 dead, including 800 children": 800 is part of 5,000, and
    counts over the same time); the figure itself when it is no part."""
    part = _PART_OF.search(text, max(sentence[0], figure[0] - 25), figure[0])
    if part is None:
        return figure
    dated = [(m.start(), m.end()) for m in _EXPRESSIONS.finditer(text, sentence[0], part.start())]
    earlier = [
        m
        for m in _NUMBER_RUN.finditer(text, sentence[0], part.start())
        if not any(a <= m.start() < b for a, b in dated)  # "since March 28, including 16"
    ]
    if not earlier or re.search(r"[;:]|\.\s", text[earlier[-1].end() : part.start()]):
        return figure
    return earlier[-1].start(), earlier[-1].end()


# "tested positive and 41 died", "killed 47 people and displaced 2,800": two counts of one clause
_AND_GAP = re.compile(r"[^,;:.\d]{0,40}?\band\s+(?:[a-z]+\s+){0,3}?$")


def _partners(text: str, figure: tuple[int, int], sentence: tuple[int, int]):
    """The figures coordinated with this one by "and" in its clause, which share its period:
    the one just before and the one just after, when no date stands between."""
    numbers = [(m.start(), m.end()) for m in _NUMBER_RUN.finditer(text, *sentence)]
    before = [n for n in numbers if n[1] <= figure[0]]
    after = [n for n in numbers if n[0] >= figure[1]]
    found = []
    if before and _AND_GAP.fullmatch(text, before[-1][1], figure[0]):
        found.append(before[-1])
    if after and _AND_GAP.fullmatch(text, figure[1], after[0][0]):
        found.append(after[0])
    return [
        span
        for span in found
        if not _EXPRESSIONS.search(text[min(span[1], figure[1]) : max(span[0], figure[0])])
    ]


def _period_start(unit: str, published: dt.date | None) -> dt.date | None:
    """The first day of the publication's year, month or (Monday) week."""
    if published is None:
        return None
    if unit == "year":
        return dt.date(published.year, 1, 1)
    if unit == "month":
        return published.replace(day=1)
    return published - dt.timedelta(days=published.weekday())


def _by_past_date(text: str, figure: tuple[int, int], sentence: tuple[int, int], published):
    """ "38,000 had returned by the end of March": a total up to a past date, its start unsaid."""
    if published is None:
        return None
    for by in _BY.finditer(text, *sentence):
        date = _EXPRESSIONS.match(text, by.end(), sentence[1])
        if date is not None and date.lastgroup == "then":
            # "by then 4,300 had been evacuated": a total up to the date named before
            near = _same_clause(text, date.end(), figure[0]) or _same_clause(
                text, figure[1], by.start()
            )
            if near and _nearest(text, figure, (by.start(), date.end()), sentence):
                return FigurePeriod("cumulative")
            continue
        if date is None or date.lastgroup in ("shift", "sameday", "weekday", "weekend"):
            continue
        period = _resolve(date, published, None)
        if period is None or period.end >= published:
            continue  # "by 2030", "by the end of the month": a target
        near = _same_clause(text, figure[1], by.start()) or _same_clause(
            text, date.end(), figure[0]
        )
        if near and _nearest(text, figure, (by.start(), date.end()), sentence):
            # "by the end of July ... this year": a total since January 1, counted to July 31
            this_year = re.search(r"\bthis\s+year\b", text[sentence[0] : sentence[1]], re.I)
            start = _period_start("year", published) if this_year else None
            return FigurePeriod("cumulative", start, until=period.end)
    return None


# "in the 14 months after the crackdown began in October 2023", "over the six weeks since".
_MONTHS_AFTER = re.compile(
    rf"\b(?:in|over|during|within)\s+the\s+(?:first\s+)?(?:{_COUNT_WORD}|\d+)\s+"
    rf"(?:days|weeks|months|years)\s+(?:after|since|following)\s",
    re.IGNORECASE,
)


def _months_after(text: str, figure: tuple[int, int], sentence: tuple[int, int], published):
    """ "800,000 in the 14 months after the ban took effect in October 2023": a total since the
    event, started on the date its clause names (without a date, "in the two days after it"
    says no total)."""
    for match in _MONTHS_AFTER.finditer(text, *sentence):
        if not (match.end() <= figure[0] or match.start() >= figure[1]):
            continue
        between = text[min(figure[1], match.end()) : max(figure[0], match.start())]
        if _CLAUSE_END.search(between):
            continue
        start = None
        clause = _CLAUSE_END.search(text, match.end(), sentence[1])
        stop = min(clause.start() if clause else sentence[1], match.end() + 90)
        for date in _EXPRESSIONS.finditer(text, match.end(), stop):
            if date.lastgroup in ("date", "month", "year") and published is not None:
                period = _resolve(date, published, None)
                start = period.start if period is not None else None
                break
        if start is not None:
            return FigurePeriod("cumulative", start)
    return None


def _rate(text: str, figure: tuple[int, int], sentence: tuple[int, int]) -> FigurePeriod | None:
    """ "40 attacks a month", "per day", "weekly": a count per period of that length."""
    start, end = sentence
    after = text[figure[1] : min(end, figure[1] + 60)]
    right_after = _RATE_BY_EVENT.match(after)
    if right_after is not None:
        # "some 500 a day before the war": right after its figure, the length is a rate's
        return FigurePeriod("per_period", days=_LENGTHS[right_after.group("unit").lower()])
    for match in _RATE.finditer(after):
        if not _same_clause(after, 0, match.start()) or _DURATION_LEAD.search(
            after[: match.start()]
        ):
            continue
        n = _count(match.group("n"))
        if n:
            return FigurePeriod("per_period", days=n * _LENGTHS[match.group("unit").lower()])
    window = text[max(start, figure[0] - 25) : min(end, figure[1] + 40)]
    adverb = _ADVERB.search(window)
    if adverb is not None:
        return FigurePeriod("per_period", days=_ADVERBS[adverb.group(0).lower()])
    return None


# "in a single week", "on a single boat", "in one single attack".
_SINGLE = re.compile(
    r"\b(?:in|on|during|from|aboard)\s+(?:a|one)\s+single\s+(?P<noun>[a-z]+)", re.IGNORECASE
)
# "every day we receive 3,000", "each month some 40 ...": a rate told before its figure.
_RATE_BEFORE = re.compile(
    rf"\b(?:every|each)\s+(?:(?P<n>\d+|{_COUNT_WORD})\s+)?(?P<unit>{_LENGTH})s?\b", re.IGNORECASE
)


def _single(text: str, figure: tuple[int, int], sentence: tuple[int, int]) -> FigurePeriod | None:
    """ "11,000 landed in a single week": a count over that length; "3,000 arrived on a single
    boat": a count of one event, a level."""
    for match in _SINGLE.finditer(text, *sentence):
        near = _same_clause(text, figure[1], match.start()) or _same_clause(
            text, match.end(), figure[0]
        )
        if not near:
            continue
        noun = match.group("noun").lower()
        days = _LENGTHS.get(noun)
        return FigurePeriod("per_period", days=days) if days else FigurePeriod("level")
    return None


def _rate_before(text: str, figure: tuple[int, int], sentence: tuple[int, int]):
    """ "Every day we are taking in 3,000": the rate's length said before its figure."""
    for match in _RATE_BEFORE.finditer(text, max(sentence[0], figure[0] - 60), figure[0]):
        if _same_clause(text, match.end(), figure[0]):
            n = _count(match.group("n"))
            if n:
                return FigurePeriod("per_period", days=n * _LENGTHS[match.group("unit").lower()])
    return None


def _rolling(text: str, figure: tuple[int, int], sentence: tuple[int, int]) -> FigurePeriod | None:
    """ "in the past week", "over the last 24 hours": a count over that many days."""
    for match in _ROLLING.finditer(text, *sentence):
        outside = match.end() <= figure[0] or match.start() >= figure[1]
        near = _same_clause(text, figure[1], match.start()) or _same_clause(
            text, match.end(), figure[0]
        )
        if not (outside and near):
            continue
        n, unit = _count(match.group("n")), match.group("unit").lower()
        if unit == "hour":
            if n and n % 24 == 0:
                return FigurePeriod("per_period", days=n // 24)
            continue
        if n:
            return FigurePeriod("per_period", days=n * _LENGTHS[unit])
    return None


# "in the week to Sunday", "over the fiscal year ended March 31": a count over that window.
_WINDOW = re.compile(
    r"\b(?:in|during|over|for)\s+(?:the|its|their)\s+(?:(?:fiscal|financial)\s+)?"
    r"(?P<unit>week|month|quarter|year)\s+(?:to|ending|ended|through)\s",
    re.IGNORECASE,
)


def _window(text: str, figure: tuple[int, int], sentence: tuple[int, int]) -> FigurePeriod | None:
    for match in _WINDOW.finditer(text, *sentence):
        near = _same_clause(text, figure[1], match.start()) or _same_clause(
            text, match.end(), figure[0]
        )
        if near and (match.end() <= figure[0] or match.start() >= figure[1]):
            return FigurePeriod("per_period", days=_LENGTHS[match.group("unit").lower()])
    return None


_ADJECTIVES: dict[str, int] = _PERIOD_WORDS["adjectives"]
_NOT_RATES = frozenset(_PERIOD_WORDS["adjective_events"]["nouns"])
_ADJECTIVE = re.compile(
    r"\b(?P<word>" + "|".join(_ADJECTIVES) + r")\s+(?P<noun>[a-z]+)(?:\s+(?P<next>[a-z]+))?\b",
    re.IGNORECASE,
)


def _adjective(text: str, figure: tuple[int, int], sentence: tuple[int, int]):
    """ "the annual defence budget ... 1.9 trillion rupees": a sum over that length; not an
    annual report or meeting, which only date the figure."""
    start, end = sentence
    for match in _ADJECTIVE.finditer(text, max(start, figure[0] - 60), min(end, figure[1] + 30)):
        nouns = {match.group("noun").lower(), (match.group("next") or "").lower()}
        if nouns & _NOT_RATES:
            continue
        if _same_clause(text, match.end(), figure[0]) or _same_clause(
            text, figure[1], match.start()
        ):
            return FigurePeriod("per_period", days=_ADJECTIVES[match.group("word").lower()])
    return None


def _year_so_far(
    text: str, figure: tuple[int, int], sentence: tuple[int, int], as_of: Period | None
) -> FigurePeriod | None:
    """ "in the first half of the year", "in the first nine months of 2024": a count over the
    months since the year began is a total since January 1, counted to the last of them."""
    if as_of is None or (as_of.start.month, as_of.start.day) != (1, 1):
        return None
    for match in _EXPRESSIONS.finditer(text, *sentence):
        first_half = match.lastgroup == "half" and match.group("h_ord").lower() == "first"
        if not (first_half or match.lastgroup == "firstmonths"):
            continue
        between = text[min(figure[1], match.end()) : max(figure[0], match.start())]
        if not _CLAUSE_END.search(between) and as_of.end.month < 12:
            return FigurePeriod("cumulative", as_of.start, until=as_of.end)
    return None


# Units of a multiplier ("tripled", "four times"): a ratio of two levels, never a count.
MULTIPLIER_UNITS = _MULTIPLIERS = frozenset(_PERIOD_WORDS["multipliers"]["units"])
# "dropped by 4,000", "trimmed the harvest by 2 million bushels": the size of a change.
_CHANGE_BY = re.compile(
    r"\b(?:"
    + "|".join(vocabulary.load("numbers")["change_words"])
    + r")\s+(?:[\w'\u2019-]+\s+){0,3}?by\s+(?:[a-z]+\s+){0,2}?$",
    re.IGNORECASE,
)


_ANNUAL_SUMS = re.compile(
    r"\b(?:" + "|".join(_PERIOD_WORDS["annual_sums"]["words"]) + r")\b", re.IGNORECASE
)


def _is_money(unit: str) -> bool:
    try:
        dimensions = units.parse_unit(unit).dimensionality
    except units.UnitError:
        return False
    return any(str(name).startswith("[currency_") for name in dimensions)


def _annual_sum(text: str, figure: tuple[int, int], sentence: tuple[int, int], unit: str):
    """ "a budget of 18.9 trillion rupees", "it budgeted $4 billion for roads": a sum of money
    a budget sets is a sum per year."""
    if not _is_money(unit):
        return None
    window = (max(sentence[0], figure[0] - 50), min(sentence[1], figure[1] + 40))
    for match in _ANNUAL_SUMS.finditer(text, *window):
        if _same_clause(text, match.end(), figure[0]) or _same_clause(
            text, figure[1], match.start()
        ):
            return FigurePeriod("per_period", days=_LENGTHS["year"])
    return None


def _is_flow(sentence: str) -> bool:
    words = re.findall(r"[a-z]+", sentence.lower())
    return any(word in _FLOW_WORDS or word.rstrip("s") in _FLOW_WORDS for word in words)


def figure_period(
    text: str,
    figure: tuple[int, int],
    sentence: tuple[int, int],
    *,
    published: dt.date | None,
    as_of: Period | None,
    unit: str = "count",
    earlier: Period | None = None,
) -> FigurePeriod:
    """What kind of figure over time the number at ``figure`` (start, end) of the sentence at
    ``sentence`` (start, end) is, read from the words around it:

    - a cumulative total: "since June 2014" (its start kept), "since the war began", "since
      the protests erupted on October 1" (the event's date), "since the start of the year", "so
      far this year" (since 1 January), "has killed 230 this year", "to date", "bringing the
      total to", "had returned by the end of March" (a past date);
    - a count per period: "a month", "per day", "weekly" (unless the unit holds the time, as
      "barrels per day" does), "in the past week" (7 days), "over the last 48 hours" (2), "the
      annual budget", or a count of what happened (killed, fled, attacks, exported, crossed)
      dated by a calendar week, month, quarter or year ("47 strikes last week");
    - a percentage is a level unless a rate is stated ("2 percent a month"); a part ("including
      800 children") and a count joined by "and" share their whole's or partner's reading;
    - otherwise unknown: the metric's kind decides.
    """
    if unit in ("percent", "percentage point"):
        # A share or a change ("40 percent since last year", "annual inflation of 2 percent")
        # is a level; only a stated rate ("2 percent a month") is per period.
        return _rate(text, figure, sentence) or UNKNOWN
    if (
        unit in _MULTIPLIERS
        or _has_time(unit)
        or _CHANGE_BY.search(text, max(sentence[0], figure[0] - 60), figure[0])
    ):
        # "has tripled since 2020", "2 million barrels a day since September", "shrank by 900
        # last year": a multiplier, a rate whose unit holds the time, a change, all levels
        return UNKNOWN
    stated_rate = _rate(text, figure, sentence) or _rate_before(text, figure, sentence)
    if stated_rate is not None:
        return stated_rate  # "$1.2 billion a year since 2023", "every week since then, 1,100"
    whole = _whole_of(text, figure, sentence)
    partners = [whole, *_partners(text, whole, sentence)]
    dated_baseline = (
        _BASELINE_LEAD.search(text, max(sentence[0], figure[0] - 30), figure[0]) is not None
        and as_of is not None
        and as_of.precision in ("week", "month", "quarter", "year")
    )  # "against 12 in all of 2019": the baseline is a count over its own period
    for reading in (
        *(_since(text, span, sentence, published, earlier) for span in partners),
        _running(text, whole, sentence, published),
        _by_past_date(text, figure, sentence, published),
        _months_after(text, figure, sentence, published),
    ):
        if reading is not None and not dated_baseline:
            return reading
    single = _single(text, figure, sentence)
    if single is not None:
        return single
    # (a unit holding the time, and a rate said after or before the figure, were read above)
    reading = (
        next(filter(None, (_rolling(text, span, sentence) for span in partners)), None)
        or _window(text, figure, sentence)
        or _adjective(text, figure, sentence)
        or _year_so_far(text, figure, sentence, as_of)
        or _annual_sum(text, figure, sentence, unit)
    )
    if reading is not None:
        return reading
    calendar_period = as_of is not None and (
        as_of.precision in ("week", "month", "quarter", "year")
        or (as_of.precision == "span" and (as_of.end - as_of.start).days + 1 in (365, 366))
    )  # a fiscal year ("the fiscal year to June 2023") counts as a year
    if calendar_period and _is_flow(text[sentence[0] : sentence[1]]):
        return FigurePeriod("per_period", days=(as_of.end - as_of.start).days + 1)
    return UNKNOWN


def cumulative_as_of(
    as_of: Period | None,
    published: dt.date | None,
    start: dt.date | None = None,
    reported: Period | None = None,
    until: dt.date | None = None,
) -> Period | None:
    """The as-of of a cumulative total: the date of the report (a total counts up to it), unless
    the sentence names the day it counts to ("as of June 30"); the day the total starts from
    ("since then", of a date named before) is no such day. ``reported`` is the day the sentence
    says the total was told ("the ministry said on Sunday"), the report's day when given;
    ``until`` the day the sentence's period counts it to (see FigurePeriod)."""
    if as_of is not None and as_of.precision == "day" and as_of.start != start:
        return as_of
    if until is not None:
        return Period(until, until, "day")
    if published is None:
        return as_of
    if reported is not None and reported.precision == "day" and reported.end <= published:
        return reported
    return Period(published, published, "day")
