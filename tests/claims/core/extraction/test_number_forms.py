"""Number forms of real claims, each rule with several phrasings of our own."""

from __future__ import annotations

import pytest

from .helpers import figures, only


@pytest.mark.parametrize(
    "text",
    [
        "Says 30 percent of teachers quit within a decade.",
        "Says 12 percent of bridges are unsafe.",
        "Says 7% of the budget goes to interest.",
    ],
)
def test_a_says_claim_keeps_its_figure(text: str) -> None:
    assert only(text).unit == "percent"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The city approved a $12-billion transit plan.", 12e9),
        ("It is a $3.5-million settlement.", 3.5e6),
        ("Officials floated a 40-billion-euro fund.", 40e9),
    ],
)
def test_a_scale_word_after_a_hyphen_scales_the_figure(text: str, value: float) -> None:
    assert only(text).value_low == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The state will spend Rs 450 crore on roads.", 4.5e9),
        ("Farm loans of ₹3.1 lakh crore were waived.", 3.1e12),
        ("The scheme costs 72,000 crore rupees.", 7.2e11),
        ("Rs. 12 lakh was paid to each family.", 1.2e6),
    ],
)
def test_lakh_and_crore_scale_rupees(text: str, value: float) -> None:
    found = only(text)
    assert (found.value_low, found.unit) == (value, "INR")


@pytest.mark.parametrize(
    "text",
    [
        "The minister told reporters 12 people had died.",
        "Officials told the farmers 40 wells had run dry.",
        "The scheme covers 600 farms in the district.",
        "The new rules cover 300 factories.",
    ],
)
def test_letters_ending_a_word_are_no_currency_sign(text: str) -> None:
    found = only(text)
    assert (found.figure[0].isdigit(), found.unit) == (True, "count")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The bridge will cost HK$2.1 billion.", 2.1e9, "HKD"),
        ("The fine was R$ 12.300 in total.", 12300, "BRL"),
        ("Each family got R$ 1.500 in aid.", 1500, "BRL"),
        ("The bridge will cost HK $2.1 billion.", 2.1e9, "HKD"),
        ("A sum of HK $2.1 billion will pay for the bridge.", 2.1e9, "HKD"),
        ("Lenders agreed a US $400 million loan.", 4e8, "USD"),
    ],
)
def test_dollars_of_other_countries_keep_their_currency(text: str, value: float, unit: str) -> None:
    found = only(text)
    assert (found.value_low, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The phone ships with 128GB of storage.", "gigabyte"),
        ("Each roof panel gives 4kW at noon.", "kilowatt"),
        ("The dam adds 300MW to the grid.", "megawatt"),
    ],
)
def test_units_glued_to_the_digits_are_units(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Output fell -2.7% last quarter.", -2.7),
        ("Retail sales changed by -0.4 percent in May.", -0.4),
        ("The index moved \u22121.3% on the day.", -1.3),
    ],
)
def test_a_minus_sign_against_the_digits_is_a_signed_change(text: str, value: float) -> None:
    assert only(text).value_low == value


@pytest.mark.parametrize(
    "text", ["Prices rose 5%-6% a year.", "The 2020-21 season drew 900 fans.", "A F-16 flew."]
)
def test_a_hyphen_inside_a_range_or_a_code_is_no_minus_sign(text: str) -> None:
    assert all((c.value_low or 0) >= 0 for c in figures(text))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Some 20 or 30 boats were seen.", 20, 30),
        ("Police said 30 or 40 gunmen attacked.", 30, 40),
        ("The strikes freed from 200 to 250 inmates.", 200, 250),
    ],
)
def test_two_guesses_at_one_number_are_one_range(text: str, low: float, high: float) -> None:
    found = only(text)
    assert (found.value_low, found.value_high) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Prices climbed from 40 to 55 dollars.",
        "The toll rose from 90 to 120 overnight.",
        "Exports fell from 3 million to 2 million tonnes.",
    ],
)
def test_a_change_from_one_figure_to_another_stays_two_figures(text: str) -> None:
    assert len(figures(text)) == 2


def test_or_more_is_no_range() -> None:
    assert [c.figure for c in figures("Families of 20 or more people share a tent.")] == ["20"]


