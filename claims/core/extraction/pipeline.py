"""The extraction pipeline: sentences -> numbers -> figures -> unit, subject, speaker, as-of."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from claims.core import vocabulary
from claims.core.extraction import dates, measures, parse, places, speakers
from claims.core.extraction.candidate import Candidate, FigureKind
from claims.core.extraction.numbers import NumberAtom, find_numbers
from claims.core.extraction.ranges import NumericSpan, bounds_for, build_spans, find_qualifier
from claims.core.extraction.sentences import Sentence, is_chrome, split_sentences
from claims.core.intervals import Qualifier

_CASUALTY_VERB_BEFORE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|kidnapping|kidnapped|abducting|"
    r"abducted|leaving|left|including)\s+$",
    re.IGNORECASE,
)
_CASUALTY_VERB_NEAR = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|kidnapping|kidnapped|abducting|"
    r"abducted|left)\b",
    re.IGNORECASE,
)
_LIST_CONTINUES = re.compile(r"^[\w\s'\u2019.-]*?(?:,\s*(?:and\s+)?|\s+and\s+)$")
_GENERIC_BEFORE = re.compile(
    r"\b(?:the|these|those|both|all|its|their|our|his|her)\s+$", re.IGNORECASE
)
_ONE_NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:of|another|day|point|time|way|side|hand|more|by|after|or|and\s+all|-\w)\b",
    re.IGNORECASE,
)
_ONE_NOT_A_COUNT_BEFORE = re.compile(
    r"\b(?:no|any|every|the|this|that|which|each|some|someone|only|number|no\.)\s+$",
    re.IGNORECASE,
)
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Square|Lane|"
    r"Drive|Place)\b"
)
_FRACTION_AFTER = re.compile(r"-(?:thirds?|quarters?|halves|fifths?|tenths?)\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:^|[^.!?]\s)([A-Z][A-Za-z]+)\s$")
_NOT_NAME_WORDS = (
    set(dates.MONTHS)
    | set(dates.WEEKDAYS)
    | {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "Of",
        "To",
        "And",
        "Some",
        "About",
        "Over",
        "Nearly",
        "Almost",
        "Around",
        "Only",
        "Just",
        "Another",
        "All",
        "Both",
    }
)
# Words between a figure and a time expression that make the expression date another figure
# ("up from 80 the week before", "taking the count since March to 1,200").
_CONTRAST = re.compile(
    r"\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b|\bbringing\b|\bversus\b|"
    r"\bvs\b|\bafter\b|\bwhile\b|\bbut\b|\bwhereas\b|\bshort\s+of\b|;|"
    r"\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than)\s+(?:about|around|some|nearly|the|a|an"
    r"|its|their)?\s*$",
    re.IGNORECASE,
)
_NO_NOUN_AFTER = re.compile(
    r"(?:\s*[,.;:)”\"]|\s+(?:in|on|at|from|since|to|for|during|a|per|each|last|this|the|by|"
    r"and|or|now|before|after|while|year|earlier|later|ago|over|of\s+(?:it|them|this|that))\b"
    r"|\s*$)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Figure:
    """A figure being assembled inside one sentence."""

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str
    subject: str
    atoms: tuple[NumberAtom, ...] = ()
    unit_given: bool = True
    own_subject: bool = True  # False when no noun follows the figure ("and about 900 in X")
    scope: str = ""
    kind: FigureKind = FigureKind.QUANTITY


@dataclass(slots=True)
class _Context:
    """What earlier sentences of the same article tell later ones."""

    published: dt.date | None
    last_period: dates.Period | None = None
    # The period the previous sentence named, when it was of the same paragraph: it dates a
    # figure whose own sentence names none ("Voters went to the polls on Sunday. Turnout ...").
    previous_period: tuple[int, dates.Period] | None = None
    # The last past period the paragraph named before this sentence, a baseline's or an event's
    # start too ("The insurgency began in 2017. ... since the war began"): where "since then"
    # and "since the war began" count from.
    earlier_start: tuple[int, dates.Period] | None = None
    # Earlier sentences of the article (text, paragraph), the last few: where a pronoun's
    # speaker is looked for.
    recent: list[tuple[str, int]] = field(default_factory=list)
    # The counts of the article (subject, value, paragraph): what a part taken "of them" in a
    # later sentence counts ("42 deaths were recorded ... Nine of them were on Monday").
    counts: list[tuple[str, float, int]] = field(default_factory=list)
    # The subjects of the article's earlier figures (unit, subject, paragraph): what a figure
    # with no noun of its own in a later sentence goes on counting ("it had stood at 54 percent").
    subjects: list[tuple[str, str, int]] = field(default_factory=list)
    # Earlier figures of the article: (start, scope, event word of the subject).
    scopes: list[tuple[int, str, str]] = field(default_factory=list)
    # The speaker of the previous sentence's last figure, and its paragraph: what a bare number
    # opening the next sentence goes on with ("About 450 fell short").
    last_speaker: tuple[speakers.Speaker, int] | None = None


def extract(text: str, *, published: dt.date | None = None) -> list[Candidate]:
    """Every quantitative claim in ``text``, in order of appearance.

    ``published`` resolves relative dates ("last month", "on Thursday"); without it only
    absolute dates written in the text give an as-of period.
    """
    blocked = sorted(
        dates.blocked_spans(text) + [(m.start(), m.end()) for m in _NEVER_FIGURES.finditer(text)]
    )
    blocked_starts = [s for s, _ in blocked]
    context = _Context(published=published)
    candidates: list[Candidate] = []
    unattributed: list[int] = []  # the previous sentence's figures with no speaker
    paragraph = -1
    sentences = [
        (sentence, _sentence_figures(text, sentence, blocked, blocked_starts))
        for sentence in split_sentences(text)
        if not is_chrome(text, sentence)
    ]
    if parse.available():
        # every sentence holding a figure, parsed in batches before they are read in order
        parse.parse_many(text[s.start : s.end] for s, figures in sentences if figures)
    for sentence, figures in sentences:
        if sentence.paragraph != paragraph:
            unattributed = []
        earlier = [i for i in unattributed if candidates[i].speaker is None]
        if earlier and parse.available():
            # "Exports fell 8 percent. The figures, released by X, ...": the next sentence of
            # the paragraph names whose they are
            author = speakers.opening_author(parse.parse(text[sentence.start : sentence.end]))
            for i in earlier if author is not None else ():
                candidates[i] = replace(
                    candidates[i], speaker=author.name, speaker_kind=author.kind
                )
        found = _sentence_candidates(text, sentence, figures, context)
        paragraph = sentence.paragraph
        unattributed = [len(candidates) + i for i, c in enumerate(found) if c.speaker is None]
        candidates.extend(found)
        last = found[-1] if found else None
        context.last_speaker = (
            (speakers.Speaker(last.speaker, last.speaker_kind or ""), sentence.paragraph)
            if last is not None and last.speaker
            else None
        )
    return candidates


def _overlaps_blocked(
    start: int, end: int, blocked: list[tuple[int, int]], starts: list[int]
) -> bool:
    index = bisect.bisect_right(starts, end) - 1
    while index >= 0:
        b_start, b_end = blocked[index]
        if b_end > start and b_start < end:
            return True
        if b_end <= start and index < len(blocked) and b_start < start - 200:
            break
        index -= 1
    return False


def _is_not_a_claim(text: str, span: NumericSpan, sentence: Sentence) -> bool:
    """Years, durations, names with numbers, generic references and pronoun "one"."""
    first = span.atoms[0]
    if any(dates.is_year(text, atom) for atom in span.atoms):
        return True
    if dates.is_duration(text, span.end) or _FRACTION_AFTER.match(text, span.end):
        return True
    before = text[max(sentence.start, span.start - 30) : span.start]
    written = text[first.start : first.end].lower()
    if first.start > 1 and re.match(r"[A-Za-z]-$", text[first.start - 2 : first.start]):
        return True  # "Covid-19", "F-16"
    if not first.is_word and not first.currency and not span.is_range:
        name = _NAME_BEFORE.search(text[max(sentence.start, span.start - 40) : span.start])
        if name and name.group(1) not in _NOT_NAME_WORDS and first.scale == 1:
            after = text[span.end : span.end + 4]
            if not after.startswith(("%", " per", "-")) and not first.has_separator:
                return True  # "France 24", "Resolution 2254"
    if re.match(_ADDRESS_AFTER, text[span.end : span.end + 40]):
        return True  # "10 Downing Street"
    if (
        len(span.atoms) == 1
        and re.match(r"-\d+\b", text[span.end : span.end + 8])
        and not re.match(r"-\d+\s*(?:%|percent|per\s?cent|million|billion)", text[span.end :])
    ):
        return True  # a score or a vote tally, "won 3-1", "passed 219-212"
    if (
        re.search(r"\d-$", text[max(0, span.start - 6) : span.start])
        and not span.is_range
        and not re.match(r"\s*(?:%|percent|per\s?cent)", text[span.end :])
    ):
        return True  # the second half of a score
    if re.search(r"\b(?:mother|father|parent)\s+of\s+$", before):
        return True  # "a mother of six"
    if (
        re.search(r"[A-Za-z],\s$", before)
        and re.match(r",\s", text[span.end : span.end + 2])
        and first.value < 120
        and not first.is_word
        and span.end == first.end
    ):
        return True  # an age in apposition: "The minister, 54, said"
    if first.is_word and first.value in (2, 3, 4) and _GENERIC_BEFORE.search(before):
        return True  # "the two leaders", "the two countries"
    if _rank_before().search(before):
        return True  # "the first three phases", "the top five exporters"
    if written == "one" and (
        _ONE_NOT_A_COUNT_AFTER.match(text, span.end) or _ONE_NOT_A_COUNT_BEFORE.search(before)
    ):
        return True
    # "paragraph 18", "H.R. 1", "BR 277": names, not counts.
    return bool(_identifier_before().search(before) or _CODE_BEFORE.search(before))


# Digits that are never a figure wherever they stand: HTML entities left in a text ("&#039;")
# and telephone numbers ("555-867-5309", "+44 20 7946 0958").
_NEVER_FIGURES = re.compile(
    r"&#?\w{1,8};"
    r"|(?<![\w.,-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])"
    r"\d{3,4}[ .-]\d{4}(?![\w.,-]?\d)"
)
# An upper-case code or an abbreviation with dots right before the digits ("BR 277", "H.R. 1");
# currency codes ("USD 40") are money and stay, and a lone "A" or "I" is a word ("A 14 percent
# rise"), not a code.
_CODE_BEFORE = re.compile(
    r"(?<![\w.])(?:(?![A-Z]{3}\s$)(?![AI]\s$)[A-Z]{1,3}|(?:[A-Z]\.){2,3})\s?$"
)


@functools.cache
def _rank_before() -> re.Pattern[str]:
    words = vocabulary.load("identifiers")["ranks_before"]
    return re.compile(rf"\bthe\s+(?:{'|'.join(map(re.escape, words))})\s+$", re.IGNORECASE)


@functools.cache
def _identifier_before() -> re.Pattern[str]:
    words = vocabulary.load("identifiers")["words_before"]
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s*$", re.IGNORECASE)


def _sentence_figures(
    text: str, sentence: Sentence, blocked: list[tuple[int, int]], blocked_starts: list[int]
) -> list[_Figure]:
    """The figures of one sentence, found from its text alone (no parse, no context)."""
    atoms = [
        atom
        for atom in find_numbers(text, sentence.start, sentence.end)
        if not _overlaps_blocked(atom.start, atom.end, blocked, blocked_starts)
    ]
    spans = build_spans(text, atoms)
    figures: list[_Figure] = _ratios(text, spans)
    taken = {id(atom) for figure in figures for atom in figure.atoms}
    spans = [s for s in spans if not any(id(atom) in taken for atom in s.atoms)]
    # A figure's unit, duration and noun are read inside its sentence: whatever the next one
    # starts with ("month", "percent" after a line break) is none of this figure's.
    for span in spans:
        if span.atoms[0].is_article:
            continue
        timed = measures.time_figure(text, span.start, span.end, sentence.start, sentence.end)
        if timed is not None:
            if timed.kind != "date" and not any(dates.is_year(text, a) for a in span.atoms):
                figures.append(_time_figure(text, span, sentence, timed))
            continue
        if _is_not_a_claim(text, span, sentence):
            continue
        figures.append(_numeric_figure(text, span, sentence))
    figures.extend(_articles_in_lists(text, spans, figures, sentence))
    for multiplier in measures.find_multipliers(text, sentence.start, sentence.end):
        qualifier, _ = find_qualifier(text, multiplier.start)
        subject = measures.subject_before(text, sentence.start, multiplier.start)
        figures.append(
            _Figure(
                multiplier.start,
                multiplier.end,
                multiplier.value,
                multiplier.value,
                qualifier,
                "times",
                subject,
            )
        )
    for vague in measures.find_vague(text, sentence.start, sentence.end):
        unit = measures.unit_of_vague(text, vague.end)
        figure = _Figure(
            vague.start, vague.end, vague.low, None, Qualifier.AT_LEAST,
            unit.unit if unit else "count",
            measures.subject_after(text, unit.end if unit else vague.end, sentence.end),
        )  # fmt: skip
        figure.kind = FigureKind.VAGUE
        figures.append(figure)
    figures.sort(key=lambda f: f.start)
    _inherit_units(text, figures)
    _share_qualifiers(text, figures)
    return figures


def _sentence_candidates(
    text: str, sentence: Sentence, figures: list[_Figure], context: _Context
) -> list[Candidate]:
    """The claims of one sentence's figures, read with its parse and what came before."""
    readings = _readings(text, sentence, figures)
    patterned = [f.subject for f in figures]  # what the patterns read, before the parse
    elliptical = _elliptical_subjects(text, figures)
    for index, (figure, reading) in enumerate(zip(figures, readings, strict=True)):
        # A figure with no noun of its own ("and 265 in August") counts what the one before
        # it counts, as the parse read that one.
        own = reading.subject if reading is not None else ""
        if index in elliptical and _names_own_noun(text, figures, index, reading):
            figure.subject = own  # "..., and new infections fell to N": a noun of its own
        elif index in elliptical and not _other_event(own, figures[index - 1].subject):
            figure.subject = figures[index - 1].subject
        elif index in elliptical:
            # "10,000 were missing and 5,000 had died": the same people, another event
            figure.subject = _with_event(own, figures[index - 1].subject, text, sentence)
        elif reading is not None and reading.subject and figure.kind in _COUNTS_THINGS:
            # a duration or an age keeps the noun after its unit ("siege", "boy")
            figure.subject = reading.subject
    for index, figure in enumerate(figures):
        # "40 miners were killed and 12 injured": the miners, not people at large
        words = figure.subject.split()
        bare = words[:1] == ["people"] or len(words) == 1
        if index and bare and figure.kind in _COUNTS_THINGS and _joined(text, figures, index):
            figure.subject = _with_event(figure.subject, figures[index - 1].subject, text, sentence)
    _parts_of_earlier(text, sentence, figures, elliptical, context)
    elliptical |= _baselines(text, sentence, figures, readings)
    _totals_of_earlier(figures)
    _bare_counts(text, sentence, figures, readings)
    _nounless(text, sentence, figures, readings, patterned, context)
    _conversions(text, sentence, figures)
    _scopes(text, sentence, figures, elliptical, context)
    # The scope rules read more than one clause ("in the country" back to its name); the parse
    # adds the places of the figure's own clause where they found none.
    for index, (figure, reading) in enumerate(zip(figures, readings, strict=True)):
        # "9% in the north and 14% in coastal towns": places in the figure's own phrase
        # beat the scope it would borrow from the figure before
        borrowed = index in elliptical and figure.scope == figures[index - 1].scope
        own = reading is not None and reading.own_places and borrowed
        if reading is not None and reading.places and (not figure.scope or own):
            # the places of a clause the parse names are side by side, not one inside another
            figure.scope = "; ".join(dict.fromkeys(reading.places))
        if not figure.scope:
            figure.scope = _countries_named(text, sentence, figure)
        if reading is not None and reading.actors:
            # who did what the figure counts, and whom it is among, follow the places; a country
            # only their adjective names is theirs ("Russian forces"), not another place
            theirs = {places.nationality(actor) for actor in reading.actors}
            kept = [p for p in figure.scope.split("; ") if p and p not in theirs]
            figure.scope = "; ".join(dict.fromkeys([*kept, *reading.actors]))

    attributions = _attributions(text, sentence, figures)
    # "two Arab diplomats told AFP": a number that only sizes the source is no claim.
    kept = [(f, a) for f, a in zip(figures, attributions, strict=True) if not a.counts_source]
    figures = [f for f, _ in kept]
    attributions = [a for _, a in kept]
    expressions = dates.find_time_expressions(
        text, sentence.start, sentence.end, context.published, context.last_period
    )
    quote = text[sentence.start : sentence.end]
    results = []
    claimant = _says_claimant(quote)  # "Facebook post: Says ...": the claim is its maker's
    for index, figure in enumerate(figures):
        speaker = _resolve_attribution(attributions[index], context, sentence.paragraph)
        if speaker is not None and speakers.is_fragment_speaker(speaker.name):
            speaker = None  # a piece of the sentence is no one: better no speaker than a wrong one
        speaker = claimant or speaker  # whatever the parse read
        period = _period_for(text, index, figures, expressions, context.published)
        if (
            period is not None
            and period.start == context.published == period.end
            and not any(
                e.period is not None and _dates_this_figure(text, e, figure, figures)
                for e in expressions
            )
            and context.previous_period is not None
            and context.previous_period[0] == sentence.paragraph
            and not _RECENTLY.search(quote)
        ):
            period = context.previous_period[1]
        earlier = context.earlier_start
        kind = dates.figure_period(
            text, (figure.start, figure.end), (sentence.start, sentence.end),
            published=context.published, as_of=period, unit=figure.unit,
            earlier=earlier[1] if earlier and earlier[0] == sentence.paragraph else None,
        )  # fmt: skip
        if kind.kind == "cumulative":
            told = [e.period for e in expressions if e.statement and not e.skipped and e.period]
            reported = told[-1] if told else None
            period = dates.cumulative_as_of(
                period, context.published, kind.start, reported, kind.until
            )
        low, high = (
            bounds_for(figure.low, figure.high, figure.qualifier)
            if (figure.low is not None and figure.high is not None)
            else (figure.low, figure.high)
        )
        results.append(
            Candidate(
                quote=quote,
                quote_start=sentence.start,
                figure=text[figure.start : figure.end],
                start=figure.start,
                end=figure.end,
                value_low=low,
                value_high=high,
                qualifier=figure.qualifier.value,
                unit=figure.unit,
                subject=figure.subject,
                speaker=speaker.name if speaker else None,
                speaker_kind=speaker.kind if speaker else None,
                as_of_start=period.start if period else None,
                as_of_end=period.end if period else None,
                as_of_precision=period.precision if period else None,
                scope=figure.scope,
                figure_kind=figure.kind.value,
                period_kind=kind.kind,
                period_start=kind.start,
                period_days=kind.days,
            )
        )
    _remember(context, quote, expressions, sentence.paragraph, results[0] if results else None)
    return results


