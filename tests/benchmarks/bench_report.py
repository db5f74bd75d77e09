"""The whole-database diff report against its floor: one SQL scan of the same rows.

Run: `python -m tests.benchmarks.bench_report` (1,000,000 claims in 10,000 metrics) or with
`--quick` (100,000 in 1,000). It builds a synthetic database on PostgreSQL (see synthetic.py),
loaded with COPY into a database of its own that it drops at the end unless `--keep`, then
measures, interleaved for several rounds, each in a fresh subprocess so peak memory is its own:

- ours: `render("csv", metric_reports(ReportFilter()))` written to a sink that counts bytes:
  a Celery group of batches of metrics, in-process by default, or with `--celery-workers N`
  taken by a real Celery worker of N processes that this benchmark starts (Redis on
  127.0.0.1, `--broker-url`) and stops; each batch is written to a part file that the
  measured process streams in order (claims.reports.render.joined_parts);
- the floor: one server-side-cursor scan of the confirmed claims joined with article, outlet,
  speaker and metric, ordered by metric and as-of, written with the csv module to the same sink;
- ours and the floor over the first tenth of the metrics (in slug order, the order the report
  walks them), to see whether peak memory grows with the number of claims.

The table shows median seconds, the spread (max/min over rounds), the ratio ours / floor and the
median peak RSS. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claims_bench"
DEFAULT_BROKER = "redis://127.0.0.1:6379/1"
SUBSET = 0.1  # the share of metrics of the memory-growth run
FETCH = 5_000  # rows per FETCH of the floor's server-side cursor
FLOOR_SQL = """
SELECT m.slug, m.name, m.canonical_unit, c.id, c.figure, c.quote, c.value_low, c.value_high,
       c.qualifier, c.unit, c.subject, c.scope, s.name, o.name, c.article_id, a.title, a.url,
       a.published, c.as_of_start, c.as_of_end, c.as_of_precision, c.status, c.verdict
FROM claims_claim c
JOIN sources_article a ON a.id = c.article_id
LEFT JOIN sources_outlet o ON o.id = a.outlet_id
LEFT JOIN claims_speaker s ON s.id = c.speaker_id
JOIN claims_metric m ON m.id = c.metric_id
WHERE c.status = 'confirmed' {subset}
ORDER BY c.metric_id, c.as_of_start, c.id
"""
TABLES = ["sources_outlet", "claims_speaker", "claims_metric", "sources_article", "claims_claim",
          "claims_conflictresolution"]  # fmt: skip


class ByteSink:
    """A write-only file that keeps nothing but the number of UTF-8 bytes written to it."""

    def __init__(self) -> None:
        self.bytes = 0
        self.lines = 0

    def write(self, text: str) -> int:
        self.bytes += len(text.encode())
        self.lines += text.count("\n")
        return len(text)


def peak_rss_mib() -> float:
    """This process's peak resident memory, from the kernel's high-water mark (VmHWM).

    Not ``getrusage().ru_maxrss``: on Linux that keeps the parent's peak across fork and exec, so
    every child would report at least what the benchmark's own process held when it started it.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status (not Linux?)")


def ru_maxrss_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# -- the measured sides, each run in a child process ------------------------------------------


def child_baseline() -> dict:
    import django

    django.setup()
    return {"peak_rss_mib": peak_rss_mib(), "ru_maxrss_mib": ru_maxrss_mib()}


def subset_metric_ids(share: float) -> list[int]:
    """The first ``share`` of the metrics in slug order: the ones the report writes first."""
    from claims.models import Metric

    ids = list(Metric.objects.order_by("slug").values_list("id", flat=True))
    return ids[: round(len(ids) * share)]


