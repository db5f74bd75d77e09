"""Round 22: the counted subject and the scope of figures, in our own words.

Every rule is tried on rewordings (synonyms, passive, reordering, a clause moved)."""

import pytest

from claims.core.extraction import parse
from tests.claims.core.extraction.helpers import by_figure

# -- a country the sentence names anywhere is the scope of figures whose clause names none --


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("Ghana's statistics office said prices climbed 9 percent in May.", "9 percent", "Ghana"),
        ("Prices climbed 9 percent in May, Ghana's statistics office said.", "9 percent", "Ghana"),
        ("Prices climbed 9 percent in May, the Ghanaian statistics office said.", "9 percent",
         "Ghana"),
        ("According to Peru's ministry, exporters sold $3 billion of copper.", "$3 billion",
         "Peru"),
        ("Some 4,000 houses were flooded, the Bolivian civil defence agency said.", "4,000",
         "Bolivia"),
    ],
)  # fmt: skip
def test_a_country_named_in_the_sentence_is_the_scope(text: str, figure: str, place: str):
    assert by_figure(text, figure).scope == place


def test_a_place_of_the_figures_own_clause_still_wins_over_a_country_named_elsewhere():
    text = "Kenya's health ministry said 300 people had fallen ill in Mombasa."
    assert by_figure(text, "300").scope == "Mombasa"


@pytest.mark.parametrize(
    "text",
    [
        "About 90,000 Americans died of overdoses last year.",
        "Last year overdoses killed about 90,000 Americans.",
    ],
)
def test_a_people_named_by_its_plural_is_no_place(text: str):
    assert by_figure(text, "90,000").scope == ""


def test_a_country_named_in_another_sentence_is_not_the_scope():
    text = "Chile's mining ministry met on Monday. Output rose 4 percent, the ministry said."
    assert by_figure(text, "4 percent").scope == ""


# -- a percentage measuring a comparative is a rise or fall in what its clause counts --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("Exports were 9 percent lower in the previous year, the bureau said.", "9 percent",
         "fall in exports"),
        ("In the previous year exports were 9 percent lower, the bureau said.", "9 percent",
         "fall in exports"),
        ("The bureau said shipments had been 12 percent higher a year before.", "12 percent",
         "rise in shipments"),
        ("Gas imports reached 40 million tonnes, 8 percent more than in 2021.", "8 percent",
         "rise in gas imports"),
        ("Farmers used 3 percent less water than a year earlier.", "3 percent",
         "fall in water"),
    ],
)  # fmt: skip
def test_a_percentage_of_a_comparative_is_a_change(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


def test_a_comparative_whose_clause_names_a_pronoun_is_the_bare_change():
    text = "Police logged 900 crashes in May. That was 6 percent fewer than in April."
    assert by_figure(text, "6 percent").subject.split()[0] == "fall"


# -- a multiplier that is a verb, or measures one, is a rise or fall in the verb's subject --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("Rents in the capital have doubled since 2020.", "doubled", "rise in rents"),
        ("Since 2020 rents in the capital have doubled.", "doubled", "rise in rents"),
        ("Output at the mine halved last year, the company said.", "halved",
         "fall in output"),
        ("The company said output at the mine had halved.", "halved", "fall in output"),
        ("Departures from the port have risen threefold.", "threefold",
         "rise in departures"),
        ("Cholera cases in the province tripled in a month.", "tripled",
         "rise in cholera cases"),
    ],
)  # fmt: skip
def test_a_multiplier_verb_is_a_change_of_its_subject(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


# -- a measure of a good that a verb of trade or output moves counts that flow --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("Chile exported 2 million tonnes of copper in May.", "2 million tonnes",
         "copper exports"),
        ("In May, Chile exported about 2 million tonnes of copper, officials said.",
         "2 million tonnes", "copper exports"),
        ("Officials said Peru imported 300,000 tonnes of wheat last year.", "300,000 tonnes",
         "wheat imports"),
        ("The field pumps 1.2 million barrels a day of crude.", "1.2 million barrels a day",
         "crude output"),
        ("The utility buys 5 million tonnes of coal a year.", "5 million tonnes",
         "coal purchases"),
        ("Korea imported 3m tonnes of LNG in May, the ministry said.", "3m tonnes",
         "LNG imports"),
        ("Serbia imported a daily average of 4 million cubic metres of gas in May.",
         "4 million cubic metres", "gas imports"),
    ],
)  # fmt: skip
def test_a_measure_of_a_traded_good_counts_the_flow(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


# -- a baseline counts what the figure it is compared with counts, across a reporting clause --


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Some 40,000 migrants had been counted in Chad, the agency said, up from 25,000 in May.",
         "25,000"),
        ("The agency said 40,000 migrants had been counted in Chad, up from 25,000 in May.",
         "25,000"),
        ("About 40,000 migrants were counted in Chad in June, against 25,000 in May.", "25,000"),
        ("About 40,000 migrants were counted in Chad in June, officials said, compared with "
         "25,000 in May.", "25,000"),
        ("About 40,000 migrants were counted in Chad in June, officials said, after 25,000 in "
         "May.", "25,000"),
    ],
)  # fmt: skip
def test_a_baseline_takes_the_noun_of_the_figure_compared(text: str, figure: str):
    found = by_figure(text, figure)
    assert "migrants" in found.subject.split()
    assert found.scope == "Chad"


