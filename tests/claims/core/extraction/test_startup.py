"""Extraction gives one answer whatever the hash seed, and heavy libraries load only when used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
# Unit words that name two units in quantulum3's lexicon ("kt": kiloton and knot), numbers,
# ranges, hedges and a speaker: everything whose choice could follow a set's order.
TEXT = (
    "The blast yielded 661 kt, officials said, and the convoy covered about 40 mi in 3 hours. "
    "Between 3,000 and 5,000 fighters remain, a report by the agency estimated on Monday."
)
RUN = (
    "import datetime, json, sys; from claims.core.extraction import extract; "
    "print(json.dumps([[c.figure, c.start, c.unit, c.value_low, c.value_high, c.qualifier, "
    "c.subject, c.speaker, c.scope, str(c.as_of_start)] for c in extract(sys.argv[1], "
    "published=datetime.date(2024, 3, 6))]))"
)
HEAVY = ("quantulum3", "inflect", "matplotlib", "spacy", "thinc")


def _python(code: str, *args: str, seed: str = "0") -> str:
    env = {
        **os.environ,
        "PYTHONHASHSEED": seed,
        "DJANGO_SETTINGS_MODULE": "claims_project.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout


def test_extraction_gives_the_same_json_under_two_hash_seeds() -> None:
    first = _python(RUN, TEXT, seed="1")
    second = _python(RUN, TEXT, seed="2")
    assert json.loads(first) and first == second


def test_no_heavy_library_is_imported_by_django_setup_admin_views_and_commands() -> None:
    code = (
        "import sys, django; django.setup(); "
        "import claims.admin, claims.views, claims_project.urls, sources.admin, reviews.admin; "
        "import claims.management.commands.extract_claims; "
        "import claims.management.commands.evaluate_extraction; "
        "import claims.management.commands.conflict_report; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    assert _python(code).strip() == ""
