"""Persons a memoir names by kinship: "My father, Semyon Levin, …" makes
every later "my father" Semyon Levin, for the events said of him ("the
tribunal rehabilitated my father"). These mentions are not names: they feed
the event rules and are not proposed as persons themselves."""

from __future__ import annotations

import re
from dataclasses import replace

from kartoteka.extract.annotation import Annotation

_KIN = (
    r"(?:my|his|her|our|their) (?:father|mother|brother|sister|husband|wife|son"
    r"|daughter|uncle|aunt|grandfather|grandmother|grandson|granddaughter)"
)
KIN = re.compile(rf"\b{_KIN}\b", re.IGNORECASE)
# "My father, Semyon Levin," and "Semyon Levin, my father,".
_BEFORE_NAME = re.compile(r",?\s*$")
_AFTER_NAME = re.compile(rf"^,\s*({_KIN})\b", re.IGNORECASE)


def kin_mentions(text: str, persons: list[Annotation]) -> list[Annotation]:
    """Each kinship phrase after the one that introduced a named person, as
    a mention of that person."""
    starting = {p.start: p for p in persons}

    def name_after(m: re.Match[str]) -> Annotation | None:
        """The person named right after the phrase ("my father, Semyon …")."""
        return next(
            (starting[at] for at in range(m.end(), m.end() + 3) if at in starting),
            None,
        )

    named: dict[str, tuple[int, Annotation]] = {}
    for m in KIN.finditer(text):
        after = name_after(m)
        if after is not None and _BEFORE_NAME.fullmatch(text[m.end() : after.start]):
            named.setdefault(m.group(0).lower(), (m.end(), after))
    for p in persons:
        m = _AFTER_NAME.match(text[p.end : p.end + 40])
        if m:
            named.setdefault(m.group(1).lower(), (p.end + m.end(), p))
    found = []
    for m in KIN.finditer(text):
        introduced = named.get(m.group(0).lower())
        if introduced is None or m.start() < introduced[0]:
            continue
        if name_after(m) is not None:
            continue  # the phrase stands beside a name: that name is the mention
        person = introduced[1]
        found.append(
            replace(
                person, text=m.group(0), start=m.start(), end=m.end(), rule="kinship"
            )
        )
    return found
