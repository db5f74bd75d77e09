"""Language data shared by extraction and grouping: one TOML file per vocabulary, beside it.

Every part of the core that needs a list of words (events, actors, places, populations, reporting
verbs, rating words ...) reads it here, so a word is defined once and only in data. Files are read
once per process.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent


@cache
def load(name: str) -> dict:
    """The parsed contents of ``<name>.toml`` in this folder (read once, then shared)."""
    path = DIRECTORY / f"{name}.toml"
    if not path.is_file():
        raise LookupError(f"no vocabulary named {name!r} in {DIRECTORY.name}/")
    with path.open("rb") as handle:
        return tomllib.load(handle)


def names() -> list[str]:
    """The vocabularies there are, by name."""
    return sorted(p.stem for p in DIRECTORY.glob("*.toml"))
