"""A small, realistic event database for the network/API/dashboard tests and for trying the dashboard
before any news has been ingested (`hadath serve --sample`).

The story, January–June 2023: Fatah and Hamas trade accusations and arrests, then reconcile in Cairo
(April) with Egyptian hosting and Qatari support; Hamas and Islamic Jihad cooperate throughout; Israel
and the armed factions fight; the PA suspends security coordination with Israel; Iran backs Hamas,
Hezbollah and Islamic Jihad.  Texts are short Arabic news sentences written for this fixture; the
records are shaped exactly as ``Event.to_record`` renders them (offsets into the article text).
"""
from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

import duckdb

from hadath.doc import content_hash
from hadath.network.scores import goldstein, quad_class

NAMES = {"HAMAS": "Hamas", "PIJ": "Palestinian Islamic Jihad", "FATAH": "Fatah", "ISR": "Israel",
         "PA": "Palestinian Authority", "IRN": "Iran", "HEZBOLLAH": "Hezbollah", "EGY": "Egypt",
         "QAT": "Qatar", "PSE": "Palestinians"}
# surface form → (entity id, root, type, sector)
ENTITIES = {
    "حماس": ("HAMAS", "HAMAS", "ORG", None), "كتائب القسام": ("QASSAM", "HAMAS", "ORG", "MIL"),
    "الجهاد الإسلامي": ("PIJ", "PIJ", "ORG", None), "سرايا القدس": ("SARAYA_AL_QUDS", "PIJ", "ORG", "MIL"),
    "فتح": ("FATAH", "FATAH", "ORG", None), "إسرائيل": ("ISR", "ISR", "GPE", None),
    "الجيش الإسرائيلي": ("ISR_MIL", "ISR", "ORG", "MIL"), "السلطة الفلسطينية": ("PA", "PA", "ORG", "GOV"),
    "إيران": ("IRN", "IRN", "GPE", None), "حزب الله": ("HEZBOLLAH", "HEZBOLLAH", "ORG", None),
    "مصر": ("EGY", "EGY", "GPE", None), "قطر": ("QAT", "QAT", "GPE", None),
    "الفلسطينيين": ("PSE", "PSE", "POP", "CVL"),
}
PLACES = {  # name: (geonameid, lat, lon, ISO3)
    "غزة": (281133, 31.5017, 34.4668, "PSE"), "القاهرة": (360630, 30.0444, 31.2357, "EGY"),
    "جنين": (293842, 32.4604, 35.2955, "PSE"), "بيروت": (276781, 33.8938, 35.5018, "LBN"),
    "الدوحة": (290030, 25.2854, 51.5310, "QAT"), "رام الله": (282615, 31.9038, 35.2034, "PSE"),
    "طهران": (112931, 35.6892, 51.3890, "IRN"), "نابلس": (282457, 32.2211, 35.2544, "PSE"),
    "رفح": (281102, 31.2968, 34.2435, "PSE"),
}
SOURCES = ["الجزيرة مباشر", "وكالة وفا", "عرب 48", "القدس العربي", "فلسطين أون لاين"]

