"""The candidate claim: one figure found in a text, with what an editor needs to confirm it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
    # What kind of figure over time, as the sentence says it (see dates.figure_period): "level",
    # "cumulative" (with the total's start when said), "per_period" (with its days), or "".
    period_kind: str = ""
    period_start: dt.date | None = None
    period_days: int | None = None
