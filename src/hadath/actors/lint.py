"""Consistency checks over the KB data files (``hadath actors lint``).

Errors (exit status 1): bad ids, unknown types/roots/parents/affiliation orgs, a date range that ends
before it starts, a risky rule mark the matcher does not know, an alias whose skeleton is empty.
Warnings: the same alias (in skeleton space) under two different roots, overlapping roles of one
person, a wing whose root differs from its parent's root.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from hadath.actors.kb import ID_RE, KB, TYPES
from hadath.actors.matcher import key_variants


@dataclass(slots=True)
class Finding:
    level: str    # error / warning
    code: str
    message: str


def lint(kb: KB) -> list[Finding]:
    out: list[Finding] = [Finding("error", "load", p) for p in kb.problems]
    ents = kb.entities
    for e in ents.values():
        if not ID_RE.match(e.id):
            out.append(Finding("error", "bad-id", f"{e.id}: ids are UPPER_SNAKE ASCII"))
        if e.type not in TYPES:
            out.append(Finding("error", "bad-type", f"{e.id}: unknown type {e.type}"))
        if e.root not in ents:
            out.append(Finding("error", "unknown-root", f"{e.id}: root {e.root} is not an entity"))
        elif ents[e.root].root != e.root:
            out.append(Finding("error", "root-chain", f"{e.id}: root {e.root} is not itself a root"))
        if e.parent and e.parent not in ents:
            out.append(Finding("error", "unknown-parent", f"{e.id}: parent {e.parent} is not an entity"))
        elif e.parent and not e.generated and e.type != "PERSON":
            p = ents[e.parent]
            if p.type != "STATE" and p.root != e.root:
                out.append(Finding("warning", "parent-root",
                                   f"{e.id}: root {e.root} differs from parent {p.id}'s root {p.root}"))
        if not e.aliases and e.type != "PERSON":
            out.append(Finding("warning", "no-alias", f"{e.id}: no alias"))
        # people: affiliations
        spans = []
        for a in e.affiliations:
            if a.org not in ents:
                out.append(Finding("error", "unknown-org", f"{e.id}: affiliation org {a.org} is not an entity"))
            if a.start and a.end and a.end < a.start:
                out.append(Finding("error", "bad-range", f"{e.id}: {a.org} ends {a.end} before {a.start}"))
            spans.append(a)
        spans.sort(key=lambda a: (a.start.isoformat() if a.start else ""))
        for x, y in zip(spans, spans[1:]):
            if x.end is None or (y.start is not None and y.start < x.end):
                if ents.get(x.org) and ents.get(y.org) and ents[x.org].root != ents[y.org].root:
                    out.append(Finding("warning", "overlapping-roles",
                                       f"{e.id}: {x.org} ({x.start}–{x.end or 'open'}) overlaps "
                                       f"{y.org} ({y.start}–{y.end or 'open'}) with another root"))
    qids: dict[str, list[str]] = defaultdict(list)
    for e in ents.values():
        if e.qid:
            qids[e.qid].append(e.id)
    for q, ids in qids.items():
        if len(ids) > 1:
            out.append(Finding("warning", "duplicate-qid", f"{q} → {', '.join(ids)}"))
    # aliases: same key under different roots
    by_key: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a in kb.aliases:
        keys = key_variants(a.text)
        if not keys:
            out.append(Finding("error", "empty-alias", f"{a.entity_id}: alias {a.text!r} has no letters"))
            continue
        if any(ch.isdigit() for ch in a.text):
            out.append(Finding("error", "digit-alias", f"{a.entity_id}: alias {a.text!r} has digits, which "
                                                       "the skeleton (and degraded text) drops"))
        if a.rule == "adj":
            continue  # nationality adjectives are a separate mechanism
        e = ents[a.entity_id]
        by_key[keys[0][0]].add((kb.resolve(e)[0], a.entity_id))
    for key, owners in sorted(by_key.items()):
        roots = {r for r, _ in owners}
        if len(roots) > 1:
            ids = ", ".join(sorted(i for _, i in owners))
            out.append(Finding("warning", "duplicate-alias", f"{key!r} → {ids}"))
    return out