# (doc key, date, sentence, type, cameo, mode, trigger, actor forms, recipient forms, place, dead, status)
EVENTS = [
    ("d01", "2023-01-05", "اتهمت حركة فتح حركة حماس بتعطيل جهود المصالحة في غزة.", "ACCUSE", "112", None,
     "اتهمت", ["فتح"], ["حماس"], "غزة", None, "occurred"),
    ("d02", "2023-01-12", "اعتقلت أجهزة حماس الأمنية عددا من كوادر حركة فتح في غزة.", "COERCE", "173",
     "arrest", "اعتقلت", ["حماس"], ["فتح"], "غزة", None, "occurred"),
    ("d03", "2023-01-20", "اعتقلت السلطة الفلسطينية أنصارا لحركة حماس في نابلس.", "COERCE", "173", "arrest",
     "اعتقلت", ["السلطة الفلسطينية"], ["حماس"], "نابلس", None, "occurred"),
    ("d04", "2023-01-26", "قصف الجيش الإسرائيلي موقعا لسرايا القدس في غزة ما أدى إلى استشهاد ثلاثة مقاومين.",
     "ASSAULT", "195", "aerial", "قصف", ["الجيش الإسرائيلي"], ["سرايا القدس"], "غزة", 3, "occurred"),
    ("d04", "2023-01-26", "وهددت الجهاد الإسلامي إسرائيل برد قاس على الغارة.", "THREATEN", "138", None,
     "هددت", ["الجهاد الإسلامي"], ["إسرائيل"], None, None, "occurred"),
    ("d05", "2023-02-02", "التقى وفد من حماس بقيادة الجهاد الإسلامي في بيروت وبحثا تطورات المقاومة.",
     "CONSULT", "040", None, "التقى", ["حماس", "الجهاد الإسلامي"], ["حماس", "الجهاد الإسلامي"], "بيروت",
     None, "occurred"),
    ("d06", "2023-02-10", "أشادت إيران بصمود حركة حماس في مواجهة الاحتلال.", "SUPPORT", "051", None, "أشادت",
     ["إيران"], ["حماس"], None, None, "occurred"),
    ("d07", "2023-02-15", "قدمت إيران دعما عسكريا لحزب الله في بيروت.", "AID", "072", None, "قدمت",
     ["إيران"], ["حزب الله"], "بيروت", None, "occurred"),
    ("d08", "2023-02-20", "رفضت حركة فتح شروط حماس لتشكيل حكومة وحدة.", "REJECT", "120", None, "رفضت",
     ["فتح"], ["حماس"], None, None, "occurred"),
    ("d09", "2023-02-25", "اتهمت حماس السلطة الفلسطينية بالتنسيق الأمني مع الاحتلال.", "ACCUSE", "112", None,
     "اتهمت", ["حماس"], ["السلطة الفلسطينية"], None, None, "occurred"),
    ("d10", "2023-03-03", "واصلت السلطة الفلسطينية التنسيق الأمني مع إسرائيل في رام الله.", "COOPERATE", "064",
     None, "التنسيق", ["السلطة الفلسطينية"], ["إسرائيل"], "رام الله", None, "occurred"),
    ("d11", "2023-03-08", "اغتال الجيش الإسرائيلي قياديا في كتائب القسام في جنين.", "ASSAULT", "186",
     "targeted", "اغتال", ["الجيش الإسرائيلي"], ["كتائب القسام"], "جنين", 1, "occurred"),
    ("d12", "2023-03-15", "أطلقت كتائب القسام صواريخ على إسرائيل من غزة.", "ASSAULT", "190", None, "أطلقت",
     ["كتائب القسام"], ["إسرائيل"], "غزة", None, "occurred"),
    ("d13", "2023-03-20", "زار وفد من حماس القاهرة والتقى مسؤولين في مصر.", "CONSULT", "042", "visit", "زار",
     ["حماس"], ["مصر"], "القاهرة", None, "occurred"),
    ("d14", "2023-03-22", "وصل وفد من فتح إلى القاهرة لإجراء محادثات مع مصر.", "CONSULT", "042", "visit",
     "محادثات", ["فتح"], ["مصر"], "القاهرة", None, "occurred"),
    ("d15", "2023-04-02", "اجتمعت فتح وحماس في القاهرة برعاية مصر.", "CONSULT", "040", None, "اجتمعت",
     ["فتح", "حماس"], ["فتح", "حماس"], "القاهرة", None, "occurred"),
    ("d15", "2023-04-03", "واتفقت فتح وحماس على إنهاء الانقسام وتشكيل حكومة وحدة وطنية.", "AGREE", "030", None,
     "اتفقت", ["فتح", "حماس"], ["فتح", "حماس"], "القاهرة", None, "occurred"),
    ("d16", "2023-04-10", "رحبت قطر باتفاق المصالحة بين فتح وحماس.", "SUPPORT", "051", None, "رحبت",
     ["قطر"], ["فتح", "حماس"], "الدوحة", None, "occurred"),
    ("d17", "2023-04-15", "قدمت قطر منحة مالية لحكومة حماس في غزة.", "AID", "071", None, "قدمت", ["قطر"],
     ["حماس"], "غزة", None, "occurred"),
    ("d18", "2023-04-20", "بدأت فتح وحماس العمل المشترك لتنظيم الانتخابات في غزة.", "COOPERATE", "060", None,
     "العمل المشترك", ["فتح", "حماس"], ["فتح", "حماس"], "غزة", None, "occurred"),
    ("d19", "2023-05-01", "أعلنت السلطة الفلسطينية وقف التنسيق الأمني مع إسرائيل.", "SANCTION", "161", None,
     "وقف التنسيق", ["السلطة الفلسطينية"], ["إسرائيل"], "رام الله", None, "occurred"),
    ("d20", "2023-05-05", "أشادت فتح بموقف حماس الوطني.", "SUPPORT", "051", None, "أشادت", ["فتح"], ["حماس"],
     None, None, "occurred"),
    ("d21", "2023-05-09", "اغتالت إسرائيل ثلاثة من قادة الجهاد الإسلامي في غارة على غزة.", "ASSAULT", "186",
     "targeted", "اغتالت", ["إسرائيل"], ["الجهاد الإسلامي"], "غزة", 3, "occurred"),
    ("d21", "2023-05-10", "وردت سرايا القدس بإطلاق عشرات الصواريخ على إسرائيل.", "ASSAULT", "190", None,
     "إطلاق", ["سرايا القدس"], ["إسرائيل"], "غزة", None, "occurred"),
    ("d22", "2023-05-10", "نسقت حماس والجهاد الإسلامي الرد عبر غرفة العمليات المشتركة.", "COOPERATE", "062",
     None, "نسقت", ["حماس", "الجهاد الإسلامي"], ["حماس", "الجهاد الإسلامي"], "غزة", None, "occurred"),
    ("d23", "2023-05-13", "أعلنت مصر وقف إطلاق النار بين إسرائيل والجهاد الإسلامي.", "RETREAT", "0871",
     "ceasefire", "وقف إطلاق النار", ["إسرائيل", "الجهاد الإسلامي"], ["إسرائيل", "الجهاد الإسلامي"], "غزة",
     None, "occurred"),
    ("d24", "2023-05-20", "أشاد حزب الله بصمود الجهاد الإسلامي في غزة.", "SUPPORT", "051", None, "أشاد",
     ["حزب الله"], ["الجهاد الإسلامي"], None, None, "occurred"),
    ("d25", "2023-05-25", "هدد حزب الله إسرائيل بالرد على أي اعتداء من بيروت.", "THREATEN", "138", None, "هدد",
     ["حزب الله"], ["إسرائيل"], "بيروت", None, "occurred"),
    ("d26", "2023-06-03", "وصل وفد من حماس إلى طهران والتقى مسؤولين في إيران.", "CONSULT", "042", "visit",
     "التقى", ["حماس"], ["إيران"], "طهران", None, "occurred"),
    ("d27", "2023-06-12", "اتهمت إسرائيل إيران بتمويل الجهاد الإسلامي.", "ACCUSE", "112", "allege", "اتهمت",
     ["إسرائيل"], ["إيران"], None, None, "occurred"),
    ("d28", "2023-06-18", "نسقت قطر ومصر جهود إعادة إعمار غزة.", "COOPERATE", "061", None, "نسقت",
     ["قطر", "مصر"], ["قطر", "مصر"], "غزة", None, "occurred"),
    ("d29", "2023-06-22", "ونفت حماس أن تكون اعتقلت عناصر من فتح.", "COERCE", "173", "arrest", "اعتقلت",
     ["حماس"], ["فتح"], None, None, "denied"),
    ("d30", "2023-06-25", "طالبت مصر إسرائيل بفتح معبر رفح.", "REQUEST", "100", None, "طالبت", ["مصر"],
     ["إسرائيل"], "رفح", None, "occurred"),
    ("d31", "2023-06-28", "تظاهر مئات الفلسطينيين في رام الله احتجاجا على الغلاء.", "PROTEST", "141", "demo",
     "تظاهر", ["الفلسطينيين"], [], "رام الله", None, "occurred"),
]


