"""Extraction throughput against its floor: quantulum3's parser alone on the same sentences.

Run: `make bench-extraction` (or `python -m tests.benchmarks.bench_extraction`). The whole
pipeline (with its spaCy parse), the pipeline without the parse, and quantulum3's parser run on
the same text in the same process, interleaved, several rounds; the table shows the median
seconds, the spread (max/min), characters per second and the ratio to the floor. The text is the
development and seed documents of the labelled corpus (never the held-out ones) as the paragraphs
of one article, so the pipeline parses its sentences in batches as it does an imported article's.
The parse cache is emptied before every round; a sentence met twice within a round is parsed
once, so the default size repeats no document and a larger ``--chars`` says it repeats them.
Nothing here is a pass/fail test.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "claims" / "core" / "extraction" / "corpus" / "corpus.jsonl"


def corpus_text(min_chars: int) -> str:
    """The corpus's documents, once, or repeated until the text is at least ``min_chars`` long."""
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
    documents = [row["text"] for row in rows if row.get("split") != "heldout"]
    pieces, size = [], 0
    while not pieces or size < min_chars:
        for text in documents:
            pieces.append(text)
            size += len(text) + 2
    return "\n\n".join(pieces)


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def _without_parse(extract, parse):
    """The pipeline with the sentence parser switched off, for what the parse costs."""

    def run(text: str) -> None:
        available = parse.available
        parse.available = lambda: False
        try:
            extract(text)
        finally:
            parse.available = available

    return run


def _fresh(function, parse):
    def run(*args) -> None:
        parse.forget_parses()  # every round parses every sentence again
        function(*args)

    return run


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=100_000, help="size of the text")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", help="also write the results to this file")
    options = parser.parse_args(argv)

    from quantulum3 import parser as quantulum

    from claims.core.extraction import extract, parse

    text = corpus_text(options.chars)
    single = corpus_text(0)
    if len(text) > len(single) + 2:
        print(
            f"note: the corpus holds {len(single):,} characters; repeated documents are parsed once"
        )
    paragraphs = text.split("\n\n")
    extract(paragraphs[0])  # warm all up: compiled patterns, loaded tables, the spaCy model
    quantulum.parse(paragraphs[0])
    runs = {
        "extract() with the parse (ours)": _fresh(extract, parse),
        "extract() without the parse": _without_parse(extract, parse),
        "quantulum3 parse() alone (floor)": lambda t: [quantulum.parse(p) for p in paragraphs],
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(options.rounds):
        for name, run in runs.items():
            times[name].append(timed(run, text))
    floor = statistics.median(times["quantulum3 parse() alone (floor)"])
    result = {"chars": len(text), "rounds": options.rounds, "operations": {}}
    print(f"extraction throughput on {len(text):,} characters, {options.rounds} rounds")
    print(f"{'operation':<36} {'median s':>9} {'spread':>7} {'chars/s':>11} {'/ floor':>8}")
    for name, values in times.items():
        median = statistics.median(values)
        row = {
            "median_s": median,
            "spread": max(values) / min(values),
            "chars_per_s": len(text) / median,
            "speed_vs_floor": floor / median,
        }
        result["operations"][name] = row
        print(
            f"{name:<36} {median:>9.3f} {row['spread']:>7.2f} {row['chars_per_s']:>11,.0f} "
            f"{row['speed_vs_floor']:>8.2f}"
        )
    if options.json:
        Path(options.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