def child_ours(share: float) -> dict:
    import django

    django.setup()
    from claims.reports import build
    from claims.reports.render import render

    flt = build.ReportFilter()
    share_of_metrics = len(subset_metric_ids(share)) if share < 1 else None
    rss_before = current_rss_mib()

    class FirstMetrics(build.MetricReports):
        """metric_reports' own batches (in slug order), cut after the first metrics."""

        def plan(self):
            batches, plan = super().plan()
            ids = [metric_id for batch in batches for metric_id in batch][:share_of_metrics]
            size = build.METRIC_BATCH
            return [ids[i : i + size] for i in range(0, len(ids), size)], plan

    def reports():
        return build.metric_reports(flt) if share_of_metrics is None else FirstMetrics(flt)

    sink = ByteSink()
    start = time.perf_counter()
    for chunk in render("csv", reports()):
        sink.write(chunk)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": sink.bytes, "lines": sink.lines,
            "rss_before_mib": rss_before, "peak_rss_mib": peak_rss_mib(),
            "ru_maxrss_mib": ru_maxrss_mib(),
            "workers": int(os.environ.get("BENCH_CELERY_WORKERS", "0"))}  # fmt: skip


def child_floor(url: str, share: float) -> dict:
    import psycopg

    sink = ByteSink()
    start = time.perf_counter()
    with psycopg.connect(url) as conn:
        subset, params = "", ()
        if share < 1:
            ids = [row[0] for row in conn.execute("SELECT id FROM claims_metric ORDER BY slug")]
            subset, params = "AND c.metric_id = ANY(%s)", (ids[: round(len(ids) * share)],)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        with conn.cursor(name="report_floor") as cursor:
            cursor.execute(FLOOR_SQL.format(subset=subset), params)
            while rows := cursor.fetchmany(FETCH):
                writer.writerows(rows)
                sink.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": sink.bytes, "lines": sink.lines,
            "peak_rss_mib": peak_rss_mib(), "ru_maxrss_mib": ru_maxrss_mib()}  # fmt: skip


@contextlib.contextmanager
def celery_worker(url: str, broker: str, processes: int) -> Iterator[None]:
    """A Celery worker of ``processes`` processes on a queue of its own, for the report's batches
    (nothing when 0); the measured children send to it through the environment they inherit."""
    if not processes:
        yield
        return
    queue = f"bench-report-{os.getpid()}"
    env = {**os.environ, "DATABASE_URL": url, "CELERY_BROKER_URL": broker, "CELERY_QUEUE": queue,
           "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "benchmark-only",
           "DJANGO_ALLOWED_HOSTS": "localhost"}  # fmt: skip
    name = f"{queue}@localhost"
    command = [sys.executable, "-m", "celery", "-A", "claims_project", "worker", "-Q", queue,
               "-n", name, "--concurrency", str(processes), "--pool", "prefork",
               "--without-gossip", "--without-mingle", "--without-heartbeat",
               "--loglevel", "WARNING"]  # fmt: skip
    worker = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        from celery import Celery

        control = Celery(broker=broker)
        deadline = time.monotonic() + 60
        while not control.control.ping(destination=[name], timeout=0.5):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the Celery worker did not start")
        previous = {name: os.environ.get(name) for name in ("CELERY_BROKER_URL", "CELERY_QUEUE")}
        os.environ.update(CELERY_BROKER_URL=broker, CELERY_QUEUE=queue,
                          BENCH_CELERY_WORKERS=str(processes))  # fmt: skip
        try:
            yield
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            os.environ.pop("BENCH_CELERY_WORKERS", None)
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def run_child(kind: str, url: str, share: float = 1.0) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "claims_project.settings",
        # Production-like: debug off (Django then keeps no query log).
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only",
        "DJANGO_ALLOWED_HOSTS": "localhost",
    }
    command = [sys.executable, "-m", "tests.benchmarks.bench_report", "--child", kind,
               "--database-url", url, "--share", str(share)]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the {kind} child failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


# -- the database -----------------------------------------------------------------------------


