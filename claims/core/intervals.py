"""Figures as intervals: the one rule set that turns a stated figure into a closed interval.

Pure Python, no Django import. See DESIGN.md, "Figures as intervals".
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from decimal import Decimal

from claims.core import units


class Qualifier(enum.StrEnum):
    """How a figure was hedged in the text. The words that map to each are in the docstrings."""

    EXACT = "exact"  # no hedge: "40,000", "3,000 to 5,000"
    APPROXIMATE = "approximate"  # about, roughly, some, an estimated, around, approximately
    NEARLY = "nearly"  # nearly, almost, just under, close to
    AT_LEAST = "at_least"  # at least, no fewer than, no less than, a minimum of
    MORE_THAN = "more_than"  # more than, over, upwards of, in excess of
    AT_MOST = "at_most"  # up to, as many as, at most, no more than
    LESS_THAN = "less_than"  # fewer than, less than, under


# Qualifiers whose figure is a bound on one side only.
LOWER_BOUND_QUALIFIERS = frozenset({Qualifier.AT_LEAST, Qualifier.MORE_THAN})
UPPER_BOUND_QUALIFIERS = frozenset({Qualifier.AT_MOST, Qualifier.LESS_THAN})


@dataclass(frozen=True)
class Tolerances:
    """How far hedged figures reach. The product reads these from settings (INTERVAL_TOLERANCES).

    ``approximate``: relative half-width of "about 7,300" (0.10 gives 6,570..8,030); never
    narrower than the figure's rounding, so "about 40,000" is 35,000..45,000.
    ``nearly``: how far below the figure "nearly 40" may sit (0.10 gives 36..40).
    ``rounding``: exact figures carry their rounding: "40,000" is anything that rounds to it,
    "22" is 21.5..22.5. Off, an exact figure is a single point.
    ``significant_digits``: trailing zeros of a whole number are ambiguous ("40,000" may be
    rounded to the thousand or to the ten thousand), so a figure is read as precise to at least
    this many leading digits: with 2, "40,000" is 39,500..40,500, "20,000" is 19,500..20,500
    and "10 killed" 9.5..10.5. Decimals are read as written ("3.5" is 3.45..3.55). Looser
    readings are what hedges are for ("about 40,000").
    """

    approximate: float = 0.10
    nearly: float = 0.10
    rounding: bool = True
    significant_digits: int = 2

    def __post_init__(self) -> None:
        for name in ("approximate", "nearly"):
            value = getattr(self, name)
            if not (0 <= value < 1):
                raise ValueError(f"tolerance {name!r} must be at least 0 and below 1, not {value}")
        if not (isinstance(self.significant_digits, int) and self.significant_digits >= 1):
            raise ValueError(
                f"significant_digits must be a whole number of 1 or more, "
                f"not {self.significant_digits!r}"
            )


DEFAULT_TOLERANCES = Tolerances()


@dataclass(frozen=True, order=True)
class Interval:
    """A closed interval [lo, hi]; an open-ended figure has lo = -inf or hi = inf."""

    lo: float
    hi: float

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi) or self.lo > self.hi:
            raise ValueError(f"not an interval: [{self.lo}, {self.hi}]")

    @property
    def is_bounded(self) -> bool:
        """True when both ends are finite."""
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    @property
    def midpoint(self) -> float:
        """The middle of the interval, or its finite end when it is open on one side."""
        if self.is_bounded:
            return (self.lo + self.hi) / 2
        if math.isfinite(self.lo):
            return self.lo
        if math.isfinite(self.hi):
            return self.hi
        return 0.0

    def contains(self, value: float) -> bool:
        """True when ``value`` lies in the interval, ends included."""
        return self.lo <= value <= self.hi

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one point (touching counts)."""
        return self.lo <= other.hi and other.lo <= self.hi

    def scaled(self, factor: float) -> Interval:
        """The interval multiplied by a positive unit-conversion factor."""
        if factor <= 0:
            raise ValueError(f"a unit conversion factor must be positive, not {factor}")
        return Interval(self.lo * factor, self.hi * factor)


