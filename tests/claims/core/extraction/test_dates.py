"""As-of periods resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

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
