"""Claim extraction: find every quantitative claim in an article, bounded, attributed and dated.

Pure Python, no Django import. ``extract(text, published=...)`` is the entry point; the modules
split the work by topic: ``numbers`` (atoms), ``ranges`` (ranges and qualifiers), ``measures``
(units and subjects), ``speakers`` (attribution), ``dates`` (calendar references and as-of
periods), ``sentences`` (quotes and page chrome) and ``pipeline`` (putting them together).
"""

from claims.core.extraction.candidate import Candidate, FigureKind
from claims.core.extraction.pipeline import extract

__all__ = ["Candidate", "FigureKind", "extract"]
