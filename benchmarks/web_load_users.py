"""The locust users of web_load.py: readers who read case files,
source pages and searches, and editors who annotate a source through the API.

Not run on its own: web_load.py starts locust with this file and hands it
the targets in the file named by KARTOTEKA_LOAD_TARGETS.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, events, task

from kartoteka.web.security import COOKIE

TARGETS = json.loads(Path(os.environ["KARTOTEKA_LOAD_TARGETS"]).read_text())
THINK = tuple(
    float(x) for x in os.environ.get("KARTOTEKA_LOAD_THINK", "0.5-2").split("-")
)
WRITTEN: list[dict[str, str]] = []  # each editor's accepted writes


class Reader(HttpUser):
    """A researcher: a case file, a page of a source, a search, and thinking
    (KARTOTEKA_LOAD_THINK seconds between pages, 0.5-2 unless set)."""

    weight = 25
    wait_time = between(*THINK)

    started = itertools.count()

    def on_start(self) -> None:
        """A session web_load.py opened for this reader before the load."""
        sessions = TARGETS["sessions"]
        cookie = sessions[next(Reader.started) % len(sessions)]
        self.client.cookies.set(COOKIE, cookie)

    @task(3)
    def case_file(self) -> None:
        person = random.choice(TARGETS["persons"])
        self.client.get(f"/entities/{person}", name="case page")

    @task(2)
    def source_page(self) -> None:
        source, length = random.choice(TARGETS["sources"])
        start = random.randrange(0, max(1, length - 1000))
        self.client.get(f"/sources/{source}?start={start}", name="source page")

    @task(3)
    def search(self) -> None:
        words = random.choice(TARGETS["searches"])
        self.client.get("/search", params={"q": words}, name="search")


class Editor(HttpUser):
    """An editor annotating the editing source line by line, with a token."""

    fixed_count = 2
    wait_time = between(0.5, 1.5)

    started = itertools.count()

    def on_start(self) -> None:
        index = next(Editor.started) % len(TARGETS["editors"])
        self.account = TARGETS["editors"][index]
        self.client.headers["Authorization"] = f"Bearer {self.account['token']}"
        self.made = 0

    @task
    def annotate(self) -> None:
        line = random.choice(TARGETS["lines"])
        self.made += 1
        mark = f"{self.account['name']}-{self.made}-{random.randrange(10**9)}"
        got = self.client.post(
            f"/api/sources/{TARGETS['editing_source']}/claims",
            data={
                "start": line["start"],
                "quote": line["quote"],
                "subject": random.choice(TARGETS["persons"]),
                "predicate": "stated",
                "qualifiers": f"bench={mark}",
            },
            name="annotate (editor)",
        )
        if got.status_code == 200:
            WRITTEN.append(
                {"editor": self.account["name"], "claim": got.json()["claim"]}
            )


@events.test_stop.add_listener
def _save(**_: object) -> None:
    Path(os.environ["KARTOTEKA_LOAD_WRITTEN"]).write_text(json.dumps(WRITTEN))
