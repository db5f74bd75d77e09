"""The comparison corpus: the held-out part is frozen, and both parts load and are consistent."""

import hashlib
from pathlib import Path

import pytest

from claims.core import grouping_evaluation

CORPUS = Path(__file__).parent / "grouping_corpus"
# Recorded when the corpus was written, before the matcher was changed. Never edit the held-out
# file to make a score better; a new held-out part gets a new file and a new hash.
HELDOUT_SHA256 = "71da4601a0313d025d5e762d2838d5c358f37ac8ba61e4fe2fb774b4fff9f51c"


def test_the_heldout_part_is_the_one_recorded():
    digest = hashlib.sha256((CORPUS / "heldout.toml").read_bytes()).hexdigest()
    assert digest == HELDOUT_SHA256


@pytest.mark.parametrize("split", ["development", "heldout"])
def test_each_part_covers_four_topics_and_every_kind_of_expectation(split):
    corpus = grouping_evaluation.load_corpus(CORPUS / f"{split}.toml")
    assert len(corpus.claims) >= 25
    assert corpus.conflicts and corpus.changes and corpus.apart
    assert {c.period for c in corpus.claims} == {"level", "cumulative", "per_period"}
    assert any(c.statement for c in corpus.claims)
    # Expected findings pair claims of one quantity; apart pairs name two quantities.
    quantity = {c.id: c.quantity for c in corpus.claims}
    for pair in corpus.conflicts + corpus.changes:
        assert len({quantity[k] for k in pair}) == 1, sorted(pair)


def test_the_two_parts_share_no_claim_text():
    dev = grouping_evaluation.load_corpus(CORPUS / "development.toml")
    held = grouping_evaluation.load_corpus(CORPUS / "heldout.toml")
    assert not {c.quote for c in dev.claims} & {c.quote for c in held.claims}


def test_a_claim_without_its_quantity_is_refused_with_its_id(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[claim]]\nid = "x1"\nquantity = "q"\nsubject = "s"\nunit = "count"\n'
        'qualifier = "exact"\nlow = 1\nhigh = 1\nas_of_start = "2020-01-01"\n'
        'as_of_end = "2020-01-01"\n'
    )
    with pytest.raises(ValueError, match="x1"):
        grouping_evaluation.load_corpus(path)
