"""import_claimreviews PATH... [--user USERNAME]"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from reviews.claimreview import (
    ItemStatus,
    NoClaimReview,
    claimreview_items,
    claimreview_items_in_html,
    claimreviews_import,
)

JSON_SUFFIXES = {".json", ".jsonld"}
HTML_SUFFIXES = {".html", ".htm"}


def expand(paths: list[str]) -> list[Path]:
    """Files as given, and the JSON and HTML files inside folders, in a stable order."""
    suffixes = JSON_SUFFIXES | HTML_SUFFIXES
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in suffixes))
        else:
            files.append(path)
    return files


def read_items(path: Path) -> list[dict]:
    """The ClaimReview items of one file; NoClaimReview (with the reason) when it has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NoClaimReview(f"cannot read the file: {exc}") from None
    if path.suffix.lower() in HTML_SUFFIXES or text.lstrip().startswith("<"):
        return claimreview_items_in_html(text)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NoClaimReview(f"not JSON: {exc}") from None
    return claimreview_items(payload)


class Command(BaseCommand):
    help = (
        "Import ClaimReview documents (JSON-LD files: one item, a list, an @graph or a DataFeed; "
        "or saved fact-check pages in HTML), from files or folders. Each item is imported, "
        "found already stored, or skipped with the reason. Exits 1 when a file holds no "
        "ClaimReview at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--user",
            help="the user the imported reviews are recorded under (default: the only superuser)",
        )

    def handle(self, *args, **options):
        user = self._user(options["user"])
        files = expand(options["paths"])
        if not files:
            raise CommandError("no JSON or HTML files found in the paths given")
        counts = dict.fromkeys(
            (ItemStatus.IMPORTED, ItemStatus.ALREADY_STORED, ItemStatus.SKIPPED), 0
        )
        unreadable = 0
        progress = tqdm(
            files, desc="importing", unit="file", file=sys.stderr,
            disable=len(files) < 5 or not sys.stderr.isatty(),
        )  # fmt: skip
        for path in progress:
            try:
                items = read_items(path)
            except NoClaimReview as exc:
                unreadable += 1
                progress.write(f"unreadable {path}: {exc}", file=self.stdout)
                continue
            for result in claimreviews_import(items=items, reviewer=user):
                counts[result.status] += 1
                where = f"{path}#{result.index}" if len(items) > 1 else str(path)
                if result.status == ItemStatus.SKIPPED:
                    detail = f"{result.field}: {result.reason}"
                else:
                    detail = f"review #{result.review_id}"
                progress.write(f"{result.status} {where}: {detail}", file=self.stdout)
        self.stdout.write(
            f"{counts[ItemStatus.IMPORTED]} imported, {counts[ItemStatus.ALREADY_STORED]} "
            f"already stored, {counts[ItemStatus.SKIPPED]} skipped, {unreadable} unreadable file(s)"
        )
        if unreadable:
            raise CommandError(f"{unreadable} file(s) hold no ClaimReview; see the lines above")

    def _user(self, username: str | None):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"--user: no active user called {username!r}")
            return user
        supers = list(users.filter(is_superuser=True)[:2])
        if len(supers) != 1:
            raise CommandError("--user: name the user the imported reviews are recorded under")
        return supers[0]
