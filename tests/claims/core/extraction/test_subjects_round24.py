"""Round 24: what a figure with no noun of its own counts, read from the sentence's structure
(the verb's subject, the figure before it, a question, a fact box's label), never a verb, an
adverb, a date or another figure's unit; and percentage points as a unit of their own.

Every rule is tried on rewordings (synonyms, passive, reordering, a clause moved, other topics),
in our own words."""

import pytest

from claims.core import units
from tests.claims.core.extraction.helpers import by_figure

# -- a figure its verb gives as a value measures the verb's subject --


@pytest.mark.parametrize(
    "text, figure, head",
    [
        ("Core inflation, which the central bank follows closely, held at 4.2 percent in "
         "May.", "4.2 percent", "inflation"),
        ("The shilling lost ground all week and traded at 131 to the dollar on Friday.", "131",
         "shilling"),
        ("Wheat stocks at the state silos had dropped to 800,000 tonnes by the end of April.",
         "800,000 tonnes", "stocks"),
        ("The cap the regulator set for the winter was 1,928 pounds a year.", "1,928 pounds",
         "cap"),
        ("Crude loadings at the terminal averaged 1.4 million barrels a day in June.",
         "1.4 million barrels a day", "loadings"),
    ],
)  # fmt: skip
def test_a_value_the_verb_gives_measures_the_verbs_subject(text: str, figure: str, head: str):
    assert head in by_figure(text, figure).subject.split()


@pytest.mark.parametrize(
    "text, figure, head",
    [
        # what the verb sets to the figure is its object, not the body that sets it
        ("The Reserve Bank lowered its cash rate by 0.25 percentage points to 4.1% on "
         "Tuesday.", "4.1%", "rate"),
        ("On Tuesday the monetary authority brought the policy rate down to 11.5 percent.",
         "11.5 percent", "rate"),
    ],
)  # fmt: skip
def test_a_value_a_verb_sets_its_object_to_measures_the_object(text, figure, head):
    assert head in by_figure(text, figure).subject.split()


def test_a_verb_of_deeds_does_not_lend_its_doer_as_the_counted_thing():
    # "the virus killed 2,600": the virus did it; it is not what was counted
    text = "The outbreak has now sickened about 31,000 people and killed more than 2,600."
    assert "outbreak" not in by_figure(text, "2,600").subject.split()


# -- with no noun, verb subject or label, a figure goes on counting the last thing of its unit --


@pytest.mark.parametrize(
    "text, figure, head",
    [
        ("The ruling bloc will hold 178 seats, well short of the 201 needed to govern alone.",
         "201", "seats"),
        ("Around 31,000 people were in evacuation centres at the height of the storm. By "
         "Thursday only 2,400 remained, the agency said.", "2,400", "people"),
        ("The party carried 58 of the 90 districts, against 61 five years earlier.", "61",
         "districts"),
        ("Annual inflation eased to 18.1 percent in March, the statistics office said. Two "
         "years earlier it had stood at 61.4 percent.", "61.4 percent", "inflation"),
        ("The clinic network logged 14 new dengue cases this week. Across the border, health "
         "officials said they had recorded 9 so far this month.", "9", "cases"),
    ],
)  # fmt: skip
def test_a_figure_with_no_noun_goes_on_with_what_came_before(text, figure, head):
    assert head in by_figure(text, figure).subject.split()


@pytest.mark.parametrize(
    "text, figure, bad",
    [
        ("The fund said it needed $310 million to keep the programme running.",
         "$310 million", {"needed", "it"}),
        ("Exporters sent 2.7 million tonnes abroad in the first half.", "2.7 million tonnes",
         {"abroad"}),
        ("The board approved $1.1 billion, freeing cash for the dam.", "$1.1 billion",
         {"freeing"}),
    ],
)  # fmt: skip
def test_a_verb_an_adverb_or_a_date_is_never_the_counted_thing(text, figure, bad):
    assert not bad & set(by_figure(text, figure).subject.split())