def _attributions(
    text: str, sentence: Sentence, figures: list[_Figure]
) -> list[speakers.Attribution]:
    """Who the parse attributes each figure to."""
    if not figures or not parse.available():
        return [speakers.Attribution()] * len(figures)
    chunk = text[sentence.start : sentence.end]
    doc = parse.parse(chunk)
    found = []
    for f in figures:
        tokens = parse.tokens_in(doc, f.start - sentence.start, f.end - sentence.start)
        found.append(speakers.attribute(doc, tokens) if tokens else speakers.Attribution())
    return found


def _resolve_attribution(
    attribution: speakers.Attribution, context: _Context, paragraph: int
) -> speakers.Speaker | None:
    """A speaker named, or the one a pronoun stands for: the last fitting speaker named before
    it in the sentence, else in the last few paragraphs."""
    if attribution.continues and context.last_speaker is not None:
        speaker, where = context.last_speaker
        if where == paragraph:
            return speaker
    if attribution.titled is not None:
        # "The minister said": the person named before with that title, if any
        for sentence_text, where in reversed(context.recent):
            if paragraph - where > 3:
                break
            holders = speakers.titled_in(parse.parse(sentence_text), attribution.titled)
            if holders:
                return holders[-1]
    if attribution.describes is not None:
        # "the ministry", "the agency": the organisation of that word named last, if any
        for speaker, where in _speakers_before(attribution, context, paragraph):
            if paragraph - where > 3:
                break
            if speakers.described_by(attribution.describes, speaker):
                return speaker
    if attribution.speaker is not None or attribution.pronoun is None:
        return attribution.speaker
    pronoun = attribution.pronoun
    if pronoun in ("we", "i"):
        return None
    shaped = None  # a name the tagger took for an organisation's that may be a person's
    for speaker, where in _speakers_before(attribution, context, paragraph):
        if paragraph - where > 3:
            break
        if pronoun in ("he", "she") and speaker.kind != "person":
            if shaped is None and speakers.person_shaped(speaker):
                shaped = speakers.Speaker(speaker.name, "person")
            continue
        if pronoun in ("it", "its") and speaker.kind == "person":
            continue
        return speaker
    return shaped


