"""Speakers: who a figure is attributed to, read from the dependency parse of its sentence.

First, a reporter named on the figure's own phrase ("the 300 deaths that officials confirmed",
"a turnout of 62 percent announced by X"). Then, from the figure up to the root of the parse,
nearest first:

1. "according to X" (or "per X", a named source) on the figure's own clause;
2. a reporting verb (vocabulary/reporting_verbs.toml, by lemma) that governs the figure's
   clause: its subject ("X said that ...", "X told Y ...", "..., said X"), the agent of a
   passive ("was quoted by X"), or the subject of the verb it continues ("... and said",
   "..., adding that"); a verb whose object is the figure itself ("X estimates N", "X reported
   N") too, but not a verb that merely has a number for object ("the economy added N jobs");
3. a reporting clause hung beside the figure's clause that says nothing of its own
   ("..., police said", "..., customs data showed on Monday");
4. the owner of an estimate a verb revises ("X cut its forecast to N");
5. "according to X" anywhere in the sentence;
6. the subject of a reporting verb whose object holds the figure only in a relative clause
   ("X confirmed deaths in the camp, which shelters N"), when nothing above claimed it;
7. otherwise None: the outlet asserts the figure itself.

A clause after a semicolon is not the preceding verb's; "adding that" continues the reporting
verb before it; the one "told" is addressed, not speaking; a document "showing" a figure speaks
for its publisher ("X released figures showing N"); a deed a verb counts ("X recorded N", "N was
pledged by X") inside a clause that a report closes ("..., a statement said") is the report's;
"can claim N" and "adds N to spending" report nothing.

A name is the whole entity or noun chunk: titles before a person's name are dropped
("Finance Minister Olaf Brenner" is Olaf Brenner), a person in apposition to a role is that
person, a spokesman "for X" is X (an official stays an official), a document "by X" or "X's
report" is X, "its director" speaks for the organisation "its" stands for. Names the tagger cut
are joined back ("Commission on Human Rights", a name's proper-noun compounds the entity left
out), and a reporting verb it read as a noun ("X's data shows", "..., X, estimates,") still
reports. Pronouns come back unresolved with the names the sentence gave before them; the
pipeline resolves them, within the sentence first, then the last few paragraphs. The words are
data (vocabulary/speakers.toml).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any

from claims.core import vocabulary
from claims.core.extraction import identities


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named source and what kind of source it is (person, organisation, document)."""

    name: str
    kind: str


# A speaker starting "that" or "on", or holding a digit, is a piece of the sentence, not a person
# or an organisation (the words are in vocabulary/speakers.toml).
def _not_speaker_words() -> frozenset[str]:
    return frozenset(vocabulary.load("speakers")["not_speaker_words"])


def is_fragment_speaker(name: str | None) -> bool:
    """True when a predicted speaker is no one: it holds a digit or starts with a function word."""
    if not name:
        return False
    written = re.findall(r"[\w']+", name)
    # An acronym written in capitals ("WHO") is a name even when it spells a function word.
    words = [w.lower() if not (w.isupper() and len(w) > 1) else w for w in written]
    function_words = _not_speaker_words() | _QUANTIFIERS
    if len(words) > 1 and words[0] in ("a", "an", "the"):
        words = words[1:]  # "a January U.N. report" is a document; its article does not count
    return (
        not words
        or any(_numeric_word(w) for w in written)
        or words[0] in function_words
        or all(w in function_words for w in words)
        or all(w in _counted_words() for w in words)  # "deaths", "cases": what is counted
    )


@functools.cache
def _counted_words() -> frozenset[str]:
    """The spellings of the events of vocabulary/events.toml ("deaths", "injuries", "cases"
    after a plain plural): things a figure counts, which are no one."""
    spellings = {w for words in vocabulary.load("events")["events"].values() for w in words}
    spellings |= set(vocabulary.load("populations")["concepts"].get("case", []))
    plurals = {f"{w}s" for w in spellings} | {f"{w[:-1]}ies" for w in spellings if w.endswith("y")}
    return frozenset(spellings | plurals)


def _numeric_word(word: str) -> bool:
    """True for a word that is a number ("40", "4th", "10pm"), not a name that holds a digit
    among its capitals ("G20", "C40", "P5")."""
    return any(ch.isdigit() for ch in word) and not any(ch.isupper() for ch in word)


