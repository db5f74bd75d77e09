"""Claims as CSV, streamed: memory stays flat however many rows are exported."""

import csv
import io
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

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


def claims_csv(claims: QuerySet) -> Iterator[str]:
    """The claims as CSV text chunks; the rows come from the database in chunks too."""
    values = claims.values_list(*(path for _, path in COLUMNS)).iterator(chunk_size=2000)
    return csv_rows([name for name, _ in COLUMNS], values)
