"""Figures as people read them, wherever a person reads them (admin, commands)."""

import math


def people_number(value: float) -> str:
    """A bound as people write it: "11 million", "3.4 million", "40,000", "2.5"."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def bounds_text(low: float | None, high: float | None) -> str:
    """Stated bounds for people: "3,000" to "5,000" joined by a dash, "11 million", "at least
    100", "up to 50"."""
    if low is None and high is None:
        return "—"
    if high is None:
        return f"at least {people_number(low)}"
    if low is None:
        return f"up to {people_number(high)}"
    if low == high:
        return people_number(low)
    return f"{people_number(low)}–{people_number(high)}"