_WORDS = vocabulary.load("speakers")
_PARSE_TITLES = frozenset(_WORDS["office_titles"])
_PARSE_ORGS = frozenset(_WORDS["organisation_words"])
_PARSE_PEOPLE = frozenset(_WORDS["person_nouns"])
_PARSE_DOCUMENTS = frozenset(_WORDS["document_nouns"])
_SPOKES = frozenset(_WORDS["spokes_roles"])
_VOICES = frozenset(_WORDS["voice_roles"])
_OWN_VOICES = frozenset(_WORDS["own_voice_roles"])
_ACCESSING = frozenset(_WORDS["accessing_lemmas"])
_CLAIMS = frozenset(_WORDS["claim_nouns"])
_GENERIC = frozenset(_WORDS["generic_organisation_nouns"])
_QUOTING = frozenset(vocabulary.load("reporting_verbs")["quoting_lemmas"])
_NOT_REPORTING = frozenset(vocabulary.load("reporting_verbs")["not_reporting_objects"])
_LEMMAS = frozenset(vocabulary.load("reporting_verbs")["lemmas"])
_OBJECT_LEMMAS = frozenset(vocabulary.load("reporting_verbs")["object_lemmas"])
_CLAUSE_LEMMAS = frozenset(vocabulary.load("reporting_verbs")["clause_lemmas"])
_REVISING = frozenset(vocabulary.load("reporting_verbs")["revising_lemmas"])
_ADDRESSING = frozenset(vocabulary.load("reporting_verbs")["addressee_lemmas"])
_VERB_FORMS = frozenset(vocabulary.load("reporting_verbs")["verbs"])
_ENTITLED = frozenset(vocabulary.load("reporting_verbs")["entitled_lemmas"])
_SUMMING = frozenset(vocabulary.load("reporting_verbs")["summing_lemmas"])
_ENTITLING = frozenset(vocabulary.load("reporting_verbs")["entitling_modals"])
_TITLE_STEMS = frozenset(w.strip(".") for w in _PARSE_TITLES)
_NAMED = frozenset(vocabulary.load("syntax")["speaker_entities"])
_FIRST_PERSON = ("we", "i")
_NAME_LINKS = frozenset(_WORDS["name_links"])
_REFERRING = frozenset(_WORDS["referring_nouns"])
_NAME_CONJUNCTIONS = frozenset(_WORDS["name_conjunctions"])
_FOREIGN_CONJUNCTIONS = frozenset(_WORDS["foreign_conjunctions"])
_NAME_DEPS = frozenset(vocabulary.load("syntax")["name_modifiers"])
_TRAILING = frozenset(vocabulary.load("syntax")["after_misread_verb"])
_TENTATIVE = frozenset(_WORDS["tentative_words"])
_COUNTING = frozenset(_WORDS["counting_words"])
_PLACE_OWNERS = frozenset(_WORDS["place_owners"])
_QUANTIFIERS = frozenset(_WORDS["quantifier_words"])
_INSTRUMENTS = frozenset(_WORDS["instrument_nouns"])
_DATA = frozenset(_WORDS["data_nouns"])
_GOING_ON = frozenset(_WORDS["continuing_pronouns"])
_GOING_ON_OWNERS = frozenset(_WORDS["continuing_possessives"])


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the parse says a figure is attributed to: a speaker, or a pronoun to resolve (with
    the speakers the sentence named before it), or ``counts_source`` when the figure only sizes
    the source ("two diplomats told AFP")."""

    speaker: Speaker | None = None
    pronoun: str | None = None
    before: tuple[Speaker, ...] = ()
    counts_source: bool = False
    # "the ministry", "the agency": a description that may stand for an organisation named
    # before (its word); ``speaker`` is what it says when nothing before fits.
    describes: str | None = None
    # "The minister said": a title with only "the" before it, which stands for the person named
    # before with that title ("the environment minister, Ana Ruiz"); ``speaker`` when none was.
    titled: str | None = None
    # "About 450 fell short.": a bare number for subject and no one reporting in the sentence;
    # it goes on with the figures of the sentence before, and with their speaker.
    continues: bool = False


def _entity_of(token: Any) -> Any | None:
    doc = token.doc
    for entity in doc.ents:
        if entity.start <= token.i < entity.end and entity.label_ in _NAMED:
            return entity
    return None


def _kind_of(head: Any, words: list[str], person: bool) -> str:
    last = words[-1].lower() if words else ""
    if person:
        return "person"
    # "Ingrid Solberg, Norway's trade minister,": a name the tagger missed, set beside a title
    titled = any(
        c.dep_ == "appos" and c.lemma_.lower() in _TITLE_STEMS | _PARSE_PEOPLE
        for c in head.children
    )
    if titled and head.pos_ == "PROPN" and not any(w.lower() in _PARSE_ORGS for w in words):
        return "person"
    if last in _PARSE_DOCUMENTS:
        return "document"
    if any(w.lower() in _PARSE_ORGS for w in words):
        return "organisation"
    if last in _PARSE_PEOPLE or head.lemma_.lower() in _PARSE_PEOPLE:
        return "person"
    return "organisation"


def _is_organisation(noun: Any) -> bool:
    words = [t.lower_ for t in noun.subtree]
    return noun.ent_type_ in ("ORG", "NORP") or any(w in _PARSE_ORGS for w in words)


def _place_owner(noun: Any) -> bool:
    """True for a place that owns a body: a named one ("Chile's") or a place noun ("the
    country's")."""
    return noun.ent_type_ in ("GPE", "LOC") or noun.lemma_.lower() in _PLACE_OWNERS


def _described(noun: Any) -> bool:
    """True for a body its own words describe ("forestry agency", "national grid operator"),
    which a place's possessive adds nothing to ("Chad's army" needs it); not a document, whose
    owner is its name ("Ofwat's data")."""
    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod")]
    return bool(modifiers) and not any(_is_document(t) for t in [noun, *modifiers])


def _names_organisation(noun: Any) -> bool:
    """True when ``noun`` itself is an organisation ("the central bank", "Oxfam"), not a thing
    of one ("withdrawals from the fund")."""
    words = {noun.lower_, noun.lemma_.lower()} | {c.lower_ for c in noun.lefts}
    return noun.ent_type_ in ("ORG", "NORP") or bool(words & _PARSE_ORGS)


def _pobj(token: Any, preps: tuple[str, ...]) -> Any | None:
    for child in token.rights:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _author(noun: Any) -> Any | None:
    """The author of a document: "a report by X", "figures released by X", "X's report"."""
    found = _pobj(noun, ("by", "from"))
    if found is not None:
        return found
    for child in noun.rights:
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN":
            if child.lemma_.lower() in _ACCESSING:
                continue  # "a UN report seen by Reuters" is the UN's, not Reuters'
            found = _pobj(child, ("by",))
            if found is not None:
                return found
        if child.dep_ == "relcl":
            # "the figures the ministry released", "a study that the agency published"
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj" and grandchild.pos_ in ("NOUN", "PROPN"):
                    return grandchild
    for child in noun.lefts:
        if child.dep_ == "poss" and (child.pos_ == "PROPN" or _is_organisation(child)):
            return child  # "the ministry's data", "Oxfam's report"
    if noun.dep_ == "nsubj":
        # "The report, by the X Group, estimated ...": the parse hung the author on the verb.
        for child in noun.head.children:
            if child.dep_ == "prep" and child.lower_ == "by" and noun.i < child.i < noun.head.i:
                found = _agent(next((c for c in child.children if c.dep_ == "pobj"), None))
                if found is not None:
                    return found
    possessed = any(c.dep_ == "poss" for c in noun.lefts)
    if noun.dep_ == "dobj" and not possessed:
        # "the commission published results showing ...", "X released figures that show ..."
        # (not "the army rejected the rebels' figures": a possessive names the owner).
        for child in noun.head.children:
            named = child.pos_ == "PROPN" or _is_organisation(child)
            if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN") and named:
                return child
    return None


def _published_by(noun: Any) -> Any | None:
    """The agent of a participle on ``noun`` or on the noun after its "of" ("the list of
    seats published by X", "a list compiled by X"), not one that only saw it."""
    held = noun
    for _ in range(3):
        for child in held.rights:
            made = child.dep_ == "acl" and child.tag_ == "VBN"
            if made and child.lemma_.lower() not in _ACCESSING:
                found = _agent(_pobj(child, ("by",)))
                if found is not None:
                    return found
        held = _pobj(held, ("of",))
        if held is None:
            return None
    return None


def _compound_author(noun: Any) -> Speaker | None:
    """The organisation a document is named with, before it and with no "by": "central bank
    figures", "UK Health Security Agency data" are the central bank's, the agency's (labels give
    the author as an alias of the document written so); "official figures", "government
    figures" name no one body, "the Geological Survey" is a name of its own, and a report or a
    count ("an AFP count") is labelled as written."""
    if noun.pos_ == "PROPN" or _entity_of(noun) is not None or noun.lower_ not in _DATA:
        return None
    words = sorted(
        (w for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") for w in c.subtree),
        key=lambda t: t.i,
    )
    while words and (words[0].lower_ in _TENTATIVE or words[0].ent_type_ in ("DATE", "TIME")):
        words = words[1:]
    if not words or words[-1].i != noun.i - 1 or any(w.is_punct or w.like_num for w in words):
        return None
    if not any(w.ent_type_ == "ORG" or w.lemma_.lower() in _PARSE_ORGS for w in words):
        return None
    named = any(_capital(w) and not (w.i == 0 and w.pos_ == "NOUN") for w in words)
    if not named and len(words) < 2:
        return None  # "government figures": no one body in particular
    name = _join(words)
    if _sentence_capital(words[0]):
        name = name[:1].lower() + name[1:]
    return Speaker(name=name, kind="organisation")


def name_of(noun: Any) -> Speaker | str | None:
    """The speaker a noun of the parse names (a pronoun comes back as its lower-case text).

    The whole entity or noun chunk, without determiners, dates, numbers, a title before a
    person's name or a role that speaks for an organisation; a person in apposition to a role
    ("the police chief, Maria Okafor") is that person; a document "by X" is X.
    """
    if noun.pos_ == "PRON" and not _acronym(noun):
        return noun.lower_
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return name_of(child)
    # "Its director told state radio ...": an unnamed role of an organisation speaks for it,
    # the one "its" stands for (a name beside the role was taken above); so does its document
    # ("its report added that ...").
    roles = _SPOKES | _TITLE_STEMS | _PARSE_PEOPLE | _PARSE_DOCUMENTS
    owned = any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.lefts)
    called = any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in noun.children)
    if (lemma in roles or noun.lower_ in _PARSE_DOCUMENTS) and owned and not called:
        return "its"
    # "its daily bulletin showed", "its monitoring system counted": a document or a record of
    # the organisation "its" stands for speaks for it ("its operator" is someone of its own).
    if owned and not called and lemma in _PARSE_DOCUMENTS | _INSTRUMENTS:
        return "its"
    if lemma in _TITLE_STEMS or lemma in _PARSE_PEOPLE:
        # "the agency's head, Suharyanto": a one-word name the tagger took for a place
        for child in noun.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ in ("", "GPE"):
                named = name_of(child)
                if isinstance(named, Speaker):
                    return Speaker(name=named.name, kind="person")
        # "the governor of Kherson region, Oleksandr Prokudin,": the parse may hang the name on
        # the place the role is of; it still names the one holding the role.
        held = _pobj(noun, ("of", "for", "at"))
        if held is not None and held.ent_type_ != "PERSON":
            for child in held.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.i > held.i:
                    return name_of(child)
    if noun.pos_ == "NOUN" and _entity_of(noun) is None:
        # "the consultancy Wood Mackenzie": a common noun describing the name beside it.
        for child in noun.children:
            entity = _entity_of(child)
            beside = child.dep_ in ("appos", "compound") and child.i > noun.i
            if beside and entity is not None and entity.label_ in ("PERSON", "ORG"):
                return name_of(entity.root)
            # "the migration office, Extranjeria,": a body's name the tagger took for a place
            # or did not tag at all
            body = lemma in _PARSE_ORGS and child.dep_ == "appos" and child.pos_ == "PROPN"
            untagged = entity is None or entity.label_ == "GPE"
            if body and untagged and child.i > noun.i:
                named = name_of(child)
                if isinstance(named, Speaker):
                    return Speaker(name=named.name, kind="organisation")
    if lemma in _SPOKES:
        represented = _pobj(noun, ("for", "of", "at", "from", "with"))
        # "a spokeswoman for the league": whatever one speaks "for", unless a person ("a
        # spokesman for the president" stays the spokesman); "officials at the crossing" are
        # officials, not the place.
        spoken_for = represented is not None and (
            _is_organisation(represented)
            or (
                represented.head.lower_ == "for"
                and represented.pos_ in ("NOUN", "PROPN")
                and represented.ent_type_ != "PERSON"
                and represented.lemma_.lower() not in _PARSE_PEOPLE
            )
        )
        if spoken_for and lemma not in _OWN_VOICES:
            return name_of(represented)
        owners = [c for c in noun.lefts if c.dep_ == "compound" and _is_organisation(c)]
        if owners and represented is None and lemma in _VOICES:
            # "an interior ministry spokesman", "a U.N. spokeswoman": the organisation
            words = sorted(
                (w for c in noun.lefts if c.dep_ in ("compound", "amod") for w in c.subtree),
                key=lambda t: t.i,
            )
            words = [w for w in words if w.dep_ != "det" and not (w.is_punct and w.text != "-")]
            name = _join(words)
            if words and _sentence_capital(words[0]):
                name = name[:1].lower() + name[1:]
            if name:
                return Speaker(name=name, kind="organisation")
    if lemma in _PARSE_DOCUMENTS or noun.lower_ in _PARSE_DOCUMENTS:
        author = _author(noun)
        if author is not None:
            return name_of(author)
        owner = _compound_author(noun)
        if owner is not None:
            return owner
        publisher = _published_by(noun)
        if publisher is not None:
            return name_of(publisher)  # "the tally of seats compiled by X"
    elif noun.pos_ == "NOUN" and _entity_of(noun) is None and lemma not in roles | _PARSE_ORGS:
        # "according to the share of votes issued by X", "a breakdown released by X":
        # a thing made public by someone is theirs.
        publisher = _published_by(noun)
        if publisher is not None:
            return name_of(publisher)
    entity = _entity_of(noun)
    if entity is not None and entity.root.i == noun.i:
        # only the determiner the name opens with goes: "the International Committee of the
        # Red Cross" keeps the one inside it
        opening = next((t.i for t in entity if t.dep_ != "det"), entity.end)
        words = [t for t in entity if (t.dep_ != "det" or t.i > opening) and t.ent_type_ != "DATE"]
        before = _name_before_entity(noun, entity)
        person = entity.label_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in before)
        words = before + words
    else:
        words = [noun]
        for child in noun.lefts:
            if child.dep_ in _NAME_DEPS and child.ent_type_ not in ("DATE", "CARDINAL"):
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    continue  # "its mining ministry" is the mining ministry
                if child.dep_ == "poss" and _place_owner(child) and _described(noun):
                    continue  # "Chile's forestry agency" is the forestry agency
                owner = any(c.dep_ in ("compound", "poss") for c in noun.lefts)
                if child.dep_ == "amod" and child.lower_ in _COUNTING:
                    continue  # "several pollsters" are the pollsters
                tentative = child.dep_ == "amod" and child.lower_ in _TENTATIVE
                if tentative and owner and _is_document(noun):
                    continue  # "preliminary customs data" are the customs data
                words.extend(
                    w
                    for w in child.subtree
                    if w.dep_ != "det"
                    and w.ent_type_ != "DATE"
                    and (w.text == "-" or w.tag_ == "POS" or not w.is_punct)
                )
        # "the health office in Tigray": an organisation's place joins its name; a bare plural
        # group ("police in Lima", "residents of the town") is the group alone.
        place = _pobj(noun, ("in", "of", "for"))
        group = noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "det" for c in noun.lefts)
        # ("the prosecutor's office in Baku", "the ministry in Gaza": where a body sits is no
        # part of it, while "the office for Europe" is.)
        sits = place is not None and place.head.lower_ == "in" and place.ent_type_ in ("GPE", "LOC")
        joins = place is not None and place.pos_ == "PROPN" and not (group or sits)
        if joins and lemma in _PARSE_ORGS:
            words.extend(w for w in noun.subtree if w.i > noun.i and w.i <= place.i)
        # "a panel of experts", "the council of elders": the people a body is made of name it.
        members = _pobj(noun, ("of",))
        if members is not None and lemma in _PARSE_ORGS and _people(members):
            words.extend(w for w in noun.subtree if noun.i < w.i <= members.i)
        words.sort(key=lambda t: t.i)
        person = False
    words = [t for t in words if not t.like_num]
    if not person:
        words = _whole_name(words)
    # "Finance Minister Olaf Brenner", "Treasury Secretary X" are the person named after the
    # last title, when a proper name follows it.
    titles = [i for i, t in enumerate(words) if t.lower_.strip(".") in _TITLE_STEMS]
    # "the Office of the Chief Economist": a title inside an office's name, after its link
    # word, names the office, not a person
    of_office = bool(titles) and any(
        t.lower_ in _NAME_LINKS or t.dep_ == "det" for t in words[: titles[-1]]
    )
    if titles and titles[-1] + 1 < len(words) and not of_office:
        tail = words[titles[-1] + 1 :]
        if all(t.pos_ == "PROPN" or t.is_punct for t in tail) and not any(
            t.lower_ in _PARSE_ORGS for t in tail
        ):
            words, person = tail, True
    while words and (words[-1].is_punct or words[-1].tag_ == "POS" or _misread_tail(words)):
        words = words[:-1]
    while words and words[0].is_punct:
        words = words[1:]
    if not person:
        words = _without_description(words)
    name = _join(words)
    if words and _sentence_capital(words[0]):
        name = name[:1].lower() + name[1:]  # "Police said": the capital is the sentence's
    if words and words[-1].i == len(words[-1].doc) - 1 and words[-1].text.count(".") == 1:
        name = name.removesuffix(".")  # "... according to the G20.": the stop is the sentence's
    if not name or not any(ch.isalpha() for ch in name):
        return None
    return Speaker(name=name, kind=_kind_of(noun, [t.text for t in words], person))


