"""schema.org ClaimReview JSON-LD: export of published reviews, the feed, and import."""

import copy
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from claims.core.verdicts import SCALE, Verdict
from claims.models import Claim, Speaker
from reviews import claimreview
from reviews.claimreview import (
    claim_reviewed_text,
    claimreview_document,
    claimreview_feed,
    claimreview_import,
    verdict_for_rating,
)
from reviews.claimreview.ratings import RatingError
from reviews.models import Review
from sources.models import Article, Outlet
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    ReviewFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOST = "claims.example.org"
JEFFREY_BODY = (
    "Washington (Rudaw) - The U.S. envoy for Syria, James F. Jeffrey, said on Thursday that "
    "there are 14- to 18,000 ISIS members fighting for the group in Iraq and Syria.\n"
)
LABEL_WORDS = {word for info in SCALE.values() for word in info.label.lower().split()}


@pytest.fixture
def api_request(rf, settings):
    settings.ALLOWED_HOSTS = [HOST]
    return rf.get("/api/claimreviews/", HTTP_HOST=HOST)


def make_claim(body: str, figure: str, **fields) -> Claim:
    """A confirmed claim on ``figure`` of an article with ``body``."""
    article = fields.pop("article", None) or ArticleFactory(
        body=body,
        url=fields.pop("url", "https://www.rudaw.net/english/middleeast/syria/jeffrey-isis"),
        title=fields.pop("title", "Jeffrey: ISIS still has thousands of fighters"),
        outlet=fields.pop("outlet", None) or OutletFactory(name="Rudaw", slug="rudaw"),
        published=fields.pop("published", dt.date(2020, 8, 27)),
    )
    start = body.index(figure)
    quote = fields.pop("quote", body.strip())
    return ClaimFactory(
        article=article, quote=quote, figure=figure, start=start, end=start + len(figure),
        **fields,
    )  # fmt: skip


def jeffrey_review(**review_fields) -> Review:
    """The seed's review of the 2020 U.S. envoy estimate, published."""
    claim = make_claim(
        JEFFREY_BODY,
        "14- to 18,000",
        value_low=14000,
        value_high=18000,
        subject="ISIS members fighting for the group",
        scope="Iraq and Syria",
        speaker=SpeakerFactory(
            name="James F. Jeffrey", slug="james-f-jeffrey", kind=Speaker.Kind.PERSON
        ),
        as_of_start=dt.date(2020, 8, 27),
        as_of_end=dt.date(2020, 8, 27),
    )
    fields = {
        "rating": "roughly_right",
        "rationale": "Jeffrey's range matches the U.S. government estimate of the time.",
        "evidence": ["https://undocs.org/S/2018/705"],
        "status": Review.Status.PUBLISHED,
        "published_at": timezone.make_aware(dt.datetime(2024, 5, 6, 10, 30)),
    }
    fields.update(review_fields)
    return ReviewFactory(claim=claim, **fields)


def external_document(**changes) -> dict:
    """A ClaimReview as another fact-checker would publish it."""
    document = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example.com/2024/isis-fighters",
        "datePublished": "2024-02-10",
        "author": {"@type": "Organization", "name": "Example Fact Check"},
        "claimReviewed": "3,000 to 5,000 ISIS fighters remain in Iraq and Syria",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 5,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Accurate",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "U.N. Monitoring Team"},
            "datePublished": "2024-01-29",
            "appearance": [
                {
                    "@type": "NewsArticle",
                    "url": "https://www.kurdistan24.net/en/story/un-report-isis",
                    "headline": "U.N. report: ISIS keeps a core of fighters",
                    "publisher": {"@type": "Organization", "name": "Kurdistan24"},
                }
            ],
        },
        "reviewBody": "The Monitoring Team's January report gives this range.",
    }
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = document
        for key in parents:
            node = node[key]
        if value is DELETE:
            node.pop(last, None)
        else:
            node[last] = value
    return document


DELETE = object()


