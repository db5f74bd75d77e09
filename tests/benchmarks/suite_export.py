"""Peak memory of the CSV export of all claims, each side in a fresh process (bench_suite child).

- ours: a superuser's GET /api/claims/export/ through Django's test Client, the streamed body read
  chunk by chunk into a sink that keeps only its size;
- baseline: the same process's peak after django.setup() and one small API request, before the
  export (what any request-serving process holds anyway);
- the floor: psycopg alone, ``COPY (SELECT the same columns) TO STDOUT (FORMAT csv)`` into the
  same sink.

Peak RSS is the kernel's high-water mark (VmHWM), as in bench_report.
"""

from __future__ import annotations

import time

from tests.benchmarks.bench_report import ByteSink, peak_rss_mib

FLOOR_SQL = """
COPY (
    SELECT c.id, c.figure, c.value_low, c.value_high, c.qualifier, c.unit, c.subject, c.scope,
           s.name, m.slug, c.as_of_start, c.as_of_end, c.status, c.verdict, c.article_id,
           a.title, a.url, o.name, a.published, c.quote
    FROM claims_claim c
    JOIN sources_article a ON a.id = c.article_id
    LEFT JOIN sources_outlet o ON o.id = a.outlet_id
    LEFT JOIN claims_speaker s ON s.id = c.speaker_id
    LEFT JOIN claims_metric m ON m.id = c.metric_id
    ORDER BY c.id
) TO STDOUT (FORMAT csv, HEADER)
"""


def ours(username: str) -> dict:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username=username))
    client.get("/api/claims/?page_size=1")
    baseline = peak_rss_mib()
    sink = ByteSink()
    start = time.perf_counter()
    response = client.get("/api/claims/export/")
    if response.status_code != 200:
        raise RuntimeError(f"export: {response.status_code}")
    for chunk in response.streaming_content:
        sink.write(chunk.decode() if isinstance(chunk, bytes) else chunk)
    response.close()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": sink.bytes, "rows": sink.lines - 1,
            "baseline_peak_rss_mib": baseline, "peak_rss_mib": peak_rss_mib()}  # fmt: skip


def floor(url: str) -> dict:
    import psycopg

    size = lines = 0
    start = time.perf_counter()
    with psycopg.connect(url) as conn, conn.cursor() as cursor, cursor.copy(FLOOR_SQL) as copy:
        for block in copy:
            size += len(block)
            lines += bytes(block).count(b"\n")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": size, "rows": lines - 1, "peak_rss_mib": peak_rss_mib()}
