"""As-of and period kind, round 23: the day a statement was made, totals since a past event,
fiscal years, windows of several months, and counts over the first months of a year."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.core.extraction import parse

from .helpers import by_figure, figures

WEDNESDAY = dt.date(2024, 5, 15)
MONDAY_BEFORE = dt.date(2024, 5, 13)
SUNDAY_BEFORE = dt.date(2024, 5, 12)
TUESDAY_BEFORE = dt.date(2024, 5, 14)

needs_parse = pytest.mark.skipif(not parse.available(), reason="needs the spaCy model")


def _holding(text: str, part: str, published: dt.date):
    """The candidate whose figure holds ``part`` (a sign before it may or may not be kept)."""
    found = [c for c in figures(text, published) if part in c.figure]
    assert found, [c.figure for c in figures(text, published)]
    return found[0]


def _day(text: str, figure: str, published: dt.date = WEDNESDAY) -> tuple[dt.date, dt.date]:
    c = by_figure(text, figure, published)
    return c.as_of_start, c.as_of_end


# ------------------------------------------------------------- the day a statement was made


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Floodwaters have cut off 37 villages in the valley, the governor said on Monday.", "37"),
        ("About 37 villages are still without power, according to engineers who spoke on "
         "Monday, the utility said on Monday.", "37"),
        ("The relief agency said on Monday that 37 schools were being used as shelters.", "37"),
        ("Inspectors found 37 unsafe bridges across the province, officials told reporters "
         "on Monday.", "37"),
    ],
)  # fmt: skip
def test_a_figure_with_no_date_of_its_own_is_dated_by_the_statements_day(text, figure):
    assert _day(text, figure) == (MONDAY_BEFORE, MONDAY_BEFORE)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The navy said on Monday it had sunk 12 smuggling boats in the strait, while losing "
         "three of its own patrol craft.", "three"),
        ("Customs officers announced on Monday they had seized 900 kilograms of cocaine, "
         "arresting 14 crew members.", "14"),
        ("The league said on Monday that 20 clubs had signed up, and that 6 more were "
         "expected.", "6"),
    ],
)  # fmt: skip
def test_a_statements_day_before_the_figures_dates_each_of_them(text, figure):
    assert _day(text, figure) == (MONDAY_BEFORE, MONDAY_BEFORE)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("A bus overturned near the border on Sunday, killing 9 passengers and injuring "
         "about 40 others, the transport minister said on Tuesday.", "40"),
        ("Storms tore through the coast on Sunday evening, flattening 300 homes and leaving "
         "2,000 people without shelter, the red crescent told reporters on Tuesday.", "2,000"),
        ("On Sunday a fire swept through the market, destroying 120 stalls, and 15 traders "
         "were hurt, the fire service said on Tuesday.", "15"),
    ],
)  # fmt: skip
def test_the_events_day_dates_its_counts_not_the_day_they_were_told(text, figure):
    assert _day(text, figure) == (SUNDAY_BEFORE, SUNDAY_BEFORE)


@pytest.mark.parametrize(
    "text",
    [
        "Police stormed the camp before dawn on Tuesday. Clashes killed 11 protesters that day, "
        "the interior ministry said on Wednesday.",
        "Pickets gathered at the airport on Tuesday. That day 11 flights were cancelled, the "
        "airline said.",
        "Polls were held on Tuesday. Observers recorded 11 complaints that day, they said.",
    ],
)
def test_that_day_is_the_day_named_before(text):
    assert _day(text, "11") == (TUESDAY_BEFORE, TUESDAY_BEFORE)


@pytest.mark.parametrize(
    "text",
    [
        "The country has recorded 512 cholera cases so far this year, the health ministry "
        "said on Monday.",
        "So far this year 512 cholera cases have been reported, health officials told "
        "reporters on Monday.",
        "Cholera has killed 512 people this year, the health agency said on Monday.",
    ],
)
def test_a_running_total_is_as_of_the_day_it_was_told(text):
    c = by_figure(text, "512", WEDNESDAY)
    assert c.period_kind == "cumulative"
    assert (c.as_of_start, c.as_of_end) == (MONDAY_BEFORE, MONDAY_BEFORE)


# ------------------------------------------------------------- totals since a past event


@needs_parse
@pytest.mark.parametrize(
    "text",
    [
        "About 4,100 homes have been destroyed since rebel fighters overran the town, aid "
        "workers said.",
        "Since the army shelled the port, 4,100 homes have been destroyed, aid workers said.",
        "Aid workers say 4,100 homes have burned since the militia captured the district.",
    ],
)
def test_a_count_since_a_past_event_is_a_cumulative_total(text):
    assert by_figure(text, "4,100", WEDNESDAY).period_kind == "cumulative"


@needs_parse
@pytest.mark.parametrize(
    "text",
    [
        "The coalition has flown 230 sorties since the cyclone struck on March 28, its "
        "command said.",
        "Since the dam burst on March 28, 230 bodies have been recovered, rescuers said.",
        "Rescuers have pulled 230 survivors from the rubble since the tremor hit on March 28.",
    ],
)
def test_a_count_since_a_dated_past_event_starts_on_that_date(text):
    c = by_figure(text, "230", WEDNESDAY)
    assert (c.period_kind, c.period_start) == ("cumulative", dt.date(2024, 3, 28))


@needs_parse
@pytest.mark.parametrize(
    "text",
    [
        "Ferry traffic has grown to 40 crossings a week since the new pier opened.",
        "Since the bridge reopened, some 40 trucks a day have used it.",
        "The clinic sees 40 patients a day since the new wing opened, staff said.",
    ],
)
def test_a_rate_since_a_past_event_stays_a_rate(text):
    assert by_figure(text, "40", WEDNESDAY).period_kind == "per_period"


@needs_parse
def test_since_giving_a_reason_makes_no_total():
    text = "Prices stay high since supply is short, with 40 shops closed, traders said."
    assert by_figure(text, "40", WEDNESDAY).period_kind != "cumulative"


# ------------------------------------------------------------- fiscal years


@pytest.mark.parametrize(
    ("text", "figure", "start"),
    [
        ("Egypt plans to spend 4.2 trillion pounds in 2025/26, the finance ministry said.",
         "4.2 trillion pounds", dt.date(2025, 7, 1)),
        ("Australia's LNG earnings are forecast at A$110 billion in 2025-26.", "A$110 billion",
         dt.date(2025, 7, 1)),
        ("Pakistan's budget for 2025/26 sets defence spending at Rs2.5 trillion.",
         "Rs2.5 trillion", dt.date(2025, 7, 1)),
        ("India's fiscal deficit will be 4.4 percent of GDP in 2025-26, the minister said.",
         "4.4 percent", dt.date(2025, 4, 1)),
    ],
)  # fmt: skip
def test_a_year_written_across_two_is_the_countrys_fiscal_year(text, figure, start):
    c = _holding(text, figure.removeprefix("A$"), dt.date(2025, 3, 1))
    end = start.replace(year=start.year + 1) - dt.timedelta(1)
    assert (c.as_of_start, c.as_of_end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. federal government ran a deficit of $1.9 trillion in fiscal 2024.",
        "In fiscal year 2024 the United States spent $1.9 trillion more than it took in.",
        "American officials put the fiscal 2024 shortfall at $1.9 trillion.",
    ],
)
def test_a_us_fiscal_year_is_named_by_the_year_it_ends_in(text):
    c = by_figure(text, "$1.9 trillion", dt.date(2024, 11, 1))
    assert (c.as_of_start, c.as_of_end) == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))


@pytest.mark.parametrize(
    ("text", "figure", "start"),
    [
        ("A Japanese utility expects fuel costs of 300 billion yen in the current fiscal year.",
         "300 billion yen", dt.date(2024, 4, 1)),
        ("Japan's carmakers sold 4.1 million vehicles at home last fiscal year.",
         "4.1 million", dt.date(2023, 4, 1)),
        ("Tokyo's tax take rose to 72 trillion yen in the previous fiscal year.",
         "72 trillion yen", dt.date(2023, 4, 1)),
    ],
)  # fmt: skip
def test_the_current_or_last_fiscal_year_of_the_country_named(text, figure, start):
    c = by_figure(text, figure, dt.date(2024, 7, 12))
    assert c.as_of_start == start
    assert c.as_of_end == start.replace(year=start.year + 1) - dt.timedelta(1)


def test_a_budget_for_a_fiscal_year_is_a_sum_per_year():
    text = "Australia's government expects spending of A$700 billion in 2024-25."
    c = _holding(text, "700 billion", dt.date(2024, 5, 1))
    assert c.period_kind == "per_period"
    assert c.period_days in (365, 366)


# ------------------------------------------------------------- windows and the first months


@pytest.mark.parametrize(
    "text",
    [
        "In the 12 months to September 2024, 51,000 people died on the roads.",
        "Road deaths numbered 51,000 in the twelve months to September 2024.",
        "Over the 12 months ending September 2024, 51,000 people were killed in crashes.",
    ],
)
def test_a_window_of_twelve_months_to_a_month_is_a_year_ending_then(text):
    c = by_figure(text, "51,000", dt.date(2025, 1, 10))
    assert (c.as_of_start, c.as_of_end) == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))
    assert c.period_kind == "per_period"
    assert c.period_days in (365, 366)  # a year holding February 29 has 366


@pytest.mark.parametrize(
    "text",
    [
        "Japan's reactors supplied 9 percent of its power in the fiscal year that ended in "
        "March 2024.",
        "In the fiscal year which ended in March 2024, reactors supplied 9 percent of Japan's "
        "power.",
        "Reactors met 9 percent of Japanese demand over the fiscal year that ended in March 2024.",
    ],
)
def test_a_fiscal_year_that_ended_in_a_month(text):
    c = by_figure(text, "9 percent", dt.date(2024, 7, 23))
    assert (c.as_of_start, c.as_of_end) == (dt.date(2023, 4, 1), dt.date(2024, 3, 31))


@pytest.mark.parametrize(
    ("text", "figure", "until"),
    [
        ("Smugglers landed 640 boats on the islands in the first half of the year.", "640",
         dt.date(2024, 6, 30)),
        ("In the first nine months of this year, 640 firms went bankrupt, the registry said.",
         "640", dt.date(2024, 9, 30)),
        ("The coast guard intercepted 640 vessels in the first six months of 2024.", "640",
         dt.date(2024, 6, 30)),
    ],
)  # fmt: skip
def test_a_count_over_the_first_months_of_a_year_is_a_total_since_january(text, figure, until):
    c = by_figure(text, figure, dt.date(2024, 10, 20))
    assert (c.period_kind, c.period_start) == ("cumulative", dt.date(2024, 1, 1))
    assert (c.as_of_start, c.as_of_end) == (until, until)


def test_a_rate_over_the_first_half_stays_a_rate():
    text = "Raiders stole an average of 30 cattle a month in the first half of the year."
    assert by_figure(text, "30", dt.date(2024, 9, 1)).period_kind == "per_period"
