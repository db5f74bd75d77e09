"""Places: where a figure holds ("in Iraq", "between Syria and Iraq", "in neighbouring Syria").

A figure's scope is read from the locative phrases of its own clause, from the place that
hosts it ("Turkey now hosts N", "In Turkey, which hosts N"), and from anaphora ("in the
country", "there", "in the two countries") resolved to the nearest place named before. Names
are recognised by their capital letters; the countries and their adjectives of the shared
vocabulary ("Lebanese" -> Lebanon) resolve "the country" and keep a group's own nationality
("Syrian refugees there") from being read as where it lives.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claims.core import gazetteer, vocabulary
from claims.core.extraction import dates

# The words live in the shared vocabulary (vocabulary/places.toml), with the places grouping
# reads: adjectives of countries, countries, words that begin no place, site nouns, modifiers.
_PLACES = vocabulary.load("places")
_WORDS = _PLACES["extraction"]
# Adjective (and plural noun) of a country -> the country.
_DEMONYMS: dict[str, str] = _PLACES["demonyms"]
COUNTRIES = frozenset(_DEMONYMS.values()) | frozenset(_WORDS["countries"])
_DEMONYM_RE = re.compile(
    r"\b(" + "|".join(sorted(_DEMONYMS, key=len, reverse=True)) + r")(?:s|ns)?\b(?!\s+[A-Z])"
)
_COUNTRY_RE = re.compile(
    r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b(?![-\u2013]\w)"
)
_NOT_PLACES = set(dates.MONTHS) | set(dates.WEEKDAYS) | set(_WORDS["not_places"])
_NAME = r"(?:(?:al|el|ad|as|an|ar|at|az|ash)-)?[A-Z](?:[\w'\u2019-]|\.(?=\w))*"
NAMES = rf"{_NAME}(?:\s+(?:(?:al|el|de|of)\s+)?{_NAME})*"
# "in Iraq and Syria": two places named together (searched within the span asked about only;
# searching the text from its start made every call cost the length of the article)
_PAIR_RE = re.compile(rf"\b(?:in|between)\s+({NAMES})\s+and\s+({NAMES})\b")
# "al-Ahli Arab hospital", "the Zaatari camp": a named site ends in one of these nouns.
_SITE_NOUNS = "|".join(_WORDS["site_nouns"])
# "in Zamfara state", "in Kasai province": a name ends in a site noun or a region noun.
_NAME_ENDS = "|".join(_WORDS["site_nouns"] + _WORDS["region_nouns"])
_MODIFIERS = "(?:" + "|".join(_WORDS["modifiers"]) + ")"
# The modifiers that say which part of a place ("eastern Chad", "central Mediterranean"): part of
# its name, where "neighbouring" or "war-torn" are not.
_PARTS = frozenset(_PLACES["directions"])
_PART_MODIFIERS = "(?:" + "|".join(m for m in _WORDS["modifiers"] if m in _PARTS) + ")"
# A locative phrase: a preposition, then a name (or two joined by "and"), an anaphor or a site.
_LOCATIVE = re.compile(
    rf"\b(?P<prep>in|inside|across|throughout|within|at|between|among|near|around|outside)\s+"
    rf"(?:(?P<anaphor>the\s+(?:two\s+|three\s+|same\s+)?(?:country|countries|region|territory"
    rf"|enclave|kingdom|city))\b"
    rf"|(?:the\s+)?(?:(?!{_PART_MODIFIERS}\s){_MODIFIERS}\s+)?"
    rf"(?P<names>(?:{_PART_MODIFIERS}\s+)?{NAMES}(?:(?:,\s*|\s+and\s+|\s+or\s+)"
    rf"(?:{_MODIFIERS}\s+)?{NAMES})*)(?P<site>\s+(?:{_NAME_ENDS})s?\b)?"
    # "the port city of Derna": a site noun describing the place named after "of" is no site
    rf"|the\s+(?P<bare_site>{_SITE_NOUNS})\b(?!\s+(?:[a-z]+\s+)?of\s+[A-Z]))"
)
_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|will|would|have|has|had)\b)")
# Where the locatives of a figure's clause stop.
_CLAUSE_END = re.compile(
    r"[;:()\u201c\u201d\"]|\s[\u2013\u2014]\s|,\s*(?:where|which|who|while|when|after|before|but|"
    r"and|as|a|an|the|its|his|her|their|according|said|says|[a-z]+ing)\b|,\s*[A-Z]|"
    r"\b(?:said|says|told|added|warned|reported|according|when|after|before|because|while|"
    r"whereas|but|who|which|where|since|until|compared|up\s+from|down\s+from|than|if)\b"
)
_HOST_VERBS = (
    r"(?:hosts?|hosted|hosting|shelters?|sheltered|houses|housed|is\s+home\s+to|"
    r"was\s+home\s+to|has\s+taken\s+in|took\s+in|has\s+received|received)"
)
_HOST_RE = re.compile(
    rf"(?:^|[^\w-])(?P<place>{NAMES})(?:,\s*which|\s+(?:now|still|again|also|currently|"
    rf"already|reportedly))*\s+{_HOST_VERBS}\b"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the text: where, and the place it names."""

    start: int
    end: int
    place: str


