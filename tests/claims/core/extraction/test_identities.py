"""Speaker names: one key per identity whatever the spelling, distinct across scripts."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.core.extraction.identities import clean_name, known_identity, name_key


@pytest.mark.parametrize("spelling", ["U.N.", "UN", "the United Nations", "United  Nations"])
def test_the_un_is_one_identity_however_it_is_spelt(spelling: str) -> None:
    identity = known_identity(spelling)
    assert identity is not None and identity.name == "United Nations"


def test_an_agency_of_the_un_is_its_own_speaker_affiliated_to_the_un() -> None:
    for spelling in ("UNHCR", "the U.N. refugee agency", "UN Refugee Agency"):
        identity = known_identity(spelling)
        assert identity is not None
        assert (identity.name, identity.affiliation) == ("UNHCR", "United Nations")


def test_an_unknown_name_has_no_identity_but_keeps_its_spelling() -> None:
    assert known_identity("Kurdistan Region Presidency") is None
    assert clean_name("  Kurdistan   Region Presidency ") == "Kurdistan Region Presidency"


def test_names_in_other_scripts_keep_their_letters_and_stay_distinct() -> None:
    assert name_key("王小明") == "王小明"
    assert name_key("नरेंद्र मोदी") == "नरेंद्र मोदी"
    assert name_key("नरेंद्र मोदी") != name_key("王小明")
    assert name_key("Владимир Путин") == "владимир путин"


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("U.N. World Food Programme", "World Food Programme"),
        ("UN World Food Programme", "World Food Programme"),
        ("the UN\u2019s refugee agency", "UNHCR"),
        ("U.N. Children\u2019s Fund", "UNICEF"),
        ("United Nations Children's Fund", "UNICEF"),
        ("W.H.O.", "World Health Organization"),
        ("the U.N. Food and Agriculture Organization", "FAO"),
    ],
)
def test_an_agency_named_with_the_un_before_it_is_the_agency(spelling: str, name: str) -> None:
    identity = known_identity(spelling)
    assert identity is not None
    assert (identity.name, identity.affiliation) == (name, "United Nations")


@pytest.mark.parametrize("spelling", ["UN Security Council", "U.N. envoy", "UN Secretary-General"])
def test_an_unlisted_un_body_or_role_is_not_the_un_itself(spelling: str) -> None:
    assert known_identity(spelling) is None


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("MSF", "Médecins Sans Frontières"),
        ("Medecins Sans Frontieres", "Médecins Sans Frontières"),
        ("Doctors Without Borders", "Médecins Sans Frontières"),
        ("E.U.", "European Union"),
        ("IEA", "International Energy Agency"),
    ],
)
def test_aliases_of_organisations_outside_the_un_meet(spelling: str, name: str) -> None:
    identity = known_identity(spelling)
    assert identity is not None and identity.name == name and identity.affiliation == ""


def test_a_listed_name_in_another_script_is_the_same_identity() -> None:
    for spelling in ("ООН", "الأمم المتحدة", "联合国"):
        identity = known_identity(spelling)
        assert identity is not None and identity.name == "United Nations"


def test_a_possessive_country_before_a_body_does_not_change_who_it_is() -> None:
    assert name_key("Iraq's finance ministry") == name_key("Iraq finance ministry")
    assert name_key("Iraq's finance ministry") != name_key("finance ministry")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Владимир Путин", "Vladimir Putin"),
        ("王小明", "王小名"),
        ("محمد علي", "محمود علي"),
        ("नरेंद्र मोदी", "नरेन्द्र मोदी"),
        ("ООН", "UN"),
    ],
)
def test_names_in_non_latin_scripts_never_share_a_key_with_another_name(
    one: str, other: str
) -> None:
    assert name_key(one) != name_key(other)


# Letters of scripts other than Latin (CJK, Arabic, Devanagari, ... and Cyrillic), their marks
# and spaces: whatever the name, its key keeps every letter.
_NON_LATIN = st.characters(categories=["Lo", "Mn", "Zs"]) | st.characters(
    min_codepoint=0x410, max_codepoint=0x44F
)


@given(st.text(alphabet=_NON_LATIN, max_size=20))
def test_a_name_key_is_stable_and_keeps_every_letter(name: str) -> None:
    key = name_key(name)
    assert name_key(key) == key
    letters = [ch for ch in unicodedata.normalize("NFC", name).casefold() if ch.isalpha()]
    assert all(ch in key for ch in letters)
