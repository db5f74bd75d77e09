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


# ------------------------------------------------------------- levels whatever the period


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Arrivals at the northern port have tripled since the ferry resumed in March.",
         "tripled"),
        ("Since 2021 the number of clinics in the region has doubled, the ministry said.",
         "doubled"),
        ("Wheat exports have risen fourfold so far this year, traders said.", "fourfold"),
    ],
)  # fmt: skip
def test_a_multiplier_is_a_level(text, figure):
    assert by_figure(text, figure, WEDNESDAY).period_kind == ""


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Road deaths fell by 1,200 last year, the transport agency said.", "1,200"),
        ("A drought in 2023 cut the harvest by 900,000 tonnes, farmers said.", "900,000 tonnes"),
        ("The national debt has grown by $3 trillion in the past four years.", "$3 trillion"),
    ],
)
def test_the_size_of_a_change_is_a_level(text, figure):
    assert by_figure(text, figure, WEDNESDAY).period_kind == ""


@pytest.mark.parametrize(
    "text",
    [
        "The refinery has pumped 300,000 barrels a day since January, its operator said.",
        "Since the pipeline reopened, output has stayed at 300,000 barrels a day.",
        "Output has held at 300,000 barrels per day so far this year.",
    ],
)
def test_a_rate_whose_unit_holds_the_time_is_no_total(text):
    assert _holding(text, "300,000 barrels", WEDNESDAY).period_kind != "cumulative"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Malaria has killed 410 people so far this year, up from 95 in all of 2023, the "
         "clinic said.", "95"),
        ("So far this year 410 boats have landed, compared with about 95 in the whole of 2023.",
         "95"),
        ("Floods have destroyed 410 homes so far this year, against 95 in 2023.", "95"),
    ],
)  # fmt: skip
def test_a_baseline_with_its_own_year_is_no_running_total(text, figure):
    c = by_figure(text, figure, WEDNESDAY)
    assert c.period_kind != "cumulative"
    assert (c.as_of_start, c.as_of_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "The charity said in a statement on Monday that 37 volunteers had been detained.",
        "Some 37 volunteers have been detained, the charity said in its weekly update on Monday.",
        "The charity reported in a press release late on Monday that 37 volunteers were held.",
    ],
)
def test_a_statement_in_a_document_is_dated_by_its_day(text):
    assert _day(text, "37") == (MONDAY_BEFORE, MONDAY_BEFORE)


@pytest.mark.parametrize(
    "text",
    [
        "The hospital said on Monday it had treated 37 burns patients over the previous week.",
        "In the previous week 37 burns patients were treated, the hospital said on Monday.",
        "The hospital said on Monday that during the previous week it admitted 37 patients.",
    ],
)
def test_a_count_over_the_previous_week_is_as_of_the_report(text):
    c = by_figure(text, "37", WEDNESDAY)
    assert (c.as_of_start, c.as_of_end) == (MONDAY_BEFORE, MONDAY_BEFORE)
    assert (c.period_kind, c.period_days) == ("per_period", 7)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Between April and June, 5,300 tourists entered the park.", dt.date(2024, 4, 1),
         dt.date(2024, 6, 30), "quarter"),
        ("From February to April 2023, 5,300 migrants were detained at the border.",
         dt.date(2023, 2, 1), dt.date(2023, 4, 30), "span"),
        ("The coastguard rescued 5,300 people between November 2023 and January.",
         dt.date(2023, 11, 1), dt.date(2024, 1, 31), "span"),
    ],
)  # fmt: skip
def test_between_one_month_and_another_is_the_months_between(text, start, end, precision):
    c = by_figure(text, "5,300", dt.date(2024, 9, 1))
    assert (c.as_of_start, c.as_of_end, c.as_of_precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Between January and March, 5,300 people entered the country and 1,900 left.",
        "Some 5,300 visitors arrived between January and March, the agency said.",
        "Customs recorded 5,300 entries between January and March.",
    ],
)
def test_a_count_between_the_months_of_a_quarter_is_per_quarter(text):
    c = by_figure(text, "5,300", dt.date(2024, 9, 1))
    assert (c.period_kind, c.period_days) == ("per_period", 91)


@pytest.mark.parametrize(
    "text",
    [
        "Landslides killed 210 people between April and June. A further 480 were injured in "
        "the same period, the agency said.",
        "Between April and June 210 ships docked. In the same period 480 trucks crossed.",
        "Police made 210 arrests between April and June, and officers seized 480 guns over "
        "the same period.",
    ],
)
def test_the_same_period_is_the_period_named_before(text):
    c = by_figure(text, "480", dt.date(2024, 9, 1))
    assert (c.as_of_start, c.as_of_end) == (dt.date(2024, 4, 1), dt.date(2024, 6, 30))


