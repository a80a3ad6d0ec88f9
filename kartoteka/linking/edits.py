"""A person's word on links: join a pair, keep a pair apart, split a record out."""

from __future__ import annotations

from kartoteka.errors import NotFound
from kartoteka.linking.clusters import canonical
from kartoteka.storage import Store
from kartoteka.storage.links import Verdict


def _head(store: Store, members: list[str]) -> str:
    """The canonical member; a casefile's person (no registry record, not
    proposed by extraction) first, then a record with a name."""
    found = store.entities(members)
    curated = {
        m for m, e in found.items() if "record" not in e.attributes and not e.proposed
    }
    return canonical(members, curated, {m for m, e in found.items() if e.names})


def judge_pair(
    store: Store, a: str, b: str, verdict: Verdict, actor: str, note: str | None = None
) -> list[str]:
    """Record a judgement; "same" joins the two clusters at once. Returns the
    members of the cluster that now holds ``a``."""
    store.entities([a, b])  # raises NotFound for an unknown id
    members = sorted(set(store.cluster_of(a)) | set(store.cluster_of(b)))
    head, links = _head(store, members), store.links()  # read before writing
    with store.writing(actor, reason=f"review link: {verdict}") as tx:
        tx.judge(a, b, verdict, note)
        if verdict is Verdict.SAME:
            for member in members:
                joined_by_review = member in (a, b) or member not in links
                origin = "review" if joined_by_review else "link"
                tx.link(member, head, None if joined_by_review else 1.0, origin)
    return store.cluster_of(a)


def unmerge(
    store: Store, member: str, actor: str, reason: str | None = None
) -> list[str]:
    """Take one person out of its cluster; "not same" is recorded against
    every other member, so no later link run joins them again. Returns the
    members left together."""
    cluster = store.cluster_of(member)
    if len(cluster) < 2:
        raise NotFound(f"{member} is not linked to anyone")
    rest = [m for m in cluster if m != member]
    why = reason or f"unmerge {member}"
    head, links = _head(store, rest), store.links()  # read before writing
    with store.writing(actor, reason=why) as tx:
        tx.unlink(member, why)
        for other in rest:
            tx.judge(member, other, Verdict.NOT_SAME, why)
        if len(rest) == 1:
            tx.unlink(rest[0], why)
        else:
            for other in rest:
                if links.get(other) != head:
                    tx.link(other, head, None, "review")
    return rest if len(rest) > 1 else []
