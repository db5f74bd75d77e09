"""claims_group: the one grouping service behind group_claims and the admin action."""

import pytest

from claims.grouping import claims_group
from tests.factories import ClaimFactory, MetricFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def isis_fighters():
    return MetricFactory(
        slug="isis-fighters-iraq-syria", name="ISIS fighters in Iraq and Syria",
        scope="Iraq and Syria",
    )  # fmt: skip


def test_grouping_puts_a_claim_into_the_metric_it_measures(isis_fighters):
    claim = ClaimFactory(subject="ISIS militants", scope="Iraq and Syria", metric=None)
    result = claims_group(min_confidence=0.6)
    claim.refresh_from_db()
    assert (claim.metric, result.counts.assigned, len(result.chosen)) == (isis_fighters, 1, 1)


def test_grouping_without_apply_proposes_and_changes_nothing(isis_fighters):
    claim = ClaimFactory(subject="ISIS militants", scope="Iraq and Syria", metric=None)
    result = claims_group(min_confidence=0.6, apply=False)
    claim.refresh_from_db()
    assert [s.metric_id for s in result.chosen] == [isis_fighters.pk]
    assert (claim.metric, result.counts.assigned) == (None, 0)


def test_a_threshold_outside_zero_to_one_is_refused_and_nothing_changes(isis_fighters):
    claim = ClaimFactory(subject="ISIS militants", scope="Iraq and Syria", metric=None)
    with pytest.raises(ValueError, match="min_confidence"):
        claims_group(min_confidence=1.5)
    claim.refresh_from_db()
    assert claim.metric is None