@pytest.mark.parametrize(
    "text",
    [
        "A heatwave hit the capital last week. Clinics saw 260 patients for heatstroke over "
        "those seven days, officials said.",
        "Storms lashed the coast last week. During those seven days 260 flights were cancelled.",
        "The border was shut last week, and in those seven days 260 lorries were turned back.",
    ],
)
def test_those_seven_days_are_the_week_named_before(text):
    c = by_figure(text, "260", WEDNESDAY)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2024, 5, 6), dt.date(2024, 5, 12))
    assert (c.period_kind, c.period_days) == ("per_period", 7)


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("Some 9,000 migrants reached the island in a single week last month.", "9,000", 7),
        ("The port cleared 9,000 containers in a single day, its operator said.", "9,000", 1),
        ("In a single month, 9,000 people applied for asylum.", "9,000", 30),
    ],
)
def test_a_count_in_a_single_length_of_time_is_per_that_length(text, figure, days):
    c = by_figure(text, figure, WEDNESDAY)
    assert (c.period_kind, c.period_days) == ("per_period", days)


@pytest.mark.parametrize(
    "text",
    [
        "About 450 refugees landed on the beach from a single boat last week.",
        "Last week 450 people were arrested in a single raid, police said.",
        "Some 450 cattle died in a single flood last month, herders said.",
    ],
)
def test_a_count_of_one_single_event_is_a_level(text):
    assert by_figure(text, "450", WEDNESDAY).period_kind in ("", "level")


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("Every day the camp takes in about 2,000 new arrivals, the agency said.", "2,000", 1),
        ("Each week some 2,000 trucks cross the bridge.", "2,000", 7),
        ("Every month nearly 2,000 families apply for the grant, officials said.", "2,000", 30),
    ],
)
def test_a_rate_said_before_its_figure(text, figure, days):
    c = by_figure(text, figure, WEDNESDAY)
    assert (c.period_kind, c.period_days) == ("per_period", days)


@pytest.mark.parametrize(
    "text",
    [
        "Workers abroad sent home $730 million in the first quarter, the central bank said.",
        "Migrants sent $730 million back to their families in the first quarter.",
        "In the first quarter, emigrants sent $730 million home.",
    ],
)
def test_money_sent_over_a_quarter_is_per_quarter(text):
    c = by_figure(text, "$730 million", WEDNESDAY)
    assert (c.period_kind, c.period_days) == ("per_period", 91)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, 830 schools in 12 districts had closed, the ministry said, up from 500 a "
        "week earlier.",
        "On Monday 830 shelters in 12 towns were full, compared with 500 a week earlier.",
        "Monday's count showed 830 cases in 12 wards, up from 500 the week before.",
    ],
)
def test_a_baselines_later_date_does_not_date_the_figure_before_it(text):
    assert _day(text, "830") == (MONDAY_BEFORE, MONDAY_BEFORE)


@pytest.mark.parametrize(
    "text",
    [
        "Guerrillas have killed 58 soldiers so far this year, up from 41 in the same period "
        "of 2023, the army said.",
        "So far this year 58 journalists have been jailed, compared with 41 by this time in 2023.",
        "The agency has logged 58 outbreaks so far this year, against 41 in all of 2023.",
    ],
)
def test_a_baseline_after_a_running_total_leaves_it_the_total(text):
    c = by_figure(text, "58", WEDNESDAY)
    assert (c.period_kind, c.period_start) == ("cumulative", dt.date(2024, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Officials confirmed 4 new cases in the past week, taking this year's tally to 71.",
        "A further 4 deaths were recorded, bringing this year's toll to 71.",
        "With 4 more seizures last week, customs pushed this year's count to 71.",
    ],
)
def test_raising_this_years_tally_is_a_total_since_january(text):
    c = by_figure(text, "71", WEDNESDAY)
    assert (c.period_kind, c.period_start) == ("cumulative", dt.date(2024, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "In the first nine months of this year, sales fell 6 percent and 730 shops closed.",
        "In the first half of the year, imports rose 3 percent and 730 ships docked.",
        "Over the first six months of 2024, prices rose 2 percent and 730 firms failed.",
    ],
)
def test_the_first_months_date_a_later_count_of_the_same_clause(text):
    c = by_figure(text, "730", dt.date(2024, 10, 20))
    assert (c.period_kind, c.period_start) == ("cumulative", dt.date(2024, 1, 1))


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("The fund has paid out $40 million a year since 2019, its trustees said.",
         "$40 million", 365),
        ("Every week since then, clinics have seen about 300 new patients.", "300", 7),
        ("Since the drought began, some 300 cattle a day have died, herders said.", "300", 1),
    ],
)  # fmt: skip
def test_a_stated_rate_beats_a_since_phrase(text, figure, days):
    c = _holding(text, figure, WEDNESDAY)
    assert (c.period_kind, c.period_days) == ("per_period", days)


