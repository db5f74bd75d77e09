"""Statement keys: the same figure, speaker and period quoted twice is one statement."""

from datetime import date

from claims.core.statements import statement_key

DAY = date(2024, 1, 15)


def key(**changes):
    fields = {"speaker": "U.N.", "lo": 3000.0, "hi": 5000.0, "as_of_start": DAY, "as_of_end": DAY}
    return statement_key(**(fields | changes))


def test_two_spellings_of_one_speaker_give_one_statement():
    assert key(speaker="U.N.") == key(speaker="UN") == key(speaker=" un ")


def test_another_figure_speaker_period_or_kind_is_another_statement():
    base = key()
    assert key(hi=5001.0) != base
    assert key(speaker="UNHCR") != base
    assert key(as_of_end=date(2024, 1, 31)) != base
    assert key(period="cumulative") != base


def test_a_figure_without_speaker_or_date_is_no_statement():
    assert key(speaker="") is None
    assert key(speaker="...") is None
    assert key(as_of_start=None) is None
