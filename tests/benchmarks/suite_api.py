"""The suite's in-process measurements on one benchmark database, each against its floor.

Run by bench_suite as a child process (``--child api``) with DATABASE_URL set before
django.setup(). Ours goes through the whole stack in this process: Django's test Client, the URL
resolver, middleware, DRF (authentication, throttling with huge rates, filters, cursor
pagination, serializers) and the JSON renderer. The floor is what the same answer costs at
least: one hand-written SQL query on a psycopg connection, rows turned into the same nested
dicts (intervals by the same pure function) and encoded by orjson. Both sides use the simple
query protocol (no server-side prepared statements), so PostgreSQL plans their queries alike.

Each pair is timed interleaved: every round times ours and the floor back to back, alternating
which goes first, each over enough calls to last about ``ROUND_SECONDS``; the median over rounds
is the result and max/min over rounds the spread.
"""

from __future__ import annotations

import base64
import cProfile
import json
import math
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import orjson
import psycopg

from tests.benchmarks import synthetic

ROUND_SECONDS = 0.25
MAX_CALLS = 200
PAGE = 100
AS_OF_AFTER = "2020-01-01"
SEARCH = "refugees Kirkuk"
INCREMENTAL_SIZES = [10, 100, 1000, 10_000]  # metrics nearest these claim counts, and the top one
EDITOR, ADMIN = "bench-editor", "bench-admin"

FLOOR_SELECT = """
SELECT c.id, c.quote, c.figure, c.start, c."end", c.value_low, c.value_high, c.qualifier, c.unit,
       c.subject, c.scope, c.as_of_start, c.as_of_end, c.as_of_precision, c.status, c.verdict,
       c.verdict_at, c.created_at, c.updated_at,
       a.id, a.title, a.url, a.published, o.name,
       s.id, s.slug, s.name, s.kind, s.role, s.affiliation, s.aliases,
       m.id, m.slug, m.name, m.description, m.canonical_unit, m.kind, m.scope, m.comparability_days
FROM claims_claim c
JOIN sources_article a ON a.id = c.article_id
LEFT JOIN sources_outlet o ON o.id = a.outlet_id
LEFT JOIN claims_speaker s ON s.id = c.speaker_id
{metric_join} JOIN claims_metric m ON m.id = c.metric_id
WHERE c.status = 'confirmed' {where}
"""
# The same match as claims/filters.py text_search: the stored vector (migration 0006).
TEXT_MATCH = "c.search_vector @@ websearch_to_tsquery('english'::regconfig, %s)"
# One metric's confirmed claims, as the diff report reads them (bench_report's floor, one metric).
METRIC_FLOOR_SQL = """
SELECT c.id, c.metric_id, c.figure, c.quote, c.value_low, c.value_high, c.qualifier, c.unit,
       c.subject, c.scope, s.name, o.name, c.article_id, a.title, a.url, a.published,
       c.as_of_start, c.as_of_end, c.as_of_precision, c.status, c.verdict
FROM claims_claim c
JOIN sources_article a ON a.id = c.article_id
LEFT JOIN sources_outlet o ON o.id = a.outlet_id
LEFT JOIN claims_speaker s ON s.id = c.speaker_id
WHERE c.status = 'confirmed' AND c.metric_id = %s
ORDER BY c.as_of_start, c.id
"""


# -- timing -----------------------------------------------------------------------------------


@dataclass
class Pair:
    """One operation: ours and its floor, each a call that returns what it produced."""

    name: str
    ours: Callable[[], object]
    floor: Callable[[], object]
    unit: str = "ms"
    target: float | None = None  # the ratio ours / floor we aim to stay within
    note: str = ""


def calls_per_round(call: Callable[[], object], seconds: float) -> int:
    start = time.perf_counter()
    call()
    once = time.perf_counter() - start
    return max(1, min(MAX_CALLS, round(seconds / max(once, 1e-6))))


def per_call(call: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) / calls


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "spread": max(values) / min(values),
            "rounds": values}  # fmt: skip