@pytest.mark.parametrize(
    "text",
    [
        "Under paragraph 12 of the law the fee is waived.",
        "Section 230 shields the platforms.",
        "The convoy drove down BR 101 at night.",
        "The House passed H.R. 5 on Friday.",
        "Call 555-867-5309 for details.",
        "Dial +44 20 7946 0958 to reach the desk.",
        "He said it&#039;s done.",
    ],
)
def test_identifiers_phone_numbers_and_html_entities_are_never_figures(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("As many as \u201c60% of voters\u201d back the plan.", "at_most"),
        ('He said nearly "40 percent" of homes were hit.', "nearly"),
        ("They cited more than \u201c2,000 cases\u201d last year.", "more_than"),
    ],
)
def test_a_hedge_holds_across_an_opening_quotation_mark(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


# Durations and ages are typed, not dropped: an editor can ask for them, the triage queue hides
# them. Each form with rewordings (spaced, hyphenated, with a hedge, in another clause).
@pytest.mark.parametrize(
    ("text", "figure", "unit", "low", "high"),
    [
        ("The fighting lasted for 12 days, police said.", "12 days", "day", 12, 12),
        ("For twelve days the fighting went on.", "twelve days", "day", 12, 12),
        ("After a six-month siege, the army took the city.", "six", "month", 6, 6),
        ("The city fell to the army after six months of siege.", "six months", "month", 6, 6),
        ("A court handed him a 10-year sentence.", "10", "year", 10, 10),
        ("He will spend 10 years in jail, the court ruled.", "10 years", "year", 10, 10),
        ("The truce held for 48 hours.", "48 hours", "hour", 48, 48),
        ("Talks ran for two to three weeks.", "two to three weeks", "week", 2, 3),
        ("Talks ran over three consecutive weeks.", "three consecutive weeks", "week", 3, 3),
    ],
)
def test_a_duration_is_typed_in_its_time_unit(
    text: str, figure: str, unit: str, low: float, high: float
) -> None:
    found = only(text)
    assert (found.figure, found.figure_kind, found.unit) == (figure, "duration", unit)
    assert (found.value_low, found.value_high) == (low, high)


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("A 17-year-old boy was hurt in the blast.", "17", "boy"),
        ("The blast hurt a boy aged 17.", "17", ""),
        ("The boy, 17 years old, was hurt in the blast.", "17 years", ""),
        ("Hurt in the blast was a boy of age 17.", "17", ""),
    ],
)
def test_an_age_is_typed_in_years(text: str, figure: str, subject: str) -> None:
    found = only(text)
    assert (found.figure, found.figure_kind, found.unit) == (figure, "age", "year")
    assert found.value_low == found.value_high == 17
    if subject:
        assert subject in found.subject


def test_an_age_in_months_keeps_its_unit() -> None:
    found = only("Among the dead was a six-month-old baby.")
    assert (found.figure_kind, found.unit, found.value_low) == ("age", "month", 6)


@pytest.mark.parametrize(
    "text",
    [
        "Three years ago the town was still whole.",
        "The town was still whole three years earlier.",
        "In the past 24 hours the town was shelled again.",
        "The town was shelled again over the last two days.",
        "Two weeks later the town was shelled again.",
    ],
)
def test_a_number_of_days_or_years_that_dates_an_event_is_no_figure(text: str) -> None:
    assert figures(text) == []


def test_counts_beside_a_duration_stay_quantities() -> None:
    found = figures("Over 10 days of shelling, 140 people were killed.")
    assert [(c.figure, c.figure_kind) for c in found] == [
        ("10 days", "duration"),
        ("140", "quantity"),
    ]


# Vague plurals: an order of size, typed "vague", stored as a lower bound with no upper one.
@pytest.mark.parametrize(
    ("text", "figure", "low"),
    [
        ("Dozens of people were killed, police said.", "Dozens", 24),
        ("Police said the blast killed dozens.", "dozens", 24),
        ("Hundreds fled the town overnight.", "Hundreds", 200),
        ("The town emptied overnight as hundreds of families fled.", "hundreds", 200),
        ("Tens of thousands of homes lost power.", "Tens of thousands", 20000),
        ("Power cuts hit tens of thousands of homes.", "tens of thousands", 20000),
        ("Hundreds of thousands of Syrians have fled abroad.", "Hundreds of thousands", 200000),
        ("The rally drew thousands, organisers said.", "thousands", 2000),
    ],
)
def test_a_vague_plural_is_a_lower_bound_of_its_own_kind(
    text: str, figure: str, low: float
) -> None:
    found = only(text)
    assert (found.figure, found.figure_kind, found.qualifier) == (figure, "vague", "at_least")
    assert (found.value_low, found.value_high) == (low, None)


def test_a_number_with_a_plural_scale_word_is_no_vague_figure() -> None:
    assert [c.figure_kind for c in figures("He owes 3 millions to the bank.")] == ["quantity"]


