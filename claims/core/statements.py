"""One statement, several appearances: the same figure, speaker and period quoted by several
outlets. Pure Python, no Django import.

A statement is not stored; it is a key derived from what the claims say, so any two claims of a
metric that give the same interval, attributed to the same speaker, for the same as-of period,
share it. The comparison counts a statement once (`claims.core.comparison`: figures sharing a
key are compared once), and every appearance stays a claim of its own, shown in the report.
A figure with no speaker has no key: nothing tells two unattributed figures apart from two
sources that happen to agree.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def speaker_key(speaker: str) -> str:
    """The speaker's name with case, accents, dots and spacing ignored ("U.N." is "UN")."""
    text = unicodedata.normalize("NFKD", speaker or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NOT_WORD.sub("", text)


def statement_key(
    *,
    speaker: str,
    lo: float,
    hi: float,
    as_of_start: date | None,
    as_of_end: date | None,
    period: str = "level",
) -> tuple | None:
    """The key of the statement a figure repeats, or None when it has no speaker or no as-of.

    The interval is the figure as understood ("14- to 18,000" and "14,000 to 18,000" are one);
    the period kind is part of it, so a cumulative total and a level never share a key.
    """
    who = speaker_key(speaker)
    if not who or as_of_start is None:
        return None
    # A tuple, not text: the whole report makes one key per claim.
    return (who, lo, hi, as_of_start, as_of_end or as_of_start, period)