def _places_or_peoples(name: str) -> bool:
    """True when a word of ``name`` is a country, a city the gazetteer knows, or a people."""
    from claims.core import gazetteer  # its data load on first use

    cities = gazetteer.city_countries()
    peoples = vocabulary.load("places")["demonyms"]
    return any(
        gazetteer.country_code(word) or word in cities or word in peoples
        for word in name.replace("-", " ").split()
    )


def _without_description(words: list[Any]) -> list[Any]:
    """ "the KTU power industry association", "the independent PKX group of analysts": a
    body's own name, then lower-case words that only say what kind of body it is, is the name
    alone. Not a place's body ("Kenya's health ministry", "the Afghan interior ministry": the
    place is no name of it), nor an agency of a body the identity table knows ("the UN refugee
    agency" is its own speaker, not the UN)."""
    start = 0
    while start < len(words) and words[start].text.islower() and words[start].pos_ == "ADJ":
        start += 1  # "the independent PKX group": a word describing the whole
    end = start
    while end < len(words) and words[end].text[:1].isupper() and words[end].pos_ == "PROPN":
        end += 1
    name, rest = words[start:end], words[end:]
    if not name or not rest or any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in name):
        return words
    # a name of its own: an acronym or a name the tagger knows as an organisation's, and no
    # place or people ("the Sindh health department", "the Uzbek authorities")
    own = any(_acronym(t) or t.ent_type_ == "ORG" for t in name)
    if not own or _places_or_peoples(_join(name)):
        return words
    # (the tagger may take the lower-case words for part of the name: "policy institute")
    if not all(t.text.islower() and t.pos_ in ("NOUN", "PROPN", "ADJ", "ADP") for t in rest):
        return words
    kinds = [t for t in rest if t.pos_ in ("NOUN", "PROPN")]
    # the kind of body is its last noun, or the noun before "of" ("group of analysts")
    link = next((i for i, t in enumerate(rest) if t.pos_ == "ADP"), None)
    kind = rest[link - 1] if link else (kinds[-1] if kinds else None)
    if kind is None or kind.lower_ not in _PARSE_ORGS or (link and rest[link].lower_ != "of"):
        return words
    if kind.tag_ in ("NNS", "NNPS") or kind.lower_.endswith("s"):
        # "Finance Ministry officials", "IMF sources": people of the body, not the body
        return words
    if identities.known_identity(_join(name)) is not None:
        return words
    return name


def _name_before_entity(noun: Any, entity: Any) -> list[Any]:
    """The capitalised words just before an entity that the parse made part of its name but the
    entity tagger left out ("Migración Chile" tagged as the country, "Anna von der Berg"
    cut into a person and a place): proper-noun compounds of its root, touching it."""
    words: list[Any] = []
    start = entity.start
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        capital = _capital(child) or child.ent_type_ == "PERSON"  # "von der" in a person's name
        if child.i != start - 1 or child.dep_ != "compound" or not capital:
            break
        if child.pos_ != "PROPN" or child.lower_ in _PARSE_ORGS:
            break
        if child.ent_type_ not in ("", "PERSON"):
            break
        words.insert(0, child)
        start = child.i
    return words


def _misread_tail(words: list[Any]) -> bool:
    """True when a name ends on its sentence's reporting verb read as a noun ("figures compiled
    by the X project show ..."): a lower-case verb form that names no document."""
    last = words[-1]
    return (
        len(words) > 1
        and last.pos_ == "NOUN"
        and last.text.islower()
        and last.lower_ in _VERB_FORMS
        and last.lower_ not in _PARSE_DOCUMENTS
    )


def _nothing_after(noun: Any) -> bool:
    """True when nothing after ``noun`` names it further: no words, or only a relative clause
    set off by commas ("the group, which relies on sources inside the country, said")."""
    return all(
        child.is_punct or (child.dep_ == "relcl" and noun.doc[child.left_edge.i - 1].text == ",")
        for child in noun.rights
    )


def _people(noun: Any) -> bool:
    """True for a plural noun of people ("experts", "elders"), with nothing after it."""
    return noun.tag_ == "NNS" and noun.lemma_.lower() in _PARSE_PEOPLE and not list(noun.rights)


def _acronym(token: Any) -> bool:
    """True for a pronoun's spelling written in capitals ("WHO says", "US officials"): an
    organisation's or a country's acronym, which no pronoun is written as."""
    return token.text.isupper() and len(token.text) > 1


def _sentence_capital(token: Any) -> bool:
    """True for a common noun opening the sentence ("Police said"), whose capital is the
    sentence's; not an acronym ("UNICEF said")."""
    return (
        token.i == 0 and token.pos_ == "NOUN" and not token.ent_type_ and not token.text.isupper()
    )


def _capital(token: Any) -> bool:
    # ("U.N.", "U.S.": initials with their dots are a capitalised word of a name too)
    initials = re.fullmatch(r"(?:[A-Z]\.){2,}", token.text) is not None
    return token.text[:1].isupper() and (token.is_alpha or initials)