class BoundsError(ValueError):
    """Stated bounds that do not fit their qualifier. ``field`` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def check_bounds(low: float | None, high: float | None, qualifier: str) -> None:
    """Raise BoundsError unless ``low``/``high`` are the bounds ``qualifier`` calls for.

    "at least / more than" state a lower bound only, "up to / fewer than" an upper bound only;
    every other qualifier states both (equal for a single figure, low < high for a range).
    """
    try:
        qualifier = Qualifier(qualifier)
    except ValueError:
        choices = ", ".join(q.value for q in Qualifier)
        message = f"unknown qualifier {qualifier!r}; use one of {choices}"
        raise BoundsError("qualifier", message) from None
    for field, value in (("value_low", low), ("value_high", high)):
        if value is not None and not math.isfinite(value):
            raise BoundsError(field, f"{field} must be a finite number, not {value}")
    name = qualifier.value
    if qualifier in LOWER_BOUND_QUALIFIERS:
        if low is None:
            raise BoundsError("value_low", f"{name!r} needs value_low, the bound stated")
        if high is not None:
            raise BoundsError("value_high", f"{name!r} states no upper bound; leave it empty")
    elif qualifier in UPPER_BOUND_QUALIFIERS:
        if high is None:
            raise BoundsError("value_high", f"{name!r} needs value_high, the bound stated")
        if low is not None:
            raise BoundsError("value_low", f"{name!r} states no lower bound; leave it empty")
    else:
        if low is None or high is None:
            missing = "value_low" if low is None else "value_high"
            raise BoundsError(missing, f"{missing} is required for a {name!r} figure")
        if low > high:
            message = f"value_low ({low:g}) is greater than value_high ({high:g})"
            raise BoundsError("value_low", message)


def rounding_step(value: float, significant_digits: int = 2) -> float:
    """The place a figure is rounded to.

    A decimal is precise to its last written digit (3.5 -> 0.1; 3.5 million, 3500000.0 ->
    100,000). A whole number's trailing zeros are ambiguous, so it is read as precise to at
    least ``significant_digits`` leading digits: 40,000 -> 1,000; 3,000 -> 100; 22 -> 1.
    """
    if value == 0 or not math.isfinite(value):
        return 1.0
    magnitude = abs(value)
    exponent = int(Decimal(repr(magnitude)).normalize().as_tuple().exponent)
    if exponent < 0:
        return 10.0**exponent
    leading = math.floor(math.log10(magnitude))
    return 10.0 ** max(0, min(exponent, leading - significant_digits + 1))


def figure_interval(
    *,
    low: float | None,
    high: float | None,
    qualifier: str = Qualifier.EXACT,
    tolerances: Tolerances = DEFAULT_TOLERANCES,
) -> Interval:
    """The interval a stated figure covers, in the unit it was stated in.

    A range is taken as stated ("3,000 to 5,000" is [3000, 5000]); a single exact figure carries
    its rounding; "about" widens both sides by ``tolerances.approximate``; "nearly" reaches below
    by ``tolerances.nearly`` and not above; "at least / more than" and "up to / fewer than" are
    open on one side. Raises BoundsError when the bounds do not fit the qualifier.
    """
    check_bounds(low, high, qualifier)
    qualifier = Qualifier(qualifier)
    if qualifier in LOWER_BOUND_QUALIFIERS:
        return Interval(low, math.inf)
    if qualifier in UPPER_BOUND_QUALIFIERS:
        return Interval(-math.inf, high)
    if low == high:
        lo, hi = _single_figure(low, qualifier, tolerances)
    else:
        lo, hi = _range(low, high, qualifier, tolerances)
    return Interval(lo, hi)


def _rounding_reach(value: float, tol: Tolerances) -> float:
    if not tol.rounding:
        return 0.0
    return rounding_step(value, tol.significant_digits) / 2


def _single_figure(value: float, qualifier: Qualifier, tol: Tolerances) -> tuple[float, float]:
    rounding = _rounding_reach(value, tol)
    if qualifier is Qualifier.APPROXIMATE:
        reach = max(abs(value) * tol.approximate, rounding)
        return value - reach, value + reach
    if qualifier is Qualifier.NEARLY:
        return value - abs(value) * tol.nearly, value
    return value - rounding, value + rounding


def _range(low: float, high: float, qualifier: Qualifier, tol: Tolerances) -> tuple[float, float]:
    if qualifier is Qualifier.APPROXIMATE:
        return low - abs(low) * tol.approximate, high + abs(high) * tol.approximate
    if qualifier is Qualifier.NEARLY:
        return low - abs(low) * tol.nearly, high
    return low, high


def claim_interval(
    *,
    low: float | None,
    high: float | None,
    qualifier: str,
    unit: str,
    canonical_unit: str | None = None,
    tolerances: Tolerances = DEFAULT_TOLERANCES,
) -> Interval:
    """A claim's interval in its metric's ``canonical_unit`` (or its own unit when there is none).

    Raises BoundsError for bounds that do not fit the qualifier and units.UnitError for a unit that
    is unknown or does not convert into the canonical unit.
    """
    interval = figure_interval(low=low, high=high, qualifier=qualifier, tolerances=tolerances)
    if not canonical_unit:
        units.parse_unit(unit)
        return interval
    return interval.scaled(units.conversion_factor(unit, canonical_unit))
