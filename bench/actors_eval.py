"""Actor resolution on the Arabic event GSR (development half) and the seeds.

GSR: each source/target actor span carries a CAMEO actor code (ISRMIL → main "ISR", role "MIL").  A
span counts as resolved when a mention overlapping it has a *family* equal to the gold main code:
the family of a root is its home state (HAMAS → PSE, HEZBOLLAH → LBN, ISR → ISR), or IGO / IMG.
Spans whose main code is None/UNKNOWN (no country coded) are not scored.

Also: seeds (every gold actor root found, raw and degraded), KB load time (cold = build + write the
cache, warm = read it), and matcher speed on SaudiNewsNet articles (text layer excluded).

usage: .venv/bin/python bench/actors_eval.py [--show-misses N] [--speed-docs N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter

from hadath.actors import ActorTagger, load_kb
from hadath.doc import Doc
from hadath.shared import reference_degrade, require_shared, seed_gold_actors, seed_metas
from hadath.text.pipe import annotate_text


def family(kb, root: str | None) -> set[str]:
    """CAMEO-style country codes of a root (Taliban is coded both AFG and IMG: "AFG|IMG" in the KB)."""
    e = kb.get(root) if root else None
    if e is None:
        return set()
    if e.type == "IGO":
        return {"IGO"}
    return set((e.country or e.root).split("|"))


def gold_spans(shared):
    """(record id, text, side, span start, span end, main, role) deduplicated over annotators."""
    out = {}
    for name in ("assault_spans.json", "protest_spans.json"):
        for rec in json.loads((shared / "data/events/arabic-event-gsr" / name).read_text()):
            text = rec["text"]
            for sp in rec["spans"]:
                for side in ("source", "target"):
                    role = sp.get(side + "_role")
                    words = sp.get(side + "_actor") or []
                    if not isinstance(role, dict) or not words:
                        continue
                    main = role.get("main")
                    if main in (None, "None", "", "UNKNOWN"):
                        continue
                    phrase = " ".join(words)
                    i = text.find(phrase)
                    if i < 0:  # annotators' word lists skip tokens: fall back to the words' hull
                        found = [(m.start(), m.end()) for w in words for m in [re.search(re.escape(w), text)] if m]
                        if not found:
                            continue
                        s, e = min(a for a, _ in found), max(b for _, b in found)
                    else:
                        s, e = i, i + len(phrase)
                    out[(rec["source"], side, s, e, main)] = (rec["source"], text, side, s, e, main,
                                                              role.get("role"), phrase)
    return list(out.values())


def doc_date(rec_id: str):
    m = re.search(r"_(\d{8})\.", rec_id)
    return dt.datetime.strptime(m.group(1), "%Y%m%d").date() if m else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-misses", type=int, default=0)
    ap.add_argument("--speed-docs", type=int, default=1000)
    args = ap.parse_args()
    shared = require_shared()
    load_times()
    seeds(shared)
    kb = load_kb()
    tagger = ActorTagger(use_ner=False)
    spans = gold_spans(shared)
    cache: dict[str, Doc] = {}
    hit = covered = 0
    by_main: Counter = Counter()
    ok_main: Counter = Counter()
    misses = []
    t0 = time.time()
    for rid, text, side, s, e, main, role, phrase in spans:
        if text not in cache:  # one source id can carry several sentences
            cache[text] = tagger(annotate_text(Doc(text=text, date=doc_date(rid))))
        doc = cache[text]
        over = [m for m in doc.mentions if m.start < e and s < m.end and m.root]
        fams = set().union(*(family(kb, m.root) for m in over)) if over else set()
        by_main[main] += 1
        covered += bool(over)
        if main in fams:
            hit += 1
            ok_main[main] += 1
        else:
            misses.append((main, role, phrase, sorted(f or "-" for f in fams)))
    n = len(spans)
    print(f"GSR actor spans with a country/IGO code: {n} (from {len(cache)} sentences)")
    print(f"resolved to the gold family: {hit}/{n} = {hit / n:.1%}; any resolved mention overlapping: "
          f"{covered}/{n} = {covered / n:.1%}  ({time.time() - t0:.1f}s)")
    for code, k in by_main.most_common(15):
        print(f"  {code:5s} {ok_main[code]:3d}/{k:3d}")
    for row in misses[:args.show_misses]:
        print("  miss", *row)
    if args.speed_docs:
        speed(shared, tagger, args.speed_docs)


def load_times() -> None:
    """Cold (no cache file) and warm KB+automaton load, each in a fresh process."""
    import os
    import subprocess
    import tempfile
    code = ("import time; t=time.time(); from hadath.actors import ActorTagger; ActorTagger(use_ner=False); "
            "print(round(time.time()-t, 2))")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HADATH_CACHE=tmp)
        runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout.strip()
                for _ in range(2)]
    print(f"KB + automaton load (import included): cold {runs[0]} s, warm {runs[1]} s")


def seeds(shared) -> None:
    degrade = reference_degrade(shared)
    tagger = ActorTagger(use_ner=False)
    gold = seed_gold_actors(shared)
    for meta in seed_metas(shared):
        raw = (shared / meta["file"]).read_text(encoding="utf-8")
        for variant, text in (("raw", raw), ("degraded", degrade(raw))):
            doc = tagger(annotate_text(Doc(text=text)))
            missing = gold[meta["doc_id"]] - {m.root for m in doc.mentions}
            print(f"seed {meta['doc_id']} {variant:8s}: {len(doc.mentions)} mentions, gold actors "
                  f"{sorted(gold[meta['doc_id']])} missing {sorted(missing) or 'none'}")


def speed(shared, tagger, n: int) -> None:
    import gzip
    docs = []
    with gzip.open(shared / "data/news/saudinewsnet-2015.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(docs) >= n:
                break
            docs.append(annotate_text(Doc(text=json.loads(line)["content"])))
    words = sum(len(d.text.split()) for d in docs)
    t = time.time()
    for d in docs:
        tagger(d)
    el = time.time() - t
    print(f"speed: {len(docs)} SaudiNewsNet articles, {words} words in {el:.2f} s = {words / el:,.0f} words/s "
          f"({sum(len(d.mentions) for d in docs)} mentions)")


if __name__ == "__main__":
    sys.exit(main())
