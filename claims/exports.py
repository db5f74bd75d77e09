"""Claims as CSV, streamed: memory stays flat however many rows are exported."""

import csv
import io
import math
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from claims.core import intervals, units
from claims.models import tolerances

COLUMNS = [
    ("id", "id"), ("figure", "figure"), ("value_low", "value_low"),
    ("value_high", "value_high"), ("qualifier", "qualifier"), ("unit", "unit"),
    ("subject", "subject"), ("scope", "scope"), ("speaker", "speaker__name"),
    ("metric", "metric__slug"), ("as_of_start", "as_of_start"), ("as_of_end", "as_of_end"),
    ("status", "status"), ("verdict", "verdict"), ("article_id", "article_id"),
    ("article_title", "article__title"), ("article_url", "article__url"),
    ("outlet", "article__outlet__name"), ("published", "article__published"), ("quote", "quote"),
]  # fmt: skip
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> object:
    """A cell as written, except that text a spreadsheet would run as a formula gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def csv_rows(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for position, row in enumerate(rows, start=1):
        writer.writerow([safe_cell(value) for value in row])
        if position % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# The interval columns go after the stated bounds; the metric's unit is read for them only.
INTERVAL_AFTER = [name for name, _ in COLUMNS].index("value_high") + 1
INTERVAL_COLUMNS = ["interval_low", "interval_high", "interval_unit"]
HEADER = (
    [name for name, _ in COLUMNS[:INTERVAL_AFTER]]
    + INTERVAL_COLUMNS
    + [name for name, _ in COLUMNS[INTERVAL_AFTER:]]
)
_PATHS = [path for _, path in COLUMNS]
_LOW, _HIGH, _QUALIFIER, _UNIT = (
    _PATHS.index(name) for name in ("value_low", "value_high", "qualifier", "unit")
)


def interval_cells(row: tuple, canonical_unit: str | None, tolerance) -> list:
    """The claim's interval (hedges and rounding applied, claims/core/intervals.py) in its
    metric's unit: low, high, unit; an open end is an empty cell, bounds that make no interval
    three empty cells."""
    try:
        found = intervals.claim_interval(
            low=row[_LOW], high=row[_HIGH], qualifier=row[_QUALIFIER], unit=row[_UNIT],
            canonical_unit=canonical_unit, tolerances=tolerance,
        )  # fmt: skip
    except (intervals.BoundsError, units.UnitError):
        return [None, None, None]
    ends = [None if math.isinf(end) else end for end in (found.lo, found.hi)]
    return [*ends, canonical_unit or row[_UNIT]]


def claims_csv(claims: QuerySet) -> Iterator[str]:
    """The claims as CSV text chunks; the rows come from the database in chunks too."""
    paths = [*_PATHS, "metric__canonical_unit"]
    values = claims.values_list(*paths).iterator(chunk_size=2000)
    tolerance = tolerances()

    def rows():
        for *row, canonical_unit in values:
            cells = interval_cells(row, canonical_unit, tolerance)
            yield row[:INTERVAL_AFTER] + cells + row[INTERVAL_AFTER:]

    return csv_rows(HEADER, rows())
