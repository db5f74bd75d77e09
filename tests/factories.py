"""factory_boy factories: unit tests build their own data here, never from the seed fixtures."""

import datetime

import factory
from django.contrib.auth import get_user_model

from claims.models import Claim, Metric, Speaker
from reviews.models import Review
from sources.models import Article, Outlet
from sources.text import content_hash, normalize_body

ARTICLE_BODY = (
    "Officials said on Monday that 3,000 to 5,000 fighters remain in the area. "
    "About 40,000 people were displaced, according to the ministry.\n"
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    published = datetime.date(2024, 3, 4)
    # Each article gets its own text: the content hash is unique.
    body = factory.Sequence(lambda n: normalize_body(f"Story number {n}.\n{ARTICLE_BODY}"))
    content_hash = factory.LazyAttribute(lambda article: content_hash(article.body))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    kind = Speaker.Kind.PERSON


class MetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Metric

    name = factory.Sequence(lambda n: f"Metric {n}")
    slug = factory.Sequence(lambda n: f"metric-{n}")
    canonical_unit = "count"
    kind = Metric.Kind.LEVEL


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim on the figure "3,000 to 5,000" of the factory article body."""

    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    quote = "Officials said on Monday that 3,000 to 5,000 fighters remain in the area."
    figure = "3,000 to 5,000"
    start = factory.LazyAttribute(lambda claim: claim.article.body.index("3,000 to 5,000"))
    end = factory.LazyAttribute(lambda claim: claim.start + len("3,000 to 5,000"))
    value_low = 3000.0
    value_high = 5000.0
    qualifier = "exact"
    unit = "count"
    subject = "fighters"
    as_of_start = datetime.date(2024, 3, 4)
    as_of_end = datetime.date(2024, 3, 4)
    as_of_precision = Claim.AsOfPrecision.DAY
    status = Claim.Status.CONFIRMED


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    claim = factory.SubFactory(ClaimFactory)
    reviewer = factory.SubFactory(UserFactory)
    rating = "accurate"
    rationale = "Matches the ministry's own figures for the period."
    status = Review.Status.DRAFT
