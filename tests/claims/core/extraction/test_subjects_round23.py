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


# -- a percentage grading a participle is the share of the participle's subject --


@pytest.mark.parametrize(
    "text, figure, words",
    [
        ("Officials said the flood appeal had been just 30 percent funded by donors.",
         "30 percent", ["share", "appeal", "funded"]),
        ("The new bridge was 70 percent completed by May, officials said.", "70 percent",
         ["share", "bridge", "completed"]),
        ("The vaccination campaign is now 60% finished, the ministry said.", "60%",
         ["share", "campaign", "finished"]),
        ("By March the school meals budget was only 45 percent spent.", "45 percent",
         ["share", "budget", "spent"]),
    ],
)  # fmt: skip
def test_a_percentage_grading_a_participle_is_a_share_of_its_subject(
    text: str, figure: str, words: list[str]
):
    subject = by_figure(text, figure).subject.split()
    assert all(word in subject for word in words)


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Fuel prices have risen 30 percent since January.", "30 percent"),
        ("Rice prices were raised 12 percent on Monday.", "12 percent"),
    ],
)  # fmt: skip
def test_a_changed_participle_stays_a_change(text: str, figure: str):
    assert not by_figure(text, figure).subject.startswith("share")


# -- a part after "of whom" / "of which" counts the noun before them, doing what its verb says --


@pytest.mark.parametrize(
    "text, figure, noun, verb",
    [
        ("About 2 million Syrians live in Turkey, of whom some 500,000 attend school.", "500,000",
         "Syrians", "attend"),
        ("The agency registered 80,000 migrants last year, of whom 12,000 later left Chile.",
         "12,000", "migrants", "left"),
        ("Police held 3,000 protesters, of whom roughly 900 remain in custody, lawyers said.",
         "900", "protesters", "remain"),
    ],
)  # fmt: skip
def test_a_part_after_of_whom_counts_the_noun_before(text: str, figure: str, noun: str, verb: str):
    subject = by_figure(text, figure).subject.split()
    assert noun in subject
    assert verb in subject


def test_a_part_after_of_which_that_is_a_noun_keeps_that_noun():
    text = "Parliament passed a $90 billion budget, of which $12 billion is military spending."
    assert "spending" in by_figure(text, "$12 billion").subject


# -- "N of them" counts the noun the number reached through a split scale word --


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Some 2.4m people fled the floods, and about 800,000 of them have returned.", "800,000"),
        ("About 1.2m homes lost power in the storm, and 300,000 of them were still dark on "
         "Friday.", "300,000"),
        ("Since 2019 about 4.5m children were vaccinated, though 60,000 of them missed a dose.",
         "60,000"),
    ],
)  # fmt: skip
def test_a_part_of_them_counts_the_noun_of_a_split_scale_word(text: str, figure: str):
    subject = by_figure(text, figure).subject.split()
    assert any(w in subject for w in ("people", "homes", "children"))


def test_a_split_scale_word_is_no_part_of_the_noun():
    assert by_figure("Officials said 1.3m people were uprooted.", "1.3m").subject.split()[0] == (
        "people"
    )


# -- the subject of "numbered" when the parse took the participles before it for verbs --


@pytest.mark.parametrize(
    "text, figure, words",
    [
        ("Syrians evicted or forced out of Lebanon numbered about 200,000 last year, aid groups "
         "estimate.", "200,000", ["Syrians", "evicted"]),
        ("Migrants detained or turned back at the border numbered 45,000 in May, officials said.",
         "45,000", ["Migrants", "detained"]),
        ("Workers laid off or furloughed by the mills totalled 12,000 by June.", "12,000",
         ["Workers", "laid"]),
    ],
)  # fmt: skip
def test_the_subject_of_numbered_keeps_its_participles(text: str, figure: str, words: list[str]):
    subject = by_figure(text, figure).subject.lower().split()
    assert all(word.lower() in subject for word in words)


# -- a sum per unit of a good is the price of the good --


