"""Numbers as written: digits, separators, decimals, scale words and word numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from claims.core.extraction.numbers import find_numbers, parse_number, parse_word_number

from .helpers import only


def test_thousands_separators_are_read_as_one_number() -> None:
    assert only("Officials said 18,091 people were infected.").value_low == 18091


def test_decimals_are_kept() -> None:
    assert only("Unemployment rose to 7.9 per cent.").value_low == 7.9


def test_scale_word_multiplies_the_number() -> None:
    assert only("The budget totals 1.2 billion dinars.").value_low == 1.2e9


def test_attached_scale_abbreviation_multiplies_the_number() -> None:
    assert only("The port handled 3.4m containers.").value_low == 3.4e6


def test_bn_abbreviation_after_a_space_is_a_billion() -> None:
    assert only("The company made a profit of €1.3 bn.").value_low == 1.3e9


def test_k_after_digits_is_a_thousand() -> None:
    assert parse_number("25k") == 25_000


def test_spelled_out_number_is_a_figure() -> None:
    candidate = only("Recent clashes resulted in the deaths of six security personnel.")
    assert (candidate.figure, candidate.value_low) == ("six", 6)


def test_hyphenated_word_number_is_read_whole() -> None:
    assert only("The attacks killed twenty-two soldiers.").value_low == 22


def test_a_dozen_is_twelve() -> None:
    candidate = only("Aid agencies said a dozen trucks crossed the border.")
    assert (candidate.figure, candidate.value_low) == ("a dozen", 12)


def test_word_number_with_scale_word() -> None:
    assert only("The world's population reached eight billion.").value_low == 8e9


def test_plural_dozens_and_thousands_are_not_numbers() -> None:
    assert find_numbers("Thousands marched and dozens were hurt.") == []


def test_ordinal_suffix_is_not_a_number() -> None:
    assert find_numbers("the 8th Infantry Division and the 33rd report") == []


@given(st.integers(min_value=0, max_value=10**13))
def test_any_integer_with_thousands_separators_parses_back_to_itself(value: int) -> None:
    assert parse_number(f"{value:,}") == value


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99))
def test_any_decimal_parses_back_to_itself(whole: int, cents: int) -> None:
    assert parse_number(f"{whole:,}.{cents:02d}") == float(f"{whole}.{cents:02d}")


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion"]))
def test_scale_words_multiply_any_number(value: int, scale: str) -> None:
    factor = {"million": 1e6, "billion": 1e9}[scale]
    assert parse_number(f"{value} {scale}") == value * factor


@given(st.integers(min_value=0, max_value=99))
def test_every_number_below_a_hundred_spelled_out_parses_back(value: int) -> None:
    assert parse_word_number(num2words(value)) == value
