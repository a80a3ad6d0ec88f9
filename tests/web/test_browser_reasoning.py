"""The reasoning pages in a real browser, on a desktop and a phone: each
opens without a script error; the network draws its graph; an editor's
rating changes the scores a reader sees."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.web.conftest import EDITOR, READER, Site
from tests.web.test_browser import _log_in, browser  # noqa: F401

PAGES = {
    "/hypotheses/dossier-origin": "Who originated the dossier",
    "/custody/forged-dossier": "Custody of",
    "/corroboration": "Independent corroboration",
    "/grades": "Grades",
    "/rehabilitation": "Rehabilitation",
    "/network/tukhachevsky": "Within reach of",
    "/estimates": "Estimates",
    "/conflicts": "",
}


@pytest.mark.parametrize("width", [1280, 390])
def test_each_analysis_page_opens_without_errors(
    browser: Browser,  # noqa: F811
    site: Site,
    width: int,
):
    page = _log_in(browser, site, READER, width=width)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path, heading in PAGES.items():
        page.goto(site.url + path)
        expect(page.locator("h1")).to_contain_text(heading)
    assert errors == []
    page.goto(site.url + "/network/tukhachevsky")
    # The graph library drew into its container.
    expect(page.locator("#graph canvas").first).to_be_attached()
    page.goto(site.url + "/custody/forged-dossier")
    image = page.locator("figure.diagram img")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") > 0


def test_an_editor_rates_a_cell_and_a_reader_sees_the_scores_change(
    browser: Browser,  # noqa: F811
    site: Site,
):
    reader = _log_in(browser, site, READER)
    reader.goto(site.url + "/hypotheses/dossier-origin")
    cell = "table.scores tr:has-text('weighted') td:nth-child(3)"
    before = reader.locator(cell).inner_text()
    editor = _log_in(browser, site, EDITOR)
    editor.goto(site.url + "/hypotheses/dossier-origin")
    select = editor.locator("select[aria-label^='stalin rating']").first
    with editor.expect_navigation():
        select.select_option("II")  # submits the cell's form
    reader.reload()
    assert reader.locator(cell).inner_text() != before
