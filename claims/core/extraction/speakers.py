"""Speakers: who a figure is attributed to.

Rules, in order of preference for a figure in a sentence:

1. a reporting verb before the figure whose subject precedes it ("X said/warned/estimated that
   ... FIGURE", "X put the toll at FIGURE");
2. a reporting clause after the figure ("FIGURE ..., X said on Monday.", "..., said X");
3. "according to X" anywhere in the sentence;
4. a participle continuing an earlier attribution in the sentence ("..., X said, adding that");
5. a pronoun subject ("he added") resolved to the last speaker named before it in the article;
6. otherwise None: the outlet asserts the figure itself.

When an organisation speaks through a medium ("ISIS claimed in its weekly newspaper al-Naba
that ..."), the speaker is the subject of the reporting verb (ISIS), not the medium. Titles are
dropped from people ("Prime Minister Mohammed Allawi" -> "Mohammed Allawi"); a spokesman
"for X" is X; a document "by X" is X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.core import vocabulary

# Reporting verbs are data (vocabulary/reporting_verbs.toml); longer ones first so that the
# alternation prefers "says" to "say".
_REPORTING = vocabulary.load("reporting_verbs")
_VERBS = "|".join(
    [*_REPORTING["phrases"], *sorted(_REPORTING["verbs"], key=lambda w: (-len(w), w))]
)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
# Finite verbs inside a would-be subject show it is a clause, not a name.
_NOT_A_SUBJECT = re.compile(
    r"\b(?:cut|raised|lowered|rose|fell|won|took|is|are|was|were|will|reached|killed|left)\b",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
# A verb after these is passive, an infinitive or an adjective ("an estimated 40,000",
# "the number of confirmed cases"), not a source reporting something.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|been|be|being|not|to|as|would|(?-i:who)|a|an|the|of|its|their|"
    r"newly|also\s+reported|multiple)\s+$",
    re.IGNORECASE,
)
# Third-person forms that are also plural nouns ("jobless claims", "the United States") are
# verbs only when a clause follows.
_AMBIGUOUS_S = {
    "claims",
    "reports",
    "estimates",
    "notes",
    "records",
    "shows",
    "states",
    "forecasts",
    "projects",
    "finds",
    "cites",
    "counts",
    "reads",
    "forecast",
}
_CLAUSE_AFTER = re.compile(r"\s+(?:that|it|there|the|a|an|\d|[A-Z])")
_NOT_REPORTING_AFTER = re.compile(
    r"\s+(?:responsibility|dead|alive|guilty|a\s+way|time|in\s+favou?r|to\s+(?:be|have))\b",
    re.IGNORECASE,
)
_CHUNK_BOUNDARY = re.compile(
    r"[,;:\u201c\u201d\"\u2018\u2019()]|\s[\u2013\u2014-]\s|\b(?:that|while|but|as|whereas|because|when|after|which|and\s+that"
    r"|although|though|if)\b"
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:the|a|an|also|and|but|so|then|meanwhile|however|last|this|recently|earlier|later)\s+"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\s+"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|\d+)\s+"
    r"|(?:its|his|her|their)\s+(?=\w+\s+\w))+",
    re.IGNORECASE,
)
_TRAILING_NOISE = re.compile(
    r"(?:\s+(?:has|have|had|also|recently|now|previously|later|earlier|again|further|widely|"
    r"repeatedly|already|separately|too|itself|himself|herself|only|first|last|then|on\s+\w+day"
    r"|(?:will|would|could|can|may|might|did|does|do)(?:\s+not)?))+$",
    re.IGNORECASE,
)
_FOR_RE = re.compile(
    r"^(?:spokes(?:man|woman|person)|official|representative|source|statement|director|head|"
    r"member)s?\s+(?:for|from|of|at|with)\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
# "the U.S. special envoy for the coalition against the militants" is the envoy.
_ROLE_FOR_THE = re.compile(
    r"^(.*?\b(?:envoy|ambassador|representative|coordinator|commissioner|chief|commander|"
    r"adviser|advisor|negotiator|mediator|rapporteur))\s+(?:for|to|on|against|of)\s+the\s+[a-z].*$",
    re.IGNORECASE,
)
_DOCUMENT_BY = re.compile(
    r"^(?:.*?\b(?:report|survey|study|audit|analysis|poll|tally|data|figures|statement|"
    r"projections|estimates?|count|assessment|review|census|findings)\b)"
    r"(?:\s+(?:released|published|compiled|issued|conducted|carried\s+out|made)"
    r"(?:\s+(?:on|in|last|this)\s+\w+)?)?\s+(?:by|from)\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
_CUT_AFTER = re.compile(
    r"\s+(?:published|released|issued|covering|seen|obtained|compiled|quoted|cited|on\s+\w+day"
    r"|made\s+(?:public|available)"
    r"|in\s+(?:a|an|its|his|her|their)\b|last\s+(?:week|month|year)|this\s+(?:week|month|year)"
    r"|(?-i:who|which)\b|to\s+\w+|via\b|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday))\b.*$",
    re.IGNORECASE,
)
_OFFICE_TITLES = {
    "minister",
    "president",
    "secretary",
    "secretary-general",
    "envoy",
    "ambassador",
    "governor",
    "mayor",
    "senator",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "director-general",
    "commander",
    "general",
    "gen.",
    "brigadier",
    "colonel",
    "col.",
    "lt.",
    "lieutenant",
    "major",
    "maj.",
    "captain",
    "capt.",
    "sergeant",
    "sgt.",
    "admiral",
    "chief",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "emir",
    "sheikh",
    "pope",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof.",
    "professor",
    "judge",
    "leader",
    "head",
    "official",
    "coordinator",
    "representative",
    "adviser",
    "advisor",
    "officer",
    "inspector",
    "prosecutor",
    "attorney",
    "speaker",
    "deputy",
    "commissioner",
    "pm",
    "vice",
    "acting",
}
_ORG_WORDS = {
    "ministry",
    "command",
    "organization",
    "organisation",
    "agency",
    "council",
    "forces",
    "force",
    "office",
    "department",
    "commission",
    "bank",
    "fund",
    "party",
    "army",
    "police",
    "authority",
    "authorities",
    "institute",
    "service",
    "bureau",
    "court",
    "group",
    "nations",
    "press",
    "committee",
    "coalition",
    "government",
    "presidency",
    "administration",
    "union",
    "programme",
    "program",
    "association",
    "board",
    "military",
    "navy",
    "guards",
    "mission",
    "parliament",
    "cabinet",
    "company",
    "corporation",
    "federation",
    "centre",
    "center",
    "observatory",
    "agencies",
    "groups",
    "officials",
    "sources",
    "media",
    "network",
    "ministries",
    "pentagon",
    "opec",
    "imf",
    "who",
    "unicef",
    "unhcr",
    "iom",
    "fao",
    "wfp",
    "isis",
    "hamas",
    "watch",
    "international",
    "cross",
    "crescent",
    "foundation",
    "trust",
    "institution",
    "university",
    "alliance",
    "front",
    "movement",
    "tribunal",
    "secretariat",
}
_DOCUMENT_WORDS = {
    "report",
    "statement",
    "survey",
    "data",
    "figures",
    "results",
    "tally",
    "audit",
    "projections",
    "study",
    "poll",
    "census",
    "assessment",
    "analysis",
    "estimate",
    "estimates",
    "newspaper",
    "document",
    "review",
    "count",
    "findings",
    "bulletin",
    "update",
    "records",
}
_PERSON_NOUNS = {
    "official",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mediator",
    "diplomat",
    "diplomats",
    "envoy",
    "chief",
    "commander",
    "president",
    "leader",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "doctor",
    "doctors",
    "source",
    "analyst",
    "analysts",
    "economist",
    "economists",
    "expert",
    "experts",
    "lawmaker",
    "lawmakers",
    "mayor",
}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "this", "which"}
_AUXILIARIES = re.compile(
    r"\s*(?:(?:has|have|had|also|now|later|earlier|again|since|previously|already|itself)\s*)*"
)
_RELATIVE_BEFORE = re.compile(r",\s*(?:which|who)\b[^,]*$")
# "... and said": a second verb shares the subject of the first.
_COORDINATED = re.compile(r"(?:^|.*\s)(?:and|but)(?:\s+(?:also|then|later))?$", re.IGNORECASE)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'\u2019.-]*|al-[A-Z][\w'\u2019-]*|el-[A-Z][\w'\u2019-]*|bin|ibn|de|van|von|der|da|abu)$"
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named source and what kind of source it is (person, organisation, document)."""

    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """A reporting clause in a sentence.

    ``forward`` anchors introduce content after the verb ("X said that ..."); backward ones
    close the sentence and cover what precedes them ("..., X said."). ``chunk_start`` is where
    the speaker's words begin.
    """

    verb_start: int
    verb_end: int
    chunk_start: int
    speaker: Speaker | None
    pronoun: str | None
    forward: bool


