"""`kartoteka serve` as a user starts it: one process, or several workers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.web.conftest import _free_port


def _started(port: int, server: subprocess.Popen) -> httpx.Response:
    for _ in range(150):
        try:
            return httpx.get(f"http://127.0.0.1:{port}/login", timeout=5)
        except httpx.TransportError:
            assert server.poll() is None, server.stderr.read().decode()
            time.sleep(0.2)
    raise AssertionError("the server did not answer")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _cmd(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_two_workers_serve_the_same_store(demo_db: Path, tmp_path: Path):
    db = tmp_path / "served.db"
    shutil.copy(demo_db, db)
    port = _free_port()
    command = Path(sys.executable).with_name("kartoteka")
    server = subprocess.Popen(
        [str(command), "--db", str(db), "serve", "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ},
    )  # fmt: skip
    try:
        assert _started(port, server).status_code == 200
        for _ in range(20):
            # The first worker answered; a request the second takes waits for
            # it to finish starting, which on a busy 2-core machine can take
            # longer than ten seconds.
            got = httpx.get(f"http://127.0.0.1:{port}/api", timeout=60)
            assert got.status_code == 401  # reading needs an account here too
        workers = [p for p in _children(server.pid) if "spawn_main" in _cmd(p)]
        assert len(workers) == 2
    finally:
        server.terminate()
        server.wait(20)
