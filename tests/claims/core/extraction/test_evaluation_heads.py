"""The head noun the evaluation guesses for subject labels written without a "*" mark."""

from __future__ import annotations

import pytest

from claims.core.extraction.evaluation import guess_head


@pytest.mark.parametrize(
    ("label", "head"),
    [
        ("miners killed in the collapse", "miners"),
        ("families fled the valley", "families"),
        ("bridges struck", "bridges"),
        ("homes lost", "homes"),
        ("convoys entering the city", "convoys"),
        ("tenants forcibly evicted", "tenants"),
        ("refugees crossed into Chad", "refugees"),
        ("households without water", "households"),
        ("fuel price per litre", "price"),
        ("share of wells dried up", "wells"),
        ("planned spending", "spending"),
        ("Norway gas exports", "exports"),
    ],
)
def test_the_head_is_the_noun_before_the_first_participle_or_preposition(
    label: str, head: str
) -> None:
    assert guess_head(label) == head