def stored_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count() for model in (Outlet, Article, Speaker, Claim, Review)
    }


def delete_everything() -> None:
    Review.objects.all().delete()
    Claim.objects.all().delete()
    Speaker.objects.all().delete()
    Article.objects.all().delete()
    Outlet.objects.all().delete()


# ------------------------------------------------------------------------------------ export


def test_document_of_a_published_review_has_every_field_with_its_type(api_request, settings):
    settings.CLAIMREVIEW_ORGANIZATION_NAME = "Claims desk"
    review = jeffrey_review()

    document = claimreview_document(review, request=api_request)

    assert json.loads(json.dumps(document)) == document
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "ClaimReview"
    assert document["url"] == f"http://{HOST}/fact-checks/{review.pk}/"
    assert document["datePublished"] == "2024-05-06"
    assert document["author"] == {"@type": "Organization", "name": "Claims desk",
                                  "url": f"http://{HOST}/"}  # fmt: skip
    assert (
        isinstance(document["claimReviewed"], str) and "14- to 18,000" in document["claimReviewed"]
    )
    assert document["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Roughly right",
        "name": "Roughly right",
    }
    item = document["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "James F. Jeffrey"}
    assert item["datePublished"] == "2020-08-27"
    assert item["appearance"] == [
        {
            "@type": "NewsArticle",
            "url": "https://www.rudaw.net/english/middleeast/syria/jeffrey-isis",
            "headline": "Jeffrey: ISIS still has thousands of fighters",
            "datePublished": "2020-08-27",
            "publisher": {"@type": "Organization", "name": "Rudaw"},
        }
    ]
    assert document["reviewBody"] == review.rationale
    assert document["citation"] == [
        {"@type": "CreativeWork", "url": "https://undocs.org/S/2018/705"}
    ]


def test_without_a_request_the_url_is_the_public_page_under_the_organisation_url(settings):
    review = jeffrey_review()

    settings.CLAIMREVIEW_ORGANIZATION_URL = ""
    document = claimreview_document(review)
    assert document["url"] == f"/fact-checks/{review.pk}/"
    assert document["author"] == {"@type": "Organization", "name": "Claims database"}

    settings.CLAIMREVIEW_ORGANIZATION_NAME = "Newsroom Checks"
    settings.CLAIMREVIEW_ORGANIZATION_URL = "https://checks.example.org/"
    document = claimreview_document(review)
    assert document["url"] == f"https://checks.example.org/fact-checks/{review.pk}/"
    assert document["author"] == {
        "@type": "Organization", "name": "Newsroom Checks", "url": "https://checks.example.org/"
    }  # fmt: skip


@pytest.mark.parametrize("status", ["draft", "submitted", "withdrawn"])
def test_only_a_published_review_has_a_document(status):
    review = ReviewFactory(status=status)

    with pytest.raises(ValueError, match="not published"):
        claimreview_document(review)


@pytest.mark.parametrize("verdict", list(Verdict))
@pytest.mark.parametrize(
    ("figure", "subject", "speaker"),
    [
        ("3,000 to 5,000", "fighters", "Speaker"),
        ("14- to 18,000", "ISIS members fighting for the group", "James F. Jeffrey"),
        (
            "3,000 to 5,000",
            "ISIS fighters active in Iraq and Syria, below the estimates of earlier years "
            "and far below the peak",
            "U.N. Analytical Support and Sanctions Monitoring Team report, January 2024",
        ),
    ],
)
def test_claim_reviewed_is_short_and_never_holds_the_verdict(verdict, figure, subject, speaker):
    body = f"Officials said that {figure} {subject} remain.\n"
    claim = make_claim(
        body, figure, subject=subject, speaker=SpeakerFactory(name=speaker), url=None
    )
    review = ReviewFactory(
        claim=claim,
        rating=verdict.value,
        rationale="The figure is wildly overstated and unsupported, say accurate sources.",
        status="published",
        published_at=timezone.now(),
    )

    text = claimreview_document(review)["claimReviewed"]

    assert 0 < len(text) < 75
    assert text.startswith(figure)
    words = set(re.findall(r"[a-z]+", text.lower()))
    assert not words & LABEL_WORDS, text
    assert review.rationale not in text


def test_claim_reviewed_names_the_speaker_when_it_fits_and_cuts_at_a_word():
    short = make_claim(
        JEFFREY_BODY,
        "14- to 18,000",
        subject="ISIS members",
        speaker=SpeakerFactory(name="Jeffrey"),
    )
    assert claim_reviewed_text(short) == "14- to 18,000 ISIS members, according to Jeffrey"

    long_subject = "members of the group fighting in Iraq and Syria according to the envoy"
    short.subject = long_subject + " for the United States government"
    text = claim_reviewed_text(short)
    assert len(text) < 75
    assert text.endswith("\u2026")
    assert f"14- to 18,000 {short.subject}".startswith(text[:-1])
    assert text[-2] != " " and f"14- to 18,000 {short.subject}"[len(text) - 1] == " "


@pytest.mark.parametrize(
    ("qualifier", "unit", "figure", "expected"),
    [
        ("approximate", "count", "40,000", "About 40,000 people"),
        ("at_least", "count", "40,000", "At least 40,000 people"),
        ("less_than", "count", "40,000", "Fewer than 40,000 people"),
        ("more_than", "km", "40", "More than 40 km people"),
        ("exact", "percent", "40 percent", "40 percent people"),
    ],
)
def test_claim_reviewed_keeps_the_qualifier_and_the_unit(qualifier, unit, figure, expected):
    claim = ClaimFactory.build(figure=figure, subject="people", qualifier=qualifier, unit=unit)
    claim.speaker = None

    assert claim_reviewed_text(claim) == expected


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (Speaker.Kind.PERSON, {"@type": "Person", "name": "The speaker"}),
        (Speaker.Kind.ORGANISATION, {"@type": "Organization", "name": "The speaker"}),
        (
            Speaker.Kind.DOCUMENT,
            {
                "@type": "Organization",
                "additionalType": "https://schema.org/CreativeWork",
                "name": "The speaker",
            },
        ),
    ],
)
def test_claim_author_is_a_person_or_an_organization_by_speaker_kind(kind, expected):
    review = ReviewFactory(
        claim=ClaimFactory(speaker=SpeakerFactory(name="The speaker", kind=kind)),
        status="published",
        published_at=timezone.now(),
    )

    assert claimreview_document(review)["itemReviewed"]["author"] == expected


