"""ClaimReview as fact-checkers publish it: the shapes in claimreview_documents/, each item
imported, found already stored, or skipped with its reason; over the API and the command."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.core.verdicts import Verdict
from claims.models import Claim
from reviews.claimreview import (
    NoClaimReview,
    claimreview_items,
    claimreview_items_in_html,
    claimreviews_import,
)
from reviews.claimreview.ratings import label_key
from reviews.models import Review
from sources.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).resolve().parent / "claimreview_documents"

# file -> per item: (status, verdict or skip field, the figure or a word of the reason)
EXPECTED = {
    "claim_false_no_value.json": [("imported", "unsupported", "Three million")],
    "creativework_older_markup.json": [("imported", "unsupported", "320%")],
    "graph_page.json": [("imported", "overstated", "45%")],
    "list_two_reviews_one_appearance.json": [
        ("imported", "unsupported", "30 %"),
        ("imported", "overstated", "12 %"),
    ],
    "datafeed.json": [("imported", "unsupported", "80 %")],
    "own_scale_not_false_to_true.json": [("imported", "unsupported", "85%")],
    "entities_hindi.json": [("imported", "unsupported", "40 percent")],
    "claim_reviewed_list.json": [("imported", "roughly_right", "12,000")],
    "factcheck_page.html": [("imported", "overstated", "100 percent")],
    "no_figure.json": [("skipped", "claimReviewed", "no figure")],
    "satire.json": [("skipped", "reviewRating", "'Satire'")],
    "unknown_label_with_number.json": [("skipped", "reviewRating", "'Ainda é cedo para dizer'")],
}


def items_of(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return claimreview_items_in_html(text)
    return claimreview_items(json.loads(text))


def test_every_fixture_is_listed_with_what_becomes_of_it():
    files = {p.name for p in DOCUMENTS.iterdir() if p.suffix in {".json", ".html"}}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_item_is_imported_or_skipped_with_its_reason(name):
    results = claimreviews_import(items=items_of(DOCUMENTS / name), reviewer=UserFactory())

    assert len(results) == len(EXPECTED[name])
    for result, (status, what, detail) in zip(results, EXPECTED[name], strict=True):
        assert result.status == status, result
        if status == "skipped":
            assert result.field == what
            assert detail in result.reason
            continue
        review = Review.objects.select_related("claim").get(pk=result.review_id)
        assert (review.rating, review.claim.figure) == (what, detail)
        assert review.status == Review.Status.PUBLISHED
        assert review.claim.status == Claim.Status.CONFIRMED
        assert review.source_url == result.url


def test_a_skipped_item_stores_nothing():
    counts = (Article.objects.count(), Claim.objects.count(), Review.objects.count())

    for name in ("no_figure.json", "satire.json", "unknown_label_with_number.json"):
        claimreviews_import(items=items_of(DOCUMENTS / name), reviewer=UserFactory())

    assert (Article.objects.count(), Claim.objects.count(), Review.objects.count()) == counts


def test_importing_everything_twice_finds_every_review_already_stored():
    user = UserFactory()
    for name in EXPECTED:
        claimreviews_import(items=items_of(DOCUMENTS / name), reviewer=user)
    counts = (Article.objects.count(), Claim.objects.count(), Review.objects.count())

    again = [
        result.status
        for name in sorted(EXPECTED)
        for result in claimreviews_import(items=items_of(DOCUMENTS / name), reviewer=user)
    ]

    assert set(again) == {"already_stored", "skipped"}
    assert (Article.objects.count(), Claim.objects.count(), Review.objects.count()) == counts


def test_an_imported_review_keeps_the_fact_checkers_provenance():
    (result,) = claimreviews_import(
        items=items_of(DOCUMENTS / "own_scale_not_false_to_true.json"), reviewer=UserFactory()
    )
    review = Review.objects.get(pk=result.review_id)

    assert review.source_organization == "Agência Exemplo"
    assert review.source_organization_url == "https://agencia.example/"
    assert review.source_url == "https://agencia.example/2024/04/pedagio-br-277"
    assert review.source_date.isoformat() == "2024-04-11"
    assert review.source_claim_reviewed == "Na BR 277, o pedágio subiu 85% em um ano"
    assert (review.source_rating_label, review.source_rating_value) == ("Falso", 4)
    assert (review.source_worst_rating, review.source_best_rating) == (1, 6)
    # "Falso" is 4 on that scale, which does not run from false to true: the label decided.
    assert review.rating == Verdict.UNSUPPORTED


def test_entities_are_decoded_before_the_figure_is_looked_for():
    (result,) = claimreviews_import(
        items=items_of(DOCUMENTS / "entities_hindi.json"), reviewer=UserFactory()
    )
    claim = Review.objects.get(pk=result.review_id).claim

    assert claim.figure == "40 percent"
    assert "minister's office" in claim.article.body
    assert not Claim.objects.filter(figure="039").exists()


def test_two_reviews_of_one_appearance_both_import_and_keep_its_url():
    results = claimreviews_import(
        items=items_of(DOCUMENTS / "list_two_reviews_one_appearance.json"), reviewer=UserFactory()
    )
    reviews = [Review.objects.select_related("claim__article").get(pk=r.review_id) for r in results]
    url = "https://journal.example/politique/entretien-jean-exemple"

    assert [r.claim.article.url or r.source_appearance_url for r in reviews] == [url, url]
    assert reviews[0].claim.speaker == reviews[1].claim.speaker


def test_a_claimant_given_as_text_or_without_a_name():
    hindi = items_of(DOCUMENTS / "entities_hindi.json")
    feed = items_of(DOCUMENTS / "datafeed.json")

    results = claimreviews_import(items=hindi + feed, reviewer=UserFactory())

    claims = [Review.objects.get(pk=r.review_id).claim for r in results]
    assert claims[0].speaker.name == "Viral message"
    assert claims[1].speaker is None


@pytest.mark.parametrize(
    "payload",
    [{"@type": "WebPage", "name": "No review here"}, [], "ClaimReview", {"@graph": [{"a": 1}]}],
)
def test_a_payload_without_any_claimreview_is_refused_as_a_whole(payload):
    with pytest.raises(NoClaimReview, match="no ClaimReview"):
        claimreview_items(payload)


def test_every_rating_word_of_the_table_reads_as_itself():
    import tomllib

    from reviews.claimreview.ratings import TABLE, verdict_for_rating

    table = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    for word, verdict in table["verdicts"].items():
        assert label_key(word) == label_key(word.upper())
        assert verdict_for_rating({"alternateName": word.upper()}) == Verdict(verdict), word


# -------------------------------------------------------------------------------- the API


def post(client, body, content_type="application/json"):
    return client.post("/api/claimreviews/import/", body, content_type=content_type)


def test_the_api_answers_each_item_of_a_list(editor_client):
    items = json.loads((DOCUMENTS / "list_two_reviews_one_appearance.json").read_text())
    items.append(json.loads((DOCUMENTS / "satire.json").read_text()))

    response = post(editor_client, json.dumps(items))

    assert response.status_code == 201, response.content
    answer = response.json()
    assert (answer["imported"], answer["already_stored"], answer["skipped"]) == (2, 0, 1)
    assert [item["status"] for item in answer["items"]] == ["imported", "imported", "skipped"]
    assert answer["items"][2]["field"] == "reviewRating"
    assert "Satire" in answer["items"][2]["reason"]

    again = post(editor_client, json.dumps(items))
    assert again.status_code == 200
    assert [i["status"] for i in again.json()["items"]] == [
        "already_stored", "already_stored", "skipped"
    ]  # fmt: skip


def test_the_api_reads_a_saved_fact_check_page(editor_client):
    page = (DOCUMENTS / "factcheck_page.html").read_text(encoding="utf-8")

    response = post(editor_client, page, content_type="text/html")

    assert response.status_code == 201, response.content
    (item,) = response.json()["items"]
    assert item["url"] == "https://checkdesk.example/en/fact-check/exports-doubled"
    assert Review.objects.get(pk=item["review_id"]).source_rating_label == "Misleading"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"@type": "WebPage"}', "application/json"),
        ("<html><body>No markup</body></html>", "text/html"),
        ("[]", "application/json"),
    ],
)
def test_the_api_refuses_a_payload_without_claimreview_with_a_400(
    editor_client, body, content_type
):
    response = post(editor_client, body, content_type=content_type)

    assert response.status_code == 400
    assert "document" in response.json()
    assert not Review.objects.exists()


def test_broken_json_is_a_400(editor_client):
    assert post(editor_client, '{"@type": "ClaimReview",').status_code == 400


# ---------------------------------------------------------------------------- the command


def test_the_command_imports_a_folder_and_reports_each_item(tmp_path):
    UserFactory(username="importer")
    for name in ("graph_page.json", "satire.json", "factcheck_page.html"):
        (tmp_path / name).write_bytes((DOCUMENTS / name).read_bytes())
    out = StringIO()

    call_command("import_claimreviews", str(tmp_path), "--user", "importer", stdout=out)

    lines = out.getvalue().splitlines()
    assert any(line.startswith("imported") and "graph_page.json" in line for line in lines)
    assert any(line.startswith("skipped") and "'Satire'" in line for line in lines)
    assert lines[-1] == "2 imported, 0 already stored, 1 skipped, 0 unreadable file(s)"
    assert Review.objects.count() == 2


def test_the_command_names_an_unreadable_file_and_exits_non_zero(tmp_path):
    UserFactory(username="importer")
    (tmp_path / "broken.json").write_text('{"@type": "ClaimReview",', encoding="utf-8")
    (tmp_path / "good.json").write_bytes((DOCUMENTS / "graph_page.json").read_bytes())
    out = StringIO()

    with pytest.raises(CommandError, match="1 file"):
        call_command("import_claimreviews", str(tmp_path), "--user", "importer", stdout=out)

    assert "unreadable" in out.getvalue() and "broken.json" in out.getvalue()
    assert Review.objects.count() == 1


def test_the_command_needs_a_user_it_can_name(tmp_path):
    with pytest.raises(CommandError, match="--user"):
        call_command("import_claimreviews", str(DOCUMENTS), "--user", "nobody")


def nested(depth: int) -> dict:
    node: dict = {"@type": "ClaimReview", "claimReviewed": "40 percent of roads"}
    for _ in range(depth):
        node = {"@graph": [node]}
    return node


ODD_DOCUMENTS = [
    {"@type": "ClaimReview", "claimReviewed": 40, "reviewRating": [], "itemReviewed": 7},
    {"@type": ["ClaimReview"], "claimReviewed": [{"a": 1}, "40\x00 percent of roads"],
     "reviewRating": {"alternateName": {"x": 1}, "ratingValue": {"v": 2}}},
    {"@type": "ClaimReview", "claimReviewed": "40 percent of roads", "url": "x" * 5000,
     "reviewRating": {"alternateName": "False"}, "author": [1, None, {"name": ["a"]}],
     "itemReviewed": {"@type": "Claim", "author": {"name": "N" * 2000},
                      "appearance": [{"url": 3, "datePublished": ["2024"]}]}},
    {"@type": "ClaimReview", "claimReviewed": "4\x00 percent", "datePublished": {"d": 1},
     "reviewRating": {"alternateName": "False"}},
    nested(50),
]  # fmt: skip


@pytest.mark.parametrize("document", ODD_DOCUMENTS)
def test_odd_documents_are_answered_never_a_server_error(editor_client, document):
    response = post(editor_client, json.dumps(document))

    assert response.status_code in {200, 201, 400}, response.content
    for item in response.json().get("items", []):
        assert item["status"] in {"imported", "skipped"}
        if item["status"] == "skipped":
            assert item["field"] and item["reason"]


def test_the_review_api_shows_the_original_rating_and_its_fact_checker(client):
    (result,) = claimreviews_import(
        items=items_of(DOCUMENTS / "own_scale_not_false_to_true.json"), reviewer=UserFactory()
    )

    review = client.get(f"/api/reviews/{result.review_id}/").json()

    assert review["rating"] == "unsupported"
    assert review["source_organization"] == "Agência Exemplo"
    assert review["source_url"] == "https://agencia.example/2024/04/pedagio-br-277"
    assert (review["source_rating_label"], review["source_rating_value"]) == ("Falso", 4.0)
    assert (review["source_worst_rating"], review["source_best_rating"]) == (1.0, 6.0)


@pytest.mark.parametrize(
    ("field", "value"),
    [("source_organization", "Someone else"), ("source_rating_label", "Verdadeiro"),
     ("source_url", "https://elsewhere.example/x"), ("source_rating_value", 6)],
)  # fmt: skip
def test_a_published_reviews_provenance_is_never_rewritten(field, value):
    from django.db import IntegrityError, transaction

    (result,) = claimreviews_import(
        items=items_of(DOCUMENTS / "own_scale_not_false_to_true.json"), reviewer=UserFactory()
    )

    with pytest.raises(IntegrityError, match="never edited"), transaction.atomic():
        Review.objects.filter(pk=result.review_id).update(**{field: value})
    assert Review.objects.get(pk=result.review_id).source_organization == "Agência Exemplo"


def test_the_review_admin_shows_the_fact_checkers_own_verdict_beside_ours(editor_client):
    (result,) = claimreviews_import(
        items=items_of(DOCUMENTS / "own_scale_not_false_to_true.json"), reviewer=UserFactory()
    )

    page = editor_client.get(f"/admin/reviews/review/{result.review_id}/change/")

    assert page.status_code == 200
    text = page.content.decode()
    assert "s own verdict" in text
    assert "<strong>Falso</strong> (4 on 1 to 6)" in text
    assert "Agência Exemplo" in text
    assert 'href="https://agencia.example/2024/04/pedagio-br-277"' in text


def test_our_own_review_in_admin_has_no_fact_checker_part(editor_client):
    review = Review.objects.create(
        claim=Claim.objects.create(
            article=Article.objects.create(body="About 40 people came.", title="t"),
            quote="About 40 people came.", figure="40", start=6, end=8, value_low=40,
            value_high=40,
        ),
        reviewer=UserFactory(), rating="accurate", rationale="Counted.",
    )  # fmt: skip

    page = editor_client.get(f"/admin/reviews/review/{review.pk}/change/")

    assert page.status_code == 200
    assert "own verdict" not in page.content.decode()
