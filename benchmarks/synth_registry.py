"""Write N synthetic records in the memorial-lists format, drawn from the real data.

    python benchmarks/synth_registry.py N OUT_DIR [--per-file 100000] [--seed 1]

Each record is built line by line: whether a kind of line appears (birth,
occupation, residence, arrest, sentencing, sentence, execution, burial,
rehabilitation) follows its frequency in the real records.txt, and the line
itself is one of the real lines of that kind for that sex, so dates, organs,
articles and places keep their real distributions. Every record also carries
a surname from the Moscow list, so that name search has names to find. The
records are split over files of --per-file records, as a big list is split
over regional Books of Memory. Nothing is written into the project.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import memorial

KINDS = (
    ("variants", r"^\(варианты"),  # not drawn: every record gets one surname line
    ("born", r"^(Родил(ся|ась)|Род\.)"),
    ("residence", r"^(Проживал|Прож\.)"),
    ("arrested", r"^(Арестован|Арест\.)"),
    ("sentenced", r"^Приговорен"),
    ("sentence", r"^Приговор:"),
    ("executed", r"^Рас+трелян"),
    ("burial", r"^Место захоронения"),
    ("rehabilitated", r"^Реабилитирован"),
)
FEMININE = re.compile(r"^\w+(ась|ала|ана|ена|яна|на)\b")


def learn(records_txt: Path) -> tuple[dict, dict, float]:
    """Line pools per (kind, sex), how often each kind appears, the share of women."""
    pools: dict[tuple[str, str], list[str]] = defaultdict(list)
    present: dict[str, int] = defaultdict(int)
    women = total = 0
    text = records_txt.read_text(encoding="utf-8").replace("\r\n", "\n")
    for body in text.split("\n---\n"):
        lines = [
            line.rstrip()
            for line in body.split("\n")
            if line.strip() not in ("", "---")
        ]
        if not lines:
            continue
        total += 1
        sex = "F" if any(FEMININE.match(line) for line in lines) else "M"
        women += sex == "F"
        seen = set()
        for line in lines:
            kind = next(
                (k for k, pattern in KINDS if re.match(pattern, line)), "occupation"
            )
            if kind not in seen:
                pools[kind, sex].append(line)
                seen.add(kind)
        for kind in seen:
            present[kind] += 1
    return pools, {k: n / total for k, n in present.items()}, women / total


def surnames(moscow_pages: Path) -> list[str]:
    found = []
    for page in moscow_pages.glob("*.htm"):
        html = page.read_bytes().decode("cp1251", errors="replace")
        found += re.findall(r"<B>([А-ЯЁ][а-яё-]+)", html)
    return found


def write(n: int, out: Path, per_file: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    data = memorial()
    pools, frequency, women = learn(data / "lists-records" / "records.txt")
    names = surnames(data / "moscow-executions" / "pages")
    out.mkdir(parents=True, exist_ok=True)
    files = []
    order = [
        "born",
        "occupation",
        "residence",
        "arrested",
        "sentenced",
        "sentence",
        "executed",
        "burial",
        "rehabilitated",
    ]
    for first in range(0, n, per_file):
        path = out / f"synth-{first // per_file + 1:04d}.txt"
        with path.open("w", encoding="utf-8", newline="\r\n") as f:
            for _ in range(min(per_file, n - first)):
                sex = "F" if rng.random() < women else "M"
                lines = [f"(варианты фамилии: {rng.choice(names)})"]
                for kind in order:
                    pool = pools.get((kind, sex)) or pools.get((kind, "M"))
                    if pool and rng.random() < frequency.get(kind, 0):
                        lines.append(rng.choice(pool))
                f.write("\n".join(lines) + "\n---\n")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-file", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = write(args.n, args.out, args.per_file, args.seed)
    print(f"wrote {args.n:,} records in {len(files)} files to {args.out}")


if __name__ == "__main__":
    main()
