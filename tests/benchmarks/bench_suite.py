"""The benchmark suite: the API and reports against their floor, up to a million claims.

Run: `make bench` (1,000,000 claims) or `make bench-quick` (100,000), or
`python -m tests.benchmarks.bench_suite [--quick] [--claims N] [--json FILE] [--plot FILE]
[--keep]`.

For each data size (10,000, 100,000 and 1,000,000 claims; up to ``--claims``) it creates a
PostgreSQL database of its own (suite_db.py: migrated, loaded with synthetic.py's data by COPY,
reviews included), measures, and drops it unless ``--keep``. On the largest it measures, each side
by side with its floor in the same run, interleaved, median of rounds with spread (max/min):

- claim list pages of 100 (nested, filtered; cursor page 1 and a page near the end), claim
  detail, text search and one metric's report at metrics of several sizes (suite_api.py: in
  process through Django's test Client vs one hand-written SQL query + orjson);
- the conflict report over all metrics vs one SQL scan of the same rows (bench_report's children);
- bulk import of 10,000 claims through the API (chunks of 1,000) vs bulk_create vs COPY;
- extraction throughput vs quantitative parsing alone;
- peak memory of the CSV export of all claims (suite_export.py, fresh processes);
- a load test: locust's 50 clients against gunicorn with 4 workers for 60 s (suite_load.py).

On the smaller sizes it measures the list pages, metric reports and the whole report, for the
plot of cost against size. Results: a table on stdout, ``--json``, ``--plot`` (PNG). Ratios are
compared with their targets; where one is missed the child's profile (cProfile, queries) is in
the JSON and its head is printed. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claims_bench_suite"
SIZES = [10_000, 100_000, 1_000_000]
REPORT_TARGET, BULK_TARGET, DEEP_TARGET = 2.0, 10.0, 1.5


# -- children ---------------------------------------------------------------------------------


def child_main(options) -> dict:
    from tests.benchmarks import suite_api, suite_export

    if options.child == "api":
        return suite_api.run(
            options.database_url, tier=options.tier, rounds=options.rounds,
            round_seconds=options.round_seconds,
            bulk_claims=options.bulk_claims, extraction_chars=options.extraction_chars,
            profile_report=options.profile_report,
        )  # fmt: skip
    if options.child == "export-ours":
        return suite_export.ours(suite_api.ADMIN)
    return suite_export.floor(options.database_url)


def run_child(url: str, kind: str, *extra: str) -> dict:
    from tests.benchmarks.suite_db import django_env

    command = [sys.executable, "-m", "tests.benchmarks.bench_suite", "--child", kind,
               "--database-url", url, *extra]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, env=django_env(url), stdout=subprocess.PIPE,
                          text=True)  # fmt: skip
    if done.returncode:
        raise SystemExit(f"the {kind} child failed (exit {done.returncode}); see its stderr above")
    return json.loads(done.stdout.splitlines()[-1])


# -- measurements run from here ---------------------------------------------------------------


def measure_report(url: str, rounds: int) -> dict:
    """The whole conflict report as CSV vs one SQL scan, each run in a fresh process."""
    from tests.benchmarks import bench_report

    runs: dict[str, list[dict]] = {"ours": [], "floor": []}
    for number in range(rounds):
        for side in ("ours", "floor") if number % 2 == 0 else ("floor", "ours"):
            runs[side].append(bench_report.run_child(side, url))
    result = {side: summarise([r["seconds"] for r in done]) for side, done in runs.items()}
    result["ratio"] = result["ours"]["median"] / result["floor"]["median"]
    result["peak_rss_mib"] = {side: statistics.median(r["peak_rss_mib"] for r in done)
                              for side, done in runs.items()}  # fmt: skip
    result["confirmed_claims"] = runs["floor"][0]["lines"]
    result["output"] = {side: {"bytes": done[0]["bytes"], "lines": done[0]["lines"]}
                        for side, done in runs.items()}  # fmt: skip
    return result


def measure_export(url: str, rounds: int) -> dict:
    runs: dict[str, list[dict]] = {"ours": [], "floor": []}
    for number in range(rounds):
        for side in ("ours", "floor") if number % 2 == 0 else ("floor", "ours"):
            runs[side].append(run_child(url, f"export-{side}"))
    result = {}
    for side, done in runs.items():
        result[side] = {
            "seconds": summarise([r["seconds"] for r in done]),
            "peak_rss_mib": summarise([r["peak_rss_mib"] for r in done]),
            "rows": done[0]["rows"], "bytes": done[0]["bytes"],
        }  # fmt: skip
    result["ours"]["baseline_peak_rss_mib"] = statistics.median(
        r["baseline_peak_rss_mib"] for r in runs["ours"]
    )
    return result


def summarise(values: list[float]) -> dict:
    return {"median": statistics.median(values), "spread": max(values) / min(values),
            "rounds": values}  # fmt: skip


def measure_size(url: str, claims: int, options, largest: bool) -> dict:
    from tests.benchmarks import suite_db, suite_load

    result: dict = {"claims": claims, "metrics": suite_db.metrics_for(claims),
                    "reviews": suite_db.reviews_for(claims)}  # fmt: skip
    log(f"{claims:,} claims: loading {url.rsplit('/', 1)[-1]} ...")
    result["load_seconds"] = suite_db.ensure_loaded(url, claims)
    log(f"{claims:,} claims: the whole report, {options.report_rounds} rounds ...")
    result["report"] = measure_report(url, options.report_rounds)
    tier = "full" if largest else "scale"
    log(f"{claims:,} claims: API measurements ({tier}) ...")
    extra = [
        "--tier", tier, "--rounds", str(options.rounds),
        "--round-seconds", str(options.round_seconds), "--bulk-claims", str(options.bulk_claims),
        "--extraction-chars", str(options.extraction_chars),
    ]  # fmt: skip
    if result["report"]["ratio"] > REPORT_TARGET and largest:
        extra.append("--profile-report")
    result["api"] = run_child(url, "api", *extra)
    if largest:
        log(f"{claims:,} claims: CSV export memory ...")
        result["export"] = measure_export(url, 1 if options.quick else 3)
        if options.load_seconds:
            log(f"{claims:,} claims: load test, {options.load_seconds} s ...")
            result["load_test"] = suite_load.run(
                url, data=result["api"].pop("load_test_data"), username=result["api"]["editor"],
                users=options.load_users, seconds=options.load_seconds, workers=4,
            )  # fmt: skip
    result["api"].pop("load_test_data", None)
    result["api"].pop("token", None)
    return result


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the machine, the table, the plot ---------------------------------------------------------


def machine(url: str) -> dict:
    import psycopg

    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))  # fmt: skip
    from tests.benchmarks.bench_report import admin_url

    with psycopg.connect(admin_url(url)[0]) as conn:
        server = conn.execute("SHOW server_version").fetchone()[0]
        shared = conn.execute("SHOW shared_buffers").fetchone()[0]
    revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()  # fmt: skip
    return {"revision": revision, "cpu": model, "cores": os.cpu_count(),
            "memory_gib": round(memory / 2**20),
            "postgresql": server, "shared_buffers": shared, "python": platform.python_version(),
            "kernel": platform.release()}  # fmt: skip


def rows_for_table(largest: dict) -> list[dict]:
    """One row per operation: ours, floor (same unit), ratio, spreads, target, met."""
    rows = []
    pairs = largest["api"]["pairs"]
    for pair in pairs:
        scale = 1000 if pair["unit"] == "ms" else 1
        rows.append({
            "operation": pair["name"], "unit": pair["unit"],
            "ours": pair["ours"]["median"] * scale, "floor": pair["floor"]["median"] * scale,
            "ratio": pair["ratio"], "spread": (pair["ours"]["spread"], pair["floor"]["spread"]),
            "target": pair["target"],
        })  # fmt: skip
    by_name = {p["name"]: p for p in pairs}
    for name in by_name:
        if name.endswith(", deep page"):
            first = by_name[name.replace(", deep page", ", page 1")]
            deep = by_name[name]
            rows.append({
                "operation": f"{name.removesuffix(', deep page')}: deep / page 1 (ours)",
                "unit": "ms", "ours": deep["ours"]["median"] * 1000,
                "floor": first["ours"]["median"] * 1000,
                "ratio": deep["ours"]["median"] / first["ours"]["median"],
                "spread": (deep["ours"]["spread"], first["ours"]["spread"]),
                "target": DEEP_TARGET,
            })  # fmt: skip
    report = largest["report"]
    rows.append({
        "operation": f"conflict report, all metrics ({report['confirmed_claims']:,} claims, CSV)",
        "unit": "s", "ours": report["ours"]["median"], "floor": report["floor"]["median"],
        "ratio": report["ratio"], "spread": (report["ours"]["spread"], report["floor"]["spread"]),
        "target": REPORT_TARGET,
    })  # fmt: skip
    bulk = largest["api"].get("bulk")
    if bulk:
        copy = bulk["copy"]
        for side, label, target in (("api", "API, chunks of 1,000", BULK_TARGET),
                                    ("bulk_create", "bulk_create", None)):  # fmt: skip
            rows.append({
                "operation": f"bulk import {bulk['claims']:,} claims: {label} vs COPY",
                "unit": "s", "ours": bulk[side]["median"], "floor": copy["median"],
                "ratio": bulk[side]["median"] / copy["median"],
                "spread": (bulk[side]["spread"], copy["spread"]), "target": target,
            })  # fmt: skip
    export = largest.get("export")
    if export:
        ours, floor = export["ours"], export["floor"]
        baseline = f"peak RSS (Django process before it: {ours['baseline_peak_rss_mib']:.0f})"
        for key, unit, label in (("peak_rss_mib", "MiB", baseline), ("seconds", "s", "time")):
            rows.append({
                "operation": f"CSV export of all {ours['rows']:,} claims: {label}",
                "unit": unit, "ours": ours[key]["median"], "floor": floor[key]["median"],
                "ratio": ours[key]["median"] / floor[key]["median"],
                "spread": (ours[key]["spread"], floor[key]["spread"]), "target": None,
            })  # fmt: skip
    for row in rows:
        row["met"] = None if row["target"] is None else row["ratio"] <= row["target"]
    return rows


def print_table(result: dict, rows: list[dict]) -> None:
    m = result["machine"]
    largest = result["sizes"][-1]
    print(
        f"\nbenchmark suite: {largest['claims']:,} claims, {largest['metrics']:,} metrics, "
        f"{largest['reviews']:,} reviews on PostgreSQL {m['postgresql']}; {m['cores']} cores "
        f"({m['cpu']}), {m['memory_gib']} GiB, Python {m['python']}; "
        f"{result['rounds']} rounds (report {result['report_rounds']}), medians"
    )
    width = max(len(r["operation"]) for r in rows) + 1
    print(f"{'operation':<{width}} {'ours':>10} {'floor':>10} {'unit':<4} {'ratio':>7} "
          f"{'spread o/f':>11} {'target':>7}  met")  # fmt: skip
    for r in rows:
        target = "" if r["target"] is None else f"<={r['target']:g}x"
        met = "" if r["met"] is None else ("yes" if r["met"] else "NO")
        print(
            f"{r['operation']:<{width}} {r['ours']:>10.3f} {r['floor']:>10.3f} {r['unit']:<4} "
            f"{r['ratio']:>6.2f}x {r['spread'][0]:>5.2f}/{r['spread'][1]:<5.2f} {target:>7}  {met}"
        )
    bulk = largest["api"].get("bulk")
    if bulk and bulk["rejected"]:
        print(f"bulk: {bulk['rejected']} synthetic claims the API refused were left out")
    load = largest.get("load_test")
    if load:
        print_load(load)
    plans = largest["api"].get("plans")
    if plans:
        print(f"\nclaim list query plans at {largest['claims']:,} claims (EXPLAIN ANALYZE):")
        for name, found in plans.items():
            seq = f"; seq scans: {', '.join(found['seq_scans'])}" if found["seq_scans"] else ""
            print(f"  {name:<24} {found['ms']:>8.2f} ms  claims_claim: "
                  f"{', '.join(found['claims_scans'])}{seq}")  # fmt: skip
    print_scaling(result)
    print_profiles(largest, rows)


def markdown(result: dict, rows: list[dict]) -> str:
    """The table as Markdown, with the machine it ran on (for the README)."""
    m, largest = result["machine"], result["sizes"][-1]
    lines = [
        f"{largest['claims']:,} claims, {largest['metrics']:,} metrics, "
        f"{largest['reviews']:,} reviews; {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, "
        f"PostgreSQL {m['postgresql']} (shared_buffers {m['shared_buffers']}), "
        f"Python {m['python']}; medians of {result['rounds']} rounds "
        f"(report {result['report_rounds']}), spread = max/min over rounds.",
        "",
        "| operation | ours | floor | unit | ratio | spread ours/floor | target | met |",
        "|---|---:|---:|---|---:|---:|---:|---|",
    ]
    for r in rows:
        target = "" if r["target"] is None else f"≤ {r['target']:g}x"
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(
            f"| {r['operation']} | {number(r['ours'])} | {number(r['floor'])} | {r['unit']} | "
            f"{r['ratio']:.2f}x | {r['spread'][0]:.2f} / {r['spread'][1]:.2f} | {target} | {met} |"
        )
    load = largest.get("load_test")
    if load and load.get("aggregated"):
        total = load["aggregated"]
        lines += [
            "",
            f"Load test: {load['users']} clients for {load['seconds']} s against gunicorn "
            f"({load['workers']} sync workers) on loopback: {total['requests']:,} requests, "
            f"{total['rps']:.1f} requests/s, p50 {total['p50_ms']:.0f} ms, "
            f"p99 {total['p99_ms']:.0f} ms, {total['failures']} errors.",
        ]
    return "\n".join(lines) + "\n"


def number(value: float) -> str:
    """Three significant digits, without an exponent."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def print_load(load: dict) -> None:
    total = load.get("aggregated")
    if not total:
        print(f"load test: no statistics (locust exit {load['locust_exit']})")
        print(load.get("locust_stderr", ""))
        return
    print(
        f"\nload test: {load['users']} clients, {load['seconds']} s, gunicorn {load['workers']} "
        f"sync workers on loopback: {total['requests']:,} requests, {total['rps']:.1f} req/s, "
        f"p50 {total['p50_ms']:.0f} ms, p99 {total['p99_ms']:.0f} ms, "
        f"errors {total['failures']}"
    )
    for name, row in sorted(load["by_name"].items()):
        print(
            f"  {name:<8} {row['requests']:>7,} req  {row['rps']:>6.1f}/s  p50 "
            f"{row['p50_ms']:>5.0f} ms  p99 {row['p99_ms']:>6.0f} ms  errors {row['failures']}"
        )
    for failure in load["failures"][:5]:
        print(f"  failure: {failure}")


