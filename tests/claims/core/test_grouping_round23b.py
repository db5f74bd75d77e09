"""Rewordings of one quantity that must meet and near misses that must stay apart, for the rules
of round 23's second pass: goods brought in from abroad are imports (but people brought in are
no imports), what was brought down collapsed, those who came ashore arrived, and a disease's
patients and hospitalisations are its cases."""

import pytest

from claims.core import grouping, lexical
from claims.core.grouping import ClaimInput

pytestmark = pytest.mark.skipif(not lexical.available(), reason="WordNet is not installed")
THRESHOLD = grouping.DEFAULT_MIN_CONFIDENCE


def similarity(a: str, b: str, *, unit: str = "count", scope: str = "Norway"):
    first = ClaimInput(key="a", subject=a, unit=unit, scope=scope)
    second = ClaimInput(key="b", subject=b, unit=unit, scope=scope)
    return grouping.claim_similarity(first, second)


# ---------------------------------------------------------------- goods from abroad


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("coal brought into the country", "coal imports"),
        ("imported wheat", "wheat bought from abroad"),
        ("steel purchases from abroad", "steel imported"),
        ("liquefied gas brought into the country", "liquefied gas purchased from abroad"),
    ],
)
def test_goods_brought_in_from_abroad_are_imports(a, b):
    score, reason = similarity(a, b, unit="tonnes")
    assert score >= THRESHOLD, reason


def test_goods_brought_into_the_country_are_not_exports():
    score, _ = similarity("coal brought into the country", "coal exports", unit="tonnes")
    assert score == 0


@pytest.mark.parametrize(
    ("people", "measure"),
    [
        ("migrants brought into the country", "imports"),
        ("workers shipped abroad", "exports"),
        ("labourers imported", "imports"),
    ],
)
def test_people_brought_in_or_shipped_out_are_no_trade(people, measure):
    score, _ = similarity(people, measure)
    assert score < THRESHOLD


# ---------------------------------------------------------------- brought down


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("towers brought down by the storm", "towers that collapsed"),
        ("houses knocked down by the tremor", "collapsed houses"),
        ("bridges that collapsed", "bridges brought down"),
    ],
)
def test_what_was_brought_down_collapsed(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize("other", ["homes damaged", "homes destroyed", "people killed"])
def test_brought_down_is_not_damaged_nor_killed(other):
    score, _ = similarity("homes brought down", other)
    assert score < THRESHOLD


# ---------------------------------------------------------------- patients of a disease


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("malaria hospitalisations", "malaria cases"),
        ("cholera patients admitted", "cholera hospitalizations"),
        ("patients with measles", "measles infections"),
        ("typhoid hospitalisations", "typhoid infections"),
    ],
)
def test_a_disease_s_patients_and_hospitalisations_are_its_cases(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize("dead", ["malaria deaths", "people who died of malaria"])
def test_a_disease_s_patients_are_not_its_dead(dead):
    score, _ = similarity("malaria patients", dead)
    assert score < THRESHOLD


# ---------------------------------------------------------------- ashore


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("migrants who came ashore", "arrivals by boat"),
        ("asylum seekers coming ashore on the islands", "asylum seekers who arrived"),
        ("migrants brought ashore by rescuers", "people landing on the coast"),
    ],
)
def test_those_who_came_ashore_arrived(a, b):
    score, reason = similarity(a, b)
    assert score >= THRESHOLD, reason


@pytest.mark.parametrize("other", ["migrants who drowned", "migrants who returned home"])
def test_those_who_came_ashore_did_not_drown_nor_return(other):
    score, _ = similarity("migrants who came ashore", other)
    assert score < THRESHOLD
