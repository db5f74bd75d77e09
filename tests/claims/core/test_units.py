"""Units of measure: conversions, newsroom spellings and the errors for what does not convert."""

from __future__ import annotations

import math

import pytest

from claims.core import units

KM_PER_MILE = 1.609344  # the international mile, by definition
LITRES_PER_BARREL = 42 * 3.785411784  # an oil barrel is 42 US gallons of 3.785411784 litres

# Conversions


def test_forty_km_is_about_twenty_five_miles() -> None:
    assert units.convert(40, "km", "mile") == pytest.approx(40 / KM_PER_MILE)
    assert units.convert(40, "km", "mile") == pytest.approx(24.85, abs=0.01)


def test_a_mile_is_one_point_six_km() -> None:
    assert units.conversion_factor("mile", "km") == pytest.approx(KM_PER_MILE)


def test_two_times_is_two_hundred_percent() -> None:
    assert units.convert(2, "times", "percent") == pytest.approx(200)


def test_forty_percent_is_zero_point_four_times() -> None:
    assert units.convert(40, "%", "times") == pytest.approx(0.4)


def test_fold_is_another_word_for_times() -> None:
    assert units.convert(3, "fold", "percent") == pytest.approx(300)


def test_barrels_per_day_convert_into_cubic_metres_per_day() -> None:
    assert units.convert(1_000, "barrel/day", "m**3/day") == pytest.approx(LITRES_PER_BARREL)


def test_barrels_per_day_convert_into_oil_barrels_per_year() -> None:
    assert units.convert(1, "bpd", "oil_barrel/year") == pytest.approx(365.25)


def test_square_km_convert_into_square_miles() -> None:
    assert units.convert(1, "km**2", "mile**2") == pytest.approx(1 / KM_PER_MILE**2)


def test_tonnes_are_metric_tons_of_a_thousand_kg() -> None:
    assert units.convert(40, "tonnes", "kg") == pytest.approx(40_000)


def test_a_unit_converts_into_itself_with_factor_one() -> None:
    for unit in ("count", "USD", "km", "percent"):
        assert units.conversion_factor(unit, unit) == 1


def test_conversion_factor_ignores_surrounding_spaces() -> None:
    assert units.conversion_factor(" km ", "mile ") == pytest.approx(1 / KM_PER_MILE)


@pytest.mark.parametrize("infinity", [math.inf, -math.inf])
def test_infinities_stay_infinite_through_a_conversion(infinity: float) -> None:
    assert units.convert(infinity, "km", "mile") == infinity


# Spellings in news copy


@pytest.mark.parametrize(
    ("spelling", "meaning"),
    [
        ("kilometre", "km"),
        ("kilometres", "km"),
        ("%", "percent"),
        ("per cent", "percent"),
        ("Per  Cent", "percent"),
        ("pct", "percent"),
        ("bpd", "barrel/day"),
        ("barrels per day", "barrel/day"),
        ("sq km", "km**2"),
        ("square kilometres", "km**2"),
        ("counts", "count"),
        ("number", "count"),
    ],
)
def test_a_newsroom_spelling_means_its_unit(spelling: str, meaning: str) -> None:
    assert units.are_compatible(spelling, meaning)
    assert units.conversion_factor(spelling, meaning) == pytest.approx(1)


def test_count_is_its_own_dimension() -> None:
    assert units.parse_unit("count").dimensionality != units.parse_unit("percent").dimensionality
    assert units.parse_unit("count").dimensionality != units.parse_unit("times").dimensionality


def test_each_currency_is_its_own_dimension() -> None:
    dimensions = {str(units.parse_unit(code).dimensionality) for code in units.currencies()}
    assert len(dimensions) == len(units.currencies())


@pytest.mark.parametrize("word", ["thousand", "million", "billion", "hundred"])
def test_a_multiplier_word_is_not_a_unit(word: str) -> None:
    assert not units.is_known_unit(word)


def test_known_units_are_known() -> None:
    assert all(units.is_known_unit(u) for u in ("count", "km", "percent", "times", "USD", "bpd"))


def test_the_registry_is_built_once() -> None:
    assert units.registry() is units.registry()


# Units that do not convert


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("count", "percent"),
        ("count", "times"),
        ("count", "km"),
        ("USD", "EUR"),
        ("IQD", "USD"),
        ("USD", "count"),
        ("km", "percent"),
        ("km", "km**2"),
        ("bpd", "barrel"),
    ],
)
def test_incompatible_units_raise_an_error_naming_both(source: str, target: str) -> None:
    assert not units.are_compatible(source, target)
    with pytest.raises(units.UnitError) as info:
        units.conversion_factor(source, target)
    assert repr(source) in str(info.value)
    assert repr(target) in str(info.value)


def test_a_unit_error_is_a_value_error() -> None:
    assert issubclass(units.UnitError, ValueError)


@pytest.mark.parametrize("name", ["widgets", "thousand", "Peshmerga", "2 km"])
def test_an_unknown_unit_raises_an_error_naming_it(name: str) -> None:
    with pytest.raises(units.UnitError, match=f"unknown unit '{name}'"):
        units.parse_unit(name)


def test_converting_from_an_unknown_unit_names_it() -> None:
    with pytest.raises(units.UnitError, match="widgets"):
        units.conversion_factor("widgets", "count")


def test_converting_into_an_unknown_unit_names_it() -> None:
    with pytest.raises(units.UnitError, match="widgets"):
        units.conversion_factor("count", "widgets")


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_an_empty_unit_raises_an_error_asking_for_one(blank: str) -> None:
    with pytest.raises(units.UnitError, match="a unit is required"):
        units.parse_unit(blank)


def test_converting_from_an_empty_unit_raises() -> None:
    with pytest.raises(units.UnitError):
        units.conversion_factor("", "km")


@pytest.mark.parametrize("malformed", ["km/", "/", "km)", "(", "km/0", "-", "km^"])
def test_a_malformed_unit_raises_a_unit_error_naming_it(malformed: str) -> None:
    with pytest.raises(units.UnitError, match="unknown unit"):
        units.parse_unit(malformed)


def test_a_malformed_unit_is_not_known() -> None:
    assert not units.is_known_unit("km/")


# Aliases inside compound units


@pytest.mark.parametrize(
    "spelling", ["barrel / day", "barrels / day", "barrel per day", "bbl/day", "barrel/d"]
)
def test_a_barrel_in_a_compound_unit_is_an_oil_barrel(spelling: str) -> None:
    # "barrel/day" is 42 US gallons a day; the same words spaced differently must not be 31.5.
    assert units.convert(1_000, spelling, "m**3/day") == pytest.approx(LITRES_PER_BARREL)


def test_barrels_per_day_convert_into_barrels_per_year() -> None:
    assert units.convert(1, "bpd", "barrel/year") == pytest.approx(365.25)


@pytest.mark.parametrize("spelling", ["ton/day", "tons / day"])
def test_a_ton_in_a_compound_unit_is_a_metric_ton(spelling: str) -> None:
    # "tons" alone is 1,000 kg; "tons a day" must not become the 907 kg short ton.
    assert units.convert(1, spelling, "kg/day") == pytest.approx(1_000)


@pytest.mark.parametrize(
    ("source", "target"),
    [("count/day", "percent/day"), ("count per day", "percent/day"), ("count/km**2", "1/km**2")],
)
def test_a_count_rate_never_converts_into_a_percent_rate(source: str, target: str) -> None:
    assert not units.are_compatible(source, target)
