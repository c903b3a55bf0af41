"""In-document coreference for the words news uses instead of repeating a movement's name.

"الحركة" → the movement last named; "الحركتان/الحركتين" (and "الطرفان", "الجانبان", "المنظمتين",
"الفصيلين") → the two actors last named together; "الوفد" → whose delegation was last mentioned.
Each referent gets its own Mention with the same offsets and origin "coref".  Word lists: data/coref.tsv.
"""
from __future__ import annotations

from hadath.doc import Doc, Mention

from hadath.actors.kb import KB, read_tsv
from hadath.actors.rules import strip_clitic
from hadath.text import skeleton_key

MOVEMENT_TYPES = frozenset({"PARTY", "ARMED_GROUP"})
MAX_DISTANCE = 150  # tokens: an antecedent further back than this is not taken


def load_coref_words() -> dict[str, str]:
    """skeleton word (clitics stripped) → kind: movement / pair_movement / pair_any / delegation."""
    return {strip_clitic(skeleton_key(r["word"])): r["kind"] for r in read_tsv("coref.tsv")}


def _top_entity(kb: KB, m: Mention) -> tuple[str | None, str | None]:
    """A referent is the root organization when the KB has it (سرايا القدس … الحركة → PIJ)."""
    root_entity = kb.get(m.root) if m.root else None
    if root_entity is not None and root_entity.type in MOVEMENT_TYPES | {"STATE", "GOVERNMENT", "IGO"}:
        return root_entity.id, root_entity.root
    return m.entity_id, m.root


def resolve_coref(doc: Doc, mentions: list[Mention], kb: KB, words: dict[str, str]) -> list[Mention]:
    """Coreference mentions for ``doc`` given the KB mentions (sorted by start)."""
    out: list[Mention] = []
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    by_start = sorted(mentions, key=lambda m: m.start)
    mi = 0
    history: list[Mention] = []   # resolved mentions seen so far, in order
    last_pair: list[Mention] | None = None
    last_pair_at = 0   # token where the pair was last named or referred to
    delegation: Mention | None = None
    pending_delegation_tok: int | None = None
    keys = set(words) | {"وفد"}
    targets = [ti for ti, tok in enumerate(doc.tokens)
               if tok.skel and (strip_clitic(tok.skel) in keys or tok.skel.endswith("وفد"))]
    for ti in targets:  # only tokens that can refer back or open a delegation are visited
        tok = doc.tokens[ti]
        while mi < len(by_start) and by_start[mi].start < tok.end:
            m = by_start[mi]
            mi += 1
            if m.entity_id is None:
                continue
            # "X و Y" of two movements (or حركتا X و Y) sets the pair that duals refer to
            if history and m.root != history[-1].root and _type(kb, m) in MOVEMENT_TYPES \
                    and _type(kb, history[-1]) in MOVEMENT_TYPES and m.tok_start - history[-1].tok_end <= 2:
                last_pair, last_pair_at = [history[-1], m], m.tok_end
            history.append(m)
            if pending_delegation_tok is not None and m.tok_start - pending_delegation_tok <= 5:
                delegation, pending_delegation_tok = m, None
        core = strip_clitic(tok.skel)
        if tok.skel.endswith("وفد") and not tok.skel.endswith(("الوفد", "للوفد")):  # (و/ب)وفد: a delegation
            pending_delegation_tok = ti
        kind = words.get(core)
        if kind is None or ti in covered or not _definite(tok.skel):
            continue  # only definite forms refer back ("حركة فتح" names, "الحركة" refers)
        referents: list[Mention] = []
        recent = [m for m in history if ti - m.tok_end <= MAX_DISTANCE]
        if last_pair and ti - last_pair_at > MAX_DISTANCE:
            last_pair = None
        if kind == "movement":
            referents = [m for m in reversed(recent) if _type(kb, m) in MOVEMENT_TYPES][:1]
        elif kind == "pair_movement":
            referents = last_pair or _last_distinct(recent, kb, movements_only=True)
        elif kind == "pair_any":
            referents = last_pair or _last_distinct(recent, kb, movements_only=False)
        elif kind == "delegation" and delegation is not None:
            referents = [delegation]
        new: list[Mention] = []
        for ref in referents:
            eid, root = _top_entity(kb, ref)
            e = kb.get(eid) if eid else None
            new.append(Mention(tok.start, tok.end, tok.text, eid, root, type=e.coarse_type if e else ref.type,
                               sector=e.sector if e else ref.sector, origin="coref", tok_start=ti,
                               tok_end=ti + 1, name=e.name_en if e else ref.name))
        out += new
        history += new  # a chain of references stays alive (… الحركتان … الحركتين …)
        if len(new) == 2 and kind != "delegation":
            last_pair, last_pair_at = new, ti
    return out


def _definite(skel: str) -> bool:
    s = skel[1:] if skel[:1] in ("و", "ف") else skel
    s = s[1:] if s[:1] in ("ب", "ك") and s[1:3] == "ال" else s
    return s.startswith("ال") or s.startswith("لل")


def _type(kb: KB, m: Mention) -> str | None:
    e = kb.get(m.root) if m.root else None
    if e is None and m.entity_id:
        e = kb.get(m.entity_id)
    return e.type if e else None


def _last_distinct(history: list[Mention], kb: KB, movements_only: bool) -> list[Mention]:
    seen: list[Mention] = []
    for m in reversed(history):
        if movements_only and _type(kb, m) not in MOVEMENT_TYPES:
            continue
        if m.origin == "adj":
            continue
        if all(s.root != m.root for s in seen):
            seen.append(m)
        if len(seen) == 2:
            return list(reversed(seen))
    return []