@pytest.mark.parametrize(
    "text, figure, thing",
    [
        ("Nigerian traders say rice now goes for 900 naira a kilo.", "900 naira", "rice"),
        ("In Kano, rice has climbed to 900 naira per kilo, traders said.", "900 naira", "rice"),
        ("In Sudan, flour costs 4,000 pounds a sack.", "4,000 pounds", "flour"),
        ("Egypt's ministry raised a litre of diesel to 18 pounds.", "18 pounds", "diesel"),
        ("Arabica futures jumped above $4 a pound for the first time.", "$4", "futures"),
    ],
)  # fmt: skip
def test_a_sum_per_unit_of_a_good_is_its_price(text: str, figure: str, thing: str):
    subject = by_figure(text, figure).subject
    assert subject.startswith("price of")
    assert thing.lower() in subject.lower()


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Day labourers in Dhaka earn about $5 a day, the survey found.", "$5"),
        ("Smugglers ask $4,000 per person for the sea crossing.", "$4,000"),
        ("The average price of milk reached $1.20 a litre in May.", "$1.20 a litre"),
    ],
)  # fmt: skip
def test_a_sum_per_day_per_person_or_already_a_price_is_no_new_price(text: str, figure: str):
    assert not by_figure(text, figure).subject.startswith("price of")


# -- a sum for a purpose is spending on it, or the purpose's share of a budget --


@pytest.mark.parametrize(
    "text, figure, purpose",
    [
        ("The bill sets total outlays at $80 billion, of which $9 billion will go on roads.",
         "$9 billion", "roads"),
        ("Ministers plan to spend €5 billion this year, and a further €1 billion will go to "
         "rural clinics.", "€1 billion", "clinics"),
        ("The cabinet approved its plan on Monday, with 3 trillion yen set aside for repaying "
         "debt.", "3 trillion yen", "repaying"),
        ("Officials said the total reached 12 trillion rupees, including 2 trillion rupees for "
         "railways.", "2 trillion rupees", "railways"),
    ],
)  # fmt: skip
def test_a_sum_for_a_purpose_is_spending_on_it(text: str, figure: str, purpose: str):
    subject = by_figure(text, figure).subject
    assert subject.startswith("spending on")
    assert purpose in subject


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("Ghana's parliament passed a budget of $6 billion, including $1 billion for health.",
         "$1 billion", "health budget"),
        ("The budget sets aside $2 billion for roads and $700 million for ports.", "$700 million",
         "ports budget"),
        ("The budget earmarks $2 billion for roads, officials said.", "$2 billion",
         "roads budget"),
    ],
)  # fmt: skip
def test_a_budgets_part_for_a_purpose_is_that_budget(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


# -- people a disease killed or infected: the disease names the toll --


@pytest.mark.parametrize(
    "text, figure, subject",
    [
        ("Dengue infected 40,000 children in Peru this year and killed 85, officials said.", "85",
         "dengue deaths"),
        ("Officials said measles had sickened 3,000 pupils, and had killed 12 by Friday.", "12",
         "measles deaths"),
    ],
)  # fmt: skip
def test_a_bare_count_a_disease_killed_is_its_deaths(text: str, figure: str, subject: str):
    assert by_figure(text, figure).subject == subject


@pytest.mark.parametrize(
    "text, figure, words",
    [
        ("Typhoid killed some 900 people in Karachi last year, doctors said.", "900",
         ["people", "typhoid"]),
        ("Doctors said 900 people had died of typhoid in Karachi last year.", "900",
         ["people", "typhoid"]),
        ("Cholera has sickened 5,000 people in Haiti, and killed 80 more.", "80",
         ["people", "cholera"]),
    ],
)  # fmt: skip
def test_people_a_disease_killed_are_named_with_the_disease(
    text: str, figure: str, words: list[str]
):
    subject = by_figure(text, figure).subject.lower().split()
    assert all(word in subject for word in words)


def test_children_a_disease_infected_keep_their_own_noun():
    text = "Dengue infected 40,000 children in Peru this year, officials said."
    assert by_figure(text, "40,000").subject.split()[0] == "children"
