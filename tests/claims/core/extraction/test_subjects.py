"""The subject of a figure (the counted thing), read from the parse: each rule on a sentence of
our own and on its rewordings (synonyms, passive, reordering, a clause moved)."""

from __future__ import annotations

import pytest

from .helpers import by_figure, figures, only


def _words(subject: str) -> set[str]:
    return set(subject.lower().split())


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The storm destroyed 320 fishing boats along the coast.", "320"),
        ("Along the coast, 320 fishing boats were destroyed by the storm.", "320"),
        ("Officials counted 320 fishing boats wrecked along the coast.", "320"),
    ],
)
def test_the_noun_a_number_modifies_is_counted_with_its_modifiers(text: str, figure: str) -> None:
    assert {"fishing", "boats"} <= _words(by_figure(text, figure).subject)


@pytest.mark.parametrize(
    "text",
    [
        "12 miners were killed when the shaft collapsed.",
        "When the shaft collapsed, 12 miners were killed.",
        "The collapse of the shaft killed 12 miners.",
    ],
)
def test_what_befell_the_counted_joins_the_subject(text: str) -> None:
    assert _words(only(text).subject) >= {"miners", "killed"}


@pytest.mark.parametrize(
    "text",
    [
        "Inflation was 6.2 percent in May.",
        "In May, inflation stood at 6.2 percent.",
        "Inflation reached 6.2 percent in May.",
    ],
)
def test_a_rate_noun_holding_a_percentage_is_a_rate(text: str) -> None:
    assert only(text).subject.lower() == "inflation rate"


@pytest.mark.parametrize(
    "text",
    [
        "The death toll rose to 85 on Sunday.",
        "On Sunday the death toll climbed to 85.",
        "The death toll reached 85 on Sunday.",
    ],
)
def test_the_subject_of_a_clause_the_figure_is_the_value_of_is_counted(text: str) -> None:
    assert "toll" in _words(only(text).subject)


@pytest.mark.parametrize(
    "text",
    [
        "The Green Party won 14.5 percent of the vote.",
        "The Green Party took 14.5 percent of the vote in the election.",
        "In the election, the Green Party secured 14.5 percent of the votes.",
    ],
)
def test_a_percentage_of_the_vote_is_the_winners_vote_share(text: str) -> None:
    assert only(text).subject == "Green Party vote share"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tunnel is 3.4 km long.", "length of the tunnel"),
        ("Engineers dug a tunnel 3.4 km long.", "length of the tunnel"),
        ("The canal, which runs 80 km, links the two lakes.", "length of the canal"),
        ("The reserve covers 600 square kilometres.", "area of the reserve"),
        ("Divers found a shaft 30 metres deep.", "depth of the shaft"),
    ],
)
def test_a_measure_names_its_dimension_and_the_thing_measured(text: str, expected: str) -> None:
    assert only(text).subject == expected


@pytest.mark.parametrize(
    "text",
    [
        "The central bank raised its lending rate to 9 percent.",
        "Its lending rate was raised to 9 percent by the central bank.",
        "The central bank lifted the lending rate to 9 percent on Thursday.",
    ],
)
def test_the_object_a_verb_sets_to_a_figure_is_counted(text: str) -> None:
    assert "rate" in _words(only(text).subject)


@pytest.mark.parametrize(
    "text",
    [
        "Norway exported 1.9 million barrels per day in March.",
        "In March, Norway exported 1.9 million barrels per day.",
    ],
)
def test_a_quantity_a_verb_moves_is_what_the_verb_names(text: str) -> None:
    assert only(text).subject == "Norway exports"


@pytest.mark.parametrize(
    "text",
    [
        "The insurer paid $40 million in damages.",
        "The insurer has paid out $40 million in damages so far.",
    ],
)
def test_money_in_a_noun_counts_that_noun(text: str) -> None:
    assert only(text).subject == "damages"


@pytest.mark.parametrize(
    "text",
    [
        "After the landslide, 23 remain missing.",
        "23 are still missing after the landslide.",
    ],
)
def test_a_bare_count_in_a_state_counts_people(text: str) -> None:
    assert only(text).subject == "people missing"


@pytest.mark.parametrize(
    "text",
    [
        "The survey found that 41 percent supported the reform.",
        "41 percent supported the reform, the survey found.",
    ],
)
def test_a_percentage_doing_something_is_a_share(text: str) -> None:
    subject = only(text).subject
    assert subject.startswith("share") and "reform" in subject


