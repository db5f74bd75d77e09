"""Speaker names: one key per identity whatever the spelling, distinct across scripts."""

from __future__ import annotations

import pytest

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