def test_a_claim_without_speaker_is_the_outlets_and_an_article_without_url_has_a_headline():
    claim = ClaimFactory(article=ArticleFactory(url=None, title="Displaced families return"))
    review = ReviewFactory(claim=claim, status="published", published_at=timezone.now())

    item = claimreview_document(review)["itemReviewed"]

    assert item["author"] == {"@type": "Organization", "name": claim.article.outlet.name}
    assert item["appearance"] == [
        {
            "@type": "NewsArticle",
            "headline": "Displaced families return",
            "datePublished": "2024-03-04",
            "publisher": {"@type": "Organization", "name": claim.article.outlet.name},
        }
    ]


def test_an_article_dated_to_the_month_keeps_that_precision():
    article = ArticleFactory(published=dt.date(2021, 12, 1), published_precision="month")
    review = ReviewFactory(
        claim=ClaimFactory(article=article), status="published", published_at=timezone.now()
    )

    assert claimreview_document(review)["itemReviewed"]["datePublished"] == "2021-12"


def test_the_feed_holds_only_published_reviews(api_request, django_assert_max_num_queries):
    published = [jeffrey_review()]
    published += [
        ReviewFactory(status="published", published_at=timezone.now() - dt.timedelta(days=n))
        for n in range(1, 4)
    ]
    for status in ("draft", "submitted", "withdrawn"):
        ReviewFactory(status=status)

    with django_assert_max_num_queries(1):
        feed = claimreview_feed(request=api_request)

    assert json.loads(json.dumps(feed)) == feed
    assert set(feed) == {"@context", "@graph"}
    assert feed["@context"] == "https://schema.org"
    urls = [item["url"] for item in feed["@graph"]]
    assert sorted(urls) == sorted(f"http://{HOST}/fact-checks/{r.pk}/" for r in published)
    assert not any("/api/" in url for url in urls)
    assert all(item["@type"] == "ClaimReview" and "@context" not in item for item in feed["@graph"])

    narrowed = claimreview_feed(Review.objects.filter(pk__in=[published[0].pk, published[1].pk]))
    assert len(narrowed["@graph"]) == 2
    as_list = claimreview_feed(list(Review.objects.all()))
    assert len(as_list["@graph"]) == len(published)


