"""Extraction throughput against its floor: quantulum3's parser alone on the same sentences.

Run: `make bench` (or `python -m tests.benchmarks.bench_extraction`). Both sides run on the same
large text in the same process, interleaved, several rounds; the table shows the median seconds,
the spread (max/min) and the ratio ours / floor. Nothing here is a pass/fail test.
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
CORPUS = ROOT / "tests" / "claims" / "extraction" / "corpus" / "corpus.jsonl"


def corpus_text(min_chars: int) -> str:
    """The corpus's documents, repeated until the text is at least ``min_chars`` long."""
    documents = [
        json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines() if line
    ]
    pieces, size = [], 0
    while size < min_chars:
        for text in documents:
            pieces.append(text)
            size += len(text) + 2
    return "\n\n".join(pieces)


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=300_000, help="size of the text")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", help="also write the results to this file")
    options = parser.parse_args(argv)

    from quantulum3 import parser as quantulum

    from claims.core.extraction import extract

    text = corpus_text(options.chars)
    paragraphs = text.split("\n\n")
    extract(paragraphs[0])  # warm both up: compiled patterns, loaded tables
    quantulum.parse(paragraphs[0])
    ours, floor = [], []
    for _ in range(options.rounds):
        ours.append(timed(extract, text))
        floor.append(sum(timed(quantulum.parse, paragraph) for paragraph in paragraphs))
    result = {
        "chars": len(text),
        "rounds": options.rounds,
        "ours_median_s": statistics.median(ours),
        "ours_spread": max(ours) / min(ours),
        "floor_median_s": statistics.median(floor),
        "floor_spread": max(floor) / min(floor),
    }
    result["ratio"] = result["ours_median_s"] / result["floor_median_s"]
    result["ours_chars_per_s"] = len(text) / result["ours_median_s"]
    print(f"extraction throughput on {len(text):,} characters, {options.rounds} rounds")
    print(f"{'operation':<36} {'median s':>9} {'spread':>7} {'chars/s':>11}")
    print(
        f"{'extract() (ours)':<36} {result['ours_median_s']:>9.3f} "
        f"{result['ours_spread']:>7.2f} {len(text) / result['ours_median_s']:>11,.0f}"
    )
    print(
        f"{'quantulum3 parse() alone (floor)':<36} {result['floor_median_s']:>9.3f} "
        f"{result['floor_spread']:>7.2f} {len(text) / result['floor_median_s']:>11,.0f}"
    )
    print(f"ratio ours / floor: {result['ratio']:.2f}")
    if options.json:
        Path(options.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
