"""Running one function in several real threads at once, each with its own database connection
(for the race tests on PostgreSQL)."""

import os
import threading
from collections.abc import Callable

import pytest
from django.db import connection

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
needs_postgres = pytest.mark.skipif(
    not ON_POSTGRES, reason="a race of real transactions: needs PostgreSQL (DATABASE_URL)"
)


def run_at_once(*calls: Callable[[], object], timeout: float = 60) -> list:
    """Start every call in a thread of its own, released together; return what each returned
    (or the exception it raised), in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(position: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout)
            results[position] = call()
        except Exception as exc:  # kept for the test to look at
            results[position] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a racing call did not finish"
    return results
