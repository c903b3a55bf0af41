"""Hand-made actor mentions for testing the event coder without the actor tagger."""
from __future__ import annotations

import re

from hadath.doc import Doc, Mention, Place
from hadath.text.normalize import skeleton

# alias → (root, type); a tiny stand-in for the knowledge base
ALIASES = {
    "حماس": ("HAMAS", "ORG"), "حركة المقاومة الإسلامية": ("HAMAS", "ORG"),
    "الجهاد الإسلامي": ("PIJ", "ORG"), "الجهاد": ("PIJ", "ORG"), "سرايا القدس": ("PIJ", "ORG"),
    "إسرائيل": ("ISR", "GPE"), "الإسرائيلي": ("ISR", "GPE"), "الإسرائيلية": ("ISR", "GPE"),
    "إسرائيلية": ("ISR", "GPE"), "قوات الاحتلال": ("ISR", "ORG"), "الاحتلال": ("ISR", "ORG"),
    "العدو": ("ISR", "ORG"), "الشعب الفلسطيني": ("PSE", "POP"), "الفلسطينيين": ("PSE", "POP"),
    "شعبنا": ("PSE", "POP"), "أسرانا": ("PSE", "POP"), "السلطة": ("PA", "ORG"),
    "زياد النخالة": ("PIJ", "PER"), "إيران": ("IRN", "GPE"), "حزب الله": ("HEZBOLLAH", "ORG"),
    "الاقصى": ("FATAH", "ORG"), "فتح": ("FATAH", "ORG"), "أرييل شارون": ("ISR", "PER"),
    "الأمين العام لحركة الجهاد الإسلامي": ("PIJ", "PER"), "المستوطنين": ("ISR", "POP"),
    "الشرطة": ("POLICE", "ORG"),
}
PLACES = {"غزة": ("قطاع غزة", "PSE"), "قطاع غزة": ("قطاع غزة", "PSE"), "بيروت": ("بيروت", "LBN"),
          "تل أبيب": ("تل أبيب", "ISR"), "الضفة الغربية": ("الضفة الغربية", "PSE")}
_CLITIC = "(?:و|ف)?(?:ب|ل|ك)?"


def _find(doc: Doc, table):
    sk = skeleton(doc.text)
    found = []
    for alias, val in sorted(table.items(), key=lambda kv: -len(kv[0])):
        a = re.sub(r"\s+", " ", skeleton(alias).text.strip())
        if a.startswith("ال"):
            pat = r"(?<![^\s])" + "(?:و|ف)?(?:ب|ك)?(?:ال|لل)" + re.escape(a[2:]) + r"(?![^\s])"
        else:
            pat = r"(?<![^\s])" + _CLITIC + re.escape(a) + r"(?![^\s])"
        for m in re.finditer(pat, sk.text):
            s, e = sk.span(m.start(), m.end())
            if any(s < fe and fs < e for fs, fe, _, _ in found):
                continue
            found.append((s, e, alias, val))
    return sorted(found)


def tag(doc: Doc) -> Doc:
    doc.mentions = [Mention(s, e, doc.text[s:e], root, root, typ) for s, e, _, (root, typ) in _find(doc, ALIASES)]
    doc.places = [Place(s, e, doc.text[s:e], name, None, None, None, cc, "city")
                  for s, e, _, (name, cc) in _find(doc, PLACES)]
    return doc
