"""Claims as CSV, streamed: memory stays flat however many rows are exported."""

import csv
import io
import math
import re
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
# ... except a plain number ("-1.3", "+2", "1e-3"), which stays a number.
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value) -> object:
    """A cell as written, except that text a spreadsheet would run as a formula gets a quote.

    Numbers (also a negative number written as text) are left as they are: they are data."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeCsvWriter:
    """The one CSV writer of the product: the csv module's, with every cell through safe_cell.

    Every CSV it makes (the claims export, admin's export, the conflict report in every form:
    API, report runs, the command) is written through this class."""

    def __init__(self, out, **options) -> None:
        self._writer = csv.writer(out, **options)
        self.dialect = self._writer.dialect

    def writerow(self, row: Iterable):
        return self._writer.writerow(_guarded(row))

    def writerows(self, rows: Iterable[Iterable]) -> None:
        write = self._writer.writerow
        for row in rows:
            write(_guarded(row))


def _guarded(row: Iterable) -> list:
    """``[safe_cell(value) for value in row]``, with the test inlined and made on text only.

    The guard touches every cell of every export, so it costs what the writing costs; most cells
    are numbers, None (which the csv module writes as empty, as safe_cell does) or text that starts
    with a letter, and for those one type test and one first-character test decide.
    """
    return [
        safe_cell(value) if isinstance(value, str) and value[:1] in _FORMULA_FIRST else value
        for value in row
    ]


def csv_line(fields: Iterable, lineterminator: str = "\r\n") -> str:
    """``fields`` as SafeCsvWriter writes them, without the line end.

    Written with the real line end and then cut: the writer quotes fields holding its
    characters, so an empty line end would leave a line break in a name unquoted.
    """
    out = io.StringIO()
    SafeCsvWriter(out, lineterminator=lineterminator).writerow(fields)
    return out.getvalue().removesuffix(lineterminator)


def csv_rows(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """``rows`` under ``header`` as CSV text, in chunks of 500 rows."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(header)
    for position, row in enumerate(rows, start=1):
        writer.writerow(row)
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