# A fact-check's claim as the checkers write it: who made it, a colon, then "Says ...".
_SAYS_CLAIM = re.compile(r"\s*(?P<who>[^:.!?\"]{2,80}?)\s*:\s+Says\b")


def _says_claimant(sentence_text: str) -> speakers.Speaker | None:
    """ "Facebook post: Says 16% of ...", "Posts on X: Says ...": the claim's maker, the words
    before the colon (a leading word that only praises or spreads it, "viral", goes); None for
    any other sentence."""
    found = _SAYS_CLAIM.match(sentence_text)
    if found is None:
        return None
    words = found.group("who").split()
    while len(words) > 1 and words[0].lower() in _SPREADING_WORDS:
        words = words[1:]
    # "Facebook post shared thousands of times": how far it spread is no part of its name
    counted = [i for i, w in enumerate(words) if re.match(r"\d", w) or w.lower() in _VAGUE_WORDS]
    told = [i for i, w in enumerate(words) if i and w.islower() and w.endswith("ed")]
    if counted and told and told[0] < counted[0]:
        words = words[: told[0]]
    name = " ".join(words)
    return None if speakers.is_fragment_speaker(name) else speakers.Speaker(name, "document")


_SPREADING_WORDS = frozenset(vocabulary.load("speakers")["spreading_words"])
_VAGUE_WORDS = frozenset(w.split()[-1] for w in vocabulary.load("time_figures")["vague"])


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# "X recently warned that ...": a statement of its own recent time, which the date of the
# sentence before does not give.
_RECENTLY = re.compile(
    r"\b(?:" + "|".join(vocabulary.load("periods")["recent_adverbs"]) + r")\b", re.IGNORECASE
)


