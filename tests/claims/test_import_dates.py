"""Publication dates on import: read from a dateline or a date line in the first lines, a
warning wherever an article comes in undated, and re-extraction dating what it left undated."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import Claim
from claims.services import article_extract
from sources.dates import find_publication_date
from sources.models import Article

TODAY = dt.date(2026, 12, 2)
UNDATED_STORY = (
    "Aid reaches the camps\n"
    "About 12,000 families returned to their villages last month, the migration ministry said.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geneva, Apr 25 (EFE)\nThe agency said 3,000 people left.", dt.date(2026, 4, 25)),
        ("BAGHDAD, May 3 (Reuters) - Officials said", dt.date(2026, 5, 3)),
        ("New York, Dec 25 (AP)\nText", dt.date(2025, 12, 25)),  # not yet this year: last year's
        ("Saturday, November 12, 2016\nOfficials said", dt.date(2016, 11, 12)),
        ("Geneva, April 25, 2019 (EFE)\nText", dt.date(2019, 4, 25)),
    ],
)
def test_a_dateline_or_date_line_in_the_first_lines_is_the_publication_date(text, expected):
    assert find_publication_date(text, today=TODAY).date == expected


@pytest.mark.parametrize(
    "text",
    ["Officials said on May 3 that 3,000 left.", "The May 3 report, officials said, was late."],
)
def test_a_month_and_day_inside_a_sentence_is_no_dateline(text):
    assert find_publication_date(text, today=TODAY) is None


def test_a_dateline_without_a_year_says_the_year_was_assumed():
    found = find_publication_date("Geneva, Apr 25 (EFE)\nText", today=TODAY)
    assert found.year_assumed and found.text == "Apr 25"


@pytest.fixture
def run(django_capture_on_commit_callbacks, tasks_in_process):
    def import_articles(*args: str) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_articles", *args, stdout=out)
        return out.getvalue()

    return import_articles


@pytest.mark.django_db
def test_an_undated_import_warns_in_the_command_output(run, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(UNDATED_STORY, encoding="utf-8")
    output = run(str(story))
    assert "warning" in output and "no publication date" in output
    assert Article.objects.get().published is None


@pytest.mark.django_db
def test_a_dated_import_has_no_warning(run, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Geneva, Apr 25 (EFE)\n" + UNDATED_STORY, encoding="utf-8")
    output = run(str(story))
    assert "no publication date" not in output
    article = Article.objects.get()
    assert article.published is not None and "No year given" in article.date_basis


@pytest.mark.django_db
def test_an_undated_import_over_the_api_answers_with_a_warning_naming_the_field(editor_client):
    response = editor_client.post(
        "/api/articles/import/", json.dumps({"body": UNDATED_STORY, "extract": False}),
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201
    [warning] = response.json()["warnings"]
    assert "no publication date" in warning["published"]
    dated = editor_client.post(
        "/api/articles/import/",
        json.dumps({"body": "Saturday, November 12, 2016\n" + UNDATED_STORY, "extract": False}),
        content_type="application/json",
    )
    assert dated.json()["warnings"] == [] and dated.json()["published"] == "2016-11-12"


NO_INLINES = {"claims-TOTAL_FORMS": "0", "claims-INITIAL_FORMS": "0"}


@pytest.mark.django_db
def test_adding_an_article_in_admin_reads_the_date_from_its_body(editor_client):
    body = "Saturday, November 12, 2016\n" + UNDATED_STORY
    response = editor_client.post(
        reverse("admin:sources_article_add"),
        {
            "title": "Aid",
            "body": body,
            "published_precision": "day",
            "_continue": "1",
            **NO_INLINES,
        },
        follow=True,
    )
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.published == dt.date(2016, 11, 12)
    assert "Publication date read from the text" in response.content.decode()


@pytest.mark.django_db
def test_adding_an_undated_article_in_admin_warns(editor_client):
    response = editor_client.post(
        reverse("admin:sources_article_add"),
        {
            "title": "Aid",
            "body": UNDATED_STORY,
            "published_precision": "day",
            "_continue": "1",
            **NO_INLINES,
        },
        follow=True,
    )
    assert Article.objects.get().published is None
    assert "has no publication date" in response.content.decode()


@pytest.mark.django_db
def test_setting_the_date_and_extracting_again_dates_the_undecided_candidates(
    run, tmp_path, tasks_in_process
):
    story = tmp_path / "story.txt"
    story.write_text(UNDATED_STORY, encoding="utf-8")
    run(str(story))
    article = Article.objects.get()
    candidate = Claim.objects.get(article=article)
    assert candidate.as_of_start is None
    article.published = dt.date(2024, 3, 3)
    article.save()
    article_extract(article=article)
    candidate.refresh_from_db()
    # "last month", against a publication date of March 2024.
    assert (candidate.as_of_start, candidate.as_of_end) == (
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    )
    assert Claim.objects.filter(article=article).count() == 1


@pytest.mark.django_db
def test_extracting_again_leaves_a_decided_claim_undated(run, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(UNDATED_STORY, encoding="utf-8")
    run(str(story))
    article = Article.objects.get()
    Claim.objects.filter(article=article).update(status=Claim.Status.CONFIRMED)
    article.published = dt.date(2024, 3, 3)
    article.save()
    article_extract(article=article)
    assert Claim.objects.get(article=article).as_of_start is None


@pytest.mark.django_db
@pytest.mark.skipif(bool(__import__("os").environ.get("CELERY_BROKER_URL")), reason="a broker")
def test_an_import_without_a_broker_prints_no_hostname_warning(run, tmp_path, caplog):
    story = tmp_path / "story.txt"
    story.write_text("Saturday, November 12, 2016\n" + UNDATED_STORY, encoding="utf-8")
    run(str(story))
    assert "No hostname was supplied" not in caplog.text
