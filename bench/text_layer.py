"""Text-layer figures: clitic segmentation vs UD, tokenization speed, sentence/clause boundary F1.

usage: .venv/bin/python bench/text_layer.py [--articles 2000] [--errors]
Needs ../shared (HADATH_SHARED).  PADT dev tuned the clitic rule and its exception list; PADT test
and PUD are held out.
"""
from __future__ import annotations

import argparse
import time

from hadath.shared import shared_dir
from hadath.text import segment_eval, skeleton, tokenize
from hadath.text.boundary_eval import boundary_f1, ud_sentences
from hadath.text.build_data import news_articles
from hadath.text.sentences import split_sentences


def punctuated_f1(sentences: list[str], chunk: int = 10) -> float:
    """Boundary F1 of the punctuated splitter on UD sentences joined with spaces."""
    tp = fp = fn = 0
    for k in range(0, len(sentences), chunk):
        part = sentences[k:k + chunk]
        text = " ".join(part)
        gold, pos = set(), 0
        for s in part:
            gold.add(pos)
            pos += len(s) + 1
        pred = {s.start for s in split_sentences(text, degraded=False)}
        tp += len(gold & pred) - 1
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--errors", action="store_true", help="print the most frequent segmentation errors")
    args = ap.parse_args()
    ud = shared_dir() / "data/ud"
    files = {"PUD": ud / "ar_pud-ud-test.conllu", "PADT test": ud / "padt_v1.3_ar-ud-test.conllu",
             "PADT dev (tuning)": ud / "padt_v1.3_ar-ud-dev.conllu"}

    texts = list(news_articles(args.articles))
    t0, c0 = time.perf_counter(), time.process_time()
    tokens = [tokenize(t) for t in texts]
    wall, dt = time.perf_counter() - t0, time.process_time() - c0  # CPU time: the box is shared
    n_tok = sum(len(ts) for ts in tokens)
    n_words = sum(1 for ts in tokens for t in ts if not t.is_punct)
    print(f"== tokenization, one core, {args.articles} SaudiNewsNet articles, cold cache ==")
    print(f"{n_words} words ({n_tok} tokens) in {dt:.2f}s CPU ({wall:.2f}s wall): "
          f"{n_words / dt:,.0f} words/s per CPU second")
    c0 = time.process_time()
    for t in texts:
        skeleton(t)
    print(f"skeleton() of whole articles: {sum(map(len, texts)) / (time.process_time() - c0):,.0f} chars/s")

    print("\n== clitic segmentation (words whose UD split points are all right) ==")
    for name, path in files.items():
        words = list(segment_eval.pud_words(path) if "pud" in path.name else segment_eval.padt_words(path))
        raw = segment_eval.evaluate(iter(words))
        # degraded mode sees only the skeleton (what seed-000 text shows) and must guess lost hamzas
        deg = segment_eval.evaluate(iter(words), degraded=True)
        print(f"{name:18s} words={raw['words']:6d} with clitics={raw['with_clitics']:5d} "
              f"raw={raw['accuracy']:.4f}  degraded={deg['accuracy']:.4f}")
        if args.errors:
            for (w, g, p), n in raw["errors"].most_common(15):
                print(f"    {n:3d} {w} gold={g} pred={p}")

    print("\n== sentence boundaries (UD sentences, 10 per text) ==")
    for name in ("PUD", "PADT test"):
        sents = list(ud_sentences(files[name]))
        d = boundary_f1(sents)
        print(f"{name:10s} degraded clause windows: F1={d['f1']:.3f} (P={d['precision']:.3f} "
              f"R={d['recall']:.3f}, {d['boundaries']} boundaries)   punctuated: F1={punctuated_f1(sents):.3f}")


if __name__ == "__main__":
    main()