def _dates_this_figure(
    text: str, expression: dates.TimeExpression, figure: _Figure, figures: list[_Figure]
) -> bool:
    """True when a time expression of the sentence may date ``figure``, or starts a running
    total ("since July"); a baseline's date ("than in 2020") and the date written right after
    another figure ("from 49 percent a year earlier") date neither, so the date of the sentence
    before still holds for ``figure``."""
    if expression.skipped:
        return bool(_SINCE_BEFORE.search(text[max(0, expression.start - 40) : expression.start]))
    return not any(
        other is not figure and 0 <= expression.start - other.end <= _DATE_AFTER_FIGURE
        for other in figures
    )


# How far after a figure a date phrase is that figure's own ("49 percent a year earlier").
_DATE_AFTER_FIGURE = 4


def _speakers_before(
    attribution: speakers.Attribution, context: _Context, paragraph: int
) -> Iterator[tuple[speakers.Speaker, int]]:
    """Who a pronoun can stand for, nearest first: the names its sentence gave before it, then
    those of the earlier sentences (parsed only now, when a pronoun asks for them)."""
    for speaker in reversed(attribution.before):
        yield speaker, paragraph
    for sentence_text, where in reversed(context.recent):
        for speaker in reversed(speakers.named_in(parse.parse(sentence_text))):
            yield speaker, where


def _readings(text: str, sentence: Sentence, figures: list[_Figure]) -> list[parse.Reading | None]:
    """The parse's reading of each figure; only sentences holding a figure are parsed."""
    if not figures or not parse.available():
        return [None] * len(figures)
    chunk = text[sentence.start : sentence.end]
    return [
        parse.read_figure(
            chunk,
            f.start - sentence.start,
            f.end - sentence.start,
            count=f.unit == "count",
            unit=f.unit,
        )
        for f in figures
    ]


_RATIO_GAP = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?")


def _ratios(text: str, spans: list[NumericSpan]) -> list[_Figure]:
    """ "one in five children" is a share (20 percent), not a count of five."""
    found = []
    for first, second in itertools.pairwise(spans):
        if first.is_range or second.is_range:
            continue
        if not _RATIO_GAP.fullmatch(text[first.end : second.start]):
            continue
        if not 0 < first.low < second.low or first.atoms[0].currency:
            continue
        if any(dates.is_year(text, atom) for atom in second.atoms):
            continue  # "31 in 2020" dates 31; it is no share of 2,020
        qualifier, _ = find_qualifier(text, first.start)
        share = 100.0 * first.low / second.low
        subject = measures.subject_after(text, second.end, len(text))
        found.append(
            _Figure(
                first.start,
                second.end,
                share,
                share,
                qualifier,
                "percent",
                subject,
                first.atoms + second.atoms,
            )
        )
    return found


# Kinds whose subject the parse reads; a duration or an age keeps the noun after its unit.
_COUNTS_THINGS = (FigureKind.QUANTITY, FigureKind.VAGUE)


def _time_figure(
    text: str, span: NumericSpan, sentence: Sentence, timed: measures.TimeFigure
) -> _Figure:
    """A duration or an age: typed, in its time unit, counting the noun after it if any."""
    qualifier, _ = find_qualifier(text, span.start)
    if qualifier is Qualifier.MORE_THAN and re.search(r"\bover\s+$", text[: span.start]):
        qualifier = Qualifier.EXACT  # "over three years" spans them; it does not exceed them
    subject = measures.subject_after(text, timed.subject_from, sentence.end)
    figure = _Figure(
        span.start, timed.end, span.low, span.high, qualifier, timed.unit, subject, span.atoms
    )
    figure.kind = FigureKind(timed.kind)
    return figure


def _numeric_figure(text: str, span: NumericSpan, sentence: Sentence) -> _Figure:
    """Unit, hedge and subject of one numeric span."""
    last = span.atoms[-1]
    qualifier, _ = find_qualifier(text, span.start)
    times_end = measures.times_after(text, last, sentence.end)
    end = span.end
    unit_given = True
    scale = 1.0  # a unit that holds a scale: "1.8 mb/d", "117 bcm"
    if times_end is not None:
        unit, end, subject_from = "times", times_end, times_end
    else:
        found = measures.unit_after(
            text, span.atoms[0] if span.atoms[0].currency else last, span.end, sentence.end
        )
        if found is None:
            unit, subject_from, unit_given = "count", span.end, False
        else:
            unit, scale = found.unit, found.scale
            subject_from = found.end
            if found.in_figure:
                end = found.end
    subject = measures.subject_after(text, subject_from, sentence.end)
    if not subject and unit != "count" and unit == (span.atoms[0].currency or ""):
        # "$100 million in humanitarian aid": money is counted in what follows "in".
        money_for = re.match(r"\s+in\s+(?=[a-z])", text[end : min(end + 8, sentence.end)])
        if money_for:
            subject = measures.subject_after(text, end + money_for.end() - 1, sentence.end)
    own_subject = bool(subject)
    hyphen = text[span.end : min(span.end + 1, sentence.end)] == "-"
    if end == span.end and unit not in ("count", "times") and hyphen:
        # "the 40-kilometer security gap": the unit is an adjective and part of the subject.
        subject = measures.subject_after(text, span.end + 1, sentence.end)
    if not subject:
        subject = measures.subject_of_clause(text, sentence.start, span.start)
    casualty = measures.casualty_verb_before(text, span.start)
    has_participle = bool(measures.PARTICIPLES.search(subject))
    if casualty and unit == "count" and not has_participle:
        before = text[max(sentence.start, span.start - 60) : span.start]
        if re.search(r"\b(?:killing|wounding|injuring|killed|wounded|injured)\b[^.;]*$", before):
            subject = f"{subject} {casualty}".strip()
    return _Figure(
        span.start,
        end,
        span.low * scale,
        span.high * scale,
        qualifier,
        unit,
        subject,
        span.atoms,
        unit_given,
        own_subject,
    )


