"""Actor knowledge base, matcher and resolution (codebook §2).

``ActorTagger()(doc)`` fills ``doc.mentions`` with Mention objects sorted by start, each resolved
(entity_id/root set) or typed-unresolved (entity_id None) — never dropped.  ``load_kb()`` returns the
cached knowledge base (``kb.get(id)`` → Entity with id, root, type, sector, parent, name_en, aliases,
qid, affiliations).  The data are TSV files in ``actors/data/`` (see docs/actors.md).
"""
from __future__ import annotations

from hadath.actors.kb import KB, Affiliation, Entity, load_kb
from hadath.actors.tagger import ActorTagger

__all__ = ["ActorTagger", "load_kb", "KB", "Entity", "Affiliation"]