def _tokens(phrase: str) -> list[str]:
    return phrase.split()


def _kind(name: str, from_title: bool) -> str:
    words = [w.lower().strip(".,") for w in name.split()]
    if from_title:
        return "person"
    if words and words[-1] in _DOCUMENT_WORDS:
        return "document"
    if any(w in _ORG_WORDS for w in words):
        return "organisation"
    if words and words[-1] in _PERSON_NOUNS:
        return "person"
    capitalised = all(_NAME_TOKEN.match(w) for w in name.split())
    acronym = any(sum(c.isupper() for c in w) >= 2 for w in name.split())
    if capitalised and 2 <= len(words) <= 4 and not acronym:
        return "person"
    return "organisation"


def clean_speaker(phrase: str) -> Speaker | None:
    """Turn the words before a reporting verb into a speaker name, or None if they are not one.

    Drops determiners, adverbs, titles and role words around a name, and reads a document
    "by X" or a spokesman "for X" as X.
    """
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:'\"\u201c\u201d\u2018\u2019")
    by = _DOCUMENT_BY.match(phrase)
    if by:
        phrase = by.group(1)
    phrase = _CUT_AFTER.sub("", phrase)
    phrase = _TRAILING_NOISE.sub("", phrase)
    phrase = _LEADING_NOISE.sub("", phrase).strip(" ,")
    if not phrase:
        return None
    spokes = _FOR_RE.match(phrase)
    if spokes:
        phrase = _LEADING_NOISE.sub("", spokes.group(1)).strip()
    else:
        phrase = _ROLE_FOR_THE.sub(r"\1", phrase)
    phrase = re.sub(r"['\u2019]s$", "", phrase)
    # "the survey of 1,000 adults" is the survey; the sample size is a figure of its own.
    phrase = re.sub(r"\s+of\s+[\d,.]+\s+\w+$", "", phrase)
    tokens = _tokens(phrase)
    if not tokens or len(tokens) > 9 or tokens[0].lower() in _PRONOUNS:
        return None
    if all(t.lower() in ("the", "a", "an", "its", "their") for t in tokens):
        return None
    if not any(ch.isalpha() for ch in phrase):
        return None
    name, from_title = _strip_title(tokens)
    return Speaker(name=name, kind=_kind(name, from_title))


