"""The pure claim-to-metric matcher (claims/core/grouping.py): rules, clustering, and its
accuracy on the labelled cases in grouping_cases.toml."""

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core import grouping
from claims.core.grouping import ClaimInput, MetricInput

CASES = tomllib.loads((Path(__file__).parent / "grouping_cases.toml").read_text("utf-8"))

ISIS_FIGHTERS = MetricInput(
    key="isis-fighters-iraq-syria",
    name="ISIS fighters in Iraq and Syria",
    canonical_unit="count",
    scope="Iraq and Syria",
    description="Estimated number of ISIS members/fighters active in Iraq and Syria combined.",
)
US_TROOPS_IRAQ = MetricInput(
    key="us-troops-iraq", name="U.S. troops in Iraq", canonical_unit="count", scope="Iraq"
)


def claim(subject: str, unit: str = "count", scope: str = "", quote: str = "", key="c"):
    return ClaimInput(key=key, subject=subject, unit=unit, scope=scope, quote=quote)


def test_normalise_drops_punctuation_and_plurals():
    assert grouping.normalise("U.S.-led troops, Da'esh militias") == [
        "us",
        "led",
        "troop",
        "daesh",
        "militia",
    ]


def test_isis_fighters_militants_and_members_join_the_isis_fighters_metric():
    subjects = ["ISIS fighters", "Islamic State militants", "Daesh members", "ISIL jihadists"]
    for subject in subjects:
        match = grouping.best_match(
            claim(subject, scope="Iraq and Syria"), [US_TROOPS_IRAQ, ISIS_FIGHTERS]
        )
        assert match is not None and match.metric_key == ISIS_FIGHTERS.key, subject
        assert match.confidence >= 0.9, (subject, match)


def test_us_troops_in_iraq_do_not_join_the_isis_fighters_metric():
    match = grouping.score_match(claim("U.S. troops", scope="Iraq"), ISIS_FIGHTERS)
    assert match.confidence == 0
    assert "different actor" in match.reason


def test_us_troops_in_iraq_join_the_us_troops_metric():
    match = grouping.best_match(
        claim("American soldiers", scope="Iraq"), [ISIS_FIGHTERS, US_TROOPS_IRAQ]
    )
    assert match is not None and match.metric_key == US_TROOPS_IRAQ.key


def test_actors_named_only_in_the_quote_must_agree_with_the_metric():
    quote = "Some 2,500 U.S. troops remain in Iraq and Syria."
    match = grouping.score_match(
        claim("troops", scope="Iraq and Syria", quote=quote), ISIS_FIGHTERS
    )
    assert match.confidence == 0


def test_a_unit_that_does_not_convert_never_matches():
    match = grouping.score_match(
        claim("ISIS fighters", unit="km", scope="Iraq and Syria"), ISIS_FIGHTERS
    )
    assert match.confidence == 0
    assert "does not convert" in match.reason


def test_an_unknown_unit_never_matches():
    match = grouping.score_match(claim("ISIS fighters", unit="furlongs of doom"), ISIS_FIGHTERS)
    assert match.confidence == 0


def test_a_partly_shared_scope_scores_lower_than_an_equal_scope():
    equal = grouping.score_match(claim("ISIS fighters", scope="Iraq and Syria"), ISIS_FIGHTERS)
    partial = grouping.score_match(claim("ISIS fighters", scope="Iraq"), ISIS_FIGHTERS)
    assert 0 < partial.confidence < equal.confidence


def test_a_place_inside_the_metric_scope_scores_lower_than_a_partly_shared_scope():
    partial = grouping.score_match(claim("ISIS fighters", scope="Iraq"), ISIS_FIGHTERS)
    inside = grouping.score_match(claim("ISIS fighters", scope="Diyala"), ISIS_FIGHTERS)
    assert 0 < inside.confidence < partial.confidence


def test_a_different_country_blocks_the_match():
    match = grouping.score_match(claim("ISIS fighters", scope="Afghanistan"), ISIS_FIGHTERS)
    assert match.confidence == 0
    assert match.reason == "different place"


def test_a_different_counted_group_blocks_the_match():
    metric = MetricInput(key="m", name="Civilians killed in Gaza", canonical_unit="count")
    match = grouping.score_match(claim("soldiers killed", scope="Gaza"), metric)
    assert match.confidence == 0


