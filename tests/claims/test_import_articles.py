"""import_articles: text, JSON and HTML files in; articles and candidate claims out."""

import json
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import ArticleExtraction, Claim, ExtractionStatus
from claims.services import article_extract
from sources.models import Article

ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLES = ROOT / "fixtures" / "seed" / "articles"

WIRE_STORY = """Refugee returns slow in the north
March 3, 2024
About 12,000 families returned to their villages last month, the migration ministry said.
"""


@pytest.fixture
def run(django_capture_on_commit_callbacks, tasks_in_process):
    """import_articles, with the tasks it queues on commit run as the test's commit would."""

    def import_articles(*args: str) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_articles", *args, stdout=out)
        return out.getvalue()

    return import_articles


@pytest.mark.django_db
def test_a_text_file_is_stored_with_its_title_date_and_candidate_claims(run, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(WIRE_STORY, encoding="utf-8")
    output = run(str(story), "--outlet", "Wire")
    article = Article.objects.get()
    assert (article.title, str(article.published)) == (
        "Refugee returns slow in the north",
        "2024-03-03",
    )
    assert article.outlet.name == "Wire"
    assert article.extraction.status == ExtractionStatus.DONE
    claim = Claim.objects.get(article=article)
    assert (claim.figure, claim.value_low, claim.status) == ("12,000", 12000.0, "candidate")
    assert "1 imported, 0 already stored, 0 skipped" in output


@pytest.mark.django_db
def test_importing_the_same_file_again_changes_nothing_and_says_so(run, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(WIRE_STORY, encoding="utf-8")
    run(str(story))
    claims_before = list(Claim.objects.values_list("pk", "updated_at"))
    output = run(str(story))
    assert "already stored as article #" in output
    assert "0 imported, 1 already stored" in output
    assert list(Claim.objects.values_list("pk", "updated_at")) == claims_before


@pytest.mark.django_db
def test_bad_files_are_reported_one_line_each_and_the_rest_import(run, tmp_path):
    (tmp_path / "a_good.txt").write_text(WIRE_STORY, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "d_latin1.txt").write_bytes(
        "Caf\xe9 owners said 40 shops closed.".encode("latin-1")
    )
    (tmp_path / "e_bad_date.json").write_text(
        json.dumps({"title": "T", "body": "Some 30 people died.", "published": "31/31/2020"})
    )
    (tmp_path / "f_broken.json").write_text("{not json")
    (tmp_path / "g_good.json").write_text(
        json.dumps({"url": "https://news.example/g", "title": "Budget", "outlet": "Wire",
                    "published": "2024-02-01", "body": "The budget is $1.2 billion."})
    )  # fmt: skip
    out = StringIO()
    with pytest.raises(CommandError, match="5 file"):
        call_command("import_articles", str(tmp_path), "--no-extract", stdout=out)
    lines = out.getvalue().splitlines()
    skipped = [line for line in lines if line.startswith("skipped")]
    assert len(skipped) == 5
    assert any("b_empty.txt: the file is empty" in line for line in skipped)
    assert any("c_binary.txt: the file is binary" in line for line in skipped)
    assert any("d_latin1.txt: the file is not UTF-8" in line for line in skipped)
    assert any("e_bad_date.json: published:" in line for line in skipped)
    assert any("f_broken.json: not valid JSON" in line for line in skipped)
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Budget",
        "Refugee returns slow in the north",
    ]
    budget = Article.objects.get(title="Budget")
    assert (budget.url, str(budget.published), budget.outlet.name) == (
        "https://news.example/g",
        "2024-02-01",
        "Wire",
    )


@pytest.mark.django_db
def test_a_saved_html_page_keeps_the_story_and_drops_comments_and_popular_posts(run, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Oil exports rise</title></head><body><nav>Home | World</nav>"
        "<article><h1>Oil exports rise</h1><p>Iraq exported 3.4 million barrels per day in "
        "March, the oil ministry said on Tuesday.</p><p>That was up from 3.3 million in "
        "February, according to the state oil marketer, which sells the crude.</p></article>"
        '<div class="comments"><h3>Post a comment</h3><p>Great read!</p></div>'
        "<aside><h3>Popular posts from this blog</h3><ul><li>Unrelated story</li></ul></aside>"
        "</body></html>",
        encoding="utf-8",
    )
    run(str(page), "--published", "2024-04-02", "--no-extract")
    article = Article.objects.get()
    assert "3.4 million barrels per day" in article.body
    assert "Popular posts" not in article.body and "Great read" not in article.body
    assert not ArticleExtraction.objects.filter(article=article).exists()
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_a_bad_published_option_ends_with_one_clear_line(run, tmp_path):
    with pytest.raises(CommandError, match="--published: 'yesterday' is not a date"):
        run(str(tmp_path), "--published", "yesterday")


@pytest.mark.django_db
def test_extracting_again_never_duplicates_or_overwrites_confirmed_claims(run, tmp_path):
    seed = SEED_ARTICLES / "002.txt"
    run(str(seed), "--published", "2020-02-14")
    article = Article.objects.get()
    first = list(Claim.objects.order_by("start").values_list("pk", "figure"))
    confirmed = Claim.objects.get(figure="14- to 18,000")
    confirmed.status, confirmed.subject = Claim.Status.CONFIRMED, "ISIS members (edited)"
    confirmed.save()
    result = article_extract(article=article)
    assert result.created == 0 and result.kept == len(first)
    assert list(Claim.objects.order_by("start").values_list("pk", "figure")) == first
    confirmed.refresh_from_db()
    assert (confirmed.status, confirmed.subject) == ("confirmed", "ISIS members (edited)")


@pytest.mark.django_db
def test_extract_claims_prints_json_with_the_contract_fields_and_saves_nothing():
    out = StringIO()
    call_command(
        "extract_claims", str(SEED_ARTICLES / "002.txt"), "--published", "2020-02-14",
        "--format", "json", stdout=out,
    )  # fmt: skip
    rows = json.loads(out.getvalue())
    jeffrey = next(row for row in rows if row["figure"] == "14- to 18,000")
    for field in ["quote", "figure", "start", "end", "value_low", "value_high", "qualifier",
                  "unit", "subject", "speaker", "as_of"]:  # fmt: skip
        assert field in jeffrey
    assert (jeffrey["value_low"], jeffrey["value_high"]) == (14000, 18000)
    assert jeffrey["speaker"] == "James F. Jeffrey"
    assert jeffrey["figure_kind"] == "quantity"
    assert not Article.objects.exists() and not Claim.objects.exists()


@pytest.mark.django_db
def test_extract_claims_refuses_an_unreadable_file_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(CommandError, match=r"empty\.txt: the file is empty"):
        call_command("extract_claims", str(empty), stdout=StringIO())


def test_with_the_broker_down_an_import_stores_the_article_and_marks_it_waiting(tmp_path):
    """A real process against a real, unreachable broker address; then the pick-up command."""
    database = tmp_path / "claims.sqlite3"
    story = tmp_path / "story.txt"
    story.write_text(WIRE_STORY, encoding="utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "SQLITE_PATH": str(database),
        # Nothing listens on port 1: sending a task fails at once.
        "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",
    }

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
            text=True, timeout=120,
        )  # fmt: skip

    assert manage("migrate", "-v0").returncode == 0
    imported = manage("import_articles", str(story))
    assert imported.returncode == 0, imported.stderr
    assert "1 article(s) wait for extraction: the task queue is unreachable" in imported.stdout
    with sqlite3.connect(database) as db:
        status = db.execute("SELECT status FROM claims_articleextraction").fetchall()
        claims = db.execute("SELECT count(*) FROM claims_claim").fetchone()[0]
    assert (status, claims) == ([("waiting",)], 0)

    picked = manage("extract_waiting", "--here")
    assert picked.returncode == 0, picked.stderr
    assert "extracted 1 article(s): 1 new candidate claims" in picked.stdout
    with sqlite3.connect(database) as db:
        status = db.execute("SELECT status FROM claims_articleextraction").fetchall()
    assert status == [("done",)]


def test_extract_claims_prints_its_table_with_bounds_as_people_write_them(tmp_path):
    article = tmp_path / "budget.txt"
    article.write_text("The ministry said the plan costs $3.5 billion and employs 12,400 people.\n")
    out = StringIO()
    call_command("extract_claims", str(article), "--published", "2024-03-01", stdout=out)
    table = out.getvalue()
    assert "3.5 billion" in table and "12,400" in table
    assert "e+" not in table and "3500000000" not in table
