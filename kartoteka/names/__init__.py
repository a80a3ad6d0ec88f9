"""Personal names across scripts: normalization, structure, romanization,
matching keys and comparison. Knows nothing of the store."""

from kartoteka.names.compare import Comparison, compare
from kartoteka.names.keys import NameKeys, name_keys
from kartoteka.names.normalize import normalize
from kartoteka.names.romanize import romanize
from kartoteka.names.structure import NameParts, parse_name

__all__ = [
    "Comparison",
    "NameKeys",
    "NameParts",
    "compare",
    "name_keys",
    "normalize",
    "parse_name",
    "romanize",
]