def _whole_name(words: list[Any]) -> list[Any]:
    """An organisation's capitalised name that the tagger cut at a lower-case word of it ("the
    Fisheries Research and Development Agency", "Instituto de Pesca e Aquicultura"): the
    capitalised words either side joined back through it."""
    while len(words) > 1 and words[-1].lower_ in _NAME_LINKS:
        words = words[:-1]  # "the U.S. Agency for" as the tagger cut it: the name goes on after
    if not words or not all(_capital(t) or t.lower_ in _NAME_LINKS for t in words):
        return words
    if not _capital(words[0]) or not _capital(words[-1]):
        return words
    if words[0].is_sent_start and words[0].pos_ == "NOUN" and not words[0].ent_type_:
        return words  # "Residents of X said": the capital is the sentence's, not a name's
    doc = words[0].doc
    first, last = words[0].i, words[-1].i
    while True:
        grown = False
        # a link or a conjunction after the name, then a run of capitalised words ("Office for
        # the Coordination of Humanitarian Affairs": "the" may stand between)
        run = last + 2
        the = run + 1 < len(doc) and doc[run].lower_ == "the" and _links(doc[last + 1])
        run += 1 if the and doc[last + 1].lower_ in _NAME_LINKS else 0
        if run < len(doc) and _links(doc[last + 1]) and _capital(doc[run]):
            while run + 1 < len(doc) and _capital(doc[run + 1]):
                run += 1
            dated = any(_dated(t) for t in doc[last + 2 : run + 1])
            if not dated and _joinable(doc[first : last + 1], doc[last + 1], doc[run]):
                last, grown = run, True
        run = first - 2
        if run >= 0 and _links(doc[first - 1]) and _capital(doc[run]):
            while run - 1 >= 0 and _capital(doc[run - 1]) and doc[run - 1].i > 0:
                run -= 1
            dated = any(_dated(t) for t in doc[run : first - 1])
            if not dated and _joinable(doc[run : first - 1], doc[first - 1], doc[last]):
                first, grown = run, True
        if not grown:
            break
    if (first, last) == (words[0].i, words[-1].i):
        return words
    return list(doc[first : last + 1])


def _dated(token: Any) -> bool:
    """True for a word of a date or a time ("on Monday", "of March"): no part of a name."""
    return token.ent_type_ in ("DATE", "TIME")


def _links(token: Any) -> bool:
    return token.lower_ in _NAME_LINKS or token.lower_ in _NAME_CONJUNCTIONS


def _joinable(before: Any, link: Any, end: Any) -> bool:
    """Whether ``before`` + ``link`` + what follows up to ``end`` is one name."""
    if link.lower_ in _NAME_LINKS or link.lower_ in _FOREIGN_CONJUNCTIONS:
        return True
    if _joins_object(before, link, end):
        return True
    return end.lower_ in _PARSE_ORGS and before[-1].lower_ not in _PARSE_ORGS


def _joins_object(before: Any, link: Any, end: Any) -> bool:
    """True for "and" between two objects of a name's "for" or "of" ("Agency for Roads and
    Bridges", "Centre for Malaria Control and Research"): the parse joins the word after it to
    the object, not to the body (unlike "the Ministry of Health and UNICEF")."""
    doc = end.doc
    after = doc[link.i + 1 : end.i + 1]
    if end.dep_ != "conj" or any(_acronym(t) or t.lower_ in _PARSE_ORGS for t in after):
        return False
    head = end.head
    return (
        head.i in {t.i for t in before}
        and head.dep_ in ("pobj", "conj")
        and any(t.lower_ in _NAME_LINKS and t.i < head.i for t in before)
    )


def _join(words: list[Any]) -> str:
    """Tokens back into their text: adjacent tokens keep the spacing they had."""
    parts = []
    for index, token in enumerate(words):
        parts.append(token.text)
        following = words[index + 1] if index + 1 < len(words) else None
        if following is not None and (following.i != token.i + 1 or token.whitespace_):
            parts.append(" ")
    return "".join(parts).strip()


def _subject_of(verb: Any) -> Any | None:
    """The one who speaks through a verb: its subject, the agent of a passive ("was quoted by
    X"), or the subject of the verb it continues ("... and said", "..., adding that")."""
    # (a passive one quotes someone only "as saying" or "by" someone: rice "was quoted at $645
    # a tonne" is a price)
    passed_on = any(c.lower_ in ("as", "by") for c in verb.children)
    if verb.lemma_.lower() in _QUOTING:
        for child in verb.children:
            if child.dep_ == "nsubjpass" and not passed_on:
                continue
            if child.dep_ in ("nsubjpass", "dobj") and child.pos_ in ("NOUN", "PROPN"):
                return child
    seen = 0
    while seen < 4:
        # "most of them ..., its bulletin showed": a quantifier is never who speaks
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _QUANTIFIERS]
        for child in subjects:
            # "State news agency Xinhua said": the parse gave the verb the description and the
            # name as two subjects; the name, right after, is who speaks.
            named = next((c for c in subjects if c.i == child.i + 1 and c.pos_ == "PROPN"), None)
            if named is not None and child.pos_ == "NOUN":
                child = named
            return _cited(verb, child) or child
        if _misread_verb(verb):
            # "..., the IMF estimates.": the parse made the speaker a compound of the verb
            named = [
                c
                for c in verb.lefts
                if c.dep_ == "compound" and (c.pos_ == "PROPN" or _is_organisation(c))
            ]
            if named:
                return named[-1]
        passive = any(c.dep_ == "auxpass" for c in verb.children) or _as_reported(verb)
        agent = _agent(_pobj(verb, ("by",))) if passive else None
        if passive and agent is None:
            agent = _late_agent(verb)
        if agent is not None:
            return agent
        if passive and verb.dep_ == "conj":
            return None  # "X buys 66 million tonnes, and the plan is expected to save ...": no one
        if verb.dep_ == "acl" and _is_document(verb.head):
            # "X published results showing ...", "census data indicating ...": the document
            # (by its author when it has one); bare "figures showing" name no one.
            return verb.head if _named_document(verb.head) else None
        headless = verb.dep_ == "ROOT" and any(
            c.dep_ == "ccomp" and c.i < verb.i for c in verb.children
        )
        if headless or (verb.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.children)):
            # "..., the party's press office said": a comma, no "and", the parse tied the verb
            # to the clause before (or left it no subject) and its subject to a noun there; the
            # noun just before the verb is who speaks, when the parse hung it beside a noun
            # rather than under a preposition ("the Coalition to Defeat ISIS warned" is the
            # envoy named before).
            previous = verb.doc[verb.i - 1] if verb.i > 0 else None
            if previous is not None and previous.pos_ in ("NOUN", "PROPN"):
                loose = previous.dep_ in ("appos", "conj", "nsubj")
                if loose and not previous.like_num and previous.ent_type_ not in ("DATE", "TIME"):
                    return previous
            # "..., James Li, the envoy for X, warned": its speaker is the person named just
            # before it.
            person = _person_before(verb)
            if person is not None:
                return person
        if verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            # "Speaking to a local radio station, Ana Ruiz, the bank's head, said ...": the
            # parse hung the speaker on the phrase before and left the verb no subject.
            person = _person_before(verb)
            if person is not None:
                return person
        continues = verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG")
        if not continues or verb.head.i == verb.i:
            return None
        if verb.tag_ == "VBG" and not _reports(verb.head):
            # "X died, the chief told reporters, adding that ...": the parse hung "adding" on the
            # clause reported; it continues the reporting verb just before it.
            earlier = [t for t in verb.doc[verb.head.i + 1 : verb.i] if _reports(t)]
            if earlier:
                verb, seen = earlier[-1], seen + 1
                continue
        verb, seen = verb.head, seen + 1
    return None


