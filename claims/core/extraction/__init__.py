"""Claim extraction: find every quantitative claim in an article, bounded, attributed and dated.

Pure Python, no Django import. ``extract(text, published=...)`` is the entry point; the modules
split the work by topic: ``numbers`` (atoms), ``ranges`` (ranges and qualifiers), ``measures``
(units and subjects), ``speakers`` (attribution), ``dates`` (calendar references and as-of
periods), ``sentences`` (quotes and page chrome) and ``pipeline`` (putting them together).
"""

from typing import TYPE_CHECKING, Any

from claims.core.extraction.candidate import Candidate, FigureKind

if TYPE_CHECKING:
    from claims.core.extraction.pipeline import extract

__all__ = ["Candidate", "FigureKind", "extract"]


def __getattr__(name: str) -> Any:
    # The pipeline (and the vocabularies and patterns it compiles) loads when a text is first
    # read, not when Django imports the models that name a Candidate's kinds.
    if name == "extract":
        from claims.core.extraction.pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
