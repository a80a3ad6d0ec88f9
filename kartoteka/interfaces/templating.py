"""The templates of documents the CLI writes (case files, reports): one
Jinja environment, escaping every *.html.j2 and leaving Markdown as it is."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from kartoteka.interfaces.case_view import dated, lang


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kartoteka.interfaces", "templates"),
        # "case.html.j2" ends in .j2: the extension to escape is "html.j2".
        autoescape=select_autoescape(["html", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["dated"] = dated
    env.filters["lang"] = lang
    return env
