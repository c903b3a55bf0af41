"""PLOVER event coder (stub: the events issue fills this in).

Contract: ``EventCoder()(doc)`` fills ``doc.events`` with Event objects (codebook §1 via to_record).
"""
from __future__ import annotations

from hadath.doc import Doc


class EventCoder:
    def __call__(self, doc: Doc) -> Doc:
        return doc
