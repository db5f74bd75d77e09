"""Text people type (quotes, names, rationales, metric names, notes) is shown escaped on every
admin page that shows it: HTML in it is text, never markup."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from claims.models import Claim
from claims.services import conflict_resolve
from reviews.services import claim_assign, review_create, review_publish, review_submit
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(2)">'
BOLD = "<b>bold</b>"
PAYLOADS = [SCRIPT, IMG, BOLD, '<svg onload="alert(3)">', "<i>Anon</i>"]
BODY = f"Police said {SCRIPT} 12 {IMG} protesters came. Later 40 {BOLD} more joined.\n"


@pytest.fixture
def hostile(editor, reviewer):
    """Every kind of user-typed text carrying markup, in one connected data set."""
    article = ArticleFactory(body=BODY, title=f"Protest {IMG}")
    metric = MetricFactory(name=f"Protesters {SCRIPT}", description=BOLD, scope=IMG)
    speaker = SpeakerFactory(name="<i>Anon</i>", role=SCRIPT)
    claims = []
    for figure, value in (("12", 12.0), ("40", 40.0)):
        start = BODY.index(f" {figure} ") + 1
        quote = BODY[: BODY.index("came.") + 5] if figure == "12" else BODY.split(". ")[1]
        claims.append(ClaimFactory(
            article=article, quote=quote, figure=figure, start=start, end=start + len(figure),
            value_low=value, value_high=value, subject='<svg onload="alert(3)">', speaker=speaker,
            metric=metric, note=SCRIPT, status=Claim.Status.CONFIRMED,
        ))  # fmt: skip
    first, second = claims
    second.subject = f"changed {BOLD}"
    second.save()  # a history record whose change shows markup
    claim_assign(claim=first, reviewer=reviewer, by=editor)
    published = review_publish(
        review=review_submit(review=review_create(
            claim=first, reviewer=reviewer, rating="overstated",
            rationale=f"Too high {SCRIPT} {IMG}"), by=reviewer), by=editor,
    )  # fmt: skip
    submitted = review_submit(
        review=review_create(claim=first, reviewer=editor, rating="accurate",
                             rationale=f"Fine {BOLD}"), by=editor,
    )  # fmt: skip
    resolution = conflict_resolve(claim_one=first, claim_two=second, kind="both_wrong",
                                  note=f"Both {SCRIPT}", user=editor)  # fmt: skip
    return {"article": article, "metric": metric, "speaker": speaker, "claims": claims,
            "reviews": [published, submitted], "resolution": resolution}  # fmt: skip


def admin_pages(data) -> list[str]:
    first, second = data["claims"]
    published, submitted = data["reviews"]
    return [
        reverse("admin:index"),
        reverse("admin:sources_article_change", args=[data["article"].pk]),
        reverse("admin:sources_article_changelist"),
        reverse("admin:claims_claim_changelist"),
        reverse("admin:claims_claim_changelist") + "?status__exact=confirmed",
        reverse("admin:claims_claim_change", args=[first.pk]),
        reverse("admin:claims_claim_history", args=[second.pk]),
        reverse("admin:claims_metric_changelist"),
        reverse("admin:claims_metric_change", args=[data["metric"].pk]),
        reverse("admin:claims_metric_history", args=[data["metric"].pk]),
        reverse("admin:claims_speaker_changelist"),
        reverse("admin:claims_speaker_change", args=[data["speaker"].pk]),
        reverse("admin:claims_conflictresolution_changelist"),
        reverse("admin:claims_conflictresolution_change", args=[data["resolution"].pk]),
        reverse("admin:reviews_review_changelist"),
        reverse("admin:reviews_review_change", args=[published.pk]),
        reverse("admin:reviews_review_change", args=[submitted.pk]),
        reverse("admin:reviews_review_history", args=[published.pk]),
        reverse("admin:reviews_reviewassignment_changelist"),
    ]


def assert_escaped(html: str, url: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html, f"{payload} unescaped on {url}"


def test_every_admin_page_shows_user_text_escaped_to_an_editor(client, hostile):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="editor-test"))
    seen_escaped = set()
    for url in admin_pages(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_escaped(html, url)
        seen_escaped |= {payload for payload in PAYLOADS if escape(payload) in html}
    # The text is there, as text.
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
        in client.get(
            reverse("admin:reviews_review_change", args=[hostile["reviews"][0].pk])
        ).content.decode()
    )
    assert seen_escaped == set(PAYLOADS)


def test_every_admin_page_a_reviewer_sees_shows_user_text_escaped(client, reviewer, hostile):
    client.force_login(reviewer)
    first = hostile["claims"][0]
    pages = [
        reverse("admin:index"),
        reverse("admin:claims_claim_changelist"),
        reverse("admin:claims_claim_change", args=[first.pk]),
        reverse("admin:sources_article_change", args=[hostile["article"].pk]),
        reverse("admin:reviews_review_changelist"),
        reverse("admin:reviews_review_change", args=[hostile["reviews"][0].pk]),
        reverse("admin:reviews_review_change", args=[hostile["reviews"][1].pk]),
        reverse("admin:reviews_review_add") + f"?claim={first.pk}",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)


def test_csv_export_writes_user_text_as_it_was_typed(editor_client, hostile):
    response = editor_client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "export_csv", "_selected_action": [c.pk for c in hostile["claims"]]},
    )
    text = b"".join(response.streaming_content).decode()
    assert SCRIPT in text  # CSV is data, not HTML: nothing to escape, served as text/csv
    assert response["Content-Type"].startswith("text/csv")
    assert response["X-Content-Type-Options"] == "nosniff"
