"""Writes from the browser and from scripts: roles, CSRF, revisions by the user."""

from __future__ import annotations

import httpx

from kartoteka.accounts import issue_token
from kartoteka.accounts.users import disable_user
from tests.web.conftest import EDITOR, NOTE, PASSWORD, READER, Site, logged_in


def _annotation(start: int, quote: str, **more: str) -> dict[str, object]:
    return {"start": start, "quote": quote, "subject": "Primakov",
            "predicate": "arrested", "date": "1936-08-14", **more}  # fmt: skip


def test_an_editor_makes_a_claim_of_selected_words(site: Site):
    client, csrf = logged_in(site, EDITOR)
    start = NOTE.index("was arrested on August 14, 1936")
    quote = "was arrested on August 14, 1936"
    made = client.post(
        "/sources/web-note/claims",
        data={**_annotation(start, quote, date_text="August 14, 1936"), "csrf": csrf},
    )
    assert made.status_code == 303
    claim_id = made.headers["location"].split("#")[1]
    claim = site.store.claims(id=claim_id)[0]
    assert claim.passage.text == quote and claim.passage.start == start
    assert claim.reviewer == EDITOR
    history = site.store.revisions(claim_id)
    assert [r.actor for r in history] == [EDITOR]
    page = client.get(f"/entities/{claim.subject}").text
    assert quote in page and claim_id in page
    assert EDITOR in client.get(f"/claims/{claim_id}").text


def test_words_not_at_the_offset_are_refused(site: Site):
    client, csrf = logged_in(site, EDITOR)
    refused = client.post(
        "/api/sources/web-note/claims",
        data={**_annotation(3, "was arrested"), "csrf": csrf},
    )
    assert refused.status_code == 400
    assert "not the source's" in refused.json()["error"]


def test_a_form_without_its_csrf_token_is_refused(site: Site):
    client, _ = logged_in(site, EDITOR)
    start = NOTE.index("Primakov")
    refused = client.post(
        "/sources/web-note/claims", data=_annotation(start, "Primakov")
    )
    assert refused.status_code == 403 and "CSRF" in refused.text


def test_a_reader_is_refused_every_write(site: Site):
    client, csrf = logged_in(site, READER)
    start = NOTE.index("Primakov")
    for path, data in (
        ("/sources/web-note/claims", _annotation(start, "Primakov")),
        (f"/claims/{site.candidate}/status", {"status": "rejected"}),
        ("/review/links", {"a": site.pair[0], "b": site.pair[1], "verdict": "same"}),
    ):
        refused = client.post(path, data={**data, "csrf": csrf})
        assert refused.status_code == 403, path
        assert "editors only" in refused.text
    assert site.store.claims(id=site.candidate)[0].status == "candidate"


def test_accepting_a_candidate_is_a_revision_by_the_editor(site: Site):
    client, csrf = logged_in(site, EDITOR)
    assert site.candidate in client.get("/review/candidates").text
    done = client.post(
        f"/claims/{site.candidate}/status",
        data={"status": "accepted", "csrf": csrf, "back": "/review/candidates"},
    )
    assert done.status_code == 303
    assert site.store.claims(id=site.candidate)[0].status == "accepted"
    assert site.store.revisions(site.candidate)[-1].actor == EDITOR
    assert site.candidate not in client.get("/review/candidates").text


def test_a_script_judges_a_link_pair_with_a_token(site: Site):
    token = issue_token(site.store, EDITOR, "test")
    script = httpx.Client(
        base_url=site.url, headers={"Authorization": f"Bearer {token}"}
    )
    a, b = site.pair
    judged = script.post(
        "/api/review/links", data={"a": a, "b": b, "verdict": "not_same"}
    )
    assert judged.status_code == 200 and judged.json()["verdict"] == "not_same"
    assert site.store.judgements()[a, b] == "not_same"
    assert a not in script.get("/api/review/links").text
    bad = httpx.Client(base_url=site.url, headers={"Authorization": "Bearer kt_wrong"})
    assert bad.get("/api/sources").status_code == 401


def test_wrong_passwords_are_limited(site: Site):
    client = httpx.Client(base_url=site.url)
    wrong = {"name": "nobody-" + site.url[-5:], "password": "x" * 12}
    codes = [client.post("/login", data=wrong).status_code for _ in range(7)]
    assert codes[:5] == [401] * 5 and codes[-1] == 429


def test_a_disabled_account_loses_its_session(site: Site):
    from kartoteka.accounts import add_user

    name = "temp-" + site.url[-5:]
    add_user(site.store, name, PASSWORD, "editor")
    client = httpx.Client(base_url=site.url)
    client.post("/login", data={"name": name, "password": PASSWORD})
    assert client.get("/api/sources").status_code == 200
    disable_user(site.store, name)
    assert client.get("/api/sources").status_code == 401


