"""Units, multipliers and subjects."""

from __future__ import annotations

from .helpers import by_figure, only


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
