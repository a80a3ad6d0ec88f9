"""Proposals from prose: persons, organizations, places, dates and life-cycle
events, in English (spaCy) and Russian (natasha), each with its exact span.

>>> # for a in extract_text(text, lang="auto", store=store): print(a.as_dict())

Nothing extracted is evidence until a person accepts it.
"""

from __future__ import annotations

from kartoteka.extract.annotation import KINDS, Annotation
from kartoteka.extract.pipeline import extract_text, language_of

__all__ = ["KINDS", "Annotation", "extract_text", "language_of"]
