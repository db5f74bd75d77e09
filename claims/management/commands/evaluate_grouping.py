"""evaluate_grouping: grouping and comparison scored together on the comparison corpus."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.core import grouping_evaluation

TESTS = Path(settings.BASE_DIR) / "tests" / "claims" / "core"
DEFAULT_CORPUS = TESTS / "grouping_corpus"
DEFAULT_CASES = TESTS / "grouping_cases.toml"
# Every <split>.toml of the corpus folder, development parts first. A part named heldout-* is
# scored, never explained: listing its misses is the first step of tuning on it.
SPLITS = sorted(p.stem for p in DEFAULT_CORPUS.glob("*.toml"))
HELDOUT = frozenset(name for name in SPLITS if name.startswith("heldout"))
# (score, column title, width)
COLUMNS = [
    ("grouped_whole", "grouped whole", 13),
    ("conflicts_found", "conflicts found", 15),
    ("changes_found", "changes found", 13),
    ("false_findings", "false findings", 14),
    ("merged_pairs", "merged pairs", 12),
]
TOTALS = {"grouped_whole": "quantities", "conflicts_found": "conflicts", "changes_found": "changes"}


class Command(BaseCommand):
    help = (
        "Score grouping and comparison on the comparison corpus (grouped whole, conflicts found, "
        "changes found, false findings, merged pairs) per split, and the claim-to-metric matcher "
        "on the labelled cases."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of <split>.toml")
        parser.add_argument("--cases", default=str(DEFAULT_CASES), help="grouping_cases.toml")
        parser.add_argument("--split", action="append", choices=SPLITS, help="repeatable")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument(
            "--misses",
            action="store_true",
            help="list what went wrong on the development parts (refused for a held-out part)",
        )
        parser.add_argument(
            "--first-version",
            action="store_true",
            help="compare as the first version did: no period kinds, no repeated statements",
        )

    def handle(self, *args, **options):
        splits = options["split"] or SPLITS
        if options["misses"]:
            if options["split"] and HELDOUT & set(splits):
                raise CommandError(
                    "--misses: refused for the held-out part "
                    f"({', '.join(sorted(HELDOUT & set(splits)))}); its misses are never listed"
                )
            splits = [name for name in splits if name not in HELDOUT]
        modern = not options["first_version"]
        results = {}
        for split in splits:
            path = Path(options["corpus"]) / f"{split}.toml"
            try:
                corpus = grouping_evaluation.load_corpus(path)
            except (OSError, ValueError) as exc:
                raise CommandError(f"--corpus: {path.name}: {exc}") from None
            results[split] = grouping_evaluation.evaluate(corpus, periods=modern, statements=modern)
        try:
            cases = grouping_evaluation.load_cases(options["cases"])
        except (OSError, ValueError) as exc:
            raise CommandError(f"--cases: {exc}") from None
        case_scores = {
            name: grouping_evaluation.score_cases(cases, split=name)
            for name in ("tuned", "holdout")
        }
        if options["format"] == "json":
            payload = {
                "corpus": {name: scores.as_row() for name, scores in results.items()},
                "cases": case_scores,
            }
            self.stdout.write(json.dumps(payload, indent=2))
            return
        header = f"{'split':<14} " + " ".join(f"{title:>{width}}" for _, title, width in COLUMNS)
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for name, scores in results.items():
            row = scores.as_row()
            cells = []
            for key, _, width in COLUMNS:
                total = f"/{row[TOTALS[key]]}" if key in TOTALS else ""
                cells.append(f"{str(row[key]) + total:>{width}}")
            self.stdout.write(f"{name:<14} " + " ".join(cells))
        self.stdout.write("\nclaim-to-metric cases (grouping_cases.toml)")
        for name, row in case_scores.items():
            self.stdout.write(
                f"{name:<12} {row['cases']:>3} cases  accuracy {row['accuracy']:.3f}  "
                f"precision {row['precision']:.3f}  recall {row['recall']:.3f}"
            )
        if options["misses"]:
            for name, scores in results.items():
                self.stdout.write(f"\nWhat went wrong on {name}:")
                for miss in scores.misses:
                    self.stdout.write(f"  {miss}")
