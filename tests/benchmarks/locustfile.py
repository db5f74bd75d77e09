"""The load test's clients (locust): a mix of reads and writes on the claims API.

Run by suite_load.py (headless, bounded in time, against gunicorn on loopback). What the clients
pick from (confirmed claim ids, busy metrics, search words) and the editor's API token come in
the JSON file named by BENCH_LOCUST_DATA. Clients do not wait between requests: 50 of them keep
the server saturated, so the throughput is the server's and the latency is what a queue of 50
costs. Every answer other than the expected status counts as an error. Besides its run time the
test is bounded in requests: at BENCH_MAX_REQUESTS the runner quits.
"""

import json
import os
import random

import gevent
from locust import FastHttpUser, events, task

with open(os.environ["BENCH_LOCUST_DATA"], encoding="utf-8") as file:
    DATA = json.load(file)
IDS, METRICS, WORDS = DATA["claim_ids"], DATA["metrics"], DATA["words"]
AUTH = {"Authorization": f"Token {DATA['token']}"}
PAGE = "page_size=50"
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "200000"))
STATE = {"sent": 0, "environment": None}


@events.init.add_listener
def keep_environment(environment, **kwargs) -> None:
    STATE["environment"] = environment


@events.request.add_listener
def stop_at_the_bound(**kwargs) -> None:
    STATE["sent"] += 1
    runner = STATE["environment"].runner if STATE["environment"] else None
    if STATE["sent"] == MAX_REQUESTS and runner is not None:
        gevent.spawn(runner.quit)


class NewsroomClient(FastHttpUser):
    """One client: mostly readers (lists, filters, one claim), now and then an editor's write."""

    def wait_time(self) -> float:
        return 0.0

    @task(3)
    def claim_list(self) -> None:
        self.client.get(f"/api/claims/?{PAGE}", name="list")

    @task(3)
    def filtered_list(self) -> None:
        choice = random.random()
        if choice < 0.5:
            query = f"metric={random.choice(METRICS)}"
        elif choice < 0.8:
            query = f"as_of_after={random.randint(2015, 2025)}-01-01&qualifier=approximate"
        else:
            query = "verdict=overstated"
        self.client.get(f"/api/claims/?{query}&{PAGE}", name="filter")

    @task(3)
    def claim_detail(self) -> None:
        self.client.get(f"/api/claims/{random.choice(IDS)}/", name="detail")

    @task(1)
    def text_search(self) -> None:
        words = " ".join(random.sample(WORDS, 2))
        self.client.get("/api/claims/", params={"q": words, "page_size": 50}, name="search")

    @task(1)
    def claim_write(self) -> None:
        body = {"note": f"load test {random.randint(0, 10**9)}"}
        url = f"/api/claims/{random.choice(IDS)}/"
        # A write needs the ETag of the version it changes (If-Match), as every client's does.
        etag = self.client.get(url, name="detail").headers.get("ETag", "")
        self.client.patch(url, json=body, headers={**AUTH, "If-Match": etag}, name="write")
