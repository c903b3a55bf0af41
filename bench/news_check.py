"""Precision on general news, by hand: events coded from unseen SaudiNewsNet articles, checked once by a
person and kept as verdicts (article index, trigger offset, type → verdicts), never as article text.

    .venv/bin/python bench/news_check.py                  # score the current output against the verdicts
    .venv/bin/python bench/news_check.py --list           # print every event, to judge new ones
    .venv/bin/python bench/news_check.py --degraded       # also: the same articles degraded (degrade.py)

Verdicts (bench/news_verdicts.tsv): ``event`` 1 when the sentence reports a real event of that type
(background acts count, codebook §3; hypotheticals, opinions and aggregate tolls do not), ``dyad`` 1 when
no actor or recipient root is wrong (a missing side is allowed; unresolved names, "?", are not wrong),
with the actor and recipient roots the verdict was given for.  Events coded now but absent from the
file are unjudged; events whose roots changed since their verdict need a new one (both are listed and
left out of the figures); judged events no longer coded are listed, so a change shows what it gained
and lost.  Reads ../shared (exits with a message without it).
"""
from __future__ import annotations

import argparse
import csv
import sys
from itertools import islice
from pathlib import Path

from hadath.io import Article, read_inputs
from hadath.pipeline import Pipeline
from hadath.scale import make_doc
from hadath.shared import shared_dir

VERDICTS = Path(__file__).with_name("news_verdicts.tsv")


def _articles(first: int, last: int) -> list[Article]:
    shared = shared_dir()
    if shared is None:
        sys.exit("news_check: ../shared not found")
    path = str(shared / "data/news/saudinewsnet-2015.jsonl.gz")
    return list(islice((a for a in read_inputs([path]) if isinstance(a, Article)), last))[first:last]


def coded(first: int, last: int):
    pipe = Pipeline()
    for i, art in enumerate(_articles(first, last), start=first):
        doc = pipe(make_doc(art))
        for e in doc.events:
            yield i, doc, e


def degraded_parity(first: int, last: int) -> tuple[int, int, int]:
    """(raw events, degraded events, events with the same type and roots in both) over the articles,
    the degraded text made by ../shared/tools/degrade.py."""
    from collections import Counter

    from hadath.doc import Doc
    from hadath.shared import reference_degrade
    arts = _articles(first, last)
    degrade = reference_degrade(shared_dir())
    pipe = Pipeline()
    raw = deg = same = 0
    for art in arts:
        doc = make_doc(art)
        a = Counter((e.event_type, _roots(e.actors), _roots(e.recipients)) for e in pipe(doc).events)
        d = Doc(text=degrade(art.text), id=doc.id, date=doc.date)
        b = Counter((e.event_type, _roots(e.actors), _roots(e.recipients)) for e in pipe(d).events)
        raw, deg, same = raw + sum(a.values()), deg + sum(b.values()), same + sum((a & b).values())
    return raw, deg, same


def _roots(ms) -> str:
    return ",".join(sorted({m.root or "?" for m in ms})) or "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--first", type=int, default=5000)
    ap.add_argument("--last", type=int, default=5040)
    ap.add_argument("--list", action="store_true", help="print the events with their keys")
    ap.add_argument("--degraded", action="store_true", help="also code the articles degraded and compare")
    args = ap.parse_args()
    verdicts = {}
    with open(VERDICTS, encoding="utf-8") as f:
        for row in csv.reader((line for line in f if not line.startswith("#")), delimiter="\t"):
            if row:
                verdicts[(int(row[0]), int(row[1]), row[2])] = (int(row[3]), int(row[4]), row[5], row[6])
    seen, unjudged, changed = set(), 0, []
    ev_ok = dyad_ok = 0
    for i, doc, e in coded(args.first, args.last):
        k = (i, e.trigger.start, e.event_type)
        roots = (_roots(e.actors), _roots(e.recipients))
        if args.list:
            sent = doc.text[e.sentence.start:e.sentence.end].replace("\n", " ")[:200]
            print(f"{i}\t{e.trigger.start}\t{e.event_type}\t{roots[0]}\t{roots[1]}\t{verdicts.get(k)}\t{sent}")
        if k in verdicts and verdicts[k][2:] != roots:
            seen.add(k)
            changed.append(f"{i}@{e.trigger.start} {e.event_type} {verdicts[k][2]}→{verdicts[k][3]} now {roots[0]}→{roots[1]}")
        elif k in verdicts:
            seen.add(k)
            ev_ok += verdicts[k][0]
            dyad_ok += verdicts[k][1]
        else:
            unjudged += 1
    n = len(seen) - len(changed)
    gone = sorted(k for k in set(verdicts) - seen if args.first <= k[0] < args.last)
    print(f"articles {args.first}-{args.last - 1}: {n} judged events coded as judged, {len(changed)} with other "
          f"parties now (need a new verdict), {unjudged} unjudged")
    if n:
        print(f"  real event of the coded type: {ev_ok}/{n} = {ev_ok / n:.2f}")
        print(f"  … and no wrong actor/recipient: {dyad_ok}/{n} = {dyad_ok / n:.2f}")
    for c in changed:
        print("  changed:", c)
    if args.degraded:
        raw, deg, same = degraded_parity(args.first, args.last)
        print(f"  degraded text: {raw} raw events, {deg} degraded, {same} with the same type and roots in both "
              f"({same / max(raw, 1):.2f} of raw)")
    if gone:
        print(f"  judged but no longer coded ({len(gone)}): "
              + ", ".join(f"{a}@{s} {t} (event {verdicts[(a, s, t)][0]})" for a, s, t in gone))


if __name__ == "__main__":
    main()
