"""Grouping ungrouped claims into metrics: the proposals (a selector), applying them (a service),
the command and the admin action."""

from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.admin_grouping import group_claims_action
from claims.grouping import ClaimProposal, grouping_proposals, proposals_apply
from claims.models import Claim, Metric
from tests.factories import ClaimFactory, MetricFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def isis_fighters():
    return MetricFactory(
        slug="isis-fighters-iraq-syria",
        name="ISIS fighters in Iraq and Syria",
        scope="Iraq and Syria",
    )


@pytest.fixture
def us_troops():
    return MetricFactory(slug="us-troops-iraq", name="U.S. troops in Iraq", scope="Iraq")


def ungrouped(subject: str, scope: str = "", **fields) -> Claim:
    return ClaimFactory(subject=subject, scope=scope, metric=None, **fields)


def test_an_ungrouped_claim_is_proposed_for_the_metric_it_measures(isis_fighters, us_troops):
    claim = ungrouped("ISIS militants", "Iraq and Syria")
    (proposal,) = grouping_proposals()
    assert (proposal.claim_id, proposal.metric_id) == (claim.pk, isis_fighters.pk)
    assert proposal.metric_slug == "isis-fighters-iraq-syria"
    assert proposal.confidence >= 0.9


def test_grouped_and_rejected_claims_get_no_proposal(isis_fighters):
    ClaimFactory(subject="ISIS fighters", scope="Iraq and Syria", metric=isis_fighters)
    ungrouped("ISIS militants", "Iraq and Syria", status=Claim.Status.REJECTED)
    assert grouping_proposals() == []


def test_claims_of_one_new_quantity_share_one_proposed_metric(isis_fighters):
    first = ungrouped("Hamas fighters", "Gaza")
    second = ungrouped("Hamas militants", "Gaza")
    proposals = grouping_proposals()
    assert [s.claim_id for s in proposals] == [first.pk, second.pk]
    assert proposals[0].new_metric is not None
    assert proposals[0].new_metric == proposals[1].new_metric
    assert proposals[0].target == "NEW Hamas fighters in Gaza"


def test_proposals_can_be_limited_to_some_claims(isis_fighters):
    chosen = ungrouped("ISIS militants", "Iraq and Syria")
    ungrouped("ISIS fighters", "Iraq and Syria")
    proposals = grouping_proposals(claims=Claim.objects.filter(pk=chosen.pk))
    assert [s.claim_id for s in proposals] == [chosen.pk]


def test_a_threshold_outside_0_and_1_is_refused():
    with pytest.raises(ValueError, match="between 0 and 1"):
        grouping_proposals(min_confidence=1.5)


def test_applying_assigns_claims_and_creates_the_proposed_metrics(isis_fighters, editor):
    isis = ungrouped("ISIS militants", "Iraq and Syria")
    hamas = [ungrouped("Hamas fighters", "Gaza"), ungrouped("Hamas militants", "Gaza")]
    counts = proposals_apply(proposals=grouping_proposals(), user=editor)
    assert (counts.assigned, counts.created, counts.grouped, counts.skipped) == (1, 1, 2, 0)
    isis.refresh_from_db()
    assert isis.metric == isis_fighters
    created = Metric.objects.get(slug="hamas-fighters-in-gaza")
    assert (created.canonical_unit, created.scope, created.kind) == ("count", "Gaza", "level")
    assert set(created.claims.all()) == set(hamas)
    assert isis.history.latest().history_user == editor


def test_applying_never_changes_a_claim_that_got_a_metric_meanwhile(isis_fighters, us_troops):
    claim = ungrouped("ISIS militants", "Iraq and Syria")
    proposals = grouping_proposals()
    Claim.objects.filter(pk=claim.pk).update(metric=us_troops)
    counts = proposals_apply(proposals=proposals)
    claim.refresh_from_db()
    assert claim.metric == us_troops
    assert (counts.assigned, counts.skipped) == (0, 1)


def test_applying_never_assigns_a_claim_whose_unit_does_not_convert(isis_fighters):
    claim = ungrouped("ISIS militants", "Iraq and Syria", unit="km")
    forced = ClaimProposal(
        claim_id=claim.pk,
        figure=claim.figure,
        subject=claim.subject,
        unit="km",
        confidence=1.0,
        reason="forced",
        metric_id=isis_fighters.pk,
        metric_slug=isis_fighters.slug,
    )
    counts = proposals_apply(proposals=[forced])
    claim.refresh_from_db()
    assert claim.metric is None
    assert (counts.assigned, counts.skipped) == (0, 1)


def test_proposals_take_the_same_number_of_queries_for_10_and_50_claims(isis_fighters):
    def queries_for(n: int) -> int:
        Claim.objects.all().delete()
        for i in range(n):
            ungrouped("ISIS militants" if i % 2 else f"Hamas fighters {i}", "Gaza")
        ClaimFactory(subject="ISIS fighters", scope="Iraq and Syria", metric=isis_fighters)
        with CaptureQueriesContext(connection) as queries:
            assert len(grouping_proposals()) == n
        return len(queries)

    assert queries_for(10) == queries_for(50)