@pytest.mark.parametrize(
    "text",
    [
        "By the end of April, 2.4 million people had been vaccinated this year, the agency said.",
        "This year 2.4 million people had been screened by the end of April.",
        "By the end of April this year, 2.4 million passengers had passed through the airport.",
    ],
)
def test_a_total_by_the_end_of_a_month_this_year_runs_from_january_to_that_day(text):
    c = by_figure(text, "2.4 million", WEDNESDAY)
    assert (c.period_kind, c.period_start) == ("cumulative", dt.date(2024, 1, 1))
    assert (c.as_of_start, c.as_of_end) == (dt.date(2024, 4, 30), dt.date(2024, 4, 30))


@pytest.mark.parametrize(
    "text",
    [
        "About 600,000 migrants were expelled in the 14 months after the government began its "
        "crackdown in October 2022, aid groups said.",
        "In the six months following the coup in October 2023, 600,000 people fled.",
        "Some 600,000 homes were rebuilt over the 14 months since the quake struck in "
        "October 2022.",
    ],
)
def test_a_count_in_the_months_after_a_dated_event_is_a_total_since_it(text):
    c = by_figure(text, "600,000", WEDNESDAY)
    assert c.period_kind == "cumulative"
    assert c.period_start is not None and c.period_start.month == 10


def test_a_count_in_the_days_after_an_undated_event_is_no_total():
    text = "Heavy snow fell on Friday. In the two days after it, 260 drivers were rescued."
    assert by_figure(text, "260", WEDNESDAY).period_kind != "cumulative"


@pytest.mark.parametrize(
    "text",
    [
        "Japan bought 6.2m tonnes of coal in March, the most in a single month since 2021.",
        "Exports reached 6.2m tonnes in March, the highest for any month since 2021.",
        "The mine shipped 6.2m tonnes in March, its biggest monthly total since 2021.",
    ],
)
def test_a_record_since_a_year_compares_and_counts_no_total(text):
    c = by_figure(text, "6.2m tonnes", WEDNESDAY)
    assert c.period_kind != "cumulative"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The finance minister unveiled a budget of $48 billion on Tuesday.", "$48 billion"),
        ("Parliament passed the health budget, worth $48 billion, after a long debate.",
         "$48 billion"),
        ("The city has budgeted $48 billion for roads and schools, the mayor said.",
         "$48 billion"),
    ],
)  # fmt: skip
def test_a_sum_a_budget_sets_is_per_year(text, figure):
    c = by_figure(text, figure, WEDNESDAY)
    assert (c.period_kind, c.period_days) == ("per_period", 365)


def test_a_count_beside_a_budget_is_no_sum_per_year():
    text = "Under the new budget, 48 hospitals will be built, the minister said."
    assert by_figure(text, "48", WEDNESDAY).period_kind != "per_period"