@pytest.mark.parametrize(
    "text, figure, head",
    [
        ("The storm left 14 dead in the valley.", "14", "dead"),
        ("A toll of 33 dead was confirmed by the district hospital on Sunday.", "33", "dead"),
    ],
)  # fmt: skip
def test_a_state_of_people_said_as_a_noun_is_a_counted_thing(text, figure, head):
    assert head in by_figure(text, figure).subject.split()


def test_a_date_is_never_what_a_figure_counts():
    text = "Relief convoys are slowing: on Tuesday 18 got through and on Wednesday 11 more."
    assert "Tuesday" not in by_figure(text, "18").subject.split()


# -- explainers and fact boxes --


@pytest.mark.parametrize(
    "text, figure, head",
    [
        ("How many schools have been damaged? At least 340 since the summer, the education "
         "ministry says.", "340", "schools"),
        ("How many voters turned out? Just over 9 million, according to the commission.",
         "9 million", "voters"),
        ("How much do households spend on fuel each month? About $85, a survey found.", "$85",
         "fuel"),
    ],
)  # fmt: skip
def test_the_answer_to_a_question_counts_what_the_question_asks(text, figure, head):
    assert head in by_figure(text, figure).subject.split()


@pytest.mark.parametrize(
    "text, figure, head",
    [
        ("Cholera in the province, at a glance. Suspected infections since January: 12,400. "
         "The month before: 1,900.", "12,400", "infections"),
        ("Cholera in the province, at a glance. Suspected infections since January: 12,400. "
         "The month before: 1,900.", "1,900", "infections"),
        ("The vote in figures. Registered voters this year: 27.4 million.", "27.4 million",
         "voters"),
    ],
)  # fmt: skip
def test_a_fact_box_label_names_what_its_figure_counts(text, figure, head):
    assert head in by_figure(text, figure).subject.split()


# -- percentage points are their own unit --


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The central bank cut its benchmark rate by 1.5 percentage points on Thursday.",
         "1.5 percentage points"),
        ("Support for the party rose two percentage points in a month, the poll found.",
         "two percentage points"),
        ("Turnout was down 4 percentage points from the last election.",
         "4 percentage points"),
    ],
)  # fmt: skip
def test_a_change_in_percentage_points_has_its_own_unit(text: str, figure: str):
    claim = by_figure(text, figure)
    assert claim.unit == "percentage point"
    assert units.parse_unit(claim.unit) != units.parse_unit("percent")


def test_percentage_points_never_convert_into_percent():
    assert not units.are_compatible("percentage point", "percent")
    assert units.are_compatible("percentage point", "percentage points")


def test_a_rate_after_its_change_in_points_is_the_rate_not_the_change():
    text = "The bank raised its main rate by 2 percentage points to 27 percent."
    assert by_figure(text, "27 percent").subject.split()[0] != "rise"
    assert "rate" in by_figure(text, "27 percent").subject.split()
    assert by_figure(text, "2 percentage points").subject.split()[0] == "rise"


# -- one sum in two currencies --


@pytest.mark.parametrize(
    ("text", "first", "second", "head"),
    [
        ("The cabinet approved a 98.2 trillion yen (about $650 billion) budget for next year.",
         "98.2 trillion yen", "$650 billion", "budget"),
        ("The lender approved a 2 billion euro ($2.2 billion) loan to the utility.",
         "2 billion euro", "$2.2 billion", "loan"),
        ("Kenya's bill seeks to raise an extra 80 billion shillings ($620 million) in taxes.",
         "80 billion shillings", "$620 million", None),
        ("Ministers approved spending of 12,500 crore rupees, or about $1.5 billion, on roads.",
         "12,500 crore rupees", "$1.5 billion", None),
    ],
)  # fmt: skip
def test_one_sum_in_two_currencies_counts_one_thing(text, first, second, head):
    a, b = by_figure(text, first), by_figure(text, second)
    assert a.subject == b.subject
    if head:
        assert head in a.subject.split()


def test_two_sums_in_two_currencies_joined_by_and_keep_their_own_things():
    text = "The fund paid 40 million euros in loans and 3 million dollars in grants."
    assert (
        by_figure(text, "40 million euros").subject != by_figure(text, "3 million dollars").subject
    )