@pytest.mark.parametrize(
    "text",
    [
        "Chile's inflation eased to 3.8 percent in May, the central bank said, from 4.1 percent.",
        "Inflation in Chile eased to 3.8 percent in May from 4.1 percent, the bank said.",
    ],
)
def test_a_start_past_a_reporting_clause_is_a_baseline(text: str):
    assert by_figure(text, "4.1 percent").subject == by_figure(text, "3.8 percent").subject


def test_the_start_of_a_change_to_a_named_end_is_a_baseline():
    text = "The treasury expects the shortfall to shrink to 3 percent next year from 5 percent."
    assert by_figure(text, "5 percent").subject == by_figure(text, "3 percent").subject


def test_a_figure_from_a_source_is_no_baseline():
    text = "Mali received 300 tonnes of seed, and 120 tonnes came from donors in Europe."
    assert not _is_baseline(text, "120 tonnes")


def _is_baseline(text: str, figure: str) -> bool:
    start = text.index(figure)
    return parse.is_baseline(text, start, start + len(figure))


# -- a bare count said to be a noun ("12 of them were bombings") counts that noun --


@pytest.mark.parametrize(
    "text, figure, noun",
    [
        ("Police recorded 40 attacks this year, and 12 of them were bombings.", "12", "bombings"),
        ("Of the attacks police recorded this year, 12 were bombings.", "12", "attacks"),
        ("Some 300 people have caught the virus, and 45 of them are nurses.", "45", "nurses"),
        ("Some 300 people have caught the virus; 45 of those are nurses, officials said.", "45",
         "nurses"),
        ("Of the 300 people who caught the virus, 45 are nurses.", "45", "people"),
    ],
)  # fmt: skip
def test_a_count_said_to_be_a_noun_counts_that_noun(text: str, figure: str, noun: str):
    assert noun in by_figure(text, figure).subject.split()