def measure(pair: Pair, rounds: int, seconds: float = ROUND_SECONDS) -> dict:
    """Ours and the floor of ``pair``, interleaved over ``rounds`` rounds of about ``seconds``
    each (seconds per call)."""
    pair.ours(), pair.floor()  # warm both up: imports, plans, caches
    calls = {side: calls_per_round(getattr(pair, side), seconds) for side in ("ours", "floor")}
    times: dict[str, list[float]] = {"ours": [], "floor": []}
    for number in range(rounds):
        sides = ["ours", "floor"] if number % 2 == 0 else ["floor", "ours"]
        for side in sides:
            times[side].append(per_call(getattr(pair, side), calls[side]))
    ours, floor = summary(times["ours"]), summary(times["floor"])
    return {"name": pair.name, "unit": pair.unit, "target": pair.target, "note": pair.note,
            "ours": ours, "floor": floor, "ratio": ours["median"] / floor["median"],
            "calls_per_round": calls}  # fmt: skip


class QueryCounter:
    """Counts the queries Django runs and the time they take (a connection execute wrapper)."""

    def __init__(self) -> None:
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - start


def profile(call: Callable[[], object], calls: int = 5, top: int = 12) -> dict:
    """Where ``call``'s time goes, per call: the functions with the most time of their own, the
    project's and its frameworks' functions by cumulative time, and the queries it runs."""
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        call()
        wall = time.perf_counter() - start
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        call()
    profiler.disable()
    entries = []
    for (path, line, function), (_, count, own, cumulative, _) in pstats.Stats(
        profiler
    ).stats.items():
        name = f"{short_path(path)}:{line}({function})"
        entries.append((cumulative / calls, own / calls, count // calls, name, path))

    def lines(rows) -> list[str]:
        return [f"{c * 1000:9.2f} ms cum {o * 1000:8.2f} ms own {n:>7} calls  {name}"
                for c, o, n, name, _ in rows]  # fmt: skip

    own = sorted(entries, key=lambda e: e[1], reverse=True)[:top]
    ours = [e for e in entries if is_ours_or_framework(e[4])]
    ours.sort(key=lambda e: e[0], reverse=True)
    return {"wall_seconds": wall, "queries_per_call": counter.count,
            "sql_seconds_per_call": counter.seconds, "top_own_time": lines(own),
            "top_cumulative": lines(ours[:top])}  # fmt: skip


ROOT_DIR = str(Path(__file__).resolve().parents[2])


def short_path(path: str) -> str:
    for marker in ("site-packages/", f"{ROOT_DIR}/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def is_ours_or_framework(path: str) -> bool:
    frameworks = ("rest_framework/", "django_filters/", "django/db/models/", "claims/",
                  "sources/", "claims_project/", "reviews/")  # fmt: skip
    return "tests/benchmarks" not in path and any(f in path for f in frameworks)


# -- the floor's rows, shaped like the API's ---------------------------------------------------


class Floor:
    """Hand-written SQL on a psycopg connection of its own, answers encoded by orjson."""

    def __init__(self, url: str) -> None:
        from claims.core import intervals, units
        from claims.models import tolerances

        self.conn = psycopg.connect(url, autocommit=True, prepare_threshold=None)
        self.intervals, self.errors = intervals, (intervals.BoundsError, units.UnitError)
        self.tolerance = tolerances()

    def claim(self, row: tuple) -> dict:
        (cid, quote, figure, start, end, low, high, qualifier, unit, subject, scope, as_of_start,
         as_of_end, precision, status, verdict, verdict_at, created_at, updated_at,
         article_id, title, url, published, outlet,
         speaker_id, speaker_slug, speaker_name, speaker_kind, role, affiliation, aliases,
         metric_id, metric_slug, metric_name, description, canonical_unit, metric_kind,
         metric_scope, days) = row  # fmt: skip
        try:
            found = self.intervals.claim_interval(
                low=low, high=high, qualifier=qualifier, unit=unit,
                canonical_unit=canonical_unit, tolerances=self.tolerance,
            )  # fmt: skip
        except self.errors:
            interval = None
        else:
            interval = {"low": None if math.isinf(found.lo) else found.lo,
                        "high": None if math.isinf(found.hi) else found.hi,
                        "unit": canonical_unit or unit}  # fmt: skip
        speaker = None
        if speaker_id is not None:
            speaker = {"id": speaker_id, "slug": speaker_slug, "name": speaker_name,
                       "kind": speaker_kind, "role": role, "affiliation": affiliation,
                       "aliases": aliases}  # fmt: skip
        metric = None
        if metric_id is not None:
            metric = {
                "id": metric_id, "slug": metric_slug, "name": metric_name,
                "description": description, "canonical_unit": canonical_unit,
                "kind": metric_kind, "scope": metric_scope, "comparability_days": days,
            }  # fmt: skip
        return {
            "id": cid, "article": {"id": article_id, "title": title, "url": url,
                                   "published": published, "outlet": outlet},
            "quote": quote, "figure": figure, "start": start, "end": end, "value_low": low,
            "value_high": high, "qualifier": qualifier, "unit": unit, "interval": interval,
            "subject": subject, "scope": scope, "speaker": speaker, "metric": metric,
            "as_of_start": as_of_start, "as_of_end": as_of_end, "as_of_precision": precision,
            "status": status, "verdict": verdict, "verdict_at": verdict_at,
            "created_at": created_at, "updated_at": updated_at,
        }  # fmt: skip

    def page(self, where: str, params: tuple, query: str, metric_join: str = "LEFT") -> bytes:
        """A cursor page of PAGE claims, newest first, with next/previous links like DRF's."""
        sql = FLOOR_SELECT.format(metric_join=metric_join, where=where)
        rows = self.conn.execute(sql + " ORDER BY c.id DESC LIMIT %s", (*params, PAGE + 1))
        results = [self.claim(row) for row in rows]
        more = len(results) > PAGE
        results = results[:PAGE]
        link = None
        if more:
            link = f"http://testserver/api/claims/?{query}&cursor={cursor(results[-1]['id'])}"
        body = {"next": link, "previous": None, "results": results}
        return orjson.dumps(body, option=orjson.OPT_UTC_Z)

    def detail(self, claim_id: int) -> bytes:
        sql = FLOOR_SELECT.format(metric_join="LEFT", where="AND c.id = %s")
        row = self.conn.execute(sql, (claim_id,)).fetchone()
        return orjson.dumps(self.claim(row), option=orjson.OPT_UTC_Z)

    def metric_rows(self, metric_id: int) -> bytes:
        rows = self.conn.execute(METRIC_FLOOR_SQL, (metric_id,)).fetchall()
        return orjson.dumps(rows)


def cursor(position: int) -> str:
    """DRF's cursor for the page after ``position`` (ordering -id): base64 of ``p=<id>``."""
    return base64.b64encode(f"p={position}".encode("ascii")).decode("ascii").replace("=", "%3D")


# -- the data the measurements need ----------------------------------------------------------


def users() -> tuple[object, str]:
    """The editor (with an API token) and a superuser; made once per database."""
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    editor, _ = User.objects.get_or_create(username=EDITOR, defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name="Editors"))
    User.objects.filter(username=ADMIN).exists() or User.objects.create_superuser(
        ADMIN, f"{ADMIN}@example.org", None
    )
    token, _ = Token.objects.get_or_create(user=editor)
    return editor, token.key


def deep_position(floor: Floor, where: str, params: tuple, metric_join: str = "LEFT") -> int:
    """A cursor position near the end of the list: 2 pages of matching claims lie below it."""
    sql = FLOOR_SELECT.format(metric_join=metric_join, where=where)
    sql = (
        "SELECT c.id " + sql[sql.index("FROM claims_claim") :] + " ORDER BY c.id OFFSET %s LIMIT 1"
    )
    return floor.conn.execute(sql, (*params, 2 * PAGE)).fetchone()[0]


def metric_sizes(floor: Floor) -> list[tuple[int, str, int]]:
    """(id, slug, confirmed claims) of the metrics nearest INCREMENTAL_SIZES and the busiest."""
    rows = floor.conn.execute(
        "SELECT m.id, m.slug, count(*) FROM claims_metric m JOIN claims_claim c "
        "ON c.metric_id = m.id AND c.status = 'confirmed' GROUP BY m.id ORDER BY count(*), m.id"
    ).fetchall()
    picked = {min(rows, key=lambda r: abs(r[2] - size))[0]: None for size in INCREMENTAL_SIZES}
    picked[rows[-1][0]] = None
    return sorted((r for r in rows if r[0] in picked), key=lambda r: r[2])


# -- the operations -------------------------------------------------------------------------


def list_pairs(client, floor: Floor, target: float) -> list[Pair]:
    """Cursor pages of 100 nested claims, filtered: page 1 and a page near the end."""
    busiest = metric_sizes(floor)[-1]
    filters = [
        ("as-of since 2020", {"as_of_after": AS_OF_AFTER}, "AND c.as_of_end >= %s",
         (AS_OF_AFTER,), "LEFT"),
        (f"busiest metric ({busiest[2]:,} claims)", {"metric": busiest[1]}, "AND m.slug = %s",
         (busiest[1],), ""),
    ]  # fmt: skip
    pairs = []
    for label, params, where, values, join in filters:
        query = urlencode({**params, "page_size": PAGE})
        deep = deep_position(floor, where, values, join)
        for page, extra_where, extra, suffix in (
            ("page 1", "", (), ""),
            ("deep page", " AND c.id < %s", (deep,), f"&cursor={cursor(deep)}"),
        ):
            path = f"/api/claims/?{query}{suffix}"
            pairs.append(Pair(
                name=f"list {label}, {page}",
                ours=lambda path=path: api_get(client, path),
                floor=lambda w=where + extra_where, v=values + extra, q=query, j=join: (
                    floor.page(w, v, q, j)
                ),
                target=target,
            ))  # fmt: skip
    return pairs


def api_get(client, path: str) -> bytes:
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}: {response.status_code} {response.content[:300]!r}")
    return response.content


def detail_pair(client, floor: Floor) -> Pair:
    ids = [r[0] for r in floor.conn.execute(
        "SELECT id FROM claims_claim WHERE status = 'confirmed' ORDER BY random() LIMIT 500"
    )]  # fmt: skip
    ours_ids, floor_ids = iter(ids * 10_000), iter(ids * 10_000)
    return Pair(
        name="claim detail",
        ours=lambda: api_get(client, f"/api/claims/{next(ours_ids)}/"),
        floor=lambda: floor.detail(next(floor_ids)),
        target=3.0,
    )


def search_pair(client, floor: Floor) -> Pair:
    query = urlencode({"q": SEARCH, "page_size": PAGE})
    return Pair(
        name=f"text search {SEARCH!r}, page 1",
        ours=lambda: api_get(client, f"/api/claims/?{query}"),
        floor=lambda: floor.page(f"AND {TEXT_MATCH}", (SEARCH,), query),
        target=1.5,
    )


def incremental_pairs(client, floor: Floor) -> list[Pair]:
    """At metrics of each size: a new claim's check against its metric (the findings that involve
    it, GET /api/claims/<id>/conflicts/), and the metric's whole report; each against reading
    the metric's rows."""
    pairs = []
    for metric_id, slug, count in metric_sizes(floor):
        claim_id = floor.conn.execute(
            "SELECT max(id) FROM claims_claim WHERE metric_id = %s AND status = 'confirmed'",
            (metric_id,),
        ).fetchone()[0]
        for name, path, note in (
            ("incremental check", f"/api/claims/{claim_id}/conflicts/", f"claim {claim_id}"),
            ("metric report", f"/api/metrics/{metric_id}/report/", f"metric {slug}"),
        ):
            pairs.append(Pair(
                name=f"{name}, {count:,} claims",
                ours=lambda path=path: api_get(client, path),
                floor=lambda i=metric_id: floor.metric_rows(i),
                note=note,
            ))  # fmt: skip
    return pairs


def extraction_pair(chars: int) -> Pair:
    from quantulum3 import parser as quantulum

    from claims.core.extraction import extract
    from tests.benchmarks.bench_extraction import corpus_text

    text = corpus_text(chars)
    paragraphs = text.split("\n\n")
    return Pair(
        name=f"extraction, {len(text):,} characters",
        ours=lambda: extract(text),
        floor=lambda: [quantulum.parse(paragraph) for paragraph in paragraphs],
        unit="s",
        note="floor: quantulum3's parser alone on the same paragraphs",
    )


# -- bulk import: the API vs bulk_create vs COPY -----------------------------------------------


class Bulk:
    """``count`` new claims into fresh articles, three ways; every way starts from no claims.

    The claims come from synthetic.py (their own articles, bodies built from their quotes), the
    articles COPYed in under new ids, URLs and hashes before each round and dropped after it."""

    COLUMNS = [c for c in synthetic.CLAIM_COLUMNS if c != "id"]
    PROFILE_ITEMS = 100

    def __init__(self, url: str, count: int, token: str, client) -> None:
        from claims.services import BULK_LIMIT

        self.floor = psycopg.connect(url, autocommit=True, prepare_threshold=None)
        self.client, self.token, self.limit = client, token, BULK_LIMIT
        metrics = self.floor.execute("SELECT count(*) FROM claims_metric").fetchone()[0]
        # The database's seed: metrics are drawn first, so their units and places are the ones
        # stored; the claims and articles differ because there are fewer of them.
        data = synthetic.DataSet(synthetic.Sizes.for_claims(count, metrics))
        self.base = self.floor.execute("SELECT max(id) FROM sources_article").fetchone()[0] + 10
        self.articles, self.claims = [], []
        for article, claims in data.articles_with_claims():
            self.articles.append(article)
            for row in claims:
                values = dict(zip(synthetic.CLAIM_COLUMNS, row, strict=True))
                values.update(article_id=self.base + values["article_id"], verdict="",
                              verdict_at=None)  # fmt: skip
                del values["id"]
                self.claims.append(values)
        self.rejected = 0

    def add_articles(self, number: int) -> None:
        import hashlib

        def rows():
            for article in self.articles:
                row = list(article)
                row[0] = self.base + article[0]
                row[2] = f"https://bulk.example/{number}/{article[0]}"
                row[8] = hashlib.sha256(f"bulk {number} {article[0]} {row[7]}".encode()).hexdigest()
                yield row

        from tests.benchmarks.bench_report import copy_rows

        with self.floor.cursor() as cur:
            copy_rows(cur, "sources_article", synthetic.ARTICLE_COLUMNS, rows())

    def clear_claims(self) -> None:
        span = (self.base + 1, self.base + len(self.articles))
        self.floor.execute("DELETE FROM claims_claim WHERE article_id BETWEEN %s AND %s", span)
        self.floor.execute(
            "DELETE FROM claims_historicalclaim WHERE article_id BETWEEN %s AND %s", span
        )

    def drop_articles(self) -> None:
        self.clear_claims()
        self.floor.execute(
            "DELETE FROM sources_article WHERE id BETWEEN %s AND %s",
            (self.base + 1, self.base + len(self.articles)),
        )

    def items(self) -> list[dict]:
        """The claims as the API takes them (ClaimWriteSerializer's fields)."""
        names = {"article_id": "article", "speaker_id": "speaker", "metric_id": "metric"}
        keep = {"quote", "figure", "start", "end", "value_low", "value_high", "qualifier", "unit",
                "subject", "scope", "as_of_start", "as_of_end", "as_of_precision", "status",
                "note", *names}  # fmt: skip
        return [
            {names.get(k, k): v for k, v in claim.items() if k in keep} for claim in self.claims
        ]

    def payloads(self) -> list[bytes]:
        """The request bodies: the claims in chunks of the API's limit."""
        items = self.items()
        return [orjson.dumps(items[i : i + self.limit]) for i in range(0, len(items), self.limit)]

    def api(self, payloads: list[bytes]) -> None:
        for number, body in enumerate(payloads):
            response = self.client.post(
                "/api/claims/bulk/", data=body, content_type="application/json",
                HTTP_AUTHORIZATION=f"Token {self.token}",
            )  # fmt: skip
            if response.status_code != 201:
                raise BulkRefused(number, response.content)

    def bulk_create(self) -> None:
        from claims.models import Claim

        Claim.objects.bulk_create([Claim(**claim) for claim in self.claims], batch_size=1000)

    def copy(self) -> None:
        names = ", ".join(f'"{c}"' for c in self.COLUMNS)
        with self.floor.cursor() as cur, cur.copy(f"COPY claims_claim ({names}) FROM STDIN") as cp:
            for claim in self.claims:
                cp.write_row([claim[c] for c in self.COLUMNS])

    def drop_refused(self, failure: BulkRefused) -> None:
        """Leave out the items the API refused (the synthetic rows the model's rules reject)."""
        errors = json.loads(failure.body).get("errors", [])
        bad = {failure.chunk * self.limit + e["index"] for e in errors}
        if not bad:
            raise RuntimeError(f"bulk refused without item errors: {failure.body[:300]!r}")
        self.claims = [c for i, c in enumerate(self.claims) if i not in bad]
        self.rejected += len(bad)

    def measure(self, rounds: int, target: float) -> dict:
        """Interleaved rounds of the three ways (each from no claims); the API's profile over
        ``PROFILE_ITEMS`` claims when its ratio to COPY misses ``target``."""
        times: dict[str, list[float]] = {"api": [], "bulk_create": [], "copy": []}
        self.add_articles(0)
        try:
            self.api([orjson.dumps(self.items()[:10])])  # warm-up
            self.clear_claims()
            sides = {"api": self.api_all, "bulk_create": self.bulk_create, "copy": self.copy}
            number = 0
            while number < rounds:
                order = list(sides)[number % 3 :] + list(sides)[: number % 3]
                try:
                    for side in order:
                        start = time.perf_counter()
                        sides[side]()
                        times[side].append(time.perf_counter() - start)
                        self.clear_claims()
                except BulkRefused as failure:  # leave the refused items out, start again
                    self.clear_claims()
                    self.drop_refused(failure)
                    times = {side: [] for side in times}
                    number = 0
                    continue
                number += 1
            result = {side: summary(values) for side, values in times.items()}
            if result["api"]["median"] / result["copy"]["median"] > target:
                sample = [orjson.dumps(self.items()[: self.PROFILE_ITEMS])]
                result["profile"] = profile(
                    lambda: (self.api(sample), self.clear_claims()), calls=1, top=16
                )
                result["profile_items"] = self.PROFILE_ITEMS
        finally:
            self.drop_articles()
        result.update(claims=len(self.claims), rejected=self.rejected, chunk=self.limit)
        return result

    def api_all(self) -> None:
        self.api(self.payloads())


class BulkRefused(Exception):
    def __init__(self, chunk: int, body: bytes) -> None:
        super().__init__(f"chunk {chunk} refused")
        self.chunk, self.body = chunk, body


# -- the child's entry point ----------------------------------------------------------------


def run(url: str, *, tier: str, rounds: int, round_seconds: float, bulk_claims: int,
        extraction_chars: int, profile_report: bool) -> dict:  # fmt: skip
    """Everything this process measures on ``url``; ``tier`` "scale" does lists and metric
    reports only (the points of the cost-against-size plot)."""
    import django

    django.setup()
    from django.test import Client

    editor, token = users()
    anonymous = Client()
    floor = Floor(url)
    pairs = list_pairs(anonymous, floor, target=3.0) + incremental_pairs(anonymous, floor)
    if tier == "full":
        pairs += [detail_pair(anonymous, floor), search_pair(anonymous, floor)]
        pairs.append(extraction_pair(extraction_chars))
    results = []
    for pair in pairs:
        result = measure(pair, rounds, round_seconds)
        if pair.target and result["ratio"] > pair.target:
            result["profile"] = profile(pair.ours)
            result["floor_profile"] = profile(pair.floor)
        results.append(result)
        print(f"  {pair.name}: ratio {result['ratio']:.2f}", file=sys.stderr, flush=True)
    outcome = {"pairs": results, "token": token, "editor": editor.username}
    if tier == "full":
        bulk = Bulk(url, bulk_claims, token, Client())
        outcome["bulk"] = bulk.measure(max(2, rounds // 2), target=10.0)
        outcome["load_test_data"] = load_test_data(floor)
        outcome["plans"] = list_plans(anonymous, floor)
        if profile_report:
            outcome["report_profile"] = report_profile()
    return outcome


def list_plans(client, floor: Floor) -> dict:
    """The claim list queries' plans on this database (tests/test_query_plans.py's cases, at the
    benchmark's size): how each reads claims_claim, and any sequential scan in the plan."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    busiest = metric_sizes(floor)[-1][1]
    deep = deep_position(floor, "", ())
    cases = {
        "by metric": f"metric={busiest}",
        "by status, newest first": "status=candidate&ordering=-created_at",
        "by as-of range": "as_of_after=2020-01-01&as_of_before=2020-03-31",
        "by verdict": "verdict=overstated",
        "text search": urlencode({"q": SEARCH}),
        "first page": "",
        "deep cursor page": f"cursor={cursor(deep)}",
    }
    editor = Client()
    editor.force_login(User.objects.get(username=EDITOR))
    plans = {}
    for name, query in cases.items():
        seen: list[tuple[str, tuple]] = []

        def keep(execute, sql, params, many, context, seen=seen):
            seen.append((sql, params))
            return execute(sql, params, many, context)

        asker = editor if "status" in name else client
        with connection.execute_wrapper(keep):
            api_get(asker, f"/api/claims/?page_size={PAGE}&{query}")
        sql, params = next((q, v) for q, v in seen if 'FROM "claims_claim"' in q and "LIMIT" in q)
        with connection.cursor() as cur:
            cur.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            document = cur.fetchone()[0]
        root = (json.loads(document) if isinstance(document, str) else document)[0]
        plans[name] = {
            "claims_scans": scan_nodes(root["Plan"], "claims_claim"),
            "seq_scans": sorted({n for n in scan_nodes(root["Plan"], None) if n}),
            "ms": root["Execution Time"],
        }
    return plans


def scan_nodes(node: dict, table: str | None) -> list[str]:
    """How ``table`` is read in the plan (node type and index); with None, the tables read by a
    sequential scan."""
    if table is None:
        found = [node["Relation Name"]] if node.get("Node Type") == "Seq Scan" else []
    elif node.get("Relation Name") == table:
        index = node.get("Index Name") or " ".join(bitmap_indexes(node))
        found = [f"{node['Node Type']} {index}".strip()]
    else:
        found = []
    for child in node.get("Plans", []):
        found += scan_nodes(child, table)
    return found


def bitmap_indexes(node: dict) -> list[str]:
    """The indexes under a bitmap heap scan."""
    names = [node["Index Name"]] if node.get("Node Type") == "Bitmap Index Scan" else []
    for child in node.get("Plans", []):
        names += bitmap_indexes(child)
    return names


def report_profile() -> dict:
    """The whole report's first batch of metrics rendered as CSV, profiled."""
    from claims.models import Claim, Metric
    from claims.reports import build
    from claims.reports.render import render

    ids = list(Metric.objects.order_by("slug").values_list("id", flat=True)[: build.METRIC_BATCH])

    def batch() -> None:
        reports = build._batch_reports(ids, [Claim.Status.CONFIRMED], build.ReportFilter(), ())
        for _ in render("csv", reports):
            pass

    return profile(batch, calls=1, top=20)


def load_test_data(floor: Floor) -> dict:
    """What the load test's clients pick from: confirmed claims, busy metrics, search words."""
    ids = [r[0] for r in floor.conn.execute(
        "SELECT id FROM claims_claim WHERE status = 'confirmed' ORDER BY random() LIMIT 5000"
    )]  # fmt: skip
    metrics = [r[0] for r in floor.conn.execute(
        "SELECT m.slug FROM claims_metric m JOIN claims_claim c ON c.metric_id = m.id "
        "GROUP BY m.slug ORDER BY count(*) DESC LIMIT 500"
    )]  # fmt: skip
    words = sorted({place.split()[-1] for place in synthetic.PLACES})
    subjects = sorted({subject.split()[0] for subject, *_ in synthetic.SUBJECTS})
    random.Random(1).shuffle(ids)
    return {"claim_ids": ids, "metrics": metrics, "words": words + subjects}
