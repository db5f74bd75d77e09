"""import_articles PATH... [--outlet NAME] [--published YYYY-MM-DD] [--no-extract]"""

import os
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from claims.jobs import article_import
from claims.management.options import date_option
from claims.models import ArticleExtraction, ExtractionStatus
from sources.readers import ReadError, read_article_file

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".json", ".html", ".htm"}


def expand(paths: list[str]) -> tuple[list[Path], list[Path]]:
    """Files as given, and the article files inside folders, in a stable order; and the symbolic
    links met inside folders, which are never followed (a link in a folder of articles may
    point at any file of the machine)."""
    files: list[Path] = []
    links: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            files.append(path)
            continue
        found: list[Path] = []
        for folder, dirnames, filenames in os.walk(path, followlinks=False):
            for name in [*dirnames, *filenames]:
                entry = Path(folder) / name
                if entry.is_symlink():
                    links.append(entry)
                elif name in filenames and entry.is_file() and entry.suffix in ARTICLE_SUFFIXES:
                    found.append(entry)
        files.extend(sorted(found))
    return files, sorted(links)


class Command(BaseCommand):
    help = (
        "Import articles from plain-text, JSON or saved HTML files (or folders of them) and queue "
        "the extraction of their claims. Importing the same article again changes nothing. "
        "A bad file is reported on one line and skipped; the rest import."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--outlet", help="the outlet that published them (created if new)")
        parser.add_argument("--published", help="publication date YYYY-MM-DD for every file")
        parser.add_argument(
            "--no-extract", action="store_true", help="store the articles, extract nothing"
        )

    def handle(self, *args, **options):
        published = date_option(options, "published")
        files, links = expand(options["paths"])
        for link in links:
            self.stdout.write(f"skipped {link}: a symbolic link inside a folder is not followed")
        if not files:
            raise CommandError("no article files found in the paths given")
        counts = {"imported": 0, "unchanged": 0, "skipped": len(links)}
        new_ids: list[int] = []
        progress = tqdm(
            files, desc="importing", unit="file", file=sys.stderr,
            disable=len(files) < 5 or not sys.stderr.isatty(),
        )  # fmt: skip
        for path in progress:
            try:
                inputs = read_article_file(path, published=published)
                with transaction.atomic():
                    for item in inputs:
                        outcome = self._store(item, options, new_ids)
                        counts[outcome[0]] += 1
                        progress.write(f"{outcome[0]} {path}: {outcome[1]}", file=self.stdout)
                        if outcome[0] == "imported" and item.published is None:
                            progress.write(
                                self.style.WARNING(f"warning {path}: {UNDATED}"), file=self.stdout
                            )
            except (ReadError, ValidationError) as exc:
                counts["skipped"] += 1
                progress.write(f"skipped {path}: {_one_line(exc)}", file=self.stdout)
        self.stdout.write(
            f"{counts['imported']} imported, {counts['unchanged']} already stored, "
            f"{counts['skipped']} skipped"
        )
        self._report_extraction(new_ids, options["no_extract"])
        if counts["skipped"]:
            raise CommandError(f"{counts['skipped']} file(s) skipped; see the lines above")

    def _store(self, item, options, new_ids: list[int]) -> tuple[str, str]:
        result = article_import(
            body=item.body, title=item.title, outlet=options["outlet"] or item.outlet,
            url=item.url, published=item.published, date_basis=item.date_basis,
            extract=not options["no_extract"],
        )  # fmt: skip
        article = result.article
        if not result.created:
            return "unchanged", f"already stored as article #{article.pk} ({article.title})"
        if not options["no_extract"]:
            new_ids.append(article.pk)
        when = article.published.isoformat() if article.published else "no date"
        return "imported", f"article #{article.pk} ({article.title}, {when})"

    def _report_extraction(self, new_ids: list[int], no_extract: bool) -> None:
        if no_extract or not new_ids:
            return
        by_status = dict.fromkeys(ExtractionStatus.values, 0)
        for status in ArticleExtraction.objects.filter(article_id__in=new_ids).values_list(
            "status", flat=True
        ):
            by_status[status] += 1
        if by_status["waiting"]:
            self.stdout.write(
                self.style.WARNING(
                    f"{by_status['waiting']} article(s) wait for extraction: the task queue is "
                    "unreachable. Run `manage.py extract_waiting` once it is back (a periodic "
                    "task does it too)."
                )
            )
        if by_status["done"]:
            self.stdout.write(f"claims extracted from {by_status['done']} article(s)")
        if by_status["queued"]:
            self.stdout.write(f"extraction queued for {by_status['queued']} article(s)")
        if by_status["failed"]:
            self.stdout.write(self.style.ERROR(f"extraction failed for {by_status['failed']}"))


UNDATED = (
    "no publication date found in the first lines, so its claims stay undated; set it in admin "
    'and "Extract claims again", or import with --published YYYY-MM-DD'
)


def _one_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(str(exc).split())
