"""What a report holds (MetricReport and its parts). Plain records: the renderers and the API read
these, nothing else.

A whole-database report builds one ReportClaim per claim and one ReportFinding per finding, which
can be several per claim, so those two are named tuples: immutable like a frozen dataclass, and
several times cheaper to build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

REPORT_VERSION = 1


class ReportClaim(NamedTuple):
    id: int
    figure: str
    quote: str
    lo: float | None  # None: open on that side, or no interval (see ``problem``)
    hi: float | None
    qualifier: str
    unit: str
    subject: str
    scope: str
    speaker: str | None
    outlet: str | None
    article_id: int
    article_title: str
    article_url: str | None
    published: dt.date | None
    as_of_start: dt.date | None
    as_of_end: dt.date | None
    as_of_precision: str
    status: str
    verdict: str
    problem: str = ""  # why the claim could not be compared, if it could not
    period_kind: str = ""  # the claim's own period, when the text said it (Claim.period_kind)
    period_days: int | None = None

    @property
    def source(self) -> str:
        """Who stated it: the speaker, or the outlet itself."""
        return self.speaker or (f"{self.outlet} (outlet)" if self.outlet else "(outlet)")


class ReportFinding(NamedTuple):
    kind: str  # "conflict" or "change"
    older_id: int
    newer_id: int
    ratio: float | None
    gap: float
    relative_gap: float | None
    period_gap_days: int
    causes: tuple[str, ...]
    resolution_kind: str = ""
    resolution_note: str = ""

    @property
    def resolved(self) -> bool:
        return bool(self.resolution_kind)


@dataclass(frozen=True, slots=True)
class ReportSummary:
    claims: int
    speakers: int
    lowest: float | None
    highest: float | None
    spread_ratio: float | None
    earliest: dt.date | None
    latest: dt.date | None
    open_conflicts: int
    changes: int


@dataclass(frozen=True)
class MetricReport:
    slug: str
    name: str
    unit: str
    kind: str
    scope: str
    comparability_days: int
    claims: tuple[ReportClaim, ...]
    findings: tuple[ReportFinding, ...]
    summary: ReportSummary
    outlets: tuple[str, ...] = field(default=())

    def claim(self, claim_id: int) -> ReportClaim:
        return next(c for c in self.claims if c.id == claim_id)
