"""A registry record's ids follow from its list's source and its place there.

The record's external id (``record:<source>:<n>``, n from 1) and the id of
the person it stands for are both made from the two, so a person is found by
the record's external id without a table of them (three million rows).

>>> person_of_ref("record:memorial-lists-x:256")
'per_3356ce32000000ff'
>>> person_of_ref(record_ref("lists-x", 255)) == person_id("lists-x", 255)
True
"""

from __future__ import annotations

import re

from kartoteka.model.ids import sequential_id

_REF = re.compile(r"^record:(?P<source>[^:\s]+):(?P<n>[1-9][0-9]{0,9})$")


def record_ref(source_id: str, index: int) -> str:
    """The external id of a record: its source and its place in the list (from 1)."""
    return f"record:{source_id}:{index + 1}"


def person_id(source_id: str, index: int) -> str:
    """The id of the person the list's record at ``index`` (from 0) stands for."""
    return sequential_id("per", source_id, index)


def person_of_ref(ref: str) -> str | None:
    """The person's id a record's external id names; None when ``ref`` is not
    one (or names a place beyond any list)."""
    found = _REF.match(ref.strip())
    if found is None or int(found["n"]) > 16**8:
        return None
    return person_id(found["source"], int(found["n"]) - 1)
