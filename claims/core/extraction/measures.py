"""Units and subjects: what a figure measures and in which unit.

Units are read from the words around a figure ("40 percent", "$1.2 billion", "2.9 million
barrels per day", "40-kilometer", "doubling"). Units outside our own list fall back to
quantulum3's lexicon of unit surfaces, which it loads from its package data (no network).
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claims.core import vocabulary
from claims.core.extraction import currencies
from claims.core.extraction.numbers import UNITS_WORDS, NumberAtom
from claims.core.units import currencies as iso_currencies

_VOCABULARY = vocabulary.load("measures")
_HYPHEN_OR_SPACE = r"(?:\s+|\s*-\s*)"
_UNIT_PATTERNS: tuple[tuple[str, str, float], ...] = tuple(
    (
        entry["pattern"].replace("{gap}", _HYPHEN_OR_SPACE),
        entry["unit"],
        float(entry.get("scale", 1.0)),
    )
    for entry in _VOCABULARY["unit_patterns"]
)
_UNIT_RES = tuple((re.compile(p, re.IGNORECASE), unit, scale) for p, unit, scale in _UNIT_PATTERNS)
_CURRENCIES = frozenset(iso_currencies())
_WEIGHT_BEFORE = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _VOCABULARY["weight_words"])) + r")\b", re.IGNORECASE
)
# "cubic feet a day", "tonnes a year": a physical unit over a time is a rate.
_RATE_RE = re.compile(
    rf"(?:{_VOCABULARY['rate_joiner']})(?P<time>{'|'.join(_VOCABULARY['rate_times'])})\b"
    rf"(?!\s+(?:{'|'.join(_VOCABULARY['rate_dating_words'])})\b)",
    re.IGNORECASE,
)
_RATE_TIMES: dict[str, str] = dict(_VOCABULARY["rate_times"])
_RATE_UNITS = frozenset(_VOCABULARY["rate_units"])
# "$20.37 a barrel", "300 euros per megawatt-hour": money per unit is a price.
_PRICE_UNITS: dict[str, str] = {k.lower(): v for k, v in _VOCABULARY["price_units"].items()}
_PRICE_RE = re.compile(
    r"\s+(?:a|an|per|each)\s+(?P<unit>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]")
        for w in sorted(_PRICE_UNITS, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)

_MULTIPLIER_WORDS: dict[str, float] = dict(_VOCABULARY["multiplier_words"])
# "triple their level", "double what it was": the bare word is a ratio only before what it
# multiplies ("a double blow", "triple-digit" are not).
MULTIPLIER_RE = re.compile(
    r"\b(?:(?P<stem>doubl|tripl|trebl|quadrupl|halv)(?:ed|ing|es"
    r"|(?P<bare>e)(?=\s+(?:the|their|its|his|her|that|what|our|last)\b))|(?P<twice>twice|thrice)"
    r"|(?P<fold>two|three|four|five|six|seven|eight|nine|ten)-?fold)\b",
    re.IGNORECASE,
)
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
# "four times" is a multiplier only next to a comparison; otherwise it counts occasions.
_TIMES_AFTER = re.compile(
    r"\s+times\b(?=\s+(?:as|the|more|higher|larger|bigger|greater|faster|over|since|that|"
    r"what|its|their|his|her)\b|\s*[,.;])",
    re.IGNORECASE,
)
_TIMES_CONTEXT = re.compile(
    r"\b(?:up|rose|risen|rising|increased|grew|grown|jumped|climbed|soared|multiplied|fell)\b"
    r"(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
_FOLD_AFTER = re.compile(r"-?fold\b", re.IGNORECASE)

# The physical dimensions we keep, in order of preference when one word names units of two
# ("kt" is a kiloton and a knot): news figures are weights and sizes more often than speeds.
_QUANTULUM_ENTITIES = tuple(_VOCABULARY["quantulum_entities"])
# Lexicon entries that are ordinary English words after a number far more often than units
# ("2.95 million in April", "two hands", "a point").
_NOT_UNITS = frozenset(_VOCABULARY["not_units"])


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit read after a figure; ``end`` is where its words stop, ``in_figure`` whether the
    words belong to the figure as written ("40 percent") or only qualify a noun ("40-km")."""

    unit: str
    end: int
    in_figure: bool
    # What the unit multiplies the number by ("1.8 mb/d" is 1.8 million barrels a day).
    scale: float = 1.0


@dataclass(frozen=True, slots=True)
class Multiplier:
    """A change written as a word: "doubling", "halved", "twice", "four times"."""

    start: int
    end: int
    value: float


