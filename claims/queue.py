"""Sending tasks to the queue without waiting on a broker that is down.

Celery's own publish, through kombu and redis-py, retries a refused or silent connection for
seconds (six on a refused port, ten on one that never answers, measured): an import would hang
that long per article. So before a batch of tasks goes out, the broker is asked once, with a
short timeout and no retry, whether it answers; when it does not, nothing is sent and the
caller records the work as waiting. Without a broker (tasks in-process) nothing is asked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from celery import Celery, Task
from kombu.exceptions import OperationalError as KombuOperationalError
from redis import Redis
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# What sending a task raises when the broker is down or unreachable.
BROKER_ERRORS = (KombuOperationalError, RedisConnectionError, ConnectionError, OSError)

# How long the broker has to answer the check before the work is recorded as waiting.
PROBE_TIMEOUT_SECONDS = 0.5


class BrokerUnreachable(ConnectionError):
    """The task queue did not answer; nothing was sent."""


def broker_check(app: Celery) -> None:
    """Raise BrokerUnreachable unless ``app``'s Redis broker answers a PING within a short
    timeout. In-process (tasks run eagerly) and a broker other than Redis are not checked."""
    url = app.conf.broker_url or ""
    if app.conf.task_always_eager or not url.startswith(("redis://", "rediss://")):
        return
    client = Redis.from_url(
        url,
        socket_connect_timeout=PROBE_TIMEOUT_SECONDS,
        socket_timeout=PROBE_TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), 0),
    )
    try:
        client.ping()
    except (RedisError, OSError) as exc:
        raise BrokerUnreachable(f"task queue unreachable: {exc}") from exc
    finally:
        client.close()


def tasks_send(task: Task, args_list: Sequence[tuple]) -> tuple[list[tuple], BaseException | None]:
    """Send ``task`` once per argument tuple, in order. Returns the tuples not sent and the
    error that stopped the sending (``[], None`` when all went out). The broker is checked
    first, so a dead one costs one short wait, and nothing after a failure is tried.
    In-process, each task runs now; its own error is logged and the next one runs (the task
    records its failure)."""
    try:
        broker_check(task.app)
    except BrokerUnreachable as exc:
        return list(args_list), exc
    for index, args in enumerate(args_list):
        try:
            task.apply_async(args, retry=False)
        except BROKER_ERRORS as exc:
            return list(args_list[index:]), exc
        except Exception:
            # Only in-process (eager) runs get here: one bad item must not stop the batch.
            logger.exception("task %s%r failed", task.name, args)
    return [], None
