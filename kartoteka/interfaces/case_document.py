"""A case file as a document to print or share: Markdown, HTML or JSON."""

from __future__ import annotations

import json

from kartoteka.analysis.cases import Case
from kartoteka.exports.jsonl import person_record
from kartoteka.interfaces.case_view import (
    attribute_lines,
    claim_line,
    conflict_lines,
    names,
    record_lines,
    subtitle,
    timeline,
)
from kartoteka.interfaces.templating import environment


def case_context(case: Case) -> dict[str, object]:
    return {
        "person": case.person,
        "subtitle": subtitle(case),
        "names": names(case),
        "attributes": attribute_lines(case),
        "records": record_lines(case),
        "timeline": timeline(case),
        "dated_events": sum(1 for e in case.events if e.date),
        "conflicts": conflict_lines(case),
        "relations": [claim_line(case, c, with_predicate=True) for c in case.relations],
        "mentions": [claim_line(case, c, with_predicate=True) for c in case.mentions],
        "sources": list(case.sources.values()),
    }


def render(case: Case, fmt: str) -> str:
    """The case as 'md', 'html' or 'json' text."""
    if fmt == "json":
        return json.dumps(person_record(case), ensure_ascii=False, indent=2) + "\n"
    template = environment().get_template(f"case.{fmt}.j2")
    return template.render(**case_context(case))


FORMATS = ("md", "html", "json")
