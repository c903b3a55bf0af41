"""Within-document merging: one real event reported several times becomes one record.

* In one sentence, events of one type whose parties are compatible (one side's roots contain the
  other's, an empty side fits anything) are one event: "شنت ... عدوانا على غزة، قصفت خلاله ..."
* Across sentences, events with the same type, actor roots and recipient roots and no conflicting
  date are one event (codebook §3: the first, most complete mention counts, later ones add evidence).
The first mention stays primary; later ones fill its empty fields and join ``extra_evidence``.
"""
from __future__ import annotations

import math

from hadath.doc import Event
from hadath.events.arguments import GENERIC_VICTIM
from hadath.geo.gazetteer import is_country_place


def _roots(ms) -> frozenset:
    return frozenset(m.root if m.root else ("?", m.text) for m in ms)


def _unnamed_alike(ms) -> frozenset:
    """Roots, with unnamed civilians (entity CVL) as one party whatever country their event's place
    gave them: in one sentence, "قتل 12 شخصا" and "وأصيب 30 آخرون في تفجير … في بغداد" are the same
    victims even when only the second clause names the place."""
    return frozenset(GENERIC_VICTIM if m.entity_id == GENERIC_VICTIM else (m.root or ("?", m.text)) for m in ms)


def _named_actors(e: Event) -> list:
    """A protest's actors less an unnamed crowd ("المحتجون", civilians the coder added when no one
    else is named): a later "وتجمع المحتجون …" is the protest "تظاهر عمال … باليونان" told before."""
    if e.event_type != "PROTEST":
        return e.actors
    return [m for m in e.actors if not (m.entity_id == GENERIC_VICTIM and m.origin == "generic")]


def _fits(a: frozenset, b: frozenset) -> bool:
    return a <= b or b <= a


def _placed(ms) -> bool:
    """Recipients that are only the attacked place's state (coder: place → population) — a guess a
    victim named in the same sentence replaces: "قتل 12 مدنيا في قصف … على مدينة الفاشر"."""
    return bool(ms) and all(m.origin == "place" for m in ms)


def _guess_replaced(ev: Event, other: Event) -> bool:
    """``ev``'s recipients are only a place guess and ``other`` names its victims."""
    return _placed(ev.recipients) and bool(other.recipients) and not _placed(other.recipients)


def _recipient_roots(ev: Event, other: Event) -> frozenset:
    """(Same-sentence merging) the recipients' roots, none when they are only a place guess."""
    return frozenset() if _guess_replaced(ev, other) else _unnamed_alike(ev.recipients)


def _absorb(keep: Event, other: Event) -> None:
    if len(_roots(other.actors)) > len(_roots(keep.actors)) or (_named_actors(other) and not _named_actors(keep)):
        keep.actors = other.actors
    if _guess_replaced(keep, other):
        keep.recipients = other.recipients
    elif len(_roots(other.recipients)) > len(_roots(keep.recipients)) and not (
            _placed(other.recipients) and keep.recipients):
        keep.recipients = other.recipients
    if keep.mode is None and other.mode is not None:
        keep.cameo = other.cameo  # the mode and its CAMEO code go together ("قتل … في قصف مدفعي" → 194)
    for f in ("date", "location", "fatalities", "injuries", "mode", "source_says"):
        if getattr(keep, f) is None and getattr(other, f) is not None:
            setattr(keep, f, getattr(other, f))
    if other.sentence.start != keep.sentence.start or other.trigger.start != keep.trigger.start:
        if all(s.start != other.sentence.start for s in keep.extra_evidence) and \
                other.sentence.start != keep.sentence.start:
            keep.extra_evidence.append(other.sentence)
    keep.confidence = max(keep.confidence, other.confidence)


FAR_APART_KM = 50  # places further apart than this in one sentence are two events, not one