def _other_source(clause: Any) -> Any | None:
    """The subject of ``clause`` when it could be a source itself: a document, a person or an
    organisation (not "the toll rose to 12", which goes on with the report)."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    source = _is_document(subject) or _is_organisation(subject) or subject.ent_type_ == "PERSON"
    return subject if source else None


def _sized_document(noun: Any, prep: Any) -> bool:
    """True when the figure is what an estimate or a count "of" states, and it says whose:
    "the UN's estimate of 3,000", "a government count of 1,200" (not "an estimate of 3,000")."""
    if noun.pos_ != "NOUN" or prep.dep_ != "prep" or prep.lower_ != "of":
        return False
    if not (_is_document(noun) or noun.lemma_.lower() in _CLAIMS):
        return False
    return _claimant(noun) is not None or _named_document(noun)


def _asserted_in(noun: Any, clause: Any) -> bool:
    """True when ``clause`` is the "that" clause of a claim or a document with an author:
    "the rebels' claim that ...", "the ministry's estimate that ..."."""
    if noun.pos_ != "NOUN" or clause.dep_ not in ("acl", "ccomp"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    asserted = noun.lemma_.lower() in _CLAIMS or _is_document(noun)
    return asserted and _claimant(noun) is not None


def _claimant(noun: Any) -> Any | None:
    """Whose claim or document ``noun`` is: its possessive ("the rebels' claim") or who it is
    "by" or "from"; not whoever rejects or disputes it ("the army rejected claims that ...")."""
    owner = next((c for c in noun.lefts if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    return owner if owner is not None else _pobj(noun, ("by", "from"))


def _cited(verb: Any, subject: Any) -> Any | None:
    """ "State media, citing the interior ministry, said ...": the one cited, a person or an
    organisation (not "citing hospital records"), speaks through the subject."""
    for holder in (verb, subject):
        for child in holder.children:
            if child.dep_ in ("advcl", "acl") and child.lemma_.lower() in _QUOTING:
                cited = next((c for c in child.children if c.dep_ == "dobj"), None)
                if (
                    cited is not None
                    and not _is_document(cited)
                    and (_is_organisation(cited) or cited.ent_type_ == "PERSON")
                ):
                    return cited
    return None


def _is_document(noun: Any) -> bool:
    return bool(_PARSE_DOCUMENTS & {noun.lemma_.lower(), noun.lower_})


_NAMED_KINDS = ("NORP", "ORG", "GPE")


def _named_document(noun: Any) -> bool:
    """True for a document with an author or a name ("the ministry's tally", "an AFP count",
    "census data", "Iraqi data"), not bare "figures" nor "the same update"."""
    return _is_document(noun) and (
        any(
            c.dep_ in ("compound", "poss") or (c.dep_ == "amod" and c.ent_type_ in _NAMED_KINDS)
            for c in noun.lefts
        )
        or _author(noun) is not None
    )


_NOT_AGENTS = frozenset(_WORDS["not_agent_entities"])


def _agent(noun: Any | None) -> Any | None:
    """``noun`` when a "by" phrase can name who acts: "by the ministry", not a deadline ("by
    March", "by the end of 2025", "by Monday evening")."""
    if noun is None or noun.like_num or noun.ent_type_ in _NOT_AGENTS:
        return None
    return noun


def _late_agent(verb: Any) -> Any | None:
    """The agent of a passive the parse hung on the phrase after the verb ("was estimated at 4
    billion euros by the ministry"): a "by" whose object is a person or an organisation."""
    for token in verb.subtree:
        if token.i > verb.i and token.lower_ == "by" and token.head.i != verb.i:
            found = next((c for c in token.children if c.dep_ == "pobj"), None)
            if _agent(found) is not None and (
                _is_organisation(found) or found.ent_type_ == "PERSON" or found.pos_ == "PROPN"
            ):
                return found
    return None


def _person_before(verb: Any) -> Any | None:
    """The root of the last person's name in the dozen tokens before ``verb``."""
    doc = verb.doc
    for entity in reversed(doc.ents):
        if entity.end <= verb.i and verb.i - entity.end <= 12 and entity.label_ == "PERSON":
            return entity.root
        if entity.end <= verb.i - 12:
            break
    return None


def _foresees(clause: Any) -> bool:
    """True for the clause of a forecast: "(sees) inflation peaking at 60 percent", a verb in
    "-ing" whose subject is not the counted thing ("(saw) 40 ships arriving" is a sight)."""
    if clause.dep_ not in ("ccomp", "xcomp") or clause.tag_ != "VBG":
        return False
    for child in clause.children:
        if child.dep_ == "nsubj" and (
            child.like_num or any(g.dep_ == "nummod" for g in child.children)
        ):
            return False
    return True


def _misread_verb(token: Any) -> bool:
    """True for a reporting verb the parse took for a noun at the root of its sentence ("...,
    the IMF estimates.", "data from the ministry show that ...")."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and token.lower_ in _VERB_FORMS
        and any(c.dep_ in ("ccomp", "nsubj") for c in token.children)
    )


def _reports(token: Any) -> bool:
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in _CLAUSE_LEMMAS:
        return any(_foresees(c) for c in token.children)
    if _misread_verb(token):
        return True
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in _LEMMAS:
        return False
    # A bare participle ("attacks reported in the north", "the figures cited") describes a
    # noun; it reports only with an auxiliary ("has reported", "was quoted by").
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _NOT_REPORTING for c in token.children):
        return False
    if any(c.dep_ == "prt" for c in token.children):
        return False  # "the bank wrote off $2 billion", "it put down 300": another verb
    if _sums(token) or _entitled(token):
        return False
    # A subject makes it a finite verb the tagger misread ("the authority announced on Monday");
    # "as reported by X" is a report too.
    return (
        token.tag_ != "VBN"
        or any(c.dep_ in ("aux", "auxpass", "nsubj") for c in token.children)
        or _as_reported(token)
    )


def _subject_misread_as_object(verb: Any, obj: Any) -> bool:
    """True when the parse made the subject of a reported clause the reporting verb's object
    ("villagers told us some 50 people, many of them children, had drowned"): a clause follows the
    object, under the same verb, that the object is the subject of."""
    return any(c.dep_ == "ccomp" and c.i > obj.i for c in verb.children)


def _closed_by_report(clause: Any, below: Any) -> bool:
    """True when a reporting clause with a subject after ``clause`` says it ("..., the agency
    said"), whether the parse made that clause its head or hung it beside it."""
    head = clause.head
    closing = [c for c in clause.children if _closes(c, clause, below)]
    if clause.dep_ in ("ccomp", "parataxis") and head.i > clause.i and _reports(head):
        closing.append(head)
    return any(c.dep_ == "nsubj" for verb in closing for c in verb.children)


def _joined_to_report(verb: Any) -> bool:
    """True for a verb of deed ("pledged", "recorded") joined by "and" to a clause that a
    reporting clause closes before it ("..., the ministry said, and 40 were recorded by ...")."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in _OBJECT_LEMMAS:
        return False
    head = verb.head
    return any(
        _closes(c, head, verb)
        and head.i < c.i < verb.i
        and any(g.dep_ == "nsubj" for g in c.children)
        for c in head.children
    )


def _described_speaker(top: Any, subject: Any) -> bool:
    """True when the figure stands in a relative clause set off by commas that describes the
    one speaking ("The charity, which feeds 1.2 million people, said ..."): it is theirs."""
    chain = _between(top, subject)
    clauses = [t for t in chain if t.dep_ == "relcl" and t.head.i == subject.i]
    if not clauses or not (_names_organisation(subject) or subject.ent_type_ == "PERSON"):
        return False
    start = clauses[0].left_edge.i
    return start > 0 and subject.doc[start - 1].text == ","


def _as_reported(verb: Any) -> bool:
    """True for "as reported by X", "as announced by X": a bare participle after "as"."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and _pobj(verb, ("by",)) is not None
    )


def _sums(verb: Any) -> bool:
    """True for a verb that reports only a clause, with an amount for its object: "the plan
    adds 70 billion to spending" sums, where "..., adding that 12 died" reports."""
    if verb.lemma_.lower() not in _SUMMING:
        return False
    return any(
        c.dep_ == "dobj" and (c.like_num or c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"))
        for c in verb.children
    )


def _entitled(verb: Any) -> bool:
    """True for "can claim", "may claim": what one is entitled to ask for, not a report."""
    return verb.lemma_.lower() in _ENTITLED and any(
        c.dep_ == "aux" and c.lower_ in _ENTITLING for c in verb.children
    )


def _closes(verb: Any, clause: Any, below: Any | None) -> bool:
    """True when ``verb`` is a reporting clause hung beside ``clause`` that says nothing of its
    own: "..., police said", "..., customs data showed on Monday" (but not "..., but officials
    warned that the toll was rising")."""
    if below is not None and verb.i == below.i:
        return False
    if not _reports(verb) or verb.dep_ not in ("parataxis", "ccomp", "conj", "advcl"):
        return False
    if verb.dep_ == "ccomp" and verb.i < clause.i:
        return False
    if verb.dep_ in ("conj", "advcl") and verb.i < clause.i and not _as_reported(verb):
        return False
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    if marks and (marks != ["as"] or (verb.i < clause.i and not _as_reported(verb))):
        # "with more attacks reported in X", "as officials noted, ...": a clause of its own;
        # "..., as the ministry reported on Friday" after the figure closes it as "said" does.
        return False
    # What it says, when anything, stands before it: content after the verb is its own (the one
    # "told" is addressed, "..., the chief told reporters", is not what is said).
    said = ("ccomp", "xcomp") if verb.lemma_.lower() in _ADDRESSING else ("ccomp", "dobj", "xcomp")
    return not any(c.dep_ in said and c.i > verb.i for c in verb.children)


def _document_owner(verb: Any) -> Any | None:
    """ "The bank cut its growth forecast to 2.9%": the owner of the estimate a verb revises."""
    if verb.pos_ != "VERB":
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _PARSE_DOCUMENTS:
            for grandchild in child.lefts:
                # "taking this year's tally to 40": a date owns no estimate
                if grandchild.dep_ == "poss" and not _dated(grandchild):
                    return grandchild
        if child.dep_ == "dobj" and child.pos_ == "PRON" and verb.lemma_.lower() in _REVISING:
            # "it has since cut that to 2.9%": the estimate named before, revised by the subject
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _marked(verb: Any) -> bool:
    """True for a verb opening a clause of its own with a conjunction ("with 40 cases
    confirmed", "while the army reported 12"); "as" ("..., as the ministry reported") closes
    the sentence as "said" does."""
    return any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children)


def _trails(doc: Any, verb: Any, top: Any) -> bool:
    """True when ``top`` stands in a phrase hung after a closing reporting clause with no clause
    of its own: "..., the commission said, an increase of 150 million", "..., the ministry said,
    with 1,826 cases confirmed" (but not "..., while the army put the toll at 12")."""
    comma = next((t for t in doc[verb.i + 1 : top.i] if t.text == ","), None)
    if comma is None or any(t not in verb.subtree for t in doc[verb.i + 1 : comma.i]):
        return False
    for token in doc[comma.i + 1 :]:
        if token.dep_ in ("nsubj", "nsubjpass"):
            head = token.head
            if not any(c.dep_ == "mark" and c.lower_ == "with" for c in head.children):
                return False
    return True


def _closing_subject(doc: Any, top: Any) -> Any | None:
    """The subject of a reporting clause that closes the sentence after a comma and says nothing
    of its own ("..., a March report estimated."), however the parse attached it; also whose
    the figures of a phrase trailing it are."""
    verbs = [t for t in doc if _reports(t) and not _marked(t)]
    if not verbs:
        return None
    verb = verbs[-1]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    if top.i > subject.i and not (top.i > verb.i and _trails(doc, verb, top)):
        return None
    first = min(t.i for t in subject.subtree)
    if first == 0 or doc[first - 1].text not in (",", "\u201d", '"'):
        return None
    after = [t for t in doc[verb.i + 1 :] if not t.is_punct]
    if any(t.dep_ in ("ccomp", "dobj", "xcomp") and t.head.i == verb.i for t in after):
        return None
    return subject


def _closing_misread(doc: Any) -> Any | None:
    """ "..., the OECD estimates.": a reporting verb the parse read as a noun closing the
    sentence after a comma; its speaker is the name the parse made its modifier. "..., the
    authority announced on Monday.": one read as a participle describing the speaker."""
    words = [t for t in doc if not t.is_punct]
    if not words:
        return None
    verbs = [t for t in words if t.dep_ == "acl" and t.lemma_.lower() in _LEMMAS]
    if verbs and verbs[-1].head.i == verbs[-1].i - 1:
        verb, speaker = verbs[-1], verbs[-1].head
        trailing = [t for t in words if t.i > verb.i]
        first = min(t.i for t in speaker.subtree)
        closes = all(t.dep_ in ("prep", "pobj", "npadvmod", "det", "amod") for t in trailing)
        # "..., UN experts estimated in a report.": people by their role speak as a body does
        who = (
            _is_organisation(speaker)
            or speaker.ent_type_ == "PERSON"
            or speaker.lemma_.lower() in _PARSE_PEOPLE
        )
        if closes and who and first > 0 and doc[first - 1].text == ",":
            return speaker
    # "..., the OECD estimates.", "..., the central bank forecast on Wednesday.": the verb last,
    # or before a date or a place it governs
    misread = [t for t in words if t.pos_ in ("NOUN", "PROPN") and t.lower_ in _VERB_FORMS]
    if not misread:
        return None
    last = misread[-1]
    trailing = [t for t in words if t.i > last.i]
    if any(t.dep_ not in _TRAILING or last not in t.ancestors for t in trailing):
        return None
    # (the comma before it may hang on it: "..., X data show.")
    first = min(t.i for t in last.subtree if not t.is_punct)
    if last.dep_ == "ROOT":
        # "..., Bank of Ghana data show.": the clause before hangs on the misread verb too; its
        # own phrase is the words that name it
        first = min(
            (t.i for c in last.lefts if c.dep_ in _NAME_DEPS | {"det"} for t in c.subtree),
            default=last.i,
        )
    if first == 0 or doc[first - 1].text != ",":
        return None
    # ("..., Bank of Ghana data show.": the name may hang on the verb beside its document)
    named = [
        c
        for c in last.lefts
        if c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or _is_organisation(c))
    ]
    return named[-1] if named else None