# ----------------------------------------------------------------------------------- mapping


def scale_table(text: str) -> dict[str, int]:
    """verdict label (lowercase) -> value, from the rows of a table in ``text``."""
    labels = {info.label.lower() for info in SCALE.values()}
    rows = {}
    for line in text.splitlines():
        match = re.match(r"^\|?\s*([A-Za-z ]+?)\s*\|?\s+\|?\s*(\d)\s*(?:\||\s)", line)
        if match and match.group(1).lower() in labels:
            rows[match.group(1).lower()] = int(match.group(2))
    return rows


def test_the_documented_mapping_matches_the_scale_and_the_readme():
    expected = {info.label.lower(): info.rating_value for info in SCALE.values()}

    assert scale_table(claimreview.__doc__) == expected
    readme = Path(__file__).resolve().parents[2] / "README.md"
    assert scale_table(readme.read_text(encoding="utf-8")) == expected


OUR_SITE = "https://claims.example.org/"


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        ({"alternateName": "Overstated"}, Verdict.OVERSTATED),
        ({"alternateName": "ROUGHLY RIGHT", "ratingValue": 1}, Verdict.ROUGHLY_RIGHT),
        ({"alternateName": "roughly_right"}, Verdict.ROUGHLY_RIGHT),
        ({"alternateName": "Misattributed", "ratingValue": 1}, Verdict.MISATTRIBUTED),
        ({"ratingValue": 5}, Verdict.ACCURATE),
        ({"ratingValue": "4"}, Verdict.ROUGHLY_RIGHT),
        ({"ratingValue": 3}, Verdict.OVERSTATED),
        ({"alternateName": "Mostly false", "ratingValue": 2}, Verdict.OVERSTATED),
        ({"alternateName": "False", "ratingValue": 1, "bestRating": 5}, Verdict.UNSUPPORTED),
        ({"ratingValue": 7, "bestRating": 10, "worstRating": 0}, Verdict.ROUGHLY_RIGHT),
        ({"ratingValue": 9, "bestRating": 10, "worstRating": 0}, Verdict.ACCURATE),
        ({"ratingValue": 0.1, "bestRating": 1, "worstRating": 0}, Verdict.UNSUPPORTED),
    ],
)
def test_ratings_on_a_known_scale_map_to_the_nearest_verdict(settings, rating, verdict):
    # Numbers are read only on a scale known to run from false to true: ours, here.
    settings.CLAIMREVIEW_ORGANIZATION_URL = OUR_SITE
    review_url = f"{OUR_SITE}fact-checks/1/"

    assert verdict_for_rating({"@type": "Rating", **rating}, review_url=review_url) == verdict


