"""As-of and period kind, round 23 second pass, on writing the date code was not tuned on: an
event's start told by its weekday, and a figure coordinated with the one before "since"."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import by_figure

WEDNESDAY = dt.date(2024, 5, 15)
MONDAY = dt.date(2024, 5, 13)
SUNDAY_BEFORE = dt.date(2024, 5, 12)


# ------------------------------------------------- an event's start told by its weekday


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        ("Medics have treated 340 people since the riots broke out on Sunday night.",
         MONDAY, SUNDAY_BEFORE),
        ("Since the strike began on Sunday, 340 flights have been cancelled, the airline said.",
         MONDAY, SUNDAY_BEFORE),
        ("Rescuers have pulled 340 survivors from the rubble since the quake struck on Sunday.",
         WEDNESDAY, SUNDAY_BEFORE),
        ("The port has turned away 340 lorries since the blockade was imposed on Monday.",
         WEDNESDAY, MONDAY),
    ],
)  # fmt: skip
def test_a_total_since_an_event_dated_by_its_weekday_starts_that_day(text, published, start):
    c = by_figure(text, "340", published)
    assert (c.period_kind, c.period_start) == ("cumulative", start)


# ------------------------------------ a figure coordinated with the one before "since"


@pytest.mark.parametrize(
    "text",
    [
        "Police said 12 protesters had been arrested and more than 40 injured since the "
        "protests erupted on Sunday.",
        "At least 12 miners have died and about 40 been hurt since the shaft flooded on Sunday.",
        "Officials counted 12 homes destroyed and 40 damaged since the rains began on Sunday.",
        "The agency says 12 boats have sunk and nearly 40 capsized since the storm began on "
        "Sunday, the coast guard added.",
    ],
)
def test_both_figures_of_a_coordination_before_since_are_totals_since_its_start(text):
    for figure in ("12", "40"):
        c = by_figure(text, figure, MONDAY)
        assert (c.period_kind, c.period_start) == ("cumulative", SUNDAY_BEFORE), figure


@pytest.mark.parametrize(
    "text",
    [
        "Twelve people died on Saturday, and 40 more have been treated since the clinic "
        "opened on Sunday.",
        "The ministry said 12 schools had closed; 40 have reopened since the floods began.",
    ],
)
def test_a_figure_in_another_clause_before_since_is_not_its_total(text):
    figure = "12" if "12" in text else "Twelve"
    assert by_figure(text, figure, MONDAY).period_kind != "cumulative"


# ---------------------------------------- a part set off after a figure shares its date


SATURDAY = dt.date(2024, 5, 18)
FRIDAY_BEFORE = dt.date(2024, 5, 17)


@pytest.mark.parametrize(
    "text",
    [
        "Twenty passengers, six of them infants, were rescued on Friday off the coast.",
        "Police detained 20 fans, six of whom were minors, on Friday after the match.",
        "Twenty workers, six of them women, lost their jobs on Friday when the mill shut.",
        "The fire destroyed 20 shops, six of which sold food, in the old market on Friday.",
    ],
)
def test_a_figure_before_its_part_is_dated_by_the_date_after_the_part(text):
    figure = "Twenty" if text.startswith("Twenty") else "20"
    c = by_figure(text, figure, SATURDAY)
    assert (c.as_of_start, c.as_of_end) == (FRIDAY_BEFORE, FRIDAY_BEFORE)


# ------------------------------------------- a total said to have grown to the figure


@pytest.mark.parametrize(
    "text",
    [
        "The number of measles infections in the province has risen to 870, doctors said.",
        "Officials said the death toll from the landslide had climbed to 870.",
        "By the ministry's count, the tally of looted shops has now reached 870.",
        "The rescue agency said its count of people missing had grown to about 870.",
    ],
)
def test_a_total_said_to_have_grown_to_the_figure_is_a_running_total(text):
    assert by_figure(text, "870", WEDNESDAY).period_kind == "cumulative"


def test_a_total_that_grew_without_the_perfect_is_not_read_as_running():
    text = "Wheat output rose to 870 tonnes in May, the agency said."
    assert by_figure(text, "870 tonnes", WEDNESDAY).period_kind != "cumulative"
