"""Claim rows: claims as the API shows them, read as named rows (``ClaimRow``) instead of
through DRF's per-field machinery or model instances.

The claim list and detail are the API's hot read paths: a page of 100 nested claims spent most
of its time in serializer field lookups and then in building model instances. Here a page is read
as rows named by their fields (``claim_values``: one ``values_list(named=True)`` query with
article, outlet, speaker and metric joined in) and each row becomes the dict that
ClaimSerializer(claim).data would give (a test holds the two equal on every field); every value
is read by its field's name, so the order of the columns is nobody's concern. ``claim_rows``
does the same from model instances, for the bulk write that already holds them.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.utils import timezone

from claims.core import intervals, units
from claims.models import Claim, tolerances
from claims.selectors import claims_visible
from claims_project.concurrency import fingerprint


class ClaimRow(NamedTuple):
    """One claim as the API reads it: its columns and its joined ones, each named by the lookup
    that reads it (``article__title`` is the article's title). Every ordering field of the
    claim list is among them (cursor pagination reads its position from the last row)."""

    id: int
    quote: str
    figure: str
    start: int
    end: int
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str
    subject: str
    scope: str
    figure_kind: str
    as_of_start: dt.date | None
    as_of_end: dt.date | None
    as_of_precision: str
    period_kind: str
    period_start: dt.date | None
    period_days: int | None
    status: str
    verdict: str
    verdict_at: dt.datetime | None
    note: str
    created_at: dt.datetime
    updated_at: dt.datetime
    article_id: int
    article__title: str
    article__url: str | None
    article__published: dt.date | None
    article__outlet__name: str | None
    speaker_id: int | None
    speaker__slug: str | None
    speaker__name: str | None
    speaker__kind: str | None
    speaker__role: str | None
    speaker__affiliation: str | None
    speaker__aliases: Any
    metric_id: int | None
    metric__slug: str | None
    metric__name: str | None
    metric__description: str | None
    metric__canonical_unit: str | None
    metric__kind: str | None
    metric__scope: str | None
    metric__comparability_days: int | None


# The lookups a claim row reads, by name (values_list gives rows with these attribute names).
FIELDS = ClaimRow._fields
# The claim's own stored columns not in FIELDS: with them a detail row also gives the ETag.
_OWN = tuple(f.attname for f in Claim._meta.concrete_fields if f.attname not in FIELDS)


def claim_values(claims: QuerySet[Claim]) -> QuerySet:
    """The claims as rows named by FIELDS (like ClaimRow), for row_from_values."""
    return claims.values_list(*FIELDS, named=True)


def claim_detail(pk, *, user=None) -> tuple[dict, str]:
    """One claim as claim_list(user=user) shows it: its row and its ETag fingerprint (the same
    as fingerprint(instance)). Raises Claim.DoesNotExist for an id that is not there, not
    visible to ``user``, or not a number.

    The detail is the API's most frequent read, and compiling its query cost more than running
    it; so the statement is compiled once per process and only the id changes."""
    try:
        pk = int(pk)
    except (TypeError, ValueError) as exc:
        raise Claim.DoesNotExist(f"no claim {pk!r}") from exc
    if not -(2**63) <= pk < 2**63:
        raise Claim.DoesNotExist(f"no claim {pk}")
    confirmed_only = user is None or not user.is_authenticated
    statement = _detail_statement(confirmed_only, DEFAULT_DB_ALIAS)
    connection = connections[DEFAULT_DB_ALIAS]
    params = list(statement.params)
    params[statement.position] = pk
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, params)
        found = cursor.fetchone()
    if found is None:
        raise Claim.DoesNotExist(f"no claim {pk}")
    values = list(found)
    for position, (converters, expression) in statement.converters:
        for convert in converters:
            values[position] = convert(values[position], expression, connection)
    stored = SimpleNamespace(**dict(zip(FIELDS + _OWN, values, strict=True)))
    return row_from_values(ClaimRow._make(values[: len(FIELDS)])), fingerprint(stored, model=Claim)


@dataclass(frozen=True)
class _Statement:
    sql: str
    params: tuple
    position: int  # where the claim id goes in params
    converters: tuple  # (column, (converters, expression)) as Django's compiler applies them


_MARK = -(2**62) - 7  # an id no claim has: it marks the id's place in the compiled parameters


@functools.cache
def _detail_statement(confirmed_only: bool, alias: str) -> _Statement:
    query = (
        claims_visible(confirmed_only=confirmed_only)
        .filter(pk=_MARK)
        .values_list(*FIELDS, *_OWN)
        .query
    )
    compiler = query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    converters = compiler.get_converters([column for column, *_ in compiler.select])
    return _Statement(sql, tuple(params), list(params).index(_MARK), tuple(converters.items()))


def _datetime(value, zone) -> str | None:
    """DRF's ISO 8601 rendering of an aware datetime, in the time zone ``zone``."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _date(value) -> str | None:
    return None if value is None else value.isoformat()


def _interval(low, high, qualifier, unit, canonical_unit, tolerance) -> dict | None:
    try:
        interval = intervals.claim_interval(
            low=low, high=high, qualifier=qualifier, unit=unit, canonical_unit=canonical_unit,
            tolerances=tolerance,
        )  # fmt: skip
    except (intervals.BoundsError, units.UnitError):
        return None
    return {
        "low": None if math.isinf(interval.lo) else interval.lo,
        "high": None if math.isinf(interval.hi) else interval.hi,
        "unit": canonical_unit if canonical_unit is not None else unit,
    }


def row_from_values(
    row: ClaimRow, tolerance: intervals.Tolerances | None = None, zone=None
) -> dict:
    """The API representation of one claim from a row named by FIELDS (a ClaimRow, or the rows
    of ``claim_values``); datetimes in ``zone``, by default the current time zone."""
    zone = zone or timezone.get_current_timezone()
    metric_id = row.metric_id
    return {
        "id": row.id,
        "article": {
            "id": row.article_id,
            "title": row.article__title,
            "url": row.article__url,
            "published": _date(row.article__published),
            "outlet": row.article__outlet__name,
        },
        "quote": row.quote,
        "figure": row.figure,
        "start": row.start,
        "end": row.end,
        "value_low": row.value_low,
        "value_high": row.value_high,
        "qualifier": row.qualifier,
        "unit": row.unit,
        "interval": _interval(
            row.value_low,
            row.value_high,
            row.qualifier,
            row.unit,
            row.metric__canonical_unit if metric_id is not None else None,
            tolerance or tolerances(),
        ),
        "subject": row.subject,
        "scope": row.scope,
        "figure_kind": row.figure_kind,
        "speaker": None
        if row.speaker_id is None
        else {
            "id": row.speaker_id,
            "slug": row.speaker__slug,
            "name": row.speaker__name,
            "kind": row.speaker__kind,
            "role": row.speaker__role,
            "affiliation": row.speaker__affiliation,
            "aliases": row.speaker__aliases,
        },
        "metric": None
        if metric_id is None
        else {
            "id": metric_id,
            "slug": row.metric__slug,
            "name": row.metric__name,
            "description": row.metric__description,
            "canonical_unit": row.metric__canonical_unit,
            "kind": row.metric__kind,
            "scope": row.metric__scope,
            "comparability_days": row.metric__comparability_days,
        },
        "as_of_start": _date(row.as_of_start),
        "as_of_end": _date(row.as_of_end),
        "as_of_precision": row.as_of_precision,
        "period_kind": row.period_kind,
        "period_start": _date(row.period_start),
        "period_days": row.period_days,
        "status": row.status,
        "verdict": row.verdict,
        "verdict_at": _datetime(row.verdict_at, zone),
        "note": row.note,
        "created_at": _datetime(row.created_at, zone),
        "updated_at": _datetime(row.updated_at, zone),
    }


def rows_from_values(rows) -> list[dict]:
    """A page of claim rows (named by FIELDS) as API rows, with the interval tolerances read
    once."""
    tolerance, zone = tolerances(), timezone.get_current_timezone()
    return [row_from_values(row, tolerance, zone) for row in rows]


_PATHS = tuple(tuple(path.split("__")) for path in FIELDS)


def _values_of(claim: Claim) -> ClaimRow:
    """The ClaimRow of a claim instance, following its joined relations (None past a missing
    one: a claim without a speaker has no speaker's name)."""
    values = []
    for path in _PATHS:
        value = claim
        for name in path:
            value = getattr(value, name)
            if value is None:
                break
        values.append(value)
    return ClaimRow._make(values)


def claim_rows(claims) -> list[dict]:
    """Claim instances as API rows, with the interval tolerances read once."""
    return rows_from_values(map(_values_of, claims))
