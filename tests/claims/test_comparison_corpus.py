"""End to end on articles we wrote with real-world figures that disagree (comparison_corpus/):
import, extraction, group_claims --apply, then the report must group them and find the
conflicts and changes expected.toml lists, and nothing between the pairs it says agree."""

import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.grouping import grouping_proposals, proposals_apply, proposals_at
from claims.models import Claim, Metric
from claims.reports.build import ReportFilter, metric_reports
from sources.models import Article
from sources.text import content_hash

CORPUS = Path(__file__).resolve().parent / "comparison_corpus"
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.django_db


@pytest.fixture
def pipeline(django_capture_on_commit_callbacks, tasks_in_process):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(CORPUS / "articles"), stdout=StringIO())
    proposals_apply(proposals=proposals_at(grouping_proposals(), 0.6))


def claim_of(ref: dict) -> Claim:
    body = (CORPUS / "articles" / f"{ref['article']}.txt").read_text(encoding="utf-8")
    article = Article.objects.get(content_hash=content_hash(body))
    position = article.body.index(ref["figure"])
    found = Claim.objects.filter(
        article=article, start__lte=position, end__gte=position + 1
    ).first()
    assert found is not None, f"{ref['figure']!r} in {ref['article']} was not extracted"
    return found


def metric_of(key: str) -> Metric:
    spec = next(m for m in EXPECTED["metric"] if m["key"] == key)
    metrics = {claim_of(ref).metric for ref in spec["members"]}
    assert len(metrics) == 1 and None not in metrics, (
        f"{key}: its figures went to {sorted(str(m) for m in metrics)}"
    )
    return metrics.pop()


def findings(metric: Metric) -> dict[frozenset[int], str]:
    report = next(metric_reports(ReportFilter(metric=metric.slug, include_candidates=True)))
    return {frozenset((f.older_id, f.newer_id)): f.kind for f in report.findings}


def pair(item: dict) -> frozenset[int]:
    return frozenset((claim_of(item["a"]).pk, claim_of(item["b"]).pk))


@pytest.mark.parametrize("spec", EXPECTED["metric"], ids=lambda spec: spec["key"])
def test_each_quantity_gets_one_metric_and_keeps_the_others_out(pipeline, spec):
    metric = metric_of(spec["key"])
    for ref in spec.get("not_members", []):
        assert claim_of(ref).metric != metric, f"{ref} must not be in {spec['key']}"


@pytest.mark.parametrize("item", EXPECTED["conflict"], ids=lambda i: i["metric"])
def test_the_expected_conflicts_are_found(pipeline, item):
    assert findings(metric_of(item["metric"])).get(pair(item)) == "conflict"


@pytest.mark.parametrize("item", EXPECTED["change"], ids=lambda i: i["metric"])
def test_the_expected_changes_over_time_are_found(pipeline, item):
    assert findings(metric_of(item["metric"])).get(pair(item)) == "change"


@pytest.mark.parametrize("item", EXPECTED.get("agreement", []), ids=lambda i: i["metric"])
def test_figures_that_agree_are_not_reported(pipeline, item):
    assert pair(item) not in findings(metric_of(item["metric"]))
