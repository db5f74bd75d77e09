"""Round 24: speakers in writing the earlier rounds' splits lacked, in our own words.

A body's own name before the words that only say what kind of body it is; "he" or "she" for a
name the tagger took for an organisation's; a document closing the sentence after a comma,
whatever the parse made of its verb. Every rule is tried on rewordings."""

import pytest

from tests.claims.core.extraction.helpers import by_figure

# -- a body's own name, then what kind of body it is --


@pytest.mark.parametrize(
    "text, figure, speaker",
    [
        ("Output rose 12 percent last year, the KTU power industry association said.",
         "12 percent", "KTU"),
        ("The Heinrich IWS research institute said prices fell 6 percent in March.",
         "6 percent", "Heinrich IWS"),
        ("Inflation will reach 48 percent, according to the independent PKX group of "
         "analysts.", "48 percent", "PKX"),
        ("The DPA trade federation estimated that 3,200 jobs were lost.", "3,200", "DPA"),
    ],
)  # fmt: skip
def test_a_bodys_name_before_its_kind_is_the_name_alone(text, figure, speaker):
    assert by_figure(text, figure).speaker == speaker


@pytest.mark.parametrize(
    "text, figure, speaker",
    [
        # a place's body is named by what it does
        ("Prices rose 3 percent, the Afghan health ministry said.", "3 percent",
         "Afghan health ministry"),
        ("Kenya's health ministry said 40 people had died.", "40", "health ministry"),
        # an agency of a body the identity table knows is its own speaker
        ("The UN refugee agency said 40,000 people had fled.", "40,000", "UN refugee agency"),
        # people of a body are not the body
        ("Treasury officials said $2 billion would be released.", "$2 billion",
         "Treasury officials"),
    ],
)  # fmt: skip
def test_a_place_an_agency_or_a_bodys_people_keep_their_whole_name(text, figure, speaker):
    assert by_figure(text, figure).speaker == speaker


# -- "he" and "she" for a name the tagger missed --


@pytest.mark.parametrize(
    "text",
    [
        "Ingrid Solberg spoke to traders in Bergen on Monday. Exports, she said, would fall "
        "to 90 billion dollars this year.",
        "Ingrid Solberg, Norway's trade minister, spoke in Bergen on Monday. Exports, she "
        "said, would fall to 90 billion dollars this year.",
        "Ingrid Solberg addressed traders in Bergen on Monday. She said exports would fall to "
        "90 billion dollars this year.",
    ],
)
def test_a_pronoun_stands_for_a_name_the_tagger_took_for_an_organisation(text: str):
    assert by_figure(text, "90 billion dollars").speaker == "Ingrid Solberg"


def test_a_pronoun_does_not_stand_for_a_body_or_a_place():
    text = (
        "The Bergen Chamber of Commerce met on Monday. Exports, she said, would fall to 90 "
        "billion dollars this year."
    )
    assert by_figure(text, "90 billion dollars").speaker != "Bergen Chamber of Commerce"


# -- a document closing the sentence after a comma --


@pytest.mark.parametrize(
    "text, figure, speaker",
    [
        ("The coalition won 31 percent of the vote, an analysis by the Pension Policy "
         "Institute shows.", "31 percent", "Pension Policy Institute"),
        ("The coalition won 31 percent of the vote, an analysis by the Pension Policy "
         "Institute shows, which calls the result a surprise.", "31 percent",
         "Pension Policy Institute"),
        ("Solar parks produced more than 40 gigawatts at noon, data from the Wattnet portal "
         "run by the energy regulator show.", "40 gigawatts", "Wattnet portal"),
        ("Solar parks produced more than 40 gigawatts at noon, data from the grid operator "
         "show.", "40 gigawatts", "grid operator"),
        ("Gas exports rose 6 percent in 2023, Statkraft data show.", "6 percent", "Statkraft"),
    ],
)  # fmt: skip
def test_a_closing_document_speaks_for_its_author(text, figure, speaker):
    assert by_figure(text, figure).speaker == speaker


def test_a_closing_document_with_no_author_names_no_speaker():
    text = "Food prices rose 4 percent in May, official data show."
    assert by_figure(text, "4 percent").speaker is None


# -- a fact-checked claim's maker, and names the tagger cut --


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        ("Instagram reel: Says the scheme pays Rs 40,000 to every household. The ministry "
         "says the cap is lower.", "Rs 40,000", "Instagram reel"),
        ("Viral Telegram message: Says 35% of the budget goes to the army.", "35%",
         "Telegram message"),
        ("Posts on X: Says fuel duty rose 12 percent in May.", "12 percent", "Posts on X"),
        ("Video shared thousands of times on TikTok: Says 60% of nurses have left.", "60%",
         "Video"),
    ],
)  # fmt: skip
def test_a_fact_checked_claim_is_its_makers(text, figure, speaker):
    assert by_figure(text, figure).speaker == speaker


def test_a_colon_before_a_figure_names_no_maker_without_says():
    # the tagger reads "Deaths" as the subject of "said": what is counted is no one, so better
    # no speaker than that one
    text = "Deaths last week: 90, the ministry said."
    assert by_figure(text, "90").speaker in (None, "ministry")


@pytest.mark.parametrize("name", ["deaths", "Casualties", "injuries", "cases"])
def test_what_a_figure_counts_is_never_a_speaker(name: str):
    from claims.core.extraction import speakers

    assert speakers.is_fragment_speaker(name)
    assert not speakers.is_fragment_speaker("Ministry of Health")


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        ("The U.N. Office for the Coordination of Humanitarian Affairs said 80,000 people had "
         "fled the floods.", "80,000", "U.N. Office for the Coordination of Humanitarian Affairs"),
        ("About 80,000 people had fled, the U.N. Office for the Coordination of Humanitarian "
         "Affairs said.", "80,000", "U.N. Office for the Coordination of Humanitarian Affairs"),
        ("The U.S. Agency for International Development said it would give $45 million.",
         "$45 million", "U.S. Agency for International Development"),
        ("The Coordination for the Defence of the Northern Valleys said it had lost 12 fighters.",
         "12", "Coordination for the Defence of the Northern Valleys"),
    ],
)  # fmt: skip
def test_a_long_name_is_read_whole(text, figure, speaker):
    assert by_figure(text, figure).speaker == speaker


@pytest.mark.parametrize(
    "second",
    [
        "Its share was 48.2 percent in 2019.",
        "Their share had been 48.2 percent five years earlier.",
        "It had taken 48.2 percent in 2019.",
    ],
)
def test_a_sentence_about_what_was_just_reported_keeps_its_speaker(second: str):
    text = f"The party won 31.5 percent of the vote, the election board said on Sunday. {second}"
    assert by_figure(text, "48.2 percent").speaker == "election board"


def test_a_possessive_of_a_new_speaker_is_that_speaker():
    text = "The army said 40 soldiers died. Its rival said 300 were killed."
    assert by_figure(text, "300").speaker == "rival"
