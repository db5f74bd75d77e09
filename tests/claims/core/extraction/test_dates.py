"""As-of periods resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .helpers import by_figure, figures, only

FRIDAY = dt.date(2020, 2, 14)


def _as_of(text: str, published: dt.date | None = FRIDAY) -> tuple[object, object, object]:
    candidate = only(text, published)
    return candidate.as_of_start, candidate.as_of_end, candidate.as_of_precision


def test_late_last_month_is_the_last_third_of_the_previous_month() -> None:
    assert _as_of(
        "The envoy said the group has 14- to 18,000 members, he warned late last month."
    ) == (dt.date(2020, 1, 21), dt.date(2020, 1, 31), "span")


def test_a_january_report_is_dated_to_that_january() -> None:
    assert _as_of(
        "A January U.N. report estimated that 3,000 ISIS fighters remain.", dt.date(2024, 9, 1)
    ) == (dt.date(2024, 1, 1), dt.date(2024, 1, 31), "month")


def test_on_a_weekday_is_that_day_of_the_week_before_publication() -> None:
    assert _as_of("Gunmen killed five officers on Thursday, police said.") == (
        dt.date(2020, 2, 13),
        dt.date(2020, 2, 13),
        "day",
    )


def test_last_year_is_the_previous_calendar_year() -> None:
    assert _as_of("Net migration fell to 510,000 last year.") == (
        dt.date(2019, 1, 1),
        dt.date(2019, 12, 31),
        "year",
    )


def test_last_week_is_the_previous_monday_to_sunday() -> None:
    assert _as_of("The coalition carried out 47 strikes last week.") == (
        dt.date(2020, 2, 3),
        dt.date(2020, 2, 9),
        "week",
    )


def test_a_day_range_is_a_span_of_that_month() -> None:
    assert _as_of(
        "Militants carried out 28 attacks between July 16 and 22 alone.", dt.date(2020, 7, 30)
    ) == (dt.date(2020, 7, 16), dt.date(2020, 7, 22), "span")


def test_a_quarter_is_a_quarter() -> None:
    assert _as_of(
        "Unemployment rose to 7.9 per cent in the third quarter.", dt.date(2020, 12, 1)
    ) == (dt.date(2020, 7, 1), dt.date(2020, 9, 30), "quarter")


def test_without_a_time_expression_the_publication_day_is_the_as_of() -> None:
    assert _as_of("The governments agreed to establish two joint brigades.") == (
        FRIDAY,
        FRIDAY,
        "day",
    )


def test_without_a_publication_date_nothing_is_dated() -> None:
    assert _as_of("The governments agreed to establish two joint brigades.", None) == (
        None,
        None,
        None,
    )


def test_an_absolute_month_is_dated_without_a_publication_date() -> None:
    assert _as_of("Exports reached 600,000 tonnes in December 2019.", None) == (
        dt.date(2019, 12, 1),
        dt.date(2019, 12, 31),
        "month",
    )


def test_each_figure_takes_the_period_written_after_it() -> None:
    text = "Exports averaged 2.87 million bpd in May, down from 2.95 million in April."
    may, april = by_figure(text, "2.87 million bpd"), by_figure(text, "2.95 million")
    assert (may.as_of_start.month, april.as_of_start.month) == (5, 4)  # type: ignore[union-attr]


def test_a_day_earlier_is_relative_to_the_date_before_it() -> None:
    text = "Cases rose to 1,209 on Tuesday, up from 954 a day earlier."
    assert by_figure(text, "954", FRIDAY).as_of_start == dt.date(2020, 2, 10)


def test_since_does_not_date_the_figure() -> None:
    assert _as_of("Floods have killed 1,314 people since mid-June.") == (FRIDAY, FRIDAY, "day")


def test_compared_to_the_previous_year_does_not_date_the_figure() -> None:
    assert _as_of("Attacks are nearly doubling compared to the previous year.") == (
        FRIDAY,
        FRIDAY,
        "day",
    )


def test_earlier_this_month_runs_to_the_day_before_publication() -> None:
    assert _as_of(
        "Officials agreed earlier this month to open three rooms.", dt.date(2020, 7, 30)
    ) == (dt.date(2020, 7, 1), dt.date(2020, 7, 29), "span")


def test_one_event_date_covers_coordinated_figures() -> None:
    text = "A bomber killed 63 people and wounded 182 at a wedding late on Saturday."
    assert by_figure(text, "63", FRIDAY).as_of_start == dt.date(2020, 2, 8)


@pytest.mark.parametrize(
    "text",
    [
        "The city had 1.5 million residents before the war, the mayor said.",
        "About 300 clinics were open prior to the earthquake.",
        "Some 40,000 people lived in the valley before its flooding.",
    ],
)
def test_a_figure_dated_before_an_undated_event_is_not_dated_at_publication(text: str) -> None:
    found = figures(text)
    assert found and all(c.as_of_start is None for c in found)


# What kind of figure over time: the period fields a claim stores.


def _kind(text: str, figure: str, published: dt.date | None = FRIDAY) -> tuple:
    c = by_figure(text, figure, published)
    return c.period_kind, c.period_start, c.period_days


@pytest.mark.parametrize(
    "text",
    [
        "More than 4,000 Kurdish fighters have been killed since June 2014, the ministry said.",
        "Since June 2014, 4,000 of the region's soldiers have died, officials said.",
        "The ministry counts 4,000 dead among its troops since June 2014.",
    ],
)
def test_a_toll_since_a_month_is_cumulative_keeps_its_start_and_is_dated_at_the_report(text):
    c = by_figure(text, "4,000", FRIDAY)
    assert (c.period_kind, c.period_start) == ("cumulative", dt.date(2014, 6, 1))
    # The as-of is the report's date, never the start of the count.
    assert (c.as_of_start, c.as_of_end) == (FRIDAY, FRIDAY)


@pytest.mark.parametrize(
    "text",
    [
        "Some 1,200 civilians have died since the war began, a monitor said.",
        "Since the start of the conflict, 1,200 civilians have been killed.",
    ],
)
def test_a_toll_since_an_undated_event_is_cumulative_without_a_start(text):
    assert _kind(text, "1,200") == ("cumulative", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "So far this year 310 migrants have drowned crossing the sea, the agency said.",
        "The agency said 310 migrants had drowned at sea so far this year.",
    ],
)
def test_so_far_this_year_is_a_total_since_the_first_of_january(text):
    assert _kind(text, "310") == ("cumulative", dt.date(2020, 1, 1), None)


def test_to_date_is_a_running_total_of_unsaid_start():
    assert _kind("To date, 85 schools have been rebuilt, the ministry said.", "85")[0] == (
        "cumulative"
    )


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("Militants staged 40 attacks a month in the province, the army said.", "40", 30),
        ("The clinic treats about 200 patients per day, its director said.", "200", 1),
        ("Rebels fired some 30 rockets a week at the town.", "30", 7),
        ("Aid convoys of 12 trucks arrive every two weeks, officials said.", "12", 14),
        ("The ministry said 150 people are arrested monthly in the capital.", "150", 30),
    ],
)
def test_a_count_per_period_keeps_its_length(text, figure, days):
    assert _kind(text, figure) == ("per_period", None, days)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Police said 63 people were killed in the past week.", 7),
        ("In the last seven days, 63 people were killed, police said.", 7),
        ("Police said 63 people had died over the previous month.", 30),
        ("Police said 63 people were killed over the past 48 hours.", 2),
    ],
)
def test_a_count_over_a_rolling_window_is_per_period(text, days):
    assert _kind(text, "63") == ("per_period", None, days)


def test_a_count_of_what_happened_last_year_is_a_count_per_year():
    assert _kind("Gunmen killed 300 villagers last year, the report said.", "300") == (
        "per_period",
        None,
        365,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The country pumped 1.2 million barrels per day in June.",  # the rate is the unit
        "A January report estimated that 3,000 fighters remain.",  # a level, dated by a month
        "The army said 2,500 soldiers were stationed in the north.",
        "Turnout was 27 percent, the commission said a day later.",
    ],
)
def test_a_level_or_a_rate_in_its_unit_is_not_read_as_a_count_per_period(text):
    assert only(text, FRIDAY).period_kind == ""


def test_a_duration_is_not_a_rate():
    # "in a week" says when, not how often.
    assert _kind("The 500 families will be moved in a week, officials said.", "500")[0] == ""


@pytest.mark.parametrize(
    "text",
    [
        "Exports fell to 310 in May, the lowest since 2016, the ministry said.",
        "The 310 arrests were the most since the war, police said.",
        "It was the first time since 2016 that 310 ships docked in a month.",
    ],
)
def test_since_after_a_superlative_compares_and_counts_nothing(text):
    assert _kind(text, "310")[0] != "cumulative"


def test_a_since_belongs_to_the_figure_nearest_it():
    text = "Some 900 families came back in May, raising the total since January to 2,400."
    assert _kind(text, "900")[0] != "cumulative"
    assert _kind(text, "2,400") == ("cumulative", dt.date(2020, 1, 1), None)


# Issue 12: the as-of and the period of constructions the tuning-5 labels stress, each said in
# several ways of our own.
JUNE = dt.date(2020, 6, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "figure", "as_of"),
    [
        (
            "Prior to the uprising that erupted in May 2012, the province grew 90,000 tonnes "
            "of wheat.",
            "90,000 tonnes",
            (dt.date(2012, 4, 1), dt.date(2012, 4, 30)),
        ),
        (
            "The province grew 90,000 tonnes of wheat before the revolt broke out in May 2012.",
            "90,000 tonnes",
            (dt.date(2012, 4, 1), dt.date(2012, 4, 30)),
        ),
        (
            "Before the siege began on March 3, the town had 12,000 residents.",
            "12,000",
            (dt.date(2020, 3, 2), dt.date(2020, 3, 2)),
        ),
        (
            "Before the 2011 revolt the country exported 380,000 barrels a day.",
            "380,000 barrels a day",
            (dt.date(2010, 1, 1), dt.date(2010, 12, 31)),
        ),
    ],
)
def test_a_figure_before_an_event_dated_in_its_sentence_is_of_the_period_just_before(
    text, figure, as_of
):
    c = by_figure(text, figure, JUNE)
    assert (c.as_of_start, c.as_of_end) == as_of


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("In the second week of May, 85 trucks crossed the border.", (8, 14)),
        ("Some 85 trucks crossed the border during the first week of May.", (1, 7)),
        ("The border saw 85 trucks cross in the last week of May.", (25, 31)),
    ],
)
def test_a_week_of_a_month_is_those_seven_days(text, as_of):
    c = by_figure(text, "85", JUNE)
    assert (c.as_of_start.day, c.as_of_end.day, c.as_of_start.month) == (*as_of, 5)


@pytest.mark.parametrize(
    "second",
    [
        "A day later the toll stood at 52.",
        "The following day the toll stood at 52.",
        "One day later, officials put the toll at 52.",
    ],
)
def test_a_shift_that_opens_a_sentence_counts_from_the_date_before(second):
    text = "Officials said on Tuesday that 40 people were hurt. " + second
    assert by_figure(text, "52", FRIDAY).as_of_start == dt.date(2020, 2, 12)


def test_a_shift_before_a_named_event_counts_from_that_event_not_the_last_date():
    text = (
        "The army said on Tuesday that 20 soldiers died. "
        "A month before the truce began on February 1, 70 had died."
    )
    assert by_figure(text, "70", FRIDAY).as_of_start != dt.date(2020, 1, 11)


def test_a_shift_after_an_undated_event_still_counts_from_the_date_before():
    text = "A bomb hit the market on Tuesday. A day after the blast, 30 more people had died."
    assert by_figure(text, "30", FRIDAY).as_of_start == dt.date(2020, 2, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Voters cast their ballots on Sunday. Turnout was 48 percent, the commission said.",
        "Voting took place on Sunday. The commission put turnout at 48 percent.",
    ],
)
def test_a_sentence_without_a_date_takes_the_date_of_the_one_before_it(text):
    c = by_figure(text, "48 percent", FRIDAY)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2020, 2, 9), dt.date(2020, 2, 9))


def test_a_date_of_the_previous_paragraph_does_not_carry_over():
    text = "Voters cast their ballots on Sunday.\n\nTurnout was 48 percent, the commission said."
    assert by_figure(text, "48 percent", FRIDAY).as_of_start == FRIDAY


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        ("In 2005 the mine employed 900 people; today it has far fewer.", "900", 2005),
        ("The mine employed 900 people in 2005; today it employs 200.", "900", 2005),
        ("The mine employed 900 people in 2005; today it employs 200.", "200", 2020),
    ],
)
def test_a_date_after_a_semicolon_belongs_to_its_own_clause(text, figure, year):
    assert by_figure(text, figure, FRIDAY).as_of_start.year == year


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Since the beginning of the year, 2,100 people have been detained.", dt.date(2020, 1, 1)),
        ("Police have held 2,100 people since the start of the year.", dt.date(2020, 1, 1)),
        ("Some 2,100 people have been held since the start of the month.", dt.date(2020, 6, 1)),
        (
            "Since the strike began on January 6, 2,100 workers have walked out.",
            dt.date(2020, 1, 6),
        ),
        (
            "About 2,100 people have been detained since protests broke out in December.",
            dt.date(2019, 12, 1),
        ),
        (
            "Since demonstrations erupted on March 9, police have detained 2,100 people.",
            dt.date(2020, 3, 9),
        ),
    ],
)
def test_a_total_since_the_start_of_a_period_or_a_dated_event_keeps_that_start(text, start):
    c = by_figure(text, "2,100", JUNE)
    assert (c.period_kind, c.period_start) == ("cumulative", start)
    assert (c.as_of_start, c.as_of_end) == (JUNE, JUNE)


@pytest.mark.parametrize(
    "text",
    [
        "Funding has dropped 40 percent since 2019, the agency said.",
        "Since the war began, 40 percent of the schools have closed.",
        "Annual inflation reached 40 percent in January.",
        "Prices have risen 40 percent so far this year.",
    ],
)
def test_a_percentage_is_a_level_whatever_since_or_annual_says(text):
    assert _kind(text, "40 percent") == ("", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Over 5,000 people have died since the war began, including 800 children.",
        "Since the war began, over 5,000 people have died, among them 800 children.",
    ],
)
def test_a_part_of_a_total_since_an_event_is_a_total_too(text):
    assert _kind(text, "5,000")[0] == "cumulative"
    assert _kind(text, "800")[0] == "cumulative"


@pytest.mark.parametrize(
    "text",
    [
        "Another 12 people died overnight, taking deaths to date to 940.",
        "Another 12 people died overnight, which brings the toll so far to 940.",
    ],
)
def test_a_running_total_belongs_to_the_figure_nearest_it(text):
    assert _kind(text, "940")[0] == "cumulative"
    assert _kind(text, "12")[0] != "cumulative"


@pytest.mark.parametrize(
    "text",
    [
        "Cholera has killed 230 people in the region this year.",
        "This year 230 people have been killed by cholera in the region.",
        "In the region, floods have killed 230 people this month.",
    ],
)
def test_a_flow_in_the_perfect_this_year_is_a_total_since_its_start(text):
    c = by_figure(text, "230", JUNE)
    start = dt.date(2020, 6, 1) if "month" in text else dt.date(2020, 1, 1)
    assert (c.period_kind, c.period_start) == ("cumulative", start)
    assert (c.as_of_start, c.as_of_end) == (JUNE, JUNE)


@pytest.mark.parametrize(
    "text",
    [
        "Ticket prices have averaged 230 dinars this year.",
        "The party won 230 seats this year.",
    ],
)
def test_a_level_this_year_is_no_running_total(text):
    assert only(text, JUNE).period_kind != "cumulative"


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("Clinics saw 900 patients per day on average.", "900", 1),
        ("On average clinics saw 900 patients a day on their wards.", "900", 1),
        ("The city will spend 85 million euros a year on roads.", "85 million euros", 365),
        ("The state spent $40 million over the past decade on dykes.", "$40 million", 3650),
        ("Its annual military budget rose to $4 billion.", "$4 billion", 365),
        ("The government set its yearly aid budget at $4 billion.", "$4 billion", 365),
    ],
)
def test_a_stated_rate_or_an_annual_sum_is_a_count_per_period(text, figure, days):
    assert _kind(text, figure) == ("per_period", None, days)


@pytest.mark.parametrize(
    "text",
    [
        "The annual report said 40 clinics had closed.",
        "At its annual meeting the union said 40 clinics had closed.",
    ],
)
def test_an_annual_event_only_dates_the_figure(text):
    assert _kind(text, "40")[0] != "per_period"


@pytest.mark.parametrize(
    "text",
    [
        "By the end of April, 12,000 families had returned home.",
        "Some 12,000 families had gone back by the end of April, officials said.",
        "Officials said 12,000 families had returned by late April.",
    ],
)
def test_a_count_by_a_past_date_is_a_running_total(text):
    c = by_figure(text, "12,000", JUNE)
    assert c.period_kind == "cumulative"
    if "end of April" in text:
        assert (c.as_of_start, c.as_of_end) == (dt.date(2020, 4, 30), dt.date(2020, 4, 30))


@pytest.mark.parametrize(
    "text",
    [
        "The ministry aims to rehouse 12,000 families by the end of the year.",
        "The country wants 12,000 megawatts of solar capacity by 2030.",
    ],
)
def test_a_target_by_a_future_date_is_no_running_total(text):
    assert only(text, JUNE).period_kind != "cumulative"


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        ("Clashes have displaced 2,100 people since Thursday.", FRIDAY, dt.date(2020, 2, 13)),
        ("Since Monday 2,100 people have fled the fighting.", FRIDAY, dt.date(2020, 2, 10)),
        # said on a Friday, "since Friday" is a week back
        ("Some 2,100 people have fled since Friday, aid groups said.", FRIDAY, dt.date(2020, 2, 7)),
        # said in December, "since January" is this year's
        ("The total since January rose to 2,100.", dt.date(2022, 12, 7), dt.date(2022, 1, 1)),
        (
            "Police have counted 2,100 deaths since the first case was reported on March 2.",
            JUNE,
            dt.date(2020, 3, 2),
        ),
        (
            "Since the first body was found in April, 2,100 graves have been dug.",
            JUNE,
            dt.date(2020, 4, 1),
        ),
    ],
)
def test_a_total_since_a_weekday_a_month_or_a_dated_event_starts_in_the_past(
    text, published, start
):
    assert _kind(text, "2,100", published) == ("cumulative", start, None)


@pytest.mark.parametrize(
    "text",
    [
        "Militants freed 12 captives on Tuesday, the second release since the truce.",
        "Bread rose 12 cents on Monday, its third increase since the war.",
        "The 12 arrests were the fourth such raid since the election.",
    ],
)
def test_an_ordinal_before_since_compares_and_counts_nothing(text):
    assert _kind(text, "12")[0] != "cumulative"


@pytest.mark.parametrize(
    "text",
    [
        "Officials reported 300 new cases, bringing the national total to 9,400.",
        "The health ministry added 300 cases, which took the tally to about 9,400.",
        "Another 300 deaths were recorded, raising the overall toll to 9,400.",
    ],
)
def test_bringing_the_total_to_a_figure_makes_it_a_running_total(text):
    assert _kind(text, "9,400")[0] == "cumulative"
    assert _kind(text, "300")[0] != "cumulative"


@pytest.mark.parametrize(
    "text",
    [
        "Exports through the port averaged 2.1 million barrels per day in May.",
        "In May exports from the terminal ran at 2.1 million barrels per day.",
    ],
)
def test_a_rate_in_its_unit_dated_by_a_month_is_a_level(text):
    assert only(text, JUNE).period_kind == ""


@pytest.mark.parametrize(
    ("text", "figure", "reading"),
    [
        ("Over the past week, 640 people caught the virus and 12 died.", "12", "per_period"),
        ("In the last seven days 640 people fell ill and 12 died.", "12", "per_period"),
        ("Shelling has wounded 640 people and killed 12 since Sunday.", "640", "cumulative"),
        ("Since Sunday, shelling has wounded 640 people and killed 12.", "12", "cumulative"),
    ],
)
def test_counts_joined_by_and_share_their_clause_period(text, figure, reading):
    assert _kind(text, figure)[0] == reading


def test_a_count_with_its_own_date_keeps_it_beside_a_coordinated_total():
    text = "Gunmen killed 640 people on Monday and 12 since Sunday."
    assert _kind(text, "640")[0] != "cumulative"


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("Before the war about 500 a day crossed, against 20 now.", "500", 1),
        ("Revenue rose to $2 million a week after the reform, officials said.", "$2 million", 7),
        ("Some 300 tonnes a month before the blockade reached the port.", "300 tonnes", 30),
    ],
)
def test_a_length_right_after_its_figure_is_a_rate_even_before_an_event(text, figure, days):
    assert _kind(text, figure) == ("per_period", None, days)


@pytest.mark.parametrize(
    "text",
    [
        "Police said 23 people died in 2019 and 31 in 2020.",
        "There were 23 deaths in 2019 and 31 in 2020, police said.",
    ],
)
def test_a_count_in_a_year_is_dated_by_that_year_and_is_no_share_of_it(text):
    c = by_figure(text, "31", JUNE)
    assert (c.value_low, c.unit, c.as_of_start) == (31.0, "count", dt.date(2020, 1, 1))


@pytest.mark.parametrize(
    ("text", "baseline", "year"),
    [
        ("Turnout was 28 percent, compared with 44 percent in 2018.", "44 percent", 2018),
        ("Some 28 percent voted, against 44 percent in 2018.", "44 percent", 2018),
        ("Exports fell to 900 tonnes from 1,300 tonnes in 2017.", "1,300 tonnes", 2017),
    ],
)
def test_a_baseline_takes_the_date_of_its_own_phrase_and_the_main_figure_does_not(
    text, baseline, year
):
    assert by_figure(text, baseline, JUNE).as_of_start == dt.date(year, 1, 1)
    main = next(c for c in figures(text, JUNE) if c.figure != baseline)
    assert main.as_of_start == JUNE


def test_more_than_is_a_hedge_not_a_baseline():
    c = by_figure("Officials said more than 900 people fled in 2019.", "900", JUNE)
    assert c.as_of_start == dt.date(2019, 1, 1)


def test_a_schedule_after_from_dates_no_baseline():
    text = "About 900 workers gain from a 5% raise in pay from January 1, officials said."
    assert by_figure(text, "5%", JUNE).as_of_start == JUNE


_MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


@settings(max_examples=60, deadline=None)
@given(
    published=st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2030, 12, 31)),
    back=st.integers(min_value=1, max_value=120),
    wording=st.sampled_from(
        [
            "Since {when}, 4,000 people have fled the region.",
            "Some 4,000 people have fled the region since {when}, officials said.",
            "Officials counted 4,000 arrivals since {when}.",
        ]
    ),
)
def test_since_a_past_month_is_a_total_from_its_first_day_as_of_the_report(
    published, back, wording
):
    first = published.replace(day=1)
    for _ in range(back):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    text = wording.format(when=f"{_MONTH_NAMES[first.month - 1]} {first.year}")
    c = by_figure(text, "4,000", published)
    assert (c.period_kind, c.period_start) == ("cumulative", first)
    assert (c.as_of_start, c.as_of_end) == (published, published)


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("The country exported 1 million tonnes of grain in May.", "1 million tonnes", 31),
        ("In May grain shipments came to 1 million tonnes.", "1 million tonnes", 31),
        ("Some 900 trucks crossed the border last week, officials said.", "900", 7),
        ("Tourism earned the island $300 million in 2019.", "$300 million", 365),
        ("Hospitals admitted 900 patients in the first quarter.", "900", 91),
    ],
)
def test_trade_output_and_services_dated_by_a_calendar_period_are_counts_over_it(
    text, figure, days
):
    kind, _, length = _kind(text, figure, JUNE)
    assert kind == "per_period" and abs(length - days) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "The refinery employed 900 workers in 2019.",
        "The party won 900 seats in 2019.",
        "The fund held $300 million in May.",
    ],
)
def test_a_stock_dated_by_a_calendar_period_stays_a_level(text):
    assert only(text, JUNE).period_kind == ""


SEPTEMBER = dt.date(2021, 9, 14)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "figure", "as_of"),
    [
        # the season just ended, and the one about to start
        ("Heating oil sales dropped 12 percent last winter, traders said.", "12 percent",
         (dt.date(2020, 12, 1), dt.date(2021, 2, 28))),
        ("The utility expects demand to climb 4 percent this winter.", "4 percent",
         (dt.date(2021, 12, 1), dt.date(2022, 2, 28))),
        ("Beach resorts took in 61,000 guests this summer, the board said.", "61,000",
         (dt.date(2021, 6, 1), dt.date(2021, 8, 31))),
    ],
)  # fmt: skip
def test_a_season_is_its_months_nearest_to_publication(text, figure, as_of):
    c = by_figure(text, figure, SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == as_of


@pytest.mark.parametrize(
    ("text", "figure", "as_of", "days"),
    [
        ("Clinics logged 310 measles cases in the week to Sunday.", "310",
         (dt.date(2021, 9, 6), dt.date(2021, 9, 12)), 7),
        ("The airline flew 2.1 million passengers in the quarter to June.", "2.1 million",
         (dt.date(2021, 4, 1), dt.date(2021, 6, 30)), 91),
        ("The state sold $480 million of timber in the fiscal year to March 2021.",
         "$480 million", (dt.date(2020, 4, 1), dt.date(2021, 3, 31)), 365),
    ],
)  # fmt: skip
def test_a_period_to_a_date_ends_on_that_date_and_counts_over_its_length(text, figure, as_of, days):
    c = by_figure(text, figure, SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == as_of
    assert c.period_kind == "per_period" and c.period_days == days


def test_a_rate_per_week_through_a_month_is_no_week_to_that_month():
    c = by_figure("Clinics saw 75 new cases a week through August.", "75", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2021, 8, 1), dt.date(2021, 8, 31))
    assert c.period_days == 7


def test_that_week_is_the_calendar_week_of_the_date_named_before():
    text = (
        "Storms hit the coast on Wednesday, September 1. "
        "Ferries cancelled 95 crossings that week, the port said."
    )
    c = by_figure(text, "95", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2021, 8, 30), dt.date(2021, 9, 5))
    assert c.period_kind == "per_period" and c.period_days == 7


@pytest.mark.parametrize(
    ("text", "main", "baseline", "year"),
    [
        ("Membership stands at 8,200, below the 9,900 it reached six years ago.",
         "8,200", "9,900", 2015),
        ("Some 430 schools reopened, against 610 that were open three years ago.",
         "430", "610", 2018),
    ],
)  # fmt: skip
def test_a_baseline_counted_years_ago_is_that_year(text, main, baseline, year):
    old = by_figure(text, baseline, SEPTEMBER)
    assert (old.as_of_start, old.as_of_end) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
    now = by_figure(text, main, SEPTEMBER)
    assert (now.as_of_start, now.as_of_end) == (SEPTEMBER, SEPTEMBER)


def test_years_ago_after_than_dates_only_the_baseline():
    c = by_figure(
        "Rents rose to $900, far more than tenants paid two years ago.", "$900", SEPTEMBER
    )
    assert (c.as_of_start, c.as_of_end) == (SEPTEMBER, SEPTEMBER)


def test_an_increase_on_a_year_keeps_the_figure_in_its_own_year():
    text = "Exports of wine climbed to 40,000 tonnes last year, a threefold increase on 2017."
    c = by_figure(text, "threefold", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


@pytest.mark.parametrize(
    ("text", "figure", "start"),
    [
        ("So far in 2021 the border has seen 52,000 crossings, guards said.", "52,000",
         dt.date(2021, 1, 1)),
        ("Lenders have approved 7,400 mortgages so far in 2021.", "7,400", dt.date(2021, 1, 1)),
        ("Vineyards have sold 3.2 million bottles year to date.", "3.2 million",
         dt.date(2021, 1, 1)),
    ],
)  # fmt: skip
def test_so_far_in_a_year_and_year_to_date_are_totals_from_its_first_day(text, figure, start):
    c = by_figure(text, figure, SEPTEMBER)
    assert (c.period_kind, c.period_start) == ("cumulative", start)
    assert (c.as_of_start, c.as_of_end) == (SEPTEMBER, SEPTEMBER)


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("The estate produced 5,600 tonnes of tea in 2020.", "5,600 tonnes", 366),
        ("Farmers harvested 70,000 tonnes of maize last year.", "70,000 tonnes", 366),
        ("Boats landed 800 tonnes of squid in August.", "800 tonnes", 31),
    ],
)
def test_output_and_harvests_dated_by_a_calendar_period_are_counts_over_it(text, figure, days):
    kind, _, length = _kind(text, figure, SEPTEMBER)
    assert kind == "per_period" and length == days


@pytest.mark.parametrize(
    ("text", "figure", "start"),
    [
        ("The siege of the port town began in March 2019. Relief agencies say 60,000 residents "
         "have left since the siege began.", "60,000", dt.date(2019, 3, 1)),
        ("Water rationing started on August 2. Since then 340 shops have closed, the chamber of "
         "commerce said.", "340", dt.date(2021, 8, 2)),
        ("The rebellion in the hills erupted in May 2016. Since it began, 9,000 families have "
         "fled to the capital, the Red Cross said.", "9,000", dt.date(2016, 5, 1)),
    ],
)  # fmt: skip
def test_a_total_since_an_event_dated_earlier_in_the_paragraph_counts_from_that_date(
    text, figure, start
):
    c = by_figure(text, figure, SEPTEMBER)
    assert (c.period_kind, c.period_start) == ("cumulative", start)
    assert (c.as_of_start, c.as_of_end) == (SEPTEMBER, SEPTEMBER)


def test_a_since_phrase_ending_its_figures_clause_is_that_figures():
    text = (
        "The unrest broke out in June 2020. Monitors say 14,000 people have been detained since "
        "the unrest began, and 230 have died."
    )
    assert by_figure(text, "14,000", SEPTEMBER).period_start == dt.date(2020, 6, 1)
    assert by_figure(text, "230", SEPTEMBER).period_start == dt.date(2020, 6, 1)


def test_a_since_event_in_another_paragraph_has_no_start():
    text = (
        "The siege began in March 2019.\n\n"
        "Agencies say 60,000 residents have left since the siege began."
    )
    c = by_figure(text, "60,000", SEPTEMBER)
    assert (c.period_kind, c.period_start) == ("cumulative", None)


def test_by_then_is_a_total_up_to_the_date_named_before():
    text = (
        "The river burst its banks on Thursday, September 9. By then 2,700 villagers had been "
        "moved to higher ground, and 6 had died the day before, the governor said."
    )
    moved = by_figure(text, "2,700", SEPTEMBER)
    assert moved.period_kind == "cumulative"
    assert (moved.as_of_start, moved.as_of_end) == (dt.date(2021, 9, 9), dt.date(2021, 9, 9))


def test_a_raised_total_for_this_year_counts_from_its_first_day():
    text = "Officials logged 48 new infections on Monday, taking the tally for this year to 5,130."
    assert _kind(text, "5,130", SEPTEMBER)[:2] == ("cumulative", dt.date(2021, 1, 1))


def test_the_same_period_of_a_year_is_the_period_named_before_in_that_year():
    text = (
        "Sawmills cut 41,000 cubic metres of timber in the first half of the year. Output had "
        "been 8 percent lower in the same period of 2019, the forestry board said."
    )
    c = by_figure(text, "8 percent", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2019, 1, 1), dt.date(2019, 6, 30))


def test_than_in_a_year_dates_the_baseline_not_the_figure():
    text = "Ferry passengers rose 9 percent in August, more than in 2019, the operator said."
    c = by_figure(text, "9 percent", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2021, 8, 1), dt.date(2021, 8, 31))


def test_than_in_the_same_quarter_a_year_earlier_leaves_the_figure_its_quarter():
    text = (
        "Ports handled 5 percent more cargo in the second quarter than in the same quarter a "
        "year earlier."
    )
    c = by_figure(text, "5 percent", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2021, 4, 1), dt.date(2021, 6, 30))


def test_a_fiscal_year_that_began_on_a_date_and_the_one_before_it():
    text = (
        "The ports agency expects fees of $75 million in the fiscal year that began on July 1. "
        "Fees came to $68 million in the previous fiscal year, it said."
    )
    now = by_figure(text, "$75 million", SEPTEMBER)
    assert (now.as_of_start, now.as_of_end) == (dt.date(2021, 7, 1), dt.date(2022, 6, 30))
    before = by_figure(text, "$68 million", SEPTEMBER)
    assert (before.as_of_start, before.as_of_end) == (dt.date(2020, 7, 1), dt.date(2021, 6, 30))


def test_the_previous_fiscal_year_without_one_named_before_is_the_last_calendar_year():
    c = by_figure("Fees came to $68 million in the previous fiscal year.", "$68 million", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def test_a_later_sentence_takes_the_events_date_not_the_day_it_was_reported():
    text = (
        "Rangers seized 14 tonnes of ivory on Saturday, the wildlife service said on Monday. "
        "They also arrested 9 poachers, it said."
    )
    c = by_figure(text, "9", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2021, 9, 11), dt.date(2021, 9, 11))


def test_a_statement_day_alone_still_dates_the_next_sentence():
    text = (
        "The wildlife service said on Monday that patrols were stepped up. "
        "Rangers arrested 9 poachers."
    )
    c = by_figure(text, "9", SEPTEMBER)
    assert (c.as_of_start, c.as_of_end) == (dt.date(2021, 9, 13), dt.date(2021, 9, 13))


@pytest.mark.parametrize(
    ("text", "figure", "days"),
    [
        ("Authorities evacuated 3,400 residents from the valley last week.", "3,400", 7),
        ("Remittances from workers abroad reached $210 million in July.", "$210 million", 31),
    ],
)
def test_evacuations_and_remittances_dated_by_a_calendar_period_are_counts_over_it(
    text, figure, days
):
    kind, _, length = _kind(text, figure, SEPTEMBER)
    assert kind == "per_period" and length == days