def _schema() -> str:
    return resources.files("hadath.store").joinpath("schema.sql").read_text(encoding="utf-8")


def build_sample_db(path: str | Path) -> Path:
    """Write the sample database to ``path`` (replacing it) and return the path."""
    path = Path(path)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute(_schema())
    docs: dict[str, list[tuple]] = {}
    for ev in EVENTS:
        docs.setdefault(ev[0], []).append(ev)
    for n, (key, evs) in enumerate(docs.items()):
        _write_doc(con, key, evs, SOURCES[n % len(SOURCES)])
    con.close()
    return path


def _mention(sentence: str, base: int, form: str, used: set[int]) -> dict:
    at = sentence.find(form)
    while at in used:  # the same form twice in one sentence (mutual events): the next occurrence
        at = sentence.find(form, at + 1)
    used.add(at)
    eid, root, typ, sector = ENTITIES[form]
    return {"id": eid, "root": root, "name": NAMES[root] if eid == root else None, "text": form,
            "type": typ, "sector": sector, "start": base + at, "end": base + at + len(form)}


def _write_doc(con: duckdb.DuckDBPyConnection, key: str, evs: list[tuple], source: str) -> None:
    text = " ".join(e[2] for e in evs)
    doc_id = content_hash(text)[:16]
    published = dt.date.fromisoformat(evs[-1][1])
    title = evs[0][2].rstrip(".")
    con.execute("INSERT INTO documents (doc_id, content_hash, source, url, title, published, text, degraded)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, false)",
                [doc_id, content_hash(text), source, f"https://example.org/news/{key}", title, published, text])
    base, mention_idx = 0, 0
    for i, (_k, date, sent, etype, cameo, mode, trig, actors, recips, place, dead, status) in enumerate(evs):
        con.execute("INSERT INTO sentences VALUES (?, ?, ?, ?)", [doc_id, i, base, base + len(sent)])
        used: set[int] = set()
        a = [_mention(sent, base, f, set()) for f in actors]
        used = {m["start"] - base for m in a}
        r = [_mention(sent, base, f, used) if f not in actors else next(m for m in a if m["text"] == f)
             for f in recips]
        t0 = base + sent.find(trig)
        loc = None
        if place:
            gid, lat, lon, iso = PLACES[place]
            loc = {"name": place, "geonameid": gid, "lat": lat, "lon": lon, "country": iso}
        mentions = {(m["start"], m["end"]): m for m in a + r}
        for m in mentions.values():
            con.execute("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'kb')",
                        [doc_id, mention_idx, m["start"], m["end"], m["text"], m["id"], m["root"], m["type"],
                         m["sector"]])
            mention_idx += 1
        record = {"doc_id": doc_id, "event_type": etype, "mode": mode, "cameo": cameo, "actors": a,
                  "recipients": r, "status": status, "date": date, "location": loc,
                  "fatalities": dead, "injuries": None,
                  "evidence": {"sentence": sent, "start": base, "end": base + len(sent),
                               "trigger": {"start": t0, "end": t0 + len(trig), "text": trig},
                               "actors": [{"start": m["start"], "end": m["end"], "text": m["text"]}
                                          for m in a + r], "more": []},
                  "source_says": "EGY" if etype == "RETREAT" else None}
        event_id = f"{doc_id}:{i}"
        con.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [event_id, doc_id, etype, mode, cameo, quad_class(etype), goldstein(cameo, etype, mode),
                     status, date, dt.date.fromisoformat(date), loc and loc["name"], loc and loc["geonameid"],
                     loc and loc["lat"], loc and loc["lon"], loc and loc["country"], dead, None,
                     record["source_says"], base, base + len(sent), t0, t0 + len(trig), json.dumps(record,
                                                                                                  ensure_ascii=False)])
        for role, ms in (("actor", a), ("recipient", r)):
            for pos, m in enumerate(ms):
                con.execute("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            [event_id, role, pos, m["id"], m["root"], m["text"], m["type"], m["sector"]])
        base += len(sent) + 1
