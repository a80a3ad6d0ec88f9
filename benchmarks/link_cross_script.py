"""Link Latin spellings of Moscow-list persons back to their Cyrillic records.

    python benchmarks/link_cross_script.py [--copies 3000] [--seed 7]

Takes the persons of the Moscow executions list (surname, given name,
patronymic, birth year, birthplace), writes a copy of some of them in Latin
letters — each copy under a scheme drawn at random (BGN/PCGN, ALA-LC, ISO 9,
Wikipedia, Scientific, passports, ICAO, and German, French and Polish
spellings), with typos, swapped name order, initials and birth-year noise —
and deduplicates originals and copies together. A pair is right when it
joins a copy to its original. Reports precision, recall and F1 of kartoteka's
model (name keys + Splink) beside plain Splink on the raw strings, and the
time of each.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import iuliia
import splink.comparison_library as cl
from common import memorial, peak_rss_mib
from linking_common import kartoteka_decisions, pairs_in, plain_splink, score
from splink import SettingsCreator, block_on

from kartoteka.ingest.registries import memorial_moscow
from kartoteka.linking.feature_table import build_features
from kartoteka.linking.run import REVIEW_FROM
from kartoteka.names.normalize import in_one_script

SCHEMES = {
    "BGN/PCGN": iuliia.BGN_PCGN.translate,
    "ALA-LC": iuliia.ALA_LC.translate,
    "ISO 9": iuliia.GOST_779.translate,
    "Wikipedia": iuliia.WIKIPEDIA.translate,
    "Scientific": iuliia.SCIENTIFIC.translate,
    "MVD 782": iuliia.MVD_782.translate,
    "ICAO": iuliia.ICAO_DOC_9303.translate,
}
# German, French and Polish spellings, letter by letter (Duden, the French
# press, Polish usage); iuliia has none of them.
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_SPELLINGS = {
    "German": "a b w g d e jo sch s i i k l m n o p r s t u f ch z tsch sch schtsch"
    " _ y _ e ju ja",
    "French": "a b v g d e io j z i i k l m n o p r s t ou f kh ts tch ch chtch"
    " _ y _ e iou ia",
    "Polish": "a b w g d e io ż z i j k ł m n o p r s t u f ch c cz sz szcz"
    " _ y _ e iu ia",
}


def _spell(table: dict[str, str]):  # type: ignore[no-untyped-def]
    def spell(text: str) -> str:
        out = []
        for char in text:
            low = char.lower()
            latin = table.get(low, char).replace("_", "")
            out.append(latin.capitalize() if char != low else latin)
        return "".join(out)

    return spell


SCHEMES |= {
    name: _spell(dict(zip(_CYRILLIC, letters.split(), strict=True)))
    for name, letters in _SPELLINGS.items()
}


def persons() -> list[dict]:  # type: ignore[type-arg]
    pages = sorted((memorial() / "moscow-executions" / "pages").glob("*.htm"))
    found = []
    for page in pages:
        parsed = memorial_moscow.parse(page)
        for i, rec in enumerate(parsed.records):
            a = rec.attributes
            if not {"surname", "given_name", "patronymic"} <= set(a):
                continue
            born = next((e.date for e in rec.events if e.predicate == "born"), None)
            died = next(
                (e.date for e in rec.events if e.predicate == "executed" and e.date),
                None,
            )
            found.append(
                {
                    "id": f"{page.stem}-{i}",
                    "surname": a["surname"],
                    "given": a["given_name"],
                    "patronymic": a["patronymic"],
                    "birth": born[:4] if born else None,
                    "place": a.get("birthplace"),
                    "sex": rec.sex,
                    "died": died,
                }
            )
    return found


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "swap", "double"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def latin_copy(p: dict, rng: random.Random) -> dict:  # type: ignore[type-arg]
    """A Latin spelling of a person, as another source might give it."""
    scheme = rng.choice(list(SCHEMES))
    # Romanized as a person reads the name: a Latin look-alike inside a
    # Cyrillic word of the list («Hиколай») is the letter it stands for.
    romanize = SCHEMES[scheme]

    def write(text: str) -> str:
        return romanize(in_one_script(text))

    surname, given, patronymic = (
        write(p[k]) for k in ("surname", "given", "patronymic")
    )
    if rng.random() < 0.15:
        surname = _typo(surname, rng)
    if rng.random() < 0.3:  # initials: the first letter, romanized (Ч. → Ch.)
        given, patronymic = (write(p[k][:1]) + "." for k in ("given", "patronymic"))
    birth = p["birth"]
    if birth and rng.random() < 0.2:
        birth = str(int(birth) + rng.choice((-1, 1)))
    if rng.random() < 0.1:
        birth = None
    order = rng.random() < 0.5
    name = (
        f"{given} {patronymic} {surname}"
        if order
        else f"{surname} {given} {patronymic}"
    )
    return {
        "id": f"copy-{p['id']}",
        "surname": surname,
        "given": given,
        "patronymic": patronymic,
        "name": name,
        "birth": birth,
        "place": write(p["place"]) if p["place"] and rng.random() < 0.5 else None,
        "sex": None,
        "scheme": scheme,
    }


REVIEWED: set[tuple[str, str]] = set()  # pairs kartoteka queues for review


def kartoteka_model(rows: list[dict]) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    features = build_features(
        (
            r["id"],
            [r.get("name") or f"{r['surname']} {r['given']} {r['patronymic']}"],
            r["sex"],
            r["place"],
            r["birth"],
            r.get("died"),  # the list's date of execution; the copies give none
        )
        for r in rows
    )
    clustering, reviewed, *_ = kartoteka_decisions(features, REVIEW_FROM)
    merged = pairs_in(clustering)
    REVIEWED.update(reviewed)
    return merged


def plain_splink_raw(
    rows: list[dict],  # type: ignore[type-arg]
    death: bool = False,
) -> set[tuple[str, str]]:
    """Splink as its documentation sets it up, on the names as written
    (``death``: and the date of death, compared exactly)."""
    table = {
        "unique_id": [r["id"] for r in rows],
        "first_name": [r["given"].lower() for r in rows],
        "surname": [r["surname"].lower() for r in rows],
        "patronymic": [r["patronymic"].lower() for r in rows],
        "birth_year": [r["birth"] for r in rows],
        "place": [(r["place"] or "").lower() or None for r in rows],
        "died": [r.get("died") for r in rows],
    }
    on_death = [cl.ExactMatch("died")] if death else []
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.NameComparison("patronymic"),
            cl.ExactMatch("birth_year"),
            cl.JaroWinklerAtThresholds("place"),
            *on_death,
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname"),
            block_on("first_name", "birth_year"),
            block_on("patronymic", "birth_year"),
        ],
    )
    return plain_splink(
        table,
        settings,
        block_on("surname", "first_name", "birth_year"),
        [block_on("surname"), block_on("first_name", "birth_year")],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    originals = persons()
    copies = [latin_copy(p, rng) for p in rng.sample(originals, args.copies)]
    rows = originals + copies
    truth = {tuple(sorted((c["id"][5:], c["id"]))) for c in copies}
    by_id = {c["id"]: c for c in copies}
    print(
        f"{len(originals):,} Cyrillic records, {len(copies):,} Latin copies "
        f"({', '.join(sorted({c['scheme'] for c in copies}))})"
    )
    for label, method in (
        ("kartoteka", kartoteka_model),
        ("plain Splink", plain_splink_raw),
    ):
        began = time.perf_counter()
        found = {p for p in method(rows) if p[0] != p[1]}
        seconds = time.perf_counter() - began
        # Only pairs that involve a copy can be judged against the truth.
        judged = {p for p in found if any(x.startswith("copy-") for x in p)}
        s = score(judged, truth)
        print(
            f"{label:<13} precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
            f"F1 {s['f1']:.3f}  ({s['pairs']:,} pairs with a copy, {seconds:.1f} s)"
        )
        if label == "kartoteka":
            queued = {p for p in REVIEWED if any(x.startswith("copy-") for x in p)}
            share = len(truth & queued) / len(truth)
            wrong = len(queued - truth)
            print(
                f"    and {share:.3f} of the true pairs in the review queue "
                f"(beside {wrong:,} pairs there that are not)"
            )
        for scheme in sorted({c["scheme"] for c in copies}):
            mine = {p for p in truth if by_id[p[1]]["scheme"] == scheme}
            hit = len(mine & judged)
            print(
                f"    {scheme:<11} recall {hit / len(mine):.3f} ({hit} of {len(mine)})"
            )
    print(f"peak memory: {peak_rss_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
