"""Units and currencies read from context: each rule with several phrasings of our own."""

from __future__ import annotations

import pytest

from claims.core import units

from .helpers import by_figure, figures, only


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        (
            "Egypt's cabinet met on Sunday. It approved 45 billion pounds for new schools.",
            "45 billion pounds",
            "EGP",
        ),
        (
            "The Egyptian parliament passed the plan late at night. Lawmakers set aside 12"
            " billion pounds for rural roads.",
            "12 billion pounds",
            "EGP",
        ),
        (
            "Officials in Beirut met donors on Monday. Repairs to the port will cost 900"
            " billion pounds, they estimate.",
            "900 billion pounds",
            "LBP",
        ),
        (
            "A tonne of wheat now costs 300 pounds more, traders said. Bakeries in Khartoum"
            " have begun to close.",
            "300 pounds",
            "SDG",
        ),
    ],
)
def test_a_shared_currency_word_takes_the_country_another_sentence_names(
    text: str, figure: str, unit: str
) -> None:
    assert by_figure(text, figure).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Workers in Lima were paid 980 soles on average.", "PEN"),
        ("A sack of rice sells for 30,000 CFA francs in Dakar.", "XOF"),
        ("In Cameroon, the fare went up to 500 CFA francs.", "XAF"),
        ("Households in Uganda spend 90,000 shillings on school fees.", "UGX"),
        ("Dar es Salaam traders paid 2,500 shillings for a litre of oil.", "TZS"),
        ("Chile's minimum wage rose to 500,000 pesos.", "CLP"),
        ("Drivers paid 6.1 reais for fuel.", "BRL"),
        ("Jordan's budget set aside 900 million dinars for energy.", "JOD"),
    ],
)
def test_the_currency_of_a_place_comes_from_the_iso_data_for_its_country(
    text: str, unit: str
) -> None:
    found = only(text)
    assert found.unit == unit
    assert units.is_known_unit(found.unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A loaf in Egypt now sells for 50 piastres.", 0.5),
        ("Egyptian bakers were told to charge 35 piastres.", 0.35),
        ("The tram fare in Cairo went up by 25 piastres.", 0.25),
    ],
)
def test_piastres_are_hundredths_of_the_pound(text: str, value: float) -> None:
    found = only(text)
    assert found.unit == "EGP"
    assert (found.value_low, found.value_high) == (pytest.approx(value), pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Pakistan's budget put defence spending at Rs 2.1 trillion.", "PKR"),
        ("In Lahore, a kilo of flour now costs Rs 150.", "PKR"),
        ("Sri Lanka's central bank printed Rs 90 billion last month.", "LKR"),
        ("India's outlay on railways is Rs 2.4 trillion.", "INR"),
        ("The bridge cost Rs 800 crore.", "INR"),
    ],
)
def test_the_rupee_sign_is_the_rupee_of_the_place_named(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Canberra pledged A$2 billion for the new rail line.",
        "Coal exports were worth A$12.5 billion last year.",
        "The miner booked AU$300 million in profit.",
    ],
)
def test_the_australian_dollar_sign_is_aud(text: str) -> None:
    assert only(text).unit == "AUD"


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        (
            "The state will spend 4.2 trillion pounds in Egypt next year, with wages taking"
            " 1.1 trillion of it.",
            "1.1 trillion",
            "EGP",
        ),
        (
            "Revenue reached 80 billion euros, and debt service ate 12 billion of that.",
            "12 billion",
            "EUR",
        ),
        (
            "The port will invest 60 million euros over five years, after spending 25 million"
            " over the decade before.",
            "25 million",
            "EUR",
        ),
    ],
)
def test_a_scale_word_alone_takes_the_unit_of_the_money_before_it(
    text: str, figure: str, unit: str
) -> None:
    assert by_figure(text, figure).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The region may run short of up to 40 petajoules of gas.", "PJ"),
        ("The plant burns 12 PJ of coal each year.", "PJ"),
        ("World demand rose by 1.5 exajoules.", "EJ"),
        ("The new field yields 300 terajoules.", "TJ"),
    ],
)
def test_energy_in_joules_keeps_its_unit(text: str, unit: str) -> None:
    found = only(text)
    assert units.parse_unit(found.unit) == units.parse_unit(unit)


def test_pounds_with_no_place_named_anywhere_are_not_made_a_country_s_currency() -> None:
    found = figures("The crate weighs 40 pounds. It was shipped on Monday.")
    assert found[0].unit == "pound"


@pytest.mark.parametrize(
    "text",
    [
        "Wildfires have destroyed 52,000 hectares of woodland since May.",
        "Locusts stripped some 2 million hectares of farmland, the agency said.",
        "The new reserve protects 8,500 ha of wetland.",
        "Fires have burned 12,000 hectares this month.",
    ],
)
def test_hectares_are_an_area(text: str) -> None:
    assert units.parse_unit(only(text).unit) == units.parse_unit("ha")


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Says 3 out of 4 renters cannot afford a deposit.", 75.0),
        ("Four out of 10 nurses plan to quit, a union survey found.", 40.0),
        ("Nearly 1 out of 5 bridges needs repair.", 20.0),
    ],
)
def test_n_out_of_m_is_a_share(text: str, share: float) -> None:
    found = only(text)
    assert found.unit == "percent"
    assert found.value_low == pytest.approx(share)
