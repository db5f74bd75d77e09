"""The claim list's filtered queries use indexes: no sequential scan of claims_claim.

On PostgreSQL only. Thirty thousand synthetic claims (tests/benchmarks/synthetic.py, loaded by
COPY with the offset trigger on, then VACUUM ANALYZE) go into the test database for this module
and are truncated after it. Each case makes the real API request, takes the list query the view
ran (the filter set's queryset, ordered and sliced by the cursor paginator) and reads its plan
with EXPLAIN (FORMAT JSON). A failure prints the plan: the fix is an index (a migration), not a
weaker test.
"""

import base64
import json
import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

CLAIMS, METRICS = 30_000, 300
TABLES = [
    "reviews_review", "claims_conflictresolution", "claims_historicalclaim", "claims_claim",
    "sources_article", "claims_metric", "claims_speaker", "sources_outlet",
]  # fmt: skip

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="query plans are PostgreSQL's: needs DATABASE_URL",
    ),
]


def database_url(settings_dict: dict) -> str:
    user, password = settings_dict["USER"], settings_dict["PASSWORD"]
    login = f"{user}:{password}@" if password else f"{user}@"
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    return f"postgres://{login}{host}:{port}/{settings_dict['NAME']}"


def truncate() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")


@pytest.fixture(scope="module")
def synthetic_claims(django_db_setup, django_db_blocker):
    """The synthetic data set, committed for this module's tests, then truncated."""
    from tests.benchmarks import bench_report

    with django_db_blocker.unblock():
        truncate()
        connection.close()  # the loader commits on connections of its own
        bench_report.load(database_url(connection.settings_dict), CLAIMS, METRICS)
        try:
            yield
        finally:
            truncate()


def scalar(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def busiest_metric() -> str:
    return scalar(
        "SELECT m.slug FROM claims_metric m JOIN claims_claim c ON c.metric_id = m.id "
        "GROUP BY m.slug ORDER BY count(*) DESC LIMIT 1"
    )


def deep_cursor() -> str:
    """DRF's cursor (ordering -id) for a page near the end: two pages of claims lie below it."""
    position = scalar(
        "SELECT id FROM claims_claim WHERE status = 'confirmed' ORDER BY id OFFSET 100 LIMIT 1"
    )
    return base64.b64encode(f"p={position}".encode()).decode()


# (who asks, the query string); callables are filled in once the data is there.
CASES = {
    "by metric": ("anonymous", lambda: {"metric": busiest_metric()}),
    "by status, newest first": (
        "editor",
        lambda: {"status": "candidate", "ordering": "-created_at"},
    ),
    "by as-of range": (
        "anonymous",
        lambda: {"as_of_after": "2020-01-01", "as_of_before": "2020-03-31"},
    ),
    "by verdict": ("anonymous", lambda: {"verdict": "overstated"}),
    "text search": ("anonymous", lambda: {"q": "refugees Kirkuk"}),
    "first page": ("anonymous", lambda: {}),
    "deep cursor page": ("anonymous", lambda: {"cursor": deep_cursor()}),
}


def list_query(client, params: dict) -> str:
    """The SQL of the claim list query the API runs for ``params`` (a page of 50)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/claims/", params)
    assert response.status_code == 200, response.content[:500]
    listing = [
        q["sql"] for q in queries if 'FROM "claims_claim"' in q["sql"] and "LIMIT" in q["sql"]
    ]
    assert len(listing) == 1, [q["sql"][:200] for q in queries.captured_queries]
    return listing[0]


def explain(sql: str, fmt: str) -> object:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT {fmt}) {sql}")
        rows = cursor.fetchall()
    if fmt == "TEXT":
        return "\n".join(row[0] for row in rows)
    document = rows[0][0]
    return (json.loads(document) if isinstance(document, str) else document)[0]["Plan"]


def scans_of(node: dict, table: str) -> list[str]:
    """The scan node types that read ``table`` anywhere in the plan."""
    found = [node["Node Type"]] if node.get("Relation Name") == table else []
    for child in node.get("Plans", []):
        found += scans_of(child, table)
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(CASES))
def test_a_filtered_claim_list_reads_claims_through_an_index(
    case, synthetic_claims, client, editor
):
    who, params = CASES[case]
    if who == "editor":
        client.force_login(editor)
    sql = list_query(client, params())

    scans = scans_of(explain(sql, "JSON"), "claims_claim")

    assert scans, f"no scan of claims_claim in the plan of {sql}"
    assert "Seq Scan" not in scans, f"{case}: sequential scan of claims_claim\n" + explain(
        sql, "TEXT"
    )
