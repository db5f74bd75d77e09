"""Currency words several countries use ("pounds", "pesos", "francs", the sign "Rs").

The ISO 4217 codes a word can stand for come from pycountry's currency names ("pound" names the
Egyptian, Lebanese, Sudanese ... pounds), the currencies a country uses from babel's territory
data, and the country from the places the text names: the figure's own sentence first, then the
sentences before it (the nearest first), then those after. A country counts by its name, its
adjective ("Egyptian") or one of its cities the gazetteer knows ("Cairo"). The words, their
defaults and their scales ("piastres" are hundredths of a pound) are data
(``vocabulary/measures.toml``, ``place_currencies``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from claims.core import gazetteer, vocabulary

# A run of capitalised words, read as a city name when the gazetteer knows it ("Dar es Salaam"
# is read through its lower-case particle).
_CAPITALISED = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+(?:es\s+|de\s+|al-)?[A-Z][\w'\u2019-]*){0,2}")
# How far back the figure's sentence is read when its start is not known.
_SENTENCE_REACH = 300


@dataclass(frozen=True, slots=True)
class SharedCurrency:
    """One currency word several countries use, and what decides whose it is."""

    word: re.Pattern[str]
    codes: frozenset[str]
    default: str
    scale: float
    signs: frozenset[str]


@functools.cache
def shared_currencies() -> tuple[SharedCurrency, ...]:
    """The shared currency words of the vocabulary, each with the ISO codes it can name."""
    import pycountry  # imported on first use: it loads its data when imported

    found = []
    for entry in vocabulary.load("measures")["place_currencies"]:
        noun = re.compile(rf"\b{entry['noun']}\b", re.IGNORECASE)
        codes = frozenset(c.alpha_3 for c in pycountry.currencies if noun.search(c.name))
        found.append(
            SharedCurrency(
                word=re.compile(r"\s+" + entry["word"], re.IGNORECASE),
                codes=codes,
                default=entry["default"],
                scale=float(entry.get("scale", 1.0)),
                signs=frozenset(entry.get("signs", ())),
            )
        )
    return tuple(found)


@functools.cache
def territory_currencies(country_code: str) -> tuple[str, ...]:
    """The currencies legal tender in a country today (babel's territory data)."""
    from babel.numbers import get_territory_currencies

    try:
        return tuple(get_territory_currencies(country_code))
    except Exception:  # a code babel does not know
        return ()


@functools.lru_cache(maxsize=16)
def _countries_in(text: str) -> tuple[tuple[int, str], ...]:
    """ISO 3166 codes of the countries ``text`` names, with where, in order. Read once per
    document: every currency word of it looks through the same places."""
    from claims.core.extraction import places  # places reads dates, which reads numbers

    found = []
    for mention in places.country_mentions(text, 0, len(text)):
        code = gazetteer.country_code(mention.place)
        if code:
            found.append((mention.start, code))
    cities = gazetteer.city_countries()
    for match in _CAPITALISED.finditer(text):
        words = re.sub(r"['\u2019]s$", "", match.group(0)).split()  # "Colombo's"
        # the longest run of the name that is a city: "Greater Cairo" is Cairo
        for first in range(len(words)):
            code = cities.get(" ".join(words[first:]))
            if code:
                found.append((match.start(), code))
                break
    return tuple(sorted(found))


def sentence_start(text: str, end: int) -> int:
    """Where the sentence of a figure ending at ``end`` starts, read back at most
    _SENTENCE_REACH characters."""
    return max(text.rfind(". ", 0, end) + 1, end - _SENTENCE_REACH, 0)


def _windows(text: str, end: int, stop: int) -> Iterator[list[str]]:
    """The countries to try, in order: the figure's sentence (nearest to the figure first),
    each earlier stretch of the document going back, then the text after the sentence."""
    start = sentence_start(text, end)
    named = _countries_in(text)
    in_sentence = [(at, code) for at, code in named if start <= at < stop]
    yield [code for _, code in sorted(in_sentence, key=lambda found: abs(found[0] - end))]
    yield [code for at, code in reversed(named) if at < start]
    yield [code for at, code in named if at >= stop]


def currency_of(shared: SharedCurrency, text: str, end: int, stop: int) -> str | None:
    """Whose currency a shared word after ``end`` is, read from the places of the text; the
    word's default (None when empty) when no place named uses one of its currencies."""
    for countries in _windows(text, end, stop):
        for code in countries:
            for currency in territory_currencies(code):
                if currency in shared.codes:
                    return currency
    return shared.default or None


def shared_sign(sign: str) -> SharedCurrency | None:
    """The shared currency word a sign before a figure stands for ("Rs"), if any."""
    key = "".join(sign.split()).lower().rstrip(".")
    return next((shared for shared in shared_currencies() if key in shared.signs), None)
