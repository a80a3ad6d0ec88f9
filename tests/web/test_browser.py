"""The pages in a real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.web.conftest import EDITOR, NOTE, PASSWORD, READER, Site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no chromium at {CHROMIUM}: install Debian's chromium package")
    with sync_playwright() as p:
        found = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield found
        found.close()


def _log_in(browser: Browser, site: Site, name: str, width: int = 1280) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site.url + "/sources")
    expect(page).to_have_url(site.url + "/login?next=/sources")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button.primary")
    expect(page.locator("h1")).to_have_text("Sources")
    return page


def test_pages_load_with_no_failed_request(browser: Browser, site: Site):
    # The browser's own requests too: a page without an icon of its own
    # makes it ask for /favicon.ico, a 404 in every console.
    page = browser.new_page()
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page.on("console", lambda m: m.type == "error" and failed.append(m.text))
    page.goto(site.url + "/login")
    page.fill("input[name=name]", READER)
    page.fill("input[name=password]", PASSWORD)
    page.click("button.primary")
    expect(page.locator("h1")).to_be_visible()
    page.goto(site.url + "/sources")
    page.wait_for_load_state("networkidle")
    assert failed == []
    page.close()


def test_search_a_latin_spelling_and_open_the_cyrillic_case(
    browser: Browser, site: Site
):
    page = _log_in(browser, site, READER, width=390)  # a phone
    page.fill("header input[name=q]", "Tuchatschewski")
    page.press("header input[name=q]", "Enter")
    page.click("ol.hits a")
    expect(page.locator("h1")).to_have_text("Тухачевский Михаил Николаевич")
    expect(page.locator(".event.disputed").first).to_be_visible()


def test_select_a_passage_and_make_a_claim(browser: Browser, site: Site):
    page = _log_in(browser, site, EDITOR)
    page.goto(site.url + "/sources/web-note")
    words = "Vitaly Primakov was arrested on August 14, 1936"
    # Select the words as a reader's drag would, then let go of the mouse.
    page.evaluate(
        """(words) => {
            const text = document.getElementById('text');
            const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.textContent.indexOf(words);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + words.length);
                    const sel = window.getSelection();
                    sel.removeAllRanges();
                    sel.addRange(range);
                    break;
                }
            }
            document.dispatchEvent(new MouseEvent('mouseup'));
        }""",
        words,
    )
    form = page.locator("#annotate")
    expect(form).to_be_visible()
    expect(page.locator("#sel-quote")).to_have_value(words)
    assert page.locator("#sel-start").input_value() == str(NOTE.index(words))
    form.locator("input[name=subject]").fill("Vitaly Primakov")
    form.locator("select[name=predicate]").select_option("arrested")
    form.locator("input[name=date]").fill("1936-08-14")
    form.locator("button.primary").click()
    claim_id = page.url.split("#")[1]
    made = site.store.claims(id=claim_id)[0]
    assert made.passage.text == words and made.reviewer == EDITOR
    page.goto(f"{site.url}/entities/{made.subject}")
    expect(page.locator(f"[id='{claim_id}'] blockquote")).to_contain_text(words)
    page.click(f"[id='{claim_id}'] a:text('history')")
    expect(page.locator("table")).to_contain_text(EDITOR)


def test_clicking_a_marked_passage_shows_its_claims(browser: Browser, site: Site):
    page = _log_in(browser, site, READER)
    page.goto(site.url + "/sources/roberts-1964")
    page.locator("#text mark").first.click()
    expect(page.locator("#chosen")).to_be_visible()
    expect(page.locator("#chosen-list .claim").first).to_be_visible()


def test_a_reader_cannot_accept_a_candidate(browser: Browser, site: Site):
    page = _log_in(browser, site, READER)
    page.goto(site.url + "/review/candidates")
    assert page.locator("button:text('Accept')").count() == 0
    response = page.request.post(
        f"{site.url}/claims/{site.candidate}/status", form={"status": "accepted"}
    )
    assert response.status == 403


def test_an_editor_accepts_a_candidate_and_judges_a_pair(browser: Browser, site: Site):
    page = _log_in(browser, site, EDITOR)
    page.goto(site.url + "/review/candidates")
    page.locator(f"[id='{site.candidate}'] button[value=accepted]").click()
    expect(page.locator(f"[id='{site.candidate}']")).to_have_count(0)
    assert site.store.claims(id=site.candidate)[0].status == "accepted"
    page.goto(site.url + "/review/links")
    pair = page.locator("section.panel").filter(has_text=site.pair[0])
    pair.locator("button[value=unsure]").click()
    expect(page.locator("section.panel").filter(has_text=site.pair[0])).to_have_count(0)
    assert site.store.judgements()[site.pair] == "unsure"
