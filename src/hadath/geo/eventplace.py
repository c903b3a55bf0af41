"""Where an event happened: the place its sentence states, chosen next to the trigger.

``resolve_event_place(doc, sentence, trigger) -> Place | None`` (``Place.as_location()`` is the codebook
record).  Among doc.places inside the sentence it prefers, in this order of weight:

* a place introduced by a locative word (في، عند، على، قرب، داخل، شمال/جنوب … , or a ب clitic: "بغزة");
* a sub-national place (city, camp, crossing, region …) over a country: a bare country next to a verb is
  usually an actor or recipient ("وحذرتا إسرائيل"), so a country counts only after a locative word;
* the one nearest the trigger, with a penalty per clause break between them; one that is far (cost
  > 400, e.g. three clauses away) is another statement's place and is not taken.

None when the sentence names no usable place: the coder decides whether to inherit one.
"""
from __future__ import annotations

import re

from hadath.doc import Doc, Place, Span

_LOCATIVE = {"في", "وفي", "ففي", "عند", "وعند", "على", "وعلى", "قرب", "بالقرب", "داخل", "شمال", "جنوب", "شرق",
             "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "بمدينة", "مدينة", "محيط", "أنحاء", "انحاء",
             "منطقة", "بلدة", "مخيم", "قرية", "ضواحي", "إلى", "الى", "الي", "من", "حول", "أطراف", "اطراف"}
_MAX_COST = 400
_CLAUSE = re.compile(r"[،,؛;:\n.]|\s-\s")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")


def _locative(doc: Doc, p: Place) -> bool:
    m = _WORD_BEFORE.search(doc.text, max(0, p.start - 30), p.start)
    prev = m.group(1).strip("\"'«»“”()") if m else ""
    with_bi = p.start > 0 and doc.text[p.start - 1] == "ب"  # the tagger leaves clitics outside: "ب|غزة"
    return prev in _LOCATIVE or with_bi


def resolve_event_place(doc: Doc, sentence: Span, trigger: Span) -> Place | None:
    best: tuple[float, Place] | None = None
    for p in doc.places:
        if p.start < sentence.start or p.end > sentence.end:
            continue
        loc = _locative(doc, p)
        if p.kind == "country" and not loc:
            continue
        a, b = (p.end, trigger.start) if p.end <= trigger.start else (trigger.end, p.start)
        gap = max(0, b - a)
        cost = gap + 150 * len(_CLAUSE.findall(doc.text, min(a, b), max(a, b)))
        cost += 0 if loc else 120
        cost += 200 if p.kind == "country" else 0
        if cost > _MAX_COST:  # far away across clauses: another event's place
            continue
        if best is None or cost < best[0]:
            best = (cost, p)
    return best[1] if best else None