def _places_agree(a: Event, b: Event) -> bool:
    """Not two distant places: "قتل 7 في الموصل … وأسفر انفجار … عن ستة قتلى في الفلوجة" are two
    attacks; "غزة" in a headline and "خان يونس" in the text may well be one."""
    pa, pb = a.location or {}, b.location or {}
    if not pa or not pb:
        return True
    if pa.get("country") and pb.get("country") and pa["country"] != pb["country"]:
        return False
    if is_country_place(pa.get("geonameid")) or is_country_place(pb.get("geonameid")):
        return True  # "في العراق" holds "في غرب بغداد"
    if None in (pa.get("lat"), pa.get("lon"), pb.get("lat"), pb.get("lon")):
        return True
    # equirectangular distance: plenty at this scale
    dx = math.radians(pb["lon"] - pa["lon"]) * math.cos(math.radians((pa["lat"] + pb["lat"]) / 2))
    dy = math.radians(pb["lat"] - pa["lat"])
    return 6371 * math.hypot(dx, dy) <= FAR_APART_KM


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Unknown dates fit anything, known ones must fall in the same month (a later mention's date is
    often resolved less exactly than the first's, so days are not compared)."""
    return a is None or b is None or a[:7] == b[:7]


def _no_self_loop(a: Event, b: Event) -> bool:
    """Merging must not make a one-sided event act on itself (ISR→[] + []→ISR)."""
    actors = _roots(a.actors) | _roots(b.actors)
    recipients = _roots(a.recipients) | _roots(b.recipients)
    return actors == recipients or not (actors & recipients)


def _mutual(e: Event) -> bool:
    """Every party on both sides (a meeting, a clash): its actors are meant to be its recipients."""
    return bool(e.actors) and _roots(e.actors) == _roots(e.recipients)


def merge_events(events: list[Event], sentence_ids: list[int]) -> list[Event]:
    out: list[tuple[Event, int]] = []
    for ev, si in zip(events, sentence_ids):
        target = None
        for kept, ksi in out:
            if kept.event_type != ev.event_type or kept.status != ev.status:
                continue
            if ksi == si and _places_agree(kept, ev) and \
                    _fits(_unnamed_alike(kept.actors), _unnamed_alike(ev.actors)) and \
                    _fits(_recipient_roots(kept, ev), _recipient_roots(ev, kept)) and _no_self_loop(kept, ev):
                target = kept
                break
            same = _roots(kept.actors) == _roots(ev.actors) and _roots(kept.recipients) == _roots(ev.recipients)
            dates_ok = _dates_agree(kept.date, ev.date)
            if same and dates_ok and (kept.actors or kept.recipients):
                target = kept
                break
            # a later, underspecified mention ("شهداء العدوان الإسرائيلي" with no victim named) of an
            # event told just before: the earliest compatible one of the last 3 sentences
            # (it adds no party the first mention did not have, when that one named any: "غارة أمريكية في
            # أفغانستان" is not the Afghan and Pakistani forces attacked in a later sentence)
            if si - ksi <= 3 and dates_ok and _no_self_loop(kept, ev) and \
                    (not _named_actors(ev) or not ev.recipients) and \
                    _fits(_roots(_named_actors(kept)), _roots(_named_actors(ev))) and \
                    _fits(_roots(kept.recipients), _roots(ev.recipients)) and \
                    (not kept.recipients or _roots(ev.recipients) <= _roots(kept.recipients)) and \
                    len(_roots(kept.actors) | _roots(kept.recipients)) >= len(_roots(ev.actors) | _roots(ev.recipients)):
                target = kept
                break
        if target is None:
            out.append((ev, si))
        else:
            one_sided = not _mutual(target) and not _mutual(ev)
            _absorb(target, ev)
            if one_sided:
                # "جنديا تركيا قتل وأصيب آخر": X→[] and []→X are one report of X's losses; the "actor"
                # was the victim read as the subject of the killing verb
                # (same party, not merely the same country: the army and the civilians it killed differ)
                victims = {m.entity_id for m in target.recipients if m.entity_id}
                target.actors = [m for m in target.actors if m.entity_id not in victims]
    return [e for e, _ in out]