def test_every_verdict_reads_back_from_its_own_rating(settings):
    settings.CLAIMREVIEW_ORGANIZATION_URL = OUR_SITE
    for verdict, info in SCALE.items():
        rating = {"ratingValue": info.rating_value, "alternateName": info.label}
        assert verdict_for_rating(rating) == verdict
        by_number = verdict_for_rating(
            {"ratingValue": info.rating_value}, review_url=f"{OUR_SITE}fact-checks/7/"
        )
        assert SCALE[by_number].rating_value == info.rating_value


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        # The label decides, whatever the number says on the fact-checker's own scale.
        ({"alternateName": "Falso", "ratingValue": 4, "bestRating": 6}, Verdict.UNSUPPORTED),
        ({"alternateName": "False"}, Verdict.UNSUPPORTED),
        ({"alternateName": "Faux", "ratingValue": 5}, Verdict.UNSUPPORTED),
        ({"alternateName": "Falsch", "bestRating": 1, "worstRating": 1}, Verdict.UNSUPPORTED),
        ({"alternateName": "Incorrect"}, Verdict.UNSUPPORTED),
        ({"alternateName": "गलत", "ratingValue": 1}, Verdict.UNSUPPORTED),
        ({"alternateName": "Misleading", "ratingValue": 9}, Verdict.OVERSTATED),
        ({"alternateName": "Engañoso"}, Verdict.OVERSTATED),
        ({"alternateName": "ENGANOSO"}, Verdict.OVERSTATED),
        ({"alternateName": "Half-True"}, Verdict.OVERSTATED),
        ({"alternateName": "Partly false"}, Verdict.OVERSTATED),
        ({"alternateName": "Mostly true", "ratingValue": 1}, Verdict.ROUGHLY_RIGHT),
        ({"alternateName": "Verdadeiro"}, Verdict.ACCURATE),
        ({"alternateName": "False: the camp holds 80,000 people"}, Verdict.UNSUPPORTED),
    ],
)
def test_a_fact_checkers_label_decides_on_any_scale(rating, verdict):
    review_url = "https://checks.example.net/2024/a-claim"

    assert verdict_for_rating({"@type": "Rating", **rating}, review_url=review_url) == verdict


@pytest.mark.parametrize(
    ("rating", "named"),
    [
        ({"alternateName": "Ainda é cedo para dizer", "ratingValue": 3, "bestRating": 6}, "cedo"),
        ({"alternateName": "Four Pinocchios"}, "Four Pinocchios"),
        ({"ratingValue": 1, "bestRating": 5, "worstRating": 1}, "without a label"),
        ({"alternateName": "Satire"}, "Satire"),
    ],
)
def test_a_label_we_cannot_place_without_a_known_scale_is_refused_by_name(rating, named):
    with pytest.raises(RatingError, match=named):
        verdict_for_rating(rating, review_url="https://checks.example.net/2024/a-claim")


# ------------------------------------------------------------------------------------ import


def test_import_creates_the_claim_and_its_published_review():
    reviewer = UserFactory(username="importer")

    review = claimreview_import(external_document(), reviewer=reviewer)

    review.refresh_from_db()
    assert review.status == Review.Status.PUBLISHED
    assert review.rating == Verdict.ACCURATE
    assert review.reviewer == reviewer
    assert review.rationale == "The Monitoring Team's January report gives this range."
    assert review.evidence == ["https://factcheck.example.com/2024/isis-fighters"]
    assert timezone.localtime(review.published_at).date() == dt.date(2024, 2, 10)
    claim = review.claim
    assert claim.status == Claim.Status.CONFIRMED
    assert (claim.figure, claim.value_low, claim.value_high) == ("3,000 to 5,000", 3000, 5000)
    assert (claim.qualifier, claim.unit) == ("exact", "count")
    assert claim.verdict == Verdict.ACCURATE
    assert claim.speaker.name == "U.N. Monitoring Team"
    assert claim.speaker.kind == Speaker.Kind.ORGANISATION
    article = claim.article
    assert article.url == "https://www.kurdistan24.net/en/story/un-report-isis"
    assert article.title == "U.N. report: ISIS keeps a core of fighters"
    assert article.published == dt.date(2024, 1, 29)
    assert article.outlet.name == "Kurdistan24"
    assert article.body == (
        "3,000 to 5,000 ISIS fighters remain in Iraq and Syria\n\n"
        "U.N. report: ISIS keeps a core of fighters\n"
    )
    assert article.body[claim.start : claim.end] == claim.figure


