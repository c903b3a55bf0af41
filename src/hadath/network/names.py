"""Display names of actor roots: the actor knowledge base when it is installed, else what the
store itself knows (the English `name` in event records, the Arabic surface forms in event_actors)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import duckdb


@lru_cache(maxsize=1)
def _kb() -> Any:
    try:
        from hadath.actors import load_kb  # lands with the actors issue; absent before
        return load_kb()
    except Exception:  # noqa: BLE001 - any failure of an optional KB must not break the network views
        return None


def _field(obj: Any, *names: str) -> Any:
    for n in names:
        v = obj.get(n) if isinstance(obj, dict) else getattr(obj, n, None)
        if v:
            return v
    return None


def kb_entry(actor_id: str) -> dict[str, Any] | None:
    """{id, name, aliases, type, root, …} from the KB, or None (no KB, or the id is unknown)."""
    kb = _kb()
    if kb is None:
        return None
    try:
        ent = kb.get(actor_id) if hasattr(kb, "get") else None
        if ent is None and hasattr(kb, "entities"):
            ents = kb.entities
            ent = ents.get(actor_id) if hasattr(ents, "get") else None
    except Exception:  # noqa: BLE001
        return None
    if ent is None:
        return None
    aliases = _field(ent, "aliases", "names_ar", "alias") or []
    if isinstance(aliases, dict):  # e.g. {"ar": [...], "en": [...]}
        aliases = [a for v in aliases.values() for a in (v if isinstance(v, list) else [v])]
    aliases = [str(a) for a in aliases]
    return {"id": actor_id, "name": _field(ent, "name", "name_en", "label"),
            "name_ar": _field(ent, "name_ar", "arabic") or (aliases[0] if aliases else None),
            "type": _field(ent, "type"), "sector": _field(ent, "sector"), "root": _field(ent, "root"),
            "country": _field(ent, "country"), "qid": _field(ent, "qid"), "aliases": aliases,
            "members": kb_members(actor_id)}


def kb_members(root: str) -> list[dict[str, Any]]:
    """The KB entities that resolve to ``root`` (armed wings, organs, officials), by id."""
    kb = _kb()
    ents = getattr(kb, "entities", None)
    if not isinstance(ents, dict):
        return []
    return [{"id": e.id, "name": getattr(e, "name_en", None), "sector": getattr(e, "sector", None)}
            for e in sorted(ents.values(), key=lambda e: e.id)
            if getattr(e, "root", None) == root and getattr(e, "id", root) != root][:200]


def store_names(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """root → {name (English, from records), name_ar (most frequent surface form), forms [...]}."""
    out: dict[str, dict[str, Any]] = {}
    rows = con.execute("""SELECT root, text, count(*) AS n FROM event_actors
                          WHERE root IS NOT NULL AND text IS NOT NULL GROUP BY root, text
                          ORDER BY root, n DESC, text""").fetchall()
    for root, text, _n in rows:
        entry = out.setdefault(root, {"name": None, "name_ar": text, "forms": []})
        if len(entry["forms"]) < 12:
            entry["forms"].append(text)
    named = con.execute("""SELECT a->>'root' AS root, first(a->>'name' ORDER BY a->>'name') FROM (
            SELECT unnest(json_extract(record, '$.actors[*]') || json_extract(record, '$.recipients[*]')) AS a
            FROM events) WHERE a->>'id' = a->>'root' AND a->>'name' IS NOT NULL GROUP BY 1""").fetchall()
    for root, name in named:
        if root in out:
            out[root]["name"] = name
    return out


def display_names(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """root → {name, name_ar, forms}; the KB's English name wins over the stored one."""
    names = store_names(con)
    for root, entry in names.items():
        kb = kb_entry(root)
        if kb and kb.get("name"):
            entry["name"] = kb["name"]
        entry["name"] = entry["name"] or root
    return names