def _articles_in_lists(
    text: str, spans: list[NumericSpan], figures: list[_Figure], sentence: Sentence
) -> list[_Figure]:
    """ "wounding a guard, two drivers and an engineer": "a" counts as 1, but only inside a
    casualty list that also holds real numbers."""
    if not figures:
        return []
    accepted: list[_Figure] = []
    item_ends = sorted([f.end for f in figures])
    for span in spans:
        atom = span.atoms[0]
        if not atom.is_article:
            continue
        before = text[max(sentence.start, atom.start - 40) : atom.start]
        if _ARTICLE_OF_A_NUMBER.match(text, atom.end, sentence.end):
            continue  # "a 17-year-old", "a two-day visit", "an estimated 619,000"
        if _after_a_statement().search(text, sentence.start, atom.start):
            continue  # "..., a spokesman said, an account the army denied": about the statement
        noun = _ARTICLE_NOUN.match(text, atom.end, sentence.end)
        named = [w.lower() for w in (noun.group(1), noun.group(3)) if w] if noun else []
        measured = bool(noun) and bool(noun.group(2) or noun.group(4))
        if set(named) & _TOTAL_NOUNS or measured:
            # "left a toll of 40 dead", "left a crater 12 metres deep": a total or a thing
            # measured by the number after it, not one of a list's counted
            continue
        verb = _CASUALTY_VERB_BEFORE.search(before)
        in_list = bool(verb) and (
            not verb.group(0).lower().startswith("including")
            or bool(
                _CASUALTY_VERB_NEAR.search(text[max(sentence.start, atom.start - 120) : atom.start])
            )
        )
        if not in_list:
            previous_end = max(
                [e for e in item_ends if e <= atom.start] + [f.end for f in accepted], default=None
            )
            if previous_end is not None and atom.start - previous_end < 60:
                in_list = bool(_LIST_CONTINUES.match(text[previous_end : atom.start])) and bool(
                    _CASUALTY_VERB_NEAR.search(before + text[max(0, atom.start - 100) : atom.start])
                )
        if not in_list:
            continue
        subject = measures.subject_after(text, atom.end, sentence.end)
        casualty = measures.casualty_verb_before(text, atom.start)
        if casualty and casualty not in subject.split():
            subject = f"{subject} {casualty}".strip()
        figure = _Figure(atom.start, atom.end, 1.0, 1.0, Qualifier.EXACT, "count", subject, (atom,))
        accepted.append(figure)
        item_ends.append(figure.end)
    return accepted


# The noun after an article, and a number right after that noun ("a crater 12 metres deep").
_ARTICLE_NOUN = re.compile(r"\s+([a-z]+)(\s+\d)?(?:\s+([a-z]+)(\s+\d)?)?", re.IGNORECASE)
_TOTAL_NOUNS = frozenset(vocabulary.load("periods")["cumulative"]["totals"])
# An article before a number, or before a hedge and a number, belongs to that number.
_ARTICLE_OF_A_NUMBER = re.compile(
    r"\s+(?:(?:"
    + "|".join(map(re.escape, vocabulary.load("measures")["hedge_words"]))
    + r")\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE,
)


@functools.cache
def _after_a_statement() -> re.Pattern[str]:
    """A reporting verb and a comma right before an article ("said, an account ...")."""
    verbs = vocabulary.load("reporting_verbs")["verbs"]
    return re.compile(
        r"\b(?:" + "|".join(map(re.escape, sorted(verbs, key=len, reverse=True))) + r"),\s*$",
        re.IGNORECASE,
    )


def _inherit_units(text: str, figures: list[_Figure]) -> None:
    """ "4 million tonnes this season, against 3.2 million last season": the second figure has
    no noun of its own and takes the unit of the figure it is compared with."""
    for index, figure in enumerate(figures):
        if figure.unit_given or index == 0 or figure.unit != "count":
            continue
        # a duration or an age between them is no unit to inherit: "rose 12 percent in six
        # months, and 3 in the year before" is 3 percent
        quantities = [f for f in figures[:index] if f.kind is FigureKind.QUANTITY]
        if not quantities:
            continue
        previous = quantities[-1]
        if previous.unit in ("count", "times"):
            continue
        if _NO_NOUN_AFTER.match(text, figure.end):
            figure.unit = previous.unit
            if not figure.subject or figure.subject == previous.subject:
                figure.subject = previous.subject


# Between two figures of one comparison or list: "... and about", ", down from more than".
_ELLIPSIS_GAP = re.compile(
    r"[^;:.!?\d]{0,80}?(?:\band|\bor|\bfrom|\bversus|\bvs\.?|\bagainst|\bcompared\s+(?:with|to)"
    r"|\bto|\bout\s+of|,)\s*"
    r"(?:(?:about|around|roughly|some|nearly|almost|more|fewer|less|than|at|least|"
    r"most|up|just|over|under|an|estimated|only)\s+)*$",
    re.IGNORECASE,
)


def _elliptical_subjects(text: str, figures: list[_Figure]) -> set[int]:
    """ "15,500 fighters in X and about 14,000 in Y", "2.9 million Syrians, down from 3.7
    million": a figure with no noun of its own counts what the figure before it counts.
    Returns the indexes of the figures that took their subject from the one before."""
    elliptical: set[int] = set()
    for index in range(1, len(figures)):
        figure, previous = figures[index], figures[index - 1]
        if figure.own_subject or not previous.subject or figure.unit != previous.unit:
            continue
        gap = text[previous.end : figure.start]
        if _REPORTING_IN_GAP.search(gap) or not _ELLIPSIS_GAP.fullmatch(gap):
            continue
        figure.subject = previous.subject
        elliptical.add(index)
    return elliptical


_FRONTED_PLACE = re.compile(rf"\s*(?:In|Inside|Across)\s+(?P<names>{places.NAMES}),")
_EVENT_IN_SUBJECT = re.compile(
    r"\b(killed|dead|died|deaths?|wounded|injured|missing|kidnapped|abducted|detained|arrested"
    r"|displaced)\b",
    re.IGNORECASE,
)
_SAME_EVENT = {"dead": "killed", "died": "killed", "death": "killed", "deaths": "killed"}


def _bare_counts(
    text: str, sentence: Sentence, figures: list[_Figure], readings: list[parse.Reading | None]
) -> None:
    """ "400,000 refugees since May, its agency said, while Uganda has received 150,000": a bare
    count the parse reads no noun for, after a count of a noun in its sentence, counts that
    noun (even past a reporting clause, where the figures are not read as elliptical)."""
    for index, (figure, reading) in enumerate(zip(figures, readings, strict=True)):
        bare = figure.unit == "count" and not figure.own_subject and figure.kind in _COUNTS_THINGS
        if not bare or reading is None or reading.subject:
            continue
        own = (figure.start - sentence.start, figure.end - sentence.start)
        if not parse.is_argument(text[sentence.start : sentence.end], *own):
            continue  # "a camp built for 2,750": what "for" brings in is no count of the noun
        earlier = [
            r.head
            for f, r in zip(figures[:index], readings[:index], strict=True)
            if f.unit == "count" and r is not None and r.head and f.own_subject
        ]
        if earlier:
            # the event the patterns read after the figure stays ("refugees received")
            event = figure.subject if re.fullmatch(r"[a-z]+ed", figure.subject) else ""
            figure.subject = f"{earlier[-1]} {event}".strip()