def _inserted_misread(doc: Any) -> Any | None:
    """ "..., Ofwat's data shows, while ...": a reporting verb the parse read as a noun, right
    after a document and set off by commas; the document and its owner are the parse's
    modifiers of it, so the name is read off it (its verb dropped, see ``_misread_tail``)."""
    for token in doc[2:-1]:
        misread = (
            token.pos_ == "NOUN"
            and token.text.islower()
            and token.lower_ in _VERB_FORMS
            and token.lower_ not in _PARSE_DOCUMENTS
        )
        named = doc[token.i - 2]
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.text.islower()
            and token.lower_ in _VERB_FORMS
            and doc[token.i - 1].text == ","
            and doc[token.i + 1].text in (",", ".")
            and named.pos_ in ("NOUN", "PROPN")
            and _entity_of(named) is not None
        ):
            # "..., the country's migration office, Migraciones, estimates, up from ...": the
            # verb, read as a noun, follows the name set off by commas.
            return named
        if not misread or not _is_document(doc[token.i - 1]) or doc[token.i + 1].text != ",":
            continue
        words = [t for t in token.lefts if t.dep_ in _NAME_DEPS]
        first = min((t.i for w in words for t in w.subtree), default=token.i - 1)
        if first > 0 and doc[first - 1].text == ",":
            return token
    return None


# Words after which a document's author is named ("an analysis by X", "data from X"), and
# words that end the author's name inside such a phrase ("the portal run by the agency").
_AUTHOR_LINKS = frozenset(_WORDS["author_links"])
_NAME_ENDS = frozenset(_WORDS["author_name_ends"])


def _closing_document(doc: Any) -> Speaker | None:
    """ "..., an analysis by the Pension Policy Institute shows.", "..., data from the grid
    operator show, which ...", "..., Statkraft data show.": a document closing the sentence after
    a comma, whatever the parse made of its verb; its author speaks (the words after "by" or
    "from", else the name before the document). Read off the words, for the small model often
    takes the verb for a noun and hangs the document anywhere."""
    words = list(doc)
    for index in range(len(words) - 1, 1, -1):
        verb = words[index]
        after = words[index + 1] if index + 1 < len(words) else None
        closes = after is None or after.is_punct
        if verb.lower_ not in _VERB_FORMS or not verb.text.islower() or not closes:
            continue
        comma = next((i for i in range(index - 1, -1, -1) if words[i].text == ","), None)
        if comma is None or index - comma > 12:
            return None
        # (the determiner that opens the phrase goes: "an analysis by ...")
        opening = words[comma + 1]
        article = opening.dep_ == "det" or opening.pos_ == "DET"
        phrase = words[comma + 2 if article else comma + 1 : index]
        documents = [i for i, t in enumerate(phrase) if t.lower_ in _PARSE_DOCUMENTS]
        if not documents or any(
            t.like_num or (t.pos_ == "VERB" and t.lower_ not in _NAME_ENDS)
            for t in phrase[: documents[0]]
        ):
            return None
        first = documents[0]
        link = next(
            (i for i in range(first + 1, len(phrase)) if phrase[i].lower_ in _AUTHOR_LINKS), None
        )
        if link is not None and link == first + 1:
            named = phrase[link + 1 :]
            stop = next((i for i, t in enumerate(named) if t.lower_ in _NAME_ENDS), len(named))
            named = [t for t in named[:stop] if t.pos_ != "DET"]
        else:
            named = [
                t for t in phrase[:first] if t.pos_ != "DET" and not t.is_punct and t.tag_ != "POS"
            ]
            # "..., preliminary customs data show": a word describing the data is no author's
            named = [t for t in named if t.pos_ != "ADJ" or t.text[:1].isupper()]
        body = bool(named) and named[-1].lower_ in _PARSE_ORGS | _PARSE_PEOPLE
        if not named or not (body or any(t.text[:1].isupper() for t in named)):
            return None  # "..., official data show": no author named
        name = _join(named)
        return Speaker(name=name, kind=_kind_of(named[-1], [t.text for t in named], False))
    return None


def _number_between(doc: Any, last: Any, source: Any) -> bool:
    """True when another number stands between the figure and an "according to": the
    attribution closes another figure's clause ("... 90 died in the storm, which killed 15,
    according to X")."""
    start, end = sorted((last.i, source.i))
    return any(t.like_num for t in doc[start + 1 : end])


def _between(top: Any, below: Any) -> list[Any]:
    """The tokens from the figure's top up to (not including) ``below``, its ancestor."""
    chain, node = [], top
    while node.i != below.i and node.head.i != node.i and len(chain) < 40:
        chain.append(node)
        node = node.head
    return chain if node.i == below.i else []


def _measures(top: Any, below: Any) -> bool:
    """True when the figure is ``below`` or counts or measures it, through "of" phrases ("a
    rise of 12 percent", "the deaths of 40 people"), not through a clause."""
    if below.i == top.i:
        return True
    chain = _between(top, below)
    return bool(chain) and all(
        t.dep_ in ("nummod", "quantmod", "compound", "pobj", "det")
        or t.lower_ in ("of", "in", "to")
        for t in chain
    )


def _adverbial(top: Any, below: Any) -> bool:
    """True when the figure reaches the subject ``below`` through an adverb ("the operator, up
    from 13 percent"): a name holds no adverb, so the parse misplaced a comparison."""
    return any(t.dep_ == "advmod" and t.pos_ == "ADV" for t in _between(top, below))