# European separators, only where the context proves the convention.
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Die Strecke ist 219.000 Kilometer lang.", 219000, "km"),
        ("Das Netz misst 12.500 Kilometer.", 12500, "km"),
        ("The fine was R$ 20.500, the court said.", 20500, "BRL"),
        ("A court fined the firm R$ 1.200.000 on Monday.", 1200000, "BRL"),
        ("The bill came to 1.234,5 Euro.", 1234.5, "EUR"),
        ("Each family was paid €3.500 by the ministry.", 3500, "EUR"),
        ("Die Kosten lagen bei 7.250 Euro.", 7250, "EUR"),
    ],
)
def test_dot_groups_are_thousands_where_the_context_proves_it(
    text: str, value: float, unit: str
) -> None:
    found = only(text)
    assert (found.value_low, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The index closed at 219.000 points.", 219.0),
        ("Growth was 2.125 percent last quarter.", 2.125),
        ("The rod is 1.250 metres long.", 1.25),
    ],
)
def test_dot_groups_in_english_stay_decimals(text: str, value: float) -> None:
    assert figures(text)[0].value_low == value


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("After 12 days of fighting, 40 were dead.", "40", "count"),
        ("The court gave him 10 years, and 3 in the appeal.", "3", "count"),
        ("Prices rose 12 percent in six months, and 3 in the year before.", "3", "percent"),
        ("In six months prices rose 12 percent, and 3 in the year before.", "3", "percent"),
    ],
)
def test_a_figure_without_a_noun_never_takes_the_unit_of_a_duration(
    text: str, figure: str, unit: str
) -> None:
    found = [c for c in figures(text) if c.figure == figure]
    assert [(c.unit, c.figure_kind) for c in found] == [(unit, "quantity")]


@pytest.mark.parametrize(
    ("text", "figure", "low", "unit"),
    [
        ("Several thousand people marched on Sunday.", "Several thousand", 3000, "count"),
        ("On Sunday several thousand people marched.", "several thousand", 3000, "count"),
        ("Police said a few hundred protesters stayed.", "a few hundred", 200, "count"),
        ("The firm lost several million dollars.", "several million", 3e6, "USD"),
        ("Several million dollars were lost by the firm.", "Several million", 3e6, "USD"),
        ("Hundreds of millions of euros went to the project.", "Hundreds of millions", 2e8, "EUR"),
    ],
)
def test_several_and_a_few_before_a_scale_word_are_vague_lower_bounds_in_their_unit(
    text: str, figure: str, low: float, unit: str
) -> None:
    found = only(text)
    assert (found.figure, found.figure_kind, found.unit) == (figure, "vague", unit)
    assert (found.value_low, found.value_high) == (low, None)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The toll rose from 1,200 on June 5 to 3,000 on June 9.", "3,000"),
        ("Arrests climbed from 800 on May 2 to 1,500 by May 20.", "1,500"),
        ("From 90 on March 1 the count went to 2,400 on March 8.", "2,400"),
    ],
)
def test_a_count_after_a_date_is_no_end_of_a_day_range(text: str, figure: str) -> None:
    assert figure in [c.figure for c in figures(text)]


def test_a_day_range_is_still_no_figure() -> None:
    assert figures("Talks ran from June 5 to 9 in Geneva.") == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("A 14 percent rise in cargo was reported by the port.", "14 percent"),
        ("A 5% fall in sales followed the strike.", "5%"),
        ("A 300-strong force was sent north.", "300"),
    ],
)
def test_a_sentence_opening_with_a_before_its_figure_keeps_the_figure(
    text: str, figure: str
) -> None:
    assert figure in [c.figure for c in figures(text)]


def test_a_capital_code_before_digits_is_still_no_figure() -> None:
    assert figures("Traffic on BR 277 was stopped for hours.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers said 3,000 were killed \npercent",
        "The toll reached 3,000 killed 3,000 \n percent of it was later revised.",
        "It counted 45 dead\n\nkm of road were closed.",
        "The siege was lifted after one \n month of talks, officials said.",
    ],
)
def test_a_unit_word_on_the_next_line_is_no_part_of_the_figure(text: str) -> None:
    for found in figures(text):
        assert "\n" not in found.figure
        assert found.unit not in {"percent", "km", "month"}


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The county raised KSh 840 million in parking fees.", 840e6, "KES"),
        ("A new clinic will cost KSh3.2 billion, the governor said.", 3.2e9, "KES"),
        ("Windhoek set aside N$120 million for water pipes.", 120e6, "NAD"),
        ("Poland's army will spend 9 billion zlotys on drones.", 9e9, "PLN"),
        ("Dhaka garment wages rose to 12,500 taka.", 12500, "BDT"),
    ],
)
def test_currencies_of_other_countries_are_read_from_signs_and_words(
    text: str, value: float, unit: str
) -> None:
    candidate = only(text)
    assert (candidate.value_low, candidate.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Fuel prices were up 9pc in the week.",
        "The council cut its budget by 4pc.",
        "Sales fell 12 pc last quarter.",
    ],
)
def test_pc_glued_or_spaced_is_percent(text: str) -> None:
    assert only(text).unit == "percent"


