"""The readers' pages: the fact-check index, one page per fact-check, one per metric.

No login; only published reviews and confirmed claims; every page cached for
``PUBLIC_PAGES_CACHE_SECONDS`` with Django's cache framework (a newly published or withdrawn
verdict shows within that time). Every user string goes through the templates' autoescaping;
the embedded JSON-LD is escaped so that no text in it can close its ``<script>``.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from claims.core.verdicts import CHOICES, SCALE, Verdict
from claims.models import Claim, Metric
from claims.reports.render import resolution_text
from reviews.claimreview import claimreview_document
from reviews.public.selectors import (
    fact_checks_by_claim,
    public_metric_report,
    public_metrics,
    public_review_search,
    public_reviews,
)

PAGE_SIZE = 20
# A metric with hundreds of figures can have thousands of findings: the page lists resolved ones,
# then open conflicts, then changes over time, up to this many, and says how many more there are.
FINDINGS_SHOWN = 100
# A "<" in a text would let "</script>" end the JSON-LD block early; "&" and ">" are escaped too
# so that the block reads the same to an HTML parser and to a JSON one.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(document: dict[str, Any]) -> SafeString:
    """``document`` as JSON safe to place inside ``<script type="application/ld+json">``."""
    return mark_safe(json.dumps(document, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


def _cached(view):
    return cache_page(settings.PUBLIC_PAGES_CACHE_SECONDS, key_prefix="public")(require_safe(view))


def _quote_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence split around its figure (before, figure, after), for marking it."""
    at = claim.quote.find(claim.figure)
    if at < 0:
        return claim.quote, "", ""
    return claim.quote[:at], claim.figure, claim.quote[at + len(claim.figure) :]


def _verdict(code: str) -> dict[str, Any]:
    info = SCALE[Verdict(code)]
    return {"code": code, "label": info.label, "value": info.rating_value, "meaning": info.meaning}


def fact_check_index(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    verdict = request.GET.get("verdict", "")
    verdict = verdict if verdict in Verdict.__members__.values() else ""
    metric = request.GET.get("metric", "")[:150]
    checker = request.GET.get("checker", "").strip()[:300]
    reviews = public_review_search(q=q, verdict=verdict, metric=metric, checker=checker)
    page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {"review": review, "verdict": _verdict(review.rating), "parts": _quote_parts(review.claim)}
        for review in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reviews/public/index.html",
        {
            "page": page,
            "rows": rows,
            "q": q,
            "verdict": verdict,
            "metric": metric,
            "checker": checker,
            "verdicts": CHOICES,
            "metrics": public_metrics().values_list("slug", "name"),
            "query": query.urlencode(),
            "organisation": settings.CLAIMREVIEW_ORGANIZATION_NAME,
        },
    )


def fact_check_page(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(public_reviews(), pk=pk)
    claim = review.claim
    document = claimreview_document(review, request=request)
    return render(
        request,
        "reviews/public/fact_check.html",
        {
            "review": review,
            "claim": claim,
            "article": claim.article,
            "source_url": claim.article.url or review.source_appearance_url,
            "parts": _quote_parts(claim),
            "verdict": _verdict(review.rating),
            "claim_reviewed": document["claimReviewed"],
            "checker": review.source_organization or settings.CLAIMREVIEW_ORGANIZATION_NAME,
            "evidence": [link for link in review.evidence or [] if isinstance(link, str)],
            "json_ld": json_ld(document),
        },
    )


def metric_page(request: HttpRequest, slug: str) -> HttpResponse:
    metric = get_object_or_404(Metric, slug=slug)
    report = public_metric_report(metric)
    if report is None:
        raise Http404("no confirmed figure for this metric")
    fact_checks = fact_checks_by_claim([c.id for c in report.claims])
    claims = []
    for c in report.claims:
        review_id, rating = fact_checks.get(c.id, (None, c.verdict))
        verdict = _verdict(rating) if rating else None
        claims.append({"claim": c, "verdict": verdict, "fact_check": review_id})
    by_id = {c.id: c for c in report.claims}
    ordered = sorted(
        report.findings, key=lambda f: (not f.resolution_kind, f.kind != "conflict")
    )  # stable: within each group, the report's own order
    findings = [
        {
            "finding": f,
            "older": by_id.get(f.older_id),
            "newer": by_id.get(f.newer_id),
            "resolution": resolution_text(f.resolution_kind) if f.resolution_kind else "",
        }
        for f in ordered[:FINDINGS_SHOWN]
    ]
    return render(
        request,
        "reviews/public/metric.html",
        {
            "metric": metric,
            "report": report,
            "claims": claims,
            "findings": findings,
            "more_findings": max(0, len(ordered) - FINDINGS_SHOWN),
        },
    )


def metric_chart(request: HttpRequest, slug: str) -> HttpResponse:
    """The metric's comparison chart as an SVG image of its own.

    The pages load it with ``<img>``: drawing a chart of many findings takes longer than the
    rest of the page, so the page itself answers as fast as the API's report, and the image is
    cached on its own. In an ``<img>`` an SVG runs no script; the policy header says so too.
    """
    metric = get_object_or_404(Metric, slug=slug)
    report = public_metric_report(metric)
    # matplotlib loads with the chart module: only when a chart is drawn, not at start-up.
    from claims.reports.chart import metric_chart_svg

    svg = metric_chart_svg(report) if report is not None else ""
    if not svg:
        raise Http404("nothing to draw for this metric")
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


fact_check_index = _cached(fact_check_index)
fact_check_page = _cached(fact_check_page)
metric_page = _cached(metric_page)
metric_chart = _cached(metric_chart)
