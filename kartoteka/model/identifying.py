"""A field that identifies a person, as a list declares it: its name, how
two values compare (``exact``, ``normalized``, ``fuzzy``, ``date``), and
whether it is a person's own (docs/linking.md; the features and comparisons
are in ``kartoteka.linking.identifying``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kartoteka.errors import ConfigError

COMPARISONS = ("exact", "normalized", "fuzzy", "date")
# Names that cannot be a field: the person's attributes the store keeps itself.
RESERVED = frozenset(
    {"record", "names", "sex", "birthplace", "born", "executed", "died"}
)
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class IdentifyingField:
    """A field that identifies a person, and how two of its values compare."""

    name: str
    compare: str
    own: bool = False

    def __post_init__(self) -> None:
        if not _FIELD_NAME.match(self.name) or self.name in RESERVED:
            raise ConfigError(
                f"identifying field {self.name!r}: a name of lower-case letters, "
                "digits and _ (not one of " + ", ".join(sorted(RESERVED)) + ")"
            )
        if self.compare not in COMPARISONS:
            raise ConfigError(
                f"identifying field {self.name!r}: compare is one of "
                f"{', '.join(COMPARISONS)}, not {self.compare!r}"
            )

    def columns(self) -> tuple[str, ...]:
        """The feature columns this field gives, in order."""
        base = f"id_{self.name}"
        if self.compare == "normalized":
            return base, f"{base}_words", f"{base}_end"
        if self.compare == "date":
            # the day again, as blocking reads it: empty where a crowd shares it
            return base, f"{base}_month", f"{base}_year", f"{base}_block"
        return (base,)
