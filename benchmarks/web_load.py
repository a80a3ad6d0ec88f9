"""Load on the web app: concurrent readers and editors over real HTTP (locust).

    python benchmarks/web_load.py --db STORE [--readers 50] [--seconds 120]
                                  [--workers 1] [--think 0.5-2]

STORE is a SQLite path or a PostgreSQL URL holding a registry (for instance
the million records scale_registry.py imports). The script adds the demo
case, a source for the editors and the benchmark's accounts (all idempotent),
starts `kartoteka serve` on the store, and runs locust headless with
web_load_users.py: --readers readers, each with a session of their own,
who open case pages of random persons, pages of random sources at random
offsets and searches for random names (each waiting --think seconds between
pages: 0.5-2 s by default, much less than people reading take), and 2
editors annotating lines of one source through the API at the same time.
It reports each page's requests, failures, p50, p95 and p99 once every user
has started (locust's --reset-stats: the ramp is left out; the readers'
sessions are opened before, one log-in at a time, so no log-in falls in it),
and checks that every write an editor was told succeeded is in the store
with its revision.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from kartoteka.accounts.users import add_user, issue_token, list_users, set_password
from kartoteka.demo import run_demo
from kartoteka.ingest.sources import SourceMeta, add_source
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store
from kartoteka.web.security import COOKIE

EDITING = "bench-editing"
LINES = 400
SAMPLE = 5000  # persons drawn for case pages and searches
USERS = Path(__file__).with_name("web_load_users.py")


def _accounts(store: Store) -> dict[str, object]:
    password = secrets.token_urlsafe(12)
    known = {u.name for u in list_users(store)}
    if "bench-reader" in known:
        set_password(store, "bench-reader", password)
    else:
        add_user(store, "bench-reader", password, "reader")
    editors = []
    for name in ("bench-editor-1", "bench-editor-2"):
        if name not in known:
            add_user(store, name, secrets.token_urlsafe(12), "editor")
        editors.append({"name": name, "token": issue_token(store, name, "load")})
    return {"reader": {"name": "bench-reader", "password": password},
            "editors": editors}  # fmt: skip


def _editing_source(store: Store, folder: Path) -> list[dict[str, object]]:
    text = "".join(f"Line {i}: a statement made for the editors to annotate.\n"
                   for i in range(LINES))  # fmt: skip
    path = folder / "editing.txt"
    path.write_text(text, encoding="utf-8")
    if not store.has_source(EDITING):
        add_source(store, path, SourceMeta(id=EDITING, title="Editing"), "benchmark")
    lines, at = [], 0
    for line in text.splitlines(keepends=True):
        lines.append({"start": at, "quote": line.rstrip("\n")})
        at += len(line)
    return lines


def _targets(store: Store, folder: Path) -> dict[str, object]:
    rng = random.Random(7)
    people = store.entity_ids(EntityKind.PERSON)
    persons = rng.sample(people, min(SAMPLE, len(people)))
    surnames = [store.entity(p).name.split()[0] for p in persons[:300]]
    searches = [*surnames, "Tuchatschewski", "secret trial", "Бутово", "расстрелян"]
    sources = [(s.id, n) for s, n in store.source_metas() if n > 0]
    return {
        **_accounts(store),
        "persons": persons,
        "searches": searches,
        "sources": sources,
        "editing_source": EDITING,
        "lines": _editing_source(store, folder),
    }


def _serve(db: str, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("kartoteka")), "--db", db, "serve",
         "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not start: {server.stderr.read().decode()}")


def _sessions(port: int, reader: dict[str, str], count: int) -> list[str]:
    cookies = []
    for _ in range(count):
        got = httpx.post(
            f"http://127.0.0.1:{port}/login",
            data={"name": reader["name"], "password": reader["password"], "next": "/"},
        )
        cookies.append(got.cookies[COOKIE])
    return cookies


def _locust(port: int, readers: int, seconds: int, folder: Path) -> None:
    subprocess.run(
        [str(Path(sys.executable).with_name("locust")), "-f", str(USERS),
         "--headless", "--users", str(readers + 2), "--spawn-rate", "10",
         "--run-time", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
         "--csv", str(folder / "load"), "--only-summary", "--stop-timeout", "5",
         "--reset-stats"],
        check=False, env={**os.environ},
    )  # fmt: skip


def _report(folder: Path) -> None:
    with (folder / "load_stats.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    print(
        f"{'page':<20} {'requests':>9} {'failures':>9} {'p50':>7} {'p95':>7} {'p99':>7}"
    )
    for r in rows:
        print(
            f"{r['Name']:<20} {r['Request Count']:>9} {r['Failure Count']:>9} "
            f"{r['50%']:>5}ms {r['95%']:>5}ms {r['99%']:>5}ms"
        )


def _check_writes(store: Store, written: list[dict[str, str]]) -> None:
    ids = [w["claim"] for w in written]
    stored = {c.id for c in store.claims(source_id=EDITING)}
    missing = [i for i in ids if i not in stored]
    revised = {r.target_id for r in store.revisions_of(ids)}
    per_editor = {e: sum(1 for w in written if w["editor"] == e)
                  for e in sorted({w["editor"] for w in written})}  # fmt: skip
    print(
        f"editors' writes: {len(ids)} acknowledged ({per_editor}); "
        f"{len(missing)} missing from the store; "
        f"{len(set(ids) - revised)} without their revision"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=1, help="serve --workers")
    parser.add_argument(
        "--think", default="0.5-2", help="seconds a reader waits between pages"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kartoteka-load-"))
    store = Store.open(args.db)
    run_demo(store, actor="benchmark")
    targets = _targets(store, folder)
    counts = store.counts()
    print(f"store: {counts['entities']:,} entities, {counts['claims']:,} claims")
    os.environ["KARTOTEKA_LOAD_WRITTEN"] = str(folder / "written.json")
    os.environ["KARTOTEKA_LOAD_THINK"] = args.think
    server = _serve(args.db, args.port, args.workers)
    # Each reader's session, opened before the load: 50 log-ins at once (argon2,
    # 0.1 s of CPU each) would stall the two cores in the measured minutes.
    targets["sessions"] = _sessions(args.port, targets["reader"], args.readers)
    (folder / "targets.json").write_text(json.dumps(targets), encoding="utf-8")
    os.environ["KARTOTEKA_LOAD_TARGETS"] = str(folder / "targets.json")
    # Link pages load the name tables (~7 s, once a process): let every worker
    # finish that before the readers come.
    token = targets["editors"][0]["token"]
    for _ in range(4 * args.workers):
        httpx.get(f"http://127.0.0.1:{args.port}/api/review/links", timeout=120,
                  headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    try:
        _locust(args.port, args.readers, args.seconds, folder)
    finally:
        server.terminate()
        server.wait(30)
    _report(folder)
    _check_writes(store, json.loads((folder / "written.json").read_text()))
    store.close()


if __name__ == "__main__":
    main()
