"""What is not a claim: years, dates, times, ordinals, durations, names and generic counts."""

from __future__ import annotations

from .helpers import figures


def _found(text: str) -> list[str]:
    return [c.figure for c in figures(text)]


def test_a_year_is_not_a_claim() -> None:
    assert _found("ISIS seized large territories in 2014 and was defeated in 2017.") == []


def test_a_calendar_date_is_not_a_claim() -> None:
    assert _found("The article was published on July 30, 2020 in Erbil.") == []


def test_a_day_month_year_date_is_not_a_claim() -> None:
    assert _found("• Saturday, 11 May 2024 was a quiet day in the city.") == []


def test_a_numeric_date_is_not_a_claim() -> None:
    assert _found("The statement was dated 06-12-2021 by the presidency office.") == []


def test_a_date_range_is_not_a_claim() -> None:
    assert _found("The militants were active between July 16 and 22 in the province.") == []


def test_a_year_range_is_not_a_claim() -> None:
    assert _found("Between 2014 and 2016 the group held its widest ground.") == []
    assert _found("It was worse than during the 2008-09 financial crisis.") == []


def test_a_clock_time_is_not_a_claim() -> None:
    assert _found("The two men were arrested at 10:30 near the checkpoint.") == []
    assert _found("Polls closed at 6 p.m. across the whole country.") == []


def test_ordinals_and_unit_names_are_not_claims() -> None:
    assert _found("The 8th Infantry Division ended the first phase of the operation.") == []


def test_a_number_of_years_that_dates_an_event_is_not_a_claim() -> None:
    assert _found("Three years ago ISIS was defeated in Mosul by the army.") == []


def test_a_duration_is_no_quantity_but_a_typed_duration() -> None:
    found = figures("On Monday the envoy ended a three-day tour of the region.")
    assert [(c.figure, c.figure_kind, c.unit) for c in found] == [("three", "duration", "day")]


def test_an_age_is_no_quantity_but_a_typed_age() -> None:
    found = figures("A 17-year-old was among those detained by the police.")
    assert [(c.figure, c.figure_kind, c.unit) for c in found] == [("17", "age", "year")]


def test_the_two_leaders_is_a_generic_reference() -> None:
    assert _found("During the meeting, the two leaders discussed security in the region.") == []


def test_both_sides_is_a_generic_reference() -> None:
    assert _found("Both sides stressed the need to boost cooperation against terror.") == []


def test_a_number_in_a_name_is_not_a_claim() -> None:
    assert _found("Speaking to France 24 last week, the governor warned again.") == []
    assert _found("Cases of Covid-19 are rising again in the northern provinces.") == []


def test_a_counted_fact_is_a_claim() -> None:
    assert _found("The governments agreed to establish two joint brigades.") == ["two"]


def test_a_lone_article_is_not_a_count() -> None:
    assert _found("Gunmen killed a police officer near the market yesterday.") == []


def test_an_article_in_a_list_of_casualties_counts_as_one() -> None:
    text = (
        "Gunmen raided a farm, killing a border guard, one shepherd, "
        "and an off-duty officer, and wounding seven."
    )
    found = figures(text)
    assert [(c.figure, c.value_low) for c in found] == [
        ("a", 1),
        ("one", 1),
        ("an", 1),
        ("seven", 7),
    ]


def test_sizing_the_source_is_not_a_claim() -> None:
    assert _found("At least 550 pilgrims died, two Arab diplomats told AFP.") == ["550"]


def test_headline_chrome_without_prose_is_skipped() -> None:
    assert _found("A+ A-\n06-12-2021\nRudaw") == []


def test_a_sports_score_or_vote_tally_is_not_a_claim() -> None:
    assert _found("Manchester United won 3-1 on Saturday at home.") == []


def test_a_street_address_is_not_a_claim() -> None:
    assert _found("He lives at 10 Downing Street in central London.") == []


def test_an_age_in_apposition_is_not_a_claim() -> None:
    assert _found("The minister, 54, said the plan would create 1 million jobs.") == ["1 million"]
