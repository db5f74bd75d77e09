"""The resolution form: the editor sees both claims as they weigh them, saves, and is back on
the metric; the kind of a resolution reads in words wherever a person reads it."""

import datetime
import json
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from claims.models import ConflictResolution
from claims.reports.build import ReportFilter, metric_reports
from claims.reports.render import render_json, render_text
from claims.services import conflict_resolve
from tests.factories import ArticleFactory, ClaimFactory, MetricFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:claims_conflictresolution_add")
BODY = "Aid workers counted 3.4 million refugees at the border by the end of the month.\n"


@pytest.fixture
def pair():
    metric = MetricFactory(name="Refugees at the border", slug="refugees-at-the-border")
    claims = []
    for outlet_day, speaker, figure, low in (
        (datetime.date(2024, 3, 1), "Lina Okafor", "3.4 million", 3.4e6),
        (datetime.date(2024, 6, 1), "Tomas Berg", "2.1 million", 2.1e6),
    ):
        article = ArticleFactory(
            body=BODY.replace("3.4 million", figure).replace("month", f"month {speaker}"),
            published=outlet_day,
            url=f"https://news.example.org/{speaker.split()[1].lower()}",
        )  # fmt: skip
        start = article.body.index(figure)
        claims.append(
            ClaimFactory(
                article=article, quote=article.body.strip(), figure=figure, start=start,
                end=start + len(figure), value_low=low, value_high=low, metric=metric,
                status="confirmed", speaker=SpeakerFactory(name=speaker), as_of_start=outlet_day,
                as_of_end=outlet_day, as_of_precision="day",
            )
        )  # fmt: skip
    return metric, claims


def test_the_form_shows_each_claim_with_figure_date_outlet_speaker_and_link(editor_client, pair):
    _, (one, two) = pair
    page = editor_client.get(f"{ADD}?{urlencode({'claim_a': one.pk, 'claim_b': two.pk})}")
    text = page.content.decode()
    for claim, day in ((one, "1 March 2024"), (two, "1 June 2024")):
        assert f'data-claim="{claim.pk}"' in text
        assert claim.article.outlet.name in text
        assert claim.speaker.name in text
        assert f'href="{claim.article.url}"' in text
        assert day in text
    assert '<mark class="claims-figure">3.4 million</mark> refugees' in text
    assert '<mark class="claims-figure">2.1 million</mark> refugees' in text


def test_saving_a_resolution_returns_to_the_metric_not_the_list(editor_client, pair):
    metric, (one, two) = pair
    response = editor_client.post(
        ADD, {"claim_a": one.pk, "claim_b": two.pk, "kind": "different_period", "note": ""}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:claims_metric_change", args=[metric.pk]))
    assert ConflictResolution.objects.get().kind == "different_period"


def test_changing_a_resolution_also_returns_to_the_metric(editor_client, editor, pair):
    metric, (one, two) = pair
    resolution = conflict_resolve(claim_one=one, claim_two=two, kind="both_wrong", user=editor)
    change = reverse("admin:claims_conflictresolution_change", args=[resolution.pk])
    assert "claims-summary" in editor_client.get(change).content.decode()
    response = editor_client.post(
        change, {"claim_a": one.pk, "claim_b": two.pk, "kind": "different_scope", "note": "x"}
    )
    assert response["Location"].startswith(reverse("admin:claims_metric_change", args=[metric.pk]))


def test_save_and_continue_stays_on_the_resolution(editor_client, pair):
    _, (one, two) = pair
    response = editor_client.post(
        ADD, {"claim_a": one.pk, "claim_b": two.pk, "kind": "not_comparable", "note": "",
              "_continue": "1"},
    )  # fmt: skip
    resolution = ConflictResolution.objects.get()
    assert response["Location"] == reverse(
        "admin:claims_conflictresolution_change", args=[resolution.pk]
    )


def test_a_different_period_resolution_reads_in_words_in_admin_reports_and_api(
    editor_client, editor, pair
):
    metric, (one, two) = pair
    conflict_resolve(claim_one=one, claim_two=two, kind="different_period", user=editor)
    listing = editor_client.get(reverse("admin:claims_conflictresolution_changelist"))
    assert "Different period: both can be true" in listing.content.decode()
    table = listing.content.decode().split('id="result_list"')[1].split("</table>")[0]
    assert "different_period" not in table
    api = editor_client.get("/api/resolutions/").json()
    rows = api["results"] if isinstance(api, dict) else api
    assert rows[0]["kind"] == "different_period"
    assert rows[0]["kind_label"] == "Different period: both can be true"
    reports = list(metric_reports(ReportFilter(metric=metric.slug)))
    assert "different_period" not in "".join(render_text(reports))
    document = json.loads("".join(render_json(iter(reports))))
    resolved = [f["resolution"] for m in document["metrics"] for f in m["findings"]
                if f["resolution"]]  # fmt: skip
    assert resolved and all(r["label"] == "different period" for r in resolved)
    metric_page = editor_client.get(reverse("admin:claims_metric_change", args=[metric.pk]))
    shown = re.sub(r'href="[^"]*"', "", metric_page.content.decode().split("figures-compared")[1])
    assert "resolved: different period" in shown
    assert "different_period" not in shown


def test_the_history_of_a_resolution_names_its_kinds_in_words(editor_client, editor, pair):
    _, (one, two) = pair
    resolution = conflict_resolve(claim_one=one, claim_two=two, kind="both_wrong", user=editor)
    conflict_resolve(claim_one=one, claim_two=two, kind="different_period", user=editor)
    page = editor_client.get(
        reverse("admin:claims_conflictresolution_history", args=[resolution.pk])
    ).content.decode()
    history = page.split('id="change-history"')[1]
    assert "Both sources are wrong &rarr; Different period: both can be true" in history
    assert "different_period" not in re.sub(r'href="[^"]*"', "", history)
