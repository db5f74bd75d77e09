"""Claims as the API shows them, built without DRF's per-field machinery or model instances.

The claim list and detail are the API's hot read paths: a page of 100 nested claims spent most
of its time in serializer field lookups and then in building model instances. Here a page is read
as plain tuples (``claim_values``: one ``values_list`` query with article, outlet, speaker and
metric joined in) and each tuple becomes the dict that ClaimSerializer(claim).data would give (a
test holds the two equal on every field). ``claim_rows`` does the same from model instances, for
the bulk write that already holds them.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.utils import timezone

from claims.core import intervals, units
from claims.models import Claim, tolerances
from claims.selectors import claims_visible
from claims_project.concurrency import fingerprint

# The columns of a claim row, in the order row_from_values reads them. Every ordering field of
# the claim list is among them (cursor pagination reads its position from the last row).
FIELDS = (
    "id", "quote", "figure", "start", "end", "value_low", "value_high", "qualifier", "unit",
    "subject", "scope", "as_of_start", "as_of_end", "as_of_precision", "status", "verdict",
    "verdict_at", "note", "created_at", "updated_at",
    "article_id", "article__title", "article__url", "article__published",
    "article__outlet__name",
    "speaker_id", "speaker__slug", "speaker__name", "speaker__kind", "speaker__role",
    "speaker__affiliation", "speaker__aliases",
    "metric_id", "metric__slug", "metric__name", "metric__description",
    "metric__canonical_unit", "metric__kind", "metric__scope", "metric__comparability_days",
)  # fmt: skip
# The claim's own stored columns not in FIELDS: with them a detail row also gives the ETag.
_OWN = tuple(f.attname for f in Claim._meta.concrete_fields if f.attname not in FIELDS)


def claim_values(claims: QuerySet[Claim]) -> QuerySet:
    """The claims as named tuples of FIELDS, for row_from_values."""
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
    return row_from_values(values), fingerprint(stored, model=Claim)


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


def row_from_values(values, tolerance: intervals.Tolerances | None = None, zone=None) -> dict:
    """The API representation of one claim from a tuple of FIELDS (extra columns ignored);
    datetimes in ``zone``, by default the current time zone."""
    zone = zone or timezone.get_current_timezone()
    (cid, quote, figure, start, end, low, high, qualifier, unit, subject, scope, as_of_start,
     as_of_end, precision, status, verdict, verdict_at, note, created_at, updated_at,
     article_id, title, url, published, outlet,
     speaker_id, speaker_slug, speaker_name, speaker_kind, role, affiliation, aliases,
     metric_id, metric_slug, metric_name, description, canonical_unit, metric_kind,
     metric_scope, days) = values[: len(FIELDS)]  # fmt: skip
    return {
        "id": cid,
        "article": {
            "id": article_id,
            "title": title,
            "url": url,
            "published": _date(published),
            "outlet": outlet,
        },
        "quote": quote,
        "figure": figure,
        "start": start,
        "end": end,
        "value_low": low,
        "value_high": high,
        "qualifier": qualifier,
        "unit": unit,
        "interval": _interval(
            low,
            high,
            qualifier,
            unit,
            canonical_unit if metric_id is not None else None,
            tolerance or tolerances(),
        ),
        "subject": subject,
        "scope": scope,
        "speaker": None
        if speaker_id is None
        else {
            "id": speaker_id,
            "slug": speaker_slug,
            "name": speaker_name,
            "kind": speaker_kind,
            "role": role,
            "affiliation": affiliation,
            "aliases": aliases,
        },
        "metric": None
        if metric_id is None
        else {
            "id": metric_id,
            "slug": metric_slug,
            "name": metric_name,
            "description": description,
            "canonical_unit": canonical_unit,
            "kind": metric_kind,
            "scope": metric_scope,
            "comparability_days": days,
        },
        "as_of_start": _date(as_of_start),
        "as_of_end": _date(as_of_end),
        "as_of_precision": precision,
        "status": status,
        "verdict": verdict,
        "verdict_at": _datetime(verdict_at, zone),
        "note": note,
        "created_at": _datetime(created_at, zone),
        "updated_at": _datetime(updated_at, zone),
    }


def rows_from_values(rows) -> list[dict]:
    """A page of claim tuples as API rows, with the interval tolerances read once."""
    tolerance, zone = tolerances(), timezone.get_current_timezone()
    return [row_from_values(values, tolerance, zone) for values in rows]


_PATHS = tuple(tuple(path.split("__")) for path in FIELDS)


def _values_of(claim: Claim) -> tuple:
    """The tuple of FIELDS for a claim instance, following its joined relations (None past a
    missing one: a claim without a speaker has no speaker's name)."""
    values = []
    for path in _PATHS:
        value = claim
        for name in path:
            value = getattr(value, name)
            if value is None:
                break
        values.append(value)
    return tuple(values)


def claim_rows(claims) -> list[dict]:
    """Claim instances as API rows, with the interval tolerances read once."""
    return rows_from_values(map(_values_of, claims))
