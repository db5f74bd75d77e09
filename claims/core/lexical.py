"""Which words mean the same thing, from a real lexical resource: WordNet 3.0 as Debian's
``wordnet-base`` package installs it, read with nltk's WordNet reader. Pure Python.

Loaded on first use (a few seconds), once per process. Where the data is not installed every
answer is "not related", so grouping works as it would without synonyms; `available` says
which. ``WORDNET_DIR`` in the environment points elsewhere.
"""

from __future__ import annotations

import io
import logging
import os
import re
import warnings
from functools import cache, lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

# Where Debian's wordnet-base package puts the WordNet database files.
DEFAULT_DIRECTORY = "/usr/share/wordnet"
# WordNet's lexicographer files are numbered 0..44; names are not needed here, only the count.
_LEXICOGRAPHER_FILES = 64


def _directory() -> Path:
    return Path(os.environ.get("WORDNET_DIR", DEFAULT_DIRECTORY))


@cache
def _reader():
    directory = _directory()
    if not (directory / "index.noun").is_file():
        logger.warning("WordNet not found in %s: grouping runs without synonyms", directory)
        return None
    import nltk
    from nltk.corpus.reader import WordNetCorpusReader

    class DebianWordNet(WordNetCorpusReader):
        """Debian ships the database without the `lexnames` index nltk reads (it only names the
        lexicographer files) and without the other WordNet versions nltk maps from."""

        def open(self, fileid):
            if fileid == "lexnames":
                lines = (f"{n}\tfile{n}\t0\n" for n in range(_LEXICOGRAPHER_FILES))
                return io.StringIO("".join(lines))
            return super().open(fileid)

        def map_wn(self, version="wordnet"):
            return None

    # nltk reads only from the directories it is told about.
    if str(directory) not in nltk.data.path:
        nltk.data.path.append(str(directory))
    with warnings.catch_warnings():
        # It warns that the multilingual functions are missing; only English is read here.
        warnings.simplefilter("ignore", UserWarning)
        return DebianWordNet(str(directory), None)


def available() -> bool:
    """Whether WordNet is installed (the first call loads it)."""
    return _reader() is not None


@lru_cache(maxsize=16384)
def _senses(word: str) -> frozenset:
    reader = _reader()
    if reader is None or not word:
        return frozenset()
    return frozenset(reader.synsets(word.replace(" ", "_"), "n"))


@lru_cache(maxsize=16384)
def related(a: str, b: str) -> bool:
    """True when two nouns share a sense ("oil" and "crude") or one sense is directly above or
    below one of the other's ("fatality" is a kind of "death"). Symmetric; False for a word
    WordNet does not know, or when WordNet is not installed."""
    if a == b:
        return True
    senses_a, senses_b = _senses(a), _senses(b)
    if not senses_a or not senses_b:
        return False
    if senses_a & senses_b:
        return True
    for sense in senses_a:
        if senses_b.intersection(sense.hypernyms()) or senses_b.intersection(sense.hyponyms()):
            return True
    return False


@lru_cache(maxsize=65536)
def lemma(word: str) -> str | None:
    """The dictionary form of a lower-case noun as WordNet's morphy gives it ("casualties" ->
    "casualty", "women" -> "woman"), or None when WordNet does not know the word as a noun (or
    is not installed), so the caller falls back to its own rule."""
    reader = _reader()
    if reader is None or not word.isalpha():
        return None
    # morphy's first answer may be a plural WordNet lists as a word of its own ("troops", "men");
    # the shortest other form is the singular both sides of a comparison agree on.
    forms = reader._morphy(word, "n")
    return min(forms, key=lambda form: (len(form), form == word)) if forms else None


@lru_cache(maxsize=16384)
def not_a_noun(word: str) -> bool:
    """True when WordNet knows ``word`` only as some other part of speech: an adverb
    ("nationwide", "ashore"), an adjective or a verb form ("flattened"), never as a noun. False
    for a noun, for a word WordNet does not know (a name), or without WordNet."""
    reader = _reader()
    if reader is None or not word.isalpha():
        return False
    if reader.synsets(word, "n"):
        return False
    return bool(reader.synsets(word))


@lru_cache(maxsize=16384)
def is_verb_form(word: str) -> bool:
    """True when WordNet reads ``word`` as a form of a verb ("came", "razed", "landing")."""
    reader = _reader()
    return reader is not None and word.isalpha() and reader.morphy(word, "v") is not None


@lru_cache(maxsize=16384)
def is_proper(word: str) -> bool | None:
    """Whether WordNet knows ``word`` only as a name (every lemma spelled like it is
    capitalised: "Indian", "Venezuelans", "Senate"); False for a common word ("troops",
    "Turnout"); None when WordNet does not know it or is not installed."""
    reader = _reader()
    if reader is None or not word.isalpha():
        return None
    lowered = word.lower()
    forms = {lowered, reader.morphy(lowered, "n") or lowered, reader.morphy(lowered, "a") or ""}
    spellings = [
        name
        for form in forms - {""}
        for sense in reader.synsets(form)
        for name in (lemma_.name() for lemma_ in sense.lemmas())
        if name.lower() in forms
    ]
    if not spellings:
        return None
    return all(name[0].isupper() for name in spellings)


@lru_cache(maxsize=16384)
def names_people(word: str) -> bool:
    """True when ``word`` is a name WordNet knows only as a name whose first sense is a kind of
    person: a people by nationality ("Jamaicans", "Venezuelans", "Congolese"), not a common
    noun ("turnout") nor a party's members, whom WordNet spells in lower case too. False
    without WordNet."""
    reader = _reader()
    if reader is None or not is_proper(word):
        return False
    senses = reader.synsets(lemma(word.lower()) or word.lower(), "n")
    if not senses:
        return False
    person = reader.synset(_PERSON)
    return person in senses[0].closure(lambda s: s.hypernyms() + s.instance_hypernyms())