def clean_names(names: str) -> str | None:
    """The place names of a locative, or None when its first word is no place."""
    parts = re.split(r",\s*|\s+and\s+|\s+or\s+", names)
    kept = []
    for part in parts:
        part = re.sub(r"^(?:(?:In|Inside|Across|At|On|From|The)\s+)+", "", part.strip())
        part = re.sub(rf"^(?!{_PART_MODIFIERS}\s){_MODIFIERS}\s+", "", part)
        part_of = re.match(rf"{_PART_MODIFIERS}\s+", part)
        modifier, part = (part_of.group(0), part[part_of.end() :]) if part_of else ("", part)
        part = re.sub(r"['\u2019]s$", "", part)
        part = re.sub(r"(?<=[a-z])\.$", "", part)  # the full stop after "in Syria."
        first = part.split()[0] if part.split() else ""
        if (
            not first
            or first.rstrip(".'\u2019s") in _NOT_PLACES
            or first.rstrip(".") in (_NOT_PLACES)
        ):
            if not kept:
                return None
            break
        if _DEMONYM_RE.fullmatch(part):
            break  # "in Iraqi Kurdistan" keeps the name, "in Syrian hands" is no place
        kept.append(modifier + part)
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " and " + kept[-1]


def mentions(text: str, start: int, end: int) -> list[Mention]:
    """Countries named in ``text[start:end]``, by name or by adjective ("Lebanese officials")."""
    found = [
        Mention(m.start(), m.end(), m.group(1)) for m in _COUNTRY_RE.finditer(text, start, end)
    ]
    for match in _DEMONYM_RE.finditer(text, start, end):
        found.append(Mention(match.start(), match.end(), _DEMONYMS[match.group(1)]))
    for match in _PAIR_RE.finditer(text, start, end):
        first, second = clean_names(match.group(1)), clean_names(match.group(2))
        if first and second and " " not in first + second:
            found.append(Mention(match.start(1), match.end(2), f"{first} and {second}"))
    return sorted(found, key=lambda m: (m.start, -m.end))


@functools.cache
def _gazetteer_re() -> re.Pattern[str]:
    names = sorted(gazetteer.country_names() - COUNTRIES, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b(?![-\u2013]\w)")


def countries_named(text: str, start: int, end: int) -> list[str]:
    """The countries ``text[start:end]`` names anywhere, in order: by the names above, by any
    name the country gazetteer knows ("Timor-Leste") and by adjective ("Kenyan officials"); a
    people named by its plural ("Americans died") is a population, not a place."""
    return list(dict.fromkeys(m.place for m in country_mentions(text, start, end)))


def country_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Where ``text[start:end]`` names a country (see ``countries_named``), in order."""
    found = [m for m in mentions(text, start, end) if not is_people_noun(text[m.start : m.end])]
    found += [
        Mention(m.start(), m.end(), m.group(1)) for m in _gazetteer_re().finditer(text, start, end)
    ]
    return sorted(found, key=lambda m: m.start)


def is_people_noun(word: str) -> bool:
    """True for the plural of a country's adjective used as a noun for its people ("Americans",
    "Filipinos"): a population, not the country itself."""
    match = _DEMONYM_RE.fullmatch(word)
    return match is not None and len(word) > len(match.group(1))


def nationality(subject: str) -> str | None:
    """The country whose people a subject counts ("Syrian refugees", "Syrians") or None."""
    match = _DEMONYM_RE.search(subject)
    return _DEMONYMS[match.group(1)] if match else None


@dataclass(frozen=True, slots=True)
class Locative:
    """A place phrase after a figure: the place as written, or an anaphor to resolve."""

    start: int
    end: int
    place: str
    anaphor: str = ""  # "country", "countries", "there" ... when the place must be resolved


def locatives(text: str, start: int, limit: int) -> list[Locative]:
    """Place phrases in ``text[start:limit]`` up to the end of the figure's clause."""
    end = _clause_end(text, start, limit)
    found: list[Locative] = []
    for match in _LOCATIVE.finditer(text, start, end):
        if match.group("anaphor"):
            noun = match.group("anaphor").split()[-1]
            two = bool(re.search(r"\b(?:two|three)\b", match.group("anaphor")))
            found.append(Locative(match.start(), match.end(), "", "countries" if two else noun))
        elif match.group("bare_site"):
            found.append(
                Locative(match.start(), match.end(), "", "site:" + match.group("bare_site"))
            )
        else:
            prep = match.group("prep")
            site = match.group("site")
            if prep in ("at", "among") and not site:
                continue  # "at Ain al-Asad" maybe, "among Syrians" no: sites need their noun
            names = clean_names(match.group("names"))
            if names is None:
                continue
            if site:
                names = f"{match.group('names')}{site}"
            if prep == "between" and " and " not in names:
                continue
            found.append(Locative(match.start(), match.end(), names))
    for match in _THERE.finditer(text, start, end):
        found.append(Locative(match.start(), match.end(), "", "there"))
    return sorted(found, key=lambda loc: loc.start)


def _clause_end(text: str, start: int, limit: int) -> int:
    match = _CLAUSE_END.search(text, start, limit)
    return match.start() if match else limit


def host_before(text: str, sentence_start: int, figure_start: int) -> str:
    """The place that hosts a figure ("Turkey now hosts N", "In Turkey, which hosts N")."""
    window = text[sentence_start:figure_start]
    best = ""
    for match in _HOST_RE.finditer(window):
        rest = window[match.end() :]
        if re.search(r"[;]|\d", rest) or len(rest) > 60:
            continue
        place = clean_names(match.group("place"))
        if place:
            best = place
    return best


def join(parts: list[str]) -> str:
    """One scope from the places of a clause, narrowest first ("X hospital in Gaza City")."""
    unique = list(dict.fromkeys(p for p in parts if p))
    return " in ".join(unique)