def test_an_event_on_one_side_only_keeps_the_claim_out_of_a_level_metric():
    match = grouping.score_match(
        claim("ISIS fighters killed", scope="Iraq and Syria"), ISIS_FIGHTERS
    )
    assert 0 < match.confidence < grouping.DEFAULT_MIN_CONFIDENCE


def test_claims_already_in_a_metric_lend_it_their_wording():
    metric = MetricInput(
        key="m",
        name="Strength of the group",
        canonical_unit="count",
        scope="Iraq",
        claim_subjects=("Peshmerga fighters",),
    )
    bare = grouping.score_match(claim("Peshmerga soldiers", scope="Iraq"), metric)
    without = grouping.score_match(
        claim("Peshmerga soldiers", scope="Iraq"),
        MetricInput(key="m", name="Strength of the group", canonical_unit="count", scope="Iraq"),
    )
    assert bare.confidence > without.confidence


def test_best_match_is_none_when_every_metric_is_blocked():
    assert grouping.best_match(claim("oil exports", unit="USD"), [ISIS_FIGHTERS]) is None


def test_ungrouped_claims_of_one_quantity_cluster_into_one_proposed_metric():
    claims = [
        claim("Hamas fighters", scope="Gaza", key=1),
        claim("Hamas militants", scope="Gaza", key=2),
    ]
    (proposed,) = grouping.cluster_claims(claims)
    assert proposed.claim_keys == (1, 2)
    assert proposed.slug == "hamas-fighters-in-gaza"
    assert (proposed.canonical_unit, proposed.scope, proposed.kind) == ("count", "Gaza", "level")
    assert proposed.confidence >= grouping.DEFAULT_MIN_CONFIDENCE


def test_claims_of_different_quantities_are_proposed_as_separate_metrics():
    claims = [
        claim("Hamas fighters", scope="Gaza", key=1),
        claim("Hezbollah fighters", scope="Lebanon", key=2),
        claim("people injured", scope="Gaza", key=3),
    ]
    proposals = grouping.cluster_claims(claims)
    assert [p.claim_keys for p in proposals] == [(1,), (2,), (3,)]


def test_a_claim_alone_is_proposed_below_the_default_threshold():
    (proposed,) = grouping.cluster_claims([claim("Hezbollah fighters", scope="Lebanon")])
    assert proposed.confidence < grouping.DEFAULT_MIN_CONFIDENCE


def test_proposed_slugs_avoid_taken_slugs_and_each_other():
    claims = [
        claim("Hamas fighters", scope="Gaza", key=1),
        claim("Hamas fighters", unit="percent", scope="Gaza", key=2),
    ]
    proposals = grouping.cluster_claims(claims, taken_slugs={"hamas-fighters-in-gaza"})
    assert [p.slug for p in proposals] == ["hamas-fighters-in-gaza-2", "hamas-fighters-in-gaza-3"]


def test_the_kind_is_guessed_from_the_unit_and_the_subject():
    assert grouping.guess_kind(["vote share"], "count") == "ratio"
    assert grouping.guess_kind(["KDP seats"], "percent") == "ratio"
    assert grouping.guess_kind(["civilians killed"], "count") == "count_over_period"
    assert grouping.guess_kind(["U.S. troops"], "count") == "level"


def test_propose_sends_a_good_match_to_its_metric_and_clusters_the_rest():
    claims = [
        claim("ISIS militants", scope="Iraq and Syria", key=1),
        claim("Hamas fighters", scope="Gaza", key=2),
        claim("Hamas militants", scope="Gaza", key=3),
    ]
    proposals = grouping.propose(claims, [ISIS_FIGHTERS, US_TROOPS_IRAQ])
    assert proposals[0].metric_key == ISIS_FIGHTERS.key and proposals[0].new_metric is None
    assert proposals[1].new_metric is proposals[2].new_metric is not None


def similarity(a: ClaimInput, b: ClaimInput) -> float:
    return grouping.claim_similarity(a, b)[0]


def test_a_figure_for_one_country_does_not_join_a_figure_for_two():
    both = claim("al-Shabaab militants", scope="Somalia and Kenya", key=1)
    one = claim("al-Shabaab militants", scope="Somalia", key=2)
    assert similarity(both, one) < grouping.DEFAULT_MIN_CONFIDENCE


def test_the_same_people_in_two_host_countries_are_two_quantities():
    assert (
        similarity(claim("Venezuelans", scope="Colombia"), claim("Venezuelans", scope="Peru")) == 0
    )


