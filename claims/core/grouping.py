"""Grouping claims into metrics: which existing metric an ungrouped claim measures, and which
ungrouped claims measure one new quantity. Pure Python, no Django import.

How it works (explainable rules and a small news vocabulary, no trained model):

1. Text is normalised: lower case, punctuation dropped ("U.S." -> "us", "Da'esh" -> "daesh"),
   nouns read in their dictionary form by WordNet's morphy ("women" -> "woman"; a plain plural
   rule for words WordNet lacks). A capitalised word is a name (an actor) after the first word,
   and as the first word when WordNet knows it only as a name ("Indian troops"). A participle
   of a verb WordNet relates to a counted group's participle is that group ("uprooted" people
   are displaced); kinds of people a few steps under one narrower kind than "person" are
   related heads ("migrants", "refugees"); an act on one side only is no difference when
   WordNet defines the other side's noun by it (a refugee "flees"). Known phrases
   are then read from a small lexicon: counted groups ("fighters", "militants", "members",
   "jihadists", "insurgents" are one concept; "troops", "soldiers", "forces" another, related
   one), events ("killed", "wounded", "trained"), economic and political measures ("output",
   "exports", "budget", "vote share", "price"), actors (ISIS / Islamic State / Daesh; U.S. /
   American; coalition; Peshmerga ...) and places (a gazetteer in which Makhmour lies in Erbil,
   which lies in the Kurdistan Region, which lies in Iraq).
   A regular participle WordNet relates to a known event is that event ("razed" homes were
   destroyed, "scorched" land burned, people "arriving" arrived); "destroyed" and "damaged",
   which it does not relate, stay two events. Runs of capitalised words unknown to the
   vocabulary are names read by their initials ("African National Congress" is the "ANC").
   A form in -ing or -ed right after a counted group is a verb ("people landing" arrived). A
   compass word alone ("Central", "West") is no place, though gazetteers name provinces so.
2. The *head* of a subject is the counted thing: the last counted concept before the first
   preposition or event word ("Peshmerga fighters killed in Makhmour" -> fighters), a noun
   ("homes completely destroyed" -> homes, not "completely"); a toll written as a noun counts
   the people it befell ("cholera deaths", "the number of dead", "arrivals" -> people); a head
   that only names the claim's unit ("hectares burned", "percent of ballots") is no head.
3. A claim and a metric never match when: their units do not convert into each other
   (``claims.core.units.are_compatible``); both name actors and none is shared ("U.S. troops" is not
   "ISIS fighters"); both name a head and the heads differ; both name events and none is shared;
   or their places exclude each other (another country, another town); or the subjects name
   different period lengths ("monthly" against "annual inflation"; "over twelve months" is a
   year); or they say different things were done to the counted thing, by verbs WordNet does
   not relate ("seats won", "seats contested", "seats lost"; a verb that only records the
   figure, "infections logged", says nothing); or a quote's only digits are a telephone
   number's (its pieces measure nothing).
4. Otherwise confidence = 0.55 x subject + 0.30 x scope + 0.15 x unit, where subject is the
   weighted overlap (Dice) of the two subjects' concepts and words, scope is 1 for equal places,
   about 0.67 for "Iraq and Syria" against "Iraq", 0.5 for a place within the other and 0.5 when
   one side names no place, and unit is 1 for the same unit and 0.8 for a convertible one. An
   event named on one side only multiplies it by 0.6 (fighters killed are not fighters), an
   actor named on one side only by 0.85, places that only contain one another (Iraq and the
   Kurdistan Region share no place) by 0.7, and other words of the head's noun phrase that
   differ entirely ("diesel price", "petrol price") by 0.7, and two scopes that share no word,
   one of them unknown to the gazetteer, by 0.6 (a district it lacks is not a known country).
   Scopes that only partly overlap ("Iraq" against "Iraq and Syria": a part is not the whole)
   multiply it by 0.5; the same place with a site on one side only, or different sites ("a
   hospital in Gaza" against "Gaza"), by 0.6; related heads with no actor in common ("fighters",
   "troops") by 0.6; and a people's nationality on one side only where that people is not at
   home ("Syrian refugees" against "refugees" in Turkey) by 0.6. A nationality counted alone
   ("Syrians") and its refugees abroad are related heads; "refugees from Syria" are Syrian
   refugees.
5. A claim goes to the best metric at or above the threshold. The others are clustered
   (complete linkage: a claim joins a cluster only when it matches every member at the
   threshold) and each cluster is proposed as a new metric.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise

from claims.core import comparison, gazetteer, lexical, units, vocabulary
from claims.core.extraction.numbers import UNITS_WORDS
from claims.core.grouping_threshold import DEFAULT_MIN_CONFIDENCE

SUBJECT_WEIGHT = 0.55
SCOPE_WEIGHT = 0.30
UNIT_WEIGHT = 0.15
ONE_SIDED_EVENT = 0.6
ONE_SIDED_ACTOR = 0.85
# Places that only contain one another ("Iraq" and "Kurdistan Region") usually mean two
# quantities: turnout in the Kurdistan Region is not turnout in Iraq.
NESTED_SCOPE = 0.7
# A place named on one side only, with nothing on the other side containing or inside it
# ("Iraq" against "Iraq and Syria"): a figure for a part is not a figure for the whole.
PARTIAL_SCOPE = 0.5
# The same place, but one side names a site within it ("a hospital in Gaza" against "Gaza"),
# or the two name different sites: one event's count is not the whole area's.
NARROWER_SITE = 0.6
# The counted people's nationality on one side only ("Syrian refugees" against "refugees"):
# a part of a population is not the whole.
ONE_SIDED_NATIONALITY = 0.6
# Same head, but the other words of the subjects share nothing ("diesel price", "petrol price").
OTHER_QUALIFIERS = 0.7
# Two scopes that share no word, one of them not in the gazetteer: probably different places,
# so the scope scores low and the whole confidence is lowered too (a known country against a
# district the gazetteer lacks is no evidence of one place).
UNPLACED_SCOPE = 0.2
UNPLACED_SCOPE_FACTOR = 0.6
# A metric known only from its description, not its name or its claims, is a weaker witness.
DESCRIPTION_FACTOR = 0.9
# fighters and troops are one kind of thing counted by different actors.
RELATED_HEAD = 0.8
# ... so related heads that share no actor ("fighters in Iraq", "troops in Iraq") are probably
# two forces.
RELATED_WITHOUT_ACTOR = 0.6
# A claim that matches nothing and no other claim: shown as a new metric of its own, but below
# the default threshold, so that --apply does not create one metric per stray figure.
SINGLETON_CONFIDENCE = 0.5

# ---------------------------------------------------------------- normalising

_WORD = re.compile(r"[a-z0-9_]+")
_FUNCTION_WORDS = vocabulary.load("function_words")
# Function words keep their spelling, unless it is another function word's ("weeks" is "week"):
# WordNet's morphy reads "has" as a plural of "ha".
_KEPT_SPELLINGS = frozenset(_FUNCTION_WORDS["stop"]) | frozenset(_FUNCTION_WORDS["prepositions"])


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    """WordNet's dictionary form of a noun ("women" -> "woman", "troops" -> "troop"); for a
    word it does not know, a plain rule of English plurals ("houthis" -> "houthi"). Both sides
    of a comparison and the vocabulary are read through it, so only its consistency matters."""
    if word.isdigit() or len(word) <= 2:
        return word  # "us" is the U.S., not a plural
    known = lexical.lemma(word)
    if word in _KEPT_SPELLINGS and known not in _KEPT_SPELLINGS:
        return word  # "has" is no plural of "ha"; "weeks" are still "week"
    if known is not None:
        return known
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "os")):
        return word[:-1]
    return word


def normalise(text: str) -> list[str]:
    """Lower-cased, punctuation-free, singular words of ``text``.

    >>> normalise("U.S.-led troops, ISIS's militants")
    ['us', 'led', 'troop', 'isis', 'militant']
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # u.s. -> us., u.n. -> un.
    # "non-combatants" are noncombatants, as WordNet spells them: the prefix negates the noun.
    text = re.sub(r"\bnon[-\s](?=[a-z])", "non", text)
    # "north-west Syria" is northwest Syria: a compound compass point is one word
    text = re.sub(r"\b(north|south)[-\s]+(east|west)(?=ern\b|\b)", r"\1\2", text)
    text = re.sub(r"['’‘`]s\b", "", text)  # possessives
    text = re.sub(r"['’‘`]", "", text)  # da'esh -> daesh
    return [_lemma(word) for word in _WORD.findall(text)]