def print_scaling(result: dict) -> None:
    print("\ncost against data size (medians; list pages in ms, report in s):")
    names = [p["name"] for p in result["sizes"][0]["api"]["pairs"]]
    print(f"{'claims':>10} " + " ".join(f"{label:>12}" for label in
          ("list p1", "list deep", "floor p1", "report", "floor rep")))  # fmt: skip
    for size in result["sizes"]:
        pairs = {p["name"]: p for p in size["api"]["pairs"]}
        first, deep = (pairs[n] for n in names[:2])
        print(
            f"{size['claims']:>10,} {first['ours']['median'] * 1000:>12.2f} "
            f"{deep['ours']['median'] * 1000:>12.2f} {first['floor']['median'] * 1000:>12.2f} "
            f"{size['report']['ours']['median']:>12.2f} "
            f"{size['report']['floor']['median']:>12.2f}"
        )
    for kind in ("incremental check", "metric report"):
        print(f"{kind} by metric size and table size, ours ms:")
        for size in result["sizes"]:
            found = [p for p in size["api"]["pairs"] if p["name"].startswith(kind)]
            cells = ", ".join(f"{p['name'].split(', ')[1]}: {p['ours']['median'] * 1000:.1f}"
                              for p in found)  # fmt: skip
            print(f"  table {size['claims']:>9,}: {cells}")


