"""Measure dates and places against the gold seeds (../shared/gold/seeds.jsonl).

    .venv/bin/python -m hadath.geo.seedeval [-v]

Places: for each gold event with a location, is a place of the gold's country whose name denotes the
gold place (same skeleton name, or within 25 km of where the gazetteer puts the gold name) among
doc.places inside the event's evidence sentence; and for every gold event, does ``resolve_event_place``
(evidence span as the trigger) give the gold location, or None where the gold has none.  Dates: for each gold event with a date, does
find_dates yield that value (at the gold's precision) in the evidence sentence, and does
``resolve_event_date`` (else ``document_date``, the coder's inheritance) give it.
"""
from __future__ import annotations

import argparse
import json

from hadath.doc import Doc, Span
from hadath.events.dates import document_date, find_dates, resolve_event_date
from hadath.geo.eventplace import resolve_event_place
from hadath.geo.gazetteer import _km, get_gazetteer
from hadath.geo.tagger import PlaceTagger
from hadath.pipeline import parse_date
from hadath.shared import reference_degrade, require_shared, seed_gold, seed_metas
from hadath.text import skeleton_key


def _sentence(doc: Doc, start: int, end: int) -> Span:
    for s in doc.sentences:
        if s.start <= start < s.end:
            return Span(s.start, max(s.end, end))
    return Span(start, end)


WITH_ACTORS = False  # --actors: run the actor tagger first, as the pipeline does (it masks PER/ORG spans)


def _load_doc(shared, doc_id: str, meta: dict) -> Doc:
    doc = Doc((shared / meta["file"]).read_text(encoding="utf-8"), id=doc_id, date=parse_date(meta["published"]))
    if WITH_ACTORS:
        from hadath.pipeline import Pipeline
        return Pipeline(("text", "actors", "places"))(doc)
    try:
        from hadath.text.pipe import annotate_text
        annotate_text(doc)
    except Exception:  # the text layer is optional here: dates/places work on the raw text
        pass
    PlaceTagger()(doc)
    return doc


def run(verbose: bool = False) -> dict[str, float]:
    shared = require_shared()
    metas = {m["doc_id"]: m for m in seed_metas(shared)}
    gaz = get_gazetteer()
    docs: dict[str, Doc] = {}
    n_loc = ok_loc = n_date = found_date = resolved_date = n_ev = ok_ev = 0
    for g in seed_gold(shared):
        doc = docs.get(g["doc_id"]) or docs.setdefault(g["doc_id"], _load_doc(shared, g["doc_id"], metas[g["doc_id"]]))
        at = doc.text.find(g["evidence_text"])
        if at < 0:
            continue
        ev = Span(at, at + len(g["evidence_text"]))
        sent = _sentence(doc, ev.start, ev.end)
        n_ev += 1
        got_place = resolve_event_place(doc, sent, ev)
        ok_ev += _same_place(got_place, g["location"], gaz)
        if verbose:
            print("EVENT PLACE", "ok " if _same_place(got_place, g["location"], gaz) else "MISS", g["location"],
                  "| got", got_place.name if got_place else None)
        if g["location"]:
            n_loc += 1
            want = gaz.lookup(g["location"]["name"])
            hits = [p for p in doc.places if sent.start <= p.start < sent.end
                    and p.country == g["location"]["country"]
                    and (skeleton_key(p.name) == skeleton_key(g["location"]["name"])
                         or (want and p.lat is not None and _km(_entry(want), p.lat, p.lon) <= 25))]
            ok_loc += bool(hits)
            if verbose:
                print("LOC", "ok " if hits else "MISS", g["location"]["name"], "|",
                      [(p.text, p.name) for p in doc.places if sent.start <= p.start < sent.end])
        if g["date"]:
            n_date += 1
            gd = g["date"]
            tes = [t for t in find_dates(doc) if sent.start <= t.start < sent.end and t.value]
            found = any(t.value[:len(gd)] == gd and len(t.value) >= len(gd) for t in tes)
            got = resolve_event_date(doc, sent, ev) or document_date(doc)
            found_date += found
            resolved_date += bool(got) and got[:len(gd)] == gd
            if verbose:
                print("DATE", "ok " if found else "MISS", gd, "resolved:", got, "|", [(t.text, t.value) for t in tes])
    res = {"events": n_ev, "event_place_correct": ok_ev / n_ev if n_ev else 0.0, "location_events": n_loc, "location_in_sentence": ok_loc / n_loc if n_loc else 0.0,
           "date_events": n_date, "date_found_in_sentence": found_date / n_date if n_date else 0.0,
           "date_resolved_or_inherited": resolved_date / n_date if n_date else 0.0}
    return res


