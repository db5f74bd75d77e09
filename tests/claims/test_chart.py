"""The report's chart: every text on it readable, none over another, none cut at the edge."""

import datetime as dt
import re

from matplotlib.text import Text

from claims.reports.chart import metric_chart, metric_chart_svg
from claims.reports.metric_report import MetricReport, ReportClaim, ReportFinding, ReportSummary

SOURCES = [
    "UN Analytical Support and Sanctions Monitoring Team", "Norway Today", "UN",
    "U.S. Central Command", "James F. Jeffrey", "Kurdistan Region Security Council",
]  # fmt: skip


def claim(number: int, day: dt.date, lo, hi, figure: str = "", source: str = "UN") -> ReportClaim:
    return ReportClaim(
        id=number, figure=figure or f"{lo:,.0f}", quote="", lo=lo, hi=hi, qualifier="exact",
        unit="count", subject="fighters", scope="", speaker=source, outlet="Rudaw",
        article_id=1, article_title="", article_url=None, published=day, as_of_start=day,
        as_of_end=day, as_of_precision="day", status="confirmed", verdict="",
    )  # fmt: skip


def report(claims, findings=()) -> MetricReport:
    values = [v for c in claims for v in (c.lo, c.hi) if v is not None]
    summary = ReportSummary(
        claims=len(claims), speakers=1, lowest=min(values), highest=max(values),
        spread_ratio=None, earliest=None, latest=None, open_conflicts=0, changes=0,
    )  # fmt: skip
    return MetricReport(
        slug="fighters", name="Fighters", unit="count", kind="level", scope="",
        comparability_days=365, claims=tuple(claims), findings=tuple(findings), summary=summary,
    )  # fmt: skip


def thirty_claims_on_five_dates() -> MetricReport:
    days = [dt.date(2020, 1, 21), dt.date(2020, 6, 1), dt.date(2021, 3, 3),
            dt.date(2023, 8, 15), dt.date(2024, 1, 31)]  # fmt: skip
    claims = []
    for number in range(30):
        value = 1480 + 20 * (number % 4)  # close figures: their labels compete for one place
        claims.append(claim(number + 1, days[number % 5], value, value + 10 * (number % 3),
                            source=SOURCES[number % len(SOURCES)]))  # fmt: skip
    return report(claims, [ReportFinding("conflict", 1, 2, 1.1, 20.0, 0.01, 5, ())])


def undrawn_tick_labels(figure) -> set:
    """Tick labels matplotlib keeps for ticks outside the view: they are never drawn."""
    hidden = set()
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 * (high - low) <= tick.get_loc() <= high + 1e-9 * (high - low):
                    hidden |= {tick.label1, tick.label2}
    return hidden


def text_boxes(chart) -> list[tuple[str, object]]:
    """Every text drawn on the chart with its box in pixels, as matplotlib lays it out."""
    figure = chart.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    hidden = undrawn_tick_labels(figure)
    return [
        (text.get_text(), text.get_window_extent(renderer))
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_text().strip() and text not in hidden
    ]


def overlapping(boxes) -> list[tuple[str, str]]:
    return [
        (a, b)
        for i, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[i + 1 :]
        if box_a.overlaps(box_b)
    ]


def test_no_two_texts_of_a_crowded_chart_overlap():
    chart = metric_chart(thirty_claims_on_five_dates())
    assert overlapping(text_boxes(chart)) == []


def test_no_text_of_a_crowded_chart_runs_off_the_figure():
    chart = metric_chart(thirty_claims_on_five_dates())
    edge = chart.figure.bbox
    for text, box in text_boxes(chart):
        assert edge.x0 <= box.x0 and box.x1 <= edge.x1, text
        assert edge.y0 <= box.y0 and box.y1 <= edge.y1, text


def test_a_crowded_chart_numbers_its_bars_and_keys_every_claim():
    chart = metric_chart(thirty_claims_on_five_dates())
    assert chart.numbered
    texts = [text for text, _ in text_boxes(chart)]
    key = " ".join(texts)
    for number in range(1, 31):
        assert re.search(rf"(^| ){number}\. ", key), number
    assert "Sanctions Monitoring Team" in key.replace("\n    ", " ")


def test_labels_of_a_crowded_chart_stay_inside_the_plot():
    chart = metric_chart(thirty_claims_on_five_dates())
    axes = chart.figure.axes[0]
    renderer = chart.figure.canvas.get_renderer()
    frame = axes.get_window_extent(renderer)
    assert chart.labels
    for label in chart.labels.values():
        box = label.get_window_extent(renderer)
        assert frame.x0 < box.x0 and box.x1 < frame.x1 and frame.y0 < box.y0


def test_a_sparse_chart_labels_its_figures_directly():
    sparse = report([
        claim(1, dt.date(2020, 1, 21), 14000, 18000, "14- to 18,000", "James F. Jeffrey"),
        claim(2, dt.date(2024, 1, 31), 3000, 5000, "3,000 to 5,000", "UN"),
    ])  # fmt: skip
    chart = metric_chart(sparse)
    assert not chart.numbered
    texts = [text for text, _ in text_boxes(chart)]
    assert "14- to 18,000 — James F. Jeffrey" in texts
    assert overlapping(text_boxes(chart)) == []


def test_dollar_signs_are_drawn_as_written_never_as_mathtext():
    money = report([
        claim(1, dt.date(2020, 1, 1), 5e6, 7e6, "$5 to $7 million", "Mr $\\nosuchcmd$"),
        claim(2, dt.date(2021, 1, 1), 6e6, 6e6, "$6 million", "A $x$ fund"),
    ])  # fmt: skip
    svg = metric_chart_svg(money)
    assert "$5 to $7 million" in svg
    assert "$\\nosuchcmd$" in svg


def test_a_one_claim_chart_has_its_value_axis_around_the_figure():
    chart = metric_chart(report([claim(1, dt.date(2024, 5, 1), 3.4e6, 3.4e6, "3.4 million")]))
    bottom, top = chart.figure.axes[0].get_ylim()
    assert 2.5e6 < bottom < 3.4e6 < top < 4.3e6


def test_a_chart_of_a_value_of_one_does_not_span_zero_to_two():
    chart = metric_chart(report([claim(1, dt.date(2024, 5, 1), 1.0, 1.0, "one")]))
    bottom, top = chart.figure.axes[0].get_ylim()
    assert 0.8 <= bottom < 1 < top <= 1.2


def test_date_ticks_do_not_collide_on_a_long_span():
    spread = report([claim(n, dt.date(1990 + n, 1, 1), 100 * n, 100 * n) for n in range(1, 35)])
    chart = metric_chart(spread)
    ticks = [
        (t.get_text(), t.get_window_extent(chart.figure.canvas.get_renderer()))
        for t in chart.figure.axes[0].get_xticklabels()
        if t.get_text() and t not in undrawn_tick_labels(chart.figure)
    ]
    assert len(ticks) >= 2
    assert overlapping(ticks) == []
