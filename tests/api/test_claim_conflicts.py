"""GET /api/claims/<id>/conflicts/: one claim checked against its metric's confirmed claims."""

import datetime as dt

import pytest
from django.test import Client

from claims.reports.build import claim_report
from tests.factories import ClaimFactory, MetricFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2020, 1, 15)


def a_claim(metric, value, *, status="confirmed", day=DAY, **fields):
    return ClaimFactory(
        metric=metric, value_low=value, value_high=value, qualifier="exact", unit="count",
        as_of_start=day, as_of_end=day, status=status, **fields,
    )  # fmt: skip


@pytest.fixture
def metric():
    return MetricFactory(canonical_unit="count", comparability_days=365)


def test_a_claim_lists_the_figures_it_conflicts_with_and_not_the_others(metric):
    claim = a_claim(metric, 20_000)
    agrees = a_claim(metric, 20_000)
    disagrees = a_claim(metric, 15_000)
    other_pair = (a_claim(metric, 3_000), a_claim(metric, 50_000))  # conflict without the claim
    answer = Client().get(f"/api/claims/{claim.pk}/conflicts/")
    assert answer.status_code == 200
    body = answer.json()
    assert body["claim"] == claim.pk and body["slug"] == metric.slug
    pairs = {frozenset((f["older_claim"], f["newer_claim"])) for f in body["findings"]}
    assert pairs == {frozenset((claim.pk, disagrees.pk)), frozenset((claim.pk, other_pair[0].pk)),
                     frozenset((claim.pk, other_pair[1].pk))}  # fmt: skip
    shown = [c["id"] for c in body["claims"]]
    assert shown[0] == claim.pk and agrees.pk not in shown


def test_the_check_equals_the_metrics_report_restricted_to_the_claim(metric):
    from claims.reports.build import ReportFilter, metric_reports

    claims = [a_claim(metric, v, day=DAY + dt.timedelta(days=200 * i))
              for i, v in enumerate([100, 140, 100, 90, 200, 100])]  # fmt: skip
    whole = next(metric_reports(ReportFilter(metric=metric.slug)))
    for claim in claims:
        checked = claim_report(claim)
        assert checked.findings == tuple(
            f for f in whole.findings if claim.pk in (f.older_id, f.newer_id)
        )


def test_a_candidate_is_checked_for_editors_and_hidden_from_anonymous_readers(
    metric, editor_client
):
    a_claim(metric, 20_000)
    candidate = a_claim(metric, 9_000, status="candidate")
    assert Client().get(f"/api/claims/{candidate.pk}/conflicts/").status_code == 404
    body = editor_client.get(f"/api/claims/{candidate.pk}/conflicts/").json()
    assert len(body["findings"]) == 1 and body["findings"][0]["kind"] == "conflict"


def test_a_claim_without_a_metric_has_nothing_to_compare():
    claim = ClaimFactory(metric=None, status="confirmed")
    body = Client().get(f"/api/claims/{claim.pk}/conflicts/").json()
    assert body == {"claim": claim.pk, "slug": None, "claims": [], "findings": [],
                    "summary": None}  # fmt: skip


def test_an_unknown_claim_is_a_404():
    assert Client().get("/api/claims/999999/conflicts/").status_code == 404


def test_the_check_runs_a_fixed_number_of_queries(metric, django_assert_max_num_queries):
    claim = a_claim(metric, 20_000)
    for value in range(1, 40):
        a_claim(metric, value * 1_000)
    with django_assert_max_num_queries(6):
        assert Client().get(f"/api/claims/{claim.pk}/conflicts/").status_code == 200
