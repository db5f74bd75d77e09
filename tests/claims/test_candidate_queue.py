"""The candidate queue by article: each candidate's figure marked in its sentence, counts per
article, one form per candidate that works without JavaScript, and a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim
from claims_project.concurrency import fingerprint
from sources.models import Article
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:claims_claim_queue")
BODY = (
    "Rescuers said 12 people were missing after the flood, and that 12 boats had gone out.\n"
    "The council counted 300 homes damaged.\n"
)


def candidates_in(article, *figures_and_sentences):
    made = []
    for figure, sentence, occurrence in figures_and_sentences:
        begins = article.body.index(sentence)
        at = begins + [m.start() for m in re.finditer(re.escape(figure), sentence)][occurrence]
        made.append(
            ClaimFactory(
                article=article, quote=sentence, figure=figure, start=at, end=at + len(figure),
                value_low=float(figure), value_high=float(figure), status="candidate",
            )
        )  # fmt: skip
    return made


@pytest.fixture
def two_articles():
    first = ArticleFactory(title="Flood leaves town counting", body=BODY)
    second = ArticleFactory(title="Homes lost on the coast", body=BODY.replace("300", "450"))
    line = BODY.splitlines()[0]
    flood = candidates_in(first, ("12", line, 0), ("12", line, 1), ("300", BODY.splitlines()[1], 0))
    coast = candidates_in(second, ("450", BODY.replace("300", "450").splitlines()[1], 0))
    ClaimFactory(status="confirmed")  # decided: not in the queue
    return (first, flood), (second, coast)


def sections(page: str) -> list[str]:
    return page.split('<section class="module triage-article"')[1:]


def test_candidates_are_grouped_by_article_with_each_article_s_count(editor_client, two_articles):
    page = editor_client.get(QUEUE).content.decode()
    (first, _), (second, _) = two_articles
    shown = sections(page)
    assert len(shown) == 2
    newest, older = shown  # the article imported last comes first
    assert second.title in newest and "1 candidate<" in newest
    assert first.title in older and "3 candidates<" in older
    assert "4</strong> candidates in 2 articles" in page


def test_each_candidate_shows_its_own_occurrence_of_the_figure_marked(editor_client, two_articles):
    (_, flood), _ = two_articles
    page = editor_client.get(QUEUE).content.decode()
    first_twelve = page.split(f'id="triage-{flood[0].pk}"')[1].split("</li>")[0]
    second_twelve = page.split(f'id="triage-{flood[1].pk}"')[1].split("</li>")[0]
    assert 'said <mark class="claims-figure">12</mark> people' in first_twelve
    assert 'that <mark class="claims-figure">12</mark> boats' in second_twelve


def test_a_decision_from_the_queue_comes_back_on_the_next_candidate(editor_client, two_articles):
    (_, flood), _ = two_articles
    claim = flood[0]
    response = editor_client.post(
        reverse("admin:claims_claim_triage", args=[claim.pk]),
        {"decision": "confirmed", f"fp-{claim.pk}": fingerprint(claim),
         "next": f"{QUEUE}#triage-{flood[1].pk}"},
    )  # fmt: skip
    assert response["Location"] == f"{QUEUE}#triage-{flood[1].pk}"
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CONFIRMED
    assert f'id="triage-{claim.pk}"' not in editor_client.get(QUEUE).content.decode()


def test_a_decision_never_sends_the_editor_to_another_site(editor_client, two_articles):
    (_, flood), _ = two_articles
    claim = flood[0]
    response = editor_client.post(
        reverse("admin:claims_claim_triage", args=[claim.pk]),
        {"decision": "rejected", f"fp-{claim.pk}": fingerprint(claim),
         "next": "https://elsewhere.example/"},
    )  # fmt: skip
    assert response["Location"].startswith(
        reverse("admin:sources_article_change", args=[claim.article_id])
    )


def test_set_metric_from_the_queue_puts_the_candidate_into_the_metric(editor_client, two_articles):
    _, (_, coast) = two_articles
    metric = MetricFactory(name="Homes damaged")
    claim = coast[0]
    editor_client.post(
        reverse("admin:claims_claim_triage", args=[claim.pk]),
        {"decision": "metric", f"metric-{claim.pk}": metric.pk,
         f"fp-{claim.pk}": fingerprint(claim), "next": QUEUE},
    )  # fmt: skip
    claim.refresh_from_db()
    assert claim.metric == metric


def test_every_candidate_is_a_form_of_its_own_with_its_buttons(editor_client, two_articles):
    page = editor_client.get(QUEUE).content.decode()
    forms = re.findall(r'<form method="post" action="([^"]+)">', page)
    assert len(forms) == 4 and all(url.endswith("/triage/") for url in forms)
    assert page.count('value="confirmed">Confirm') == 4


def test_an_empty_queue_says_there_is_nothing_to_decide(editor_client):
    assert "No candidate waits" in editor_client.get(QUEUE).content.decode()


def test_a_reviewer_is_told_in_words_that_triage_is_an_editor_s_work(reviewer_client):
    response = reviewer_client.get(QUEUE, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "only editors confirm or reject candidate claims" in response.content.decode()


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(QUEUE).status_code == 200
    return len(captured)


def test_the_queue_costs_the_same_queries_for_few_and_many_candidates(editor_client):
    def articles_with_candidates(count):
        for _ in range(count):
            article = ArticleFactory(body=f"{BODY}Filed as item {Article.objects.count()}.\n")
            candidates_in(article, ("300", BODY.splitlines()[1], 0))

    articles_with_candidates(2)
    few = _queries(editor_client)
    articles_with_candidates(20)
    assert _queries(editor_client) == few


def test_the_metric_a_candidate_fits_is_chosen_by_default(editor_client):
    metric = MetricFactory(name="Fighters in the area")
    ClaimFactory(metric=metric)
    candidate = ClaimFactory(status=Claim.Status.CANDIDATE)
    page = editor_client.get(QUEUE).content.decode()
    item = page.split(f'id="triage-{candidate.pk}"')[1].split("</li>")[0]
    assert f'<option value="{metric.pk}" selected>Fighters in the area (proposed, ' in item


def test_a_long_queue_shows_its_first_candidates_and_says_how_many_wait(
    editor_client, two_articles, monkeypatch
):
    monkeypatch.setattr("claims.admin.QUEUE_LIMIT", 2)
    page = editor_client.get(QUEUE).content.decode()
    assert page.count('class="triage-item"') == 2
    assert "4</strong> candidates" in page and "the first 2 shown" in page
    assert "3 candidates<" in page  # an article's count is its whole count, not what is shown


def test_the_claim_list_leads_an_editor_to_the_queue_by_article(editor_client):
    page = editor_client.get(reverse("admin:claims_claim_changelist") + "?status__exact=candidate")
    assert page.status_code == 200
    assert f'href="{QUEUE}"' in page.content.decode()
