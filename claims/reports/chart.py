"""One chart per metric: each figure as an interval against its as-of date, conflicts marked.

Drawn with matplotlib's object API (no pyplot global state, so it is safe in web processes and
Celery workers) into an SVG string that the HTML report embeds: the page needs no other file.

No text on the chart may overprint another, the legend or the axes, or run off the figure, at
any number of claims. So every label is placed with its measured extent: each claim's label
("3,000 to 5,000 — U.N. report") goes at the first free place around its bar. When one of them
finds no free place, every bar gets its number instead and a numbered key beside the chart says
which figure and source it is; the figure grows in height to hold the key. Claims of one date
stand side by side rather than on top of each other. All text is plain: a "$" in a name or a
figure is drawn as a dollar sign, never read as mathtext.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from collections import defaultdict
from dataclasses import dataclass

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox

from claims.reports.metric_report import MetricReport, ReportClaim

CONFLICT = "#c62828"
CHANGE = "#6d6d6d"
FIGURE = "#1f5fa8"
RESOLVED = "#9e9e9e"

WIDTH_IN = 8.2
MIN_HEIGHT_IN = 3.4
DPI = 100
# Where the plot ends and the legend and key column begins, as a fraction of the width.
PLOT_RIGHT = 0.66
KEY_LEFT = 0.685
BAR_WIDTH_PT = 7
LABEL_SIZE = 8
GAP_PX = 3  # the least space between two texts, or a text and a bar or an edge
DIRECT_LABELS_UP_TO = 12
KEY_WRAP = 46  # characters per line in the key, narrowed until the line fits the column


@dataclass
class Chart:
    """A drawn chart: the figure, and each claim's label or number in it (for the tests and the
    page's table to agree on the numbering)."""

    figure: Figure
    numbered: bool
    labels: dict[int, Text]


def _midpoint(claim: ReportClaim) -> dt.date:
    return claim.as_of_start + (claim.as_of_end - claim.as_of_start) / 2


def _value_mid(claim: ReportClaim) -> float:
    if claim.lo is not None and claim.hi is not None:
        return (claim.lo + claim.hi) / 2
    return claim.lo if claim.lo is not None else claim.hi


def _drawable(report: MetricReport) -> list[ReportClaim]:
    return [
        c
        for c in report.claims
        if not c.problem
        and (c.lo is not None or c.hi is not None)
        and c.as_of_start is not None
        and c.as_of_end is not None
    ]


def y_range(claims: list[ReportClaim]) -> tuple[float, float]:
    """The value axis: every finite end with room around it. Figures that are all near one
    value (one claim, say) get an axis around that value, not one from zero."""
    finite = [v for c in claims for v in (c.lo, c.hi) if v is not None]
    low, high = min(finite), max(finite)
    middle = (low + high) / 2
    span = high - low
    pad = max(span * 0.15, abs(middle) * 0.08) or 1.0
    bottom, top = low - pad, high + pad
    # From zero when the figures spread widely (a reader compares bar heights then); around
    # the figures when they are close to one another.
    if low >= 0 and (span > 0.5 * high or bottom < 0):
        bottom = 0.0
    return bottom, top


def metric_chart(report: MetricReport) -> Chart | None:
    """The metric's chart as a drawn matplotlib figure (None when nothing can be drawn)."""
    drawable = _drawable(report)
    if not drawable:
        return None
    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 9, "text.usetex": False}):
        # Past a dozen claims direct labels never all find room: go straight to the key.
        for numbered in (False, True) if len(drawable) <= DIRECT_LABELS_UP_TO else (True,):
            chart = _draw(report, drawable, numbered=numbered)
            if chart is not None:
                return chart
    raise AssertionError("the numbered chart always places its key")  # pragma: no cover


def metric_chart_svg(report: MetricReport) -> str:
    """The metric's chart as an SVG document (an empty string when nothing can be drawn)."""
    chart = metric_chart(report)
    if chart is None:
        return ""
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        buffer = io.StringIO()
        chart.figure.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    # Keep only the <svg> element: the XML prolog and doctype do not belong inside HTML.
    return svg[svg.index("<svg") :]


def label_text(claim: ReportClaim) -> str:
    return f"{claim.figure} — {claim.source}"


