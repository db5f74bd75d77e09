"""conflict_report [--metric SLUG] [--outlet A --outlet B] [--since DATE] [--include-candidates]
[--format text|markdown|csv|json|html] [--output FILE]"""

from django.core.management.base import BaseCommand, CommandError

from claims.management.options import date_option
from claims.reports.build import ReportError, ReportFilter, check_filter, metric_reports
from claims.reports.render import FORMATS, render


class Command(BaseCommand):
    help = (
        "The diff report: per metric, every figure stated (as written and as an interval), who "
        "stated it, when and where, the current verdict, then the conflicts and changes over "
        "time with their size and likely cause."
    )

    def add_arguments(self, parser):
        parser.add_argument("--metric", help="one metric, by slug")
        parser.add_argument(
            "--outlet", action="append", default=[],
            help="only this outlet's figures; give two to diff two sources",
        )  # fmt: skip
        parser.add_argument("--since", help="figures whose as-of period ends on/after YYYY-MM-DD")
        parser.add_argument("--include-candidates", action="store_true")
        parser.add_argument("--format", default="text", help=f"one of {', '.join(FORMATS)}")
        parser.add_argument("--output", help="write to this file instead of standard output")

    def handle(self, *args, **options):
        if options["format"] not in FORMATS:
            raise CommandError(
                f"--format: unknown format {options['format']!r}; use one of {', '.join(FORMATS)}"
            )
        since = date_option(options, "since")
        flt = ReportFilter(
            metric=options["metric"],
            outlets=tuple(options["outlet"]),
            since=since,
            include_candidates=options["include_candidates"],
        )
        try:
            check_filter(flt)  # before any output is written
        except ReportError as exc:
            raise CommandError(f"--{exc.field}: {exc.message}") from None
        # The reports go to render as they are: a CSV of many metrics is then built as a Celery
        # group of batches (claims/reports/render.py, csv_batches), by workers when there are.
        chunks = render(options["format"], metric_reports(flt), flt.describe())
        if options["output"]:
            try:
                with open(options["output"], "w", encoding="utf-8", newline="") as out:
                    for chunk in chunks:
                        out.write(chunk)
            except OSError as exc:
                raise CommandError(f"--output: cannot write {options['output']}: {exc}") from None
            self.stderr.write(f"report written to {options['output']}")
        else:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
