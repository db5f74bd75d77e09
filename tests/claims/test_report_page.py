"""The HTML report as a reader meets it: a summary first, conflicts before changes before the
rest, one-claim metrics folded into one list, tables in date order, resolutions in words."""

import dataclasses
import datetime as dt

from claims.reports.metric_report import ReportFinding
from claims.reports.render import render_html, render_text
from tests.claims.test_chart import claim, report

DAY = dt.date(2020, 1, 1)


def named(base, slug: str, name: str):
    return dataclasses.replace(base, slug=slug, name=name)


def conflicting(slug: str, name: str, resolution: str = ""):
    claims = [claim(1, DAY, 100, 100, "100"), claim(2, DAY + dt.timedelta(days=3), 900, 900, "900")]
    finding = ReportFinding("conflict", 1, 2, 9.0, 800.0, 8.0, 3, ("different_scope",),
                            resolution_kind=resolution)  # fmt: skip
    built = named(report(claims, [finding]), slug, name)
    summary = dataclasses.replace(built.summary, open_conflicts=0 if resolution else 1)
    return dataclasses.replace(built, summary=summary)


def changing(slug: str, name: str):
    claims = [claim(3, DAY, 100, 100, "100"), claim(4, DAY.replace(year=2024), 900, 900, "900")]
    finding = ReportFinding("change", 3, 4, 9.0, 800.0, 8.0, 1461, ("different_period",))
    built = named(report(claims, [finding]), slug, name)
    return dataclasses.replace(built, summary=dataclasses.replace(built.summary, changes=1))


def single(slug: str, name: str):
    return named(report([claim(5, DAY, 3.4e6, 3.4e6, "3.4 million", "UNHCR")]), slug, name)


def page(reports) -> str:
    return "".join(render_html(reports))


def test_the_page_opens_with_a_summary_of_conflicts_changes_and_the_rest():
    html = page([single("a-one", "Alpha one"), changing("b-change", "Beta change"),
                 conflicting("c-conflict", "Gamma conflict")])  # fmt: skip
    summary = html[html.index('id="summary"') : html.index("</section>")]
    assert "1 metric with open conflicts" in summary
    assert summary.index("Gamma conflict") < summary.index("Beta change")
    assert "1 metric with one claim" in summary


def test_metrics_with_open_conflicts_come_first_then_changes_then_one_claim_metrics():
    html = page([single("a-one", "Alpha one"), changing("b-change", "Beta change"),
                 conflicting("c-conflict", "Gamma conflict")])  # fmt: skip
    sections = [html.index(f'id="metric-{slug}"') for slug in ("c-conflict", "b-change", "a-one")]
    assert sections == sorted(sections)


def test_one_claim_metrics_are_folded_into_one_table_without_charts():
    html = page([single(f"one-{n}", f"Single {n}") for n in range(20)])
    assert html.count("<svg") == 0
    assert html.count('<section class="singles"') == 1
    assert html.count('<tr id="metric-one-') == 20
    assert "3.4 million" in html


def test_a_metric_with_two_claims_gets_its_chart():
    assert page([changing("b-change", "Beta change")]).count("<svg") == 1


def test_the_diff_table_is_in_date_order_whatever_order_the_claims_came_in():
    later, earlier = claim(7, dt.date(2024, 5, 1), 10, 10, "ten"), claim(8, DAY, 20, 20, "twenty")
    html = page([named(report([later, earlier]), "m", "M")])
    assert html.index('id="claim-8"') < html.index('id="claim-7"')


def test_a_resolution_is_shown_in_words_not_as_its_code():
    html = page([conflicting("c", "C", resolution="different_period")])
    assert "resolved: different period" in html
    assert "different_period" not in html.split('<ul class="findings">')[1]
    text = "".join(render_text([conflicting("c", "C", resolution="source_a_wrong")]))
    assert "resolved: the older claim's source is wrong" in text
