"""One chart per metric: each figure as an interval against its as-of date, conflicts marked.

Drawn with matplotlib's object API (no pyplot global state, so it is safe in web processes and
Celery workers) into an SVG string that the HTML report embeds: the page needs no other file.
"""

from __future__ import annotations

import datetime as dt
import io
import math

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from claims.reports.metric_report import MetricReport, ReportClaim

CONFLICT = "#c62828"
CHANGE = "#6d6d6d"
FIGURE = "#1f5fa8"
RESOLVED = "#9e9e9e"


def _midpoint(claim: ReportClaim) -> dt.date:
    return claim.as_of_start + (claim.as_of_end - claim.as_of_start) / 2


def _value_mid(claim: ReportClaim) -> float:
    if claim.lo is not None and claim.hi is not None:
        return (claim.lo + claim.hi) / 2
    return claim.lo if claim.lo is not None else claim.hi


def metric_chart_svg(report: MetricReport) -> str:
    """The metric's chart as an SVG document (an empty string when nothing can be drawn)."""
    drawable = [
        c for c in report.claims if not c.problem and (c.lo is not None or c.hi is not None)
    ]
    if not drawable:
        return ""
    finite = [v for c in drawable for v in (c.lo, c.hi) if v is not None]
    low, high = min(finite), max(finite)
    pad = (high - low) * 0.15 or abs(high) * 0.2 or 1.0
    bottom, top = low - pad, high + pad
    if low >= 0:
        bottom = max(bottom, 0.0)
    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(8.2, 3.4), dpi=100)
        axes = figure.add_subplot()
        by_id = {c.id: c for c in drawable}
        in_conflict = {
            claim_id
            for f in report.findings
            if f.kind == "conflict" and not f.resolved
            for claim_id in (f.older_id, f.newer_id)
        }
        for claim in drawable:
            x = date2num(_midpoint(claim))
            lo = claim.lo if claim.lo is not None else bottom
            hi = claim.hi if claim.hi is not None else top
            color = CONFLICT if claim.id in in_conflict else FIGURE
            axes.vlines(x, lo, hi, colors=color, linewidth=7, alpha=0.55)
            if claim.as_of_end > claim.as_of_start:
                axes.hlines(
                    _value_mid(claim), date2num(claim.as_of_start), date2num(claim.as_of_end),
                    colors=color, linewidth=1.2,
                )  # fmt: skip
            if claim.hi is None:
                axes.plot([x], [top], marker="^", color=color)
            if claim.lo is None:
                axes.plot([x], [bottom], marker="v", color=color)
            axes.annotate(
                f"{claim.figure} — {claim.source}"[:48],
                (x, hi), xytext=(4, 3), textcoords="offset points", fontsize=8, color="#222",
            )  # fmt: skip
        for finding in report.findings:
            older, newer = by_id.get(finding.older_id), by_id.get(finding.newer_id)
            if older is None or newer is None:
                continue
            points = [
                (date2num(_midpoint(older)), _value_mid(older)),
                (date2num(_midpoint(newer)), _value_mid(newer)),
            ]
            if finding.kind == "conflict":
                style = {"color": RESOLVED if finding.resolved else CONFLICT, "linestyle": "--"}
            else:
                style = {"color": CHANGE, "linestyle": ":"}
            axes.plot(*zip(*points, strict=True), linewidth=1.4, **style)
        axes.set_ylim(bottom, top)
        dates = [date2num(c.as_of_start) for c in drawable] + [
            date2num(c.as_of_end) for c in drawable
        ]
        span = max(dates) - min(dates)
        margin = max(span * 0.12, 20)
        axes.set_xlim(min(dates) - margin, max(dates) + margin)
        locator = AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        axes.set_ylabel(report.unit)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _tick(value)))
        axes.grid(axis="y", alpha=0.3)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(
            handles=[
                Line2D([], [], color=FIGURE, linewidth=7, alpha=0.55, label="figure (interval)"),
                Line2D([], [], color=CONFLICT, linestyle="--", label="conflict"),
                Line2D([], [], color=CHANGE, linestyle=":", label="change over time"),
            ],
            loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
        )  # fmt: skip
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    # Keep only the <svg> element: the XML prolog and doctype do not belong inside HTML.
    return svg[svg.index("<svg") :]


def _tick(value: float) -> str:
    if not math.isfinite(value):
        return ""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if abs(value) >= 10_000:
        return f"{value / 1_000:g}k"
    return f"{value:,.4g}"
