"""Units of measure for claims, through the pint units library. Pure Python, no Django import.

Our vocabulary is pint's, with three additions a newsroom needs:

- ``count``: a number of things (fighters, attacks, villages). It is its own dimension, so a count
  never converts silently into a percentage or a length.
- ``times``: a multiplier ("doubling" is 2 times). It is dimensionless, like ``percent``, so a ratio
  stated either way compares: 2 times == 200 percent, 0.4 == 40 percent.
- money as ISO 4217 codes (``USD``, ``EUR``, ``IQD`` ...), each its own dimension: exchange rates
  change by the day, so two currencies are never converted into each other here.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from claims.core import vocabulary

if TYPE_CHECKING:  # pint is imported when the first unit is read, not when Django starts
    import pint

_VOCABULARY = vocabulary.load("units")


@functools.cache
def currencies() -> tuple[str, ...]:
    """The currencies newsrooms covering the region meet most (the data file), then every other
    ISO 4217 code pycountry knows, so a currency read from its word or its country ("soles",
    "CFA francs") always has a unit; each is its own dimension (see above). Read when the first
    unit is, not when Django starts: pycountry costs its import."""
    import pycountry

    listed = tuple(_VOCABULARY["currencies"])
    return listed + tuple(sorted({c.alpha_3 for c in pycountry.currencies} - frozenset(listed)))


# Phrases of news copy that pint does not read, and single words whose pint meaning is not the
# newsroom's (an oil barrel is 42 gallons, a ton metric); see vocabulary/units.toml.
_PHRASES: dict[str, str] = dict(_VOCABULARY["phrases"])
_WORDS: dict[str, str] = dict(_VOCABULARY["words"])
_WORD = re.compile(r"[A-Za-z_]+")
# Scale words are part of a number ("40k", "3 million"), not a unit.
_NOT_UNITS = frozenset(_VOCABULARY["not_units"])


# The longest unit text read at all. pint's parser is quadratic in the length of its input (20,000
# characters take seconds, a megabyte minutes), so longer text is refused before it is parsed;
# the unit fields of the models hold the same number of characters.
MAX_UNIT_LENGTH = 50


class UnitError(ValueError):
    """A unit that is not in the vocabulary, or two units that do not convert into each other."""


@functools.cache
def registry() -> pint.UnitRegistry:
    """The one unit registry of the product, built once per process.

    pint parses its definitions file on every start unless it may keep the parsed form in a
    cache folder (the user's cache directory, keyed by the file's content); where that folder
    cannot be used, the registry is built from the file as before."""
    import pint

    try:
        ureg = pint.UnitRegistry(on_redefinition="raise", cache_folder=":auto:")
    except Exception:  # an unwritable or unreadable cache: pint's usual way, a little slower
        ureg = pint.UnitRegistry(on_redefinition="raise")
    # pint's own "count" is dimensionless; ours must not mix with percentages, hence "count_".
    ureg.define("count_ = [count]")
    ureg.define("times = 1 = fold")
    # a change in a percentage ("up 3 percentage points") is no percentage of anything
    ureg.define("percentage_point = [percentage_point]")
    for code in currencies():
        ureg.define(f"{code} = [currency_{code.lower()}]")
    return ureg


def _canonical_spelling(text: str) -> str:
    spelled = " ".join(text.strip().split())
    phrase = _PHRASES.get(spelled.lower())
    if phrase is not None:
        return phrase
    return _WORD.sub(lambda word: _WORDS.get(word.group().lower(), word.group()), spelled)


@functools.lru_cache(maxsize=512)
def parse_unit(text: str) -> pint.Unit:
    """Return the pint unit for ``text`` ("count", "km", "percent", "USD", "barrel/day" ...).

    Raises UnitError naming the unit when it is empty, unknown or longer than MAX_UNIT_LENGTH
    (checked before anything parses it).
    """
    if len(text) > MAX_UNIT_LENGTH:
        raise UnitError(f"a unit has at most {MAX_UNIT_LENGTH} characters (this one {len(text)})")
    spelled = _canonical_spelling(text)
    if not spelled:
        raise UnitError("a unit is required, e.g. count, percent, km, USD")
    if spelled in _NOT_UNITS or spelled.lower() in _NOT_UNITS:
        raise UnitError(f"unknown unit {text!r}: a scale word belongs in the number (3 million)")
    try:
        return registry().parse_units(spelled)
    except Exception as exc:
        # pint raises many kinds on malformed text (assertions, tokenizer errors, division by 0).
        raise UnitError(f"unknown unit {text!r}; use e.g. count, percent, times, km, USD") from exc


def is_known_unit(text: str) -> bool:
    """True when ``text`` names a unit of the vocabulary."""
    try:
        parse_unit(text)
    except UnitError:
        return False
    return True


def are_compatible(unit_a: str, unit_b: str) -> bool:
    """True when figures in ``unit_a`` can be converted into ``unit_b``."""
    return parse_unit(unit_a).dimensionality == parse_unit(unit_b).dimensionality


def conversion_factor(from_unit: str, to_unit: str) -> float:
    """The factor that turns a figure in ``from_unit`` into ``to_unit`` (40 km -> mile: 0.6214)."""
    return _factor(from_unit.strip(), to_unit.strip())


@functools.lru_cache(maxsize=1024)
def _factor(from_unit: str, to_unit: str) -> float:
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if source.dimensionality != target.dimensionality:
        raise UnitError(f"cannot convert {from_unit!r} into {to_unit!r}")
    return float(registry().Quantity(1.0, source).to(target).magnitude)


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` from one unit into another; infinities stay infinite."""
    return value * conversion_factor(from_unit, to_unit)
