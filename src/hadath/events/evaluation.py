"""`hadath eval`: measure the event coder honestly on the project's development data.

* seeds: the three reference articles against ../shared/gold/seeds.jsonl with the reference scorer
  ../shared/tools/score_events.py (run as a subprocess, never copied): exact and type+dyad F1;
* seeds-degraded: the same after ../shared/tools/degrade.py (no hamza/ة/ى/digits/punctuation);
* gsr: sentence-level ASSAULT and PROTEST detection on the Arabic event GSR development half
  (a sentence is "yes" when the coder emits an event of that type with status "occurred" from it;
  "ambiguous" rows are left
  out; "easy no"/"difficult no" are negatives), plus actor accuracy on its spans files.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hadath.pipeline import Pipeline
from hadath.shared import reference_degrade, seed_metas


def seed_records(shared: Path, pipeline: Pipeline, degraded: bool = False) -> list[dict[str, Any]]:
    degrade = reference_degrade(shared) if degraded else None
    records = []
    for meta in seed_metas(shared):
        text = (shared / meta["file"]).read_text(encoding="utf-8")
        if degrade is not None:
            text = degrade(text)
        doc = pipeline(text, doc_id=meta["doc_id"], date=meta.get("published"), source=meta.get("source"))
        records += doc.records()
    return records


def score(shared: Path, records: list[dict[str, Any]], out: Path | None = None) -> dict[str, Any]:
    """Run the reference scorer on ``records``; returns its --json result."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(out) if out else Path(tmp) / "system.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        res = subprocess.run([sys.executable, str(shared / "tools" / "score_events.py"),
                              str(shared / "gold" / "seeds.jsonl"), str(path), "--json"],
                             capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def gsr_rows(shared: Path, event_type: str) -> list[dict[str, str]]:
    path = shared / "data" / "events" / "arabic-event-gsr" / f"{event_type.lower()}_gsr.csv"
    with open(path, encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["label"] != "ambiguous"]


def gsr_detection(shared: Path, pipeline: Pipeline, event_type: str, limit: int | None = None
                  ) -> tuple[dict[str, Any], dict[str, list]]:
    """P/R/F1 of sentence-level detection; also returns the per-sentence events for actor scoring."""
    rows = gsr_rows(shared, event_type)
    if limit:
        rows = rows[:limit]
    tp = fp = fn = tn = 0
    fp_clear = 0  # false positives among "easy no" rows only (no annotator accepted them)
    events_by_id: dict[str, list] = {}
    errors: list[tuple[str, str, str]] = []
    for r in rows:
        doc = pipeline(r["text"], doc_id=r["id"])
        # a planned, denied or negated act is coded (with its status) but is not a report that it happened
        evs = [e for e in doc.events if e.event_type == event_type and e.status == "occurred"]
        events_by_id[r["id"]] = evs
        gold = r["label"] == "yes"
        pred = bool(evs)
        tp += gold and pred
        fp += (not gold) and pred
        fp_clear += r["label"] == "easy no" and pred
        fn += gold and not pred
        tn += (not gold) and not pred
        if gold != pred:
            errors.append(("FN" if gold else "FP", r["label"], r["text"]))
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    # diagnostic: "yes" (all annotators accepted) against "easy no" (none did), leaving out the
    # "difficult no" rows that some annotators accepted
    p_clear = tp / (tp + fp_clear) if tp + fp_clear else 0.0
    f1_clear = 2 * p_clear * rec / (p_clear + rec) if p_clear + rec else 0.0
    return ({"type": event_type, "sentences": len(rows), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
             "p": p, "r": rec, "f1": f1, "fp_clear": fp_clear, "p_clear": p_clear, "f1_clear": f1_clear},
            {"events": events_by_id, "errors": errors})


def _main(role: Any) -> str | None:
    """The country code of a GSR role, or None (unknown, "None", non-state codes like IMG/IGO)."""
    if not isinstance(role, dict):
        return None
    code = role.get("main")
    if not code or code == "None" or len(code) != 3:
        return None
    from hadath.actors.kb import is_state_code
    return code if is_state_code(code) else None


def span_row_id(item: dict[str, Any], rows_by_id: dict[str, str], id_by_text: dict[str, str]) -> str | None:
    """The GSR row a spans-file item annotates.  Its ``source`` is usually the row id, but some items
    carry a publication name ("Ad Dustour (Arabic)") or another row's id (22 protest items share one
    id, with 22 different sentences); the item's own text decides."""
    text = (item.get("text") or "").strip()
    rid = item.get("source")
    if rid in rows_by_id and rows_by_id[rid] == text:
        return rid
    return id_by_text.get(text)


def gsr_actor_accuracy(shared: Path, event_type: str, events_by_id: dict[str, list]) -> dict[str, Any]:
    """Share of gold source/target CAMEO actor codes (country-level ``main``) that the coder's
    events of that type in the same sentence carry as an actor/recipient root."""
    rows = gsr_rows(shared, event_type)
    rows_by_id = {r["id"]: r["text"].strip() for r in rows}
    id_by_text: dict[str, str] = {}
    for r in rows:
        id_by_text.setdefault(r["text"].strip(), r["id"])
    path = shared / "data" / "events" / "arabic-event-gsr" / f"{event_type.lower()}_spans.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    n_src = ok_src = n_tgt = ok_tgt = 0
    for item in data:
        evs = events_by_id.get(span_row_id(item, rows_by_id, id_by_text))
        if evs is None:
            continue  # sentence not in the scored rows (ambiguous or beyond --limit)
        gold_src, gold_tgt = set(), set()
        for sp in item.get("spans", []):
            s, t = _main(sp.get("source_role")), _main(sp.get("target_role"))
            if s:
                gold_src.add(s)
            if t:
                gold_tgt.add(t)
        sys_src = {m.root for e in evs for m in e.actors if m.root}
        sys_tgt = {m.root for e in evs for m in e.recipients if m.root}
        n_src += len(gold_src)
        ok_src += len(gold_src & sys_src)
        n_tgt += len(gold_tgt)
        ok_tgt += len(gold_tgt & sys_tgt)
    return {"type": event_type, "source_n": n_src, "source_acc": ok_src / n_src if n_src else 0.0,
            "target_n": n_tgt, "target_acc": ok_tgt / n_tgt if n_tgt else 0.0}


def run(shared: Path, only: str = "all", limit: int | None = None, out_dir: Path | None = None,
        errors_out: Path | None = None) -> dict[str, Any]:
    pipeline = Pipeline()
    result: dict[str, Any] = {}
    if only in ("all", "seeds"):
        raw = seed_records(shared, pipeline)
        result["seeds"] = score(shared, raw, out_dir / "seeds.jsonl" if out_dir else None)
        deg = seed_records(shared, pipeline, degraded=True)
        result["seeds_degraded"] = score(shared, deg, out_dir / "seeds_degraded.jsonl" if out_dir else None)
        f_raw = result["seeds"]["exact_f1"]
        result["degraded_ratio"] = result["seeds_degraded"]["exact_f1"] / f_raw if f_raw else 0.0
    if only in ("all", "gsr"):
        all_errors = []
        for etype in ("ASSAULT", "PROTEST"):
            det, extra = gsr_detection(shared, pipeline, etype, limit)
            result[f"gsr_{etype.lower()}"] = det
            result[f"gsr_{etype.lower()}_actors"] = gsr_actor_accuracy(shared, etype, extra["events"])
            all_errors += [(etype,) + e for e in extra["errors"]]
        if errors_out:
            with open(errors_out, "w", encoding="utf-8") as f:
                for e in all_errors:
                    f.write("\t".join(e) + "\n")
    return result


def format_report(res: dict[str, Any]) -> str:
    lines = []
    for k, title in (("seeds", "seeds (raw)"), ("seeds_degraded", "seeds (degraded)")):
        if k in res:
            r = res[k]
            lines.append(f"{title:<18} gold={r['gold']:<3} sys={r['system']:<3} exact P={r['exact_p']:.3f} "
                         f"R={r['exact_r']:.3f} F1={r['exact_f1']:.3f}   type+dyad F1={r['loose_f1']:.3f}   "
                         f"status {r['status_acc']:.2f} date {r['date_acc']:.2f} location {r['loc_acc']:.2f}")
    if "degraded_ratio" in res:
        lines.append(f"degraded / raw exact F1 = {res['degraded_ratio']:.2f}")
    for t in ("assault", "protest"):
        if f"gsr_{t}" in res:
            r = res[f"gsr_{t}"]
            a = res[f"gsr_{t}_actors"]
            lines.append(f"GSR {t.upper():<8} n={r['sentences']:<5} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}"
                         f"   (tp {r['tp']} fp {r['fp']} fn {r['fn']})   actor acc: source {a['source_acc']:.2f}"
                         f" (n={a['source_n']}) target {a['target_acc']:.2f} (n={a['target_n']})")
            lines.append(f"    {'':<8} yes vs easy-no only: P={r['p_clear']:.3f} F1={r['f1_clear']:.3f} "
                         f"(fp {r['fp_clear']}; {r['fp'] - r['fp_clear']} of the fp are 'difficult no' rows "
                         f"some annotators accepted)")
    return "\n".join(lines)
