"""The HTML report as a reader sees it: rendered by headless Chromium, checked as a screenshot.

The screenshot is kept in tests/artifacts/ so people can look at it. Chromium comes from
Debian's package (CI installs it); without it the test is skipped with the reason.
"""

import datetime
import os
import shutil
import subprocess
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from claims.models import Metric
from fixtures.services import seed_load
from tests.factories import ArticleFactory, ClaimFactory

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    # Skipped on a developer's machine without Chromium; in CI (CI set) a missing browser fails.
    pytest.mark.skipif(
        CHROMIUM is None and not os.environ.get("CI"),
        reason="Chromium is not installed (make browser installs it)",
    ),
]


def screenshot(html: Path, png: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
             "--window-size=1200,900", f"--screenshot={png}", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(p - c) <= tolerance for p, c in zip(pixel[:3], colour, strict=True))


def test_the_html_report_shows_a_legible_chart_with_the_conflict_marked():
    seed_load()
    metric = Metric.objects.get(slug="isis-fighters-iraq-syria")
    text = "An Iraqi official put the number of fighters at 20,000.\n"
    start = text.index("20,000")
    ClaimFactory(
        article=ArticleFactory(body=text), quote=text.strip(), figure="20,000", start=start,
        end=start + 6, value_low=20_000.0, value_high=20_000.0, metric=metric,
        as_of_start=datetime.date(2020, 2, 10), as_of_end=datetime.date(2020, 2, 10),
    )  # fmt: skip
    ARTIFACTS.mkdir(exist_ok=True)
    html, png = ARTIFACTS / "report.html", ARTIFACTS / "report.png"
    call_command(
        "conflict_report", "--metric", metric.slug, "--format", "html", "--output", str(html),
        stderr=StringIO(),
    )  # fmt: skip
    screenshot(html, png)

    image = Image.open(png).convert("RGB")
    assert image.size == (1200, 900)
    pixels = list(image.get_flattened_data())
    # The intervals: bars in the figure colour (#1f5fa8 at 55% on white) and the conflict red.
    bar_blue = sum(near(p, (130, 167, 207)) for p in pixels)
    conflict_red = sum(near(p, (198, 40, 40), 50) or near(p, (223, 132, 132)) for p in pixels)
    text_dark = sum(max(p) < 90 for p in pixels)
    assert bar_blue > 300, "the figure bars are not on screen"
    assert conflict_red > 200, "the conflict is not marked in red"
    assert text_dark > 2_000, "there is too little legible text on the page"
    # The chart is drawn above the table, in the first screenful, not pushed off by it.
    chart = list(image.crop((0, 250, 1200, 620)).get_flattened_data())
    assert sum(near(p, (130, 167, 207)) for p in chart) > 300
    assert sum(near(p, (198, 40, 40), 50) or near(p, (223, 132, 132)) for p in chart) > 150
