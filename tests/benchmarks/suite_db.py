"""The benchmark suite's databases: one per data size, created, migrated, loaded and dropped here.

The data set is synthetic.py's (COPY, the claim offset trigger on), plus reviewer accounts and
their reviews (``synthetic.REVIEWS_PER_CLAIM`` per claim). No Django import: the suite's parent
process only orchestrates; Django runs in the child processes, one database each.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.benchmarks import bench_report, synthetic

ROOT = Path(__file__).resolve().parents[2]
REVIEWERS = 40
CLAIMS_PER_METRIC = 100  # 1,000,000 claims in 10,000 metrics


def database_url(base_url: str, claims: int) -> str:
    """The benchmark database for ``claims`` claims: the base URL's name with the size appended."""
    parts = urlsplit(base_url)
    name = parts.path.lstrip("/")
    return urlunsplit(parts._replace(path=f"/{name}_{size_label(claims)}"))


def size_label(claims: int) -> str:
    for suffix, scale in (("m", 1_000_000), ("k", 1_000)):
        if claims >= scale and claims % scale == 0:
            return f"{claims // scale}{suffix}"
    return str(claims)


def metrics_for(claims: int) -> int:
    return max(10, claims // CLAIMS_PER_METRIC)


def reviews_for(claims: int) -> int:
    return round(claims * synthetic.REVIEWS_PER_CLAIM)


def django_env(url: str) -> dict[str, str]:
    """The environment of a process that runs the project on ``url``: production-like (debug
    off, so no query log), no HTTPS redirect on loopback, throttling out of the way."""
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "claims_project.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-not-a-secret",
        "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "API_THROTTLE_ANON": "1000000/second",
        "API_THROTTLE_USER": "1000000/second",
        "CELERY_BROKER_URL": "",
    }


def existing_counts(url: str) -> tuple[int, int, int]:
    """Claims, metrics and reviews in the database (zeros when the tables are empty)."""
    import psycopg

    with psycopg.connect(url) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("claims_claim", "claims_metric", "reviews_review")
        )


def prepare(url: str) -> bool:
    """Create and migrate the database if it is missing; True when this call created it."""
    created = bench_report.ensure_database(url)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=ROOT, env=django_env(url), check=True,
    )  # fmt: skip
    return created


def ensure_loaded(url: str, claims: int) -> float | None:
    """Load the data set unless an earlier --keep run left exactly this one; the load's seconds."""
    found = existing_counts(url)
    wanted = (claims, metrics_for(claims), reviews_for(claims))
    if found == wanted:
        return None
    if any(found):
        raise SystemExit(f"{url} holds {found} (claims, metrics, reviews), not {wanted}; drop it")
    return load(url, claims)


def load(url: str, claims: int) -> float:
    """COPY the synthetic data set in (bench_report.load), then reviewers and reviews."""
    import psycopg

    start = time.perf_counter()
    metrics = metrics_for(claims)
    bench_report.load(url, claims, metrics)
    data = synthetic.DataSet(synthetic.Sizes.for_claims(claims, metrics))
    with psycopg.connect(url) as conn, conn.cursor() as cursor:
        bench_report.copy_rows(
            cursor, "auth_user", synthetic.USER_COLUMNS, data.reviewer_rows(REVIEWERS)
        )
        cursor.execute(
            "INSERT INTO auth_user_groups (user_id, group_id) "
            "SELECT u.id, g.id FROM auth_user u, auth_group g "
            "WHERE u.id >= %s AND g.name = 'Reviewers'",
            (synthetic.FIRST_USER_ID,),
        )
        bench_report.copy_rows(
            cursor, "reviews_review", synthetic.REVIEW_COLUMNS,
            data.review_rows(reviews_for(claims), REVIEWERS),
        )  # fmt: skip
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('reviews_review', 'id'), "
            "(SELECT coalesce(max(id), 1) FROM reviews_review))"
        )
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE reviews_review")
        conn.execute("VACUUM ANALYZE auth_user")
    return time.perf_counter() - start


def drop(url: str) -> None:
    bench_report.drop_database(url)
