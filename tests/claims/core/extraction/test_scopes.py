"""Scopes, subjects and dates of figures: where a figure holds and what it counts."""

import datetime as dt

import pytest

from tests.claims.core.extraction.helpers import by_figure, only

PUBLISHED = dt.date(2022, 3, 10)


def test_a_place_after_the_counted_noun_is_the_scope():
    found = only("The militia has about 7,000 gunmen in Yemen, officials said.")
    assert found.scope == "Yemen"


def test_two_places_joined_by_and_are_one_scope():
    found = only("Some 2,000 mercenaries remain in Libya and Sudan, the panel said.")
    assert found.scope == "Libya and Sudan"


def test_between_two_places_is_a_scope_of_both():
    found = only("The army keeps 9,000 soldiers spread between Chad and Mali.")
    assert found.scope == "Chad and Mali"


def test_an_elliptical_second_figure_keeps_the_noun_of_the_first_and_has_its_own_scope():
    text = "The force has 1,200 peacekeepers in Mali and about 800 in Niger."
    first, second = by_figure(text, "1,200"), by_figure(text, "800")
    assert (first.subject, first.scope) == ("peacekeepers", "Mali")
    assert (second.subject, second.scope) == ("peacekeepers", "Niger")


def test_a_figure_after_down_from_takes_the_noun_and_place_of_the_figure_before():
    text = "Jordan now hosts nearly 600,000 Iraqis, down from about 750,000 in 2019."
    earlier = by_figure(text, "750,000")
    assert (earlier.subject, earlier.scope) == ("Iraqis", "Jordan")


def test_the_place_that_hosts_a_figure_is_its_scope():
    found = only("Kenya hosts more than 500,000 Somalis, the agency said.")
    assert found.scope == "Kenya"


def test_a_relative_clause_after_a_fronted_place_gives_the_scope():
    found = only("In Egypt, which hosts 300,000 Sudanese, aid is running out.")
    assert found.scope == "Egypt"


def test_the_country_resolves_to_the_nearest_country_named_before_by_its_adjective():
    found = only("Jordanian officials say 1.3 million Syrians live in the country.")
    assert found.scope == "Jordan"


def test_there_does_not_resolve_to_the_nationality_of_the_counted_people():
    text = "Kenya faces a drought. The agency has registered 280,000 Somali refugees there."
    assert only(text).scope == "Kenya"


def test_the_two_countries_resolve_to_the_last_pair_of_countries_named():
    text = (
        "The group operates in Niger and Mali. "
        "Analysts say 3,000 of its gunmen remain in the two countries."
    )
    assert by_figure(text, "3,000").scope == "Niger and Mali"


def test_a_named_site_and_its_city_are_one_scope():
    found = only("At least 35 people were killed at the Kalma camp in Nyala on Sunday.")
    assert found.scope == "Kalma camp in Nyala"


def test_a_later_count_of_the_same_event_without_a_place_takes_the_last_such_scope():
    text = (
        "Officials said 42 people were killed at the Tarin market in Kunduz on Friday. "
        "A local doctor said 45 people died."
    )
    assert by_figure(text, "45").scope == "Tarin market in Kunduz"


def test_a_place_in_another_clause_is_not_the_scope():
    found = only("Some 90 sailors were injured after a missile hit a port in Ukraine.")
    assert found.scope == ""


def test_a_month_after_in_is_no_place():
    found = only("The mine produced 40,000 tonnes in March.", PUBLISHED)
    assert found.scope == ""


def test_the_subject_of_a_number_of_clause_is_what_is_numbered():
    found = only("The number of people left homeless by the floods rose to 1.2 million.")
    assert found.subject.startswith("people")


def test_a_figure_closing_a_comparison_counts_the_compared_noun():
    found = only("Chad took in more refugees than any of its neighbours, about 400,000.")
    assert found.subject == "refugees"


def test_hostages_are_part_of_the_subject():
    found = only("About 60 people were taken hostage in the raid.")
    assert found.subject == "people taken hostage"


def test_adverbs_after_the_noun_do_not_join_the_subject():
    found = only("More than 400,000 Afghans now live in the city, officials said.")
    assert found.subject == "Afghans"


def test_money_is_counted_in_what_follows_in():
    found = only("The bank pledged $250 million in emergency loans.")
    assert found.subject == "emergency loans"


def test_a_year_in_an_object_relative_clause_does_not_date_the_figure():
    text = "The fund pays 2,400 families under a scheme that the ministry launched in 2015."
    found = only(text, PUBLISHED)
    assert found.as_of_start == PUBLISHED


def test_a_year_after_introduced_it_does_not_date_a_figure():
    text = "The rule covers 12,000 workers and the cabinet introduced it in 2011."
    found = only(text, PUBLISHED)
    assert found.as_of_start == PUBLISHED


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The agency expects up to 2,000 migrants to arrive this week.", "migrants to arrive"),
        ("The floods forced 900 families to flee.", "families to flee"),
        ("Officials allowed 40 trucks to enter the city.", "trucks to enter"),
    ],
)
def test_what_the_counted_people_are_expected_or_made_to_do_joins_the_subject(
    text: str, subject: str
) -> None:
    assert only(text).subject == subject


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        (
            "Government forces killed 30 insurgents in Idlib, the ministry said.",
            "Idlib; government forces",
        ),
        ("30 insurgents were killed by government forces in Idlib.", "Idlib; government forces"),
        ("In Idlib, government forces killed 30 insurgents.", "Idlib; government forces"),
    ],
)
def test_the_actor_whose_deed_a_figure_counts_joins_its_scope(text: str, scope: str) -> None:
    assert by_figure(text, "30").scope == scope