def print_profiles(largest: dict, rows: list[dict]) -> None:
    profiled = [p for p in largest["api"]["pairs"] if "profile" in p]
    bulk = largest["api"].get("bulk")
    missed_bulk = any(r["met"] is False and "bulk" in r["operation"] for r in rows)
    if not profiled and not missed_bulk and "report_profile" not in largest["api"]:
        return
    print("\nprofiles of the missed ratios (full profiles in the JSON):")
    for pair in profiled:
        show_profile(pair["name"], pair["profile"], pair["floor_profile"])
    if missed_bulk and bulk and "profile" in bulk:
        show_profile(f"bulk API, one request of {bulk['profile_items']} claims", bulk["profile"])
    if "report_profile" in largest["api"]:
        show_profile("report, first batch of metrics", largest["api"]["report_profile"])


def show_profile(name: str, ours: dict, floor: dict | None = None) -> None:
    print(f"- {name}: {ours['wall_seconds'] * 1000:.1f} ms, {ours['queries_per_call']} queries "
          f"taking {ours['sql_seconds_per_call'] * 1000:.1f} ms (round trip included)")  # fmt: skip
    if floor:
        print(f"  floor: {floor['wall_seconds'] * 1000:.1f} ms")
    print("  most time of their own (per call):")
    for line in ours["top_own_time"][:8]:
        print(f"    {line}")
    print("  project and framework functions by cumulative time (per call):")
    for line in ours["top_cumulative"][:8]:
        print(f"    {line}")


