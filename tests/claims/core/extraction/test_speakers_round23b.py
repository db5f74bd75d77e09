"""Attribution, round 23 (new writing): "the <common noun>" for the organisation named before,
"its" documents and records, a body's seat and a place's possessive, titles before a person,
documents named with their organisation, verbs of counting, quantifiers, and "it" going on with
the report before it.

Every rule is checked on sentences written for it and on their rewordings (synonyms, passive,
reordering, a clause moved); none is a sentence of the labelled corpus.
"""

from __future__ import annotations

import pytest

from claims.core.extraction.speakers import is_fragment_speaker

from .helpers import by_figure, figures, only


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "A study by the Lowy Institute counted 900 attacks last year. The policy shop "
            "says 120 of them were in the capital.",
            "120",
        ),
        (
            "Analysts at the Brookings Institution put the toll at 4,000; the think tank "
            "estimates 700 of the dead were children.",
            "700",
        ),
        (
            "The Kenya Power Company said 30,000 homes lost power. Another 2,000 were cut off "
            "on Friday, the utility said.",
            "2,000",
        ),
        (
            "The National Drought Management Authority issued a warning for 12 counties. "
            "Some 2.1 million people need food aid, the regulator reported.",
            "2.1 million",
        ),
    ],
)
def test_the_common_noun_reporting_stands_for_the_organisation_named_before(
    text: str, figure: str
) -> None:
    named = {
        "120": "Lowy Institute",
        "700": "Brookings Institution",
        "2,000": "Kenya Power Company",
        "2.1 million": "National Drought Management Authority",
    }
    assert by_figure(text, figure).speaker == named[figure]


def test_the_common_noun_does_not_stand_for_a_place_or_a_people() -> None:
    text = "Flight 12 to Nairobi was delayed with 140 passengers on board, the carrier said."
    assert only(text).speaker == "carrier"
    text = "Chadian forces fired 20 rockets on Monday, the general staff said."
    assert by_figure(text, "20").speaker == "general staff"


@pytest.mark.parametrize(
    "text",
    [
        "The Kenya Red Cross Society opened ten camps, and its online tracker counted 4,300 "
        "families in them on Monday.",
        "The Kenya Red Cross Society opened ten camps; 4,300 families were in them on Monday, "
        "its weekly bulletin showed.",
        "The Kenya Red Cross Society opened ten camps. Its database recorded 4,300 families "
        "on Monday.",
    ],
)
def test_its_record_speaks_for_the_organisation_its_stands_for(text: str) -> None:
    assert by_figure(text, "4,300").speaker == "Kenya Red Cross Society"


def test_its_operator_is_someone_of_its_own() -> None:
    text = "The mill grinds 900 tonnes of maize a day, its manager said."
    assert only(text).speaker != "mill"


@pytest.mark.parametrize(
    "text",
    [
        "The attorney general's office in Nairobi said 45 suspects had been charged.",
        "Some 45 suspects have been charged, the attorney general's office in Nairobi said.",
        "According to the attorney general's office in Nairobi, 45 suspects were charged.",
    ],
)
def test_where_a_body_sits_is_no_part_of_its_name(text: str) -> None:
    assert only(text).speaker == "attorney general's office"


@pytest.mark.parametrize(
    "text",
    [
        "About 3,000 families were moved to schools, the county's disaster coordinator said.",
        "The county's disaster coordinator said about 3,000 families were moved to schools.",
        "About 3,000 families were moved, the municipality's disaster coordinator told radio.",
    ],
)
def test_a_place_nouns_possessive_is_no_part_of_a_role(text: str) -> None:
    assert only(text).speaker == "disaster coordinator"


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment rose to 14.2 percent, Chief Statistician Mary Wanjiru Kamau said.",
        "Chief Statistician Mary Wanjiru Kamau said unemployment rose to 14.2 percent.",
        "Unemployment rose to 14.2 percent, Government Statistician Mary Wanjiru Kamau told "
        "lawmakers.",
    ],
)
def test_a_title_inside_a_persons_entity_is_dropped(text: str) -> None:
    assert only(text).speaker == "Mary Wanjiru Kamau"


