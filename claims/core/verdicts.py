"""The verdict scale reviewers rate claims on. Pure Python, no Django import.

It lives beside the claims because a claim's current verdict is stored on the claim (for filters
and reports) and the comparison needs to know which verdicts mark a figure as inaccurate, while
`claims` may not import `reviews` (DESIGN.md: reviews -> claims -> sources).

The verdicts, their labels, numbers and meanings are data: ``vocabulary/verdicts.toml``. Each
verdict maps to a number for schema.org ClaimReview (worst 1, best 5).
"""

import enum
from dataclasses import dataclass

from claims.core import vocabulary

_DATA = vocabulary.load("verdicts")

BEST_RATING: int = _DATA["best_rating"]
WORST_RATING: int = _DATA["worst_rating"]

# Verdict.ACCURATE == "accurate", ...: one member per verdict of the data file, in its order.
Verdict = enum.StrEnum(
    "Verdict", [(entry["key"].upper(), entry["key"]) for entry in _DATA["verdict"]]
)
Verdict.__module__ = __name__
Verdict.__doc__ = "A verdict of the scale (its value is the key stored on reviews and claims)."


@dataclass(frozen=True)
class VerdictInfo:
    label: str
    rating_value: int
    inaccurate: bool
    meaning: str


SCALE: dict[Verdict, VerdictInfo] = {
    Verdict(entry["key"]): VerdictInfo(
        label=entry["label"],
        rating_value=entry["rating_value"],
        inaccurate=entry["inaccurate"],
        meaning=entry["meaning"],
    )
    for entry in _DATA["verdict"]
}

CHOICES = [(verdict.value, SCALE[verdict].label) for verdict in Verdict]


def is_inaccurate(verdict: str) -> bool:
    """True when ``verdict`` marks a figure as wrong (used as a likely cause of a conflict)."""
    return verdict in Verdict.__members__.values() and SCALE[Verdict(verdict)].inaccurate


def meaning(verdict: str) -> str:
    """What ``verdict`` means, as the scale words it ("" for a word that is not a verdict)."""
    info = SCALE.get(Verdict(verdict)) if verdict in Verdict.__members__.values() else None
    return info.meaning if info else ""
