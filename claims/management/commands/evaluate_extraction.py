"""evaluate_extraction: our extractor against a plain quantulum3 baseline, on a labelled corpus."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.core import extraction
from claims.core.extraction.evaluation import evaluate, load_corpus, quantulum3_baseline
from claims.core.extraction.kind_scores import evaluate_kinds, load_kinds

DEFAULT_CORPUS = Path(settings.BASE_DIR) / "tests" / "claims" / "core" / "extraction" / "corpus"
SPLITS = ["seed", "tuning", "reworded", "heldout"]
# Scored, never explained: listing its misses is the first step of tuning on it.
HELDOUT = "heldout"
# (score, column title, width, format)
COLUMNS = [
    ("gold", "gold", 5, "d"),
    ("predicted", "found", 5, "d"),
    ("precision", "prec.", 6, ".3f"),
    ("recall", "recall", 6, ".3f"),
    ("f1", "F1", 6, ".3f"),
    ("exact_bounds", "bounds", 6, ".3f"),
    ("qualifier", "qual.", 6, ".3f"),
    ("speaker", "speaker", 7, ".3f"),
    ("as_of", "as-of", 6, ".3f"),
    ("unit", "unit", 6, ".3f"),
    ("subject_head", "subj.", 6, ".3f"),
    ("subject_overlap", "subj.J", 6, ".3f"),
    ("scope", "scope", 6, ".3f"),
    ("period", "period", 6, ".3f"),
    ("period_start", "p.start", 7, ".3f"),
    ("period_length", "p.len", 6, ".3f"),
    ("fragment_speakers", "no-one", 6, "d"),
]


class Command(BaseCommand):
    help = (
        "Score claim extraction on a labelled corpus: precision, recall and F1 of figures, the "
        "share with exact bounds, the accuracy of qualifier, speaker, as-of, unit, subject head, "
        "scope and period (its kind; the start of a cumulative total; the length of a count per "
        "period), the subject's word overlap and the count of speakers that are no one, side "
        "by side with a plain quantulum3 baseline."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus.jsonl or folder")
        parser.add_argument("--split", action="append", choices=SPLITS, help="repeatable")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument(
            "--misses",
            action="store_true",
            help="list what ours got wrong on the development splits (refused for the held-out)",
        )

    def handle(self, *args, **options):
        splits = options["split"] or SPLITS
        if options["misses"] and options["split"] and HELDOUT in splits:
            raise CommandError(
                "--misses: refused for the held-out split; its misses are never listed"
            )
        try:
            corpora = {split: load_corpus(options["corpus"], splits=[split]) for split in splits}
            corpora["all"] = load_corpus(options["corpus"], splits=splits)
        except (OSError, ValueError) as exc:
            raise CommandError(f"--corpus: {exc}") from None
        try:
            given = Path(options["corpus"])
            kinds = load_kinds((given if given.is_dir() else given.parent) / "kinds.txt")
        except (OSError, ValueError):
            kinds = []  # a corpus of one's own without a kinds set: nothing to score there
        typed = evaluate_kinds(kinds, extraction.extract) if kinds else None
        results = {}
        for name, corpus in corpora.items():
            if not corpus:
                continue
            results[name] = {
                "documents": len(corpus),
                "ours": evaluate(corpus, extraction.extract),
                "quantulum3": evaluate(corpus, quantulum3_baseline),
            }
        if options["format"] == "json":
            payload = {
                name: {
                    "documents": row["documents"],
                    "ours": row["ours"].as_row(),
                    "quantulum3": row["quantulum3"].as_row(),
                }
                for name, row in results.items()
            }
            if typed is not None:
                payload["typed_kinds"] = {
                    "documents": len(kinds), "gold": typed.gold, "found": typed.predicted,
                    "right": typed.right, "precision": typed.precision, "recall": typed.recall,
                    "f1": typed.f1,
                }  # fmt: skip
            self.stdout.write(json.dumps(payload, indent=2))
            return
        header = f"{'split':<8} {'docs':>4} {'extractor':<10} " + " ".join(
            f"{title:>{width}}" for _, title, width, _ in COLUMNS
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for name, row in results.items():
            for extractor in ("ours", "quantulum3"):
                scores = row[extractor].as_row()
                cells = " ".join(
                    f"{scores[key]:>{width}{fmt}}" if scores[key] is not None else f"{'-':>{width}}"
                    for key, _, width, fmt in COLUMNS
                )
                self.stdout.write(f"{name:<8} {row['documents']:>4} {extractor:<10} {cells}")
        if typed is not None:
            # Durations, ages and vague plurals are not in the splits above (see the corpus
            # README); their typing is scored on a small set of their own.
            self.stdout.write(
                f"\ntyped kinds (duration, age, vague; kinds.txt, {len(kinds)} sentences): "
                f"{typed.gold} labelled, {typed.predicted} found, {typed.right} right: "
                f"precision {typed.precision:.3f}, recall {typed.recall:.3f}, F1 {typed.f1:.3f}"
            )
        if options["misses"]:
            development = [name for name in splits if name != HELDOUT]
            corpus = load_corpus(options["corpus"], splits=development)
            self.stdout.write(f"\nWhat ours got wrong on {', '.join(development)}:")
            for miss in evaluate(corpus, extraction.extract).misses:
                self.stdout.write(f"  {miss}")