def _key_lines(drawable: list[ReportClaim]) -> list[str]:
    return [
        f"{number}. {label_text(c)}, {c.as_of_start.isoformat()}"
        for number, c in enumerate(drawable, start=1)
    ]


def _draw(report: MetricReport, drawable: list[ReportClaim], *, numbered: bool) -> Chart | None:
    """Draw the chart with direct labels, or with numbers and a key; None when a direct label
    finds no free place (the caller then draws it numbered)."""
    drawable = sorted(drawable, key=lambda c: (_midpoint(c), _value_mid(c), c.id))
    height = MIN_HEIGHT_IN
    for _ in range(4):  # the key may need a taller figure; its height is known after one try
        figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
        canvas = FigureCanvasAgg(figure)
        renderer = canvas.get_renderer()
        axes = figure.add_axes((0.1, 0.14, PLOT_RIGHT - 0.1, 0.8))
        legend = _legend(figure)
        key = _key(figure, drawable, legend, renderer) if numbered else []
        needed = _key_bottom_overflow(key, renderer)
        if needed > 0:
            height += needed / DPI + 0.15
            continue
        _frame(axes, report, drawable, figure, renderer)
        bars = _bars(axes, report, drawable)
        obstacles = _obstacles(axes, drawable, bars, renderer)
        labels = _place_labels(axes, drawable, bars, obstacles, renderer, numbered=numbered)
        if labels is None:
            return None
        return Chart(figure=figure, numbered=numbered, labels=labels)
    return None  # pragma: no cover - the key fits after the height is set from its size


def _legend(figure: Figure):
    return figure.legend(
        handles=[
            Line2D([], [], color=FIGURE, linewidth=BAR_WIDTH_PT, alpha=0.55, label="figure"),
            Line2D([], [], color=CONFLICT, linestyle="--", label="conflict"),
            Line2D([], [], color=CHANGE, linestyle=":", label="change over time"),
        ],
        loc="upper left", bbox_to_anchor=(KEY_LEFT - 0.01, 0.99), frameon=False, fontsize=8,
    )  # fmt: skip


def _key(figure: Figure, drawable, legend, renderer) -> list[Text]:
    """The numbered key in the column beside the plot, below the legend, each entry wrapped to
    the column's width as measured."""
    column = (1.0 - KEY_LEFT - 0.01) * figure.get_figwidth() * figure.dpi
    height = figure.get_figheight() * figure.dpi
    top = legend.get_window_extent(renderer).y0 - GAP_PX * 2
    texts = []
    for line in _key_lines(drawable):
        for width in range(KEY_WRAP, 10, -4):
            wrapped = "\n".join(textwrap.wrap(line, width, subsequent_indent="    "))
            text = figure.text(
                KEY_LEFT, top / height, wrapped, fontsize=7, va="top", ha="left",
                parse_math=False,
            )  # fmt: skip
            box = text.get_window_extent(renderer)
            if box.width <= column:
                break
            text.remove()
        texts.append(text)
        top = box.y0 - GAP_PX
    return texts


def _key_bottom_overflow(key: list[Text], renderer) -> float:
    """How many pixels the key runs below the figure's bottom edge (0 when it fits)."""
    if not key:
        return 0.0
    return max(0.0, GAP_PX - key[-1].get_window_extent(renderer).y0)