_PARTITIVES = vocabulary.load("subjects")
_PARTITIVE_PRONOUNS = "|".join(_PARTITIVES["partitive_pronouns"])
_PARTITIVE_PREPOSITIONS = "|".join(_PARTITIVES["partitive_prepositions"])
# "nine of them" (after the figure), "of those, 40" (before it); compiled once, not per figure.
_PARTITIVE_AFTER = re.compile(rf"\s+(?:{_PARTITIVE_PREPOSITIONS})\s+({_PARTITIVE_PRONOUNS})\b,?\s*")
_PARTITIVE_BEFORE = re.compile(
    rf"\b(?:{_PARTITIVE_PREPOSITIONS})\s+({_PARTITIVE_PRONOUNS}),?\s+(?:[a-z]+\s+){{0,3}}$",
    re.IGNORECASE,
)


def _partitive_pronoun(text: str, sentence: Sentence, figure: _Figure) -> bool:
    """ "nine of them", "of those, 40", "among them 300": the figure is a part taken of a
    pronoun, with no noun of its own (not "15 of them children", "of those, 40 children"; a
    pronoun followed by its own noun, "of those patients", is no pronoun)."""
    after = _PARTITIVE_AFTER.match(text[figure.end : sentence.end])
    before = _PARTITIVE_BEFORE.search(text[sentence.start : figure.start])
    if after is None and before is None:
        return False
    if not parse.available():
        return True
    if after is not None:
        pronoun, following = figure.end + after.start(1), figure.end + after.end()
    else:
        assert before is not None
        pronoun, following = sentence.start + before.start(1), figure.end
    doc = parse.parse(text[sentence.start : sentence.end])
    at = {t.idx + sentence.start: t for t in doc}
    token = at.get(pronoun)
    if token is not None and token.pos_ != "PRON" and token.lower_ != "them":
        return False
    while following < sentence.end and text[following].isspace():
        following += 1
    nxt = at.get(following)
    if nxt is None:
        return True
    if nxt.lemma_ == "be":
        # "nine of them were children": the noun it is said to be is its own
        clause = nxt if nxt.dep_ != "aux" else nxt.head
        return not any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in clause.children)
    return nxt.pos_ not in ("NOUN", "PROPN")


def _parts_of_earlier(
    text: str, sentence: Sentence, figures: list[_Figure], elliptical: set[int], context: _Context
) -> None:
    """ "42 deaths were recorded. Nine of them died on Monday": a count taken "of" (or "among")
    a pronoun counts what the last count of the paragraph at least as large counts (a part is
    no larger than its whole), unless the sentence names a noun of its own for it ("nine of
    them children"); the figures listed after it with no noun of their own go on with it."""
    parts: set[int] = set()
    wholes = [(s, v) for s, v, p in context.counts if p == sentence.paragraph]
    for index, figure in enumerate(figures):
        if figure.unit != "count" or figure.kind not in _COUNTS_THINGS:
            continue
        if index in elliptical and index - 1 in parts:
            figure.subject = figures[index - 1].subject
            parts.add(index)
            continue
        value = figure.low if figure.low is not None else 0.0
        whole = next((s for s, v in reversed(wholes) if v >= value), None)
        # a subject that already names the whole's noun is the pronoun's, resolved in the
        # parse ("four of them were killed" after "9 soldiers": "soldiers killed")
        named = whole.lower().split() if whole else []
        # (the whole's last word may be its verb, "counted", that any subject can share)
        resolved = set(named[:-1] or named) & set(figure.subject.lower().split())
        if whole and not resolved and _partitive_pronoun(text, sentence, figure):
            figure.subject = whole
            parts.add(index)
            continue
        if figure.subject:
            wholes.append((figure.subject, value))
    for figure in figures:
        if figure.unit == "count" and figure.kind in _COUNTS_THINGS and figure.subject:
            low = figure.low if figure.low is not None else 0.0
            context.counts.append((figure.subject, low, sentence.paragraph))
    del context.counts[: -_RECENT_SENTENCES * 4]


def _nounless(
    text: str,
    sentence: Sentence,
    figures: list[_Figure],
    readings: list[parse.Reading | None],
    patterned: list[str],
    context: _Context,
) -> None:
    """A figure the parse reads no noun for, and that no step above gave one, measures the
    thing its verb's subject names ("core inflation held at 3%"); failing that, what the
    last figure of its unit in the paragraph counts ("160 seats, short of the 176 needed";
    "it had stood at 20 percent" after a rate); failing that, the words the patterns read
    after it only when they name a thing (not "stood", "overseas", "two years ago")."""
    chunk = text[sentence.start : sentence.end]
    earlier = [(u, s) for u, s, p in context.subjects if p == sentence.paragraph]
    spans = [(f.start - sentence.start, f.end - sentence.start) for f in figures]
    # "How many bridges were hit? At least 30, the army says.": the question's noun
    previous = context.recent[-1] if context.recent else None
    asked = parse.asked_thing(previous[0]) if previous and previous[1] == sentence.paragraph else ""
    for index, (figure, reading) in enumerate(zip(figures, readings, strict=True)):
        # (a step above gave it its noun when its subject is no longer the patterns')
        nounless = reading is not None and not reading.subject
        if nounless and figure.kind in _COUNTS_THINGS and figure.subject == patterned[index]:
            own = (figure.start - sentence.start, figure.end - sentence.start)
            found = parse.verb_subject(chunk, *own)
            same = [s for u, s in earlier if u == figure.unit]
            labelled = parse.labelled_thing(chunk, own[0])
            if labelled:
                figure.subject = labelled  # "Deaths last week: 90"
            elif asked and not any(f.subject for f in figures[:index]):
                figure.subject = asked  # the answer, the first figure of its sentence
            elif found is not None and found[0]:
                figure.subject = found[0]
            elif found is not None and same:
                figure.subject = same[-1]  # a pronoun: what the paragraph last measured
            elif not parse.names_a_thing(
                chunk, figure.subject, own[1], spans, verbs=not parse.is_subject(chunk, *own)
            ):
                figure.subject = same[-1] if same else ""
        if figure.subject and figure.kind is FigureKind.QUANTITY:
            earlier.append((figure.unit, figure.subject))
    for figure in figures:
        if figure.subject and figure.kind is FigureKind.QUANTITY:
            context.subjects.append((figure.unit, figure.subject, sentence.paragraph))
    del context.subjects[: -_RECENT_SENTENCES * 4]


# "80 billion shillings ($620 million)", "12,500 crore rupees, or about $1.5 billion": the
# same amount in another currency, in brackets or after "or".
_CONVERSION_GAP = re.compile(
    r"\s*\(\s*(?:(?:about|around|roughly|some|nearly|approximately|almost|or)\s+)?"
    r"|,?\s+or\s+(?:(?:about|around|roughly|some|nearly|approximately|almost)\s+)?",
    re.IGNORECASE,
)


def _conversions(text: str, sentence: Sentence, figures: list[_Figure]) -> None:
    """A sum given again in another currency right after it ("98 trillion yen (about $650
    billion)") is the same amount: it counts what the first counts, and a first with no noun of
    its own takes the one the parse read for the second."""
    for first, second in itertools.pairwise(figures):
        money = {first.unit, second.unit} <= _money_units()
        if not money or first.unit == second.unit:
            continue
        if not _CONVERSION_GAP.fullmatch(text[first.end : second.start]):
            continue
        # "a 98 trillion yen (about $650 billion) budget": the noun after the brackets
        after = _AFTER_BRACKETS.match(text, second.end)
        if after and parse.available():
            chunk = text[sentence.start : sentence.end]
            at = after.start(1) - sentence.start
            if parse.names_a_thing(chunk, after.group(1), at):
                first.subject = second.subject = after.group(1)
                continue
        if first.subject:
            second.subject = first.subject
        elif second.subject:
            first.subject = second.subject


