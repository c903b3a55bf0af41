"""Document-level passes of the event coder: what one sentence cannot decide alone.

* claims of responsibility ("وتبنت حركة الشباب الهجوم") make the claimant the author of the attack
  told just before, which the claim itself does not repeat;
* in degraded text, a clause window that opens with a specifier ("وفي المقدمة منهم …") lists the
  victims of the previous window's violence (the windows are artificial, the sentence is one);
* civilians of no stated nationality take the country of the event's place, else the dateline's;
* "the enemy"/"the occupation" of a statement is the party it names that way elsewhere in the text.

``DocState`` is the coder's memory across the sentences of one document.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from hadath.actors.kb import is_state_code
from hadath.doc import Doc, Event, Mention
from hadath.events.arguments import GENERIC_VICTIM, SentenceView, Unit, dedupe, flatten, subject
from hadath.events.cues import Cues
from hadath.events.lexicon import key
from hadath.events.wording import near


@dataclass
class DocState:
    group: list[str] = field(default_factory=list)  # the last compound party (≥ 2 roots)
    claims: list[tuple[int, Unit, int]] = field(default_factory=list)  # (sentence, claimant, word)
    last_subject: tuple[int, list[Unit]] | None = None
    home: str | None = None  # the dateline's country (dateline_country), when the text opens with one
    last_org: str | None = None


# ---------------------------------------------------------------------- claims of responsibility
def find_claims(sv: SentenceView, state: DocState) -> None:
    """Claims of responsibility in this sentence ("وتبنت حركة الشباب الهجوم", "أعلنت … مسؤوليتها
    عن الهجوم"): (sentence, claimant, word) into ``state.claims`` for ``attribute_claims``."""
    words, si = sv.words, sv.index
    space, cues = sv.space, sv.cues
    resp = {key(w, space) for w in ("مسؤوليتها", "مسؤوليته", "مسؤوليتهم", "المسؤولية")}
    for i, w in enumerate(words):
        claim = w and cues.kind(w, "claim", space)
        announced = w in resp and any(words[k] and cues.kind(words[k], "speech", space)
                                      for k in range(max(0, i - 4), i))
        if not (claim or announced) or near(words, i, cues, "negation", space, before=2):
            continue
        verb = i if claim else next(k for k in range(i - 1, -1, -1) if words[k] and cues.kind(words[k], "speech", space))
        subj = subject(sv, verb, verb, "past", "")
        if subj is not None:
            state.claims.append((si, subj, i))


def attribute_claims(events, claims, doc, sentences, starts) -> None:
    """A claimant becomes the author of the attack it claims: the latest ASSAULT with no named author
    told before the claim, in its sentence or the two before ("أسفر انفجار … عن مقتل سبعة أشخاص،
    وتبنت حركة الشباب الهجوم").  A claim with no such attack adds nothing (it is not an attack)."""
    for si, unit, word in claims:
        sent_lo = bisect.bisect_left(starts, sentences[si].start)
        claim_at = doc.tokens[min(sent_lo + word, len(doc.tokens) - 1)].start
        cands = [ev for ev, esi in events if ev.event_type == "ASSAULT" and not ev.actors
                 and si - 2 <= esi <= si and ev.trigger.start < claim_at]
        if cands:
            ev = cands[-1]
            ev.actors = flatten([unit])
            roots = {x.root for x in ev.actors if x.root}
            ev.recipients = [x for x in ev.recipients if x.root not in roots]


# ---------------------------------------------------------------------- degraded text's clause windows
def specified_next_window(doc: Doc, sentences, events, cues: Cues, space: str) -> None:
    """Degraded text's clause windows are artificial: when one opens with a specifier ("وفي المقدمة
    منهم القادة …"), the parties it lists are the victims of the previous window's last violence
    that names none."""
    last_in: dict[int, Event] = {}
    for e, si in events:
        last_in[si] = e
    for si, e in last_in.items():
        if e.event_type != "ASSAULT" or e.recipients or si + 1 >= len(sentences):
            continue
        nxt = sentences[si + 1]
        toks = [t for t in doc.tokens if nxt.start <= t.start < nxt.end and not t.is_punct][:3]
        cue = next((t for t in toks if cues.kind(t.skel if space == "skel" else t.norm, "specifier", space)),
                   None)
        if cue is None:
            continue
        listed: list[Mention] = []
        for mt in doc.mentions:
            if mt.start < cue.end or mt.start >= nxt.end or not mt.root:
                continue
            gap = doc.text[(listed[-1].end if listed else cue.end):mt.start].split()
            if len(gap) > (3 if not listed else 1) or (listed and gap and gap != ["و"]):
                break
            listed.append(mt)
        e.recipients = dedupe(listed)


# ---------------------------------------------------------------------- civilians' country
def dateline_country(doc: Doc) -> str | None:
    """The country of a dateline place ("بعقوبة ـ أ ف ب:", "غزة - "), when the text opens with one."""
    for p in sorted(doc.places, key=lambda p: p.start)[:1]:
        if p.start <= 30 and p.country and _DATELINE.match(doc.text, p.end):
            return p.country
    return None


_DATELINE = re.compile(r"\s*(?:\([^)\n]{0,30}\)\s*)?[ـ\-–—:]")


def domestic_civilians(ev: Event, home: str | None) -> None:
    """Civilians of no stated nationality ("قتل خمسة أشخاص في بعقوبة") take the country where the event
    happened — else the dateline's — as their root (the ICEWS/PETRARCH country-of-location default for
    unnamed domestic actors); the entity stays CVL, so the record still says they were not named."""
    country = (ev.location or {}).get("country") or home
    if not country or len(country) != 3 or not country.isupper() or not is_state_code(country):
        return
    for attr in ("actors", "recipients"):
        ms = getattr(ev, attr)
        if any(m.root == GENERIC_VICTIM for m in ms):
            setattr(ev, attr, dedupe([replace(m, root=country) if m.root == GENERIC_VICTIM else m for m in ms]))


# ---------------------------------------------------------------------- the statement's enemy
def statement_enemy(sv: SentenceView) -> Mention | None:
    """The first mention of the document that names its adversary as "the occupation"/"the enemy",
    outside the current sentence (named in it, the adversary has some other role there)."""
    for mt in sv.doc.mentions:
        if sv.span.start <= mt.start < sv.span.end:
            continue
        if mt.root and any(sv.cues.kind(key(w, sv.space), "enemy", sv.space)
                           for w in mt.text.split()):
            return mt
    return None