@pytest.mark.parametrize(
    "text",
    [
        "Forty percent of the wells have run dry.",
        "The drought has left 40 percent of the wells dry.",
    ],
)
def test_a_share_of_something_counts_that_thing(text: str) -> None:
    assert "wells" in _words(only(text).subject)


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers reached 35 of the villages cut off by the flood.",
        "35 of the villages cut off by the flood were reached by rescuers.",
    ],
)
def test_a_part_of_a_group_counts_the_group(text: str) -> None:
    assert "villages" in _words(only(text).subject)


@pytest.mark.parametrize(
    "text",
    [
        "The Green Party won 14.5 percent of the vote, while the Pirate Party took 6 percent.",
        "The Green Party won 14.5 percent of the vote and the Pirate Party secured 6 percent.",
    ],
)
def test_a_bare_percentage_won_beside_a_vote_share_is_a_vote_share(text: str) -> None:
    assert by_figure(text, "6 percent").subject == "Pirate Party vote share"


@pytest.mark.parametrize(
    "text",
    [
        "Engineers estimated the cost of the repairs at $3 billion.",
        "The cost of the repairs was estimated at $3 billion.",
        "Engineers put the cost of the repairs at $3 billion.",
    ],
)
def test_the_noun_a_figure_is_put_at_is_counted(text: str) -> None:
    assert "cost" in _words(only(text).subject)


@pytest.mark.parametrize(
    "text",
    [
        "The number of measles infections has doubled in a year.",
        "In a year, the number of measles infections has doubled.",
        "Measles infections doubled over the year.",
    ],
)
def test_a_multiplier_verb_counts_its_subject(text: str) -> None:
    assert "infections" in _words(only(text).subject)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the checkpoint, killing 6 of them.",
        "Gunmen stormed the checkpoint and killed 6.",
    ],
)
def test_a_bare_count_of_an_event_counts_the_people_it_befell(text: str) -> None:
    assert only(text).subject.endswith("killed")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Car sales fell to 41,000 in June, down 7% from May.", "7%"),
        ("Down 7% from May, car sales fell to 41,000 in June.", "7%"),
        ("Car sales reached 41,000 in June, up 7% on the month.", "7%"),
    ],
)
def test_a_change_after_a_clause_is_a_change_in_what_the_clause_counts(
    text: str, figure: str
) -> None:
    subject = by_figure(text, figure).subject
    assert subject.split()[0] in ("rise", "fall") and "sales" in subject


@pytest.mark.parametrize(
    "text",
    [
        "Chile's economy grew 3 percent last year.",
        "Last year Chile's economy grew by 3 percent.",
    ],
)
def test_a_percentage_of_growth_is_the_growth(text: str) -> None:
    assert only(text).subject.endswith("growth")


@pytest.mark.parametrize(
    "text",
    [
        "The port reported a 14 percent increase in cargo handled.",
        "Last year the cargo volume saw a 14 percent increase, the port reported.",
        "There was a 14 percent rise in cargo handled, the port reported.",
    ],
)
def test_a_change_noun_names_what_changed(text: str) -> None:
    assert "cargo" in _words(only(text).subject)


def test_a_change_after_an_object_is_a_change_in_the_object() -> None:
    text = "The airline posted an operating profit of $2 billion, up 12 percent on the year."
    assert "profit" in _words(by_figure(text, "12 percent").subject)


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("Gunmen raided the depot, killing five watchmen and wounding two others.", "two",
         "watchmen wounded"),
        ("Five watchmen were killed and two others were wounded when gunmen raided the depot.",
         "two", "watchmen wounded"),
        ("The patrol lost 9 soldiers; four of them were killed by a mine.", "four",
         "soldiers killed"),
        ("A mine killed four of the soldiers.", "four", "soldiers killed"),
    ],
)  # fmt: skip
def test_others_and_them_stand_for_the_noun_counted_before(
    text: str, figure: str, expected: str
) -> None:
    assert by_figure(text, figure).subject == expected


@pytest.mark.parametrize(
    "text",
    [
        "The militia attacked herders near the river, killing three of them.",
        "Near the river the militia attacked herders and killed three of them.",
    ],
)
def test_them_after_an_attack_is_its_object(text: str) -> None:
    assert only(text).subject == "herders killed"


