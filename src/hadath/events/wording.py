"""Questions the coder asks of a sentence's words with the cue lists (cues.py): is a cue of some kind
near the trigger or anywhere in the sentence, are casualties stated, does a bare event noun report an
event, is an "attack" only words, is a truce called for, and the status (negated/denied/intended).

Kept apart from the argument rules because they look at words only, never at actors' positions.
"""
from __future__ import annotations

from hadath.doc import Mention
from hadath.events import casualties as _cas
from hadath.events.cues import Cues
from hadath.events.lexicon import Match, key
from hadath.text.numbers import parse_number


def near(words, t, cues, kind, space, before=3, after=0) -> bool:
    lo, hi = max(0, t - before), min(len(words), t + after + 1)
    return any(words[i] and cues.kind(words[i], kind, space) for i in range(lo, hi) if i != t)


def count_word(w: str, cues: Cues, space: str) -> bool:
    """A number (digits or words) or a vague quantity ("عشرات", "عدد"): what counts those struck."""
    return bool(w) and (cues.kind(w, "quantity", space) or parse_number(w) is not None)


def in_sentence(words, cues: Cues, kind: str, space: str) -> bool:
    """Some word of the sentence is a cue of ``kind`` (a weapon, a crowd, an outcome verb)."""
    return any(w and cues.kind(w, kind, space) for w in words)


def casualties_stated(words) -> bool:
    """The sentence states a number killed or injured ("مقتل 5 أشخاص", "وإصابة آخر")."""
    return _cas.casualties([w for w in words if w]) != (None, None)


def governed(words, t, cues: Cues, space: str) -> bool:
    """A reporting or support verb within 3 words before (comma allowed): the noun is its object."""
    return any(near(words, t, cues, kind, space, before=3) for kind in ("speech", "light", "participate", "deny"))


def concrete(words, t, cues: Cues, space: str) -> bool:
    """A bare event noun reports an event when something concrete goes with it: a support verb
    ("نفذ هجوما"), an outcome verb ("أسفر عن", "أدى إلى", "وقع") or stated casualties."""
    if near(words, t, cues, "light", space, before=3) or near(words, t, cues, "undergo", space, before=3):
        return True
    return in_sentence(words, cues, "happen", space) or casualties_stated(words)


def light_with_object(word: str, cues: Cues, space: str) -> bool:
    """A support verb with an object pronoun: شنه، نفذها، شنتها، نفذوه."""
    for suf in ("هما", "ها", "هم", "ه"):
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            stem = word[:-len(suf)]
            if cues.kind(stem, "light", space) or (stem.endswith("و") and cues.kind(stem + "ا", "light", space)):
                return True
    return False


def ceasefire(words, last: int, end: int, cues: Cues, space: str) -> bool:
    """A truce in the complement: "هدنة", "التهدئة", or وقف + إطلاق/القتال/الحرب ("وقف فوري لإطلاق النار")."""
    stop_ = key("وقف", space)
    for i in range(last + 1, min(end, len(words))):
        w = words[i]
        if w and cues.kind(w, "ceasefire", space):
            return True
        if w and (w == stop_ or w[1:] == stop_ or w[2:] == stop_) and any(
                words[k] and cues.kind(words[k], "halted", space) for k in range(i + 1, min(i + 3, len(words)))):
            return True
    return False


def verbal_attack(m: Match, words, actors: list[Mention], cues: Cues, space: str,
                   recipients: list[Mention] = ()) -> bool:
    """An "attack" that is words, not force: qualified as verbal ("هجوما لاذعا"), or launched by a
    person or against a person ("شن عباس هجوما على حماس", "شنت المعارضة هجوما على البطريرك",
    "صعد ماكين من هجومه", "هجوم له على") with no weapon and no casualties in the sentence."""
    if not (m.tense == "noun" or m.last > m.tok):
        return False
    after = range(m.last + 1, min(m.last + 3, len(words)))
    if any(words[i] and cues.kind(words[i], "verbal", space) for i in after):
        return True
    if not m.entry.has("verbal"):
        return False
    own = m.last + 1 < len(words) and words[m.last + 1] in {key(w, space) for w in ("له", "لها")}
    own = own or words[m.last].endswith(key("ه", space))  # "هجومه على روسيا"
    # a person launching it ("شن عباس هجوما على"), not a person describing it ("وصف نتنياهو الهجوم")
    # ("ووقعت الهجمات": وقع is "happened" here, not a support verb)
    launched = m.last > m.tok or (near(words, m.tok, cues, "light", space, before=3) and
                                  not near(words, m.tok, cues, "happen", space, before=3))
    by_person = bool(actors) and all(a.type == "PER" for a in actors) and launched
    on_person = bool(recipients) and all(r.type == "PER" for r in recipients) and launched
    if not (own or by_person or on_person):
        return False
    return not in_sentence(words, cues, "weapon", space) and not casualties_stated(words)


_MAY = {space: frozenset(key(w, space) for w in ("قد", "وقد", "فقد")) for space in ("norm", "skel")}


_WITHOUT = {space: frozenset(key(w, space) for w in ("دون", "بدون", "عدم", "لن")) for space in ("norm", "skel")}


def _negated_head(words, t: int, cues: Cues, space: str) -> bool:
    """"Without"/"not"/"will not" up to 4 words before a masdar, no punctuation between, negates the
    phrase that governs it: "دون التزام تركي حقيقي بدعم المعارضة", "لن تخرج إلى هجوم شامل".  (Not
    لم/لا: "لم تمنع وقوع تفجيرات", "لم يصب في هجوم", "لم توضح أسباب احتجاز" — the act happened.)"""
    for i in range(t - 1, max(-1, t - 5), -1):
        if not words[i]:
            return False
        if i < t - 2 and words[i] in _WITHOUT[space]:
            return True
    return False


def event_status(words, m: Match, cues: Cues, space: str) -> str:
    t = m.tok
    prev = [w for w in words[max(0, t - 2):t] if w]
    # ما negates a verb ("ما قتل"); before a noun it is "which": "ما أدى لمقتل شاب" reports a death
    what = key("ما", space)
    if any(cues.kind(w, "negation", space) and not (w == what and m.tense == "noun") for w in prev[-2:]):
        return "negated"
    if m.tense == "noun" and _negated_head(words, t, cues, space):
        return "negated"
    if any(cues.kind(w, "deny", space) for w in words[max(0, t - 10):t] if w):
        return "denied"
    if m.future or any(cues.kind(w, "intent", space) for w in words[max(0, t - 5):t] if w):
        return "intended"
    if m.tense == "present" and prev and prev[-1] in _MAY[space]:
        return "intended"  # "قد يصل … خلال أيام": a possible act ahead, not one that happened
    return "occurred"
