"""Units, multipliers and subjects."""

from __future__ import annotations

import pytest

from .helpers import by_figure, figures, only


def test_percent_word_is_part_of_the_figure() -> None:
    candidate = only("The rebels no longer hold 40 percent of the land they took.")
    assert (candidate.figure, candidate.unit) == ("40 percent", "percent")


def test_percent_sign_is_percent() -> None:
    assert only("Exports fell 12.4% in September.").unit == "percent"


def test_per_cent_in_two_words_is_percent() -> None:
    assert only("Turnout was 28 per cent.").unit == "percent"


def test_dollar_sign_and_scale_are_part_of_the_figure() -> None:
    candidate = only("The bank approved a $1.2 billion loan.")
    assert (candidate.figure, candidate.value_low, candidate.unit) == ("$1.2 billion", 1.2e9, "USD")


def test_euro_and_pound_signs_give_iso_codes() -> None:
    assert only("The plan costs €9 billion.").unit == "EUR"
    assert only("Britain will give £50 million.").unit == "GBP"


def test_dinars_are_iraqi_dinars() -> None:
    assert only("The budget totals 198.9 trillion dinars.").unit == "IQD"


def test_hyphenated_length_keeps_only_the_number_in_the_figure() -> None:
    candidate = only("Commanders pointed to the 40-kilometer security gap along the river.")
    assert (candidate.figure, candidate.unit, candidate.value_low) == ("40", "km", 40)
    assert candidate.subject == "kilometer security gap"


def test_barrels_per_day_is_one_unit() -> None:
    candidate = only("Shipments from the terminal reached 3.3 million barrels per day.")
    assert (candidate.unit, candidate.value_low) == ("barrel/day", 3.3e6)


def test_bpd_abbreviation_is_barrels_per_day() -> None:
    assert only("Shipments fell to 650,000 bpd.").unit == "barrel/day"


def test_square_kilometres_are_an_area() -> None:
    assert only("The enclave covers about 100 square kilometres.").unit == "km**2"


def test_tonnes_are_tonnes() -> None:
    assert only("Exports reached 600,000 tonnes.").unit == "tonne"


def test_other_physical_units_come_from_the_quantulum3_lexicon() -> None:
    assert only("The fire burned through 140,000 acres.").unit == "acre"


def test_a_number_of_things_is_a_count_named_by_its_subject() -> None:
    candidate = only("An agency study put the number still active at 3,000 to 5,000 ISIS fighters.")
    assert (candidate.unit, candidate.subject) == ("count", "ISIS fighters")


def test_a_casualty_participle_joins_the_subject() -> None:
    candidate = only("Recent clashes resulted in the deaths of six security personnel.")
    assert candidate.unit == "count"
    candidate = only("Rockets hit the town and 17 people were killed.")
    assert candidate.subject == "people killed"


def test_nearly_doubling_is_a_multiplier_of_two() -> None:
    candidate = only("The insurgency is recovering, with raids nearly doubling.")
    assert (candidate.figure, candidate.value_low, candidate.unit, candidate.qualifier) == (
        "doubling",
        2,
        "times",
        "nearly",
    )


def test_halved_is_a_multiplier_of_one_half() -> None:
    assert only("Output has halved since 2018.").value_low == 0.5


def test_twice_is_a_multiplier_of_two() -> None:
    assert by_figure("Violations were twice the number in June.", "twice").value_low == 2


def test_tripled_is_a_multiplier_of_three() -> None:
    assert only("Grain shipments have tripled.").value_low == 3


def test_number_times_after_a_rise_is_a_multiplier() -> None:
    candidate = only("The cost of bread has gone up four times since spring.")
    assert (candidate.figure, candidate.unit, candidate.value_low) == ("four times", "times", 4)


def test_one_in_five_is_a_share() -> None:
    candidate = only("One in five children is malnourished.")
    assert (candidate.unit, candidate.value_low) == ("percent", 20)


def test_a_figure_without_a_noun_takes_the_unit_it_is_compared_with() -> None:
    text = "Output averaged 1.9 million barrels per day in June, up from 1.7 million in May."
    assert by_figure(text, "1.7 million").unit == "barrel/day"


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Egypt pumped 64 bcm of gas last year.", "64 bcm", 64e9, "m**3"),
        ("Nigeria's output slipped to 1.3 mb/d in May.", "1.3 mb/d", 1.3e6, "barrel/day"),
        ("The cartel agreed to add 0.4 mbpd from July.", "0.4 mbpd", 0.4e6, "barrel/day"),
    ],
)
def test_a_unit_abbreviation_holding_a_scale_scales_the_figure(
    text: str, figure: str, value: float, unit: str
) -> None:
    candidate = only(text)
    assert (candidate.figure, candidate.value_low, candidate.unit) == (figure, value, unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The reservoir holds 80 million cubic metres.", "m**3"),
        ("The terminal sends out 2 billion cubic feet a day.", "ft**3/day"),
        ("The smelter makes 300,000 tonnes a year.", "tonne/year"),
        ("The plant treats 5 million litres per day.", "litre/day"),
    ],
)
def test_volumes_and_weights_over_a_time_are_rates(text: str, unit: str) -> None:
    assert only(text).unit == unit


def test_a_time_that_dates_the_figure_makes_no_rate() -> None:
    assert (
        by_figure(
            "Rice sales reached 90,000 tonnes, against 70,000 tonnes a year earlier.",
            "70,000 tonnes",
        ).unit
        == "tonne"
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The turbines add 120 MW to the grid.", "megawatt"),
        ("The dam produced 6.1 terawatt hours last year.", "terawatt_hour"),
        ("Households used 950 GWh in January.", "gigawatt_hour"),
        ("Each home panel gives 5kW at noon.", "kilowatt"),
    ],
)
def test_power_and_energy_units_are_read(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("Gold rose to $2,400 an ounce on Friday.", "$2,400 an ounce", "USD/ounce"),
        ("Diesel costs 1.9 euros a litre in Lisbon.", "1.9 euros a litre", "EUR/litre"),
        ("Power sold for 95 euros per megawatt hour.", "95 euros per megawatt hour", "EUR/MWh"),
        ("Wheat fetched $310 a tonne at the port.", "$310 a tonne", "USD/tonne"),
    ],
)
def test_money_per_unit_is_a_price_in_that_unit(text: str, figure: str, unit: str) -> None:
    candidate = only(text)
    assert (candidate.figure, candidate.unit) == (figure, unit)


def test_money_a_year_keeps_its_currency() -> None:
    assert only("The town spends 4 million euros a year on buses.").unit == "EUR"


@pytest.mark.parametrize(
    "text",
    [
        "Fares are now triple their level of 2019.",
        "Rents reached double what they were before the boom.",
        "Imports are quadruple the level of a decade ago.",
    ],
)
def test_a_bare_multiplier_before_what_it_multiplies_is_a_ratio(text: str) -> None:
    assert only(text).unit == "times"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry hopes to double that by next spring.",
        "It was a double blow for the farmers.",
        "Police set up a triple cordon around the square.",
    ],
)
def test_a_multiplier_word_as_a_verb_or_an_adjective_is_no_figure(text: str) -> None:
    assert figures(text) == []
