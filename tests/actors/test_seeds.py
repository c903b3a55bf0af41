"""Every actor of the gold seed events is found, in the raw seeds and in their degraded form."""
from __future__ import annotations

import datetime as dt

import pytest

from hadath.actors import ActorTagger
from hadath.doc import Doc
from hadath.shared import reference_degrade, seed_gold_actors, seed_metas
from hadath.text.pipe import annotate_text


@pytest.mark.parametrize("variant", ["raw", "degraded"])
def test_seed_gold_actors_found(shared, variant):
    degrade = reference_degrade(shared)
    tagger = ActorTagger(use_ner=False)
    gold = seed_gold_actors(shared)
    for meta in seed_metas(shared):
        text = (shared / meta["file"]).read_text(encoding="utf-8")
        if variant == "degraded":
            text = degrade(text)
        date = dt.date.fromisoformat(meta["published"]) if meta["published"] else None
        doc = tagger(annotate_text(Doc(text=text, date=date)))
        found = {m.root for m in doc.mentions}
        assert gold[meta["doc_id"]] <= found, (meta["doc_id"], gold[meta["doc_id"]] - found)
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
