"""Named rows against plain tuples on the claim list's fast read path, in the same run.

Run: `python -m tests.benchmarks.bench_rows` (on the database of `bench_report`, 100,000 claims
in 1,000 metrics, loaded with COPY when it is empty; dropped at the end unless `--keep`).

The claim list reads a page as rows named by their fields (`claim_values`: `values_list(...,
named=True)`) and builds each API row by name (`rows_from_values`). Before, a page was a list of
plain tuples read by position. This measures both on the same pages, interleaved for several
rounds, in one process:

- named: `rows_from_values(claim_values(page))`, what the list view runs;
- tuples: the same query as plain `values_list(...)` tuples, each API row built by position
  (`positional_row` below, checked equal to the named one on every page first).

Each side is timed reading the page alone, building its rows from the page read before, and
both. The table shows the median milliseconds per page of 50 claims (the API's page size), the
ratio named / tuples of the medians and the median of each round's own ratio ("paired": both
sides of a round ran under the same load), and the spread (max/min over rounds). Nothing here
is a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claims_bench"
PAGE = 50  # the API's page size (REST_FRAMEWORK["PAGE_SIZE"])


def positional_row(row: tuple, tolerance, zone) -> dict:
    """The API row of a plain tuple of ``claim_rows.FIELDS``, every value taken by its position
    (the tuple unpacked in FIELDS' order): the way the list was built before rows had names."""
    from claims import claim_rows as cr

    (
        claim_id, quote, figure, start, end, value_low, value_high, qualifier, unit, subject,
        scope, as_of_start, as_of_end, as_of_precision, status, verdict, verdict_at, note,
        created_at, updated_at, article_id, article_title, article_url, article_published,
        outlet_name, speaker_id, speaker_slug, speaker_name, speaker_kind, speaker_role,
        speaker_affiliation, speaker_aliases, metric_id, metric_slug, metric_name,
        metric_description, metric_canonical_unit, metric_kind, metric_scope,
        metric_comparability_days,
    ) = row  # fmt: skip
    return {
        "id": claim_id,
        "article": {
            "id": article_id,
            "title": article_title,
            "url": article_url,
            "published": cr._date(article_published),
            "outlet": outlet_name,
        },
        "quote": quote,
        "figure": figure,
        "start": start,
        "end": end,
        "value_low": value_low,
        "value_high": value_high,
        "qualifier": qualifier,
        "unit": unit,
        "interval": cr._interval(
            value_low,
            value_high,
            qualifier,
            unit,
            metric_canonical_unit if metric_id is not None else None,
            tolerance,
        ),
        "subject": subject,
        "scope": scope,
        "speaker": None
        if speaker_id is None
        else {
            "id": speaker_id,
            "slug": speaker_slug,
            "name": speaker_name,
            "kind": speaker_kind,
            "role": speaker_role,
            "affiliation": speaker_affiliation,
            "aliases": speaker_aliases,
        },
        "metric": None
        if metric_id is None
        else {
            "id": metric_id,
            "slug": metric_slug,
            "name": metric_name,
            "description": metric_description,
            "canonical_unit": metric_canonical_unit,
            "kind": metric_kind,
            "scope": metric_scope,
            "comparability_days": metric_comparability_days,
        },
        "as_of_start": cr._date(as_of_start),
        "as_of_end": cr._date(as_of_end),
        "as_of_precision": as_of_precision,
        "status": status,
        "verdict": verdict,
        "verdict_at": cr._datetime(verdict_at, zone),
        "note": note,
        "created_at": cr._datetime(created_at, zone),
        "updated_at": cr._datetime(updated_at, zone),
    }


def measure(pages: int, rounds: int, seed: int) -> dict:
    """Median ms per page of each side over ``rounds`` rounds of ``pages`` pages each."""
    from django.utils import timezone

    from claims.claim_rows import FIELDS, claim_values, rows_from_values
    from claims.models import tolerances
    from claims.selectors import claims_visible

    claims = claims_visible(confirmed_only=True).order_by("id")
    ids = list(claims.values_list("id", flat=True))
    if len(ids) < PAGE * 2:
        raise SystemExit(f"the database holds {len(ids)} confirmed claims; give it more")
    starts = random.Random(seed).sample(ids[: len(ids) - PAGE], pages)

    def named_page(start: int) -> list:
        return list(claim_values(claims.filter(id__gte=start))[:PAGE])

    def tuple_page(start: int) -> list:
        return list(claims.filter(id__gte=start).values_list(*FIELDS)[:PAGE])

    def named_rows(start: int) -> list[dict]:
        return rows_from_values(named_page(start))

    def tuple_rows(start: int) -> list[dict]:
        tolerance, zone = tolerances(), timezone.get_current_timezone()
        return [positional_row(row, tolerance, zone) for row in tuple_page(start)]

    for start in starts:  # the two sides give the same rows, and the queries are warm
        if named_rows(start) != tuple_rows(start):
            raise SystemExit(f"the two sides differ on the page from claim {start}")
    # The pages read once, for timing the building of rows alone.
    named_pages = {start: named_page(start) for start in starts}
    tuple_pages = {start: tuple_page(start) for start in starts}

    def named_build(start: int) -> list[dict]:
        return rows_from_values(named_pages[start])

    def tuple_build(start: int) -> list[dict]:
        tolerance, zone = tolerances(), timezone.get_current_timezone()
        return [positional_row(row, tolerance, zone) for row in tuple_pages[start]]

    sides = {"named: read": named_page, "tuples: read": tuple_page,
             "named: build": named_build, "tuples: build": tuple_build,
             "named: read and build": named_rows, "tuples: read and build": tuple_rows}  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name in sides}
    for number in range(1, rounds + 1):
        print(f"round {number}/{rounds} ...", file=sys.stderr)
        order = list(sides.items())
        random.Random(seed + number).shuffle(order)  # no side always runs first
        for name, side in order:
            start_time = time.perf_counter()
            for start in starts:
                side(start)
            times[name].append((time.perf_counter() - start_time) * 1000 / pages)
    return {
        name: {"ms_per_page": statistics.median(values), "spread": max(values) / min(values),
               "runs": values}
        for name, values in times.items()
    }  # fmt: skip


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--pages", type=int, default=200, help="pages per side and round")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true", help="keep the database for the next run")
    parser.add_argument("--json", help="also write the results to this file")
    options = parser.parse_args(argv)

    from tests.benchmarks import bench_report

    url = options.database_url
    created = bench_report.ensure_database(url)
    loaded = created
    try:
        bench_report.migrate(url)
        claims, metrics = bench_report.counts(url)
        if not claims:
            bench_report.load(url, 100_000, 1_000)
            loaded = True
            claims, metrics = bench_report.counts(url)
        os.environ.update(DATABASE_URL=url, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="benchmark-only",
                          DJANGO_ALLOWED_HOSTS="localhost")  # fmt: skip
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")
        import django

        django.setup()
        result = measure(options.pages, options.rounds, options.seed)
    finally:
        if loaded and not options.keep:
            bench_report.drop_database(url)
    print(
        f"claim list pages of {PAGE} on PostgreSQL ({claims:,} claims in {metrics:,} metrics): "
        f"{options.pages} pages per side, {options.rounds} rounds, medians"
    )
    print(f"{'step':<24} {'named ms':>9} {'tuples ms':>10} {'ratio':>6} {'paired':>7} "
          f"{'spread n/t':>11}")  # fmt: skip
    for step in ("read", "build", "read and build"):
        named, plain = result[f"named: {step}"], result[f"tuples: {step}"]
        # The median of each round's own ratio: the two sides of a round ran under one load.
        paired = statistics.median(n / t for n, t in zip(named["runs"], plain["runs"], strict=True))
        result[f"paired ratio: {step}"] = paired
        print(
            f"{step:<24} {named['ms_per_page']:>9.3f} {plain['ms_per_page']:>10.3f} "
            f"{named['ms_per_page'] / plain['ms_per_page']:>6.3f} {paired:>7.3f} "
            f"{named['spread']:>5.2f}/{plain['spread']:<5.2f}"
        )
    if options.json:
        Path(options.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