@pytest.mark.parametrize(
    "text",
    [
        "The country's wind output reached 31,000 gigawatt hours last year.",
        "Last year hydro generation came to 31,000 gigawatt hours, the grid said.",
        "Coal output fell to 31,000 gigawatt hours last year, the operator said.",
    ],
)
def test_output_over_a_calendar_year_is_per_year(text):
    c = _holding(text, "31,000", WEDNESDAY)
    assert c.period_kind == "per_period"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Last year 310 people were killed on the roads.", dt.date(2023, 1, 1),
         dt.date(2023, 12, 31)),
        ("Last week 310 flights were cancelled, the airport said.", dt.date(2024, 5, 6),
         dt.date(2024, 5, 12)),
        ("Late last month 310 workers walked out, the union said.", dt.date(2024, 4, 21),
         dt.date(2024, 4, 30)),
    ],
)  # fmt: skip
def test_a_relative_date_opening_a_sentence_is_read_with_its_capital(text, start, end):
    c = by_figure(text, "310", WEDNESDAY)
    assert (c.as_of_start, c.as_of_end) == (start, end)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The agency said 3,100 people had been killed since October of last year.",
         dt.date(2023, 10, 1)),
        ("Since November last year, 3,100 homes have been destroyed, officials said.",
         dt.date(2023, 11, 1)),
        ("Rebels have seized 3,100 villages since March this year, the army said.",
         dt.date(2024, 3, 1)),
    ],
)  # fmt: skip
def test_a_month_of_last_or_this_year_is_that_years_month(text, start):
    c = by_figure(text, "3,100", WEDNESDAY)
    assert (c.period_kind, c.period_start) == ("cumulative", start)


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("Health officials reported 412 measles cases last month.", "412", 30),
        ("The province logged 412 new cholera cases in the first quarter.", "412", 91),
        ("In 2023 there were 412 cases of rabies, the ministry said.", "412", 365),
    ],
)
def test_cases_over_a_calendar_period_are_per_that_period(text, figure, days):
    c = by_figure(text, figure, WEDNESDAY)
    assert c.period_kind == "per_period"
    assert abs(c.period_days - days) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "The region has recorded 300 dengue cases so far this year, up from 40 in all of 2023.",
        "So far this year 300 cases have been confirmed, compared with 40 in the whole of 2023.",
        "Officials have counted 300 cases so far this year, against 40 in 2023.",
    ],
)
def test_a_baseline_count_of_cases_in_a_past_year_is_per_that_year(text):
    c = by_figure(text, "40", WEDNESDAY)
    assert c.period_kind == "per_period"
    assert (c.as_of_start, c.as_of_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Arrivals on the islands are now three times the number in January, the agency said "
         "on Monday.", "three times"),
        ("The harvest is twice the 1995 level, farmers said on Monday.", "twice"),
        ("On Monday the board said sales had more than doubled the figure recorded in 2019.",
         "doubled"),
    ],
)  # fmt: skip
def test_a_multiplier_is_dated_by_its_sentence_not_by_its_baselines_date(text, figure):
    assert _day(text, figure) == (MONDAY_BEFORE, MONDAY_BEFORE)


@pytest.mark.parametrize(
    "text",
    [
        "Car sales reached 2.1 million last year, 6 percent more than in 2022, industry data "
        "released on Monday showed.",
        "Rice exports came to 2.1 million tonnes last year, 6 percent less than in 2022, "
        "customs figures published on Monday showed.",
        "Steel output hit 2.1 million tonnes last year, 6 percent higher than in 2022, the "
        "association estimated on Monday.",
    ],
)
def test_a_change_over_last_year_is_dated_by_the_year_not_the_day_it_was_published(text):
    c = by_figure(text, "6 percent", WEDNESDAY)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_a_baseline_recorded_years_ago_is_no_statements_day():
    text = "Attendance averaged 61 percent, below the 64 percent recorded five years ago."
    c = by_figure(text, "61 percent", WEDNESDAY)
    assert (c.as_of_start, c.as_of_end) == (WEDNESDAY, WEDNESDAY)


@pytest.mark.parametrize(
    "text",
    [
        "Steel output hit 2.1 million tonnes last year, 6 percent above 2022, the association "
        "said.",
        "Last year bookings were 6 percent below 2022, hotels said.",
        "Fares rose last year to 6 percent above the level of 2019, the regulator said.",
    ],
)
def test_a_year_after_above_or_below_is_a_baselines(text):
    c = by_figure(text, "6 percent", WEDNESDAY)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@needs_parse
@pytest.mark.parametrize(
    "text",
    [
        "Rebels have staged 90 raids since the truce took effect on May 2, including 16 on "
        "army posts, monitors said.",
        "Since the storm struck on May 2, 90 homes have collapsed, including 16 schools.",
        "Some 90 ships have been seized since the blockade began on May 2, including 16 tankers.",
    ],
)
def test_a_part_of_a_total_since_a_dated_event_is_part_of_that_total(text):
    assert by_figure(text, "16", WEDNESDAY).period_kind == "cumulative"


def test_the_date_kinds_that_date_a_since_clause_are_kinds_the_expressions_name() -> None:
    # periods.toml names them; a misspelt kind would silently date no "since" clause at all.
    from claims.core.extraction import dates

    assert dates._SINCE_DATED
    assert set(dates._EXPRESSIONS.groupindex) >= dates._SINCE_DATED


def test_a_long_article_is_searched_for_its_country_once_not_at_every_sentence() -> None:
    # Whose fiscal year a phrase means falls back on the whole article; done for every
    # sentence, that search made a long article's extraction quadratic.
    import datetime as dt

    from claims.core.extraction import dates, extract

    sentences = [f"Exports rose {n} percent in the quarter, traders said." for n in range(2, 60)]
    sentences.insert(30, "Kenya plans to spend more in fiscal 2025/26, the treasury said.")
    sentences.insert(45, "The deficit will narrow in fiscal 2026/27, the treasury added.")
    dates._first_fiscal_in_article.cache_clear()
    found = extract(" ".join(sentences), published=dt.date(2025, 6, 1))
    assert len(found) >= 58
    assert dates._first_fiscal_in_article.cache_info().misses <= 1
