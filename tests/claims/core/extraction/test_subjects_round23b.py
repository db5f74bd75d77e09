"""Round 23, second pass: counted subjects of figures read on new writing, in our own words.

Every rule is tried on rewordings (synonyms, passive, reordering, a clause moved, other topics)."""

import pytest

from tests.claims.core.extraction.helpers import by_figure

# -- a part taken "of them", "of those" or "among them" counts what its whole counts --


@pytest.mark.parametrize(
    "text, figure, head",
    [
        ("Inspectors logged 310 measles infections across the province in March. Eleven of "
         "them were fatal, the inspectors said.", "Eleven", "infections"),
        ("Inspectors logged 310 measles infections across the province in March. Of those, "
         "120 needed hospital care, the inspectors said.", "120", "infections"),
        ("The agency counted 2,600 landslide victims over the winter, among them about 700 in "
         "the hills, the agency said.", "700", "victims"),
        ("The agency counted 2,600 landslide victims over the winter, and about 700 of them "
         "were found in the hills.", "700", "victims"),
        ("Some 85 fishing boats were seized by the coast guard this year; 12 of those were "
         "later released, officials said.", "12", "boats"),
    ],
)  # fmt: skip
def test_a_part_of_a_pronoun_counts_what_its_whole_counts(text: str, figure: str, head: str):
    assert head in by_figure(text, figure).subject.split()


def test_a_list_after_among_them_goes_on_with_the_whole():
    text = (
        "Officials counted 9,000 storm victims, among them nearly 3,000 in the capital and "
        "more than 1,200 in the port."
    )
    assert "victims" in by_figure(text, "1,200").subject.split()


@pytest.mark.parametrize(
    "text, figure, head",
    [
        # the sentence names the part's own noun
        ("Clashes left 40 people dead in the region, 15 of them children, medics said.", "15",
         "children"),
        # a pronoun with a noun of its own is no partitive pronoun
        ("Clinics treated 900 patients last week. Of those patients, 300 were sent home.",
         "300", "patients"),
        # the whole is at least as large as its part: not the 18 districts
        ("Medics registered 5,200 cholera infections in 18 districts. Of those, 1,900 were "
         "confirmed in laboratories.", "1,900", "infections"),
    ],
)  # fmt: skip
def test_a_part_keeps_its_own_noun_and_a_whole_is_no_smaller(text: str, figure: str, head: str):
    assert head in by_figure(text, figure).subject.split()


@pytest.mark.parametrize(
    "text, figure, head",
    [
        ("Rangers found 64 stranded whales on the coast, and 20 of them were calves.", "20",
         "calves"),
        ("Rangers found 64 stranded whales on the coast. Of those, 20 were calves, they said.",
         "20", "calves"),
        ("Doctors treated 250 burn victims; 90 of them were firefighters, the hospital said.",
         "90", "firefighters"),
    ],
)  # fmt: skip
def test_a_part_said_to_be_a_noun_counts_that_noun(text: str, figure: str, head: str):
    assert head in by_figure(text, figure).subject.split()


# -- a bare count joined to a count of a noun, with an event of its own, counts that noun --


@pytest.mark.parametrize(
    "text, figure, noun",
    [
        ("Officials said 40 miners were killed and 12 injured in the blast.", "12",
         "miners"),
        ("In the blast 40 miners died and more than 12 were hurt, officials said.", "12",
         "miners"),
        ("Rescuers said 7 hikers had been found dead and about 30 injured after the avalanche.",
         "30", "hikers"),
        ("The raid left 18 guards killed and 6 wounded, the prison service said.", "6",
         "guards"),
    ],
)  # fmt: skip
def test_a_bare_count_with_its_own_event_counts_the_noun_before(text: str, figure: str, noun: str):
    words = by_figure(text, figure).subject.split()
    assert words[0] == noun
    assert words[-1] in ("wounded", "injured")


def test_a_bare_count_that_names_people_keeps_them():
    text = "Officials said 40 miners were killed and 12 people were injured in the blast."
    assert by_figure(text, "12").subject.startswith("people")


@pytest.mark.parametrize(
    "text, figure, noun, participle",
    [
        ("Inspectors said 45 buses failed the check, out of about 600 inspected.", "600",
         "buses", "inspected"),
        ("Some 30 wells ran dry this summer out of 220 drilled in the valley.", "220", "wells",
         "drilled"),
        ("Only 12 bridges were rebuilt, out of 90 damaged in the storm, the ministry said.", "90",
         "bridges", "damaged"),
        ("The carmaker said 300 cars were recalled and 120 repaired.", "120", "cars",
         "repaired"),
    ],
)  # fmt: skip
def test_a_bare_count_with_a_participle_counts_the_noun_before(
    text: str, figure: str, noun: str, participle: str
):
    words = by_figure(text, figure).subject.split()
    assert noun in words
    assert words[-1] == participle