_AFTER_BRACKETS = re.compile(r"\s*\)\s+([a-z][a-z-]+)")


@functools.cache
def _money_units() -> frozenset[str]:
    """Every currency's code (the units a sum of money is in)."""
    from claims.core.units import currencies

    return frozenset(currencies())


def _totals_of_earlier(figures: list[_Figure]) -> None:
    """ "300 new cases this week took the tally to 5,100": a bare total, number or tally counts
    what the figure before it of its unit counts ("tally new cases")."""
    for index, figure in enumerate(figures):
        if figure.subject.lower() not in parse.container_words():
            continue
        earlier = [f for f in figures[:index] if f.unit == figure.unit and f.subject]
        if earlier:
            figure.subject = f"{figure.subject} {earlier[-1].subject}"


def _baselines(
    text: str,
    sentence: Sentence,
    figures: list[_Figure],
    readings: list[parse.Reading | None],
) -> set[int]:
    """ "1.26 million refugees, the agency said, up from 900,000", "6 million barrels a day,
    compared with 7.4 million": a baseline counts what the figure before it of its unit counts,
    even across a reporting clause, unless its own phrase names what it counts ("against 27.5
    percent for Y"). Returns the indexes of the baselines that took its noun."""
    if not parse.available():
        return set()
    chunk = text[sentence.start : sentence.end]
    taken: set[int] = set()
    for index, figure in enumerate(figures):
        earlier = [f for f in figures[:index] if f.unit == figure.unit and f.subject]
        if not earlier or figure.kind is not FigureKind.QUANTITY:
            continue
        reading = readings[index]
        if reading is not None and reading.own_noun and reading.subject:
            continue
        if parse.is_baseline(chunk, figure.start - sentence.start, figure.end - sentence.start):
            figure.subject = earlier[-1].subject
            taken.add(index)
    return taken


def _names_own_noun(
    text: str, figures: list[_Figure], index: int, reading: parse.Reading | None
) -> bool:
    """True when the parse read the figure's noun between it and the figure before it ("1,060
    deaths, and new infections fell to 21,237"): the figure is not elliptical to that one."""
    if reading is None or not reading.head or not reading.subject:
        return False
    if reading.own_noun:
        return True
    gap = text[figures[index - 1].end : figures[index].start]
    return re.search(rf"\b{re.escape(reading.head)}\b", gap) is not None


def _other_event(own: str, previous: str) -> bool:
    """True when the parse read an event for a figure other than the one the figure before it
    counts ("5,000 had died" after "10,000 people were missing")."""
    mine = _event_of(own)
    return bool(mine) and mine != _event_of(previous)


def _joined(text: str, figures: list[_Figure], index: int) -> bool:
    """True when a count is joined to the count before it as one list or comparison."""
    previous, figure = figures[index - 1], figures[index]
    if previous.unit != "count" or figure.unit != "count" or not previous.subject:
        return False
    gap = text[previous.end : figure.start]
    return not _REPORTING_IN_GAP.search(gap) and bool(_ELLIPSIS_GAP.fullmatch(gap))


def _with_event(own: str, previous: str, text: str, sentence: Sentence) -> str:
    """ "63 civilians were killed and 292 wounded": a figure with no noun of its own and an
    event of its own counts the noun of the figure before it, suffering its own event (a noun
    the parse put in its subject that the sentence never names, "people", is none)."""
    named = set(re.findall(r"[\w-]+", text[sentence.start : sentence.end].lower()))
    words = own.split()
    events = [w for w in words if _EVENT_IN_SUBJECT.fullmatch(w)]
    if not events and len(words) == 1 and re.fullmatch(r"[a-z]+ed", own):
        events = words  # "1,867 machines broke down, out of 106,000 deployed"
    if not events or any(w.lower() in named for w in words if w not in events):
        return own
    before = previous.split()
    first = next((i for i, w in enumerate(before) if _EVENT_IN_SUBJECT.fullmatch(w)), None)
    noun = before[:first] if first is not None else before
    return " ".join([*noun, *events]) if noun else own


def _event_of(subject: str) -> str:
    match = _EVENT_IN_SUBJECT.search(subject)
    if not match:
        return ""
    word = match.group(1).lower()
    return _SAME_EVENT.get(word, word)


def _scopes(
    text: str,
    sentence: Sentence,
    figures: list[_Figure],
    elliptical: set[int],
    context: _Context,
) -> None:
    """Where each figure holds: the places of its own clause ("in Iraq and Syria"), the place
    that hosts it ("Turkey hosts N"), the scope of the figure it is elliptical to, a fronted
    "In X," and, for a count of an event ("471 people died") with none of these, the scope of
    the last count of the same event in the article."""
    fronted = _FRONTED_PLACE.match(text, sentence.start)
    for index, figure in enumerate(figures):
        limit = figures[index + 1].start if index + 1 < len(figures) else sentence.end
        nationality = places.nationality(figure.subject)
        parts = [
            _resolve_place(text, found, nationality, context)
            for found in places.locatives(text, figure.end, limit)
        ]
        scope = places.join(parts)
        if not scope:
            scope = places.host_before(text, sentence.start, figure.start)
        if not scope and index in elliptical:
            scope = figures[index - 1].scope
        if not scope and fronted:
            scope = places.clean_names(fronted.group("names")) or ""
        event = _event_of(figure.subject)
        if not scope and event:
            scope = next(
                (
                    earlier_scope
                    for _, earlier_scope, earlier_event in reversed(context.scopes)
                    if earlier_event == event and earlier_scope
                ),
                "",
            )
        figure.scope = scope
        context.scopes.append((figure.start, scope, event))


def _countries_named(text: str, sentence: Sentence, figure: _Figure) -> str:
    """The countries and places a sentence names anywhere ("Kenya's treasury said", "Honduran
    police seized", "the statistics office in Lima said") but in a clause about another event
    ("after a missile hit a port in X"): where a figure holds when no clause of its own names a
    place."""
    named = places.countries_named(text, sentence.start, sentence.end)
    if parse.available():
        chunk = text[sentence.start : sentence.end]
        own = (figure.start - sentence.start, figure.end - sentence.start)
        for first, last in parse.other_event_spans(chunk, *own):
            inside = places.countries_named(chunk, first, last)
            named = [n for n in named if n not in inside]
        named += parse.sentence_places(chunk, *own)
    # one place once: "Chad" is not said again beside "eastern Chad"
    kept = [n for n in dict.fromkeys(named) if not any(n != o and n in o for o in named)]
    return "; ".join(kept)


def _resolve_place(
    text: str, found: places.Locative, nationality: str | None, context: _Context
) -> str:
    """The place a locative names; anaphors ("the country", "there", "the two countries",
    "the hospital") take the nearest fitting place named before them."""
    if not found.anaphor:
        return found.place
    if found.anaphor.startswith("site:"):
        noun = found.anaphor[5:]
        named = [scope for _, scope, _ in context.scopes if noun in scope.lower()]
        return named[-1] if named else noun
    if found.anaphor not in ("country", "countries", "there"):
        return ""
    before = places.mentions(text, max(0, found.start - 2500), found.start)
    before += [places.Mention(start, start, scope) for start, scope, _ in context.scopes if scope]
    before.sort(key=lambda m: m.start)
    for mention in reversed(before):
        pair = " and " in mention.place
        if found.anaphor == "countries" and not pair:
            continue
        if found.anaphor == "country" and (pair or mention.place not in places.COUNTRIES):
            continue
        if mention.place == nationality:
            continue
        return mention.place
    return ""