def _relative(top: Any, below: Any) -> bool:
    """True when the figure sits in a relative clause inside ``below`` (an object, a place)."""
    return any(t.dep_ == "relcl" for t in _between(top, below))


def _after_semicolon(verb: Any, clause: Any) -> bool:
    """True when a semicolon of ``verb``'s stands between it and ``clause`` that follows it."""
    if clause.i < verb.i:
        return False
    start = min(t.i for t in clause.subtree)
    return any(t.text == ";" for t in verb.doc[verb.i + 1 : start])


def _according(token: Any) -> Any | None:
    """The object of "according to" hanging off ``token``, or of a "per" that names a source
    ("per the latest government figures"; not "per day", "per 100,000 people")."""
    for child in token.children:
        if child.lower_ == "according":
            found = _pobj(child, ("to",))
            if found is not None:
                return found
        if child.lower_ == "per" and child.dep_ == "prep":
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            determined = found is not None and any(c.dep_ in ("det", "poss") for c in found.lefts)
            if determined and (_is_document(found) or _is_organisation(found)):
                return found
    return None


def attribute(doc: Any, figure: list[object]) -> Attribution:
    """Who the parse of ``doc`` (one sentence) attributes the figure made of ``figure`` tokens to.

    Nearest first along the path from the figure up to the root: an "according to X" on the
    figure's own clause, then a reporting verb that governs the clause (its subject), then a
    reporting clause hung beside it ("..., police said"); then an "according to X" anywhere in
    the sentence.
    """
    inside = {t.i for t in figure}
    # The figure's number leads it up the tree (its span may hold a stray word or a sign).
    numbers = [t for t in figure if t.like_num] or figure
    top = next((t for t in numbers if t.head.i not in inside or t.head.i == t.i), numbers[-1])
    path = [top]
    while path[-1].head.i != path[-1].i and len(path) < 40:
        path.append(path[-1].head)
    source = fallback = None
    reporter = _reported_in_relative(top, inside) or _reported_by(top, inside)
    if reporter is not None:
        named = name_of(reporter)
        if isinstance(named, Speaker):
            return Attribution(speaker=named)
    for below, node in itertools.pairwise([None, *path]):
        found = _according(node)
        if found is not None and not _number_between(doc, figure[-1], found):
            source = found
            break
        if below is not None and _reports(node):
            sized = (
                below.dep_ == "nsubj" and top.head.i == below.i and top.dep_ in ("nummod", "det")
            )
            if sized and below.lemma_.lower() in _PARSE_PEOPLE | _SPOKES:
                return Attribution(counts_source=True)  # "two diplomats told AFP"
            if below.dep_ == "nsubj" and below.lemma_.lower() in _PARSE_DOCUMENTS:
                source = below  # "the survey of 1,000 adults found ...": the survey speaks
                break
            # "1,200 cases were reported by the ministry", "a rise of 12 percent was reported by
            # X": the figure counts or measures what was reported (not "a raid that killed 8 was
            # claimed by X", whose figure sizes something else).
            counts_subject = below.dep_ == "nsubjpass" and _measures(top, below)
            agent = _agent(_pobj(node, ("by",))) if counts_subject else None
            if agent is not None and _joined_to_report(node):
                # "X was set aside, the government said, and 1 trillion was pledged by lenders":
                # the pledge is a deed the closing report goes on about.
                fallback, agent = fallback or agent, None
            if agent is not None:
                source = agent
                break
            if below.dep_ == "nsubj" and node.i < below.i and _adverbial(top, below):
                source = below  # "..., said the operator, up from 13 percent": misattached
                break
            if below.dep_ == "nsubj" and _described_speaker(top, below):
                source = below  # "X, which feeds 1.2 million people, said ...": X's own figure
                break
            if below.dep_ in ("nsubj", "nsubjpass"):
                continue
            if below.dep_ == "agent" and node.lemma_.lower() in _QUOTING:
                continue  # "the resolution was cited by 14 delegations, the chair said"
            if _after_semicolon(node, below):
                continue  # "X said; imports are expected to climb": a clause of its own
            other = _other_source(below) if below.dep_ == "conj" else None
            if other is not None:
                # "X said she won 52 percent, but official results gave her 47 percent": a
                # clause joined to the report with a source of its own is that source's.
                source = other if _is_document(other) else None
                break
            # "the economy added 336,000 jobs": a number counting the object of a verb that
            # does not report numbers is no report.
            # (a bare number for the object of a verb of speech is what is said: "the
            # government says 120")
            lemma = node.lemma_.lower()
            said = below.i == top.i and top.like_num and lemma not in _OBJECT_LEMMAS
            counts_object = (
                below.dep_ == "dobj"
                and (below.i == top.i or top.head.i == below.i)
                and not _subject_misread_as_object(node, below)
                and not (said and not _sums(node))
            )
            if not counts_object or node.lemma_.lower() in _OBJECT_LEMMAS:
                source = _subject_of(node)
                if source is not None and source.lower_ in _FIRST_PERSON:
                    source = None  # "we" inside a quote: its closing attribution names them
                if (
                    source is not None
                    and below.dep_ not in ("ccomp", "xcomp")
                    and _relative(top, below)
                ):
                    # "X confirmed deaths in the camp, which shelters 12,000 people": the
                    # figure describes the object, and a reporting clause further up (".., a
                    # spokesman said") is whose it is; X only when there is none.
                    fallback, source = fallback or source, None
                counted_in = source is not None and source.ent_type_ == "GPE"
                deed = counts_object or below.dep_ == "conj"
                if deed and _closed_by_report(node, below):
                    # "Rangers have counted 45 poaching cases, a wildlife service spokeswoman
                    # said", "the donors promised $2 billion, their joint communique said": the
                    # deed is counted; the report closing the sentence is whose figure it is.
                    counted_in = True
                if counted_in and node.lemma_.lower() in _OBJECT_LEMMAS:
                    # "Sweden recorded 312 deaths, official data showed": the country is where
                    # they were counted; the closing source, when there is one, counted them.
                    fallback, source = fallback or source, None
                if source is not None:
                    break
        owner = _document_owner(node)
        if owner is not None:
            source = owner
            break
        if below is not None and _sized_document(node, below):
            # "the UN's estimate of 3,000", "a government count of 1,200"
            owner = _claimant(node)
            source = owner if owner is not None else node
            break
        if below is not None and _asserted_in(node, below):
            source = _claimant(node)  # "the rebels' claim that they took 12 villages"
            break
        if node.pos_ == "VERB" and below is not None and below.dep_ not in ("nsubj", "nsubjpass"):
            # "the ministry's tally rose to 4,000", "an AFP count reached 10,000": a document
            # whose figure moves speaks for it.
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None and _named_document(subject):
                source = subject
                break
        if node.pos_ in ("VERB", "AUX"):
            beside = [c for c in node.children if _closes(c, node, below)]
            if beside:
                source = _subject_of(beside[0])
                if source is not None:
                    break
    if source is None:
        source = _closing_subject(doc, top)
    if source is None:
        source = _closing_misread(doc)
    if source is None:
        source = _inserted_misread(doc)
    if source is None:
        closing = _closing_document(doc)
        if closing is not None:
            return Attribution(speaker=closing)
    if source is None:
        for token in doc:
            if token.lower_ == "according":
                source = _pobj(token, ("to",))
                if source is not None:
                    break
    if source is None:
        source = fallback
    if source is None:
        source = _document_subject(path, inside)
        if source is not None and _bare_document(source):
            return Attribution(continues=True)  # "The figure is a tenth short of the goal"
    if source is None:
        bare = top.pos_ == "NUM" and top.dep_ in ("nsubj", "nsubjpass")
        # "X said prices rose 9 percent. In May it was 7 percent, down from June.":
        # the thing reported goes on under a pronoun, and so does its report
        bare = bare or any(
            c.dep_ == "nsubj" and c.lower_ in _GOING_ON for t in path for c in t.children
        )
        # "Its share was 57 percent in 2019": the thing reported, owned by a pronoun, goes on
        bare = bare or any(
            c.dep_ == "nsubj"
            and any(p.dep_ == "poss" and p.lower_ in _GOING_ON_OWNERS for p in c.children)
            for t in path
            for c in t.children
        )
        return Attribution(continues=bare and not any(_reports(t) for t in doc))
    named = name_of(source)
    if isinstance(named, Speaker) and _bare_document(source):
        # "A survey by X found ... The survey also showed ...": the document named before goes
        # on, and speaks for its author; alone, it is all there is.
        return Attribution(speaker=named, continues=True)
    if isinstance(named, str):
        return Attribution(pronoun=named, before=_named_before(doc, source))
    if isinstance(named, Speaker) and _bare_title(source):
        return Attribution(speaker=named, titled=source.lemma_.lower())
    if named is not None and _description(source):
        return Attribution(
            speaker=named,
            before=_named_before(doc, source, places=False),
            describes=source.lemma_.lower(),
        )
    return Attribution(speaker=named)


