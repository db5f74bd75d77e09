"""Numbers as written in news text: digits, separators, decimals, scale words and word numbers.

This module only finds and values number *atoms* ("3,000", "1.2 billion", "twenty-two",
"a dozen", "$20bn"); combining atoms into ranges and deciding whether an atom is a claim at all
happens elsewhere.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claims.core import vocabulary

_VOCABULARY = vocabulary.load("numbers")
UNITS_WORDS: dict[str, int] = dict(_VOCABULARY["units_words"])
TENS_WORDS: dict[str, int] = dict(_VOCABULARY["tens_words"])
SCALES: dict[str, float] = {word: float(v) for word, v in _VOCABULARY["scales"].items()}
CURRENCY_SYMBOLS: dict[str, str] = dict(_VOCABULARY["currency_symbols"])
_FRACTIONS: dict[str, float] = {
    " ".join(k.lower().split()): float(v) for k, v in _VOCABULARY["fractions_of_a_scale"].items()
}
_FRACTION = "|".join(
    re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_FRACTIONS, key=len, reverse=True)
)

_UNIT_WORD = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_WORD = "|".join(TENS_WORDS)
_SMALL_WORD = rf"(?:(?:{_TENS_WORD})(?:[-\s](?:{_UNIT_WORD}))?|{_UNIT_WORD})"
# "two hundred", "a hundred and fifty"; "a dozen" is twelve, "dozens" is not a number.
_WORD_NUMBER = (
    rf"(?:(?:a|{_SMALL_WORD})\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORD})?"
    rf"|a\s+dozen|{_SMALL_WORD})"
)
# A comma decimal after dot groups ("1.234,5") or two dot groups ("1.200.000") are European
# whatever follows; they come first.
_EUROPEAN_DECIMAL = r"\d{1,3}(?:\.\d{3})+,\d+"
_EUROPEAN_GROUPS = r"\d{1,3}(?:\.\d{3}){2,}"
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# A comma with one or two digits after it groups no thousands: it is a decimal comma ("169,6
# billion euros", "5,8%", "7,5 times"), read so where a scale, a share, a currency or a
# multiplier follows (the words: vocabulary/numbers.toml, ``decimal_comma_words_after``).
_COMMA_DECIMAL = r"\d{1,3},\d{1,2}"
_COMMA_CONTEXT = "|".join(
    re.escape(w).replace(r"\ ", r"\s+")
    for w in sorted(
        _VOCABULARY["decimal_comma_words_after"] + _VOCABULARY["european_words_after"],
        key=len,
        reverse=True,
    )
)
_COMMA_DECIMAL_IN_CONTEXT = rf"{_COMMA_DECIMAL}(?!\d)(?=\s?(?:[%€£¥$]|(?:{_COMMA_CONTEXT})\b))"
# Digits grouped in twos before the last three are the Indian system's ("8,50,000" is 850,000).
_INDIAN_GROUPS = r"\d{1,2}(?:,\d{2})+,\d{3}(?![,\d])"
_ENGLISH_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS = (
    rf"(?:{_EUROPEAN_DECIMAL}|{_EUROPEAN_GROUPS}(?![.,]?\d)|{_INDIAN_GROUPS}"
    rf"|{_COMMA_DECIMAL_IN_CONTEXT}|{_ENGLISH_DIGITS})"
)
# Attached scales ("3.4m", "$20bn") must not be followed by more letters ("3mm" is a unit).
_ATTACHED_SCALE = r"(?:bn|mn|mln|tn|m|k)(?![A-Za-z])"
_SPACED_SCALE = (
    r"(?:hundred|thousand|million|billion|trillion|bn|mn|mln|tn|lakh\s+crore|lakhs?|crores?)\b"
)
# Letters glued to digits make an ordinal, a decade or a code ("8th", "1990s", "F16") unless
# they are a unit abbreviation ("40km", "3mm", "12pc"; "95%" is not a letter).
_GLUED_UNIT_GUARD = (
    r"(?!(?:km|mm|m|cm|kg|bpd|mw|gw|kw|kwh|mwh|gwh|twh|gb|tb|mb|mph|kph|ha|sq|pc|bcm)\b)[A-Za-z]|\d"
)
# Longer signs first: "HK$" and "R$" are not dollars of the United States. A sign starts a word:
# the "rs" that ends "reporters" before a number is no rupee.
# A space may stand inside the sign ("HK $3.7 billion" is HKD, not a code before US dollars);
# "N$" is Namibia's dollar and "KSh" Kenya's shilling.
# "A$" (or "AU$") is Australia's dollar.
# An amount with a scale right after it: what makes an "R" before digits the rand's sign.
_RAND_AMOUNT = r"(?=\d[\d.,]*\s?(?:bn|mn|m|tn|billion|million|trillion)\b)"
_CURRENCY_PREFIX = (
    r"(?:US\s?\$|HK\s?\$|AU?\$|R\s?\$\s?|N\$|\$|€|£|¥|₹\s?|Rs\.?\s?|KSh\.?\s?"
    # South Africa's rand: "R" against an amount that has a scale ("R23.9 billion", "R90bn")
    rf"|R{_RAND_AMOUNT}"
    r"|(?:USD|EUR|GBP|IQD|INR)\s?)"
)
# A sign written against the digits is a signed change ("fell -1.3%", "+0.4 points"); only
# after a space or a bracket, never inside a range or a code ("2020-21", "5%-6%", "F-16").
_SIGN = r"(?:(?<![^\s(\[])(?P<sign>[-\u2212+])(?=\d))?"

NUMBER_RE = re.compile(
    rf"""
    (?:(?<![^\W\d_])(?P<currency>{_CURRENCY_PREFIX}))?
    (?:
        {_SIGN}(?:(?<=KSh)|(?<=Rs)|(?<=\bR){_RAND_AMOUNT}|(?<![\w.,:/]))(?P<digits>{_DIGITS})(?![.,]\d)(?![:/]\d)
        (?:(?P<attached>{_ATTACHED_SCALE})|(?:\s?|-)(?P<spaced>{_SPACED_SCALE}))?
        (?!{_GLUED_UNIT_GUARD})
      |
        (?<![\w-])(?P<fraction>{_FRACTION})\s+(?P<fractionscale>million|billion|trillion)\b
      |
        (?<![\w-])(?P<word>{_WORD_NUMBER}|an?)\b
        (?:\s(?P<wordscale>(?:thousand|million|billion|trillion)\b))?
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberAtom:
    """One number as written, with its value already multiplied by any scale word."""

    start: int
    end: int
    value: float
    base: float
    scale: float
    is_word: bool
    currency: str | None
    has_separator: bool
    # A bare "a"/"an", which counts as one only in lists of casualties.
    is_article: bool = False


def parse_word_number(text: str) -> float | None:
    """Value of a spelled-out number ("twenty-two", "a hundred and five", "a dozen"), else None."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if words == ["a", "dozen"] or words == ["dozen"]:
        return 12.0
    total = 0
    current = 0
    seen = False
    for word in words:
        if word == "and":
            continue
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word in ("a", "an"):
            current += 1
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million", "billion", "trillion"):
            total += max(current, 1) * int(SCALES[word])
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_digits(text: str) -> float:
    """Value of a digit string with optional thousands separators and decimals ("1,234.5")."""
    return float(text.replace(",", ""))


def parse_number(text: str) -> float | None:
    """Value of one number as written ("1.2 billion", "$20bn", "14,000", "six"), else None."""
    match = NUMBER_RE.fullmatch(text.strip())
    if match is None:
        return None
    atom = _atom(match, 0)
    return atom.value if atom else None


@functools.cache
def _european_context() -> tuple[re.Pattern[str], frozenset[str]]:
    words = vocabulary.load("numbers")
    after = "|".join(sorted(map(re.escape, words["european_words_after"]), key=len, reverse=True))
    return re.compile(rf"\s?(?:{after})\b"), frozenset(words["european_currencies"])


def _european_groups(digits: str, currency: str | None, following: str) -> bool:
    """True when the dots of "219.000" group thousands: a euro or real sign before the number,
    or a unit or currency word of a language that writes numbers so right after it."""
    if not _DOT_GROUPS.fullmatch(digits):
        return False
    words_after, currencies = _european_context()
    return currency in currencies or words_after.match(following) is not None


def _atom(match: re.Match[str], offset: int, text: str = "") -> NumberAtom | None:
    currency_text = match.group("currency")
    sign = "".join(currency_text.split()).lower() if currency_text else ""
    currency = CURRENCY_SYMBOLS.get(sign) if sign else None
    if match.group("digits"):
        digits = match.group("digits")
        grouped = True
        if re.fullmatch(_EUROPEAN_DECIMAL, digits) or re.fullmatch(_COMMA_DECIMAL, digits):
            base = float(digits.replace(".", "").replace(",", "."))
        elif re.fullmatch(_EUROPEAN_GROUPS, digits) or _european_groups(
            digits, currency, text[match.end() : match.end() + 30]
        ):
            base = float(digits.replace(".", ""))
        else:
            base, grouped = parse_digits(digits), "," in digits
        if match.group("sign") and match.group("sign") != "+":
            base = -base
        scale_word = match.group("attached") or match.group("spaced")
        is_word = False
        has_separator = grouped
    elif match.group("fraction"):
        base = _FRACTIONS[" ".join(match.group("fraction").lower().split())]
        scale_word = match.group("fractionscale")
        is_word, has_separator = True, False
    else:
        word = match.group("word")
        if word.lower() in ("a", "an"):
            base = 1.0
        else:
            parsed = parse_word_number(word)
            if parsed is None:
                return None
            base = parsed
        scale_word = match.group("wordscale")
        is_word = True
        has_separator = False
        if word.lower() in ("a", "an") and scale_word is None and currency is not None:
            return None
    scale = SCALES[" ".join(scale_word.lower().split())] if scale_word else 1.0
    article = bool(match.group("word")) and match.group("word").lower() in ("a", "an")
    return NumberAtom(
        is_article=article and scale == 1,
        start=match.start() + offset,
        end=match.end() + offset,
        value=base * scale,
        base=base,
        scale=scale,
        is_word=is_word,
        currency=currency,
        has_separator=has_separator,
    )


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberAtom]:
    """Every number atom in ``text[start:end]``, with offsets into ``text``."""
    atoms: list[NumberAtom] = []
    for match in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        atom = _atom(match, 0, text)
        if atom is not None:
            atoms.append(atom)
    return atoms
