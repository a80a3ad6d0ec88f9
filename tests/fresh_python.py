"""What a fresh Python process prints, and which modules it loaded: for the
tests of what a command or a parsing process imports."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence


def printed(script: str) -> str:
    """What ``script`` prints, run in a Python of its own."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def loaded_after(script: str, watched: Sequence[str]) -> list[str]:
    """Which of the ``watched`` modules a fresh Python holds after ``script``."""
    probe = (
        "\nimport sys\n"
        f"print(','.join(m for m in {tuple(watched)!r} if m in sys.modules))\n"
    )
    return [m for m in printed(script + probe).split(",") if m]
