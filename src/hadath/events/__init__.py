"""PLOVER event coder.

Contract: ``EventCoder()(doc)`` fills ``doc.events`` with Event objects (codebook §1 via to_record).
The trigger lexicon and cue words are reviewable data files in ``events/data/`` (triggers.tsv, cues.tsv).
"""
from __future__ import annotations

from hadath.events.coder import EventCoder

__all__ = ["EventCoder"]