def test_the_session_cookie_is_http_only_and_same_site(site: Site):
    client = httpx.Client(base_url=site.url)
    got = client.post("/login", data={"name": READER, "password": PASSWORD})
    cookie = got.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_a_qualifier_without_a_value_is_refused_not_dropped(site: Site):
    client, csrf = logged_in(site, EDITOR)
    start = NOTE.index("Primakov")
    data = {**_annotation(start, "Primakov"), "qualifiers": "place=Moscow; agency"}
    refused = client.post("/api/sources/web-note/claims", data={**data, "csrf": csrf})
    assert refused.status_code == 400 and "key=value" in refused.json()["error"]


def test_the_statistics_follow_every_write(site: Site):
    client, csrf = logged_in(site, EDITOR)
    before = site.store.head()
    executed = client.get("/api/stats").json()["tables"][0]["rows"]
    start = NOTE.index("Vitaly Primakov")
    made = client.post(
        "/api/sources/web-note/claims",
        data={
            **_annotation(start, "Vitaly Primakov"),
            "predicate": "executed",
            "date": "1937-06-12",
            "csrf": csrf,
        },
    )
    assert made.status_code == 200 and site.store.head() > before
    after = client.get("/api/stats").json()["tables"][0]["rows"]
    count = {row[0]: int(row[1].replace(",", "")) for row in after}
    assert count["executed"] == 1 + {
        r[0]: int(r[1].replace(",", "")) for r in executed
    }.get("executed", 0)


def test_an_editor_rewrites_a_claim_and_its_history_shows_each_field(site: Site):
    client, csrf = logged_in(site, EDITOR)
    claim = next(
        c
        for c in site.store.claims(source_id="roberts-1964")
        if c.predicate == "executed" and c.date
    )
    page = client.get(f"/claims/{claim.id}").text
    assert f'action="/claims/{claim.id}/edit"' in page
    done = client.post(
        f"/claims/{claim.id}/edit",
        data={
            "csrf": csrf, "subject": claim.subject, "predicate": "executed",
            "date": "1937-06-11", "date_text": claim.date.as_written or "",
            "stance": "doubts", "certainty": "probable",
            "qualifiers": "place=Moscow", "note": "the night of 11 June",
        },
    )  # fmt: skip
    assert done.status_code == 303
    edited = site.store.claim(claim.id)
    assert (edited.date.value, str(edited.stance), str(edited.certainty)) == (
        "1937-06-11", "doubts", "probable",
    )  # fmt: skip
    assert edited.qualifiers["place"] == "Moscow"
    assert edited.passage == claim.passage  # the words stay the source's
    assert (str(edited.status), edited.reviewer) == ("accepted", EDITOR)
    assert [r.actor for r in site.store.revisions(claim.id)[-2:]] == [EDITOR, EDITOR]
    history = client.get(f"/claims/{claim.id}").text
    assert "1937-06-12 → 1937-06-11" in history
    assert "affirms → doubts" in history


def test_an_edit_with_a_date_outside_the_quote_or_a_bad_stance_is_refused(
    site: Site,
):
    client, csrf = logged_in(site, EDITOR)
    claim = site.store.claims(source_id="roberts-1964")[0]
    base = {"csrf": csrf, "subject": claim.subject, "predicate": claim.predicate}
    words = client.post(
        f"/api/claims/{claim.id}/edit",
        data={**base, "date": "1937", "date_text": "words not in the quote"},
    )
    assert words.status_code == 400 and "not in the quote" in words.json()["error"]
    stance = client.post(f"/claims/{claim.id}/edit", data={**base, "stance": "maybe"})
    assert stance.status_code == 422 and "text/html" in stance.headers["content-type"]
    assert site.store.claim(claim.id) == claim
    reader, reader_csrf = logged_in(site, READER)
    refused = reader.post(
        f"/claims/{claim.id}/edit", data={**base, "csrf": reader_csrf}
    )
    assert refused.status_code == 403


def test_an_editor_asks_extraction_for_candidates_of_a_stored_source(site: Site):
    client, csrf = logged_in(site, EDITOR)
    before = {c.id for c in site.store.claims(source_id="roberts-1964")}
    page = client.get("/sources/roberts-1964").text
    assert 'action="/sources/roberts-1964/extract"' in page
    done = client.post("/sources/roberts-1964/extract", data={"csrf": csrf})
    assert done.status_code == 303
    assert done.headers["location"] == "/review/candidates?source=roberts-1964"
    proposed = [
        c for c in site.store.claims(source_id="roberts-1964") if c.id not in before
    ]
    assert proposed and all(str(c.status) == "candidate" for c in proposed)
    queue = client.get(done.headers["location"]).text
    assert proposed[0].id in queue
    reader, reader_csrf = logged_in(site, READER)
    refused = reader.post("/sources/roberts-1964/extract", data={"csrf": reader_csrf})
    assert refused.status_code == 403
