"""Bad claims are refused with the field named, by the model and by the database itself."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import Claim
from sources.models import Article
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory

pytestmark = pytest.mark.django_db


def errors_of(claim: Claim) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        claim.full_clean()
    return caught.value.message_dict


def test_a_valid_claim_passes_validation():
    ClaimFactory().full_clean()


def test_low_above_high_is_refused_naming_value_low():
    claim = ClaimFactory.build(article=ArticleFactory(), value_low=5000.0, value_high=3000.0)
    assert "greater than value_high" in errors_of(claim)["value_low"][0]


def test_end_past_the_body_is_refused_naming_end():
    article = ArticleFactory()
    claim = ClaimFactory.build(
        article=article, start=len(article.body) - 2, end=len(article.body) + 5
    )
    assert "past the end of the article body" in errors_of(claim)["end"][0]


def test_figure_that_differs_from_the_body_at_its_offsets_is_refused_naming_figure():
    claim = ClaimFactory.build(article=ArticleFactory(), figure="3,000 to 6,000")
    assert "reads '3,000 to 5,000'" in errors_of(claim)["figure"][0]


def test_unknown_unit_is_refused_naming_unit():
    claim = ClaimFactory.build(article=ArticleFactory(), unit="fighters")
    assert "unknown unit 'fighters'" in " ".join(errors_of(claim)["unit"])


def test_unit_that_does_not_convert_into_the_metric_unit_is_refused():
    claim = ClaimFactory.build(article=ArticleFactory(), unit="km", metric=MetricFactory())
    assert "does not convert into the metric's unit 'count'" in errors_of(claim)["unit"][0]


def test_at_least_with_an_upper_bound_is_refused_naming_value_high():
    claim = ClaimFactory.build(article=ArticleFactory(), qualifier="at_least")
    assert "states no upper bound" in errors_of(claim)["value_high"][0]


def test_as_of_end_before_start_is_refused():
    claim = ClaimFactory.build(article=ArticleFactory())
    claim.as_of_start, claim.as_of_end = claim.as_of_end, claim.as_of_start.replace(year=2023)
    assert "as_of_end" in errors_of(claim)


def test_the_database_refuses_low_above_high_and_keeps_the_row():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(value_low=9000.0)
    claim.refresh_from_db()
    assert (claim.value_low, claim.value_high) == (3000.0, 5000.0)


def test_the_database_refuses_offsets_past_the_body():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(end=len(claim.article.body) + 10)
    claim.refresh_from_db()
    assert claim.article.body[claim.start : claim.end] == "3,000 to 5,000"


def test_the_database_refuses_a_figure_the_body_does_not_hold_at_its_offsets():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(article=article, figure="3,000 to 9,999")
    assert not Claim.objects.filter(article=article).exists()


def test_the_database_refuses_to_edit_an_article_body():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(body="Rewritten history.\n")
    article.refresh_from_db()
    assert article.body.startswith("Story number")


def test_saving_an_article_with_its_body_unchanged_is_allowed():
    article = ArticleFactory()
    article.title = "A corrected headline"
    article.save()
    assert Article.objects.get(pk=article.pk).title == "A corrected headline"


def test_one_figure_span_holds_one_claim():
    claim = ClaimFactory()
    duplicate = ClaimFactory.build(article=claim.article)
    assert "already has a claim at these offsets" in " ".join(errors_of(duplicate)["__all__"])


def test_a_claim_interval_is_in_its_metric_unit():
    article = ArticleFactory(body="The gap is 40 km wide.\n")
    metric = MetricFactory(canonical_unit="m")
    claim = ClaimFactory(
        article=article, quote="The gap is 40 km wide.", figure="40", start=11, end=13,
        value_low=40.0, value_high=40.0, unit="km", metric=metric,
    )  # fmt: skip
    interval = claim.interval()
    assert (interval.lo, interval.hi) == pytest.approx((39_500.0, 40_500.0))
