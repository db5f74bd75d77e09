"""Scoring grouping and comparison together on a labelled comparison corpus. Pure Python.

A corpus (TOML, see ``tests/claims/core/grouping_corpus/``) lists claims as the Claim rows store
them, the quantity each one measures, and the findings an editor expects: conflicts, changes over
time, and quantities that must stay apart. The evaluation groups the claims with a matcher, runs
the comparison inside each predicted group, and counts what a reader of the report would notice:

- *grouped whole*: quantities whose claims form exactly one predicted group, nothing else in it;
- *conflicts found* / *changes found*: expected pairs reported as that kind of finding;
- *false findings*: conflicts nobody expected, findings between two different quantities, and a
  repeated statement reported again (one figure quoted by two outlets counted twice);
- *merged pairs*: pairs of different quantities that share a predicted group.

Pairs are read at the level of statements: a finding about any appearance of a statement
stands for the statement.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from claims.core import comparison, grouping, intervals, units

Grouper = Callable[[Sequence["CorpusClaim"]], list[list[str]]]


@dataclass(frozen=True)
class CorpusClaim:
    """One labelled claim of a comparison corpus."""

    id: str
    quantity: str
    subject: str
    scope: str
    unit: str
    qualifier: str
    low: float
    high: float
    speaker: str
    as_of_start: date
    as_of_end: date
    period: str = "level"
    period_days: int | None = None
    since: date | None = None
    published: date | None = None
    outlet: str = ""
    quote: str = ""
    statement: str = ""


@dataclass(frozen=True)
class Corpus:
    """Claims, comparability windows per quantity, and the expected findings."""

    claims: tuple[CorpusClaim, ...]
    windows: dict[str, int]
    conflicts: tuple[frozenset[str], ...]
    changes: tuple[frozenset[str], ...]
    apart: tuple[frozenset[str], ...]


@dataclass
class Scores:
    """What `evaluate` counted; ``misses`` lists each miss in one readable line."""

    quantities: int = 0
    grouped_whole: int = 0
    conflicts: int = 0
    conflicts_found: int = 0
    changes: int = 0
    changes_found: int = 0
    false_findings: int = 0
    merged_pairs: int = 0
    apart_merged: int = 0
    misses: list[str] = field(default_factory=list)

    def as_row(self) -> dict[str, int]:
        """The counts, without the misses."""
        return {k: v for k, v in vars(self).items() if k != "misses"}


_PERIODS = frozenset({"level", "cumulative", "per_period"})


def load_corpus(path: str | Path) -> Corpus:
    """Read a corpus file. Raises ValueError naming the claim and field that is wrong."""
    data = tomllib.loads(Path(path).read_text("utf-8"))
    windows = {q["key"]: int(q["window_days"]) for q in data.get("quantity", [])}
    claims = []
    for row in data.get("claim", []):
        ident = row.get("id", "?")
        try:
            claim = CorpusClaim(
                id=row["id"],
                quantity=row["quantity"],
                subject=row["subject"],
                scope=row.get("scope", ""),
                unit=row["unit"],
                qualifier=row["qualifier"],
                low=float(row["low"]),
                high=float(row["high"]),
                speaker=row.get("speaker", ""),
                as_of_start=date.fromisoformat(row["as_of_start"]),
                as_of_end=date.fromisoformat(row["as_of_end"]),
                period=row.get("period", "level"),
                period_days=row.get("period_days"),
                since=date.fromisoformat(row["since"]) if "since" in row else None,
                published=date.fromisoformat(row["published"]) if "published" in row else None,
                outlet=row.get("outlet", ""),
                quote=row.get("quote", ""),
                statement=row.get("statement", ""),
            )
        except KeyError as exc:
            raise ValueError(f"claim {ident}: missing field {exc.args[0]}") from None
        try:
            intervals.check_bounds(*_stored_bounds(claim), claim.qualifier)
            units.parse_unit(claim.unit)
        except (intervals.BoundsError, units.UnitError) as exc:
            raise ValueError(f"claim {ident}: {exc}") from None
        if claim.period not in _PERIODS:
            raise ValueError(f"claim {ident}: period must be one of {sorted(_PERIODS)}")
        if claim.quantity not in windows:
            raise ValueError(f"claim {ident}: quantity {claim.quantity!r} has no [[quantity]]")
        claims.append(claim)
    ids = {c.id for c in claims}
    if len(ids) != len(claims):
        raise ValueError("claim ids repeat")

    def pairs(name: str, known: set[str]) -> tuple[frozenset[str], ...]:
        out = []
        for row in data.get(name, []):
            pair = frozenset((row["a"], row["b"]))
            if not pair <= known or len(pair) != 2:
                raise ValueError(f"[[{name}]] {row['a']}/{row['b']}: unknown or repeated key")
            out.append(pair)
        return tuple(out)

    return Corpus(
        claims=tuple(claims),
        windows=windows,
        conflicts=pairs("conflict", ids),
        changes=pairs("change", ids),
        apart=pairs("apart", set(windows)),
    )


def matcher_groups(
    claims: Sequence[CorpusClaim],
    *,
    periods: bool = True,
    min_confidence: float = grouping.DEFAULT_MIN_CONFIDENCE,
) -> list[list[str]]:
    """The groups ``claims.core.grouping`` forms from nothing (no existing metrics), told each
    claim's period kind when ``periods``.

    A proposed metric below ``min_confidence`` is not applied, so each of its claims stays a
    group of its own, as after ``group_claims --apply``.
    """
    inputs = [_claim_input(c, periods) for c in claims]
    groups: list[list[str]] = []
    for proposed in grouping.cluster_claims(inputs, min_confidence=min_confidence):
        keys = [str(k) for k in proposed.claim_keys]
        if proposed.confidence >= min_confidence:
            groups.append(keys)
        else:
            groups += [[k] for k in keys]
    return groups


def _claim_input(claim: CorpusClaim, periods: bool) -> grouping.ClaimInput:
    return grouping.ClaimInput(
        key=claim.id,
        subject=claim.subject,
        unit=claim.unit,
        scope=claim.scope,
        quote=claim.quote,
        speaker=claim.speaker,
        period=claim.period if periods else "",
        period_days=claim.period_days if periods else None,
    )


def _stored_bounds(claim: CorpusClaim) -> tuple[float | None, float | None]:
    """The bounds as a Claim stores them: the corpus gives the figure stated in both low and
    high, and a one-sided qualifier ("at most N", "no fewer than N") keeps the one bound it
    names."""
    qualifier = intervals.Qualifier(claim.qualifier)
    if qualifier in intervals.LOWER_BOUND_QUALIFIERS:
        return claim.low, None
    if qualifier in intervals.UPPER_BOUND_QUALIFIERS:
        return None, claim.high
    return claim.low, claim.high


def _figures(
    members: Sequence[CorpusClaim], *, periods: bool, statements: bool
) -> list[comparison.Figure]:
    unit = Counter(c.unit for c in members).most_common(1)[0][0]
    figures = []
    for number, claim in enumerate(members):
        low, high = _stored_bounds(claim)
        try:
            interval = intervals.claim_interval(
                low=low, high=high, qualifier=claim.qualifier, unit=claim.unit, canonical_unit=unit
            )
        except units.UnitError:
            continue  # a unit that does not convert is not compared, as in the report
        start = claim.as_of_start
        extra: dict = {}
        if periods:
            extra = {"period": claim.period, "period_days": claim.period_days}
        elif claim.since is not None:
            # What the first version stored for "killed since June 2014": the period's start.
            start = claim.since
        if statements and claim.statement:
            extra["statement"] = claim.statement
        figures.append(
            comparison.Figure(
                id=number,
                lo=-math.inf if interval.lo is None else interval.lo,
                hi=math.inf if interval.hi is None else interval.hi,
                as_of_start=start,
                as_of_end=claim.as_of_end,
                scope=claim.scope,
                published=claim.published,
                **extra,
            )
        )
    return figures


def evaluate(
    corpus: Corpus,
    grouper: Grouper | None = None,
    *,
    periods: bool = True,
    statements: bool = True,
) -> Scores:
    """Group ``corpus`` with ``grouper``, compare within each group, and count (see module doc).

    ``periods`` passes each claim's period kind to the matcher and the comparison (off: every
    figure is a level and a cumulative total is dated at its start, as the first version did);
    ``statements`` passes the repeated-statement labels (off: each appearance is a figure of
    its own). The grouper defaults to `matcher_groups`.
    """
    by_id = {c.id: c for c in corpus.claims}
    if grouper is None:
        groups = matcher_groups(corpus.claims, periods=periods)
    else:
        groups = grouper(list(corpus.claims))
    scores = Scores()
    # Statement of each claim, for reading pairs: the corpus's own label, else the claim itself.
    statement_of = {c.id: c.statement or c.id for c in corpus.claims}
    quantity_of = {statement_of[c.id]: c.quantity for c in corpus.claims}

    members_of: dict[str, set[str]] = defaultdict(set)
    for claim in corpus.claims:
        members_of[claim.quantity].add(claim.id)
    group_of = {key: n for n, group in enumerate(groups) for key in group}
    scores.quantities = len(members_of)
    for quantity, members in sorted(members_of.items()):
        homes = {group_of[m] for m in members}
        if len(homes) == 1 and set(groups[homes.pop()]) == members:
            scores.grouped_whole += 1
        else:
            split = sorted({tuple(sorted(groups[group_of[m]])) for m in members})
            scores.misses.append(f"{quantity} not grouped whole: {split}")
    for group in groups:
        quantities = sorted({by_id[k].quantity for k in group})
        for i, a in enumerate(quantities):
            for b in quantities[i + 1 :]:
                scores.merged_pairs += 1
                scores.misses.append(f"merged {a} with {b}")
                if frozenset((a, b)) in corpus.apart:
                    scores.apart_merged += 1

    found: dict[comparison.Kind, Counter] = {kind: Counter() for kind in comparison.Kind}
    for group in groups:
        members = [by_id[k] for k in sorted(group)]
        window = Counter(corpus.windows[m.quantity] for m in members).most_common(1)[0][0]
        figures = _figures(members, periods=periods, statements=statements)
        for finding in comparison.compare(figures, window_days=window):
            a, b = members[finding.older_id], members[finding.newer_id]
            pair = frozenset((statement_of[a.id], statement_of[b.id]))
            found[finding.kind][pair] += 1
            if a.quantity != b.quantity:
                scores.false_findings += 1
                scores.misses.append(f"{finding.kind} across quantities: {a.id}/{b.id}")

    def statement_pair(pair: frozenset[str]) -> frozenset[str]:
        return frozenset(statement_of[k] for k in pair)

    expected = {
        comparison.Kind.CONFLICT: {statement_pair(p) for p in corpus.conflicts},
        comparison.Kind.CHANGE: {statement_pair(p) for p in corpus.changes},
    }
    scores.conflicts, scores.changes = (len(expected[k]) for k in comparison.Kind)
    for kind, pairs in expected.items():
        for pair in sorted(pairs, key=sorted):
            if found[kind][pair]:
                if kind is comparison.Kind.CONFLICT:
                    scores.conflicts_found += 1
                else:
                    scores.changes_found += 1
            else:
                scores.misses.append(f"{kind} not found: {'/'.join(sorted(pair))}")
    for kind, counter in found.items():
        for pair, count in counter.items():
            if count > 1:
                scores.false_findings += count - 1
                scores.misses.append(f"{kind} {'/'.join(sorted(pair))} counted {count} times")
            if kind is comparison.Kind.CONFLICT and pair not in expected[kind]:
                same = len({quantity_of[k] for k in pair}) == 1
                if same:  # across quantities is already counted above
                    scores.false_findings += 1
                    scores.misses.append(f"unexpected conflict: {'/'.join(sorted(pair))}")
    return scores


def load_cases(path: str | Path) -> dict:
    """The labelled claim-to-metric cases (``grouping_cases.toml``): metrics and cases."""
    return tomllib.loads(Path(path).read_text("utf-8"))


def score_cases(data: dict, *, split: str | None = None) -> dict[str, float]:
    """Accuracy of `grouping.best_match` on the labelled cases, with ``split`` "holdout" or
    "tuned" (the others) or None for all. Precision is over the claims sent to a metric, recall
    over the claims that belong to one; a case goes to "new" below the default threshold."""
    metrics = [
        grouping.MetricInput(
            key=m["key"],
            name=m["name"],
            canonical_unit=m["canonical_unit"],
            scope=m.get("scope", ""),
            description=m.get("description", ""),
            claim_subjects=tuple(m.get("claim_subjects", ())),
            claim_scopes=tuple(m.get("claim_scopes", ())),
        )
        for m in data["metric"]
    ]
    cases = [
        c
        for c in data["case"]
        if split is None or (c.get("split") == "holdout") == (split == "holdout")
    ]
    decided = []
    for case in cases:
        claim = grouping.ClaimInput(
            key=case["id"],
            subject=case["subject"],
            unit=case["unit"],
            scope=case.get("scope", ""),
            quote=case.get("quote", ""),
        )
        match = grouping.best_match(claim, metrics)
        got = "new"
        if match is not None and match.confidence >= grouping.DEFAULT_MIN_CONFIDENCE:
            got = match.metric_key
        decided.append((case["expected"], got))
    assigned = [(want, got) for want, got in decided if got != "new"]
    existing = [(want, got) for want, got in decided if want != "new"]

    def share(pairs: list[tuple[str, str]]) -> float:
        return sum(want == got for want, got in pairs) / len(pairs) if pairs else 0.0

    return {
        "cases": len(decided),
        "accuracy": share(decided),
        "precision": share(assigned),
        "recall": share(existing),
    }