def test_a_count_at_a_site_does_not_join_the_count_for_its_whole_area():
    site = claim("people killed", scope="Zamzam camp in Darfur", key=1)
    area = claim("people killed", scope="Darfur", key=2)
    assert similarity(site, area) < grouping.DEFAULT_MIN_CONFIDENCE


def test_two_counts_at_one_named_site_group_together():
    first = claim("people killed", scope="Zamzam camp in Darfur", key=1)
    second = claim("people died", scope="Zamzam camp in North Darfur", key=2)
    assert similarity(first, second) >= grouping.DEFAULT_MIN_CONFIDENCE


def test_a_people_abroad_and_its_refugees_in_one_country_are_one_quantity():
    people = claim("Sudanese", scope="Chad", key=1)
    refugees = claim("Sudanese refugees", scope="Chad", key=2)
    assert similarity(people, refugees) >= grouping.DEFAULT_MIN_CONFIDENCE


def test_all_refugees_in_a_country_are_not_the_refugees_of_one_nationality():
    everyone = claim("refugees", scope="Chad", key=1)
    sudanese = claim("Sudanese refugees", scope="Chad", key=2)
    assert similarity(everyone, sudanese) < grouping.DEFAULT_MIN_CONFIDENCE


def test_a_people_at_home_may_be_counted_without_its_name():
    people = claim("people killed", scope="Gaza", key=1)
    palestinians = claim("Palestinians killed", scope="Gaza", key=2)
    assert similarity(people, palestinians) >= grouping.DEFAULT_MIN_CONFIDENCE


def test_a_nationality_followed_by_a_participle_still_counts_that_people():
    registered = claim("Syrians registered", scope="Jordan", key=1)
    plain = claim("Syrians", scope="Jordan", key=2)
    assert similarity(registered, plain) >= grouping.DEFAULT_MIN_CONFIDENCE


def test_a_country_after_from_in_a_subject_is_an_origin_not_a_scope():
    match = grouping.score_match(
        claim("refugees from Sudan", scope="Chad"),
        MetricInput(key="m", name="Sudanese refugees in Chad", canonical_unit="count"),
    )
    assert match.confidence >= grouping.DEFAULT_MIN_CONFIDENCE


def test_fighters_and_troops_with_no_actor_in_common_are_two_quantities():
    fighters = claim("fighters", scope="Somalia", key=1)
    troops = claim("troops", scope="Somalia", key=2)
    assert similarity(fighters, troops) < grouping.DEFAULT_MIN_CONFIDENCE


def test_people_who_return_are_not_the_people_who_stay():
    staying = claim("Afghans", scope="Pakistan", key=1)
    returning = claim("Afghans returning", scope="Pakistan", key=2)
    assert similarity(staying, returning) < grouping.DEFAULT_MIN_CONFIDENCE


# ---------------------------------------------------------------- properties

WORDS = [
    "ISIS", "U.S.", "fighters", "troops", "militants", "civilians", "killed", "wounded", "oil",
    "exports", "price", "of", "in", "the", "Iraq", "Syria", "Gaza", "Kurdistan", "Region",
    "budget", "vote", "share", "displaced", "refugees", "Daesh", "coalition", "x", "", "-",
]  # fmt: skip
UNITS = ["count", "percent", "times", "km", "USD", "IQD", "barrels per day", "nonsense"]
text = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join) | st.text(max_size=40)
claims = st.builds(
    ClaimInput,
    key=st.integers(0, 1000),
    subject=text,
    unit=st.sampled_from(UNITS),
    scope=text,
    quote=text,
)
metrics = st.builds(
    MetricInput,
    key=st.integers(0, 1000).map(str),
    name=text,
    canonical_unit=st.sampled_from(UNITS[:-1]),
    scope=text,
    description=text,
    claim_subjects=st.lists(text, max_size=2).map(tuple),
    claim_scopes=st.lists(text, max_size=2).map(tuple),
)


@settings(max_examples=200, deadline=None)
@given(claims, metrics)
def test_confidence_is_always_between_0_and_1(claim_input, metric_input):
    assert 0 <= grouping.score_match(claim_input, metric_input).confidence <= 1


@settings(max_examples=200, deadline=None)
@given(claims, claims)
def test_claim_similarity_is_symmetric(a, b):
    assert grouping.claim_similarity(a, b)[0] == grouping.claim_similarity(b, a)[0]