def test_an_actor_named_by_a_pronoun_takes_the_subject_of_the_clause_above() -> None:
    text = "The militia said they had killed 14 soldiers in Bakool."
    assert by_figure(text, "14").scope == "Bakool; militia"


def test_a_subject_that_is_no_actor_leaves_the_scope_to_the_places() -> None:
    text = "Typhoid has killed 230 people in Harare this year."
    assert by_figure(text, "230").scope == "Harare"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Unemployment reached 14% in the capital, officials said.", "capital"),
        ("In the capital, unemployment reached 14%, officials said.", "capital"),
        ("Unemployment across the north reached 14%, officials said.", "north"),
        ("Unemployment reached 14% in the eastern province, officials said.", "eastern province"),
    ],
)
def test_a_common_noun_of_a_region_after_a_locative_is_a_scope(text: str, scope: str) -> None:
    assert by_figure(text, "14%").scope == scope


def test_a_region_noun_followed_by_its_name_gives_the_name() -> None:
    text = "Floods destroyed 900 homes in the southern district of Tana, officials said."
    assert by_figure(text, "900").scope == "Tana"


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Literacy among girls reached 48%, the survey found.", "girls"),
        ("The survey found literacy among girls reached 48%.", "girls"),
        ("Literacy among adult women reached 48% last year.", "adult women"),
    ],
)
def test_the_population_a_rate_is_among_joins_its_scope(text: str, population: str) -> None:
    assert by_figure(text, "48%").scope == population


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 17 farmers near Maiduguri, officials said.",
        "17 farmers were killed by gunmen near Maiduguri, officials said.",
        "Officials said 17 farmers died in clashes around Maiduguri.",
        "Officials said 17 farmers died in clashes outside Maiduguri.",
    ],
)
def test_near_around_and_outside_a_name_give_the_scope(text: str) -> None:
    assert by_figure(text, "17").scope.split("; ")[0] == "Maiduguri"


@pytest.mark.parametrize(
    "text",
    [
        "Divers recovered 31 bodies in the port city of Tripoli.",
        "In the port city of Tripoli, divers recovered 31 bodies.",
        "Divers recovered 31 bodies at the port of Tripoli.",
    ],
)
def test_a_site_noun_that_describes_a_named_place_is_no_site(text: str) -> None:
    assert by_figure(text, "31").scope == "Tripoli"


def test_two_places_the_parse_finds_in_one_clause_stand_side_by_side() -> None:
    text = "Kenya's treasury will spend $2 billion on dams across the north."
    assert by_figure(text, "$2 billion").scope == "Kenya; north"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Typhoid has killed 80 people in Bulawayo and sickened 2,600 more.", "2,600"),
        ("Gunmen killed 6 guards and wounded 19 others outside Bulawayo.", "6"),
        ("In a raid outside Bulawayo, gunmen killed 6 guards and wounded 19 others.", "19"),
    ],
)
def test_verbs_joined_by_and_share_the_place_one_of_them_names(text: str, figure: str) -> None:
    assert by_figure(text, figure).scope.split("; ")[0] == "Bulawayo"


@pytest.mark.parametrize(
    "text",
    [
        "Cholera cases rose to 5,100 in Ituri province, officials said.",
        "In Ituri province, cholera cases rose to 5,100, officials said.",
        "Officials counted 5,100 cholera cases across Ituri province.",
    ],
)
def test_a_region_noun_after_a_name_is_part_of_the_name(text: str) -> None:
    assert by_figure(text, "5,100").scope == "Ituri province"


@pytest.mark.parametrize(
    "text",
    [
        "The movement said 900 of its supporters had been arrested by the police.",
        "Some 900 of its supporters were arrested by the police, the movement said.",
    ],
)
def test_the_agent_of_a_passive_part_count_joins_its_scope(text: str) -> None:
    assert by_figure(text, "900").scope == "police"


@pytest.mark.parametrize(
    "text",
    [
        "About 3,500 homes in the valley were flooded.",
        "Floods swamped about 3,500 homes in the valley.",
        "In the valley, about 3,500 homes were flooded.",
    ],
)
def test_a_valley_or_coast_after_a_locative_is_a_scope(text: str) -> None:
    assert by_figure(text, "3,500").scope == "valley"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Unemployment was 12% in the capital and 19% in rural districts.", "12%", "19%"),
        ("Unemployment stood at 12% in the capital and 19% in rural districts.", "12%", "19%"),
    ],
)
def test_each_of_two_coordinated_figures_keeps_the_place_of_its_own_phrase(
    text: str, first: str, second: str
) -> None:
    assert by_figure(text, first).scope == "capital"
    assert by_figure(text, second).scope == "rural districts"


@pytest.mark.parametrize(
    "text",
    [
        "The raid on the market in Herat, which killed 31 traders, drew protests.",
        "Protests followed the raid on the market in Herat, which killed 31 traders.",
    ],
)
def test_a_relative_clause_holds_where_the_noun_it_describes_is(text: str) -> None:
    assert by_figure(text, "31").scope.split("; ")[0] == "Herat"


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed 6 guards and wounded 19 bystanders in Kidal.",
        "In Kidal, militants killed 6 guards and wounded 19 bystanders.",
    ],
)
def test_a_verb_joined_to_another_shares_its_actor(text: str) -> None:
    assert by_figure(text, "19").scope == "Kidal; militants"
