"""Downloads over real HTTP: every export of the archive, a case as
FollowTheMoney, a source's provenance; readers may, strangers may not."""

from __future__ import annotations

import csv
import io
import json

import httpx
from followthemoney import model
from prov.model import ProvDocument

from kartoteka.analysis.lookup import find_person
from kartoteka.exports import jsonl
from kartoteka.exports.csv_tables import csv_header, person_csv_line
from kartoteka.exports.ftm import ftm_id
from kartoteka.exports.parallel_pages import write_persons
from kartoteka.web.export_routes import DOWNLOADS
from tests.web.conftest import READER, Site, logged_in


def test_the_export_page_lists_every_download_and_each_answers(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/export").text
    listed = client.get("/api/export").json()["downloads"]
    assert {d["file"] for d in listed} == set(DOWNLOADS)
    for d in listed:
        assert d["href"] in page
        got = client.get(d["href"])
        assert got.status_code == 200, d["file"]
        assert d["file"] in got.headers["content-disposition"]
        assert got.text.strip(), d["file"]


def test_the_downloads_hold_the_archive(site: Site):
    client, _ = logged_in(site, READER)
    persons = client.get("/export/persons.jsonl").text.splitlines()
    exported = [json.loads(line)["id"] for line in persons]
    assert exported == [p["id"] for p in jsonl.persons(site.store)]
    assert len(exported) >= 30
    for name, render, head in (
        ("persons.jsonl", jsonl.json_line, ""),
        ("persons.csv", person_csv_line, csv_header("persons")),
    ):  # the same bytes as `kartoteka export persons` writes
        written = io.StringIO(newline="")
        write_persons(site.store, render, written, workers=1)
        got = client.get(f"/export/{name}")
        assert got.content == (head + written.getvalue()).encode("utf-8"), name
    rows = list(csv.DictReader(io.StringIO(client.get("/export/claims.csv").text)))
    assert {r["id"] for r in rows} == {c.id for c in site.store.claims()}
    entities = [
        json.loads(line)
        for line in client.get("/export/archive.ftm.json").text.splitlines()
    ]
    assert all(model.get_proxy(e).schema for e in entities)
    prov = ProvDocument.deserialize(
        content=client.get("/export/archive.prov.json").text, format="json"
    )
    assert prov.get_records()


def test_a_case_as_ftm_and_a_source_as_prov(site: Site):
    client, _ = logged_in(site, READER)
    person = find_person(site.store, "Tukhachevsky")
    case_page = client.get(f"/entities/{person.id}").text
    assert f"/entities/{person.id}/ftm.json" in case_page
    found = [
        json.loads(line)
        for line in client.get(f"/entities/{person.id}/ftm.json").text.splitlines()
    ]
    assert found[0]["id"] == ftm_id(person.id)
    assert found[0]["schema"] == "Person"
    assert "/sources/roberts-1964/prov.json" in client.get("/sources/roberts-1964").text
    raw = client.get("/sources/roberts-1964/prov.json").json()
    quoted = [e for e in raw["entity"].values() if e.get("prov:type") == "kt:Claim"]
    assert len(quoted) == len(site.store.claims(source_id="roberts-1964"))


def test_strangers_get_no_download_and_unknown_files_are_404(site: Site):
    stranger = httpx.Client(base_url=site.url)
    assert stranger.get("/export/persons.jsonl").status_code == 303
    client, _ = logged_in(site, READER)
    missing = client.get("/export/everything.zip")
    assert missing.status_code == 404 and "no export" in missing.text


def test_a_bad_form_value_is_an_error_page_not_json(site: Site):
    client, _ = logged_in(site, READER)
    page = client.get("/sources/roberts-1964?start=-5")
    assert page.status_code == 422
    assert "text/html" in page.headers["content-type"]
    assert "start" in page.text
    api = client.get("/api/sources/roberts-1964?start=-5")
    assert api.status_code == 422 and "start" in api.json()["error"]
