"""As-of, round 24, on writing the date code was not tuned on: a change "on" its baseline, and a
sentence that goes on at the date of the one before's own figure, not at its baseline's."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import by_figure

PUBLISHED = dt.date(2024, 5, 16)


@pytest.mark.parametrize(
    "text",
    [
        "Copper shipments reached 410,000 tonnes in 2023, up 6 percent on the year before.",
        "Copper shipments reached 410,000 tonnes in 2023, down 6% on the previous year.",
        "In 2023 copper shipments rose 6 per cent on the year before, to 410,000 tonnes.",
    ],
)
def test_a_change_on_its_baseline_is_dated_by_the_figure_not_the_baseline(text: str):
    change = next(
        c for c in [by_figure(text, f) for f in ("6 percent", "6%", "6 per cent") if f in text]
    )
    assert (change.as_of_start, change.as_of_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "Annual inflation rose to 28.1 percent in April from 27.4 percent in March, the "
        "statistics office said. Food inflation, the office said, reached 35.2 percent.",
        "Annual inflation rose to 28.1 percent in April, up from 27.4 percent in March. Food "
        "prices climbed 35.2 percent, the office said.",
        "In April annual inflation hit 28.1 percent, against 27.4 percent in March. Food "
        "inflation stood at 35.2 percent.",
    ],
)
def test_the_next_sentence_goes_on_at_the_date_of_the_figure_before_not_its_baseline(text):
    claim = by_figure(text, "35.2 percent", published=PUBLISHED)
    assert (claim.as_of_start, claim.as_of_end) == (dt.date(2024, 4, 1), dt.date(2024, 4, 30))


def test_a_sentence_with_its_own_date_keeps_it():
    text = (
        "Annual inflation rose to 28.1 percent in April from 27.4 percent in March. In "
        "February food inflation had been 31 percent."
    )
    claim = by_figure(text, "31 percent", published=PUBLISHED)
    assert (claim.as_of_start, claim.as_of_end) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_a_change_on_a_day_is_dated_by_that_day():
    # Thursday 16 May 2024: "on Monday" is the 13th
    claim = by_figure(
        "Bread prices rose 9 percent on Monday, the bakers' union said.",
        "9 percent",
        published=PUBLISHED,
    )
    assert claim.as_of_start == claim.as_of_end == dt.date(2024, 5, 13)


@pytest.mark.parametrize(
    "text",
    [
        "The grid operator gave its weekly update on Monday. The share of plants able to run had "
        "climbed to 58 percent, from 49 percent a year earlier, it said.",
        "The grid operator gave its weekly update on Monday. Available capacity stood at 58 "
        "percent, against 49 percent in 2023, the operator said.",
    ],
)
def test_a_baselines_date_does_not_stop_the_date_of_the_sentence_before(text: str):
    # Thursday 16 May 2024: "on Monday" is the 13th
    claim = by_figure(text, "58 percent", published=PUBLISHED)
    assert claim.as_of_start == claim.as_of_end == dt.date(2024, 5, 13)


def test_a_running_totals_start_still_keeps_the_sentence_its_own():
    text = (
        "The minister toured the burned hills on Monday. He said fires had consumed 90,000 "
        "hectares since March."
    )
    claim = by_figure(text, "90,000 hectares", published=PUBLISHED)
    assert claim.as_of_start != dt.date(2024, 5, 13)


def test_a_recent_statement_is_not_dated_by_the_sentence_before():
    text = (
        "A March report by the agency put the number of fighters at 2,000. The army recently "
        "warned that attacks had risen 30 percent compared with the previous year."
    )
    claim = by_figure(text, "30 percent", published=PUBLISHED)
    assert claim.as_of_start != dt.date(2024, 3, 1)
