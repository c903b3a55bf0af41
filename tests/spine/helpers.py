"""Hand-built Docs and a tiny deterministic pipeline, so the spine's tests do not depend on how
accurate the other components are today."""
from __future__ import annotations

from hadath.doc import Doc, Event, Mention, Span
from hadath.text.pipe import annotate_text

ACTORS = {"حماس": ("HAMAS", "HAMAS", "ORG", None, "Hamas"),
          "مصر": ("EGY", "EGY", "GPE", "GOV", "Egypt"),
          "إسرائيل": ("ISR", "ISR", "GPE", None, "Israel"),
          "الجهاد الإسلامي": ("PIJ", "PIJ", "ORG", None, "Palestinian Islamic Jihad"),
          "السلطة الفلسطينية": ("PA", "PA", "ORG", "GOV", "Palestinian Authority")}
TRIGGERS = {"التقى": ("CONSULT", "040"), "قصفت": ("ASSAULT", "195"), "اعتقلت": ("COERCE", "173")}
CAIRO = {"name": "Cairo", "geonameid": 360630, "lat": 30.0444, "lon": 31.2357, "country": "EGY"}


def mention(text: str, start: int, form: str) -> Mention:
    eid, root, typ, sector, name = ACTORS[form]
    return Mention(start, start + len(form), form, eid, root, typ, sector, name=name)


def toy_coder(doc: Doc) -> Doc:
    """One event per sentence with a known trigger: first known actor acts on the others."""
    for sent in doc.sentences:
        chunk = doc.text[sent.start:sent.end]
        found = sorted((chunk.find(f) + sent.start, f) for f in ACTORS if f in chunk)
        ms = [mention(doc.text, s, f) for s, f in found]
        doc.mentions += ms
        for word, (etype, cameo) in TRIGGERS.items():
            at = chunk.find(word)
            if at >= 0 and ms:
                doc.events.append(Event(etype, Span(sent.start + at, sent.start + at + len(word)), sent,
                                        actors=ms[:1], recipients=ms[1:], cameo=cameo,
                                        date=doc.date.isoformat() if doc.date else None,
                                        location=CAIRO if "القاهرة" in chunk else None,
                                        fatalities=3 if etype == "ASSAULT" else None))
    return doc


def toy_pipeline() -> "callable":
    def run(doc: Doc) -> Doc:
        return toy_coder(annotate_text(doc))
    return run


def hand_doc(doc_id: str = "d1", extra: str = "") -> Doc:
    """A two-event article built by hand: a compound-recipient CONSULT and an ASSAULT."""
    text = ("التقى وفد من حماس ومسؤولون من مصر والجهاد الإسلامي في القاهرة" + extra + ". "
            "وقصفت إسرائيل مواقع في غزة.")
    doc = Doc(text=text, id=doc_id)
    s1 = Span(0, text.index(".") + 1)
    s2 = Span(text.index(".") + 2, len(text))
    doc.sentences = [s1, s2]
    ham, egy, pij = (mention(text, text.index(f), f) for f in ("حماس", "مصر", "الجهاد الإسلامي"))
    isr = mention(text, text.index("إسرائيل"), "إسرائيل")
    doc.mentions = [ham, egy, pij, isr]
    doc.events = [
        Event("CONSULT", Span(0, 5), s1, [ham], [egy, pij], cameo="040", date="2023-08-05",
              location=CAIRO),
        Event("ASSAULT", Span(text.index("قصفت"), text.index("قصفت") + 4), s2, [isr], [],
              mode="aerial", cameo="195", date="2023-08", fatalities=3, injuries=None),
    ]
    return doc
