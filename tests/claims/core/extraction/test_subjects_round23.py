"""Round 23: the counted subject of figures with no noun of their own, in our own words.

Every rule is tried on rewordings (synonyms, passive, reordering, a clause moved, other topics)."""

import pytest

from tests.claims.core.extraction.helpers import by_figure

# -- a percentage with no noun in a sentence about an election is a share of the vote --


@pytest.mark.parametrize(
    "text, figure, holder",
    [
        ("In the runoff, Ortega beat Castillo with 61.2 percent, the tribunal said.",
         "61.2 percent", "Ortega"),
        ("The tribunal said Ortega won the runoff with 61.2 percent.", "61.2 percent", "Ortega"),
        ("Final results from the election showed Ortega on 61.2 percent.", "61.2 percent",
         "Ortega"),
        ("Ortega polled 4.1 million votes, or 61.2 percent, against 38.8 percent for Ana Castillo.",
         "38.8 percent", "Ana Castillo"),
        ("With most ballots counted, Ana Castillo trailed on 38.8 percent.", "38.8 percent",
         "Ana Castillo"),
    ],
)  # fmt: skip
def test_a_bare_percentage_in_an_election_is_a_share_of_the_vote(
    text: str, figure: str, holder: str
):
    subject = by_figure(text, figure).subject
    assert subject.startswith("share of the vote")
    assert holder in subject


@pytest.mark.parametrize(
    "text, figure",
    [
        ("A candidate who falls short of the 40 percent required faces a runoff vote.",
         "40 percent"),
        ("Under the electoral law, parties below the 5 percent needed win no seats.", "5 percent"),
        ("The runoff is held when nobody reaches the 50 percent needed to win the election.",
         "50 percent"),
    ],
)  # fmt: skip
def test_a_threshold_of_the_vote_is_no_ones_share(text: str, figure: str):
    subject = by_figure(text, figure).subject
    assert subject.split()[:4] == ["share", "of", "the", "vote"]
    assert " for " not in subject


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Tariffs on steel rose to 25 percent, the ministry said.", "25 percent"),
        ("The company said margins held at 12 percent.", "12 percent"),
    ],
)  # fmt: skip
def test_a_bare_percentage_outside_an_election_is_no_vote_share(text: str, figure: str):
    assert "vote" not in by_figure(text, figure).subject


# -- a multiplier compared with an earlier time is a rise in what its clause counts --


@pytest.mark.parametrize(
    "text, figure, thing",
    [
        ("Clinics treated 9,000 children for malaria in March, three times the number in January.",
         "three times", "children"),
        ("Some 9,000 children were treated for malaria in March, three times as many as a year "
         "earlier.", "three times", "children"),
        ("Ghana's cocoa output could reach 900,000 tonnes next season, more than double its level "
         "in 2015.", "double", "output"),
        ("Farm prices in Kenya hit 80 shillings a kilo last week, triple their level two years "
         "ago.", "triple", "prices"),
    ],
)  # fmt: skip
def test_a_multiplier_on_an_earlier_time_is_a_rise(text: str, figure: str, thing: str):
    subject = by_figure(text, figure).subject
    assert subject.startswith("rise in")
    assert thing in subject


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Repairs would cost $40 billion, roughly twice what the province earns in a year.",
         "twice"),
        ("The ministry put the repair bill at $40 billion, about twice the province's yearly "
         "revenue.", "twice"),
    ],
)  # fmt: skip
def test_a_multiplier_against_another_quantity_is_no_rise(text: str, figure: str):
    assert not by_figure(text, figure).subject.startswith("rise in")
