"""The verdict scale reviewers rate claims on. Pure Python, no Django import.

It lives beside the claims because a claim's current verdict is stored on the claim (for filters
and reports) and the comparison needs to know which verdicts mark a figure as inaccurate, while
`claims` may not import `reviews` (DESIGN.md: reviews -> claims -> sources).

Each verdict maps to a number for schema.org ClaimReview (worst 1, best 5).
"""

import enum
from dataclasses import dataclass

BEST_RATING = 5
WORST_RATING = 1


class Verdict(enum.StrEnum):
    ACCURATE = "accurate"
    ROUGHLY_RIGHT = "roughly_right"
    OVERSTATED = "overstated"
    UNDERSTATED = "understated"
    OUTDATED = "outdated"
    MISATTRIBUTED = "misattributed"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class VerdictInfo:
    label: str
    rating_value: int
    inaccurate: bool
    meaning: str


SCALE: dict[Verdict, VerdictInfo] = {
    Verdict.ACCURATE: VerdictInfo(
        "Accurate", 5, False, "The figure matches the best available evidence for its period."
    ),
    Verdict.ROUGHLY_RIGHT: VerdictInfo(
        "Roughly right", 4, False,
        "Within a reasonable margin of the evidence, or right in order of magnitude and trend.",
    ),
    Verdict.OVERSTATED: VerdictInfo(
        "Overstated", 2, True, "The evidence points to a clearly smaller figure."
    ),
    Verdict.UNDERSTATED: VerdictInfo(
        "Understated", 2, True, "The evidence points to a clearly larger figure."
    ),
    Verdict.OUTDATED: VerdictInfo(
        "Outdated", 2, True,
        "Once right, but stated as current long after newer figures replaced it.",
    ),
    Verdict.MISATTRIBUTED: VerdictInfo(
        "Misattributed", 1, True, "The figure exists, but not from the source it is credited to."
    ),
    Verdict.UNSUPPORTED: VerdictInfo(
        "Unsupported", 1, True, "No evidence for the figure could be found."
    ),
}  # fmt: skip

CHOICES = [(verdict.value, SCALE[verdict].label) for verdict in Verdict]


def is_inaccurate(verdict: str) -> bool:
    """True when ``verdict`` marks a figure as wrong (used as a likely cause of a conflict)."""
    return verdict in Verdict.__members__.values() and SCALE[Verdict(verdict)].inaccurate