def run(*args: str) -> str:
    out = StringIO()
    call_command("group_claims", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_one_line_per_proposal_within_100_columns(isis_fighters):
    claims = [
        ungrouped("ISIS militants", "Iraq and Syria"),
        ungrouped("a very long subject about displaced families in a province far away", "Gaza"),
    ]
    lines = run().splitlines()
    rows = [line for line in lines if " -> " in line]
    assert len(rows) == len(claims)
    assert "isis-fighters-iraq-syria" in rows[0] and rows[0].startswith("*")
    assert "NEW " in rows[1]
    assert all(len(line) <= 100 for line in lines)
    assert Claim.objects.filter(metric__isnull=False).count() == 0


def test_the_command_applies_proposals_at_the_threshold_and_prints_counts(isis_fighters):
    claim = ungrouped("ISIS militants", "Iraq and Syria")
    alone = ungrouped("Hezbollah fighters", "Lebanon")
    output = run("--apply")
    assert "Applied: 1 claim(s) put into existing metrics, 0 new metric(s)" in output
    claim.refresh_from_db()
    alone.refresh_from_db()
    assert claim.metric == isis_fighters
    assert alone.metric is None


def test_a_lower_threshold_also_applies_a_claim_of_its_own(isis_fighters):
    alone = ungrouped("Hezbollah fighters", "Lebanon")
    run("--apply", "--min-confidence", "0.5")
    alone.refresh_from_db()
    assert alone.metric.slug == "hezbollah-fighters-in-lebanon"


@pytest.mark.parametrize("value", ["1.5", "-0.1", "abc", "nan"])
def test_the_command_refuses_a_bad_min_confidence_in_one_line(value):
    with pytest.raises(CommandError) as error:
        call_command("group_claims", "--min-confidence", value, stdout=StringIO())
    message = str(error.value)
    assert "--min-confidence" in message and value in message and "\n" not in message


def action_request(user):
    request = RequestFactory().post("/admin/claims/claim/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_the_admin_action_applies_proposals_for_the_selected_claims(isis_fighters, editor):
    selected = ungrouped("ISIS militants", "Iraq and Syria")
    other = ungrouped("ISIS fighters", "Iraq and Syria")
    request = action_request(editor)
    group_claims_action(admin.site._registry[Claim], request, Claim.objects.filter(pk=selected.pk))
    selected.refresh_from_db()
    other.refresh_from_db()
    assert selected.metric == isis_fighters
    assert other.metric is None
    (message,) = get_messages(request)
    assert str(message) == "1 selected: 1 grouped, 0 left"


def test_the_admin_action_says_when_it_changed_nothing(isis_fighters, editor):
    grouped = ClaimFactory(subject="ISIS fighters", scope="Iraq and Syria", metric=isis_fighters)
    request = action_request(editor)
    group_claims_action(admin.site._registry[Claim], request, Claim.objects.filter(pk=grouped.pk))
    (message,) = get_messages(request)
    assert message.level_tag == "warning"
    assert str(message) == (
        f"1 selected: 0 grouped, 1 left: #{grouped.pk} '3,000 to 5,000': "
        "already in ISIS fighters in Iraq and Syria"
    )


def test_the_admin_action_counts_the_selection_and_names_each_claim_it_left(isis_fighters, editor):
    fits = [ungrouped("ISIS fighters", "Iraq and Syria") for _ in range(3)]
    pair = [ungrouped("people displaced", "Sudan") for _ in range(2)]
    rejected = ungrouped("ISIS fighters", "Iraq and Syria", status=Claim.Status.REJECTED)
    stray = ungrouped("barrels of oil exported", "Iraq")
    selected = [*fits, *pair, rejected, stray]
    request = action_request(editor)
    # The changelist filtered on "no metric": what is grouped drops out of this queryset.
    queryset = Claim.objects.filter(metric__isnull=True, pk__in=[c.pk for c in selected])
    group_claims_action(admin.site._registry[Claim], request, queryset)
    (message,) = get_messages(request)
    text = str(message)
    assert text.startswith("7 selected: 5 grouped (2 into 1 new metric(s)), 2 left: ")
    assert f"#{rejected.pk} '3,000 to 5,000': rejected" in text
    assert f"#{stray.pk} '3,000 to 5,000': no metric at 0.6 (best NEW " in text
    assert Claim.objects.filter(metric=isis_fighters).count() == 3


def test_the_admin_action_needs_the_change_permission():
    assert group_claims_action.allowed_permissions == ["change"]


def test_the_admin_claim_list_offers_the_grouping_action(editor_client):
    metric = MetricFactory(name="ISIS fighters in Iraq and Syria", scope="Iraq and Syria")
    claim = ClaimFactory(metric=None, subject="ISIS fighters", scope="Iraq and Syria")
    response = editor_client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "group_claims_action", "_selected_action": [claim.pk]},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.metric == metric
