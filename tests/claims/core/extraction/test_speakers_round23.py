"""Speaker names and attributions: each rule with several phrasings of our own."""

from __future__ import annotations

import pytest

from .helpers import by_figure, only


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Institute of the Americas said 40 percent of the loans went unpaid.",
            "Institute of the Americas",
        ),
        (
            "Some 1,200 families have returned home, the Bank of the South estimated on Friday.",
            "Bank of the South",
        ),
        (
            "According to the Federation of the Red Crescent, 3,000 volunteers were deployed.",
            "Federation of the Red Crescent",
        ),
        (
            "The International Committee of the Red Cross said it had evacuated 85 patients.",
            "International Committee of the Red Cross",
        ),
    ],
)
def test_a_name_keeps_the_article_inside_it(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Wheat exports will reach 12 million tonnes, the Office of the Chief Scientist said.",
            "Office of the Chief Scientist",
        ),
        (
            "The Office of the Chief Statistician said prices rose 4 percent in March.",
            "Office of the Chief Statistician",
        ),
        (
            "Some 900 complaints were filed last year, according to the Office of the Director"
            " General.",
            "Office of the Director General",
        ),
    ],
)
def test_a_title_inside_an_office_s_name_names_the_office(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "The health ministry said it had found 12 new cases this week, taking this year's"
            " tally to 40.",
            "40",
        ),
        (
            "The agency said floods destroyed 300 homes in May, lifting last year's count to"
            " 2,000.",
            "2,000",
        ),
        (
            "The observatory said 14 people were killed on Sunday, taking this week's tally to 75.",
            "75",
        ),
    ],
)
def test_a_tally_owned_by_a_date_leaves_the_figure_to_the_reporting_verb(
    text: str, figure: str
) -> None:
    assert by_figure(text, figure).speaker is not None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The electoral board declared the incumbent the winner with 61 percent of the vote.",
            "electoral board",
        ),
        (
            "Kenya's election commission declared turnout at 65 percent on Tuesday.",
            "election commission",
        ),
        (
            "On Monday the national electoral council declared that the ruling party had won 58"
            " percent.",
            "national electoral council",
        ),
    ],
)
def test_a_commission_declaring_results_is_their_speaker(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The governor declared a state of emergency after floods swept away 120 homes.",
        "The president declared war after a raid killed 30 soldiers.",
        "The city declared a curfew once looters had ransacked 45 shops.",
    ],
)
def test_declaring_an_emergency_is_a_deed_not_a_report(text: str) -> None:
    assert only(text).speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Floods destroyed 300 homes, researchers at the University of Leeds said.",
            "University of Leeds",
        ),
        (
            "Some 40 percent of the reef is bleached, scientists at the Australian Institute of"
            " Marine Science said.",
            "Australian Institute of Marine Science",
        ),
        (
            "According to researchers from the Karolinska Institute, 1,200 patients took part.",
            "Karolinska Institute",
        ),
    ],
)
def test_researchers_at_an_institution_speak_for_it(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Turnout was close to 70%, according to several pollsters.", "pollsters"),
        ("Many economists said inflation would reach 9 percent by June.", "economists"),
        ("Prices will rise 4 percent, various analysts predicted.", "analysts"),
    ],
)
def test_a_word_counting_the_group_is_no_part_of_its_name(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("At least 14 mines have closed, the consultancy Verisk said.", "Verisk"),
        ("About 40 percent of stores closed, the firm Patagonia said.", "Patagonia"),
        ("About 20 percent of farms closed, the firm Sahara said.", "Sahara"),
        ("At least 15 banks failed, the consultancy Bavaria said.", "Bavaria"),
    ],
)
def test_a_consultancy_named_beside_its_noun_is_the_name(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        (
            "The statistics agency revised first-quarter output to -0.4% from an earlier"
            " estimate of 0.2%.",
            "-0.4%",
            "statistics agency",
        ),
        (
            "Output in the first quarter was revised to 2.1 percent by the statistics bureau.",
            "2.1 percent",
            "statistics bureau",
        ),
        (
            "On Friday the central bank revised its inflation outlook to 6 percent.",
            "6 percent",
            "central bank",
        ),
    ],
)
def test_revising_a_figure_reports_it(text: str, figure: str, speaker: str) -> None:
    assert by_figure(text, figure).speaker == speaker


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        (
            "Storms killed 40 people, the disaster agency said. Its report added that 900 homes"
            " were destroyed.",
            "900",
            "disaster agency",
        ),
        (
            "The WHO counted 12 cases in May. Its data show 30 more in June.",
            "30",
            "WHO",
        ),
        (
            "The central bank kept rates on hold. Its survey found that 60 percent of firms"
            " expect growth.",
            "60 percent",
            "central bank",
        ),
    ],
)
def test_its_document_speaks_for_the_organisation_named_before(
    text: str, figure: str, speaker: str
) -> None:
    assert by_figure(text, figure).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Troops on the border were 4,000 to 5,000, Western diplomats estimated on Monday.",
            "Western diplomats",
        ),
        (
            "Refugees crossing the river were 800 to 900, aid experts estimated in a report on"
            " Friday.",
            "aid experts",
        ),
        (
            "Foreign mercenaries in the region were 600 to 700, independent analysts estimated"
            " in a study last year.",
            "independent analysts",
        ),
    ],
)
def test_people_closing_the_sentence_with_a_participle_are_its_speaker(
    text: str, speaker: str
) -> None:
    assert only(text).speaker == speaker