def test_importing_the_same_document_twice_creates_nothing_new():
    reviewer = UserFactory()
    first = claimreview_import(external_document(), reviewer=reviewer)
    counts = stored_counts()

    second = claimreview_import(copy.deepcopy(external_document()), reviewer=UserFactory())

    assert second.pk == first.pk
    assert stored_counts() == counts


def test_a_short_verbless_summary_and_a_bare_number_rating_import():
    document = external_document(
        claimReviewed="About 40,000 people displaced",
        reviewRating={"@type": "Rating", "ratingValue": 2, "alternateName": "Mostly false"},
        itemReviewed__author={"@type": "Person", "name": "A ministry spokesman"},
        reviewBody=DELETE,
    )

    review = claimreview_import(document, reviewer=UserFactory())

    assert review.rating == Verdict.OVERSTATED
    assert (review.claim.figure, review.claim.qualifier) == ("40,000", "approximate")
    assert review.claim.speaker.kind == Speaker.Kind.PERSON
    assert review.rationale == (
        'Imported from a ClaimReview by Example Fact Check, which rated the claim "Mostly false".'
    )


def test_an_appearance_without_url_imports_with_its_headline_and_no_outlet():
    document = external_document(
        itemReviewed__appearance={"@type": "CreativeWork", "headline": "Statement of the envoy"},
    )

    review = claimreview_import(document, reviewer=UserFactory())

    article = review.claim.article
    assert (article.url, article.outlet, article.title) == (None, None, "Statement of the envoy")


BAD_DOCUMENTS = [
    ("@type", {"@type": "Review"}),
    ("claimReviewed", {"claimReviewed": DELETE}),
    ("claimReviewed", {"claimReviewed": "   "}),
    ("claimReviewed", {"claimReviewed": "The world is flat"}),
    ("reviewRating", {"reviewRating": {"@type": "Rating", "alternateName": "Pants on backwards"}}),
    ("reviewRating", {"reviewRating": DELETE}),
    ("reviewRating", {"reviewRating__ratingValue": 6, "reviewRating__alternateName": "Great"}),
    ("reviewRating", {"reviewRating__ratingValue": "high", "reviewRating__alternateName": "?"}),
    ("reviewRating", {"reviewRating__bestRating": 1, "reviewRating__alternateName": "?"}),
    ("itemReviewed", {"itemReviewed": "a claim"}),
    ("itemReviewed.appearance", {"itemReviewed__appearance": [{"url": "not a url"}]}),
    ("itemReviewed.datePublished", {"itemReviewed__datePublished": "last week"}),
    ("datePublished", {"datePublished": "2024-13-45"}),
    ("url", {"url": "javascript:alert(1)"}),
]


@pytest.mark.parametrize(("field", "changes"), BAD_DOCUMENTS)
def test_a_bad_document_names_its_field_and_stores_nothing(field, changes):
    ClaimFactory()  # something already stored, which must stay as it is
    counts = stored_counts()

    with pytest.raises(ValidationError) as caught:
        claimreview_import(external_document(**changes), reviewer=UserFactory())

    assert list(caught.value.message_dict) == [field]
    assert stored_counts() == counts


def test_a_document_that_is_not_an_object_is_refused():
    with pytest.raises(ValidationError) as caught:
        claimreview_import(["ClaimReview"], reviewer=UserFactory())  # type: ignore[arg-type]

    assert "@type" in caught.value.message_dict


def test_a_failure_after_the_first_writes_rolls_everything_back():
    # The appearance URL is stored already with a text that does not state the figure: the
    # outlet and speaker the import would create must not stay behind.
    ArticleFactory(
        url="https://www.kurdistan24.net/en/story/un-report-isis",
        body="Nothing was counted in this story, officials said on Monday.\n",
    )
    counts = stored_counts()

    with pytest.raises(ValidationError) as caught:
        claimreview_import(external_document(), reviewer=UserFactory())

    assert list(caught.value.message_dict) == ["itemReviewed.appearance"]
    assert stored_counts() == counts
    assert not Outlet.objects.filter(name="Kurdistan24").exists()