def _strip_title(tokens: list[str]) -> tuple[str, bool]:
    """A person's name after a title ("Finance Minister Olaf Brenner" -> "Olaf Brenner")."""
    last_title = -1
    for index, token in enumerate(tokens):
        if token.lower().strip(",") in _OFFICE_TITLES:
            last_title = index
    tail = tokens[last_title + 1 :]
    if (
        last_title >= 0
        and tail
        and all(_NAME_TOKEN.match(t) for t in tail)
        and not any(t.lower() in _ORG_WORDS for t in tail)
    ):
        return " ".join(tail), True
    # "the consultancy Wood Mackenzie": a lower-case descriptor followed by a proper name.
    for index in range(len(tokens) - 1, 0, -1):
        if not _NAME_TOKEN.match(tokens[index]):
            break
        if tokens[index - 1].islower() and index >= 1 and tokens[index - 1] not in ("of", "for"):
            tail = tokens[index:]
            head = tokens[index - 1].lower()
            if head in _OFFICE_TITLES or head in {"consultancy", "firm", "agency", "group"}:
                return " ".join(tail), head in _OFFICE_TITLES
            break
    return " ".join(tokens), False


def _subject_chunk(text: str, start: int, verb_start: int) -> tuple[int, str]:
    """The words before a verb back to the nearest clause boundary, skipping appositives.

    "James F. Jeffrey, US Special Envoy ... warned" gives the name, not the title; "The report,
    published on Friday, recorded" gives the report; "the chief, Ann Li, said" gives Ann Li;
    "The ministry, which is run by X, has said" gives the ministry.
    """
    boundaries = [m.end() for m in _CHUNK_BOUNDARY.finditer(text, start, verb_start)]
    boundaries = [b for b in boundaries if not re.match(r",\d", text[b - 1 : b + 1])]
    chunk_start = boundaries[-1] if boundaries else start
    if (
        boundaries
        and text[chunk_start - 1] == ","
        and _AUXILIARIES.fullmatch(text[chunk_start:verb_start])
    ):
        # "X, which is run by Y, has said" / "X, Ann Li, said": the subject is before the
        # relative clause or is the name in apposition.
        relative = _RELATIVE_BEFORE.search(text, start, chunk_start - 1)
        if relative and text[chunk_start:verb_start].strip():
            head_start, head = _subject_chunk(text, start, relative.start())
            return head_start, head
        if len(boundaries) >= 2 and text[boundaries[-2] - 1] == ",":
            previous = text[boundaries[-2] : chunk_start - 1].strip()
            if (
                previous
                and all(_NAME_TOKEN.match(w) for w in previous.split())
                and (2 <= len(previous.split()) <= 5)
            ):
                return boundaries[-2], previous
    # An age in apposition ("The minister, 54, said") sits between the subject and its verb.
    while (
        len(boundaries) >= 2
        and not text[boundaries[-1] : verb_start].strip()
        and re.fullmatch(r"\s*\d{1,3}\s*,", text[boundaries[-2] : boundaries[-1]])
    ):
        verb_start = boundaries[-2] - 1
        boundaries = boundaries[:-2]
    chunk_start = boundaries[-1] if boundaries else start
    chunk = text[chunk_start:verb_start]
    stripped = chunk.strip()
    if len(boundaries) >= 2 and text[chunk_start - 1] == ",":
        previous_start = boundaries[-2] if len(boundaries) >= 2 else start
        previous = text[previous_start : chunk_start - 1].strip()
        is_age = bool(re.fullmatch(r"\d{1,3}", stripped))
        is_participle = is_age or bool(
            re.match(r"^[a-z]+(?:ed|ing)\s+(?:on|in|by|at|for|to|from|with|last|this)\b", stripped)
        )
        is_title = bool(stripped) and any(w.lower() in _OFFICE_TITLES for w in stripped.split()[:4])
        previous_is_name = (
            bool(previous)
            and all(_NAME_TOKEN.match(w) for w in previous.split())
            and 2 <= len(previous.split()) <= 5
        )
        if is_participle or (is_title and previous_is_name):
            return previous_start, previous
    return chunk_start, stripped