@pytest.mark.parametrize(
    "text",
    [
        "The Malawi Centre for Disease Control and Response said it had confirmed 240 cases.",
        "The Malawi Centre for Disease Control and Response reported that it had confirmed "
        "240 cases.",
        "The Malawi Centre for Disease Control and Response said on Monday that it had "
        "confirmed 240 cases.",
    ],
)
def test_a_pronoun_stands_for_the_whole_entity_not_a_part_of_it(text: str) -> None:
    assert only(text).speaker == "Malawi Centre for Disease Control and Response"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Uganda Agency for Roads and Bridges said on Monday it had rebuilt 240 bridges.",
            "Uganda Agency for Roads and Bridges",
        ),
        (
            "The Ghana Centre for Malaria Control and Research said it had treated 240 patients.",
            "Ghana Centre for Malaria Control and Research",
        ),
        (
            "Some 240 bridges were rebuilt, the Uganda Agency for Roads and Bridges said.",
            "Uganda Agency for Roads and Bridges",
        ),
    ],
)
def test_and_between_the_objects_of_a_names_for_is_inside_the_name(text: str, name: str) -> None:
    assert only(text).speaker == name


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "World Health Organization figures show 1,200 measles deaths this year.",
            "World Health Organization",
        ),
        ("Measles killed 1,200 children this year, Bank of Uganda data show.", "Bank of Uganda"),
        ("Exports reached $4 billion in May, according to central bank figures.", "central bank"),
        ("The latest finance ministry data put the deficit at $4 billion.", "finance ministry"),
    ],
)
def test_a_document_named_with_its_organisation_speaks_for_it(text: str, author: str) -> None:
    assert figures(text)[0].speaker == author


def test_official_figures_name_no_organisation() -> None:
    assert only("Official figures show 1,200 measles deaths this year.").speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "The ruling party has 130 seats, according to the list of winners published by the "
        "election board.",
        "According to a breakdown released by the election board, the ruling party has 130 seats.",
        "The ruling party has 130 seats, according to the tally of seats compiled by the "
        "election board.",
    ],
)
def test_a_thing_published_by_someone_is_theirs(text: str) -> None:
    assert only(text).speaker == "election board"


@pytest.mark.parametrize(
    "text",
    [
        "The Kenya Medical Research Institute attributed 310 deaths to the outbreak.",
        "The outbreak killed many: the Kenya Medical Research Institute attributed 310 deaths "
        "to it.",
        "Of the deaths, the Kenya Medical Research Institute has attributed 310 to cholera "
        "since May.",
    ],
)
def test_attributing_deaths_reports_them(text: str) -> None:
    assert by_figure(text, "310").speaker == "Kenya Medical Research Institute"


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Health counted 55 deaths, most of them children, its weekly report "
        "showed.",
        "The Ministry of Health has logged 55 deaths, many of them in camps, its daily "
        "bulletin said.",
        "The Ministry of Health has recorded 55 deaths since May, most of them in camps, its "
        "weekly tally showed.",
    ],
)
def test_a_quantifier_never_speaks(text: str) -> None:
    assert by_figure(text, "55").speaker == "Ministry of Health"


@pytest.mark.parametrize("name", ["most", "many", "several", "most of them"])
def test_a_quantifier_is_a_fragment(name: str) -> None:
    assert is_fragment_speaker(name)


@pytest.mark.parametrize(
    "text",
    [
        "Food prices rose 9.1 percent in May, the statistics office said. A year earlier it "
        "had risen 17.3 percent.",
        "The statistics office said food prices rose 9.1 percent in May. It had risen 17.3 "
        "percent a year before.",
        "Food prices climbed 9.1 percent in May, the statistics office told reporters. In "
        "the capital it reached 17.3 percent.",
    ],
)
def test_it_goes_on_with_the_report_before_it(text: str) -> None:
    assert by_figure(text, "17.3 percent").speaker == "statistics office"


def test_an_unreported_sentence_about_something_else_is_the_outlets() -> None:
    text = (
        "Food prices rose 9.1 percent in May, the statistics office said. The city has about "
        "400,000 people."
    )
    assert by_figure(text, "400,000").speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Arabica was quoted at $4.10 a pound on Monday, dealers in Nairobi said.",
        "Dealers in Nairobi said arabica was quoted at $4.10 a pound on Monday.",
        "Arabica was quoted at $4.10 a pound, up from $3.80, dealers in Nairobi said.",
    ],
)
def test_a_price_quoted_is_no_one_quoted(text: str) -> None:
    assert by_figure(text, "$4.10").speaker == "dealers"
