"""Properties that hold for any input text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.extraction import extract

_TOKENS = st.sampled_from(
    [
        "killed",
        "at least",
        "about",
        "3,000",
        "to",
        "5,000",
        "14-",
        "18,000",
        "$1.2",
        "billion",
        "40",
        "percent",
        "%",
        "six",
        "a",
        "an",
        "officer",
        "people",
        "said",
        "police",
        ",",
        ".",
        "between",
        "and",
        "July",
        "16",
        "2014",
        "on",
        "Thursday",
        "last",
        "month",
        "late",
        "“",
        "”",
        "\n",
        "doubling",
        "nearly",
        "-",
        "km",
        "twice",
        "one",
        "in",
        "five",
        "10:30",
        "8th",
        "U.N.",
        "report",
        "estimated",
        "that",
        "according",
        "he",
        "added",
        "the",
        "two",
        "leaders",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=40), st.booleans())
def test_offsets_always_point_at_the_figure_and_the_quote(tokens: list[str], dated: bool) -> None:
    text = " ".join(tokens)
    published = dt.date(2021, 3, 4) if dated else None
    for candidate in extract(text, published=published):
        assert text[candidate.start : candidate.end] == candidate.figure
        quote_end = candidate.quote_start + len(candidate.quote)
        assert text[candidate.quote_start : quote_end] == candidate.quote
        assert candidate.quote_start <= candidate.start <= candidate.end <= quote_end
        low, high = candidate.value_low, candidate.value_high
        assert low is not None or high is not None
        assert low is None or high is None or low <= high
        if candidate.as_of_start is not None:
            assert candidate.as_of_end is not None
            assert candidate.as_of_start <= candidate.as_of_end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_extracts_without_error(text: str) -> None:
    for candidate in extract(text, published=dt.date(2020, 1, 1)):
        assert text[candidate.start : candidate.end] == candidate.figure


def _dot_groups(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**9))
def test_dot_groups_before_a_european_unit_word_read_as_the_whole_number(n: int) -> None:
    found = extract(f"Die Strecke misst {_dot_groups(n)} Kilometer.")
    assert [(c.value_low, c.unit) for c in found] == [(float(n), "km")]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**9), st.integers(min_value=1, max_value=9))
def test_a_comma_decimal_after_dot_groups_reads_as_one_number(n: int, tenth: int) -> None:
    found = extract(f"Die Rechnung betrug {_dot_groups(n)},{tenth} Euro.")
    assert [(c.value_low, c.unit) for c in found] == [(n + tenth / 10, "EUR")]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=500), st.sampled_from(["days", "weeks", "months"]))
def test_a_spaced_duration_is_typed_whatever_its_number(n: int, unit: str) -> None:
    found = extract(f"The talks went on for {n} {unit}, diplomats said.")
    assert [(c.figure_kind, c.value_low, c.unit) for c in found] == [
        ("duration", float(n), unit.rstrip("s"))
    ]
