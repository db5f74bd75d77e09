"""Round 24: numbers that are no figure of what is counted, in our own words: a limit of age said
of people ("children under five") is an age, a number that names a place or a grade ("bed 14",
"stage 6", "hotline 114") is an identifier, and an article before a total or a measured thing
("a toll of 40", "a crater 12 metres deep") counts nothing. Each tried on rewordings."""

import pytest

from tests.claims.core.extraction.helpers import figures


def kinds(text: str) -> dict[str, str]:
    return {c.figure: c.figure_kind for c in figures(text)}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Some 30,000 children under five were treated for malnutrition.", "five"),
        ("Coverage among children under 5 reached 71 percent, the ministry said.", "5"),
        ("Adults over 65 made up 40 percent of the 900 deaths.", "65"),
        ("Vaccines were offered to people older than 60 in the first week.", "60"),
        ("Two boys aged 7 and 11 were among the 31 injured.", "11"),
    ],
)
def test_a_limit_of_age_said_of_people_is_an_age(text: str, age: str):
    assert kinds(text)[age] == "age"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The share of people under 5% of the median income rose.", "5%"),
        ("Some 30,000 children under five were treated for malnutrition.", "30,000"),
        ("Adults over 65 made up 40 percent of the 900 deaths.", "900"),
    ],
)
def test_the_figures_beside_an_age_limit_stay_figures(text: str, figure: str):
    assert kinds(text)[figure] == "quantity"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The girl in bed 14 shares it with her sister, and 600 patients wait.", "14"),
        ("Power cuts reached stage 6 and cost R400 million a day.", "6"),
        ("Callers can dial the hotline 114, which took 2,000 calls.", "114"),
        ("Gunmen shot two guards outside precinct 23 on Monday.", "23"),
        ("The storm, a Category 4 hurricane, killed 48 people.", "4"),
    ],
)
def test_a_number_that_names_a_place_or_a_grade_is_no_figure(text: str, number: str):
    assert number not in kinds(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The blast left a crater 12 metres deep, police said.", "12 metres"),
        ("The raid left a toll of about 40 dead, officials said.", "40"),
        ("Shelling killed four people and wounded 30 more, a tally the ministry confirmed.",
         "30"),
    ],
)  # fmt: skip
def test_an_article_before_a_total_or_a_measured_thing_counts_nothing(text: str, kept: str):
    found = kinds(text)
    assert kept in found
    assert "a" not in found


@pytest.mark.parametrize(
    "text",
    [
        "The attack killed a guard, two drivers and an engineer.",
        "Gunmen wounded a policeman and killed 3 civilians.",
    ],
)
def test_an_article_in_a_casualty_list_still_counts_one(text: str):
    assert figures(text)[0].figure == "a"
    assert figures(text)[0].value_low == 1


# -- number forms of claims from elsewhere --


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("The deficit reached 154,3 billion euros last year.", "154,3 billion euros", 154.3e9,
         "EUR"),
        ("Debt stood at 5,8% of output in the third quarter.", "5,8%", 5.8, "percent"),
        ("A litre of diesel costs 1,85 € at the pump.", "1,85 €", 1.85, "EUR"),
        ("The new rent is 3,5 times what it was in 2015.", "3,5 times", 3.5, "times"),
        ("The scheme reached 7,25,000 farmers by March.", "7,25,000", 725000.0, "count"),
        ("The utility lost R31.4 billion in the year to March.", "R31.4 billion", 31.4e9,
         "ZAR"),
        ("Each day of outages costs about R450 million, economists said.", "R450 million",
         450e6, "ZAR"),
        ("Tickets cost 12 € and a season pass 140 €.", "140 €", 140.0, "EUR"),
    ],
)  # fmt: skip
def test_decimal_commas_indian_groups_the_rand_and_a_trailing_euro(text, figure, value, unit):
    claim = next(c for c in figures(text) if c.figure == figure)
    assert claim.value_low == pytest.approx(value)
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a comma with one digit after it and nothing that proves a decimal: a list
        ("The teams finished with scores of 3,4 and 5 points between them.", "3,4"),
        # "R" before a number with no scale is a name or a code, not the rand
        ("Room R2 holds 30 people, the school said.", "R2"),
    ],
)
def test_a_comma_or_an_r_that_nothing_proves_is_no_number_form(text: str, absent: str):
    assert absent not in {c.figure for c in figures(text)}
