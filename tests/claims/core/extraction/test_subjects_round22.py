"""Round 22: the counted subject and the scope of figures, in our own words.

Every rule is tried on rewordings (synonyms, passive, reordering, a clause moved)."""

import pytest

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
