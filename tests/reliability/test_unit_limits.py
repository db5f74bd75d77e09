"""Finding 1: a long unit string is refused by its length before pint reads any of it."""

import json
from unittest import mock

import pytest

from claims.core import units
from tests.factories import ArticleFactory, MetricFactory

pytestmark = pytest.mark.django_db

QUOTE = "Officials said on Monday that 3,000 to 5,000 fighters remain in the area."
LONG_UNIT = "km/" * 7000  # 21,000 characters: seconds of pint's parsing on the base commit


@pytest.fixture
def pint_must_not_parse():
    # Injects a failure: reaching pint's parser with the long text fails the test loudly.
    with mock.patch.object(
        units.registry(), "parse_units", side_effect=AssertionError("pint parsed the text")
    ) as parser:
        yield parser


def test_parse_unit_refuses_text_over_the_limit_before_parsing(pint_must_not_parse):
    with pytest.raises(units.UnitError, match="at most 50 characters"):
        units.parse_unit(LONG_UNIT)
    assert not pint_must_not_parse.called


def test_a_claim_with_a_long_unit_is_a_400_on_unit(editor_client, pint_must_not_parse):
    article = ArticleFactory(body=QUOTE)
    payload = {
        "article": article.pk, "quote": QUOTE, "figure": "3,000 to 5,000", "value_low": 3000,
        "value_high": 5000, "qualifier": "exact", "unit": LONG_UNIT, "subject": "fighters",
    }  # fmt: skip
    response = editor_client.post(
        "/api/claims/", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["unit"]
    assert "50 characters" in response.json()["unit"][0]
    assert not pint_must_not_parse.called


def test_a_metric_with_a_long_canonical_unit_is_a_400_and_unchanged(
    editor_client, pint_must_not_parse
):
    metric = MetricFactory(canonical_unit="count")
    etag = editor_client.get(f"/api/metrics/{metric.pk}/")["ETag"]
    response = editor_client.patch(
        f"/api/metrics/{metric.pk}/", json.dumps({"canonical_unit": LONG_UNIT}),
        content_type="application/json", headers={"If-Match": etag},
    )  # fmt: skip
    assert response.status_code == 400
    assert list(response.json()) == ["canonical_unit"]
    metric.refresh_from_db()
    assert metric.canonical_unit == "count"
    assert not pint_must_not_parse.called


def test_the_admin_model_validation_refuses_a_long_unit_without_parsing(pint_must_not_parse):
    from django.core.exceptions import ValidationError

    metric = MetricFactory.build(canonical_unit=LONG_UNIT)
    with pytest.raises(ValidationError) as caught:
        metric.full_clean()
    assert "canonical_unit" in caught.value.message_dict
    assert not pint_must_not_parse.called
