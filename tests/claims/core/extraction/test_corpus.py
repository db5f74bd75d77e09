"""The labelled corpus: its integrity, the scoring module, and the quality thresholds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claims.core.extraction import Candidate, extract
from claims.core.extraction.evaluation import (
    evaluate,
    load_corpus,
    normalise_speaker,
    quantulum3_baseline,
)

from .helpers import CORPUS_DIR

TUNING = load_corpus(CORPUS_DIR, splits=["seed", "tuning"])
HELDOUT = load_corpus(CORPUS_DIR, splits=["heldout"])


def test_the_corpus_has_the_seeds_and_at_least_150_written_sentences() -> None:
    everything = load_corpus(CORPUS_DIR)
    written = [d for d in everything if d.split in ("tuning", "heldout")]
    assert len(written) >= 150
    # The held-out split is large enough to score each field on its own: at least 80 documents
    # and 200 figures (what is scored; documents vary from one sentence to a paragraph). Old
    # held-out splits become development data and the development data keep growing, so its
    # share of the whole has no floor, only a ceiling (most labels are for development).
    assert len(HELDOUT) >= 80
    held_out_figures = sum(len(d.figures) for d in HELDOUT)
    assert held_out_figures >= 200
    assert held_out_figures / sum(len(d.figures) for d in written) <= 0.4


def test_every_document_has_an_id_of_its_own() -> None:
    ids = [d.id for d in load_corpus(CORPUS_DIR)]
    assert len(ids) == len(set(ids))


def test_every_document_has_its_own_publication_date() -> None:
    assert all(d.published is not None for d in load_corpus(CORPUS_DIR))


def test_corpus_jsonl_is_built_from_the_label_files() -> None:
    from tests.claims.core.extraction.corpus import build_corpus

    if not build_corpus.SEEDS.is_dir():
        pytest.skip("seed articles not available to rebuild the corpus")
    built = [
        json.dumps(doc, ensure_ascii=False)
        for name, split in build_corpus.SOURCES
        for doc in build_corpus.parse(CORPUS_DIR / name, split)
    ]
    stored = (CORPUS_DIR / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert built == stored


# Only the development data carries thresholds: a pass/fail on the held-out split would be a
# score read while tuning. Its numbers are printed once, by `make evaluate`, for the README.
def test_extractor_meets_the_quality_thresholds_on_development_data() -> None:
    scores = evaluate(TUNING, extract)
    assert scores.f1 >= 0.97
    assert scores.exact_bounds >= 0.95
    assert scores.speaker >= 0.90
    assert scores.qualifier >= 0.90
    # The as-of floor was 0.90 until the former held-out split and the varied files of the
    # fourth round joined the development data (0.863 on them with the code of that day).
    assert scores.as_of >= 0.85


def test_extractor_beats_the_quantulum3_baseline_on_figure_f1() -> None:
    assert evaluate(TUNING, extract).f1 > evaluate(TUNING, quantulum3_baseline).f1


def _candidate(start: int, end: int, low: float, speaker: str | None = None) -> Candidate:
    day = dt.date(2020, 1, 1)
    return Candidate(
        "q", 0, "x", start, end, low, low, "exact", "count", "", speaker, None, day, day, "day"
    )


def _write(tmp_path: Path, figures: list[dict[str, object]]) -> Path:
    path = tmp_path / "corpus.jsonl"
    doc = {
        "id": "d",
        "split": "tuning",
        "published": "2020-01-01",
        "text": "We saw 40 and 7.",
        "figures": figures,
    }
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return path


def _gold(start: int, end: int, figure: str, low: float, **extra: object) -> dict[str, object]:
    return {
        "figure": figure,
        "start": start,
        "end": end,
        "value_low": low,
        "value_high": low,
        "qualifier": "exact",
        "unit": "count",
        "speaker": None,
        "as_of_start": "2020-01-01",
        "as_of_end": "2020-01-01",
        **extra,
    }


def test_overlapping_spans_match_and_the_rest_count_as_misses(tmp_path: Path) -> None:
    corpus = load_corpus(_write(tmp_path, [_gold(7, 9, "40", 40), _gold(14, 15, "7", 7)]))
    scores = evaluate(corpus, lambda text, published: [_candidate(6, 9, 40), _candidate(0, 2, 1)])
    assert (scores.matched, scores.precision, scores.recall) == (1, 0.5, 0.5)
    assert scores.exact_bounds == 1.0


def test_speaker_comparison_ignores_case_articles_punctuation_and_accepts_aliases(
    tmp_path: Path,
) -> None:
    gold = _gold(7, 9, "40", 40, speaker="U.N. report", speaker_aliases=["UN"])
    corpus = load_corpus(_write(tmp_path, [gold]))
    for said in ("the UN report", "a U.N. Report", "UN"):
        assert (
            evaluate(corpus, lambda text, published, s=said: [_candidate(7, 9, 40, s)]).speaker
            == 1.0
        )
    assert normalise_speaker("The Pentagon.") == "pentagon"


def test_load_corpus_rejects_offsets_that_miss_their_figure(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="offsets"):
        load_corpus(_write(tmp_path, [_gold(0, 2, "40", 40)]))


def test_baseline_reports_quantulum3_quantities_without_speakers() -> None:
    found = quantulum3_baseline("Officials said 40 people died.", published=dt.date(2020, 1, 1))
    assert [(c.figure, c.value_low, c.speaker) for c in found] == [("40", 40.0, None)]


def _scored(tmp_path: Path, gold: dict[str, object], **predicted: object) -> object:
    from dataclasses import replace

    corpus = load_corpus(_write(tmp_path, [gold]))
    candidate = replace(_candidate(7, 9, 40), **predicted)
    return evaluate(corpus, lambda text, published: [candidate])


def test_subject_head_scores_the_counted_noun_whatever_its_number(tmp_path: Path) -> None:
    gold = _gold(7, 9, "40", 40, subject="civilians killed", subject_head="civilians")
    assert _scored(tmp_path, gold, subject="civilian killed in the raid").subject_head == 1.0
    assert _scored(tmp_path, gold, subject="killed in the raid").subject_head == 0.0


def test_scope_must_name_the_same_places_and_is_unscored_without_a_label(tmp_path: Path) -> None:
    gold = _gold(7, 9, "40", 40, scope=["Iraq", "Syria"])
    assert _scored(tmp_path, gold, scope="Iraq and Syria").scope == 1.0
    assert _scored(tmp_path, gold, scope="Iraq").scope == 0.0
    assert _scored(tmp_path, _gold(7, 9, "40", 40), scope="Iraq").scope is None


def test_period_scores_kind_then_start_and_length_and_skips_labels_without_one(
    tmp_path: Path,
) -> None:
    since = _gold(7, 9, "40", 40, period_kind="cumulative", period_start="2014-06-01")
    right = _scored(tmp_path, since, period_kind="cumulative", period_start=dt.date(2014, 6, 1))
    assert (right.period, right.period_start, right.period_length) == (1.0, 1.0, None)
    wrong_start = _scored(tmp_path, since, period_kind="cumulative", period_start=None)
    assert (wrong_start.period, wrong_start.period_start) == (1.0, 0.0)
    assert _scored(tmp_path, since, period_kind="per_period", period_days=7).period == 0.0
    # A month is any 28 to 31 days; an unsaid period is a level.
    monthly = _gold(7, 9, "40", 40, period_kind="per_period", period_days=30)
    assert _scored(tmp_path, monthly, period_kind="per_period", period_days=31).period_length == 1
    assert _scored(tmp_path, monthly, period_kind="per_period", period_days=7).period_length == 0
    level = _gold(7, 9, "40", 40, period_kind="level")
    assert _scored(tmp_path, level, period_kind="").period == 1.0
    assert _scored(tmp_path, _gold(7, 9, "40", 40), period_kind="cumulative").period is None


def test_the_tenth_label_field_reads_as_the_period() -> None:
    from tests.claims.core.extraction.corpus import build_corpus

    text = "Since June 2014 some 40 fled."
    head = "- 40 | 40 | exact | count | people fled |  |  |  | "

    def label(scope_and_period: str) -> dict[str, object]:
        return build_corpus._label(head + scope_and_period, text, dt.date(2024, 3, 12))

    assert label(" | cumulative since 2014-06")["period_start"] == "2014-06-01"
    assert label(" | cumulative")["period_start"] is None
    assert label(" | per week")["period_days"] == 7
    assert label(" | per 2 weeks")["period_days"] == 14
    # "?" for the scope: a period added to an older label that gives no head and scope.
    older = label("? | level")
    assert older["period_kind"] == "level" and "scope" not in older
    assert "period_kind" not in label("")
    for wrong in ("per fortnightly", "cumulative from 2014", "levels"):
        with pytest.raises(ValueError, match="period"):
            label(f" | {wrong}")


def test_units_compare_as_units_not_spellings(tmp_path: Path) -> None:
    gold = _gold(7, 9, "40", 40, unit="km")
    assert _scored(tmp_path, gold, unit="kilometer").unit == 1.0
    assert _scored(tmp_path, gold, unit="mile").unit == 0.0


def test_speakers_that_are_fragments_of_the_sentence_are_counted(tmp_path: Path) -> None:
    gold = _gold(7, 9, "40", 40)
    for fragment in ("that 4", "week", "on Twitter", "Rudaw that five years earlier 40"):
        assert _scored(tmp_path, gold, speaker=fragment).fragment_speakers == 1
    for name in ("UNHCR", "a January U.N. report", "Abiy Ahmed"):
        assert _scored(tmp_path, gold, speaker=name).fragment_speakers == 0


# Rewordings: each document of the "reworded" split says a tuning sentence in other words and
# names it; the answers must not depend on the wording.
_RAW = [json.loads(line) for line in (CORPUS_DIR / "corpus.jsonl").open(encoding="utf-8")]
REWORDED_FROM = {raw["id"]: raw["reworded_from"] for raw in _RAW if "reworded_from" in raw}
_BY_ID = {document.id: document for document in load_corpus(CORPUS_DIR)}


def _answers(document) -> list[tuple[object, ...] | None]:
    """What the extractor says at each labelled figure: its figure text, bounds, hedge, unit."""
    found = extract(document.text, published=document.published)
    answers: list[tuple[object, ...] | None] = []
    for gold in document.figures:
        hits = [c for c in found if c.start < gold.end and gold.start < c.end]
        answers.append(
            (hits[0].figure, hits[0].value_low, hits[0].value_high, hits[0].qualifier, hits[0].unit)
            if hits
            else None
        )
    return answers


def test_the_corpus_holds_500_labelled_figures_and_every_rewording_names_its_original() -> None:
    assert sum(len(d.figures) for d in _BY_ID.values()) >= 500
    assert len(REWORDED_FROM) >= 50
    for reworded, original in REWORDED_FROM.items():
        assert _BY_ID[original].split == "tuning" and _BY_ID[reworded].split == "reworded"
        assert len(_BY_ID[reworded].figures) == len(_BY_ID[original].figures)
        assert _BY_ID[reworded].text != _BY_ID[original].text


@pytest.mark.parametrize("reworded", sorted(REWORDED_FROM))
def test_a_reworded_sentence_gets_the_figures_bounds_hedges_and_units_of_its_original(
    reworded: str,
) -> None:
    # Figures are compared case-blind: a rewording may start the sentence with "Two".
    def folded(answers):
        return [a and (str(a[0]).lower(), *a[1:]) for a in answers]

    original = REWORDED_FROM[reworded]
    assert folded(_answers(_BY_ID[reworded])) == folded(_answers(_BY_ID[original]))


# Measured when the xfail came off (issue 12): speaker 0.983 on the rewordings and on their
# originals, subject head 0.840 against 0.874 (0.824 against 0.866 when it came off).
def test_speaker_and_subject_scores_on_rewordings_stay_within_005_of_their_originals() -> None:
    reworded = [_BY_ID[r] for r in sorted(REWORDED_FROM)]
    originals = [_BY_ID[REWORDED_FROM[r]] for r in sorted(REWORDED_FROM)]
    on_reworded, on_originals = evaluate(reworded, extract), evaluate(originals, extract)
    assert abs(on_reworded.speaker - on_originals.speaker) <= 0.05
    assert abs(on_reworded.subject_head - on_originals.subject_head) <= 0.05


def test_typed_kinds_are_found_and_typed_on_their_development_set() -> None:
    from claims.core.extraction.kind_scores import evaluate_kinds, load_kinds

    scores = evaluate_kinds(load_kinds(CORPUS_DIR / "kinds.txt"), extract)
    assert scores.gold >= 20
    assert scores.precision >= 0.9 and scores.recall >= 0.9


def test_a_typed_figure_with_the_wrong_unit_or_kind_is_not_right() -> None:
    from claims.core.extraction.kind_scores import TypedLabel, evaluate_kinds

    text = "The siege lasted 40 days."
    wrong_unit = [(text, [TypedLabel("40 days", "duration", "week", 40, 40)])]
    wrong_kind = [(text, [TypedLabel("40 days", "age", "day", 40, 40)])]
    right = [(text, [TypedLabel("40 days", "duration", "day", 40, 40)])]
    assert evaluate_kinds(wrong_unit, extract).right == 0
    assert evaluate_kinds(wrong_kind, extract).right == 0
    assert evaluate_kinds(right, extract).right == 1


def test_a_kinds_label_naming_no_kind_is_refused_with_its_line(tmp_path: Path) -> None:
    from claims.core.extraction.kind_scores import load_kinds

    path = tmp_path / "kinds.txt"
    path.write_text("= k1\nIt lasted 40 days.\n- 40 days | length | day | 40\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"kinds.txt:3"):
        load_kinds(path)


def test_a_typed_duration_is_neither_a_hit_nor_a_false_positive_in_figure_scoring(
    tmp_path: Path,
) -> None:
    text = "The siege lasted 40 days and killed 300 people."
    gold = _gold(text.index("300"), text.index("300") + 3, "300", 300.0)
    path = tmp_path / "corpus.jsonl"
    document = {"id": "d", "split": "tuning", "published": "2024-01-01", "text": text}
    path.write_text(json.dumps({**document, "figures": [gold]}) + "\n", encoding="utf-8")
    scores = evaluate(load_corpus(path), extract)
    assert (scores.gold, scores.predicted, scores.matched) == (1, 1, 1)
