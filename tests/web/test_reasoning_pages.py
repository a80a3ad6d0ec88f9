"""The reasoning pages on the demo, with their JSON twins, and an editor
changing the argument in the browser's way (forms) and a script's (API)."""

from __future__ import annotations

from tests.web.conftest import EDITOR, READER, Site, logged_in

PAGES = (
    "/hypotheses",
    "/hypotheses/dossier-origin",
    "/corroboration",
    "/grades",
    "/custody/forged-dossier",
)


def test_each_reasoning_page_and_its_twin_answer_a_reader(site: Site):
    client, _ = logged_in(site, READER)
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, (path, page.text[:300])
        assert client.get("/api" + path).status_code == 200, path


def test_the_matrix_scores_the_three_hypotheses_every_way(site: Site):
    client, _ = logged_in(site, READER)
    data = client.get("/api/hypotheses/dossier-origin").json()
    hyps = [h["id"] for h in data["question"]["hypotheses"]]
    assert hyps == ["hitler", "stalin", "yezhov"]
    assert set(data["scores"]) == {"inconsistency", "weighted", "bayesian"}
    for scorer in data["scores"]:
        assert set(data["scores"][scorer]) == set(hyps)
    assert abs(sum(data["posterior"].values()) - 1) < 1e-3
    assert any(d["leader_changes"] for d in data["linchpins"])
    quiet = [r for r in data["rows"] if r["why_not"]]
    assert quiet and all(r["diagnosticity"] == 0 for r in quiet)
    page = client.get("/hypotheses/dossier-origin").text
    assert "Linchpins" in page and "posterior" in page
    assert 'name="rating"' not in page  # a reader sees no rating forms


def test_the_custody_page_draws_the_chain_with_its_sources(site: Site):
    client, _ = logged_in(site, READER)
    data = client.get("/api/custody/forged-dossier").json()
    paths = {c["voice"]: c["holders"] for c in data["chains"]}
    assert [h.split()[0] for h in paths["Victor Alexandrov"]] == [
        "Gestapo",
        "Скоблин",
        "Edvard",
        "Сталин",
    ]
    svg = client.get("/custody/forged-dossier/diagram.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "Gestapo" in svg.text and "unknown holder" in svg.text
    png = client.get("/custody/forged-dossier/diagram.png")
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_editor_rates_a_cell_and_the_scores_follow(site: Site):
    client, csrf = logged_in(site, EDITOR)
    before = client.get("/api/hypotheses/dossier-origin").json()
    row = next(r for r in before["rows"] if r["cells"]["yezhov"]["rating"] == "CC")
    claim = row["claim"]["id"]
    got = client.post(
        "/hypotheses/dossier-origin/rate",
        data={
            "csrf": csrf,
            "claim": claim,
            "hypothesis": "yezhov",
            "rating": "II",
            "rationale": "Yezhov took the police only in 1936",
        },
    )
    assert got.status_code == 303
    after = client.get("/api/hypotheses/dossier-origin").json()
    cell = next(r for r in after["rows"] if r["claim"]["id"] == claim)["cells"]
    assert (cell["yezhov"]["rating"], cell["yezhov"]["by"]) == ("II", EDITOR)
    for scorer in ("weighted", "bayesian"):
        assert after["scores"][scorer]["yezhov"] < before["scores"][scorer]["yezhov"]
    assert site.store.verify().ok


def test_a_reader_cannot_rate_or_grade(site: Site):
    client, csrf = logged_in(site, READER)
    rated = client.post(
        "/hypotheses/dossier-origin/rate",
        data={"csrf": csrf, "claim": "x", "hypothesis": "hitler", "rating": "C"},
    )
    assert rated.status_code == 403
    graded = client.post(
        "/grades",
        data={
            "csrf": csrf,
            "target": "aragon-1964",
            "axis": "reliability",
            "value": "E",
        },
    )
    assert graded.status_code == 403


def test_an_editor_asks_a_question_and_grades_a_source(site: Site):
    client, csrf = logged_in(site, EDITOR)
    asked = client.post(
        "/hypotheses",
        data={
            "csrf": csrf,
            "question": "kirov-murder",
            "text": "Who had Kirov killed?",
            "hypotheses": "nikolaev: Nikolaev alone\nstalin: On Stalin's order",
        },
    )
    assert asked.status_code == 303 and asked.headers["location"].endswith(
        "kirov-murder"
    )
    listed = client.get("/api/hypotheses").json()["questions"]
    assert "kirov-murder" in [q["id"] for q in listed]
    graded = client.post(
        "/grades",
        data={
            "csrf": csrf,
            "target": "aragon-1964",
            "axis": "reliability",
            "value": "E",
            "rationale": "the official line",
        },
    )
    assert graded.status_code == 303
    sources = client.get("/api/grades").json()["sources"]
    aragon = next(s for s in sources if s["source"]["id"] == "aragon-1964")
    assert (aragon["reliability"]["value"], aragon["reliability"]["by"]) == (
        "E",
        EDITOR,
    )
    assert aragon["reliability"]["suggested"]  # the suggestion stays beside it
    bad = client.post(
        "/grades",
        data={
            "csrf": csrf,
            "target": "aragon-1964",
            "axis": "reliability",
            "value": "Z",
        },
    )
    assert bad.status_code in (400, 422)


def test_the_rehabilitation_page_and_its_twin(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/rehabilitation")
    assert page.status_code == 200 and "By basis" in page.text
    data = client.get("/api/rehabilitation").json()
    headings = [t["heading"] for t in data["report"]["tables"]]
    assert headings[:3] == ["By basis", "By organ", "By decade"]


def test_the_network_page_draws_and_lists_the_same_graph(site: Site):
    client, _ = logged_in(site, READER)
    data = client.get("/api/network/tukhachevsky", params={"hops": 1}).json()
    nodes = [e for e in data["elements"] if "source" not in e["data"]]
    assert len(nodes) == len(data["rows"])
    page = client.get("/network/tukhachevsky").text
    assert "cytoscape-3.35.0.min.js" in page and "Ежов" in page
    assert client.get("/static/cytoscape-3.35.0.min.js").status_code == 200
    gexf = client.get("/network/tukhachevsky/graph.gexf")
    assert gexf.status_code == 200 and b"<gexf" in gexf.content
    empty = client.get("/network")
    assert empty.status_code == 200


def test_a_case_page_shows_its_timeline(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/entities/tukhachevsky").text
    assert "/entities/" in page and "timeline.svg" in page
    svg = client.get("/entities/tukhachevsky/timeline.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "rehabilitated" in svg.text