def _words(text: str) -> list[str]:
    return text.split()


def _key(phrase: str) -> str:
    return " ".join(normalise(phrase))


# ---------------------------------------------------------------- vocabulary

# The words live in claims/core/vocabulary/ (populations, events, actors, places and function
# words); here they are only indexed for reading.
_POPULATIONS = vocabulary.load("populations")
_ACTOR_DATA = vocabulary.load("actors")
_EVENT_DATA = vocabulary.load("events")

# Counted things: concept -> spellings. The head of a subject is one of these when it has one.
_GROUPS: dict[str, list[str]] = _POPULATIONS["concepts"]
_RELATED_HEADS = frozenset(frozenset(pair) for pair in _POPULATIONS["related"])
_GENERIC_HEADS = frozenset(_POPULATIONS["generic"])
_PERSON_HEADS = frozenset(_POPULATIONS["people"])
_ABROAD_HEADS = frozenset(_POPULATIONS["abroad"])
_TRAVELLERS: str = _POPULATIONS["travellers"]
_ACTORS: dict[str, list[str]] = _ACTOR_DATA["actors"]
_PEOPLES = frozenset(_ACTOR_DATA["peoples"])
_HOMELANDS: dict[str, str] = _ACTOR_DATA["homelands"]


def _table(entries: dict[str, list[str]]) -> dict[str, str]:
    return {
        _key(spelling.replace("_", " ")): concept
        for concept, words in entries.items()
        for spelling in words
    }


def _phrases(entries: dict[str, str]) -> dict[str, str]:
    return {_key(phrase): concept for phrase, concept in entries.items()}


_GROUP_WORDS = _table(_GROUPS)
_EVENT_WORDS = _table(_EVENT_DATA["events"])
_ACTOR_WORDS = {**_table(_ACTORS), **_phrases(_ACTOR_DATA["phrases"])}
_GROUP_PHRASES = _phrases(_POPULATIONS["phrases"])
_EVENT_PHRASES = _phrases(_EVENT_DATA["phrases"])
_FORCE_ACTORS = _phrases(_ACTOR_DATA["forces"])
_BEFALLS_PEOPLE = frozenset(_EVENT_DATA["befalls_people"]["events"])
_PERIOD_WORDS = vocabulary.load("periods")
# Words that name the length a figure is counted or measured over ("monthly", "annual",
# "over twelve months"), in days.
_LENGTH_WORDS: dict[str, int] = {**_PERIOD_WORDS["adverbs"], **_PERIOD_WORDS["adjectives"]}
_LENGTH_NOUNS: dict[str, int] = _PERIOD_WORDS["lengths"]
_RATE_LEADS = frozenset(_PERIOD_WORDS["rate"]["leads"])
_STOP = frozenset(_FUNCTION_WORDS["stop"])
_PREPOSITIONS = frozenset(_FUNCTION_WORDS["prepositions"])
_CLAUSE_STARTS = frozenset(_FUNCTION_WORDS["clause_starts"])
_AUXILIARIES = frozenset(_FUNCTION_WORDS["auxiliaries"])
_ADVERBIAL_CLAUSE_STARTS = frozenset(_FUNCTION_WORDS["adverbial_clause_starts"])
_LONGEST_PHRASE = 4
# Verbs that only say a figure was written down ("infections logged", "cases recorded").
_RECORDING = frozenset(_FUNCTION_WORDS["recording"])
_RESTRICTION_DATA = vocabulary.load("restrictions")
# Counted things that are a plan or a limit themselves ("target", "capacity").
_RESTRICTING_HEADS = frozenset(_RESTRICTION_DATA["heads"])
# Words that restrict or plan what a subject counts ("core", "excluding", "expected"): phrase
# (normalised) -> restriction.
_RESTRICTING_WORDS = _table(_RESTRICTION_DATA["modifiers"])


# Kinds of people named by a participle ("displaced"): another participle of a verb WordNet
# relates to the participle's main senses names the same people ("uprooted": to uproot people is
# to displace them; not "pumped" nor "shipped" crude, which only a rare sense of displacing
# reaches).
_PARTICIPLE_GROUPS = {
    spelling: concept
    for spelling, concept in _GROUP_WORDS.items()
    if spelling.endswith("ed") and concept in _PERSON_HEADS
}


@lru_cache(maxsize=8192)
def _kindred_participle(word: str) -> str:
    if not word.endswith("ed") or len(word) <= 4:
        return ""
    for spelling, concept in sorted(_PARTICIPLE_GROUPS.items()):
        if lexical.names_event(word, spelling):
            return concept
    return ""


# Events named by a participle ("destroyed"): another form of a verb WordNet relates to it names
# the same event ("razed": to raze is to destroy; "scorched" land was burned; people
# "arriving" arrived). Two events
# WordNet does not relate stay apart ("destroyed" and "damaged" homes).
_PARTICIPLE_EVENTS = {
    spelling: concept
    for spelling, concept in _EVENT_WORDS.items()
    if spelling.endswith("ed") and " " not in spelling
}


@lru_cache(maxsize=8192)
def _kindred_event(word: str, verbal: bool = False) -> str:
    # A regular participle ("razed", "arriving"), not a noun ("area", "the fighting") nor an
    # irregular form ("held"), whose senses are too many to tell one event. Right after a
    # counted group (``verbal``) a form that is a noun too is a verb ("people landing"), read
    # by its first sense only: "prices rising" did not return, "people starving" were not killed.
    participle = word.endswith(("ed", "ing")) and (verbal or lexical.not_a_noun(word))
    if len(word) <= 4 or not participle or not lexical.is_verb_form(word):
        return ""
    own = 1 if verbal and not lexical.not_a_noun(word) else None
    for spelling, concept in sorted(_PARTICIPLE_EVENTS.items()):
        if lexical.names_event(word, spelling, own=own):
            return concept
    return ""


@cache
def _places() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Spelling -> (id, parents) of the small data file and every country; a place lies within
    each of its parents' ancestors. Built on first use: the gazetteers take a second to load."""
    entries: dict[str, tuple[str, tuple[str, ...]]] = {}
    for entry in vocabulary.load("places")["place"]:
        for spelling in [entry["id"], *entry.get("aliases", ())]:
            entries[_key(spelling)] = (entry["id"], tuple(entry["within"]))
    return gazetteer.with_countries(entries, _key)


