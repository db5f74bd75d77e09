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
    "Between 3,000 and 5,000 fighters remain, a report by the agency estimated on Monday. "
    "Dozens fled after a six-month siege; a 17-year-old paid 1.234,5 Euro for 12 days of food."
)
RUN = (
    "import datetime, json, sys; from claims.core.extraction import extract; "
    "print(json.dumps([[c.figure, c.start, c.unit, c.value_low, c.value_high, c.qualifier, "
    "c.subject, c.speaker, c.scope, str(c.as_of_start), c.figure_kind] "
    "for c in extract(sys.argv[1], published=datetime.date(2024, 3, 6))]))"
)
# nltk and the matcher: the matcher indexes its vocabulary through WordNet when imported (~2 s);
# pint builds its registry (~0.2 s), extruct brings its HTML parsers (~0.15 s) and the extraction
# pipeline compiles its vocabularies (~0.1 s): each loads when first used.
HEAVY = (
    "quantulum3", "inflect", "matplotlib", "spacy", "thinc", "nltk", "claims.core.grouping",
    "pint", "extruct", "claims.core.extraction.pipeline",
)  # fmt: skip


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
        "import claims.management.commands.group_claims; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    assert _python(code).strip() == ""


def test_a_first_extraction_from_the_command_loads_no_url_conf_and_no_runtime_type_checker(
    tmp_path,
) -> None:
    # What a short `extract_claims` costs is Django, the parser and its model: the project's URL
    # conf (every view, the OpenAPI generator) is not needed to print candidates, and inflect 7
    # (through quantulum3's unit lexicon) instruments itself with typeguard at import, ~1.4 s.
    article = tmp_path / "short.txt"
    article.write_text("Police said 14 people were killed.", encoding="utf-8")
    code = (
        "import io, sys, django; django.setup(); "
        "from django.core.management import call_command; out = io.StringIO(); "
        "call_command('extract_claims', sys.argv[1], '--published', '2024-03-06', stdout=out); "
        "assert '14' in out.getvalue(), out.getvalue(); "
        "print(','.join(m for m in ('claims_project.urls', 'drf_spectacular.views', 'typeguard') "
        "if m in sys.modules))"
    )
    assert _python(code, str(article)).strip() == ""
