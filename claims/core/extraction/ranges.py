"""Ranges and qualifiers: "3,000 to 5,000", "14- to 18,000", "between 10 and 20", "nearly 40".

Atoms from :mod:`claims.core.extraction.numbers` are paired into ranges here, and the hedge written
before a figure is turned into a :class:`claims.core.intervals.Qualifier` and open or closed bounds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.core import vocabulary
from claims.core.extraction.numbers import NumberAtom
from claims.core.intervals import Qualifier

# Text allowed between the two ends of a range. "and" only counts after "between".
_RANGE_GAP = re.compile(
    r"(?:\s*%|\s+(?:percent|per\s?cent))?"
    r"(?:\s*(?:-|\u2013|\u2014)\s*|\s+to\s+|-\s+to\s+|\s+and\s+|\s+or\s+)",
    re.IGNORECASE,
)
# "5.25%-5.5%": a unit written after the first end must be written after the second too.
_UNIT_IN_GAP = re.compile(r"(?:\s*%|\s+(?:percent|per\s?cent))", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "rose by 60 to 6,000" and "climbed from 90 to 120" state a change between two figures; a
# bare "from 200 to 250" is one estimate.
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# The verb may stand up to three words before "from" ("raised its key rate from 9 to 11").
_FROM_BEFORE = re.compile(r"\b(\w+)(?:\s+[\w']+){0,3}\s+from\s+$", re.IGNORECASE)


def _states_a_change(before: str) -> bool:
    if _BY_BEFORE.search(before):
        return True
    found = _FROM_BEFORE.search(before)
    if found is None:
        return False
    words = set(vocabulary.load("numbers")["change_words"])
    return any(w.lower() in words for w in found.group(0).split()[:-1])


def _one_estimate_with_or(low: NumberAtom, high: NumberAtom, after: str) -> bool:
    """ "30 or 40 gunmen": two guesses at one number; not "20 or more", not "2 or 200"."""
    if re.match(r"\s*(?:more|fewer|less|so)\b", after, re.IGNORECASE):
        return False
    return 0 < low.value < high.value <= 10 * low.value


# The hedge must end right where the figure (or its currency sign) starts.
_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = tuple(
    (pattern, Qualifier(name)) for name, pattern in vocabulary.load("numbers")["hedges"].items()
)
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[^\w]))(?:"
    + "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(_QUALIFIERS))
    # a hedge stays a hedge across an opening quote; "less than the 5% it forecast" compares
    # with another figure and hedges nothing
    + r")\s+[\"\u201c\u2018']?$",
    re.IGNORECASE,
)
_OPEN_LOW = {Qualifier.AT_LEAST, Qualifier.MORE_THAN}
_OPEN_HIGH = {Qualifier.AT_MOST, Qualifier.LESS_THAN}


@dataclass(frozen=True, slots=True)
class NumericSpan:
    """A figure's numeric part: one atom or a range of two, with stated bounds."""

    start: int
    end: int
    low: float
    high: float
    atoms: tuple[NumberAtom, ...]

    @property
    def is_range(self) -> bool:
        """True when the figure names two ends."""
        return len(self.atoms) == 2


def _magnitude(value: float) -> int:
    return math.floor(math.log10(value)) + 1 if value >= 1 else 1


def _pair(first: NumberAtom, second: NumberAtom, gap: str) -> tuple[float, float] | None:
    """Bounds of "first GAP second", or None when the two do not form a range."""
    low = first.value
    high = second.value
    if gap.strip().startswith("-") and gap.strip() != "-":
        # Suspended hyphen "14- to 18,000": the first number borrows the second's magnitude.
        if not first.is_word and first.scale == 1 and second.base >= 1000 and first.base < 1000:
            low = first.base * 10 ** (_magnitude(second.value) - _magnitude(first.base))
    elif first.scale == 1 and second.scale > 1 and first.base < 1000:
        # "1.2 to 1.5 million", "2.5-3 million": the scale word covers both ends.
        low = first.base * second.scale
    if low > high:
        return None
    return low, high


def build_spans(text: str, atoms: list[NumberAtom]) -> list[NumericSpan]:
    """Pair adjacent atoms into ranges; every other atom becomes a single-number span."""
    spans: list[NumericSpan] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        if index + 1 < len(atoms) and not atom.is_article:
            nxt = atoms[index + 1]
            gap = text[atom.end : nxt.start]
            match = _RANGE_GAP.fullmatch(gap)
            if match and _UNIT_IN_GAP.match(gap) and not _UNIT_IN_GAP.match(text, nxt.end):
                match = None
            is_and = match is not None and gap.strip().lower().endswith("and")
            is_or = match is not None and gap.strip().lower().endswith("or")
            if is_or and not _one_estimate_with_or(atom, nxt, text[nxt.end : nxt.end + 12]):
                match = None
            before = text[max(0, atom.start - 40) : atom.start]
            between = _BETWEEN.search(before)
            change = _states_a_change(before) and not is_and
            if match and (not is_and or between) and not nxt.is_article and not change:
                bounds = _pair(atom, nxt, gap)
                if bounds is not None:
                    spans.append(NumericSpan(atom.start, nxt.end, *bounds, (atom, nxt)))
                    index += 2
                    continue
        spans.append(NumericSpan(atom.start, atom.end, atom.value, atom.value, (atom,)))
        index += 1
    return spans


def find_qualifier(text: str, start: int) -> tuple[Qualifier, int]:
    """The hedge written just before ``start`` and where it begins (``start`` when none)."""
    window_start = max(0, start - 40)
    match = _QUALIFIER_RE.search(text[window_start:start])
    if match is None:
        return Qualifier.EXACT, start
    for i, (_, qualifier) in enumerate(_QUALIFIERS):
        if match.group(f"q{i}"):
            return qualifier, window_start + match.start()
    return Qualifier.EXACT, start


def bounds_for(low: float, high: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    """Stated bounds once a one-sided hedge opens one end of the interval."""
    if qualifier in _OPEN_LOW:
        return low, None
    if qualifier in _OPEN_HIGH:
        return None, high
    return low, high