def quantulum_unit_name(name: str) -> str:
    """A quantulum3 unit name as a pint expression ("mile per hour" -> "mile/hour")."""
    name = name.replace("pound-mass", "pound")
    name = re.sub(r"^square (\w+)$", r"\1**2", name)
    name = re.sub(r"^cubic (\w+)$", r"\1**3", name)
    return name.replace(" per ", "/").replace(" ", "_")


@functools.cache
def _quantulum_lexicon() -> tuple[dict[str, str], dict[str, str]]:
    """Unit words ("acres") and symbols ("mph", "MW") from quantulum3's bundled lexicon.

    Loaded once, from package data. Only physical dimensions are kept: quantulum3 also knows
    "points", "days" or "people" as units, which are counts or durations for us.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import load

            units = load.units("en_US")
    except Exception:  # quantulum3 missing or broken: our own list still works
        return {}, {}
    # quantulum3 keeps the units of one word in a set, whose order changes with PYTHONHASHSEED:
    # every choice below goes through a sort so that one text always gives one unit.
    surfaces: dict[str, str] = {}
    for surface, candidates in sorted(units.surfaces.items()):
        for unit in _preferred(candidates):
            if (
                unit.entity.name in _QUANTULUM_ENTITIES
                and " " not in surface
                and surface.lower() not in _NOT_UNITS
            ):
                surfaces[surface.lower()] = quantulum_unit_name(unit.name)
                break
    symbols: dict[str, str] = {}
    for symbol, candidates in sorted(units.symbols.items()):
        for unit in _preferred(candidates):
            if (
                unit.entity.name in _QUANTULUM_ENTITIES
                and len(symbol) >= 2
                and " " not in symbol
                and symbol.lower() not in _NOT_UNITS
            ):
                symbols[symbol] = quantulum_unit_name(unit.name)
                break
    return surfaces, symbols


def _preferred(candidates: Iterable[Any]) -> list[Any]:
    """quantulum3 units of one word, the dimension we prefer first, then by name."""
    order = {name: index for index, name in enumerate(_QUANTULUM_ENTITIES)}
    return sorted(candidates, key=lambda u: (order.get(u.entity.name, len(order)), u.name))


@functools.cache
def _storable(name: str) -> bool:
    """Whether our own unit parser accepts a quantulum3 unit, so that a candidate can be stored.

    Asked of the one unit a figure meets, not of the whole lexicon up front: building pint's
    registry costs more than a short text's extraction, and most texts meet no such unit."""
    try:
        from claims.core.units import parse_unit
    except ImportError:  # the units module is optional for the pure package
        return True
    try:
        parse_unit(name)
    except Exception:  # UnitError, or whatever pint raises on a name it cannot read
        return False
    return True


def _lexicon_unit(surface: str, *, symbols: bool = True) -> str | None:
    """The quantulum3 unit a word after a number names ("acres", "mph"), if we can store it;
    by its symbols too unless ``symbols`` is false."""
    by_word, by_symbol = _quantulum_lexicon()
    names = [by_word.get(surface.lower()), by_word.get(surface.lower().rstrip("s"))]
    if symbols:
        names.append(by_symbol.get(surface))
    return next((name for name in names if name and _storable(name)), None)


def unit_after(text: str, atom: NumberAtom, end: int, limit: int | None = None) -> UnitMatch | None:
    """The unit written after a figure ending at ``end``, or the currency written before it.

    The unit is read before ``limit`` (the end of the figure's sentence) and on the figure's own
    line: a line break ends the sentence, and the word on the next line ("3,000" then "percent
    of ...") is no part of the figure. Read in place, without copying the text."""
    stop = len(text) if limit is None else limit
    line_end = text.find("\n", end, stop)
    if line_end != -1:
        stop = line_end
    shared = _place_currency(text, end, stop)
    if shared is not None:
        return _per(text, shared, stop)
    for regex, unit, scale in _UNIT_RES:
        match = regex.match(text, end, stop)
        if match:
            if unit == "ISO":
                unit = match.group(0).strip().upper()
            hyphenated = (
                match.group(0).lstrip().startswith("-") or text[end : min(end + 1, stop)] == "-"
            )
            found = UnitMatch(unit=unit, end=match.end(), in_figure=not hyphenated, scale=scale)
            return found if hyphenated else _per(text, found, stop)
    if atom.currency:
        return _per(
            text,
            UnitMatch(unit=_sign_currency(text, atom, end, stop), end=end, in_figure=True),
            stop,
        )
    word = re.match(r"(\s*|-)([A-Za-z]+)\b", text[end : min(end + 40, stop)])
    if word:
        surface = word.group(2)
        name = _lexicon_unit(surface)
        if name:
            hyphenated = word.group(1) == "-"
            return UnitMatch(unit=name, end=end + word.end(), in_figure=not hyphenated)
    return None


