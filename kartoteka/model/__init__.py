"""The pure domain model: records, vocabulary, ids and EDTF dates; no I/O."""

from kartoteka.model.records import Claim, Entity, Literal, Name, Passage, Source

__all__ = ["Claim", "Entity", "Literal", "Name", "Passage", "Source"]