def plot(result: dict, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = result["sizes"]
    claims = [s["claims"] for s in sizes]
    names = [p["name"] for p in sizes[0]["api"]["pairs"]][:2]
    figure, (lists, reports) = plt.subplots(1, 2, figsize=(11, 4.2))
    for name, style in zip(names, ("o-", "s--"), strict=True):
        ours = [next(p for p in s["api"]["pairs"] if p["name"] == name) for s in sizes]
        label = name.split(", ")[-1]
        lists.plot(claims, [p["ours"]["median"] * 1000 for p in ours], style, color="C0",
                   label=f"ours, {label}")  # fmt: skip
        lists.plot(claims, [p["floor"]["median"] * 1000 for p in ours], style, color="C1",
                   label=f"floor, {label}")  # fmt: skip
    lists.set_title(f"claim list page of 100 ({names[0].rsplit(',', 1)[0]})")
    lists.set_ylabel("ms per request")
    reports.plot(claims, [s["report"]["ours"]["median"] for s in sizes], "o-", color="C0",
                 label="ours")  # fmt: skip
    reports.plot(claims, [s["report"]["floor"]["median"] for s in sizes], "o-", color="C1",
                 label="floor: one SQL scan")  # fmt: skip
    reports.set_title("conflict report, all metrics (CSV)")
    reports.set_ylabel("seconds")
    for axes in (lists, reports):
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xlabel("claims in the database")
        axes.grid(True, which="both", alpha=0.3)
        axes.legend(fontsize=8)
    m = result["machine"]
    figure.suptitle(f"cost against data size: {m['cores']} cores, PostgreSQL {m['postgresql']}",
                    fontsize=10)  # fmt: skip
    figure.tight_layout()
    figure.savefig(path, dpi=110)


# -- main -------------------------------------------------------------------------------------


def parse(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true",
        help="100,000 claims (sizes 10k and 100k), fewer rounds, a 20 s load test",
    )  # fmt: skip
    parser.add_argument("--claims", type=int, help="the largest size (default 1,000,000)")
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--plot", help="write the cost-against-size plot (PNG) to this file")
    parser.add_argument("--markdown", help="write the table as Markdown to this file")
    parser.add_argument(
        "--from-json", help="measure nothing: print (and plot) the results of an earlier --json"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases for the next run")
    parser.add_argument("--database-url", default=DEFAULT_URL,
                        help="base URL; each size gets a database named after it")  # fmt: skip
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--report-rounds", type=int)
    parser.add_argument("--load-seconds", type=int, help="0 skips the load test")
    parser.add_argument("--load-users", type=int, default=50)
    parser.add_argument("--child", choices=["api", "export-ours", "export-floor"],
                        help=argparse.SUPPRESS)  # fmt: skip
    parser.add_argument("--tier", default="full", help=argparse.SUPPRESS)
    parser.add_argument("--bulk-claims", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--round-seconds", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--extraction-chars", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile-report", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    quick = options.quick
    defaults = {
        "claims": 100_000 if quick else 1_000_000,
        "rounds": 3 if quick else 7,
        "round_seconds": 0.1 if quick else 0.3,
        "report_rounds": 2 if quick else 3,
        "load_seconds": 20 if quick else 60,
        "bulk_claims": 500 if quick else 10_000,
        "extraction_chars": 20_000 if quick else 300_000,
    }
    for name, value in defaults.items():
        if getattr(options, name) is None:
            setattr(options, name, value)
    return options


def main(argv: list[str] | None = None) -> dict:
    options = parse(argv)
    if options.child:
        outcome = child_main(options)
        print(json.dumps(outcome, default=str))
        return outcome
    if options.from_json:
        result = json.loads(Path(options.from_json).read_text("utf-8"))
        return report(result, options)
    from tests.benchmarks import suite_db

    started = time.perf_counter()
    sizes = sorted({s for s in SIZES if s < options.claims} | {options.claims})
    result = {"machine": machine(options.database_url), "rounds": options.rounds,
              "report_rounds": options.report_rounds, "quick": options.quick,
              "sizes": []}  # fmt: skip
    for claims in sizes:
        url = suite_db.database_url(options.database_url, claims)
        suite_db.prepare(url)
        try:
            result["sizes"].append(measure_size(url, claims, options, claims == sizes[-1]))
        finally:
            if not options.keep:
                suite_db.drop(url)
    result["seconds"] = time.perf_counter() - started
    result["table"] = rows_for_table(result["sizes"][-1])
    if options.json:
        Path(options.json).write_text(json.dumps(result, indent=2, default=str), "utf-8")
    return report(result, options)


def report(result: dict, options) -> dict:
    """Print the table, and write the plot and the Markdown table when asked."""
    rows = rows_for_table(result["sizes"][-1])
    print_table(result, rows)
    print(f"\nwhole run: {result['seconds']:.0f} s")
    if options.plot:
        plot(result, options.plot)
    if options.markdown:
        Path(options.markdown).write_text(markdown(result, rows), "utf-8")
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