@pytest.mark.parametrize(
    "text",
    [
        "An estimated 9,000 volunteers joined the clean-up.",
        "The clean-up was joined by an estimated 9,000 volunteers.",
    ],
)
def test_a_hedge_before_the_noun_is_not_part_of_the_subject(text: str) -> None:
    assert "estimated" not in _words(only(text).subject)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The deficit, already 6 percent of GDP, will keep widening.", "6 percent"),
        ("The treasury said the deficit would reach 6 percent of GDP next year.", "6 percent"),
        ("Next year the deficit is expected to hit 6 percent of GDP.", "6 percent"),
    ],
)
def test_a_ratio_to_gdp_measures_the_noun_it_describes_not_gdp(text: str, figure: str) -> None:
    assert by_figure(text, figure).subject.endswith("deficit")


@pytest.mark.parametrize(
    ("text", "figure", "head"),
    [
        ("The blast killed 12 soldiers, four of them officers, the army said.", "four", "officers"),
        ("A fire in the camp killed nine people, five of them children.", "five", "children"),
        ("The storm injured 40 residents, six of them nurses.", "six", "nurses"),
    ],
)
def test_a_part_of_them_said_to_be_something_counts_that_thing(
    text: str, figure: str, head: str
) -> None:
    assert by_figure(text, figure).subject.split()[0] == head


@pytest.mark.parametrize(
    "text",
    [
        "The central bank raised its key rate from 4 percent to 5.5 percent.",
        "The central bank lifted its main rate from 4 percent to 5.5 percent on Thursday.",
        "On Thursday the central bank cut its key rate from 4 percent to 5.5 percent.",
    ],
)
def test_both_ends_of_a_change_from_one_figure_to_another_are_its_objects(text: str) -> None:
    for figure in ("4 percent", "5.5 percent"):
        assert by_figure(text, figure).subject.endswith("rate")


@pytest.mark.parametrize(
    "text",
    [
        "Rents rose 9 percent year on year in the capital.",
        "In the capital, rents rose 9 percent year on year, the agency said.",
        "Rents climbed 9 percent compared with a year earlier.",
    ],
)
def test_a_date_beside_a_change_does_not_take_the_changes_subject(text: str) -> None:
    assert "rents" in by_figure(text, "9 percent").subject.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Ortega came first, taking 38 percent in the opening round.",
        "Ortega led the field on Sunday, winning 38 percent of the vote.",
        "Ortega won 38 percent in the opening round.",
    ],
)
def test_a_share_taken_in_a_participle_clause_is_its_subjects_vote_share(text: str) -> None:
    assert by_figure(text, "38 percent").subject == "Ortega vote share"


@pytest.mark.parametrize(
    "text",
    [
        "Joblessness fell to 4.1 percent in May, compared with 5 percent a year earlier.",
        "Joblessness stood at 4.1 percent, the labour office said, compared with 5 percent then.",
        "Compared with 5 percent a year before, joblessness fell to 4.1 percent in May.",
    ],
)
def test_a_figure_brought_in_for_comparison_measures_what_it_is_compared_to(text: str) -> None:
    assert by_figure(text, "5 percent").subject.lower().startswith("joblessness")


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("About 200 climbers are missing after the avalanche.", "200", "climbers missing"),
        ("After the avalanche, about 200 climbers were still missing.", "200", "climbers missing"),
        ("Some 200 climbers remain stranded on the ridge.", "200", "climbers stranded"),
    ],
)
def test_the_state_counted_people_are_in_joins_the_subject(
    text: str, figure: str, subject: str
) -> None:
    assert by_figure(text, figure).subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "Up to 900 villagers were missing and more than 300 had died, the governor said.",
        "The governor said 900 villagers were missing and at least 300 had been killed.",
    ],
)
def test_a_bare_count_with_its_own_event_does_not_take_the_event_before_it(text: str) -> None:
    subject = by_figure(text, "300").subject
    assert subject.endswith("killed") and "missing" not in subject


@pytest.mark.parametrize(
    "text",
    [
        "Clearing the rubble will cost $3 billion, the agency said.",
        "The agency said clearing the rubble would cost $3 billion.",
        "Clearing the rubble could cost as much as $3 billion.",
    ],
)
def test_what_a_sum_costs_is_the_cost_of_the_verbs_subject(text: str) -> None:
    assert by_figure(text, "$3 billion").subject.startswith("cost of clearing")


