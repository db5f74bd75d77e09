"""Attribution: who a figure is attributed to."""

from __future__ import annotations

from .helpers import by_figure, figures, only


def test_subject_of_said_after_the_figure_is_the_speaker() -> None:
    candidate = only("At least 14 people were killed in the blast, police said.")
    assert (candidate.speaker, candidate.speaker_kind) == ("police", "organisation")


def test_subject_of_said_before_the_figure_is_the_speaker() -> None:
    assert only("Kazakh authorities said 164 people had been killed.").speaker == (
        "Kazakh authorities"
    )


def test_according_to_names_the_speaker() -> None:
    candidate = only(
        "More than 250,000 people have fled, according to the International "
        "Organization for Migration."
    )
    assert candidate.speaker == "International Organization for Migration"


def test_a_document_is_a_speaker_without_its_month() -> None:
    candidate = only("A January U.N. report estimated that 3,000 to 5,000 ISIS fighters remain.")
    assert (candidate.speaker, candidate.speaker_kind) == ("U.N. report", "document")


def test_an_organisation_with_an_adverb_before_its_verb() -> None:
    candidate = only("U.S. Central Command recently warned that attacks were nearly doubling.")
    assert (candidate.speaker, candidate.speaker_kind) == ("U.S. Central Command", "organisation")


def test_a_name_followed_by_its_title_after_a_quote_is_the_speaker() -> None:
    text = (
        "ISIS is returning “as a single front,” with 14- to 18,000 members fighting for the "
        "group, James F. Jeffrey, US Special Envoy for the Global Coalition to Defeat ISIS "
        "warned late last month."
    )
    candidate = only(text)
    assert (candidate.speaker, candidate.speaker_kind) == ("James F. Jeffrey", "person")


def test_a_title_before_a_name_is_dropped() -> None:
    text = "The plan costs €9 billion, Finance Minister Olaf Brenner announced."
    assert only(text).speaker == "Olaf Brenner"


def test_a_claim_in_a_propaganda_newspaper_is_attributed_to_the_group() -> None:
    text = (
        "Last week, ISIS claimed in its weekly propaganda newspaper al-Naba that its militants "
        "had carried out 28 attacks in Iraq."
    )
    assert only(text).speaker == "ISIS"


def test_adding_that_keeps_the_speaker_of_the_clause_before() -> None:
    text = (
        "The government will spend €9 billion, Finance Minister Olaf Brenner announced, "
        "adding that a further €2 billion would go to airports."
    )
    assert by_figure(text, "€2 billion").speaker == "Olaf Brenner"


def test_a_pronoun_speaker_is_the_last_named_speaker() -> None:
    text = (
        "Health Minister Hassan Tamimi said the campaign was going well.\n"
        "“We have vaccinated 40,000 health workers,” he said."
    )
    assert only(text).speaker == "Hassan Tamimi"


def test_a_spokesman_for_an_organisation_speaks_for_it() -> None:
    text = "The camp shelters 12,000 people, a spokesman for the regional health bureau said."
    assert only(text).speaker == "regional health bureau"


def test_a_report_by_an_organisation_is_attributed_to_it() -> None:
    text = "Smugglers charge $3,000 per person, according to a report by the U.N. refugee agency."
    assert only(text).speaker == "U.N. refugee agency"


def test_the_outlet_asserting_a_figure_has_no_speaker() -> None:
    candidate = only("The governments agreed to establish two joint brigades.")
    assert (candidate.speaker, candidate.speaker_kind) == (None, None)


def test_claimed_responsibility_is_not_attribution() -> None:
    text = "The group claimed responsibility for an attack that left 10 fighters dead."
    assert only(text).speaker is None


def test_a_figure_before_but_officials_warned_is_the_outlets_own() -> None:
    text = (
        "Rescuers pulled 11 survivors from the rubble, but officials warned that the death "
        "toll, now at 84, was likely to rise."
    )
    found = {c.figure: c.speaker for c in figures(text)}
    assert found == {"11": None, "84": "officials"}


def test_said_before_the_name_after_a_quote_names_the_speaker() -> None:
    text = '"We expect around 500 families to return," said Ahmed Hassan, the mayor of Sinjar.'
    assert only(text).speaker == "Ahmed Hassan"


def test_a_verb_that_counts_things_is_not_attribution() -> None:
    assert only("Jobless rate falls as the economy added 336,000 jobs.").speaker is None