@lru_cache(maxsize=16384)
def kind_of(word: str, ancestor: str) -> bool:
    """True when WordNet's first sense of the noun ``word`` lies below the sense named
    ``ancestor`` ("migrant" and "evacuee" below "traveler.n.01"; "woman" not). False for a word
    it does not know, or without WordNet."""
    reader = _reader()
    if reader is None:
        return False
    senses = _senses_in_order(word)
    above = reader.synset(ancestor)
    return bool(senses) and above in senses[0].closure(lambda sense: sense.hypernyms())


@lru_cache(maxsize=16384)
def noun_of_act(noun: str, verb: str) -> bool:
    """True when WordNet's first sense of ``noun`` is the noun of the act ``verb`` names, by
    its derivational links: an "infection" is what one is when "infected". False for words it
    does not know, or without WordNet."""
    reader = _reader()
    senses = _senses_in_order(noun)
    if reader is None or not senses:
        return False
    action = reader.morphy(verb, "v")
    if action is None:
        return False
    return any(
        form.synset().pos() == "v" and form.name() == action
        for lemma_ in senses[0].lemmas()
        for form in lemma_.derivationally_related_forms()
    )


@lru_cache(maxsize=16384)
def _senses_in_order(word: str) -> tuple:
    reader = _reader()
    if reader is None or not word:
        return ()
    return tuple(reader.synsets(word.replace(" ", "_"), "n"))


# Kinds of people below this sense are told apart only by a narrower common kind.
_PERSON = "person.n.01"
# Steps from each word up to the kind they share: "migrant" -> traveler <- exile <- "refugee".
KINDRED_STEPS = 3


@lru_cache(maxsize=16384)
def kindred_people(a: str, b: str) -> bool:
    """True when two nouns name kinds of people of one narrower kind than "person", a few steps
    up WordNet's tree from each ("migrant" and "refugee" are travellers; "soldier" and
    "civilian" only persons). Symmetric; False without WordNet."""
    reader = _reader()
    if reader is None or a == b:
        return reader is not None and a == b
    person = reader.synset(_PERSON)
    for x in _senses(a):
        for y in _senses(b):
            for common in x.lowest_common_hypernyms(y):
                if common == person or person not in common.common_hypernyms(person):
                    continue
                up_x = x.shortest_path_distance(common)
                up_y = y.shortest_path_distance(common)
                if up_x is not None and up_y is not None and max(up_x, up_y) <= KINDRED_STEPS:
                    return True
    return False


@lru_cache(maxsize=16384)
def related_verbs(a: str, b: str) -> bool:
    """True when two verb forms ("uprooted", "displaced") share a sense or one's sense is
    directly above or below the other's in WordNet (to uproot people is to displace them).
    Symmetric; False for words WordNet does not know as verbs, or without WordNet."""
    reader = _reader()
    if reader is None:
        return False
    base_a, base_b = reader.morphy(a, "v"), reader.morphy(b, "v")
    if base_a is None or base_b is None:
        return False
    if base_a == base_b:
        return True
    senses_b = frozenset(reader.synsets(base_b, "v"))
    return any(_touches(sense, senses_b) for sense in reader.synsets(base_a, "v"))


def _touches(sense, senses: frozenset) -> bool:
    """Whether a WordNet sense is one of ``senses`` or directly above or below one of them."""
    return (
        sense in senses
        or not senses.isdisjoint(sense.hypernyms())
        or not senses.isdisjoint(sense.hyponyms())
    )


# How many of an event verb's senses count as what it names: WordNet lists the common ones
# first, and its rare senses ("burn" a disc, which is to "create" one) relate it to anything.
MAIN_SENSES = 2


@lru_cache(maxsize=16384)
def names_event(word: str, event: str, senses: int = MAIN_SENSES, own: int | None = None) -> bool:
    """True when some sense of the verb form ``word`` (of its first ``own`` senses, when given)
    is one of the first ``senses`` senses of the verb ``event``, or directly above or below one
    ("razed" homes are destroyed, scorched land is burned; "created" jobs are not burned).
    False without WordNet."""
    reader = _reader()
    if reader is None:
        return False
    base, action = reader.morphy(word, "v"), reader.morphy(event, "v")
    if base is None or action is None:
        return False
    if base == action:
        return True
    main = frozenset(reader.synsets(action, "v")[:senses])
    return any(_touches(sense, main) for sense in reader.synsets(base, "v")[:own])


@lru_cache(maxsize=16384)
def defined_by(noun: str, verb: str) -> bool:
    """True when WordNet's first sense of ``noun`` is defined by the act ``verb`` names: a
    refugee is "an exile who flees for safety", so "Ukrainians who fled" and "Ukrainian
    refugees" say one thing. False without WordNet or for words it does not know."""
    reader = _reader()
    if reader is None:
        return False
    senses = reader.synsets(noun, "n")
    action = reader.morphy(verb, "v")
    if not senses or action is None:
        return False
    words = re.findall(r"[a-z]+", senses[0].definition().lower())
    return any(reader.morphy(word, "v") == action for word in words if len(word) > 2)


@lru_cache(maxsize=16384)
def verb_base(word: str) -> str | None:
    """The verb an inflected form belongs to ("won" -> "win", "logged" -> "log"), or None for a
    word WordNet does not read as an inflected verb ("win" itself, "seats", a name), or without
    WordNet."""
    reader = _reader()
    if reader is None or not word.isalpha():
        return None
    base = reader.morphy(word, "v")
    return base if base is not None and base != word else None
