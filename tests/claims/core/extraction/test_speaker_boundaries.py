"""Where a speaker's name starts and stops, and attributions read from verbs of counting."""

from tests.claims.core.extraction.helpers import by_figure, only


def test_a_name_in_apposition_before_the_verb_is_the_speaker():
    found = only("On Monday, the regional police chief, Maria Okafor, told reporters 12 died.")
    assert found.speaker == "Maria Okafor"


def test_a_relative_clause_between_subject_and_verb_is_skipped():
    found = only("The health office in Tigray, which is run by rebels, has said 70 people died.")
    assert found.speaker == "health office in Tigray"


def test_a_second_reporting_verb_of_one_subject_keeps_that_subject():
    text = "The mayor announced $5 million in repairs and said 30 homes were lost."
    assert by_figure(text, "30").speaker == "mayor"


def test_a_subject_coordinated_with_a_non_reporting_verb_is_the_speaker():
    text = "Chad's army denounced the raid as a provocation and said 11 soldiers were killed."
    assert only(text).speaker == "Chad's army"


def test_a_pronoun_after_an_earlier_reporting_verb_is_not_glued_to_its_subject():
    found = only("The World Bank has said it expects growth of 2 percent next year.")
    assert found.speaker == "World Bank"


def test_a_role_described_speaker_drops_what_the_role_is_for():
    text = "About 300 fighters joined last month, the U.N. special envoy for the peace talks said."
    assert only(text).speaker == "U.N. special envoy"


def test_made_public_does_not_join_a_document_author():
    text = "There are 800 cases, according to a study by Oxford researchers made public on Monday."
    assert only(text).speaker == "Oxford researchers"


def test_according_to_right_after_a_figure_wins_over_the_sentence_speaker():
    text = (
        "The ministry said 90 people died in the storm, which also killed about 15 herders, "
        "according to local elders."
    )
    assert by_figure(text, "15").speaker == "local elders"
    assert by_figure(text, "90").speaker == "ministry"


def test_a_possessive_pronoun_is_dropped_from_a_speaker():
    text = "Peru exports 2 million tonnes a year according to its mining ministry."
    assert only(text).speaker == "mining ministry"


def test_an_organisation_that_has_registered_a_figure_is_its_speaker():
    found = only("The refugee council has registered about 45,000 asylum seekers this year.")
    assert found.speaker == "refugee council"


def test_an_organisation_that_counts_a_figure_is_its_speaker():
    found = only("The observatory counts 1,800 civilian deaths in the province.")
    assert found.speaker == "observatory"