# -- a percentage "of" a noun is a share of it --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("The dam supplies 18 percent of the country's electricity.", "18 percent",
         "share of electricity"),
        ("About 18 percent of the country's electricity comes from the dam.", "18 percent",
         "share of electricity"),
        ("Reservoirs held 60 percent of their capacity in July, the utility said.",
         "60 percent", "share of capacity"),
        ("In July the utility said reservoirs were holding 60 percent of capacity.",
         "60 percent", "share of capacity"),
    ],
)  # fmt: skip
def test_a_percentage_of_a_noun_is_a_share_of_it(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


def test_a_percentage_of_the_economy_is_no_share_of_it():
    text = "The deficit reached 6 percent of GDP last year."
    assert not by_figure(text, "6 percent").subject.startswith("share")


# -- any amount after "by" on a verb of change is a change in what the verb changes --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("Road deaths fell by 2,000 last year.", "2,000", "fall in road deaths"),
        ("Last year, road deaths fell by 2,000, police said.", "2,000", "fall in road deaths"),
        ("Public debt has grown by $3 billion since 2020.", "$3 billion", "rise in public debt"),
        ("Since 2020 public debt has grown by $3 billion.", "$3 billion", "rise in public debt"),
        ("The cartel has cut its output by 1 million barrels a day.",
         "1 million barrels a day", "cut in output"),
        ("The firm reduced its workforce by 400.", "400", "cut in workforce"),
    ],
)  # fmt: skip
def test_an_amount_after_by_is_a_change(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


def test_an_amount_a_verb_of_change_takes_as_its_object_is_no_change():
    assert by_figure("The company said it would cut 500 jobs.", "500").subject == "jobs"


# -- "N of them X" after a count: the noun the part is said to be is the figure's own --


@pytest.mark.parametrize(
    "text",
    [
        "A blast killed 20 people on Sunday, six of them children, police said.",
        "Police said a blast had killed 20 people in the market, six of them children.",
        "Twenty people, six of them children, were killed by the blast, police said.",
    ],
)
def test_a_part_said_to_be_a_noun_counts_that_noun(text: str):
    assert by_figure(text, "six").subject.split()[0] == "children"


# -- a country named only in a clause about another event is not the figure's --


@pytest.mark.parametrize(
    "text",
    [
        "Some 90 sailors were injured after a missile hit a port in Ukraine.",
        "After a missile hit a port in Ukraine, some 90 sailors were hurt.",
    ],
)
def test_a_country_of_another_events_clause_is_not_the_scope(text: str):
    assert by_figure(text, "90").scope == ""


# -- who acts in the figure's clause (its verb's subject) is in the scope --


@pytest.mark.parametrize(
    "text, figure, actor",
    [
        ("The government spent $2 billion on roads last year.", "$2 billion", "government"),
        ("Last year the government spent $2 billion on roads, the audit found.", "$2 billion",
         "government"),
        ("The ruling party won 140 seats, the commission said.", "140", "ruling party"),
        ("Rebel forces launched 30 drone strikes on Monday.", "30", "Rebel forces"),
        ("Households used 4 percent less gas than a year earlier.", "4 percent", "Households"),
    ],
)  # fmt: skip
def test_the_doer_of_the_figures_clause_is_in_the_scope(text: str, figure: str, actor: str):
    assert actor.lower() in by_figure(text, figure).scope.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Police recorded 31 shootings in the first week.",
        "In the first week police counted 31 shootings.",
    ],
)
def test_one_who_only_counts_the_figure_is_no_doer(text: str):
    assert by_figure(text, "31").scope == ""


# -- a figure after "worth" gives the value of the noun it describes --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("The government unveiled a plan worth $8 billion.", "$8 billion", "value of plan"),
        ("A plan worth $8 billion was unveiled by the government.", "$8 billion",
         "value of plan"),
        ("The grant they would lose was worth up to £300.", "£300", "value of grant"),
        ("The utility expects coal purchases worth 90 billion yen this year.",
         "90 billion yen", "value of coal purchases"),
    ],
)  # fmt: skip
def test_a_figure_after_worth_is_a_value(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


# -- a bare total counts what the figure before it of its unit counts --


@pytest.mark.parametrize(
    "text",
    [
        "Clinics logged 300 new measles cases this week, bringing the total to 5,100.",
        "Clinics logged 300 new measles cases this week, which took the tally to 5,100.",
    ],
)
def test_a_bare_total_counts_the_earlier_figures_noun(text: str):
    subject = by_figure(text, "5,100").subject.split()
    assert "cases" in subject and subject[0] in ("total", "tally")


# -- a lone first word the model takes for a name, but a common noun, can be the subject --


@pytest.mark.parametrize(
    "text",
    [
        "Turnout in the vote reached 61.5 percent, the tally shows.",
        "Turnout reached 61.5 percent, the commission said.",
        "The commission said turnout reached 61.5 percent.",
    ],
)
def test_a_common_noun_taken_for_a_name_is_still_the_subject(text: str):
    assert "turnout" in by_figure(text, "61.5 percent").subject.lower().split()


# -- money a verb of trade takes after "for", "at" or "from" is a price or a cost --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("The group sold 1.5bn shares at 27 riyals each.", "27 riyals", "price of shares"),
        ("Shares were sold at 27 riyals each, the group said.", "27 riyals", "price of Shares"),
        ("The firm will buy 32 trucks for $7 million, officials said.", "$7 million",
         "cost of trucks"),
        ("Officials said 32 trucks would be bought for $7 million.", "$7 million",
         "cost of trucks"),
        ("The phone comes with a battery, priced from US$899.", "US$899",
         "price of battery"),
    ],
)  # fmt: skip
def test_money_a_trade_verb_takes_is_a_price(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject.lower() == subject.lower()


# -- a bare figure after "of" is the value of the noun it hangs on --


@pytest.mark.parametrize(
    "text, figure, noun",
    [
        ("The state ran a deficit of $1.8 trillion in fiscal 2024.", "$1.8 trillion", "deficit"),
        ("In fiscal 2024 a deficit of $1.8 trillion was run up.", "$1.8 trillion", "deficit"),
        ("The new government inherited public debt of $96 billion.", "$96 billion", "debt"),
        ("The rebels lost control of 40 percent of the land they held.", "40 percent", "land"),
    ],
)  # fmt: skip
def test_a_bare_figure_after_of_values_its_noun(text: str, figure: str, noun: str):
    assert noun in by_figure(text, figure).subject.split()


# -- a place the sentence names in another phrase is the scope when the figure's has none --


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Prices rose 6 percent in May, the statistics office in Lima said.", "6 percent"),
        ("The statistics office in Lima said prices rose 6 percent in May.", "6 percent"),
        ("Police in Lima said about 1,300 people marched on Monday.", "1,300"),
    ],
)
def test_a_place_named_elsewhere_in_the_sentence_is_the_scope(text: str, figure: str):
    assert by_figure(text, figure).scope == "Lima"


