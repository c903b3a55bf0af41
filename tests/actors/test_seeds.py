"""Every actor of the gold seed events is found, in the raw seeds and in their degraded form."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from hadath.actors import ActorTagger
from hadath.doc import Doc
from hadath.shared import reference_degrade
from hadath.text.pipe import annotate_text


@pytest.mark.parametrize("variant", ["raw", "degraded"])
def test_seed_gold_actors_found(shared, variant):
    degrade = reference_degrade(shared)
    tagger = ActorTagger(use_ner=False)
    gold: dict[str, set[str]] = {}
    for line in (shared / "gold" / "seeds.jsonl").read_text().splitlines():
        g = json.loads(line)
        gold.setdefault(g["doc_id"], set()).update(g["actors"] + g["recipients"])
    for line in (shared / "seeds" / "meta.jsonl").read_text().splitlines():
        meta = json.loads(line)
        text = (shared / meta["file"]).read_text(encoding="utf-8")
        if variant == "degraded":
            text = degrade(text)
        date = dt.date.fromisoformat(meta["published"]) if meta["published"] else None
        doc = tagger(annotate_text(Doc(text=text, date=date)))
        found = {m.root for m in doc.mentions}
        assert gold[meta["doc_id"]] <= found, (meta["doc_id"], gold[meta["doc_id"]] - found)
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
