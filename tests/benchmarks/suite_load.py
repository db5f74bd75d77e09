"""The load test: locust's clients against gunicorn on loopback, bounded in time and requests.

gunicorn serves the project (sync workers, 127.0.0.1 only, a free port) on the benchmark
database; locust runs headless for a fixed time with 50 clients (locustfile.py) and writes its
statistics as CSV. Both stop by themselves: locust at its run time, gunicorn when we terminate it;
each process has a hard timeout on top.
"""

from __future__ import annotations

import csv
import json
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.benchmarks.suite_db import ROOT, django_env

BIN = Path(sys.executable).parent
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/claims/?page_size=1", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


def api_token(url: str, username: str) -> str:
    """The user's API token, through the project's own command (drf_create_token)."""
    done = subprocess.run(
        [sys.executable, "manage.py", "drf_create_token", username],
        cwd=ROOT, env=django_env(url), capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return done.stdout.split("Generated token ")[1].split()[0]


def run(
    url: str, *, data: dict, username: str, users: int, seconds: int, workers: int,
    max_requests: int = 200_000,
) -> dict:  # fmt: skip
    """Serve ``url`` with gunicorn, load it for ``seconds``; throughput, latency and errors."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    data_file = workdir / "data.json"
    data_file.write_text(json.dumps({**data, "token": api_token(url, username)}), "utf-8")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "claims_project.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=django_env(url), stdout=subprocess.DEVNULL,
        stderr=open(workdir / "gunicorn.log", "w"),  # noqa: SIM115 (closed with the process)
    )  # fmt: skip
    try:
        wait_ready(base)
        env = {**django_env(url), "BENCH_LOCUST_DATA": str(data_file),
               "BENCH_MAX_REQUESTS": str(max_requests)}  # fmt: skip
        command = [
            str(BIN / "locust"), "-f", str(LOCUSTFILE), "--headless", "--users", str(users),
            "--spawn-rate", str(max(1, users // 2)), "--run-time", f"{seconds}s",
            "--stop-timeout", "5", "--host", base, "--csv", str(workdir / "locust"),
            "--only-summary", "--loglevel", "WARNING",
        ]  # fmt: skip
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=seconds + 120
        )
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    result = read_stats(workdir / "locust_stats.csv")
    result.update(
        users=users, seconds=seconds, workers=workers, max_requests=max_requests,
        locust_exit=done.returncode,
        failures=read_failures(workdir / "locust_failures.csv"), output_dir=str(workdir),
    )  # fmt: skip
    if not result.get("aggregated"):
        result["locust_stderr"] = done.stderr[-3000:]
    return result


def read_stats(path: Path) -> dict:
    """Per request name and aggregated: requests, failures, requests/s, p50, p99 (ms)."""
    rows = {}
    with path.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50_ms": float(row["50%"] or 0),
                "p99_ms": float(row["99%"] or 0),
                "mean_ms": float(row["Average Response Time"] or 0),
            }
    return {"by_name": {k: v for k, v in rows.items() if k != "Aggregated"},
            "aggregated": rows.get("Aggregated")}  # fmt: skip


def read_failures(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))