@pytest.mark.parametrize(
    "text",
    [
        "Of the 60 senators, 41 voted for the bill.",
        "Of the 60 senators, 41 backed the bill on Tuesday, the clerk said.",
    ],
)
def test_a_bare_count_under_a_fronted_of_is_a_part_of_its_noun(text: str) -> None:
    assert by_figure(text, "41").subject.startswith("senators")


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("$5 million was borrowed last year.", "$5 million", "borrowing"),
        ("Last year $5 million had been spent on roads.", "$5 million", "spending"),
    ],
)
def test_a_sum_that_was_spent_or_borrowed_in_the_passive_is_spending_or_borrowing(
    text: str, figure: str, subject: str
) -> None:
    assert subject in by_figure(text, figure).subject


@pytest.mark.parametrize(
    "text",
    [
        "The new drug was 70 percent effective against the virus.",
        "Against the virus, the new drug proved 70% effective, its maker said.",
        "Its maker said the new drug had been 70 percent effective in trials.",
    ],
)
def test_a_percentage_grading_an_adjective_is_the_property_it_names(text: str) -> None:
    figure = next(c for c in figures(text) if c.value_low == 70)
    assert figure.subject.endswith("drug efficacy")


@pytest.mark.parametrize(
    ("text", "figure", "head"),
    [
        (
            "Ministers agreed to spend $6 billion on railways over a decade.",
            "$6 billion",
            "railways",
        ),
        ("The cabinet will spend 900 million euros on clinics.", "900 million euros", "clinics"),
        ("Some $2 billion was spent on schools in the region.", "$2 billion", "schools"),
    ],
)
def test_money_a_verb_of_spending_moves_is_spending_on_what_it_goes_to(
    text: str, figure: str, head: str
) -> None:
    subject = by_figure(text, figure).subject
    assert "spending" in _words(subject) and head in _words(subject)


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers passed a package of $12 billion, including $4 billion for hospitals.",
        "Including $4 billion for hospitals, a package of $12 billion was passed.",
        "A $12 billion package, including $4 billion for hospitals, won approval.",
    ],
)
def test_a_figure_a_noun_includes_is_a_part_of_that_noun(text: str) -> None:
    assert "package" in _words(by_figure(text, "$4 billion").subject)


@pytest.mark.parametrize(
    ("text", "figure", "head"),
    [
        (
            "Fuel subsidies, which cost $5 billion last year, will be phased out.",
            "$5 billion",
            "subsidies",
        ),
        (
            "Rice imports, which climbed to 3 million tonnes, may drop.",
            "3 million tonnes",
            "imports",
        ),
        ("The deficit, which hit $40 billion, worries lenders.", "$40 billion", "deficit"),
    ],
)
def test_a_relative_clause_figure_quantifies_the_noun_the_clause_describes(
    text: str, figure: str, head: str
) -> None:
    assert head in _words(by_figure(text, figure).subject)


@pytest.mark.parametrize(
    "text",
    [
        "Officials put the number of houses flooded in the valley at 80,000.",
        "Officials put the number of houses flooded by the river at 80,000.",
        "The governor put the count of houses flooded at 80,000.",
    ],
)
def test_a_value_put_at_a_number_counts_the_object_even_past_a_participle(text: str) -> None:
    assert "houses" in _words(by_figure(text, "80,000").subject)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Militants killed 8 soldiers and 3 civilians near the border.", "3"),
        ("Near the border, militants killed 8 soldiers and 3 civilians.", "3"),
        ("The raid killed 11 people, including 3 civilians, near the border.", "3"),
    ],
)
def test_a_noun_joined_to_or_included_in_a_counted_object_shares_its_event(
    text: str, figure: str
) -> None:
    assert _words(by_figure(text, figure).subject) == {"civilians", "killed"}


@pytest.mark.parametrize(
    "text",
    [
        "Measles has killed 300 children in the district and infected 9,000 more.",
        "In the district measles killed 300 children and infected 9,000 more.",
    ],
)
def test_a_count_of_more_counts_what_the_count_before_it_counted(text: str) -> None:
    assert "children" in _words(by_figure(text, "9,000").subject)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said 90 houses had burned down and 12 others were missing.",
        "After the landslide, 12 others were missing, the mayor said.",
        "The mayor said 12 others remain missing after the landslide.",
    ],
)
def test_a_state_after_an_auxiliary_joins_the_counted_noun(text: str) -> None:
    assert "missing" in _words(by_figure(text, "12").subject)