def names_unit(word: str) -> bool:
    """True when ``word``, written after a number, is a unit of measure or money ("barrels",
    "euros", "tonnes"), not a counted thing."""
    text = f" {word}"
    if any(regex.match(text) for regex, _, _ in _UNIT_RES):
        return True
    if any(shared.word.match(text) for shared in currencies.shared_currencies()):
        return True  # "shillings", "pounds": the currency of the place named
    return _lexicon_unit(word, symbols=False) is not None


def _place_currency(text: str, end: int, stop: int) -> UnitMatch | None:
    """A currency word several countries use ("pounds", "pesos"), as the currency of the place
    the text names (see ``currencies``); None when the word is not there or no place (nor
    default) decides."""
    for shared in currencies.shared_currencies():
        match = shared.word.match(text, end, stop)
        if match is None:
            continue
        if _WEIGHT_BEFORE.search(text, currencies.sentence_start(text, end), end):
            return None  # "the sack weighs 50 pounds": a weight, wherever it is
        iso = currencies.currency_of(shared, text, end, stop)
        if iso is None:
            return None
        return UnitMatch(unit=iso, end=match.end(), in_figure=True, scale=shared.scale)
    return None


def _sign_currency(text: str, atom: NumberAtom, end: int, stop: int) -> str:
    """The currency of a figure's sign: a sign several countries use ("Rs") is the currency of
    the place the text names, any other the one it always names."""
    assert atom.currency is not None
    sign = re.match(r"[^\d\s]+", text[atom.start : end])
    shared = currencies.shared_sign(sign.group(0)) if sign else None
    if shared is None:
        return atom.currency
    return currencies.currency_of(shared, text, end, stop) or atom.currency


def _per(text: str, found: UnitMatch, stop: int) -> UnitMatch:
    """The unit read on over a price or a rate: money "a barrel" is a price, a volume or a
    weight "a day" a rate; a count, a share, energy or money "a year" stays as it is."""
    if found.unit in _CURRENCIES:
        price = _PRICE_RE.match(text, found.end, stop)
        if price is None:
            return found
        per = _PRICE_UNITS[" ".join(price.group("unit").lower().replace("-", " ").split())]
        return UnitMatch(f"{found.unit}/{per}", price.end(), found.in_figure, found.scale)
    if found.unit not in _RATE_UNITS:
        return found
    rate = _RATE_RE.match(text, found.end, stop)
    if rate is None:
        return found
    time = _RATE_TIMES[rate.group("time").lower()]
    return UnitMatch(f"{found.unit}/{time}", rate.end(), found.in_figure, found.scale)


def find_multipliers(text: str, start: int, end: int) -> list[Multiplier]:
    """Change words in ``text[start:end]`` that state a ratio ("nearly doubling", "halved")."""
    found = []
    for match in MULTIPLIER_RE.finditer(text, start, end):
        if match.group("bare") and _INFINITIVE_BEFORE.search(text, start, match.start()):
            continue  # "hope to double that": a verb, an aim, no ratio stated
        if match.group("fold"):
            value = float(UNITS_WORDS[match.group("fold").lower()])
        elif match.group("stem"):
            value = _MULTIPLIER_WORDS[match.group("stem").lower()]
        else:
            value = 2.0 if match.group("twice").lower() == "twice" else 3.0
        found.append(Multiplier(match.start(), match.end(), value))
    return found


def times_after(text: str, atom: NumberAtom, limit: int | None = None) -> int | None:
    """End of "times"/"-fold" after a number when it states a ratio ("up four times"), read
    before ``limit`` (the end of the number's sentence)."""
    stop = len(text) if limit is None else limit
    fold = _FOLD_AFTER.match(text, atom.end, stop)
    if fold:
        return fold.end()
    match = _TIMES_AFTER.match(text, atom.end, stop)
    if match is None:
        return None
    before = text[max(0, atom.start - 40) : atom.start]
    follows = text[match.end() : min(match.end() + 12, stop)].lstrip().lower()
    if _TIMES_CONTEXT.search(before) or follows.startswith(
        ("as", "more", "higher", "larger", "bigger", "greater", "faster", "the", "what")
    ):
        return match.end()
    return None