def admin_url(url: str) -> tuple[str, str]:
    """The maintenance database's URL on the same server, and the benchmark database's name."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in ("postgres", "template0", "template1"):
        raise SystemExit(f"give the benchmark a database of its own, not {name or 'none'!r}")
    return urlunsplit(parts._replace(path="/postgres")), name


def ensure_database(url: str) -> bool:
    """Create the database if it is missing; True when this run created it."""
    import psycopg
    from psycopg import sql

    maintenance, name = admin_url(url)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


def drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    maintenance, name = admin_url(url)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(statement.format(sql.Identifier(name)))


def migrate(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "manage.py", "migrate", "--verbosity", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def counts(url: str) -> tuple[int, int]:
    import psycopg

    with psycopg.connect(url) as conn:
        claims = conn.execute("SELECT count(*) FROM claims_claim").fetchone()[0]
        metrics = conn.execute("SELECT count(*) FROM claims_metric").fetchone()[0]
    return claims, metrics


def copy_rows(cursor, table: str, columns: list[str], rows) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def load(url: str, claims: int, metrics: int) -> float:
    """Generate the data set and COPY it in, offset trigger on; returns the seconds it took."""
    import psycopg
    from tqdm import tqdm

    from tests.benchmarks import synthetic

    start = time.perf_counter()
    data = synthetic.DataSet(synthetic.Sizes.for_claims(claims, metrics))
    sizes = data.sizes
    with (
        psycopg.connect(url) as conn,
        conn.cursor() as cursor,
        tempfile.TemporaryFile("w+", newline="", encoding="utf-8") as claim_file,
    ):
        copy_rows(cursor, "sources_outlet", synthetic.OUTLET_COLUMNS, data.outlet_rows())
        copy_rows(cursor, "claims_speaker", synthetic.SPEAKER_COLUMNS, data.speaker_rows())
        copy_rows(cursor, "claims_metric", synthetic.METRIC_COLUMNS, data.metric_rows())
        # Bodies are built from their claims' quotes, so claims wait in a file until their
        # articles are in: the offset trigger reads the article of every claim COPY brings.
        writer = csv.writer(claim_file)
        articles = tqdm(data.articles_with_claims(), total=sizes.articles, unit=" articles",
                        desc="articles and claims", file=sys.stderr)  # fmt: skip
        columns = ", ".join(f'"{c}"' for c in synthetic.ARTICLE_COLUMNS)
        with cursor.copy(f"COPY sources_article ({columns}) FROM STDIN") as copy:
            for article, rows in articles:
                copy.write_row(article)
                writer.writerows([r"\N" if v is None else v for v in row] for row in rows)
        size = claim_file.tell()
        claim_file.seek(0)
        columns = ", ".join(f'"{c}"' for c in synthetic.CLAIM_COLUMNS)
        statement = f"COPY claims_claim ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
        with (
            cursor.copy(statement) as copy,
            tqdm(total=size, unit="B", unit_scale=True, desc="COPY claims", file=sys.stderr) as bar,
        ):
            while block := claim_file.read(1 << 20):
                copy.write(block)
                bar.update(len(block))
        copy_rows(cursor, "claims_conflictresolution", synthetic.RESOLUTION_COLUMNS,
                  data.resolution_rows())  # fmt: skip
        for table in TABLES:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
    with psycopg.connect(url, autocommit=True) as conn:
        print("VACUUM ANALYZE ...", file=sys.stderr)
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - start


def batch_facts(url: str, share: float, batch: int) -> dict:
    """Confirmed claims in the first ``share`` of the metrics, and in the fullest report batch."""
    import psycopg

    with psycopg.connect(url) as conn:
        per_metric = [row[0] for row in conn.execute(
            "SELECT count(c.id) FROM claims_metric m LEFT JOIN claims_claim c "
            "ON c.metric_id = m.id AND c.status = 'confirmed' GROUP BY m.id, m.slug "
            "ORDER BY m.slug"
        )]  # fmt: skip
    per_metric = per_metric[: round(len(per_metric) * share)]
    batches = [sum(per_metric[i : i + batch]) for i in range(0, len(per_metric), batch)]
    return {"claims": sum(per_metric), "largest_batch_claims": max(batches, default=0),
            "largest_metric_claims": max(per_metric, default=0)}  # fmt: skip


# -- the benchmark ----------------------------------------------------------------------------


def median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def spread(results: list[dict], key: str = "seconds") -> float:
    values = [r[key] for r in results]
    return max(values) / min(values)


def measure(url: str, rounds: int) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {k: [] for k in ("baseline", "ours", "floor", "ours_sub",
                                                   "floor_sub")}  # fmt: skip
    for number in range(1, rounds + 1):
        print(f"round {number}/{rounds} ...", file=sys.stderr)
        runs["baseline"].append(run_child("baseline", url))
        runs["ours"].append(run_child("ours", url))
        runs["floor"].append(run_child("floor", url))
        runs["ours_sub"].append(run_child("ours", url, SUBSET))
        runs["floor_sub"].append(run_child("floor", url, SUBSET))
    return runs


def summarise(runs: dict[str, list[dict]]) -> dict:
    result = {}
    for name, results in runs.items():
        entry = {"peak_rss_mib": median(results, "peak_rss_mib"), "runs": results}
        if name != "baseline":
            entry.update(seconds=median(results, "seconds"), spread=spread(results),
                         bytes=results[0]["bytes"], lines=results[0]["lines"])  # fmt: skip
        result[name] = entry
    return result


def print_table(options, result: dict, full: dict, sub: dict) -> None:
    r = result["measured"]
    print(
        f"diff report as CSV on PostgreSQL: {full['claims']:,} confirmed claims of "
        f"{options.claims:,} in {options.metrics:,} metrics; {options.rounds} rounds, "
        f"{os.cpu_count()} cores; each run in a fresh process"
    )
    print(f"{'operation':<38} {'ours s':>8} {'floor s':>8} {'ratio':>6} {'spread o/f':>11} "
          f"{'peak RSS MiB o/f':>17}")  # fmt: skip
    for label, ours, floor in (
        (f"whole report ({full['claims']:,} claims)", r["ours"], r["floor"]),
        (f"first 10% of metrics ({sub['claims']:,} claims)", r["ours_sub"], r["floor_sub"]),
    ):
        print(
            f"{label:<38} {ours['seconds']:>8.2f} {floor['seconds']:>8.2f} "
            f"{ours['seconds'] / floor['seconds']:>6.2f} "
            f"{ours['spread']:>5.2f}/{floor['spread']:<5.2f} "
            f"{ours['peak_rss_mib']:>8.0f}/{floor['peak_rss_mib']:<8.0f}"
        )
    workers = r["ours"]["runs"][0].get("workers", 0)
    print(
        f"report batches: a Celery group, taken by a worker of {workers} process(es)"
        if workers
        else "report batches: a Celery group, run in-process one after another (no broker)"
    )
    base = r["baseline"]["peak_rss_mib"]
    before = median(r["ours"]["runs"], "rss_before_mib")
    print(
        f"baseline RSS: {base:.0f} MiB after django.setup() alone, {before:.0f} MiB with the "
        f"report modules imported, before the first query"
    )
    findings = r["ours"]["lines"] - full["claims"] - 1  # less the header
    print(
        f"output: ours {r['ours']['bytes'] / 2**20:,.0f} MiB in {r['ours']['lines']:,} lines "
        f"({full['claims']:,} claims, {findings:,} findings), floor "
        f"{r['floor']['bytes'] / 2**20:,.0f} MiB in {r['floor']['lines']:,} lines (claims only)"
    )
    growth = result["memory_growth"]
    print(
        f"memory growth: claims x{growth['claims_factor']:.1f} ({sub['claims']:,} -> "
        f"{full['claims']:,}), ours' peak RSS x{growth['peak_factor']:.2f} "
        f"({r['ours_sub']['peak_rss_mib']:.0f} -> {r['ours']['peak_rss_mib']:.0f} MiB), growth "
        f"over the django.setup() baseline {growth['above_baseline_mib'][0]:.0f} -> "
        f"{growth['above_baseline_mib'][1]:.0f} MiB"
    )
    print(
        f"  method: the 10% run is metric_reports' own loop (_batch_reports over batches of "
        f"{result['metric_batch']} metrics in slug order) stopped after the first tenth of the "
        f"metrics, on the same database, so claims per metric stay the same and only their "
        f"number grows. Peak memory is set by the fullest batch's rows plus the one metric "
        f"report in flight, whose findings grow faster than its claims: fullest batch "
        f"{sub['largest_batch_claims']:,} claims in the 10% run, "
        f"{full['largest_batch_claims']:,} in the whole; busiest metric "
        f"{sub['largest_metric_claims']:,} / {full['largest_metric_claims']:,} claims."
    )
    print(
        "data: synthetic (tests/benchmarks/synthetic.py), COPY with the claim offset trigger "
        f"on, then VACUUM ANALYZE; load {result['load_seconds']:.0f} s"
        if result["load_seconds"] is not None
        else "data: reused the database kept by an earlier --keep run"
    )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--metrics", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--quick", action="store_true", help="100,000 claims in 1,000 metrics, 2 rounds"
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="keep the database for the next run")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument(
        "--celery-workers", type=int, default=0,
        help="start a Celery worker of this many processes for the report's batches (0: none)",
    )  # fmt: skip
    parser.add_argument("--broker-url", default=DEFAULT_BROKER)
    parser.add_argument("--child", choices=["baseline", "ours", "floor"], help=argparse.SUPPRESS)
    parser.add_argument("--share", type=float, default=1.0, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        outcome = {
            "baseline": child_baseline,
            "ours": lambda: child_ours(options.share),
            "floor": lambda: child_floor(options.database_url, options.share),
        }[options.child]()
        print(json.dumps(outcome))
        return outcome
    if options.quick:
        options.claims, options.metrics, options.rounds = 100_000, 1_000, 2

    url = options.database_url
    created = ensure_database(url)
    ours_data = created
    try:
        migrate(url)
        claims, metrics = counts(url)
        if (claims, metrics) == (options.claims, options.metrics):
            load_seconds = None
            ours_data = True
        elif claims or metrics:
            raise SystemExit(
                f"{url} already holds {claims:,} claims in {metrics:,} metrics; drop it or give "
                "another --database-url"
            )
        else:
            ours_data = True
            load_seconds = load(url, options.claims, options.metrics)

        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claims_project.settings")
        import django

        django.setup()
        from claims.reports.build import METRIC_BATCH

        full = batch_facts(url, 1.0, METRIC_BATCH)
        sub = batch_facts(url, SUBSET, METRIC_BATCH)
        with celery_worker(url, options.broker_url, options.celery_workers):
            runs = measure(url, options.rounds)
    finally:
        if ours_data and not options.keep:
            drop_database(url)
    measured = summarise(runs)
    base = measured["baseline"]["peak_rss_mib"]
    result = {
        "claims": options.claims,
        "metrics": options.metrics,
        "confirmed_claims": full["claims"],
        "subset_confirmed_claims": sub["claims"],
        "rounds": options.rounds,
        "cpus": os.cpu_count(),
        "metric_batch": METRIC_BATCH,
        "load_seconds": load_seconds,
        "batches": {"full": full, "subset": sub},
        "measured": measured,
        "ratio": measured["ours"]["seconds"] / measured["floor"]["seconds"],
        "memory_growth": {
            "claims_factor": full["claims"] / sub["claims"],
            "peak_factor": measured["ours"]["peak_rss_mib"] / measured["ours_sub"]["peak_rss_mib"],
            "above_baseline_mib": [
                measured["ours_sub"]["peak_rss_mib"] - base,
                measured["ours"]["peak_rss_mib"] - base,
            ],
        },
    }
    print_table(options, result, full, sub)
    if options.json:
        Path(options.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
