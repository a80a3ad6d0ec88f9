"""A small store of persons for linking tests: one man under three records,
his brother, two namesakes and a duplicate, written as sources and claims."""

from __future__ import annotations

import random

from kartoteka.model import Claim, Entity, Literal, Name, Passage, Source
from kartoteka.model.vocabulary import EntityKind, SourceKind, Status
from kartoteka.storage import Store

# key: (names, sex, birth EDTF, birthplace, a registry record?)
PEOPLE = {
    "a": (
        ["Тухачевский Михаил Николаевич"],
        "M",
        "1893-02-16",
        "Александровское",
        True,
    ),
    "b": (["Тухачевский Михаил Hиколаевич"], "M", "1893", "Александровское", True),
    "c": (["Mikhail Tukhachevsky", "M. N. Tukhachevsky"], None, "1893", None, False),
    "d": (["Тухачевский Николай Николаевич"], "M", "1890", "Александровское", True),
    "e": (["Иванов Иван Петрович"], "M", "1900-05-01", "Тула", True),
    "f": (["Иванов Иван Сергеевич"], "M", "1900-05-01", "Тула", True),
    "g": (["Иванов Иван Петрович"], "M", "1900-05-01", "Тула", True),
}


def person_id(key: str) -> str:
    return Entity.make_id(EntityKind.PERSON, "linking-test", key)


def write_people(store: Store) -> dict[str, str]:
    """Store PEOPLE, each with a born claim quoting its own source; key → id."""
    ids = {}
    with store.writing("test", "linking fixture") as tx:
        for key, (names, sex, born, place, registry) in PEOPLE.items():
            text = f"{names[0]}, род. {born}" + (f", {place}" if place else "")
            source = Source(
                id=f"linking-{key}", kind=SourceKind.REGISTRY, title=key, text=text
            )
            tx.put_source(source)
            pid = person_id(key)
            record = {
                "source": source.id,
                "ref": f"{key}:1",
                "start": 0,
                "end": len(text),
                "text": text,
            }
            attributes = {"birthplace": place} if place else {}
            if registry:
                attributes["record"] = record
            tx.put_entity(
                Entity(
                    id=pid,
                    kind=EntityKind.PERSON,
                    name=names[0],
                    names=tuple(Name(n, source=source.id) for n in names),
                    attributes=attributes,
                    sex=sex,
                    external_ids=(f"test:{key}",),
                )
            )
            at = text.index("род.")
            passage = Passage(
                source.id,
                at,
                len(text) if not place else text.index(",", at),
                text[at : text.index(",", at) if place else len(text)],
            )
            tx.put_claim(
                Claim(
                    id=Claim.make_id(pid, "born", passage),
                    subject=pid,
                    predicate="born",
                    passage=passage,
                    date=Literal("date", born, as_written=born),
                    status=Status.ACCEPTED,
                    origin="test",
                )
            )
            ids[key] = pid
    return ids


SURNAMES = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Лебедев"]
GIVEN = ["Иван", "Петр", "Сергей", "Николай", "Михаил", "Алексей", "Андрей", "Федор"]


def common_names(count: int) -> list[tuple]:
    """Feature rows of ``count`` persons of a few common names, born
    1880–1920, with no date of death (a rule that asks for one finds no
    pair); a fifth of them with a second record."""
    chance = random.Random(7)
    rows = []
    for n in range(count):
        surname, given, father = (chance.choice(w) for w in (SURNAMES, GIVEN, GIVEN))
        name = f"{surname} {given} {father}ович"
        born = str(chance.randint(1880, 1920))
        rows.append((f"p{n}", [name], "M", None, born, None))
        if n % 5 == 0:
            rows.append((f"p{n}b", [name], "M", None, born, None))
    return rows
