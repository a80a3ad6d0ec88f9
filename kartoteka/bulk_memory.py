"""Building millions of objects at once: registry rows, linkage features."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while millions of objects are built.

    They hold no cycles, so reference counting frees them; the collector
    would only rescan every live object again and again (a third of the time
    of building an import's rows, a third of the linkage features of a
    million persons).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