@pytest.mark.parametrize(
    "text",
    [
        "Only 35 percent of voters turned out, the commission said.",
        "The commission said 35 percent of voters turned out.",
        "Just 35% of registered voters turned out in the runoff.",
    ],
)
def test_a_share_of_voters_who_turned_out_is_turnout(text: str) -> None:
    figure = "35%" if "35%" in text else "35 percent"
    assert {"voter", "turnout"} <= _words(by_figure(text, figure).subject)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Output shrank last year; it is expected to grow 3.1 percent next year.", "3.1 percent"),
        ("The economy stalled in 2023, but it should grow 3.1 percent in 2024.", "3.1 percent"),
    ],
)
def test_a_verb_of_change_with_a_pronoun_subject_names_the_change(text: str, figure: str) -> None:
    assert "growth" in _words(by_figure(text, figure).subject)


@pytest.mark.parametrize(
    ("text", "figure", "party"),
    [
        (
            "The count put Labour on 34 percent of the vote and the Greens on 11 percent.",
            "11 percent",
            "greens",
        ),
        ("Exit polls had the Greens on 11 percent of the vote.", "11 percent", "greens"),
    ],
)
def test_a_party_placed_on_a_share_of_the_vote_holds_that_vote_share(
    text: str, figure: str, party: str
) -> None:
    subject = _words(by_figure(text, figure).subject)
    assert {party, "share"} <= subject


@pytest.mark.parametrize(
    "text",
    [
        "The ministry logged 410 deaths, and hospital admissions rose to 9,300.",
        "The ministry logged 410 deaths, while hospital admissions rose to 9,300.",
        "There were 410 deaths; hospital admissions rose to 9,300.",
    ],
)
def test_a_figure_with_its_own_noun_between_it_and_the_one_before_is_not_elliptical(
    text: str,
) -> None:
    assert "admissions" in _words(by_figure(text, "9,300").subject)


@pytest.mark.parametrize(
    "text",
    [
        "The blast raised the death toll to 63, medics said.",
        "Medics said the blast had raised the death toll to 63.",
        "The death toll was raised to 63 after the blast.",
    ],
)
def test_a_figure_an_object_is_set_to_adds_no_event_to_it(text: str) -> None:
    assert _words(by_figure(text, "63").subject) == {"death", "toll"}


@pytest.mark.parametrize(
    "text",
    [
        "The number of migrants in Libya has reached 700,000.",
        "In Libya the number of migrants reached 700,000.",
        "The count of migrants in Libya topped 700,000.",
    ],
)
def test_a_value_of_a_counted_subject_adds_no_event_from_its_verb(text: str) -> None:
    assert _words(by_figure(text, "700,000").subject) == {"migrants"}


@pytest.mark.parametrize(
    "text",
    [
        "Dengue has killed 95 people in Dhaka, the worst in three years, and infected 14,000 more.",
        "Dengue killed 95 people in Dhaka within two weeks and infected 14,000 more.",
    ],
)
def test_others_and_more_do_not_stand_for_a_span_of_time(text: str) -> None:
    assert "people" in _words(by_figure(text, "14,000").subject)


@pytest.mark.parametrize(
    "text",
    [
        "The 450 nurses who went on strike in Kisumu have not been paid.",
        "In Kisumu, 450 nurses have not been paid since the strike.",
        "450 nurses in Kisumu were not paid after the strike.",
    ],
)
def test_a_denied_deed_is_no_event_of_the_counted_noun(text: str) -> None:
    assert "paid" not in _words(by_figure(text, "450").subject)


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents, who number about 3,000 in the mountains, rejected the truce.",
        "The insurgents, who number some 3,000, rejected the truce.",
        "The truce was rejected by insurgents, who number about 3,000.",
    ],
)
def test_a_relative_clause_with_a_pronoun_subject_counts_the_noun_it_describes(
    text: str,
) -> None:
    assert "insurgents" in _words(by_figure(text, "3,000").subject)


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("Bread prices rose 14% in Khartoum last month.", "14%", "rise in bread prices"),
        ("Last month bread prices jumped by 14% in Khartoum.", "14%", "rise in bread prices"),
        ("Steel exports fell 6 percent in May.", "6 percent", "fall in steel exports"),
        ("In May, steel exports dropped by 6 percent.", "6 percent", "fall in steel exports"),
    ],
)
def test_a_percentage_after_a_verb_of_rise_or_fall_is_a_change_in_its_subject(
    text: str, figure: str, subject: str
) -> None:
    assert by_figure(text, figure).subject == subject


def test_a_percentage_after_to_is_the_level_not_the_change() -> None:
    found = by_figure("Bread prices rose to 14% of household spending.", "14%")
    assert not found.subject.startswith("rise in")