def _share_qualifiers(text: str, figures: list[_Figure]) -> None:
    """ "at least 9 police officers and 20 bystanders": one hedge covers both counts."""
    for previous, figure in itertools.pairwise(figures):
        if figure.qualifier is not Qualifier.EXACT or previous.qualifier is Qualifier.EXACT:
            continue
        gap = text[previous.end : figure.start]
        if (
            previous.unit == figure.unit
            and re.fullmatch(r"[\w\s.'\u2019-]{0,40}\band\s+", gap)
            and not re.search(r"\b\w+(?:ed|ing)\b", gap)
        ):
            figure.qualifier = previous.qualifier


def _period_for(
    text: str,
    index: int,
    figures: list[_Figure],
    expressions: list[dates.TimeExpression],
    published: dt.date | None,
) -> dates.Period | None:
    figure = figures[index]
    baseline = dates.baseline_period(text, (figure.start, figure.end), expressions, published)
    if baseline is not None:
        return baseline
    usable = [e for e in expressions if not e.skipped and e.period is not None]
    after = [e for e in usable if e.start >= figure.end]
    if after and _RELATIVE_CLAUSE.search(text[figure.end : after[0].start]):
        after = []  # "... a regime that Ankara introduced in 2014" dates the regime
    if after and ";" in text[figure.end : after[0].start]:
        after = []  # "...; today it handles half that": the next clause's date is its own
    if after and _BASELINE_BETWEEN.search(text[figure.end : after[0].start]):
        after = []  # "..., up from 30 a week earlier": the later date is the baseline's
    if after and figure.unit in dates.MULTIPLIER_UNITS:
        after = []  # "three times the number in January": the later date is the baseline's
    before = [e for e in usable if e.end <= figure.start]
    earlier = _earlier_period(text, figure, figures, before)
    if after:
        first = after[0]
        between_figures = [
            f
            for f in figures
            if figure.end <= f.start < first.start and not _PART_AFTER.match(text, f.end)
        ]
        if first.statement and earlier is not None and not earlier[1]:
            # "struck on Tuesday, killing 12 ..., the minister said on Wednesday": the day of
            # the event the figure counts, not the day it was told
            return earlier[0]
        if not between_figures:
            return first.period
        # A later expression covers this figure too only when the figures are coordinated
        # ("killed 63 people and wounded 182 ... late on Saturday").
        if _coordinated(text[figure.end : between_figures[0].start]):
            return first.period
    if earlier is not None:
        return earlier[0]
    if published is None or _BEFORE_AN_EVENT.match(text, figure.end):
        # "1.5 million before the war": dated by an event the text does not date, so the
        # publication day would be wrong; no as-of is better, an editor sets it.
        return None
    told = [
        e
        for e in usable
        if e.statement and e.period.precision == "day" and e.period.end <= published
    ]
    if told:
        # "..., the agency said on Sunday": the figure is as the statement's day has it
        return told[-1].period
    return dates.Period(published, published, "day")


# "Nine people, four of them children, died on Sunday": a part set off after a figure shares
# the date its whole is given later.
_PART_AFTER = re.compile(r"\s+of\s+(?:them|those|whom|which)\b", re.IGNORECASE)


def _earlier_period(
    text: str,
    figure: _Figure,
    figures: list[_Figure],
    before: list[dates.TimeExpression],
) -> tuple[dates.Period, bool] | None:
    """The period of the last time expression before the figure that covers it too, and
    whether it is a statement's day; None when none does. A statement's day ("the navy said on
    Friday it had sunk two boats, and seized a third") covers every figure told after it."""
    if not before:
        return None
    last = before[-1]
    if _CONTRAST.search(text[last.end : figure.start]):
        return None
    between_figures = [f for f in figures if last.end <= f.start and f.end <= figure.start]
    if (
        not between_figures
        or last.statement
        or _coordinated(text[between_figures[-1].end : figure.start], True)
    ):
        return last.period, last.statement
    return None


# "up from", "compared with", "against": what follows is a baseline, dated on its own.
_BASELINE_BETWEEN = re.compile(
    r"\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b|\bversus\b"
    r"|\bagainst\s+(?:about\s+|some\s+|nearly\s+|around\s+)?\d",
    re.IGNORECASE,
)


# "... before the war", "... before the fighting began": a figure of a time before an event.
_BEFORE_AN_EVENT = re.compile(
    r"[^,.;:]{0,40}?\b(?:before|prior\s+to)\s+(?:the|its|their|this|that)\s+[a-z]+",
    re.IGNORECASE,
)


# A relative clause with its own subject and verb: a date inside it dates that clause's event.
_RELATIVE_CLAUSE = re.compile(
    r"\b(?:that|which|whom)\s+(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*|it|they|he|she|we"
    r"|the\s+\w+(?:\s+\w+)?)\s+(?:has\s+|had\s+|have\s+|first\s+|originally\s+)?[a-z]+ed\b"
)


def _coordinated(gap: str, loose: bool = False) -> bool:
    """True when two figures share one event: "63 people and wounded 182", "Six people,
    including three children". ``loose`` also accepts an appositive ("..., an increase of")."""
    if _CONTRAST.search(gap) or _REPORTING_IN_GAP.search(gap):
        return False
    if not re.search(r"[,;]", gap):
        return True
    if re.search(r",\s*(?:including|among\s+them|of\s+whom|of\s+which)\b", gap):
        return True
    return loose and ";" not in gap


_REPORTING_IN_GAP = re.compile(r"\b(?:said|says|told|added|announced|warned|reported)\b")


# How many earlier sentences a pronoun's speaker is looked for in.
_RECENT_SENTENCES = 6


def _remember(
    context: _Context,
    sentence_text: str,
    expressions: list[dates.TimeExpression],
    paragraph: int,
    first: Candidate | None = None,
) -> None:
    """What the next sentences take from this one: its text, and the period its figures go on
    at; ``first`` is the sentence's first claim, if any."""
    context.recent.append((sentence_text, paragraph))
    del context.recent[:-_RECENT_SENTENCES]
    named = [e for e in expressions if e.period is not None and not e.skipped]
    # an event's date dates the next sentence's figures before the day it was reported
    told = [e.period for e in named if not e.statement] or [e.period for e in named]
    context.previous_period = (paragraph, told[-1]) if told else None
    if first is not None and first.as_of_start and first.as_of_start != context.published:
        # "inflation climbed to 33.7 percent in April from 33.2 percent in March. Food
        # inflation reached 40.5 percent": the next sentence goes on at the date of this one's
        # own figure, not at its baseline's
        own = dates.Period(first.as_of_start, first.as_of_end, first.as_of_precision or "day")
        context.previous_period = (paragraph, own)
    past = [
        e.period
        for e in expressions
        if e.period is not None and (context.published is None or e.period.end <= context.published)
    ]
    if past:
        context.earlier_start = (paragraph, past[-1])
    for expression in expressions:
        if expression.period is not None and not expression.skipped:
            context.last_period = expression.period