@settings(max_examples=100, deadline=None)
@given(claims, st.lists(metrics, max_size=5, unique_by=lambda m: m.key), st.randoms())
def test_the_order_of_the_metrics_never_changes_the_best_match(claim_input, metric_list, rnd):
    shuffled = list(metric_list)
    rnd.shuffle(shuffled)
    assert grouping.best_match(claim_input, metric_list) == grouping.best_match(
        claim_input, shuffled
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(claims, max_size=6, unique_by=lambda c: c.key), st.randoms())
def test_the_order_of_the_claims_never_changes_the_clusters(claim_list, rnd):
    shuffled = list(claim_list)
    rnd.shuffle(shuffled)
    assert grouping.cluster_claims(claim_list) == grouping.cluster_claims(shuffled)


# ---------------------------------------------------------------- labelled cases


def case_metrics() -> list[MetricInput]:
    return [
        MetricInput(
            key=m["key"],
            name=m["name"],
            canonical_unit=m["canonical_unit"],
            scope=m.get("scope", ""),
            description=m.get("description", ""),
            claim_subjects=tuple(m.get("claim_subjects", ())),
            claim_scopes=tuple(m.get("claim_scopes", ())),
        )
        for m in CASES["metric"]
    ]


def case_claim(case: dict) -> ClaimInput:
    return claim(
        case["subject"], case["unit"], case.get("scope", ""), case.get("quote", ""), case["id"]
    )


def decide(case: dict, metric_inputs: list[MetricInput]) -> str:
    match = grouping.best_match(case_claim(case), metric_inputs)
    if match is None or match.confidence < grouping.DEFAULT_MIN_CONFIDENCE:
        return "new"
    return match.metric_key


def score(cases: list[dict]) -> dict[str, float]:
    metric_inputs = case_metrics()
    decided = [(case["expected"], decide(case, metric_inputs)) for case in cases]
    assigned = [(want, got) for want, got in decided if got != "new"]
    existing = [(want, got) for want, got in decided if want != "new"]
    return {
        "cases": len(decided),
        "accuracy": sum(want == got for want, got in decided) / len(decided),
        "precision": sum(want == got for want, got in assigned) / len(assigned),
        "recall": sum(want == got for want, got in existing) / len(existing),
    }


def test_the_labelled_cases_are_enough_and_name_known_metrics():
    keys = {m["key"] for m in CASES["metric"]} | {"new"}
    assert len(CASES["case"]) >= 60
    assert all(case["expected"] in keys for case in CASES["case"])


def test_the_matcher_is_at_least_90_percent_accurate_on_the_labelled_cases():
    tuned = score([c for c in CASES["case"] if c.get("split") != "holdout"])
    holdout = score([c for c in CASES["case"] if c.get("split") == "holdout"])
    everything = score(CASES["case"])
    for name, result in [("tuned", tuned), ("holdout", holdout), ("all", everything)]:
        print(
            f"{name}: {result['cases']} cases, accuracy {result['accuracy']:.3f}, "
            f"assign-to-existing precision {result['precision']:.3f} "
            f"recall {result['recall']:.3f}"
        )
    assert everything["accuracy"] >= 0.9
    assert holdout["accuracy"] >= 0.85


def test_the_labelled_new_quantities_cluster_as_an_editor_would():
    new = [case for case in CASES["case"] if case["expected"] == "new"]
    proposals = grouping.cluster_claims([case_claim(case) for case in new])
    found = {key: p.slug for p in proposals for key in p.claim_keys}
    wanted = {case["id"]: case.get("cluster", case["id"]) for case in new}
    ids = sorted(wanted)
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    together = {(a, b) for a, b in pairs if found[a] == found[b]}
    labelled = {(a, b) for a, b in pairs if wanted[a] == wanted[b]}
    precision = len(together & labelled) / len(together)
    recall = len(together & labelled) / len(labelled)
    print(
        f"clustering: {len(labelled)} labelled pairs, precision {precision:.2f} recall {recall:.2f}"
    )
    assert precision >= 0.8 and recall >= 0.8


# ---------------------------------------------------------------- vetoes from what the claim says


def test_a_count_per_month_never_joins_a_count_per_week():
    month = ClaimInput(1, "ISIS attacks", "count", "Iraq", period="per_period", period_days=31)
    week = ClaimInput(2, "ISIS attacks", "count", "Iraq", period="per_period", period_days=7)
    confidence, reason = grouping.claim_similarity(month, week)
    assert confidence == 0 and "per month" in reason and "per 7 days" in reason


