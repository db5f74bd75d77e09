"""The candidate claim: one figure found in a text, with what an editor needs to confirm it."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class FigureKind(enum.StrEnum):
    """What a figure counts: things (the default), time, a person's age, or an order of size."""

    QUANTITY = "quantity"  # "14 people", "$1.2 billion", "40 percent"
    DURATION = "duration"  # "for 12 days", "a six-month siege", "a 10-year sentence"
    AGE = "age"  # "a 17-year-old", "aged 45"
    VAGUE = "vague"  # "dozens", "hundreds of", "tens of thousands of": a lower bound only


@dataclass(frozen=True, slots=True)
class Candidate:
    """One quantitative claim found in a text, before an editor confirms or rejects it.

    ``figure == text[start:end]`` and ``quote == text[quote_start:quote_start + len(quote)]``
    always hold. Bounds are in the claim's unit; an open side is None. ``scope`` is the place
    the figure holds for, as written or resolved ("in the country" -> "Lebanon"), or "".
    """

    quote: str
    quote_start: int
    figure: str
    start: int
    end: int
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str
    subject: str
    speaker: str | None
    speaker_kind: str | None
    as_of_start: dt.date | None
    as_of_end: dt.date | None
    as_of_precision: str | None
    scope: str = ""  # where the figure holds ("Iraq and Syria", "al-Ahli hospital in Gaza")
    # A FigureKind value. Durations and ages are context, not claims an editor triages first;
    # their unit is a time unit ("day", "week", "month", "year", "hour").
    figure_kind: str = FigureKind.QUANTITY.value
    # What kind of figure over time, as the sentence says it (see dates.figure_period): "level",
    # "cumulative" (with the total's start when said), "per_period" (with its days), or "".
    period_kind: str = ""
    period_start: dt.date | None = None
    period_days: int | None = None