def test_an_import_onto_a_stored_article_uses_the_figure_in_its_text():
    article = ArticleFactory(url="https://www.kurdistan24.net/en/story/un-report-isis")

    review = claimreview_import(
        external_document(claimReviewed="3,000 to 5,000 fighters remain, officials said"),
        reviewer=UserFactory(),
    )

    claim = review.claim
    assert claim.article == article
    assert article.body[claim.start : claim.end] == "3,000 to 5,000"
    assert claim.status == Claim.Status.CONFIRMED


# -------------------------------------------------------------------------------- round trip


def test_a_document_imported_into_the_database_it_came_from_is_the_same_review(api_request):
    review = jeffrey_review()
    counts = stored_counts()

    again = claimreview_import(
        claimreview_document(review, request=api_request), reviewer=UserFactory()
    )

    assert again.pk == review.pk
    assert stored_counts() == counts


ROUND_TRIPS = [
    # body, figure, claim fields, speaker (name, kind) or None, rating
    (
        JEFFREY_BODY,
        "14- to 18,000",
        {"value_low": 14000, "value_high": 18000, "subject": "ISIS members fighting"},
        ("James F. Jeffrey", Speaker.Kind.PERSON),
        "roughly_right",
    ),
    (
        "ISIS has between 3,000 to 5,000 fighters in Iraq and Syria, a January U.N. report "
        "said.\n",
        "3,000 to 5,000",
        {"value_low": 3000, "value_high": 5000, "subject": "ISIS fighters active"},
        ("a January U.N. report", Speaker.Kind.DOCUMENT),
        "accurate",
    ),
    (
        "About 40,000 people were displaced, according to the ministry.\n",
        "40,000",
        {"value_low": 40000, "value_high": 40000, "qualifier": "approximate",
         "subject": "people displaced"},
        ("the ministry", Speaker.Kind.ORGANISATION),
        "overstated",
    ),
    (
        "The group has lost control of 40 percent of the territory it once held.\n",
        "40 percent",
        {"value_low": 40, "value_high": 40, "unit": "percent",
         "subject": "of the territory it once held lost"},
        None,
        "outdated",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "figure", "fields", "speaker", "rating"), ROUND_TRIPS)
def test_round_trip_into_an_empty_database_gives_the_same_verdict_and_figure(
    api_request, body, figure, fields, speaker, rating
):
    fields = dict(fields)
    if speaker is not None:
        fields["speaker"] = SpeakerFactory(name=speaker[0], kind=speaker[1])
    claim = make_claim(body, figure, **fields)
    review = ReviewFactory(
        claim=claim,
        rating=rating,
        status="published",
        published_at=timezone.make_aware(dt.datetime(2024, 5, 6, 23, 59)),
    )
    exported = claimreview_document(review, request=api_request)
    outlet_name = claim.article.outlet.name
    delete_everything()
    assert sum(stored_counts().values()) == 0

    imported = claimreview_import(json.loads(json.dumps(exported)), reviewer=UserFactory())

    new = imported.claim
    assert imported.rating == rating and new.verdict == rating
    assert new.figure == figure
    assert (new.value_low, new.value_high) == (claim.value_low, claim.value_high)
    assert (new.qualifier, new.unit) == (claim.qualifier, claim.unit)
    assert new.status == Claim.Status.CONFIRMED
    assert new.article.url == claim.article.url
    assert new.article.published == claim.article.published
    assert new.article.outlet.name == outlet_name
    assert imported.rationale == review.rationale
    if speaker is not None:
        assert (new.speaker.name, new.speaker.kind) == speaker
    else:  # the outlet asserted the figure: its name as the claim's author means no speaker
        assert new.speaker is None

    # Read back, the review is credited to the organisation that published it, and its
    # document comes out exactly as it went in.
    assert imported.source_organization == "Claims database"
    assert claimreview_document(imported, request=api_request) == exported
