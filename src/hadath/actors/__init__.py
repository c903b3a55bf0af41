"""Actor knowledge base, matcher and resolution (stub: the actors issue fills this in).

Contract: ``ActorTagger()(doc)`` fills ``doc.mentions`` with Mention objects sorted by start, each
resolved (entity_id/root set) or typed-unresolved (entity_id None) — never dropped.
"""
from __future__ import annotations

from hadath.doc import Doc


class ActorTagger:
    def __call__(self, doc: Doc) -> Doc:
        return doc
