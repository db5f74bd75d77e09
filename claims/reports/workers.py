"""Building and rendering a whole-database report's batches of metrics in worker processes.

A report of many metrics is CPU-bound Python (reading rows, comparing figures, writing text), so
one process uses one core. Here the batches of metrics are dealt out to forked worker processes,
round robin; each builds its batches and renders them to text, and the requesting process reads
the text back batch by batch, in the report's order, and passes it on. Only text crosses between
processes: pickling the reports themselves would cost about as much as rendering them.

A worker holds at most the batch it is building and the one it is handing over, so memory stays
bounded by the batch size, as in one process. A worker's error ends the report with
`ReportWorkerError` carrying the worker's traceback; a worker that dies without a word (killed,
out of memory) is reported too, and the remaining workers are stopped.
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from django.conf import settings
from django.db import connections

Batch = list[int]  # metric ids
BuildBatch = Callable[[Batch], Iterable[Any]]  # a batch's metric reports, in order
RenderOne = Callable[[Any], str]  # one metric report as text


class ReportWorkerError(RuntimeError):
    """A worker process building part of a report failed; the message holds its traceback."""


def worker_count() -> int:
    """settings.CLAIMS_REPORT_WORKERS: processes that build a report (1: the caller alone)."""
    return max(1, int(getattr(settings, "CLAIMS_REPORT_WORKERS", 1)))


def can_fork(batches: int, workers: int) -> bool:
    """True when splitting `batches` across `workers` processes is both worth it and safe.

    Worth it: more than one batch (a single metric's report never pays for a process) and more
    than one worker. Safe: the workers open their own connections to a database server, so it
    must be PostgreSQL (an SQLite file or in-memory database is the caller's alone), no
    connection may be inside a transaction (a worker would not see its rows, and closing it
    before the fork would lose them), and the process must run no other thread (fork copies
    only the calling thread, and with it any lock another thread held) and not be a daemonic
    process (those may not have children).
    """
    if batches < 2 or workers < 2:
        return False
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    if threading.active_count() != 1 or multiprocessing.current_process().daemon:
        return False
    return all(
        conn.vendor == "postgresql" and not conn.in_atomic_block for conn in connections.all()
    )


def rendered_batches(
    batches: Sequence[Batch], build: BuildBatch, render_one: RenderOne, workers: int
) -> Iterator[str]:
    """`render_one(report)` for every report of every batch, in order, built by `workers`
    forked processes (batch i by worker i % workers). Call only when `can_fork` says so."""
    workers = min(workers, len(batches))
    # A forked child must not share the parent's database sockets; both reconnect on demand.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    pipes: list[Connection] = []
    processes = []
    try:
        for k in range(workers):
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(
                target=_work,
                args=(sending, batches[k::workers], build, render_one),
                name=f"report-worker-{k}",
                daemon=True,
            )
            process.start()
            sending.close()  # the worker holds the only sending end: its exit means EOF here
            pipes.append(receiving)
            processes.append(process)
        for i in range(len(batches)):
            yield from _receive(pipes[i % workers], processes[i % workers].name)
        for process in processes:
            process.join()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for pipe in pipes:
            pipe.close()


def _receive(pipe: Connection, worker: str) -> Iterator[str]:
    """One batch's texts from a worker."""
    try:
        kind, payload = pipe.recv()
    except EOFError:
        message = f"{worker} exited without finishing its part of the report"
        raise ReportWorkerError(message) from None
    if kind == "error":
        raise ReportWorkerError(f"{worker} failed:\n{payload}")
    yield from payload


def _work(pipe: Connection, batches: Sequence[Batch], build: BuildBatch, render_one) -> None:
    """A worker's life: build and render each batch, then hand the batch's text over."""
    try:
        for batch in batches:
            # The whole batch is rendered before it is sent, so the worker can build it while
            # the parent is still passing on an earlier batch (a pipe holds only a few KiB).
            pipe.send(("texts", [render_one(report) for report in build(batch)]))
    except BaseException:
        pipe.send(("error", traceback.format_exc()))
    finally:
        connections.close_all()
        pipe.close()
