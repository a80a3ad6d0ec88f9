"""Extraction speed: the seed article from a cold start, and a megabyte of text.

    python benchmarks/extraction_speed.py [--megabytes 1]

The seed is read in a fresh process, so the time includes importing spaCy
and loading the model (the goal: under 3 s). A megabyte of English is the
seed repeated; a megabyte of Russian is the start of the Memorial lists'
records (list prose, not an essay, but every line a sentence for the
models). Goal: under 60 s for each on two cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import memorial, peak_rss_mib

from kartoteka import settings
from kartoteka.extract import extract_text

SEED = "seeds/roberts-1964-purge-and-rehabilitation.txt"
COLD = (
    "import sys, time; t = time.perf_counter(); "
    "from kartoteka.extract import extract_text; "
    "found = extract_text(open(sys.argv[1], encoding='utf-8').read(), 'en'); "
    "print(len(found), time.perf_counter() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    seed = settings.shared_path(SEED)
    began = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", COLD, str(seed)], capture_output=True, text=True
    )
    wall = time.perf_counter() - began
    count, inside = out.stdout.split()
    print(
        f"seed article, cold: {wall:.2f} s for the process "
        f"({float(inside):.2f} s from the first import), {count} proposals"
    )
    size = int(args.megabytes * 1_000_000)
    text = seed.read_text(encoding="utf-8")
    english = (text + "\n\n") * (size // len(text) + 1)
    russian = (memorial() / "lists-records" / "records.txt").read_text("utf-8")
    for label, lang, sample in (
        ("English", "en", english[:size]),
        ("Russian", "ru", russian[:size]),
    ):
        extract_text(sample[:2000], lang)  # the model loaded before the clock
        began = time.perf_counter()
        found = extract_text(sample, lang)
        seconds = time.perf_counter() - began
        print(
            f"{label}: {len(sample):,} characters in {seconds:.1f} s "
            f"({len(sample) / seconds / 1000:.0f} k characters/s), "
            f"{len(found):,} proposals; peak memory {peak_rss_mib():,.0f} MiB"
        )


if __name__ == "__main__":
    main()
