"""extract_claims [--published YYYY-MM-DD] [--format json|table] [FILE|-]"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.core import extraction
from claims.core.display import people_number
from claims.core.extraction import Candidate
from claims.management.options import date_option
from sources.dates import find_publication_date
from sources.readers import ReadError, read_article_file

FIELDS = [
    "quote", "figure", "start", "end", "value_low", "value_high", "qualifier", "unit",
    "subject", "scope", "speaker", "speaker_kind", "as_of", "as_of_start", "as_of_end",
    "as_of_precision", "figure_kind",
]  # fmt: skip


def as_row(candidate: Candidate) -> dict:
    """The JSON shape of a candidate (a stable contract; see README)."""
    start, end = candidate.as_of_start, candidate.as_of_end
    as_of = None
    if start is not None:
        as_of = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    row = {name: getattr(candidate, name, None) for name in FIELDS if name != "as_of"}
    row["as_of"] = as_of
    row["as_of_start"] = start.isoformat() if start else None
    row["as_of_end"] = end.isoformat() if end else None
    return {name: row[name] for name in FIELDS}


class Command(BaseCommand):
    # It prints and saves nothing, so the project-wide checks (which import every URL conf and
    # view) would only slow its start; `manage.py check` runs them.
    requires_system_checks: list[str] = []
    help = (
        "Print the candidate claims found in a text, without saving anything. Reads FILE "
        "(plain text, JSON or HTML) or standard input ('-' or nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", metavar="FILE|-")
        parser.add_argument("--published", help="publication date YYYY-MM-DD (else from the text)")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args, **options):
        published = date_option(options, "published")
        texts = self._read(options["file"], published)
        rows = []
        for text, when in texts:
            rows.extend(as_row(c) for c in extraction.extract(text, published=when))
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            self._table(rows)

    def _read(self, name: str, published):
        if name == "-":
            text = sys.stdin.read()
            if not text.strip():
                raise CommandError("standard input is empty")
            found = find_publication_date(text)
            return [(text, published or (found.date if found else None))]
        try:
            items = read_article_file(Path(name), published=published)
        except ReadError as exc:
            raise CommandError(f"{name}: {exc}") from None
        return [(item.body, item.published) for item in items]

    def _table(self, rows: list[dict]) -> None:
        def bound(value) -> str:
            return "-" if value is None else people_number(value)

        header = f"{'figure':<18} {'low':>12} {'high':>12} {'qualifier':<11} {'unit':<8} " \
            f"{'speaker':<24} {'as of':<21} subject"  # fmt: skip
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            self.stdout.write(
                f"{row['figure'][:18]:<18} {bound(row['value_low']):>12} "
                f"{bound(row['value_high']):>12} {row['qualifier']:<11} {row['unit'][:8]:<8} "
                f"{(row['speaker'] or '(outlet)')[:24]:<24} {(row['as_of'] or '-'):<21} "
                f"{row['subject'][:40]}"
            )
        self.stdout.write(f"{len(rows)} candidate claim(s)")