@pytest.mark.parametrize(
    "text",
    [
        "The militia has about 7,000 gunmen in Yemen, officials said.",
        "About 7,000 gunmen are kept in Yemen by the militia, officials said.",
    ],
)
def test_one_who_only_holds_what_the_figure_counts_is_no_doer(text: str):
    assert by_figure(text, "7,000").scope == "Yemen"


# -- a word that says which part of a place is part of its name; "neighbouring" is not --


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("Some 5,000 refugees arrived in eastern Chad in May.", "5,000", "eastern Chad"),
        ("In May some 5,000 refugees were counted in eastern Chad.", "5,000", "eastern Chad"),
        ("About 800 migrants died in the central Mediterranean this year.", "800",
         "central Mediterranean"),
        ("Aid reached 300 families in neighbouring Chad.", "300", "Chad"),
    ],
)  # fmt: skip
def test_a_part_of_a_place_keeps_its_direction(text: str, figure: str, place: str):
    assert by_figure(text, figure).scope == place


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces launched 40 drone strikes on Monday, the ministry said.",
        "On Monday, Russian forces launched 40 drone strikes.",
    ],
)
def test_a_country_only_a_doers_adjective_names_is_the_doers(text: str):
    assert by_figure(text, "40").scope == "Russian forces"


# -- a passive "is put at N" values its subject, whether "at" is parsed a preposition or not --


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The toll from the raid is put at anywhere between 200 and 600.", "200 and 600"),
        ("The toll from the raid was put at 300, officials said.", "300"),
        ("Officials said the toll from the raid was put at 300.", "300"),
    ],
)
def test_a_passive_put_at_values_its_subject(text: str, figure: str):
    assert by_figure(text, figure).subject.split()[0] == "toll"


# -- "a rise of N percent in X" is a rise in X; "tripled in price" names the measure --


@pytest.mark.parametrize(
    "text",
    [
        "A rise of 12 percent in petrol prices was reported on Monday.",
        "The regulator reported a rise of 12 percent in petrol prices.",
    ],
)
def test_a_change_of_a_percentage_in_a_noun_is_a_change_in_it(text: str):
    assert by_figure(text, "12 percent").subject == "rise in petrol prices"


@pytest.mark.parametrize(
    "text",
    [
        "Cooking gas has tripled in price since June.",
        "Since June, cooking gas has tripled in price, residents said.",
    ],
)
def test_a_multiplier_in_a_measure_names_the_measure(text: str):
    assert by_figure(text, "tripled").subject == "rise in cooking gas price"


# -- a bare count after a count of a noun counts that noun, even past a reporting clause --


@pytest.mark.parametrize(
    "text",
    [
        "Kenya has taken in 400,000 refugees since May, its agency said, while Uganda has "
        "received 150,000.",
        "Since May Kenya has taken in 400,000 refugees and Uganda has received 150,000, the "
        "agency said.",
    ],
)
def test_a_bare_count_counts_the_noun_of_the_count_before(text: str):
    assert by_figure(text, "150,000").subject.split()[0] == "refugees"


@pytest.mark.parametrize(
    "text",
    [
        "Some 13,000 people were living in the camp, which was built for 2,800.",
        "The camp, built for 2,800, was housing some 13,000 people.",
    ],
)
def test_a_bare_count_a_preposition_brings_in_is_no_count_of_the_noun_before(text: str):
    assert by_figure(text, "2,800").subject.split()[:1] != ["people"]