# Words that end a noun phrase when reading the subject after a figure.
_SUBJECT_STOP = re.compile(
    r"^(?:in|on|at|from|since|to|for|during|across|over|by|between|with|after|before|near|"
    r"into|onto|as|than|while|who|which|that|and|or|but|were|was|are|is|have|has|had|be|been|"
    r"will|would|could|can|may|might|remain|remained|remains|said|say|says|including|per|a|an|"
    r"the|this|last|each|every|compared|against|up|down|more|fell|rose|when|where|if|out|off|"
    r"under|toward|towards|about|around|through|within|without|alone|so|its|their|according|now|"
    r"still|already|also|again|then|there|here|live|lives|lived|reside|resides|stay|stayed|"
    r"spread|left|remaining|among|throughout|inside|whose|whom|did|do|does|not)$",
    re.IGNORECASE,
)
PARTICIPLES = re.compile(
    r"\b(killed|wounded|injured|dead|died|missing|displaced|detained|arrested|trained|evacuated|"
    r"abducted|kidnapped|released|affected|infected|stranded|deployed|fled|returned)\b",
    re.IGNORECASE,
)
_VERB_TO_PARTICIPLE: dict[str, str] = dict(_VOCABULARY["verb_to_participle"])
_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019.-]*")


def subject_after(text: str, start: int, limit: int) -> str:
    """The counted noun after a figure ("ISIS fighters", "security personnel killed")."""
    words: list[str] = []
    position = start
    segment = text[start:limit]
    if re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", segment):
        skip = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", segment)
        assert skip is not None
        position += skip.end()
    for match in _WORD_RE.finditer(text, position, limit):
        between = text[position : match.start()]
        if between.strip() not in ("", "-"):
            break
        word = match.group(0).rstrip(".")
        if _SUBJECT_STOP.match(word) or len(words) >= 5:
            break
        words.append(word)
        position = match.end()
    tail = text[position : min(limit, position + 50)]
    participle = PARTICIPLES.search(tail)
    if words and participle and not re.search(r"[,.;]", tail[: participle.start()]):
        words.append(participle.group(1).lower())
    return " ".join(words)


def subject_of_clause(text: str, sentence_start: int, figure_start: int) -> str:
    """The subject of a figure with no noun after it: the noun phrase just before it. (The
    parse, where there is one, does better; see ``claims.core.extraction.parse``.)"""
    return subject_before(text, sentence_start, figure_start)


_HEDGE_WORDS = frozenset(_VOCABULARY["hedge_words"])


def subject_before(text: str, sentence_start: int, figure_start: int) -> str:
    """The noun phrase before a figure, for figures with nothing countable after them."""
    window = text[sentence_start:figure_start]
    words = _WORD_RE.findall(window)
    phrase: list[str] = []
    for word in reversed(words):
        if (
            _SUBJECT_STOP.match(word)
            or word.lower() == "of"
            or word.lower() in _VERB_TO_PARTICIPLE
            or word.lower() in _HEDGE_WORDS
        ):
            if phrase:
                break
            continue
        phrase.insert(0, word)
        if len(phrase) >= 3:
            break
    return " ".join(phrase)


def casualty_verb_before(text: str, start: int) -> str:
    """The participle of the casualty verb governing a list item ("killing four" -> "killed")."""
    window = text[max(0, start - 80) : start]
    verbs = re.findall(r"\b(\w+ing|killed|wounded|injured|displaced)\b", window)
    for verb in reversed(verbs):
        if verb.lower() in _VERB_TO_PARTICIPLE:
            return _VERB_TO_PARTICIPLE[verb.lower()]
    return ""


@dataclass(frozen=True, slots=True)
class TimeFigure:
    """A figure that counts time: a duration ("for 12 days") or an age ("a 17-year-old").

    ``kind`` is "duration", "age" or "date" (a number that dates an event, "three years ago",
    and is no figure at all); ``end`` is where the figure's text ends (after a spaced unit word,
    at the number when the unit is a hyphenated adjective); ``subject_from`` is where the counted
    noun may start ("siege" in "a six-month siege").
    """

    kind: str
    unit: str
    end: int
    subject_from: int


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@functools.cache
def _time_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = vocabulary.load("time_figures")
    units = _alternatives(words["units"])
    modifiers = _alternatives(words["duration_modifiers"])
    unit_after = re.compile(
        rf"(?P<gap>\s+|\s*-\s*)(?:(?:{modifiers})\s+)?(?P<unit>{units})\b"
        rf"(?P<old>(?:\s+|\s*-\s*)old\b)?",
        re.IGNORECASE,
    )
    dating_after = re.compile(rf"\s+(?:{_alternatives(words['dating_words_after'])})\b", re.I)
    # "the past 24 hours", "its first 100 days": with a determiner, so "to last 72 hours" stays
    period_before = re.compile(
        rf"\b(?:{_alternatives(words['determiners'])})\s+"
        rf"(?:{_alternatives(words['period_words_before'])})\s+$",
        re.IGNORECASE,
    )
    # "children under five", "adults over 60": a limit of age said of people; "aged 4 and 9":
    # the ages of a list
    young = _alternatives(words["people_of_an_age"])
    limits = _alternatives(words["age_limits_before"])
    age_before = re.compile(
        rf"\b(?:{_alternatives(words['age_words_before'])})\s+$"
        rf"|\b(?:{young})\s+(?:{limits})\s+$"
        rf"|\baged\s+\w+\s+(?:and|or|to)\s+$",
        re.I,
    )
    return unit_after, dating_after, period_before, age_before


