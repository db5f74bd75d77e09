"""One vocabulary, as data: words live in claims/core/vocabulary/*.toml, not in code."""

import ast
from pathlib import Path

import pytest

from claims.core import vocabulary

CORE = Path(vocabulary.__file__).resolve().parent.parent
# A module-level collection of this many string literals is a word list.
WORD_LIST = 5
# Modules of the core that still define word lists in code, to be moved into the vocabulary by
# their owners (extraction: the parser issue; units: its phrases of news copy). No new entry.
NOT_YET_DATA = {
    "extraction/pipeline.py",
}


def _strings(node: ast.AST) -> int:
    return sum(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in ast.walk(node))


def _word_lists(path: Path) -> list[int]:
    """Line numbers of module-level collections of WORD_LIST or more string literals."""
    found = []
    for statement in ast.parse(path.read_text("utf-8")).body:
        if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement]
            if any(getattr(t, "id", "") == "__all__" for t in targets):
                continue  # a module's exported names, not words
            value = statement.value
            if isinstance(value, ast.Call) and value.args:  # frozenset({...}), set([...])
                value = value.args[0]
            collection = isinstance(value, ast.Set | ast.List | ast.Tuple | ast.Dict)
            if collection and _strings(value) >= WORD_LIST:
                found.append(statement.lineno)
    return found


def modules() -> list[str]:
    return sorted(
        str(p.relative_to(CORE)) for p in CORE.rglob("*.py") if "vocabulary" not in p.parts
    )


def test_no_module_of_the_core_defines_a_word_list_beyond_those_not_moved_yet():
    offenders = {name for name in modules() if _word_lists(CORE / name)}
    assert offenders <= NOT_YET_DATA, sorted(offenders - NOT_YET_DATA)


@pytest.mark.parametrize(
    "name", ["grouping.py", "gazetteer.py", "statements.py", "grouping_evaluation.py"]
)
def test_grouping_reads_its_words_from_the_vocabulary(name):
    assert _word_lists(CORE / name) == []


def test_the_detector_finds_a_word_list(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text('X = 1\nWORDS = frozenset({"a", "b", "c", "d", "e"})\nFEW = ("a", "b")\n')
    assert _word_lists(source) == [2]


@pytest.mark.parametrize("name", ["events", "actors", "places", "populations", "periods"])
def test_each_vocabulary_of_the_grouping_loads(name):
    assert vocabulary.load(name)


@pytest.mark.parametrize("name", ["extraction/dates.py", "extraction/places.py"])
def test_dates_and_places_of_extraction_read_their_words_from_the_vocabulary(name):
    assert _word_lists(CORE / name) == []


def test_extraction_and_grouping_read_one_places_file():
    places = vocabulary.load("places")
    # Grouping's gazetteer entries and extraction's countries live side by side.
    assert places["place"] and places["demonyms"] and places["extraction"]["countries"]


def test_no_spelling_names_two_actors_or_two_events():
    for name, table in (("actors", "actors"), ("events", "events"), ("populations", "concepts")):
        seen: dict[str, str] = {}
        for concept, spellings in vocabulary.load(name)[table].items():
            for spelling in spellings:
                assert seen.setdefault(spelling, concept) == concept, (name, spelling)
