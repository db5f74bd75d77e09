"""The CSV formula guard against the csv module's own writer, in the same run.

Run: `python -m tests.benchmarks.bench_csv` (no query is made). Every CSV the product writes goes
through `claims.exports.SafeCsvWriter`, which quotes a text cell a spreadsheet would run as a
formula. This writes the same rows, shaped like the whole report's claim rows (25 cells: slugs,
names, ids, floats, dates, empty cells, now and then a formula-like name or a negative figure),
three ways, interleaved for several rounds in shuffled order:

- guarded: `SafeCsvWriter`, what the product runs;
- every cell: the guard as it was first written, `safe_cell` called on every cell;
- floor: `csv.writer` with no guard at all.

The table shows the median milliseconds per 10,000 rows, the ratio to the floor of the medians
and the median of each round's own ratio ("paired"), and the spread (max/min over rounds). Both
guarded forms are checked to write the same text first. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def report_rows(count: int, seed: int = 7) -> list[tuple]:
    """``count`` rows of the whole report's claim shape, with a formula-like cell in about 1%."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        metric = number // 90
        low = rng.choice([1200.0, 3.3e6, -1.3, 41.5, 0.25])
        speaker = "=cmd|' /C calc'!A0" if number % 97 == 0 else f"Ministry {number % 40}"
        rows.append((
            f"metric-{metric:05d}", f"Metric {metric} of the synthetic set", "count", "claim",
            number, f"{low:,.1f} people", low, low * 1.1, "approximately",
            datetime.date(2020, 1 + number % 12, 1), datetime.date(2020, 1 + number % 12, 28),
            speaker, f"Outlet {number % 300:03d} News", number // 9, f"Report {number} of the day",
            f"https://outlet{number % 300:03d}.example/2020/{number}", "confirmed",
            "", "", "", "", "", "", "", "",
        ))  # fmt: skip
    return rows


def write_guarded(rows: list[tuple]) -> str:
    from claims.exports import SafeCsvWriter

    out = io.StringIO()
    SafeCsvWriter(out).writerows(rows)
    return out.getvalue()


def write_every_cell(rows: list[tuple]) -> str:
    from claims.exports import safe_cell

    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()


def write_floor(rows: list[tuple]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


SIDES = {"guarded": write_guarded, "every cell": write_every_cell, "floor": write_floor}


def measure(rows: list[tuple], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in SIDES}
    order = list(SIDES)
    rng = random.Random(11)
    for _ in range(rounds):
        rng.shuffle(order)
        for name in order:
            began = time.perf_counter()
            SIDES[name](rows)
            times[name].append(time.perf_counter() - began)
    return times


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--json", help="also write the results to this file")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")
    import django

    django.setup()  # claims.exports imports the models; no query is made
    rows = report_rows(options.rows)
    if write_guarded(rows) != write_every_cell(rows):
        raise SystemExit("the guarded writer and the every-cell guard write different text")
    times = measure(rows, options.rounds)
    per = 10_000 / options.rows * 1000  # seconds for all rows -> ms per 10,000 rows
    floor = times["floor"]
    result = {"rows": options.rows, "rounds": options.rounds, "sides": {}}
    print(f"CSV writing, {options.rows:,} report-shaped rows, {options.rounds} rounds, one process")
    print(f"{'writer':<12} {'ms/10k rows':>11} {'ratio':>6} {'paired':>7} {'spread':>7}")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        paired = statistics.median(s / f for s, f in zip(seconds, floor, strict=True))
        ratio = median / statistics.median(floor)
        spread = max(seconds) / min(seconds)
        result["sides"][name] = {"median_s": median, "ratio": ratio, "paired": paired}
        print(f"{name:<12} {median * per:>11.1f} {ratio:>5.2f}x {paired:>6.2f}x {spread:>7.2f}")
    if options.json:
        Path(options.json).write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