def _same_place(p, gold: dict | None, gaz) -> bool:
    """The scorer's rule on the seed gold (name + country only): both None, or same country and the
    gold name's gazetteer position within 25 km (or the same name)."""
    if gold is None or p is None:
        return gold is None and p is None
    if p.country != gold["country"]:
        return False
    want = gaz.lookup(gold["name"])
    return skeleton_key(p.name) == skeleton_key(gold["name"]) or bool(
        want and p.lat is not None and _km(_entry(want), p.lat, p.lon) <= 25)


def _entry(p):
    from hadath.geo.gazetteer import Entry
    return Entry(p.name, p.kind, p.country, p.lat, p.lon, p.geonameid)


def news_sample(n_docs: int = 400, n_show: int = 40, seed: int = 0) -> None:
    """Run both components over every 40th SaudiNewsNet article and print a random sample of distinct
    hits with context, for a manual precision check (the figures in docs/dates-places.md)."""
    import gzip
    import random
    import time
    path = require_shared() / "data/news/saudinewsnet-2015.jsonl.gz"
    tagger, places, dates, chars, t0 = PlaceTagger(), {}, {}, 0, time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 40 != seed % 40:
                continue
            a = json.loads(line)
            doc = Doc(a.get("content") or "", date=parse_date(a.get("date_extracted")))
            chars += len(doc.text)
            tagger(doc)
            ctx = lambda s, e: doc.text[max(0, s - 35):e + 25].replace("\n", " ")  # noqa: E731
            for p in doc.places:
                places.setdefault((p.text, p.name, p.country), ctx(p.start, p.end))
            for te in find_dates(doc):
                dates.setdefault((te.text, te.value, str(doc.date)), ctx(te.start, te.end))
            if len(places) and i // 40 >= n_docs:
                break
    print(f"{n_docs} docs, {chars} chars, {time.perf_counter() - t0:.1f} s; "
          f"{len(places)} distinct places, {len(dates)} distinct dates")
    rnd = random.Random(seed)
    for name, table in (("PLACE", places), ("DATE", dates)):
        for k in rnd.sample(sorted(table), min(n_show, len(table))):
            print(name, k, "|", table[k])


def degraded_agreement(n_docs: int = 300) -> dict[str, float]:
    """Tag every 50th SaudiNewsNet article raw and degraded (../shared/tools/degrade.py, the seed-000
    form) and count how many raw finds the degraded run repeats (places by name, word-dates by rule)."""
    import gzip
    from collections import Counter
    shared = require_shared()
    degrade = reference_degrade(shared)
    tagger, numeric = PlaceTagger(), {"numeric", "numeric_hijri", "year", "year_hijri"}
    tot = Counter()
    with gzip.open(shared / "data/news/saudinewsnet-2015.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 50 != 3:
                continue
            text = json.loads(line).get("content") or ""
            a, b = tagger(Doc(text)), tagger(Doc(degrade(text)))
            pa, pb = Counter(p.name for p in a.places), Counter(p.name for p in b.places)
            da = Counter(t.rule for t in find_dates(a) if t.rule not in numeric)  # digits vanish when degraded
            db = Counter(t.rule for t in find_dates(b))
            tot.update(raw_p=pa.total(), deg_p=pb.total(), both_p=(pa & pb).total(),
                       raw_d=da.total(), both_d=(da & db).total(), docs=1)
            if tot["docs"] >= n_docs:
                break
    return {"docs": tot["docs"], "place_recall_degraded_vs_raw": round(tot["both_p"] / tot["raw_p"], 3),
            "place_precision_degraded_vs_raw": round(tot["both_p"] / tot["deg_p"], 3),
            "word_date_recall_degraded_vs_raw": round(tot["both_d"] / tot["raw_d"], 3)}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--news", type=int, default=0, help="print a news sample of this many docs instead")
    ap.add_argument("--actors", action="store_true", help="run the actor tagger before places")
    ap.add_argument("--degraded", type=int, default=0, help="raw vs degraded agreement on this many news docs")
    args = ap.parse_args()
    WITH_ACTORS = args.actors
    if args.degraded:
        print(json.dumps(degraded_agreement(args.degraded), indent=1))
    elif args.news:
        news_sample(args.news)
    else:
        print(json.dumps(run(args.verbose), ensure_ascii=False, indent=1))
