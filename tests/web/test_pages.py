"""The pages and their JSON twins, over real HTTP, on each backend."""

from __future__ import annotations

import httpx

from tests.web.conftest import EDITOR, READER, Site, logged_in

PAGES = [
    "/", "/search?q=Tuchatschewski", "/sources", "/sources/roberts-1964",
    "/conflicts", "/stats", "/review/candidates", "/review/links",
]  # fmt: skip


def test_reading_needs_an_account_by_default(site: Site):
    anonymous = httpx.Client(base_url=site.url)
    page = anonymous.get("/sources")
    assert (
        page.status_code == 303 and page.headers["location"] == "/login?next=/sources"
    )
    assert anonymous.get("/api/sources").status_code == 401


def test_every_page_and_its_twin_answer_a_reader(site: Site):
    client, _ = logged_in(site, READER)
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, (path, page.text[:500])
        assert "text/html" in page.headers["content-type"]
        twin = client.get("/api" + path if path != "/" else "/api")
        assert twin.status_code == 200, (path, twin.text[:500])
        assert isinstance(twin.json(), dict)


def test_a_latin_spelling_finds_the_cyrillic_case(site: Site):
    client, _ = logged_in(site, READER)
    found = client.get("/api/search", params={"q": "Tuchatschewski"}).json()
    results = found["result"]["results"]
    assert results[0]["label"].startswith("Тухачевский")
    case = client.get(f"/entities/{results[0]['ref']}")
    assert "Тухачевский Михаил Николаевич" in case.text
    assert "⚠ disputed" in case.text  # the conflicts are in plain sight


def test_the_openapi_document_lists_the_twins(site: Site):
    client, _ = logged_in(site, READER)
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/search",
        "/api/entities/{entity_id}",
        "/api/sources/{source_id}",
        "/api/claims/{claim_id}",
        "/api/sources/{source_id}/claims",
    ):
        assert path in paths


def test_a_source_text_with_markup_is_shown_as_text(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/sources/web-note").text
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "A note &lt;b&gt;kept&lt;/b&gt;" in page


def test_search_input_is_data_not_sql(site: Site):
    client, _ = logged_in(site, READER)
    for evil in ("'; DROP TABLE claims; --", '" OR 1=1 --', "NEAR(", "*"):
        assert client.get("/api/search", params={"q": evil}).status_code == 200
    assert site.store.counts()["claims"] > 0


def test_an_unknown_entity_is_a_404_page_and_json(site: Site):
    client, _ = logged_in(site, READER)
    assert client.get("/entities/per_nobody").status_code == 404
    missing = client.get("/api/claims/clm_nobody")
    assert missing.status_code == 404 and "no claim" in missing.json()["error"]


def test_a_source_page_marks_claimed_passages_and_pages_long_texts(site: Site):
    client, _ = logged_in(site, READER)
    data = client.get("/api/sources/roberts-1964").json()
    marked = [s for s in data["segments"] if s["claims"]]
    assert marked and all(s["text"] for s in marked)
    claim_ids = {c["id"] for c in data["claims"]}
    assert {i for s in marked for i in s["claims"]} <= claim_ids
    window = data["window"]
    text = "".join(s["text"] for s in data["segments"])
    assert len(text) == window["end"] - window["start"]
    if window["next"] is not None:
        later = client.get(f"/api/sources/roberts-1964?start={window['next']}").json()
        assert later["window"]["start"] == window["next"]


def test_the_editor_sees_the_annotation_form_and_the_reader_does_not(site: Site):
    editor, _ = logged_in(site, EDITOR)
    reader, _ = logged_in(site, READER)
    assert 'id="annotate"' in editor.get("/sources/web-note").text
    assert 'id="annotate"' not in reader.get("/sources/web-note").text


def test_search_facets_link_to_narrowed_searches(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/search", params={"q": "Tukhachevsky"}).text
    assert "/search?q=Tukhachevsky&amp;event=executed" in page
    narrowed = client.get(
        "/api/search", params={"q": "Tukhachevsky", "event": "executed", "year": "1937"}
    ).json()
    assert narrowed["filters"]["year"] == "1937"
    labels = [r["label"] for r in narrowed["result"]["results"]]
    assert labels and all(label.startswith("Тухачевский") for label in labels)
    none = client.get(
        "/api/search", params={"q": "Tukhachevsky", "event": "executed", "year": "1990"}
    ).json()
    assert none["result"]["total"] == 0
    assert client.get("/search", params={"q": "x", "year": "19"}).status_code == 422


def test_a_link_pair_shows_what_agrees_and_what_differs(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/review/links").text
    assert site.pair[0] in page and site.pair[1] in page  # nobody judges it here
    assert 'class="v-differs"' in page and 'class="v-agrees"' in page
    fields = client.get("/api/review/links").json()["pairs"][0]["fields"]
    verdicts = {f["field"]: f["verdict"] for f in fields}
    assert verdicts["name"] == "differs" and verdicts["sex"] == "agrees"


def test_the_estimates_page_names_every_author(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/estimates").text
    assert "perhaps as many as 35,000" in page and "Alexander Weissberg" in page
    groups = client.get("/api/estimates", params={"topic": "imprisoned"}).json()
    figures = [e for g in groups["groups"] for e in g["estimates"]]
    assert [e["value"] for e in figures] == [8000000.0]