def find_anchors(text: str, start: int, end: int) -> list[Anchor]:
    """Reporting clauses in the sentence ``text[start:end]``."""
    anchors: list[Anchor] = []
    for match in _VERB_RE.finditer(text, start, end):
        before = text[max(start, match.start() - 20) : match.start()]
        if _PASSIVE_BEFORE.search(before) or _NOT_REPORTING_AFTER.match(text, match.end()):
            continue
        verb = match.group(0).lower()
        after = text[match.end() : end]
        if verb in _AMBIGUOUS_S and not (
            _CLAUSE_AFTER.match(text, match.end()) or _ends_sentence(after, verb)
        ):
            continue
        if verb in ("added", "adds") and not (
            re.match(r"\s+that\b", after) or _ends_sentence(after, verb)
        ):
            continue  # "the economy added 336,000 jobs"
        if verb in ("read", "reads") and not re.search(r"statement|post|report|letter", before):
            continue
        floor = max([start] + [a.verb_end for a in anchors])
        chunk_start, chunk = _subject_chunk(text, floor, match.start())
        after = text[match.end() : end]
        forward = not _ends_sentence(after, verb)
        pronoun = None
        speaker = None
        if not chunk or re.fullmatch(r"[\s,]*", chunk):
            # Inverted order: '..., said Umm Khaled, a mother of six.'
            name = re.match(r"\s*([^,.;]+)(?=[,.;]|$)", after)
            if name and len(name.group(1).split()) <= 6:
                speaker = clean_speaker(name.group(1))
                forward = False
        elif chunk.lower() in ("we", "i"):
            continue  # first person speaks inside a quote; its closing attribution names them
        elif chunk.lower() in _PRONOUNS:
            pronoun = chunk.lower()
        elif _COORDINATED.fullmatch(chunk):
            named = [a.speaker for a in anchors if a.speaker is not None]
            speaker = named[-1] if named else _sentence_subject(text, start, match.start())
            if speaker is None:
                continue
        elif re.match(r"(?i)(?:with|in|on|at|for|from|by|after|during|of|to|amid)\b", chunk) or (
            _NOT_A_SUBJECT.search(chunk)
        ):
            continue
        else:
            speaker = clean_speaker(chunk)
            if speaker is None:
                continue
            if not re.search(r"[A-Za-z]", chunk) or len(chunk.split()) > 12:
                continue
        anchors.append(Anchor(match.start(), match.end(), chunk_start, speaker, pronoun, forward))
    for match in _ACCORDING_RE.finditer(text, start, end):
        phrase = re.match(r"(?:[^,;.“”\"]|(?<=\b[A-Z])\.)+", text[match.end() : end])
        if phrase:
            speaker = clean_speaker(phrase.group(0))
            if speaker:
                anchors.append(
                    Anchor(match.start(), match.end(), match.start(), speaker, None, forward=False)
                )
    anchors.sort(key=lambda a: a.verb_start)
    return anchors


