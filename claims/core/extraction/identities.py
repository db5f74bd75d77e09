"""Speakers as identities: one speaker per person or organisation, whatever the spelling.

Pure Python. Names are compared by a key that ignores case, dots in acronyms ("U.N." = "UN"),
a leading article and spacing; common identities and their aliases are data
(``claims/core/vocabulary/speaker_identities.toml``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from claims.core import vocabulary


@dataclass(frozen=True, slots=True)
class Identity:
    """A known speaker: its canonical name, kind, parent organisation and other names."""

    name: str
    kind: str
    affiliation: str
    aliases: tuple[str, ...]


def clean_name(name: str) -> str:
    """A name as it should be stored: Unicode-normalised (NFC), single spaces, no edge dots."""
    name = unicodedata.normalize("NFC", name)
    return " ".join(name.split()).strip(" ,;:")


def name_key(name: str) -> str:
    """The key two spellings of one name share ("the U.N." and "UN" -> "un"). Keeps every
    script's letters, so names in different scripts never share a key."""
    name = clean_name(name).casefold().replace("\u2019", "'")
    # Dots inside acronyms ("U.S.", "W.H.O."), then other punctuation, go; letters stay.
    name = re.sub(r"(?<=\w)\.(?=\w|\s|$)", "", name)
    # Letters, marks (the vowel signs of Devanagari, say) and digits of any script stay.
    name = "".join(ch if ch in "' " or unicodedata.category(ch)[0] in "LMN" else " " for ch in name)
    name = re.sub(r"^(?:the|a|an)\s+", "", " ".join(name.split()))
    # "the UN's refugee agency" is the UN refugee agency; "United Nations Children's Fund" is
    # the UN Children's Fund (the body itself stays "united nations").
    name = re.sub(r"^([^\s']+)'s\s+", r"\1 ", name)
    return re.sub(r"^united nations\s+", "un ", name)


@functools.cache
def _table() -> dict[str, Identity]:
    table: dict[str, Identity] = {}
    for entry in vocabulary.load("speaker_identities")["speaker"]:
        identity = Identity(
            name=entry["name"],
            kind=entry.get("kind", "organisation"),
            affiliation=entry.get("affiliation", ""),
            aliases=tuple(entry.get("aliases", ())),
        )
        for spelling in (identity.name, *identity.aliases):
            key = name_key(spelling)
            if key in table and table[key] != identity:
                raise ValueError(f"speaker_identities: {spelling!r} names two speakers")
            table[key] = identity
    return table


def known_identity(name: str) -> Identity | None:
    """The identity ``name`` is a spelling of, from the table of common speakers, or None.

    "U.N. World Food Programme": an agency of the U.N. named with the U.N. before its own name
    is that agency (never the U.N. itself).
    """
    key = name_key(name)
    found = _table().get(key)
    if found is None and key.startswith("un "):
        agency = _table().get(key[3:])
        if agency is not None and agency.affiliation == "United Nations":
            return agency
    return found