def test_a_glued_pc_of_computers_is_no_percent() -> None:
    assert only("The school bought 30 PCs for its library.").unit == "count"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Floods left a quarter of a million people homeless.", 250_000),
        ("Half a million voters stayed at home.", 500_000),
        ("The port handled three-quarters of a billion tonnes.", 750e6),
    ],
)
def test_a_fraction_of_a_scale_word_is_its_share_of_the_scale(text: str, value: float) -> None:
    assert only(text).value_low == value


def test_a_fraction_alone_is_no_figure() -> None:
    assert figures("Half of the staff went on strike.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Measles strikes 31 children per 100,000 in the region.",
        "The country records 212 cases per 100,000 people a year.",
        "There are 4.1 doctors per 1,000 residents.",
    ],
)
def test_the_base_of_a_rate_per_population_is_no_figure(text: str) -> None:
    assert len(figures(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Homes in ZIP code 10021 sold for $2.3 million on average.",
        "Rents in postcode 2010 rose to $820 a week.",
    ],
)
def test_a_postal_code_is_no_figure(text: str) -> None:
    assert len(figures(text)) == 1


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("A kilo of sugar costs 2,000 pounds in Omdurman, Sudan.", "SDG"),
        ("Cairo raised the metro fare to 20 pounds.", "EGP"),
        ("Karachi traders paid 300 rupees for a bag of flour.", "PKR"),
        ("Colombo's bus fares rose to 45 rupees.", "LKR"),
        ("Mumbai's new toll is 90 rupees.", "INR"),
        ("Nairobi will charge 50 shillings for each bag.", "KES"),
        ("Mexico's minimum wage rose to 249 pesos a day.", "MXN"),
    ],
)
def test_a_currency_word_many_countries_use_is_the_currency_of_the_place_named(
    text: str, unit: str
) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "The parcel weighs 12 pounds, the courier in Cairo said.",
        "A calf in Sudan can weigh 60 pounds at birth.",
    ],
)
def test_pounds_that_are_weighed_stay_a_weight_wherever_they_are(text: str) -> None:
    assert only(text).unit == "pound"


def test_pounds_sterling_stay_pounds_sterling_with_another_place_named() -> None:
    assert only("Britain gave Egypt 30 million pounds sterling.").unit == "GBP"


@pytest.mark.parametrize(
    "text",
    [
        "Cholera killed an estimated 4,100 people in the region last year.",
        "The storm killed an additional 30 cattle on the coast.",
    ],
)
def test_an_article_before_a_hedge_and_a_number_is_no_count_of_one(text: str) -> None:
    assert [c.figure for c in figures(text)] == [only(text).figure]
    assert only(text).value_low > 1


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed 12 herders, a police spokesman said, a claim the group rejected.",
        "Soldiers killed 7 smugglers, the army said, an account villagers disputed.",
    ],
)
def test_an_article_after_a_statement_starts_no_list_item(text: str) -> None:
    assert len(figures(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Sales in the first four weeks of trading reached $3 million.",
        "The top five lenders hold 70 percent of deposits.",
        "Over the next three rounds, turnout held at 58 percent.",
    ],
)
def test_a_number_that_picks_members_of_a_series_is_no_figure(text: str) -> None:
    assert len(figures(text)) == 1


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("Retail sales moved +0.6% in March.", "+0.6%", 0.6),
        ("The shipping index gained +2.1 percent on the week.", "+2.1 percent", 2.1),
        ("Output changed by -0.8% in the quarter.", "-0.8%", -0.8),
    ],
)
def test_a_signed_change_keeps_its_sign_in_the_figure(text: str, figure: str, value: float) -> None:
    candidate = only(text)
    assert (candidate.figure, candidate.value_low) == (figure, value)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Pretoria will spend 9 billion rand on trains.", "ZAR"),
        ("The sultanate lent 400 million ringgit.", "MYR"),
        ("Jakarta set aside 12 trillion rupiah for schools.", "IDR"),
    ],
)
def test_currency_names_of_more_countries_are_read(text: str, unit: str) -> None:
    assert only(text).unit == unit
