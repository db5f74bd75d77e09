"""The public pages against the API's metric report, the same metric, the same run.

Run: `python -m tests.benchmarks.bench_public_pages [--sizes 10 100 1000] [--rounds 7]`, on the
database the environment names (SQLite by default; set DATABASE_URL for PostgreSQL). It builds a
test database of its own (dropped at the end), one metric per size with that many confirmed
claims and one published review, then requests, interleaved and with the page cache emptied
before each request (so every page is built, never served from the cache):

- the floor: `GET /api/metrics/{id}/report/`, the metric's report as JSON;
- `GET /fact-checks/{id}/` (the review, its claim, article and metric);
- `GET /metrics/{slug}/` (the report and the fact-checks of its claims);
- `GET /metrics/{slug}/chart.svg`, the chart both pages load as an image (cached on its own;
  drawn by the report code's matplotlib chart, one line per finding).

It prints median milliseconds, spread (max/min over rounds) and the ratio to the floor. Nothing
here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time

import django


def build(size: int):
    from django.utils import timezone

    from reviews.models import Review
    from tests.factories import (
        ArticleFactory,
        ClaimFactory,
        MetricFactory,
        OutletFactory,
        ReviewFactory,
        SpeakerFactory,
    )

    metric = MetricFactory(slug=f"bench-{size}", name=f"Bench metric of {size} claims")
    outlet = OutletFactory()
    speakers = [SpeakerFactory() for _ in range(min(size, 20))]
    first = None
    for n in range(size):
        figure = f"{1000 + n * 37:,}"
        body = f"Officials said on Monday that {figure} fighters remain (report {size}-{n}).\n"
        start = body.index(figure)
        year = 2015 + n % 10
        claim = ClaimFactory(
            article=ArticleFactory(body=body, outlet=outlet, published=dt.date(year, 6, 1)),
            quote=body.strip(), figure=figure, start=start, end=start + len(figure),
            value_low=1000 + n * 37, value_high=1000 + n * 37, metric=metric,
            speaker=speakers[n % len(speakers)], as_of_start=dt.date(year, 5, 1),
            as_of_end=dt.date(year, 5, 31),
        )  # fmt: skip
        first = first or claim
    review = ReviewFactory(
        claim=first, rating="overstated", status=Review.Status.PUBLISHED,
        published_at=timezone.now(),
    )  # fmt: skip
    return metric, review


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")
    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        client = Client()
        print(f"database: {django.db.connection.vendor}; medians of {args.rounds} rounds")
        print(f"{'claims':>7} {'page':<22} {'ms':>9} {'spread':>7} {'ratio':>7}")
        for size in args.sizes:
            metric, review = build(size)
            paths = {
                "API metric report": f"/api/metrics/{metric.pk}/report/",
                "fact-check page": f"/fact-checks/{review.pk}/",
                "metric page": f"/metrics/{metric.slug}/",
                "metric chart (SVG)": f"/metrics/{metric.slug}/chart.svg",
            }
            times: dict[str, list[float]] = {name: [] for name in paths}
            for _ in range(args.rounds + 1):  # the first round warms up and is dropped
                for name, path in paths.items():
                    cache.clear()
                    began = time.perf_counter()
                    response = client.get(path)
                    times[name].append((time.perf_counter() - began) * 1000)
                    assert response.status_code == 200, (path, response.status_code)
            floor = statistics.median(times["API metric report"][1:])
            for name, samples in times.items():
                kept = samples[1:]
                median = statistics.median(kept)
                print(
                    f"{size:>7} {name:<22} {median:>9.1f} {max(kept) / min(kept):>7.2f} "
                    f"{median / floor:>6.2f}x"
                )
    finally:
        teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