def _reported_in_relative(top: Any, inside: set[int]) -> Any | None:
    """ "not the 2 percent the old cabinet had claimed", "the 300 deaths that officials
    confirmed": a figure whose own phrase says in a relative clause who reported it."""
    nouns = [top.head] if top.dep_ in ("nummod", "det") else []
    for noun in [top, *nouns]:
        for child in noun.children:
            if child.dep_ != "relcl" or child.i in inside or not _reports(child):
                continue
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return subject
    return None


def _reported_by(top: Any, inside: set[int]) -> Any | None:
    """ "the turnout of 62 percent announced by the electoral body", "1,200 deaths reported by
    the ministry": a participle of reporting on the figure's own phrase, with its agent."""
    while top.head.i in inside and top.head.i != top.i:
        top = top.head  # "62 percent": the figure's own head
    nouns = [top]
    if top.dep_ in ("nummod", "det", "quantmod", "compound", "amod"):
        nouns.append(top.head)  # "1,200 deaths", "the 62 percent turnout"
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
        nouns.append(top.head.head)  # "a turnout of 62 percent"
    for noun in nouns:
        for child in noun.rights:
            if child.dep_ != "acl" or child.tag_ != "VBN" or child.i in inside:
                continue
            if child.lemma_.lower() not in _LEMMAS:
                continue
            agent = _agent(_pobj(child, ("by",)))
            if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
                return agent
    return None


def opening_author(doc: Any) -> Speaker | None:
    """ "The figures were released by X on Monday.", "The report, prepared by X, blamed ...": a
    sentence opening on a document with only "the" before it and its author named, which says
    whose the unattributed figures of the sentence before it are."""
    # (the parse may make a document followed by a participle the root: "The report, prepared
    # by X, blamed ...")
    subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass", "ROOT")), None)
    if subject is None or subject.i > 2 or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    referring = _is_document(subject) or subject.lemma_.lower() in _REFERRING
    lefts = list(subject.lefts)
    if not referring or len(lefts) != 1 or lefts[0].lower_ != "the":
        return None
    author = _author(subject)
    if author is None and subject.dep_ == "nsubjpass":
        author = _pobj(subject.head, ("by",))
    author = _agent(author)
    named = name_of(author) if author is not None else None
    return named if isinstance(named, Speaker) else None


def _bare_title(noun: Any) -> bool:
    """ "the minister", "the governor": a title alone, naming no one by itself."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _TITLE_STEMS:
        return False
    lefts = list(noun.lefts)
    return len(lefts) == 1 and lefts[0].lower_ == "the" and _nothing_after(noun)


def titled_in(doc: Any, title: str) -> list[Speaker]:
    """The people a sentence names with ``title`` ("Chile's health minister, Ana Ruiz"), in
    order."""
    found = []
    for token in doc:
        if token.lemma_.lower() != title and token.lower_ != title:
            continue
        holder = None
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
            holder = token
        elif token.dep_ in ("compound", "appos") and token.head.pos_ == "PROPN":
            holder = token.head  # "Health Minister Ana Ruiz", "Ana Ruiz, the health minister"
        named = name_of(holder) if holder is not None else None
        if isinstance(named, Speaker) and named.name.lower() != title:
            found.append(Speaker(name=named.name, kind="person"))
    return found


def _bare_document(noun: Any) -> bool:
    """ "the survey", "the figure": a document with only "the" before it and no author, which
    reads as the one the paragraph named before."""
    if not (_is_document(noun) or noun.lemma_.lower() in _REFERRING):
        return False
    lefts = list(noun.lefts)
    return len(lefts) == 1 and lefts[0].lower_ == "the" and _author(noun) is None


def _document_subject(path: list[Any], inside: set[int]) -> Any | None:
    """The document the figure's clause is about ("the report, published by X, puts ...", "the
    figure is 5 percent above ..."): the subject of its verb, when a document."""
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(t.i in inside for t in subject.subtree):
        return None
    if not (_is_document(subject) or subject.lemma_.lower() in _REFERRING):
        return None
    author = _author(subject)
    if author is not None:
        return _agent(author)
    # "the same update", "the latest tally": a document named only by a plain adjective is no one
    return subject if _bare_document(subject) or _named_document(subject) else None


def _named_before(doc: Any, source: Any, places: bool = True) -> tuple[Speaker, ...]:
    """The names the sentence gives before ``source`` (what a pronoun there can stand for;
    without the places when "the group" asks, which no place is)."""
    before = []
    for token in doc:
        if token.i >= source.i:
            break
        if token.ent_type_ in ("DATE", "TIME"):
            continue  # "in March" names no one a pronoun could stand for
        if not places and token.ent_type_ in ("GPE", "LOC", "FAC"):
            continue
        entity = _entity_of(token)
        if entity is not None and entity.root.i != token.i:
            continue  # "Control" in "Centre for Disease Control and Prevention": the whole is
        named = entity or token.pos_ == "PROPN"
        if (token.dep_ in ("nsubj", "pobj") and named) or (
            token.dep_ == "nsubj" and _names_organisation(token)
        ):
            earlier = name_of(token)
            if isinstance(earlier, Speaker):
                before.append(earlier)
    return tuple(before)


def _description(noun: Any) -> bool:
    """True for "the ministry", "the agency": an organisation's word with only "the" before it,
    which reads as one named before rather than a name."""
    if noun.pos_ != "NOUN" or _entity_of(noun) is not None:
        return False
    words = {noun.lemma_.lower(), noun.lower_}
    common = _common_body(noun)
    if not words & (_PARSE_ORGS | _GENERIC) and not common:
        return False
    lefts = list(noun.lefts)
    if lefts and lefts[0].lower_ == "the" and (words & _GENERIC or common):
        # "the rights group", "the British charity": a generic word with plain descriptions
        lefts = [lefts[0], *(t for t in lefts[1:] if not _plain_description(t))]
    return len(lefts) == 1 and lefts[0].lower_ == "the" and _nothing_after(noun)


def _common_body(noun: Any) -> bool:
    """True for "the think tank", "the state miner", "the directorate" reporting: a singular
    common noun no vocabulary knows, with no name in it, that is no person, document or place;
    like "the group", it stands for the organisation named last."""
    words = {noun.lemma_.lower(), noun.lower_}
    known = _PARSE_ORGS | _PARSE_PEOPLE | _TITLE_STEMS | _SPOKES | _PARSE_DOCUMENTS
    if words & (known | _REFERRING | _PLACE_OWNERS | _CLAIMS) or noun.tag_ != "NN":
        return False
    if any(t.pos_ == "PROPN" or t.ent_type_ not in ("", "NORP") for t in noun.subtree):
        return False
    return noun.dep_ == "nsubj" and _reports(noun.head)


def _plain_description(token: Any) -> bool:
    """True for a word that describes a body without naming it: "rights", "medical", "British"."""
    return (
        token.dep_ in ("compound", "amod")
        and token.pos_ in ("NOUN", "ADJ")
        and token.ent_type_ in ("", "NORP")
    )


def person_shaped(speaker: Speaker) -> bool:
    """True when an organisation's name may be a person's the tagger missed ("Ingrid Solberg"):
    two to four capitalised words, none an acronym, an organisation's word, a place or a people.
    A "he" or "she" with no person before it stands for such a name."""
    words = speaker.name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and not any(w.lower() in _PARSE_ORGS for w in words)
        and not _places_or_peoples(speaker.name)
    )


def described_by(word: str, speaker: Speaker) -> bool:
    """True when "the <word>" can stand for ``speaker``: its name, or a known alias of it,
    holds the word ("the agency" for the World Food Programme, known as the U.N. food agency)."""
    if speaker.kind != "organisation":
        return False
    if word in _GENERIC:
        # "the charity", "the watchdog": whichever organisation was named last by its proper
        # name (not "police": no one calls them "the group")
        return any(w[:1].isupper() for w in speaker.name.split())
    if word not in _PARSE_ORGS and word not in speaker.name.lower().split():
        # "the think tank", "the state miner": an organisation named last whose proper name
        # says it is one ("the International Crisis Group"), not a place or "Russian forces"
        return any(
            w[:1].isupper() and {w.lower(), w.lower().removesuffix("s")} & _PARSE_ORGS
            for w in speaker.name.split()
        )
    identity = identities.known_identity(speaker.name)
    names = [
        speaker.name,
        *(identity.aliases if identity else ()),
        *([identity.name] if identity else []),
    ]
    return any(word in re.findall(r"[\w'-]+", name.lower()) for name in names)


def named_in(doc: Any) -> list[Speaker]:
    """The people and organisations a sentence names, in order: subjects of its verbs, objects
    of "according to" and named persons and organisations (what a pronoun in a later sentence
    can stand for)."""
    found = []
    for token in doc:
        source = None
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
            source = token
        elif token.lower_ == "according":
            source = _pobj(token, ("to",))
        elif token.ent_type_ in ("PERSON", "ORG") and (entity := _entity_of(token)) is not None:
            source = entity.root if entity.root.i == token.i else None
        if source is not None:
            named = name_of(source)
            is_source = isinstance(named, Speaker) and (
                source.ent_type_ == "PERSON"
                or (source.dep_ == "nsubj" and _reports(source.head))
                or source.pos_ == "PROPN"
                or source.lemma_.lower() in _PARSE_PEOPLE
                or _is_organisation(source)
            )
            if is_source and named not in found:
                found.append(named)
    return found