@cache
def _localities() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Subdivisions and cities, read only in scopes (see gazetteer.localities)."""
    reserved = {*_GROUP_WORDS, *_EVENT_WORDS, *_ACTOR_WORDS, *_GROUP_PHRASES, *_STOP}
    reserved |= {_key(word) for word in vocabulary.load("places")["directions"]}
    translations = vocabulary.load("places")["compass_translations"]
    return gazetteer.localities(_places(), _key, reserved | _PREPOSITIONS, translations)


@dataclass(frozen=True)
class _Token:
    text: str
    kind: str  # group, event, actor, place, stop, prep, word
    concept: str
    extra: str = ""  # the group a force actor also counts (peshmerga -> troop)


def _read_phrase(phrase: str, in_scope: bool = False) -> _Token | None:
    places = _places()
    if phrase in places:
        return _Token(phrase, "place", places[phrase][0])
    if in_scope and phrase in _localities():
        return _Token(phrase, "place", _localities()[phrase][0])
    if in_scope and _ACTOR_WORDS.get(phrase) in _HOMELANDS:
        # A scope names where: an actor with a homeland there is that place ("the US").
        home = _HOMELANDS[_ACTOR_WORDS[phrase]]
        if home in _parents():
            return _Token(phrase, "place", home)
    if phrase in _ACTOR_WORDS:
        return _Token(phrase, "actor", _ACTOR_WORDS[phrase], _FORCE_ACTORS.get(phrase, ""))
    if phrase in _GROUP_PHRASES:
        return _Token(phrase, "group", _GROUP_PHRASES[phrase])
    if phrase in _EVENT_PHRASES:
        return _Token(phrase, "event", _EVENT_PHRASES[phrase])
    if " " in phrase:
        return None
    if phrase in _GROUP_WORDS:
        return _Token(phrase, "group", _GROUP_WORDS[phrase])
    if phrase in _EVENT_WORDS:
        return _Token(phrase, "event", _EVENT_WORDS[phrase])
    kindred = _kindred_participle(phrase)
    if kindred:
        return _Token(phrase, "group", kindred)
    event = _kindred_event(phrase)
    if event:
        return _Token(phrase, "event", event)
    if phrase in _PREPOSITIONS:
        return _Token(phrase, "prep", phrase)
    if phrase in _STOP or phrase.isdigit():
        return _Token(phrase, "stop", phrase)
    return _Token(phrase, "word", phrase)


@lru_cache(maxsize=8192)
def _tokens(text: str, in_scope: bool = False) -> tuple[_Token, ...]:
    words = normalise(text)
    tokens: list[_Token] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_PHRASE, len(words) - i), 0, -1):
            token = _read_phrase(" ".join(words[i : i + size]), in_scope)
            if token is not None:
                after_group = bool(tokens) and tokens[-1].kind == "group"
                if after_group and token.kind == "word" and _kindred_event(token.text, True):
                    token = _Token(token.text, "event", _kindred_event(token.text, True))
                tokens.append(token)
                i += size
                break
    return tuple(tokens)


# ---------------------------------------------------------------- features


@dataclass(frozen=True)
class _Subject:
    words: frozenset[str]  # concepts and content words, the stuff of the Dice overlap
    concepts: frozenset[str]  # the part of words that came from the lexicon (weighted more)
    head: str
    qualifiers: frozenset[str]  # other content words of the head's noun phrase ("diesel")
    events: frozenset[str]
    actors: frozenset[str]
    owners: frozenset[str]  # actors of the head's noun phrase ("ISIS" in "ISIS fighters")
    nationals: bool = False  # the head is a people named by nationality alone ("Syrians")
    length: int = 0  # days of the period the subject names ("monthly", "over two weeks"), or 0
    # Verbs (by lemma) said of the counted thing before or after it ("seats won", "contested
    # seats") that are no event of the vocabulary: two different acts count two things.
    acts: frozenset[str] = frozenset()
    # What makes the figure a part of the quantity, or a plan or a limit for it ("core",
    # "target", "forecast"; see restrictions.toml): two subjects must name the same ones.
    restrictions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Scope:
    places: frozenset[str]
    words: frozenset[str]
    # It only points at a country ("countrywide", "across the whole nation"): read as the
    # country the other side names (see _pointed).
    country_reference: bool = False


def _head_span(tokens: Sequence[_Token]) -> list[_Token]:
    """The noun phrase that names what is counted: up to the first preposition or event. A
    toll written as a noun ("injuries", "deaths") is that phrase, so a preposition after it
    ends it: "injuries from the fighting" name no other counted thing after "from"."""
    span: list[_Token] = []
    toll = False
    for index, token in enumerate(tokens):
        if token.kind == "prep" and toll and not span:
            break
        toll = toll or (
            token.kind == "event"
            and token.concept in _BEFALLS_PEOPLE
            and not lexical.not_a_noun(token.text.split()[-1])
        )
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        # A participle before a noun qualifies it ("burned area", "destroyed homes").
        if (
            token.kind == "event"
            and following is not None
            and following.kind in ("word", "group")
            and _is_participle(token.text)
            and lexical.not_a_noun(token.text)
        ):
            continue
        if token.kind in ("prep", "event") and span:
            break
        if token.kind not in ("prep", "event", "stop"):
            span.append(token)
    return span


def _head(tokens: Sequence[_Token], span: Sequence[_Token]) -> str:
    specific = [t.concept for t in span if t.kind == "group" and t.concept not in _GENERIC_HEADS]
    if specific:
        return specific[-1]
    generic = [t.concept for t in span if t.kind == "group"]
    if generic:
        return generic[-1]
    # "coordination rooms" after "ISF-Peshmerga" counts rooms; "Peshmerga" alone counts troops.
    last_force = max((i for i, t in enumerate(span) if t.kind == "actor" and t.extra), default=-1)
    words = [t.concept for t in span[last_force + 1 :] if t.kind == "word"]
    if words and _nationals(span) and all(_is_participle(word) for word in words):
        return "people"  # "Syrians registered" counts Syrians
    # A head is a noun: "homes completely destroyed" counts homes, not "completely".
    nouns = [word for word in words if not lexical.not_a_noun(word)]
    if last_force < 0 and _ends_in_people_event(tokens):
        return "people"  # "cholera deaths", "the number of dead" count the people who died
    if len(nouns) > 1 and _is_participle(nouns[-1]) and lexical.verb_base(nouns[-1]):
        nouns = nouns[:-1]  # "migrants living in Colombia" are migrants, not a "living"
    if nouns:
        # "Jamaicans in shelters" count people, of one nationality (an actor of the subject).
        return "people" if lexical.names_people(nouns[-1]) else nouns[-1]
    if words:
        return words[-1]
    if last_force >= 0:
        return span[last_force].extra
    words = [t.concept for t in span if t.kind == "word"]
    if words:
        return words[-1]
    if any(t.kind == "actor" and t.concept in _PEOPLES for t in span):
        return "people"  # "Palestinians killed" counts people
    anywhere = [t.concept for t in tokens if t.kind == "group"]
    return anywhere[0] if anywhere else ""


def _before_clause(tokens: Sequence[_Token], head: str) -> str:
    """The head named before a relative clause, when the clause gave ``head``: always for a
    clause that says where ("farms where the virus was detected" count farms); for another
    clause when ``head`` is no counted thing, a word WordNet does not know as a noun or a verb
    after an auxiliary ("herds that H5N1 has reached"). A noun of such a clause stays the head
    ("people who hold a card" count cards)."""
    start = next((i for i, t in enumerate(tokens) if t.text in _CLAUSE_STARTS), None)
    if not start or head in _GROUPS:
        return head
    at = [i for i, t in enumerate(tokens) if t.concept == head and i > start]
    if not at:
        return head
    verb = tokens[at[-1] - 1].text in _AUXILIARIES
    where = tokens[start].text in _ADVERBIAL_CLAUSE_STARTS
    if lexical.lemma(head) is not None and not verb and not where:
        return head
    before = tokens[:start]
    span = _head_span(before)
    if not any(t.kind in ("word", "group") for t in span):
        return head
    return _head(before, span) or head


def _of_complement(tokens: Sequence[_Token], span: Sequence[_Token], head: str) -> str:
    """A head that says little on its own ("rate") followed by "of" counts what "of" names, when
    that is a specific counted thing: "the headline rate of consumer price inflation" counts
    inflation, "the rate of unemployment" unemployment. Any other head is kept."""
    if head not in _GENERIC_HEADS or not span:
        return head
    end = max(i for i, token in enumerate(tokens) if token == span[-1]) + 1
    if end >= len(tokens) or tokens[end].text != "of":
        return head
    rest = tokens[end + 1 :]
    inner = _head(rest, _head_span(rest))
    return inner if inner in _GROUPS and inner not in _GENERIC_HEADS else head


def _ends_in_people_event(tokens: Sequence[_Token]) -> bool:
    """True when the counted noun phrase is itself an event that befalls people, written as a
    noun ("cholera deaths", "the dead", "injuries"; not the participle in "Palestinians
    killed"), with no counted group before it."""
    for token in tokens:
        if token.kind in ("stop", "prep") or (
            token.kind == "word" and not _is_participle(token.text)
        ):
            continue
        if token.kind != "event":
            return False
        last = token.text.split()[-1]
        return token.concept in _BEFALLS_PEOPLE and not lexical.not_a_noun(last)
    return False


def _is_participle(word: str) -> bool:
    return len(word) > 4 and word.endswith(("ed", "ing"))


def _nationals(span: Sequence[_Token]) -> bool:
    """True when the noun phrase names a people ("Syrians") and no counted group."""
    return not any(t.kind == "group" for t in span) and any(
        t.kind == "actor" and t.concept in _PEOPLES for t in span
    )


def _origins(tokens: Sequence[_Token]) -> tuple[_Token, ...]:
    """ "refugees from Syria" are Syrian refugees: a country after "from" in a subject is the
    counted people's origin (an actor), not where they are counted."""
    out: list[_Token] = []
    for index, token in enumerate(tokens):
        if (
            token.kind == "place"
            and index > 0
            and tokens[index - 1].text == "from"
            and _people_of(token.concept)
        ):
            out.append(_Token(token.text, "actor", _people_of(token.concept)))
        else:
            out.append(token)
    return tuple(out)


def _people_of(place: str) -> str:
    """The actor that names a country's people ("sudan" -> "sudanese"), or ""."""
    homes = {home: people for people, home in _HOMELANDS.items()}
    return homes.get(place, place if place in _ACTORS else "")


def _named_places(text: str) -> frozenset[str]:
    """The places a subject or a name holds for ("U.S. troops in Syria"), not its origins."""
    return frozenset(t.concept for t in _origins(_tokens(text)) if t.kind == "place")


_NAME = re.compile(r"[^\W\d_][\w'’-]*")


def _names(text: str) -> frozenset[str]:
    """Words written as names (capitalised), normalised as tokens are. The first word of a
    subject is capitalised whatever it is, so it counts only when WordNet knows it as a name
    ("Indian troops", "Venezuelan migrants"), not as a common word ("Turnout")."""
    words = _NAME.findall(text or "")
    chosen = [raw for raw in words[1:] if raw[0].isupper()]
    if words and (lexical.is_proper(words[0]) or _is_initialism(words[0])):
        chosen.append(words[0])
    return frozenset(word for raw in chosen for word in normalise(raw) if word)


def _is_initialism(word: str) -> bool:
    """A word written in capitals, as initials are ("ANC", "IOM")."""
    return len(word) > 1 and word.isupper() and word.isalpha()


def _initialisms(text: str) -> dict[str, frozenset[str]]:
    """The initials of each run of two or more capitalised words ("African National Congress"
    -> "anc"; a function word inside adds no letter: "Organization for Migration" -> "om"),
    with the run's words as tokens read them."""
    found: dict[str, frozenset[str]] = {}
    run: list[str] = []
    for raw in [*(text or "").split(), ""]:
        word = raw.strip(".,;:()\"'")
        if word[:1].isupper() and not word.isupper() and word.isalpha():
            run.append(word)
            continue
        if run and (word in _STOP or word in _PREPOSITIONS):
            continue  # "of", "for", "the" inside a name
        if len(run) >= 2:
            found["".join(w[0] for w in run).lower()] = frozenset(normalise(" ".join(run)))
        run = []
    return found


def _initial_runs(text: str, tokens: Sequence[_Token]) -> dict[str, frozenset[str]]:
    """Initials -> the concepts of their run's tokens (names, words and events, no counted
    group), for runs the vocabulary does not know whole."""
    out = {}
    for initials, run in _initialisms(text).items():
        inside = [t for t in tokens if t.kind != "stop" and set(t.text.split()) <= run]
        concepts = frozenset(t.concept for t in inside)
        # A name the vocabulary knows whole ("Islamic State") keeps its own concept; a counted
        # group in capitals ("Peshmerga Fighters") is still what is counted.
        known = len(inside) == 1 and inside[0].kind == "actor"
        if concepts and not known and all(t.kind in ("actor", "word", "event") for t in inside):
            out[initials] = concepts
    return out


def _read_initials(words: frozenset[str], runs: dict[str, frozenset[str]]) -> frozenset[str]:
    """``words`` with the words of each run of capitalised words they hold replaced by its
    initials, so that "African National Congress seats" and "ANC seats" name one party."""
    for initials, run in runs.items():
        if run & words:
            words = (words - run) | {initials}
    return words


@lru_cache(maxsize=8192)
def _act(word: str) -> str:
    """The verb of an inflected form said of a counted thing ("won" -> "win"); "" for a word
    that is no verb form, and "record" for a verb that only says the figure was written down
    ("logged", "entered": WordNet puts them next to the first sense of a recording verb of the
    vocabulary, such as record or register)."""
    base = lexical.verb_base(word)
    if base is None:
        return ""
    # The recording verb's first sense only: "tally" also means to score, which "won" is.
    if base in _RECORDING or any(lexical.names_event(base, verb, 1) for verb in sorted(_RECORDING)):
        return "record"
    return base


def _acts(span: Sequence[_Token], head: str) -> tuple[frozenset[str], frozenset[str]]:
    """(acts, words of verb forms): what the noun phrase says was done to the counted thing,
    by lemma, without the verbs that only record; and the words that said it. After the head
    any verb form ("seats won"); before it a past participle that is no noun ("confirmed
    cases", "suspected cases"), not a noun in -ing ("building permits")."""
    # A head read from elsewhere ("arrivals", "deaths" count people) comes before the span.
    last = max((i for i, t in enumerate(span) if t.concept == head), default=-1)
    acts: set[str] = set()
    verbs: set[str] = set()
    for index, token in enumerate(span):
        if token.kind != "word" or index == last:
            continue
        before = index < last
        if before and not (token.text.endswith("ed") and lexical.not_a_noun(token.text)):
            continue
        act = _act(token.text)
        if act:
            verbs.add(token.concept)
        if act and act != "record":
            acts.add(act)
    return frozenset(acts), frozenset(verbs)


@lru_cache(maxsize=8192)
def _subject(text: str, names: bool = True) -> _Subject:
    tokens = _origins(_tokens(text))
    span = _head_span(tokens)
    head = _of_complement(tokens, span, _before_clause(tokens, _head(tokens, span)))
    acts, verbs = _acts(span, head)
    # "infections logged" are infections: a verb that only records says nothing of the thing.
    recorded = frozenset(word for word in verbs if _act(word) == "record")
    tokens = tuple(t for t in tokens if t.concept not in recorded)
    span = [t for t in span if t.concept not in recorded]
    concepts = frozenset(t.concept for t in tokens if t.kind in ("group", "event"))
    if head in _GROUPS:
        concepts |= {head}
    # "one" in "one-week repo rate" belongs to the period, which ``length`` reads.
    content = frozenset(t.concept for t in tokens if t.kind == "word") - _length_counts(text)
    # A name the vocabulary does not know ("Sadrist", "Taqaddum") is someone's all the same.
    # Only in a subject or a name: a sentence or a description is full of capitalised words.
    named = _names(text) & content if names else frozenset()
    actor_words = frozenset(t.concept for t in tokens if t.kind == "actor") | named
    runs = _initial_runs(text, tokens) if names else {}
    in_span = frozenset(t.concept for t in span)
    restrictions, spelled = _restrictions(text, head)
    return _Subject(
        words=_spelled_as(_read_initials(concepts | content, runs), restrictions, spelled),
        concepts=concepts - frozenset().union(*runs.values()),
        head=head,
        qualifiers=_spelled_as(
            _read_initials(
                frozenset(t.concept for t in span if t.kind == "word")
                - {head}
                - verbs
                - _length_counts(text),
                runs,
            ),
            restrictions - {head},
            spelled,
        ),
        # "Change" in "Movement for Democratic Change" is a name's word, not an event.
        events=frozenset(t.concept for t in tokens if t.kind == "event")
        - frozenset().union(*runs.values()),
        actors=_read_initials(actor_words | frozenset().union(*runs.values()), runs),
        owners=_read_initials(
            frozenset(t.concept for t in span if t.kind == "actor") | (named & in_span), runs
        ),
        nationals=head == "people"
        and (_nationals(span) or any(lexical.names_people(t.concept) for t in span)),
        length=_named_length(text),
        acts=acts,
        restrictions=restrictions,
    )


@lru_cache(maxsize=8192)
def _restrictions(text: str, head: str) -> tuple[frozenset[str], frozenset[str]]:
    """(restrictions, the words that said them): what restricts or plans the figure a subject
    names, a restricting word or phrase of restrictions.toml anywhere in it ("core inflation",
    "prices leaving aside energy", "expected arrivals"), and a head that is a plan or a limit
    itself ("production target", "quota"). No restriction for the plain quantity."""
    words = normalise(text)
    found = {head} if head in _RESTRICTING_HEADS else set()
    spelled: set[str] = set()
    for size in (1, 2):
        for index in range(len(words) - size + 1):
            phrase = words[index : index + size]
            restriction = _RESTRICTING_WORDS.get(" ".join(phrase))
            if restriction:
                found.add(restriction)
                spelled.update(phrase)
    return frozenset(found), frozenset(spelled)


def _spelled_as(
    words: frozenset[str], restrictions: frozenset[str], spelled: frozenset[str]
) -> frozenset[str]:
    """``words`` with the words that said a restriction replaced by the restriction, so that
    "core" and "underlying" are one word of the subject."""
    return (words - spelled) | restrictions if words & spelled else words


def _named_length(text: str) -> int:
    """Days of the period a subject names: "monthly" 30, "annual" 365, "per month" 30, "over
    twelve months" 360, "in the past two weeks" 14, "month-on-month" 30; 0 when it names none
    (or more than one)."""
    words = normalise(text)
    found = set()
    for index, word in enumerate(words):
        if word in _LENGTH_WORDS:
            found.add(_LENGTH_WORDS[word])
        elif word == "on" and 0 < index < len(words) - 1 and words[index - 1] in _LENGTH_NOUNS:
            if words[index + 1] == words[index - 1]:  # "month-on-month", "year-on-year"
                found.add(_LENGTH_NOUNS[words[index - 1]])
        elif word in _LENGTH_NOUNS and index > 0 and words[index - 1] != "on":
            count = words[index - 1]
            number = int(count) if count.isdigit() else UNITS_WORDS.get(count)
            if count in _RATE_LEADS:
                number = 1  # "cases per month", "a week"
            if number:
                found.add(number * _LENGTH_NOUNS[word])
    return found.pop() if len(found) == 1 else 0


@lru_cache(maxsize=8192)
def _length_counts(text: str) -> frozenset[str]:
    """The counts that belong to a period the subject names ("one" in "one-week", "two" in
    "over two weeks"): part of its length, not words of what is counted."""
    words = normalise(text)
    return frozenset(
        count
        for count, noun in pairwise(words)
        if noun in _LENGTH_NOUNS and (count.isdigit() or count in UNITS_WORDS)
    )


def _same_length(a: int, b: int) -> bool:
    """Lengths that are one period as news counts it: twelve months are a year (360 and 365)."""
    return abs(a - b) <= 0.05 * max(a, b)


_DIRECTION_NOUNS: dict[str, str] = vocabulary.load("places")["direction_nouns"]
_DIRECTIONS = frozenset(_key(word) for word in vocabulary.load("places")["directions"])
_COUNTRY_REFERENCES = frozenset(vocabulary.load("places")["country_references"]["words"])


@lru_cache(maxsize=8192)
def _scope(text: str) -> _Scope:
    tokens = _tokens(text, in_scope=True)
    places = frozenset(t.concept for t in tokens if t.kind == "place")
    words = frozenset(
        _DIRECTION_NOUNS.get(t.concept, t.concept)
        for t in tokens
        if t.kind in ("word", "group", "place", "actor")
    )
    # "the whole country", "the south of the country": no place named, only pointed at.
    pointing = words & _COUNTRY_REFERENCES
    if not places and pointing and words <= _COUNTRY_REFERENCES | _DIRECTIONS:
        return _Scope(places, words, country_reference=True)
    return _Scope(places, words)


def _pointed(scope: _Scope, other: _Scope) -> _Scope:
    """``scope`` read as the country ``other`` names, with its direction words, when ``scope``
    names no place and only refers to its country ("nationwide", "in the country's east") and
    ``other`` names countries only: a state or a province is never "the whole country"."""
    if not scope.country_reference or not other.places:
        return scope
    if any(_parents().get(place) != (gazetteer.WORLD,) for place in other.places):
        return scope
    return _Scope(other.places, (scope.words - _COUNTRY_REFERENCES) | other.places)


@cache
def _parents() -> dict[str, tuple[str, ...]]:
    """Place id -> the places it lies within."""
    found: dict[str, tuple[str, ...]] = {}
    for ident, parents in [*_localities().values(), *_places().values()]:
        found.setdefault(ident, parents)
    return found


@lru_cache(maxsize=1024)
def _ancestors(place: str) -> frozenset[str]:
    parents = _parents().get(place, ())
    found: set[str] = set()
    for parent in parents:
        found.add(parent)
        found |= _ancestors(parent)
    return frozenset(found)


def _place_relation(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a in _ancestors(b) or b in _ancestors(a):
        return 0.5
    return 0.0


def _place_score(a: frozenset[str], b: frozenset[str]) -> float:
    # Mean, over the places of both sides, of the best partner on the other side: equal 1,
    # one within the other 0.5, none 0. Symmetric by construction.
    scores = [max(_place_relation(p, q) for q in b) for p in a]
    scores += [max(_place_relation(q, p) for p in a) for q in b]
    return sum(scores) / len(scores)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _scope_score(a: _Scope, b: _Scope) -> tuple[float, str, float]:
    """(score, note, factor on the whole confidence)."""
    a, b = _pointed(a, b), _pointed(b, a)
    if a.places and b.places:
        score = _place_score(a.places, b.places)
        if score == 0:
            return 0.0, "different place", 0.0
        if a.places == b.places:
            sites_a, sites_b = a.words - a.places, b.words - b.places
            if bool(sites_a) != bool(sites_b):
                return 0.5, "a site within the same place", NARROWER_SITE
            if sites_a and sites_b and not sites_a & sites_b:
                return 0.5, "different sites in the same place", NARROWER_SITE
            return 1.0, "same place", 1.0
        unmatched = any(max(_place_relation(p, q) for q in b.places) == 0 for p in a.places) or any(
            max(_place_relation(q, p) for p in a.places) == 0 for q in b.places
        )
        factor = PARTIAL_SCOPE if unmatched else 1.0
        sites_a, sites_b = a.words - a.places, b.words - b.places
        if not unmatched and sites_a and sites_a == sites_b:
            # One named site in places that contain one another ("Zamzam camp in Darfur" and
            # "in North Darfur"): the site says where, the places only how finely.
            return 1.0, "same site", 1.0
        if a.places & b.places:
            return score, "overlapping places", factor
        return score, "place within the other", NESTED_SCOPE * factor
    if not a.words and not b.words:
        return 0.5, "no scope", 1.0
    if a.words and b.words and not a.words & b.words:
        # Both name a scope, at least one outside the gazetteer, with no word in common.
        return UNPLACED_SCOPE, "scopes share no word", UNPLACED_SCOPE_FACTOR
    return max(0.5, _dice(a.words, b.words)), "scope unclear", 1.0


def _unit_score(a: str, b: str) -> float:
    try:
        if not units.are_compatible(a, b):
            return 0.0
        same = units.parse_unit(a) == units.parse_unit(b)
    except units.UnitError:
        return 0.0
    return 1.0 if same else 0.8


def _related_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether some word of ``a`` is some word of ``b`` or a synonym of it (WordNet)."""
    return bool(a & b) or any(lexical.related(x, y) for x in sorted(a) for y in sorted(b))


def _head_score(a: str, b: str) -> float:
    if not a or not b or a == b:
        return 1.0
    if frozenset({a, b}) in _RELATED_HEADS or lexical.kindred_people(a, b):
        # Kindred kinds of people ("migrants", "refugees"): only the actor tells them apart.
        return RELATED_HEAD
    if a not in _GROUPS and b not in _GROUPS and lexical.related(a, b):
        return 1.0  # two words the vocabulary does not know, synonyms in WordNet
    return 0.0


def _heads_score(a: _Subject, b: _Subject, places: frozenset[str] = frozenset()) -> float:
    """How far two subjects count one kind of thing: 1 for the same head (or one unknown),
    RELATED_HEAD for related heads or for a people counted abroad against its refugees
    ("Syrians" and "Syrian refugees" in Lebanon), 0 otherwise."""
    score = _head_score(a.head, b.head)
    if score == 0 and (_travellers_alike(a, b) or _travellers_alike(b, a)):
        return RELATED_HEAD
    if score == 0 and (_people_of_act(a, b) or _people_of_act(b, a)):
        return RELATED_HEAD
    if score == 0 and (
        (a.nationals and b.head in _ABROAD_HEADS and not _at_home(a.owners, places))
        or (b.nationals and a.head in _ABROAD_HEADS and not _at_home(b.owners, places))
    ):
        return RELATED_HEAD
    return score


def _travellers_alike(a: _Subject, b: _Subject) -> bool:
    """A weak tie: ``a`` counts people and ``b`` a kind of traveller the vocabulary does not know
    ("migrants"), and both say the same thing befell them ("people who landed", "migrants who
    arrived"; "people who died", "migrants drowned"). Kinds the vocabulary knows (children,
    civilians, refugees) are parts of all people and stay apart."""
    return (
        a.head == "people"
        and b.head not in _GROUPS
        and bool(a.events & b.events)
        and lexical.kind_of(b.head, _TRAVELLERS)
    )


def _people_of_act(a: _Subject, b: _Subject) -> bool:
    """A weak tie: ``a`` counts people to whom something was done ("people infected") and
    ``b`` counts that act by its noun ("infections"), WordNet's noun of the verb, read through
    the spellings of ``b``'s concept."""
    if a.head != "people" or not a.acts or not b.head:
        return False
    spellings = _GROUPS.get(b.head, [b.head])
    return any(lexical.noun_of_act(noun, act) for noun in spellings for act in sorted(a.acts))


def _at_home(peoples: frozenset[str], places: frozenset[str]) -> bool:
    """True when one of ``places`` is (within) the homeland of one of ``peoples``."""
    homes = {_HOMELANDS[p] for p in peoples if p in _HOMELANDS}
    return any(place in homes or homes & _ancestors(place) for place in places)


def _subject_score(a: _Subject, b: _Subject, places: frozenset[str] = frozenset()) -> float:
    def weight(words: Iterable[str], concepts: frozenset[str]) -> float:
        return sum(2.0 if word in concepts else 1.0 for word in words)

    shared = a.words & b.words
    shared_weight = 2 * weight(shared, a.concepts | b.concepts)
    total = weight(a.words, a.concepts) + weight(b.words, b.concepts)
    if a.head and b.head and a.head != b.head and _heads_score(a, b, places) > 0:
        # Related heads (fighter ~ troop) count as a partly shared concept.
        shared_weight += 2 * 2.0 * RELATED_HEAD
    return min(1.0, shared_weight / total) if total else 0.0


_LABELS: dict[str, str] = _ACTOR_DATA["labels"]


def _label(concept: str) -> str:
    return _LABELS.get(concept, concept.title() if len(concept) > 3 else concept.upper())


def _labels(concepts: Iterable[str]) -> str:
    return "/".join(_label(c) for c in sorted(concepts))


@dataclass(frozen=True)
class _Side:
    """One side of a comparison: a subject, the scopes it may be read with, a unit, and the
    actors of its quote (used only when its subject names none)."""

    subject: _Subject
    scopes: tuple[_Scope, ...]
    unit: str
    quote_actors: frozenset[str] = frozenset()
    factor: float = 1.0
    period: tuple[str, str | None] | None = None  # (kind, length) when known
    phone_digits: bool = False  # the quote's only digits are a telephone number's


def _period_text(period: tuple[str, str | None]) -> str:
    kind, length = period
    text = {"cumulative": "a cumulative total", "per_period": "a count"}.get(kind, f"a {kind}")
    if length is None:
        return text
    return f"{text} per {length}" if not length.isdigit() else f"{text} per {length} days"


def _period_of(kind: str, days: int | None) -> tuple[str, str | None] | None:
    """(kind, length) of a claim or metric: the length as the comparison reads it, so that "a
    month" of 30 and of 31 days are one length; None when the kind is not known."""
    if not kind:
        return None
    return (kind, comparison.period_length(days) if kind == "per_period" else None)


def _actors_to_agree(side: _Side, other: _Side) -> frozenset[str]:
    """The actors of ``side`` that must share one with ``other``'s: the owners of the counted
    things when both subjects name owners ("ISIS fighters", "U.S. troops"), else every actor of
    the subject; the quote's actors only against the other's owners (a quote names many
    actors, most of them not the counted thing's)."""
    subject = side.subject
    if subject.actors:
        return subject.owners if subject.owners and other.subject.owners else subject.actors
    return side.quote_actors if other.subject.owners else frozenset()


def _acts_agree(a: _Subject, b: _Subject) -> bool:
    """False when ``a`` names what was done to the counted thing (rooms booked) and ``b`` names
    a deed WordNet does not relate to that one (rooms cancelled); a deed named on one side only
    makes no difference (bare "rooms" are the rooms there are)."""
    if not a.acts:
        return True
    if b.acts:
        return any(lexical.related_verbs(x, y) for x in sorted(a.acts) for y in sorted(b.acts))
    if b.events:
        return any(
            lexical.related_verbs(x, y) or lexical.names_event(x, y)
            for x in sorted(a.acts)
            for y in sorted(b.events)
        )
    return True


def _restriction_text(subject: _Subject) -> str:
    """How a reason names a subject's restrictions: "a core/target figure", "the plain figure"."""
    if not subject.restrictions:
        return "the plain figure"
    return f"a {'/'.join(sorted(subject.restrictions))} figure"


def _compare(a: _Side, b: _Side) -> tuple[float, str]:
    if a.phone_digits or b.phone_digits:
        return 0.0, "a figure of a telephone number measures nothing"
    unit = _unit_score(a.unit, b.unit)
    if unit == 0:
        return 0.0, f"unit {a.unit} does not convert into {b.unit}"
    if a.period and b.period and a.period[0] != b.period[0]:
        return 0.0, f"{_period_text(a.period)}, not {_period_text(b.period)}"
    if a.period and b.period and None not in (a.period[1], b.period[1]) and a.period != b.period:
        return 0.0, f"{_period_text(a.period)}, not {_period_text(b.period)}"
    sa, sb = a.subject, b.subject
    if sa.length and sb.length and not _same_length(sa.length, sb.length):
        return 0.0, f"per {sa.length} days, not per {sb.length} days"
    actors_a, actors_b = _actors_to_agree(a, b), _actors_to_agree(b, a)
    if actors_a and actors_b and not actors_a & actors_b:
        return 0.0, f"different actor: {_labels(actors_a)} vs {_labels(actors_b)}"
    if sa.restrictions != sb.restrictions:
        return 0.0, f"{_restriction_text(sa)}, not {_restriction_text(sb)}"
    places = frozenset().union(*(x.places for x in a.scopes + b.scopes))
    if _heads_score(sa, sb, places) == 0:
        return 0.0, f"counts {sa.head}, not {sb.head}"
    if sa.events and sb.events and not sa.events & sb.events:
        return 0.0, f"{_labels(sa.events)}, not {_labels(sb.events)}".lower()
    if not _acts_agree(sa, sb) or not _acts_agree(sb, sa):
        verbs_a, verbs_b = sa.acts or sa.events, sb.acts or sb.events
        return 0.0, f"{_labels(verbs_a)}, not {_labels(verbs_b)}".lower()
    scope, scope_note, scope_factor = max(
        (_scope_score(x, y) for x in a.scopes for y in b.scopes),
        key=lambda item: (item[0] * item[2], item[0]),
    )
    if scope == 0:
        return 0.0, scope_note
    subject = _subject_score(sa, sb, places)
    confidence = SUBJECT_WEIGHT * subject + SCOPE_WEIGHT * scope + UNIT_WEIGHT * unit
    confidence *= scope_factor
    notes = [f"{sa.head if sa.head and sa.head == sb.head else 'subject'} {subject:.2f}"]
    if bool(sa.events) != bool(sb.events):
        plain = sb if sa.events else sa
        if all(lexical.defined_by(plain.head, event) for event in sa.events | sb.events):
            # "Ukrainians who fled" and "Ukrainian refugees": a refugee is one who fled.
            notes.append(f"a {plain.head} is one who {_labels(sa.events | sb.events).lower()}")
        else:
            confidence *= ONE_SIDED_EVENT
            notes.append(f"{_labels(sa.events | sb.events).lower()} on one side only")
    if bool(sa.actors) != bool(sb.actors):
        confidence *= ONE_SIDED_ACTOR
        notes.append(f"{_labels(sa.actors | sb.actors)} on one side only")
        owners = sa.owners | sb.owners
        if (
            owners
            and owners <= _PEOPLES
            and (sa.head in _PERSON_HEADS or sb.head in _PERSON_HEADS)
            and not _at_home(owners, places)
        ):
            confidence *= ONE_SIDED_NATIONALITY
            notes.append("a people counted abroad on one side only")
    elif sa.actors:
        notes.append(_labels(sa.actors & sb.actors))
    related = sa.head != sb.head and _head_score(sa.head, sb.head) == RELATED_HEAD
    if related and not sa.actors & sb.actors:
        confidence *= RELATED_WITHOUT_ACTOR
        notes.append(f"{sa.head} vs {sb.head} with no actor in common")
    qualifiers_a, qualifiers_b = sa.qualifiers, sb.qualifiers
    if qualifiers_a and qualifiers_b and not _related_words(qualifiers_a, qualifiers_b):
        confidence *= OTHER_QUALIFIERS
        notes.append(f"{'/'.join(sorted(qualifiers_a))} vs {'/'.join(sorted(qualifiers_b))}")
    notes.append(scope_note)
    confidence *= a.factor * b.factor
    return max(0.0, min(1.0, confidence)), ", ".join(notes)


# ---------------------------------------------------------------- inputs and outputs


@dataclass(frozen=True)
class ClaimInput:
    """An ungrouped claim as the matcher sees it; ``key`` is the caller's id for it."""

    key: Hashable
    subject: str
    unit: str
    scope: str = ""
    quote: str = ""
    # What kind of figure over time, when known: level, cumulative or per_period (with the
    # period's length in days). Figures of different kinds or lengths never match.
    period: str = ""
    period_days: int | None = None
    # Who stated it: the actors of the speaker's name ("a U.N. envoy", "a coalition spokesman")
    # are not the counted thing's, though the quote names them.
    speaker: str = ""


@dataclass(frozen=True)
class MetricInput:
    """A candidate metric with the subjects and scopes of the claims already in it."""

    key: Hashable
    name: str
    canonical_unit: str
    scope: str = ""
    description: str = ""
    claim_subjects: tuple[str, ...] = ()
    claim_scopes: tuple[str, ...] = ()
    period: str = ""  # as for ClaimInput; a metric of kind cumulative is "cumulative"
    period_days: int | None = None


@dataclass(frozen=True)
class Match:
    """How well a claim fits one metric: confidence in [0, 1] and a short reason."""

    metric_key: Hashable
    confidence: float
    reason: str


@dataclass(frozen=True)
class ProposedMetric:
    """A new metric proposed for a cluster of ungrouped claims."""

    name: str
    slug: str
    canonical_unit: str
    scope: str
    kind: str  # level, count_over_period or ratio (the values of claims.models.MetricKind)
    claim_keys: tuple[Hashable, ...]
    confidence: float
    reason: str


@dataclass(frozen=True)
class Proposal:
    """What to do with one ungrouped claim: join ``metric_key`` or found ``new_metric``."""

    claim_key: Hashable
    confidence: float
    reason: str
    metric_key: Hashable | None = None
    new_metric: ProposedMetric | None = None


@dataclass(frozen=True)
class _MetricSides:
    key: Hashable
    sides: tuple[_Side, ...] = field(default=())


@lru_cache(maxsize=8192)
def _without_unit_head(subject: _Subject, unit: str) -> _Subject:
    """A head that only names the unit ("hectares burned", "percent of ballots") says nothing
    of what is counted: it is read as no head."""
    if not subject.head or subject.head in _GROUPS:
        return subject
    try:
        named = units.parse_unit(subject.head)
        if (
            not units.are_compatible(subject.head, unit)
            or named.dimensionless != units.parse_unit(unit).dimensionless
        ):
            return subject
    except units.UnitError:
        return subject
    return replace(subject, head="", words=subject.words - {subject.head})


_PHONE = re.compile(vocabulary.load("identifiers")["international_phone"])
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8192)
def _only_phone_digits(quote: str) -> bool:
    """True when every digit of ``quote`` belongs to a telephone number ("ring +44 20 7946
    0958"): whatever figure was read from it is a piece of the number, which measures nothing."""
    if not _PHONE.search(quote):
        return False
    return not _DIGIT.search(_PHONE.sub(" ", quote))


def _claim_side(claim: ClaimInput) -> _Side:
    subject = _without_unit_head(_subject(claim.subject), claim.unit)
    named = _named_places(claim.subject)  # "U.S. troops in Syria" names its place
    if claim.scope.strip():
        scope = _with_places(_scope(claim.scope), named)
    elif named:
        scope = _Scope(named, named)
    else:
        # Extracted claims carry no scope: read the places of the quote.
        scope = _Scope(_scope(claim.quote).places, frozenset())
    quote_actors = frozenset()
    if not subject.actors:
        quote_actors = _subject(claim.quote, names=False).actors
        quote_actors -= _subject(claim.speaker, names=False).actors
    period = _period_of(claim.period, claim.period_days)
    phone = _only_phone_digits(claim.quote)
    return _Side(subject, (scope,), claim.unit, quote_actors, period=period, phone_digits=phone)


def _with_places(scope: _Scope, places: frozenset[str]) -> _Scope:
    return _Scope(scope.places | places, scope.words | places) if places else scope


def _metric_sides(metric: MetricInput) -> _MetricSides:
    named = _named_places(metric.name)
    scope_texts = [metric.scope, *metric.claim_scopes]
    scopes = tuple(
        dict.fromkeys(_with_places(_scope(text), named) for text in scope_texts if text.strip())
    )
    if not scopes:
        scopes = (_Scope(named, named),)
    period = _period_of(metric.period, metric.period_days)
    unit = metric.canonical_unit
    sides = [_Side(_without_unit_head(_subject(metric.name), unit), scopes, unit, period=period)]
    sides += [
        _Side(_without_unit_head(_subject(text), unit), scopes, unit, period=period)
        for text in dict.fromkeys(metric.claim_subjects)
        if text.strip()
    ]
    if metric.description.strip():
        sides.append(
            _Side(
                _subject(metric.description, names=False),
                scopes,
                metric.canonical_unit,
                frozenset(),
                DESCRIPTION_FACTOR,
                period,
            )
        )
    return _MetricSides(metric.key, tuple(sides))


def _score(claim_side: _Side, metric: _MetricSides) -> Match:
    best = (0.0, "")
    for side in metric.sides:
        confidence, reason = _compare(claim_side, side)
        if confidence > best[0] or not best[1]:
            best = (confidence, reason)
    return Match(metric.key, round(best[0], 4), best[1])


def score_match(claim: ClaimInput, metric: MetricInput) -> Match:
    """Score how well ``claim`` fits ``metric``: confidence 0 (with the reason) when they cannot
    measure one quantity, up to 1 for the same subject, scope and unit."""
    return _score(_claim_side(claim), _metric_sides(metric))


def _best(claim_side: _Side, metrics: Sequence[_MetricSides]) -> Match | None:
    matches = [_score(claim_side, metric) for metric in metrics]
    matches = [match for match in matches if match.confidence > 0]
    if not matches:
        return None
    # Ties go to the smallest key, so the order of the metrics never changes the answer.
    return min(matches, key=lambda m: (-m.confidence, str(m.metric_key)))


def best_match(claim: ClaimInput, metrics: Iterable[MetricInput]) -> Match | None:
    """The metric that fits ``claim`` best, or None when none can measure it."""
    return _best(_claim_side(claim), [_metric_sides(metric) for metric in metrics])


def claim_similarity(a: ClaimInput, b: ClaimInput) -> tuple[float, str]:
    """How likely two claims measure one quantity: (confidence in [0, 1], reason). Symmetric."""
    forward = _compare(_claim_side(a), _claim_side(b))
    backward = _compare(_claim_side(b), _claim_side(a))
    # The reasons may name the sides in another order; the score is the same either way.
    return min(forward, backward, key=lambda item: (item[0], item[1]))


# ---------------------------------------------------------------- new metrics

_RATIO_HEADS = frozenset(_POPULATIONS["ratio"])
_FLOW_HEADS = frozenset(_POPULATIONS["flow"])
_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 150) -> str:
    """A lower-case ASCII slug of ``text`` (like Django's slugify, without importing Django)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "metric"


def guess_kind(subjects: Sequence[str], unit: str) -> str:
    """level, count_over_period or ratio, guessed from the subjects and the unit."""
    try:
        dimensionless = units.parse_unit(unit).dimensionless
    except units.UnitError:
        dimensionless = False
    parsed = [_subject(text) for text in subjects]
    if dimensionless or any(subject.head in _RATIO_HEADS for subject in parsed):
        return "ratio"
    if any(subject.events or subject.head in _FLOW_HEADS for subject in parsed):
        return "count_over_period"
    return "level"


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name, max_length=140)
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _cluster_name(members: Sequence[ClaimInput], representative: ClaimInput, scope: str) -> str:
    subject = " ".join(representative.subject.split()).strip(" .,;:")
    subject = re.sub(r"^(the |a )?(total |estimated )?number of ", "", subject, flags=re.I)
    name = subject[:1].upper() + subject[1:] if subject else "Unnamed quantity"
    if scope and not (_scope(scope).places and _scope(scope).places <= _scope(subject).places):
        name = f"{name} in {scope}"
    return name[:300]


def _cluster_scope(members: Sequence[ClaimInput]) -> str:
    scopes = Counter(" ".join(m.scope.split()) for m in members if m.scope.strip())
    if scopes:
        return min(scopes.items(), key=lambda item: (-item[1], item[0]))[0]
    sides = [_claim_side(m).scopes[0].places for m in members]
    common = frozenset.intersection(*sides) if sides else frozenset()
    return " and ".join(sorted(place.title() for place in common))


def _propose(
    members: list[ClaimInput],
    links: dict[tuple[Hashable, Hashable], tuple[float, str]],
    taken: set[str],
) -> ProposedMetric:
    keys = [m.key for m in members]
    if len(members) == 1:
        has_subject = bool(_subject(members[0].subject).words)
        confidence = SINGLETON_CONFIDENCE if has_subject else 0.0
        reason = "matches no metric and no other claim" if has_subject else "no subject to name"
        representative = members[0]
    else:
        pairs = [links[(a, b)] for i, a in enumerate(keys) for b in keys[i + 1 :]]
        weakest = min(pairs, key=lambda item: item[0])
        confidence, reason = weakest[0], f"{len(members)} claims; weakest link: {weakest[1]}"

        def centrality(member: ClaimInput) -> tuple:
            total = sum(
                links.get((member.key, other), links.get((other, member.key), (0.0, "")))[0]
                for other in keys
                if other != member.key
            )
            return (-total, _key_order(member.key))

        representative = min(members, key=centrality)
    unit_counts = Counter(m.unit for m in members)
    unit = min(unit_counts.items(), key=lambda item: (-item[1], item[0]))[0]
    scope = _cluster_scope(members)
    name = _cluster_name(members, representative, scope)
    return ProposedMetric(
        name=name,
        slug=_unique_slug(name, taken),
        canonical_unit=unit,
        scope=scope[:300],
        kind=guess_kind([m.subject for m in members], unit),
        claim_keys=tuple(keys),
        confidence=round(confidence, 4),
        reason=reason,
    )


def cluster_claims(
    claims: Iterable[ClaimInput],
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    taken_slugs: Iterable[str] = (),
) -> list[ProposedMetric]:
    """Group ungrouped claims into proposed new metrics.

    Complete linkage: a claim joins the cluster whose weakest link to it is strongest, and only
    when every member matches it at ``min_confidence`` or better. Claims are taken in the order
    of their keys, so the order they are given in never changes the result. A claim that joins
    no cluster is proposed as a metric of its own at SINGLETON_CONFIDENCE. Slugs avoid
    ``taken_slugs`` and each other.
    """
    # Numbers by value (ids), anything else by text: "10" must come after "9".
    ordered = sorted(claims, key=lambda claim: _key_order(claim.key))
    sides = {claim.key: _claim_side(claim) for claim in ordered}
    links: dict[tuple[Hashable, Hashable], tuple[float, str]] = {}
    clusters: list[list[ClaimInput]] = []
    for claim in ordered:
        best_cluster, best_link = None, 0.0
        for cluster in clusters:
            weakest = 1.0
            for member in cluster:
                forward = _compare(sides[member.key], sides[claim.key])
                backward = _compare(sides[claim.key], sides[member.key])
                links[(member.key, claim.key)] = min(forward, backward)
                weakest = min(weakest, links[(member.key, claim.key)][0])
                if weakest < min_confidence:
                    break
            if weakest >= min_confidence and weakest > best_link:
                best_cluster, best_link = cluster, weakest
        if best_cluster is None:
            clusters.append([claim])
        else:
            best_cluster.append(claim)
    taken = set(taken_slugs)
    return [_propose(cluster, links, taken) for cluster in clusters]


def _key_order(key: Hashable) -> tuple[int, float, str]:
    if isinstance(key, int | float) and not isinstance(key, bool):
        return (0, float(key), "")
    return (1, 0.0, str(key))


def propose(
    claims: Iterable[ClaimInput],
    metrics: Iterable[MetricInput],
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    taken_slugs: Iterable[str] = (),
) -> list[Proposal]:
    """One proposal per claim: the best existing metric when it fits at ``min_confidence`` or
    better, else the new metric proposed for the claim's cluster (see cluster_claims). A claim
    left alone keeps its best existing match when that scores above the singleton confidence,
    so an editor sees the nearest metric rather than a metric of one claim."""
    metric_sides = [_metric_sides(metric) for metric in metrics]
    claims = list(claims)
    proposals: dict[Hashable, Proposal] = {}
    nearest: dict[Hashable, Match] = {}
    leftover: list[ClaimInput] = []
    for claim in claims:
        match = _best(_claim_side(claim), metric_sides)
        if match is not None and match.confidence >= min_confidence:
            proposals[claim.key] = Proposal(
                claim.key, match.confidence, match.reason, metric_key=match.metric_key
            )
        else:
            leftover.append(claim)
            if match is not None:
                nearest[claim.key] = match
    for new in cluster_claims(leftover, min_confidence=min_confidence, taken_slugs=taken_slugs):
        for key in new.claim_keys:
            match = nearest.get(key)
            if len(new.claim_keys) == 1 and match and match.confidence > new.confidence:
                proposals[key] = Proposal(key, match.confidence, match.reason, match.metric_key)
            else:
                proposals[key] = Proposal(key, new.confidence, new.reason, new_metric=new)
    return [proposals[claim.key] for claim in claims]
