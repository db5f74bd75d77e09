"""Ranges and qualifiers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .helpers import by_figure, figures, only


def test_to_range_gives_both_bounds() -> None:
    candidate = only("A report estimated that 3,000 to 5,000 fighters remain active.")
    assert (candidate.figure, candidate.value_low, candidate.value_high) == (
        "3,000 to 5,000",
        3000,
        5000,
    )


def test_hyphen_range_gives_both_bounds() -> None:
    candidate = only("Officials said 3,000-5,000 people fled.")
    assert (candidate.value_low, candidate.value_high) == (3000, 5000)


def test_en_dash_range_gives_both_bounds() -> None:
    candidate = only("Officials said 20,000\u201330,000 people fled.")
    assert (candidate.value_low, candidate.value_high) == (20000, 30000)


def test_between_and_range_with_percent_after_the_second_number() -> None:
    candidate = only("Between 10 and 20 percent of the crop was lost.")
    assert (candidate.value_low, candidate.value_high, candidate.unit) == (10, 20, "percent")


def test_suspended_hyphen_range_takes_the_scale_of_the_second_number() -> None:
    candidate = only("The group has 14- to 18,000 members.")
    assert (candidate.figure, candidate.value_low, candidate.value_high) == (
        "14- to 18,000",
        14000,
        18000,
    )


def test_scale_word_after_a_range_applies_to_both_ends() -> None:
    candidate = only("Daily takings came to 1.2 to 1.5 million dollars.")
    assert (candidate.value_low, candidate.value_high, candidate.unit) == (1.2e6, 1.5e6, "USD")


def test_change_from_one_figure_to_another_is_not_a_range() -> None:
    found = figures("The death toll rose by 601 to 6,077.")
    assert [(c.figure, c.value_low, c.value_high) for c in found] == [
        ("601", 601, 601),
        ("6,077", 6077, 6077),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The lender lifted its fee from 2 percent to 3 percent.",
        "The city trimmed its budget from 2 percent to 3 percent of revenue.",
        "Last year the board reduced the levy from 2 percent to 3 percent.",
    ],
)
def test_a_figure_an_actor_changes_into_another_is_two_figures(text: str) -> None:
    assert [c.figure for c in figures(text)] == ["2 percent", "3 percent"]


def test_at_least_opens_the_upper_bound() -> None:
    candidate = only("At least 100 people were killed.")
    assert (candidate.value_low, candidate.value_high, candidate.qualifier) == (
        100,
        None,
        "at_least",
    )


def test_more_than_opens_the_upper_bound() -> None:
    candidate = only("More than 100 people were killed.")
    assert (candidate.value_low, candidate.value_high, candidate.qualifier) == (
        100,
        None,
        "more_than",
    )


def test_up_to_opens_the_lower_bound() -> None:
    candidate = only("The company will cut up to 50 jobs.")
    assert (candidate.value_low, candidate.value_high, candidate.qualifier) == (None, 50, "at_most")


def test_fewer_than_opens_the_lower_bound() -> None:
    candidate = only("Fewer than 50 militants remain.")
    assert (candidate.value_low, candidate.value_high, candidate.qualifier) == (
        None,
        50,
        "less_than",
    )


def test_nearly_keeps_the_figure_as_both_bounds() -> None:
    candidate = only("The fire destroyed nearly 40 homes.")
    assert (candidate.value_low, candidate.value_high, candidate.qualifier) == (40, 40, "nearly")


def test_an_estimated_is_approximate_and_not_part_of_the_figure() -> None:
    candidate = only("The US trained an estimated 40,000 fighters.")
    assert (candidate.figure, candidate.qualifier) == ("40,000", "approximate")


def test_some_before_a_number_is_approximate() -> None:
    assert only("Some 1.7 million people crossed the border.").qualifier == "approximate"


def test_a_hedge_before_a_currency_sign_applies_to_the_money() -> None:
    candidate = only("The listing could raise around $20bn.")
    assert (candidate.figure, candidate.qualifier) == ("$20bn", "approximate")


def test_one_hedge_covers_two_coordinated_counts() -> None:
    text = "The raid left at least 13 soldiers and 60 villagers dead."
    assert by_figure(text, "60").qualifier == "at_least"


# The first example loads the sentence parser; its time is no property of ranges.
@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_any_range_a_to_b_gives_low_a_and_high_b(a: int, b: int) -> None:
    low, high = sorted((a, b))
    if low == high:
        high += 1
    candidate = only(f"Officials said {low:,} to {high:,} people were displaced.")
    assert (candidate.value_low, candidate.value_high) == (low, high)


def test_a_percent_range_with_the_sign_on_both_ends_is_one_range() -> None:
    candidate = only("The central bank held its benchmark rate at 5.25%-5.5%.")
    assert (candidate.figure, candidate.value_low, candidate.value_high) == (
        "5.25%-5.5%",
        5.25,
        5.5,
    )
