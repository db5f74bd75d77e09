"""Speakers found by extraction are identities: one per organisation or person, any script."""

from __future__ import annotations

import pytest

from claims.models import Speaker
from claims.services import speaker_for_name

pytestmark = pytest.mark.django_db


def test_every_spelling_of_the_un_lands_on_one_speaker() -> None:
    speakers = {
        speaker_for_name(name, "organisation").pk
        for name in ("U.N.", "UN", "United Nations", "the United Nations")
    }
    assert len(speakers) == 1
    assert Speaker.objects.get().name == "United Nations"


def test_a_un_agency_is_its_own_speaker_with_the_un_as_affiliation() -> None:
    agency = speaker_for_name("UN refugee agency", "organisation")
    assert speaker_for_name("UNHCR", "organisation") == agency
    assert (agency.name, agency.affiliation) == ("UNHCR", "United Nations")
    assert speaker_for_name("U.N.", "organisation") != agency


def test_an_alias_an_editor_added_in_admin_finds_its_speaker() -> None:
    council = speaker_for_name("Kurdistan Region Security Council", "organisation")
    council.aliases = ["KRSC"]
    council.save()
    assert speaker_for_name("K.R.S.C.", "organisation") == council


def test_names_in_other_scripts_are_distinct_speakers_with_their_own_slugs() -> None:
    chinese = speaker_for_name("王小明", "person")
    hindi = speaker_for_name("नरेंद्र मोदी", "person")
    assert chinese != hindi
    assert chinese.slug != hindi.slug and "speaker" not in (chinese.slug, hindi.slug)


def test_two_names_with_one_slug_get_two_speakers() -> None:
    first = speaker_for_name("Ali Hassan", "person")
    second = speaker_for_name("Ali-Hassan", "person")
    assert first != second and second.slug == "ali-hassan-2"
