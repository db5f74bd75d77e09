"""The verdict scale is one piece of data: the code, the README and every page read it."""

import re
from pathlib import Path

from claims.core import verdicts, vocabulary

README = Path(__file__).resolve().parents[3] / "README.md"


def _readme_scale() -> list[tuple[str, int, str]]:
    text = README.read_text("utf-8")
    section = text[text.index("### Verdict scale") :]
    section = section[: section.index("\n\n", section.index("| verdict |"))]
    rows = re.findall(r"^\| ([^|]+) \| (\d) \| ([^|]+) \|$", section, flags=re.MULTILINE)
    return [(label, int(value), meaning) for label, value, meaning in rows]


def test_the_readme_table_is_the_scale_of_the_data_file_in_its_order():
    assert _readme_scale() == [
        (info.label, info.rating_value, info.meaning) for info in verdicts.SCALE.values()
    ]


def test_every_verdict_of_the_data_file_is_a_choice_with_its_label():
    keys = [entry["key"] for entry in vocabulary.load("verdicts")["verdict"]]
    assert [value for value, _ in verdicts.CHOICES] == keys
    assert verdicts.Verdict("overstated") is verdicts.Verdict.OVERSTATED


def test_only_wrong_figures_count_as_inaccurate_and_unknown_words_never_do():
    assert verdicts.is_inaccurate("overstated")
    assert not verdicts.is_inaccurate("accurate")
    assert not verdicts.is_inaccurate("satire")


def test_a_verdict_has_its_meaning_and_a_word_that_is_no_verdict_has_none():
    assert "smaller figure" in verdicts.meaning("overstated")
    assert verdicts.meaning("satire") == ""
