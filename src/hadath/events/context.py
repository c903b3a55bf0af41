"""Where, when and how many: an event's place, date and casualty figures from its context.

Places come from ``doc.places`` (hadath.geo), dates from ``hadath.events.dates`` (resolved per
sentence; this module decides which date an event inherits), figures from casualties.py.
"""
from __future__ import annotations

import bisect

from hadath.doc import Doc, Event, Span
from hadath.events import casualties as _cas
from hadath.events.lexicon import key

_LOCATIVE = ("في", "عند", "قرب", "داخل", "على", "أمام", "شمال", "جنوب", "شرق", "غرب", "وسط", "بالقرب",
             "قبالة", "مدينة", "بلدة", "منطقة", "مخيم", "محافظة", "حي", "قرية", "أطراف", "ضواحي")
_LOC_KEYS = {s: {key(w, s) for w in _LOCATIVE} for s in ("norm", "skel")}
_HEADS = ("العاصمة", "المدينة", "المحافظة", "البلدة", "القرية", "الولاية", "الإقليم")
_HEAD_KEYS = {s: {key(w, s) for w in _HEADS} for s in ("norm", "skel")}
_NISBA = {s: tuple(key(w, s) for w in ("ية", "ي")) for s in ("norm", "skel")}


def local_places(doc: Doc, toks, words, space) -> list:
    """(word index, place, locative) — locative when a preposition such as في/ب/عند governs it:
    a country named as an actor ("حذرتا إسرائيل") is not where the event happened."""
    out = []
    starts = [t.start for t in toks]
    lo, hi = toks[0].start, toks[-1].end
    ordered = starts == sorted(starts)
    for p in doc.places:
        if lo <= p.start < hi:
            # the last token starting at or before the place (tokens are in text order: bisect)
            i = (bisect.bisect_right(starts, p.start) - 1 if ordered
                 else max(i for i, st in enumerate(starts) if st <= p.start))
            clitic = doc.text[toks[i].start:p.start] if p.start > toks[i].start else toks[i].prefix
            j = i - 1
            while j >= 0 and not words[j]:
                j -= 1
            # "في العاصمة العراقية بغداد": look through a place head and its nisba to the preposition
            k = j
            while k >= 1 and j - k < 2 and words[k] and (words[k] in _HEAD_KEYS[space] or (
                    words[k].startswith("ال") and words[k].endswith(_NISBA[space]) and words[k - 1] in _HEAD_KEYS[space])):
                k -= 1
            if k < j and k >= 0 and (words[k] in _LOC_KEYS[space] or words[k][1:] in _LOC_KEYS[space]):
                j = k
            prev = words[j] if j >= 0 else ""
            prev = prev[1:] if prev[:1] in ("و", "ف") and prev[1:] in _LOC_KEYS[space] else prev
            loc = "ب" in key(clitic, space) or "في" in key(clitic, space) or prev in _LOC_KEYS[space]
            out.append((i, p, loc))
    return out


def place_after(places, last, stop, target_ok=False, object_at=None):
    """The first place after the trigger in its clause: governed by a locative preposition, or,
    for an attack, its direct target — right after the trigger ("باستهداف تل أبيب") or right after
    its subject (``object_at``: "قصفت إسرائيل غزة")."""
    for i, p, loc in places:
        if last < i <= stop + 3 and (loc or (target_ok and i in (last + 1, object_at))):
            return p
    return None


def place_before(places, t):
    before = [p for i, p, loc in places if i < t and loc]
    return before[-1] if before else None


def complement_place(places, words, last: int, space: str):
    """The first place in a frame event's complement (≤ 20 words on) behind a locative or a
    من/إلى of movement: where the proposed or demanded act would happen."""
    movement = {key(w, space) for w in ("من", "إلى", "الى")}
    for i, p, loc in places:
        if last < i <= last + 20:
            j = i - 1
            while j > last and not words[j]:
                j -= 1
            if loc or words[j] in movement:
                return p
    return None


def attach_casualties(doc: Doc, sentences, events) -> None:
    """Figures go to the ASSAULT of their sentence, else to the last ASSAULT before (≤ 3 sentences)."""
    by_sent: dict[int, list[Event]] = {}
    for ev, si in events:
        by_sent.setdefault(si, []).append(ev)
    last: tuple[int, Event] | None = None
    toks = doc.tokens
    starts = [t.start for t in toks]
    ordered = starts == sorted(starts)
    for si, sent in enumerate(sentences):
        here = [e for e in by_sent.get(si, []) if e.event_type == "ASSAULT"]
        if ordered:  # tokens in text order: only those starting inside the sentence can lie inside it
            span = toks[bisect.bisect_left(starts, sent.start):bisect.bisect_right(starts, sent.end)]
        else:
            span = toks
        words = [t.text for t in span if t.start >= sent.start and t.end <= sent.end and not t.is_punct]
        fat, inj = _cas.casualties(words) if words else (None, None)
        target = here[0] if here else (last[1] if last and si - last[0] <= 3 else None)
        if target is not None:
            if fat is not None and target.fatalities is None:
                target.fatalities = fat
            if inj is not None and target.injuries is None:
                target.injuries = inj
        if here:
            last = (si, here[0])


def _date_resolver():
    try:
        from hadath.events import dates as _dates
    except ImportError:
        return None
    return getattr(_dates, "resolve_event_date", None) or getattr(_dates, "resolve_date", None)


def attach_dates(doc: Doc, events, sentences) -> None:
    """The sentence's own time expression; else the previous event of the sentence or, for the same
    type, of the last 3 sentences; else the publication date (news reports the day's events).
    Degraded text's clause windows are artificial, so there the window before counts as well."""
    resolve = _date_resolver()
    prev: list[tuple[Event, int]] = []
    last_trigger: dict[int, int] = {}  # window → end of its last event trigger
    for e, si in events:
        last_trigger[si] = max(last_trigger.get(si, 0), e.trigger.end)
    for ev, si in events:
        d = None
        if resolve is not None:
            spans = [ev.sentence]
            if doc.degraded and si > 0:
                # the window before, or its tail after its own last event: a time expression that
                # ends a window ("… والأمني وفي الخامس من أغسطس") opens the next clause
                start = max(sentences[si - 1].start, last_trigger.get(si - 1, 0))
                spans.append(Span(start, ev.sentence.end, "sent"))
            for span in spans:
                try:
                    d = resolve(doc, span, ev.trigger)
                except Exception:  # noqa: BLE001 — a date bug must not lose the event
                    d = None
                if d is not None:
                    break
        if d is None:
            for pe, psi in reversed(prev):
                if pe.date and (psi == si or (pe.event_type == ev.event_type and si - psi <= 3)):
                    d = pe.date
                    break
        if d is None and doc.date is not None:
            d = doc.date.isoformat()
        ev.date = d
        prev.append((ev, si))


def inherit_places(events) -> None:
    prev: list[tuple[Event, int]] = []
    for ev, si in events:
        if ev.location is None:
            for pe, psi in reversed(prev):
                if pe.location and (psi == si or (pe.event_type == ev.event_type == "ASSAULT"
                                                  and si - psi <= 2)):
                    ev.location = dict(pe.location)
                    break
        prev.append((ev, si))