def test_counts_over_months_of_30_and_31_days_may_join():
    march = ClaimInput(1, "ISIS attacks", "count", "Iraq", period="per_period", period_days=31)
    april = ClaimInput(2, "ISIS attacks", "count", "Iraq", period="per_period", period_days=30)
    assert grouping.claim_similarity(march, april)[0] >= grouping.DEFAULT_MIN_CONFIDENCE


def test_a_cumulative_toll_never_joins_a_level():
    toll = ClaimInput(1, "Peshmerga killed", "count", "Kurdistan Region", period="cumulative")
    level = ClaimInput(2, "Peshmerga killed", "count", "Kurdistan Region", period="level")
    assert grouping.claim_similarity(toll, level)[0] == 0


def test_a_metric_of_cumulative_kind_refuses_a_claim_known_to_be_a_level():
    metric = MetricInput("toll", "Peshmerga killed since 2014", "count", period="cumulative")
    level = ClaimInput(1, "Peshmerga killed", "count", period="level")
    assert grouping.score_match(level, metric).confidence == 0


def test_two_names_the_vocabulary_does_not_know_are_two_actors():
    first = claim("seats won by the Sadrist movement", scope="Iraq", key=1)
    second = claim("seats won by Taqaddum", scope="Iraq", key=2)
    confidence, reason = grouping.claim_similarity(first, second)
    assert confidence == 0 and "different actor" in reason


def test_the_same_unknown_name_on_both_sides_still_groups():
    first = claim("seats won by the Sadrist movement", scope="Iraq", key=1)
    second = claim("seats won by the Sadrist bloc", scope="Iraq", key=2)
    assert grouping.claim_similarity(first, second)[0] >= grouping.DEFAULT_MIN_CONFIDENCE


def test_a_city_of_the_gazetteer_lies_within_its_country():
    city = claim("civilians killed", scope="El Fasher", key=1)
    other_country = claim("civilians killed", scope="Chad", key=2)
    confidence, reason = grouping.claim_similarity(city, other_country)
    assert confidence == 0 and reason == "different place"
    (place,) = grouping._scope("El Fasher").places
    assert "sudan" in grouping._ancestors(place)


def test_a_gazetteer_name_that_is_also_a_word_is_a_place_only_in_a_scope():
    assert not grouping._named_places("Brent oil price")
    assert grouping._scope("Brent").places


def test_capitalised_words_of_the_quote_are_not_actors():
    metric = MetricInput("m", "ISIS fighters in Iraq", "count", scope="Iraq")
    quote = "Officials said on Monday that 3,000 fighters remain in Mosul."
    match = grouping.score_match(claim("fighters", scope="Mosul", quote=quote), metric)
    assert match.confidence > 0 and "different actor" not in match.reason


# What the sentence says, through WordNet: participles of related verbs, and who is speaking.


def _pair(a: ClaimInput, b: ClaimInput) -> float:
    return grouping.claim_similarity(a, b)[0]


@pytest.mark.parametrize(
    "other",
    ["people uprooted by the fighting", "uprooted residents", "families uprooted inside Chad"],
)
def test_people_uprooted_are_people_displaced(other):
    scope = "Chad"
    displaced = ClaimInput(1, "internally displaced people", "count", scope)
    assert _pair(displaced, ClaimInput(2, other, "count", scope)) >= 0.6


def test_people_uprooted_are_not_refugees_abroad():
    uprooted = ClaimInput(1, "people uprooted by the fighting", "count", "Chad")
    assert _pair(uprooted, ClaimInput(2, "refugees", "count", "Chad")) < 0.6


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        ("A NATO spokesman said some 9,000 insurgents were still active there.", "NATO spokesman"),
        ("About 9,000 insurgents remain active, the U.N. envoy told reporters.", "U.N. envoy"),
    ],
)
def test_the_speakers_organisation_is_not_the_owner_of_what_is_counted(quote, speaker):
    counted = ClaimInput(1, "insurgents", "count", "Somalia", quote=quote, speaker=speaker)
    named = ClaimInput(2, "al-Shabaab fighters", "count", "Somalia")
    assert _pair(counted, named) >= 0.6


def test_without_the_speaker_an_organisation_in_the_quote_still_vetoes():
    quote = "NATO said about 9,000 of its troops were still active there."
    counted = ClaimInput(1, "troops", "count", "Somalia", quote=quote)
    assert _pair(counted, ClaimInput(2, "al-Shabaab fighters", "count", "Somalia")) < 0.6