def _frame(axes, report: MetricReport, drawable, figure: Figure, renderer) -> None:
    """Axes limits, ticks that do not collide, and margins measured to hold them."""
    bottom, top = y_range(drawable)
    axes.set_ylim(bottom, top)
    dates = [date2num(c.as_of_start) for c in drawable] + [date2num(c.as_of_end) for c in drawable]
    span = max(dates) - min(dates)
    margin = max(span * 0.12, 20)
    axes.set_xlim(min(dates) - margin, max(dates) + margin)
    axes.set_ylabel(report.unit, parse_math=False)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _tick(value)))
    axes.grid(axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    for _ in range(2):  # margins from the ticks, then the ticks again for the new width
        _date_ticks(axes, figure, renderer)
        _fit_margins(axes, figure, renderer)
    _date_ticks(axes, figure, renderer)


def _date_ticks(axes, figure: Figure, renderer) -> None:
    """As many date ticks as fit with room between their labels."""
    for maxticks in (7, 5, 4, 3, 2):
        locator = AutoDateLocator(minticks=2, maxticks=maxticks)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        _lay_out_ticks(axes, renderer)
        boxes = [_grow(b, GAP_PX) for b in _visible_boxes(_drawn_labels(axes.xaxis), renderer)]
        if not _any_overlap(boxes):
            return


def _drawn_labels(axis) -> list[Text]:
    """The tick labels matplotlib draws: those of ticks inside the axis's view (it keeps others,
    out of view, that are never drawn)."""
    low, high = sorted(axis.get_view_interval())
    slack = (high - low) * 1e-9
    return [
        tick.label1
        for tick in axis.get_major_ticks()
        if low - slack <= tick.get_loc() <= high + slack
    ]


def _visible_boxes(texts, renderer) -> list[Bbox]:
    return [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]


def _fit_margins(axes, figure: Figure, renderer) -> None:
    """A left margin as wide as the value ticks and the unit's label need, a bottom margin as
    tall as the date ticks need: nothing is cut at the figure's edge."""
    frame = axes.get_window_extent(renderer)
    left_texts = _visible_boxes(_drawn_labels(axes.yaxis), renderer)
    left_texts += _visible_boxes([axes.yaxis.label], renderer)
    under = _visible_boxes([*_drawn_labels(axes.xaxis), axes.xaxis.get_offset_text()], renderer)
    width, height = figure.get_figwidth() * figure.dpi, figure.get_figheight() * figure.dpi
    left = (frame.x0 - min((b.x0 for b in left_texts), default=frame.x0) + 3 * GAP_PX) / width
    below = (frame.y0 - min((b.y0 for b in under), default=frame.y0) + 3 * GAP_PX) / height
    top = 1 - 14 / height
    axes.set_position((left, below, PLOT_RIGHT - left, top - below))
    _lay_out_ticks(axes, renderer)


def _lay_out_ticks(axes, renderer) -> None:
    """Set the ticks' labels and positions as a draw would, without rasterising anything."""
    axes.xaxis.get_tightbbox(renderer)
    axes.yaxis.get_tightbbox(renderer)


def _bars(axes, report: MetricReport, drawable) -> dict[int, tuple[float, float, float]]:
    """Draw each claim's interval; claims of one date stand side by side. Returns each claim's
    bar as (x in data units, low, high) with open ends drawn to the axis edge."""
    bottom, top = axes.get_ylim()
    x0, x1 = axes.get_xlim()
    width_pt = axes.get_window_extent().width * 72 / axes.figure.dpi
    days_per_pt = (x1 - x0) / width_pt
    same_date: dict[dt.date, list[ReportClaim]] = defaultdict(list)
    for claim in drawable:
        same_date[_midpoint(claim)].append(claim)
    in_conflict = {
        claim_id
        for f in report.findings
        if f.kind == "conflict" and not f.resolved
        for claim_id in (f.older_id, f.newer_id)
    }
    bars = {}
    step = BAR_WIDTH_PT + 2
    for date, claims in same_date.items():
        for position, claim in enumerate(claims):
            shift = (position - (len(claims) - 1) / 2) * step * days_per_pt
            x = date2num(date) + shift
            lo = claim.lo if claim.lo is not None else bottom
            hi = claim.hi if claim.hi is not None else top
            color = CONFLICT if claim.id in in_conflict else FIGURE
            axes.vlines(x, lo, hi, colors=color, linewidth=BAR_WIDTH_PT, alpha=0.55)
            if claim.as_of_end > claim.as_of_start:
                axes.hlines(
                    _value_mid(claim), date2num(claim.as_of_start), date2num(claim.as_of_end),
                    colors=color, linewidth=1.2,
                )  # fmt: skip
            if claim.hi is None:
                axes.plot([x], [top], marker="^", color=color, clip_on=False)
            if claim.lo is None:
                axes.plot([x], [bottom], marker="v", color=color, clip_on=False)
            bars[claim.id] = (x, lo, hi)
    by_id = {c.id: c for c in drawable}
    for finding in report.findings:
        if finding.older_id not in bars or finding.newer_id not in bars:
            continue
        older, newer = by_id[finding.older_id], by_id[finding.newer_id]
        xs = [bars[older.id][0], bars[newer.id][0]]
        ys = [_value_mid(older), _value_mid(newer)]
        if finding.kind == "conflict":
            style = {"color": RESOLVED if finding.resolved else CONFLICT, "linestyle": "--"}
        else:
            style = {"color": CHANGE, "linestyle": ":"}
        axes.plot(xs, ys, linewidth=1.4, **style)
    return bars


def _obstacles(axes, drawable, bars, renderer) -> list[Bbox]:
    """What a label must not cover: every bar, and every text already on the figure (ticks,
    the unit's label, the legend, the key)."""
    boxes = []
    half = BAR_WIDTH_PT / 2 * axes.figure.dpi / 72
    to_px = axes.transData.transform
    for x, lo, hi in bars.values():
        (px, py0), (_, py1) = to_px((x, lo)), to_px((x, hi))
        boxes.append(Bbox.from_extents(px - half, min(py0, py1) - 6, px + half, max(py0, py1) + 6))
    figure = axes.figure
    for text in figure.findobj(Text):
        if text.get_visible() and text.get_text() and text.figure is figure:
            boxes.append(text.get_window_extent(renderer))
    return boxes


def _candidates(px: float, py_low: float, py_high: float, box_w: float, box_h: float, step: int):
    """Lower-left corners to try for a label of the given size beside a bar, nearest first:
    right and left of the bar's top, bottom and middle, then above and below it, then further
    up and down in steps of the label's height."""
    half = BAR_WIDTH_PT / 2 * DPI / 72 + GAP_PX
    middle = (py_low + py_high) / 2 - box_h / 2
    rows = [py_high - box_h, py_low, middle, py_high + 2, py_low - box_h - 2]
    for row in rows:
        yield px + half, row
        yield px - half - box_w, row
    yield px - box_w / 2, py_high + GAP_PX + 6
    yield px - box_w / 2, py_low - box_h - GAP_PX - 6
    for n in range(1, step + 1):
        for row in (py_high + n * (box_h + GAP_PX), py_low - n * (box_h + GAP_PX)):
            yield px + half, row
            yield px - half - box_w, row


def _place_labels(axes, drawable, bars, obstacles, renderer, *, numbered: bool):
    """Each claim's label (or number) at the first free place beside its bar, inside the plot.
    None when a direct label finds no place; a number that finds none is left to the key."""
    figure = axes.figure
    width, height = figure.get_figwidth() * figure.dpi, figure.get_figheight() * figure.dpi
    frame = axes.get_window_extent(renderer)
    inside = Bbox.from_extents(frame.x0 + GAP_PX, frame.y0 + GAP_PX, frame.x1 - GAP_PX, frame.y1)
    taken = [_grow(box, GAP_PX).extents for box in obstacles]
    placed: dict[int, Text] = {}
    to_px = axes.transData.transform
    for number, claim in enumerate(drawable, start=1):
        x, lo, hi = bars[claim.id]
        # Placed in figure fractions, not pixels: the SVG is written at another dpi.
        text = axes.text(
            0, 0, str(number) if numbered else label_text(claim), transform=figure.transFigure,
            fontsize=7 if numbered else LABEL_SIZE, color="#222", ha="left", va="bottom",
            parse_math=False, clip_on=False,
        )  # fmt: skip
        size = text.get_window_extent(renderer)
        (px, py_low), (_, py_high) = to_px((x, lo)), to_px((x, hi))
        for cx, cy in _candidates(px, py_low, py_high, size.width, size.height, 12):
            box = Bbox.from_bounds(cx, cy, size.width, size.height)
            if not _contains(inside, box):
                continue
            x0, y0, x1, y1 = box.extents
            if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in taken):
                continue
            text.set_position((cx / width, cy / height))
            taken.append(_grow(text.get_window_extent(renderer), GAP_PX).extents)
            placed[claim.id] = text
            break
        else:
            text.remove()
            if not numbered:
                return None
    return placed


def _contains(outer: Bbox, inner: Bbox) -> bool:
    return (
        outer.x0 <= inner.x0 and inner.x1 <= outer.x1 and outer.y0 <= inner.y0
        and inner.y1 <= outer.y1
    )  # fmt: skip


def _grow(box: Bbox, by: float) -> Bbox:
    return Bbox.from_extents(box.x0 - by, box.y0 - by, box.x1 + by, box.y1 + by)


def _any_overlap(boxes: list[Bbox]) -> bool:
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def _tick(value: float) -> str:
    if not math.isfinite(value):
        return ""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if abs(value) >= 10_000:
        return f"{value / 1_000:g}k"
    return f"{value:,.4g}"
