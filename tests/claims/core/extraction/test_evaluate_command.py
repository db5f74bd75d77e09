"""evaluate_extraction lists misses only where tuning is allowed: never on the held-out split."""

import json

import pytest
from django.core.management import CommandError, call_command


def _corpus(tmp_path):
    # Two one-sentence documents, one development and one held-out, each with a figure the
    # extractor cannot miss and a labelled speaker it cannot find (so each has a miss to list).
    docs = []
    for split, name in (("tuning", "Develop Person"), ("heldout", "Withheld Person")):
        text = f"The ministry counted 4,200 households, {name} wrote."
        start = text.index("4,200")
        docs.append({
            "id": split, "split": split, "published": "2024-05-01", "text": text,
            "figures": [{
                "figure": "4,200", "start": start, "end": start + 5, "value_low": 4200.0,
                "value_high": 4200.0, "qualifier": "exact", "unit": "count",
                "subject": "households", "speaker": f"{name} Quux", "speaker_aliases": [],
                "speaker_kind": "person", "as_of_start": "2024-05-01",
                "as_of_end": "2024-05-01", "as_of_precision": "day",
            }],
        })  # fmt: skip
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def test_misses_are_refused_when_the_heldout_split_is_asked_for(tmp_path):
    with pytest.raises(CommandError, match="--misses: refused for the held-out split"):
        call_command(
            "evaluate_extraction", "--corpus", str(_corpus(tmp_path)), "--split", "heldout",
            "--misses",
        )  # fmt: skip


def test_misses_of_every_split_leave_the_heldout_documents_out(tmp_path, capsys):
    call_command("evaluate_extraction", "--corpus", str(_corpus(tmp_path)), "--misses")
    out = capsys.readouterr().out
    assert "heldout" in out.split("What ours got wrong")[0]  # still scored in the table
    misses = out.split("What ours got wrong", 1)[1]
    assert "Develop Person Quux" in misses
    assert "Withheld" not in misses