_LEADING_SUBJECT = re.compile(
    r"\s*(?P<np>(?:[A-Z][\w'\u2019.-]*\s+){0,3}?[\w'\u2019.-]+)\s+(?:has\s+|have\s+|had\s+)?"
    r"[a-z]+ed\b"
)


def _sentence_subject(text: str, start: int, end: int) -> Speaker | None:
    """The subject that opens a sentence ("Iraq's government condemned ... and said")."""
    match = _LEADING_SUBJECT.match(text, start, end)
    if not match or not re.match(r"[A-Z]", match.group("np")):
        return None
    if match.group("np").split()[0].lower() in _PRONOUNS | {"the", "a", "an", "in", "on"}:
        return None
    return clean_speaker(match.group("np"))


def _ends_sentence(after: str, verb: str) -> bool:
    """True when nothing but adverbials follow the verb: "..., police said on Monday."."""
    if verb in ("told", "tells"):
        # Whatever follows "told" up to the clause end is the audience ("France Inter radio").
        audience = re.match(r"[^,.;“”\"]*", after)
        if audience and not re.search(r"\bthat\b", audience.group(0)):
            after = after[audience.end() :]
    rest = re.sub(
        r"^\s*(?:(?:to\s+)?(?:reporters|journalists|AFP|Reuters|the\s+\w+(?:\s+\w+)?|"
        r"[A-Z][\w\u2019']*(?:\s+[A-Z][\w\u2019']*)*|him|her|us|them|lawmakers|parliament)\s*)?",
        "",
        after,
    )
    rest = re.sub(
        r"^(?:\s*(?:on|in|late|early|at|last|this|during|after|before|from|via|over)"
        r"\b[^,.;]*)*",
        "",
        rest,
    )
    return bool(
        re.match(
            r"^\s*(?:[.!?\u201d\"\u2019;]|,\s*(?:[a-z]+ing|according|as|while|but|and|after"
            r"|before|in|with|the|a|an|its|their|which|who)\b|$)",
            rest,
        )
    )


# A speaker starting "that" or "on", or holding a digit, is a piece of the sentence, not a person
# or an organisation (the words are in vocabulary/speakers.toml).
def _not_speaker_words() -> frozenset[str]:
    return frozenset(vocabulary.load("speakers")["not_speaker_words"])


def is_fragment_speaker(name: str | None) -> bool:
    """True when a predicted speaker is no one: it holds a digit or starts with a function word."""
    if not name:
        return False
    words = re.findall(r"[\w']+", name.lower())
    function_words = _not_speaker_words()
    if len(words) > 1 and words[0] in ("a", "an", "the"):
        words = words[1:]  # "a January U.N. report" is a document; its article does not count
    return (
        not words
        or any(ch.isdigit() for ch in name)
        or words[0] in function_words
        or all(w in function_words for w in words)
    )