# A number a limit of age can be: a whole number of years a person can be, in digits or words.
_AGE_NUMBER = re.compile(r"(?:1[0-2]\d|\d{1,2}|[a-z]+(?:-[a-z]+)?)", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b|pc\b)", re.IGNORECASE)


def time_figure(
    text: str, start: int, end: int, sentence_start: int, sentence_end: int | None = None
) -> TimeFigure | None:
    """The duration, age or date a number spanning ``text[start:end]`` states, else None.

    "aged 45", "a 17-year-old", "45 years old" are ages (in years, or the unit written);
    "for 12 days", "a six-month siege", "a 10-year sentence" are durations; "three years ago"
    and "in the past 24 hours" date something and come back as kind "date".
    """
    unit_after, dating_after, period_before, age_before = _time_patterns()
    stop = len(text) if sentence_end is None else sentence_end  # the time unit is in the sentence
    before = text[max(sentence_start, start - 24) : start]
    match = unit_after.match(text, end, stop)
    if match is None:
        # (a share or an amount after such words is none: "people under 5%")
        aged = _AGE_NUMBER.fullmatch(text[start:end]) and not _SHARE_AFTER.match(text, end)
        if aged and age_before.search(before):
            return TimeFigure("age", "year", end, end)
        return None
    unit = vocabulary.load("time_figures")["units"][match.group("unit").lower()]
    hyphenated = "-" in match.group("gap")
    if match.group("old") or age_before.search(before):
        figure_end = end if hyphenated else match.end("unit")
        return TimeFigure("age", unit, figure_end, match.end())
    lasting = re.search(r"\bfor\s+$", before, re.IGNORECASE)  # "for 11 hours before ..."
    if period_before.search(before) or (
        dating_after.match(text, match.end(), stop) and not lasting
    ):
        return TimeFigure("date", unit, end, match.end())
    return TimeFigure("duration", unit, end if hyphenated else match.end(), match.end())


@dataclass(frozen=True, slots=True)
class VagueFigure:
    """An order of size written as a plural scale word ("dozens", "tens of thousands of").

    Kept as its lower bound alone (``low``..None, qualifier at_least): "hundreds"
    is at least 200 to a reader, and no more is said.
    """

    start: int
    end: int
    low: float


@functools.cache
def _vague_pattern() -> tuple[re.Pattern[str], dict[str, float]]:
    bounds = {
        " ".join(k.split()).lower(): float(v)
        for k, v in vocabulary.load("time_figures")["vague"].items()
    }
    return re.compile(rf"(?<![\w-])(?:{_alternatives(bounds)})\b", re.IGNORECASE), bounds


def find_vague(text: str, start: int, end: int) -> list[VagueFigure]:
    """Plural scale words in ``text[start:end]`` that state an order of size ("hundreds of")."""
    pattern, bounds = _vague_pattern()
    found = []
    for match in pattern.finditer(text, start, end):
        if re.search(r"\d\s*$", text[max(start, match.start() - 3) : match.start()]):
            continue  # "3 millions" is a number with its scale, not an order of size
        low = bounds[" ".join(match.group(0).lower().split())]
        found.append(VagueFigure(match.start(), match.end(), low))
    return found


def unit_of_vague(text: str, end: int) -> UnitMatch | None:
    """The unit a vague figure counts in, written after it ("several million dollars",
    "hundreds of millions of euros"); None for things counted ("thousands of homes")."""
    of = re.match(r"\s+of(?=\s)", text[end : end + 4])
    start = end + of.end() if of else end
    for regex, unit, _scale in _UNIT_RES:
        match = regex.match(text, start)
        if match:
            if unit == "ISO":
                unit = match.group(0).strip().upper()
            return UnitMatch(unit=unit, end=match.end(), in_figure=False)
    return None
