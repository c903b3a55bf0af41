"""The parties of one sentence, as (mentions, start word, end word, clitic) rows for build_units.

Besides the knowledge base's mentions: a lone organisation anaphor ("الحركة") is the last
organisation named, "its forces" ("قواته") belong to the sentence's first party, a group anaphor
("الحركتان") is the document's last compound party, and two kinds of party the knowledge base leaves
untagged but a conflict coder cannot do without — protesters, and state security forces with no
nationality named ("قوات الأمن", "الشرطة").
"""
from __future__ import annotations

import bisect

from hadath.doc import Doc, Mention
from hadath.events.arguments import GENERIC_VICTIM
from hadath.events.cues import Cues
from hadath.events.document import DocState
from hadath.events.lexicon import key


def sentence_mentions(doc: Doc, toks, words, space: str, cues: Cues, state: DocState) -> list:
    """(mentions, start word, end word, clitic before) for the actor mentions of a sentence,
    plus group anaphors ("الحركتان") resolved to the last compound party of the document."""
    starts = [t.start for t in toks]
    out = []
    lo, hi = toks[0].start, toks[-1].end
    covered = set()
    org_before = state.last_org  # the last organisation named before this sentence
    org_at: list[tuple[int, str]] = []  # (word, root) of the organisations named in it
    owners: list[tuple[int, Mention]] = []  # (word, mention) of the parties that may own forces
    spans: dict[tuple[int, int], list[Mention]] = {}
    for m in doc.mentions:  # one span, several parties ("الحركتين" → HAMAS, PIJ): one group
        if m.type == "MISC" and m.root is None:
            continue  # an unresolved MISC name (an event, a faith, a weapon: "العشاء", "هاون") is no party
        if lo <= m.start < hi:
            spans.setdefault((m.start, m.end), []).append(m)
    for (_, _), group in spans.items():
        m = group[0]
        s = bisect.bisect_right(starts, m.start) - 1  # the token the mention starts in
        e = s
        while e < len(toks) and toks[e].start < m.end:
            e += 1
        # the clitic before the mention inside its first word (بالأمين → ب): from the offsets
        # when the mention starts after the clitic, else from the text layer's clitic split
        clitic = doc.text[toks[s].start:m.start] if m.start > toks[s].start else toks[s].prefix
        out.append((group, s, max(e, s + 1), clitic))
        covered.update(range(s, max(e, s + 1)))
        if m.type == "ORG" and m.root:
            org_at.append((s, m.root))
        if m.type in ("ORG", "GPE", "PER") and m.root and m.root not in (GENERIC_VICTIM, "UAF"):
            owners.append((s, m))
    org_at.sort()
    owners.sort(key=lambda x: x[0])
    if org_at:
        state.last_org = org_at[-1][1]
    out += _generic_parties(doc, toks, words, space, cues, covered, state)
    for i, w in enumerate(words):
        if i in covered or not w:
            continue
        kinds = cues.kinds(w, space)
        if "anaphor1" in kinds:
            before = [r for s, r in org_at if s < i]
            root = before[-1] if before else org_before
            if root:
                out.append(([Mention(toks[i].start, toks[i].end, toks[i].text, None, root, "ORG",
                                     origin="coref")], i, i + 1, toks[i].prefix))
            continue
        if "forces_of" in kinds:
            # "أعلن الجيش الأمريكي أن قواته قتلت …": its forces are the sentence's first party's
            before = [m for s, m in owners if s < i]
            if before:
                o = before[0]
                out.append(([Mention(toks[i].start, toks[i].end, toks[i].text, None, o.root, "ORG",
                                     sector=o.sector, origin="coref")], i, i + 1, toks[i].prefix))
            continue
        if "anaphor" in kinds and len(state.group) >= 2:
            group = [Mention(toks[i].start, toks[i].end, toks[i].text, None, r, "ORG", origin="coref")
                     for r in state.group]
            out.append((group, i, i + 1, ""))
    return out


def _generic_parties(doc: Doc, toks, words, space: str, cues: Cues, covered: set[int], state: DocState) -> list:
    """Parties the knowledge base leaves untagged but a conflict coder cannot do without:
    protesters (civilians, CVL) and state security forces with no nationality named ("قوات الأمن",
    "الشرطة"), which are the state where the sentence places them (codebook §2: state organs →
    the state's ISO3). Forces with no place in the sentence stay an unresolved party (root None): they
    still hold the subject's place, so "اعتقلت الشرطة عضوا في الإخوان" does not make the Brotherhood
    the one who arrested.  A ruler's title with no state or name after it ("استقبل ولي العهد …") is
    the ruler of the dateline's state, else of the state the sentence places him in (``_ruler``)."""
    forces = cues.by_space[space].get("state_force", set())
    country = next((p.country for p in doc.places
                    if toks[0].start <= p.start < toks[-1].end and p.country), None)
    firsts = cues.phrase_starts("state_force", space)
    rulers = cues.phrase_starts("ruler", space)
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        if i in covered or not w:
            i += 1
            continue
        opens = w in firsts or (w[:1] in "وف" and w[1:] in firsts)  # most words cannot open one
        n = _phrase_at(words, i, forces, covered) if opens else 0
        if n:
            prev = next((words[j] for j in range(i - 1, -1, -1) if words[j]), "")
            nxt = words[i + n] if i + n < len(words) else ""
            if cues.kind(prev, "speech", space) or nxt in cues.by_space[space]["comp"]:
                n = 0  # the police as a reporter ("أعلنت الشرطة مقتل …"), not a party
        if n:
            a, b = toks[i], toks[i + n - 1]
            out.append(([Mention(a.start, b.end, doc.text[a.start:b.end], None, country, "ORG", "COP",
                                 origin="generic")], i, i + n, a.prefix))
        elif cues.kind(w, "protester", space):
            n = 1
            out.append(([Mention(toks[i].start, toks[i].end, toks[i].text, GENERIC_VICTIM, GENERIC_VICTIM, "POP",
                                 GENERIC_VICTIM, origin="generic")], i, i + 1, toks[i].prefix))
        elif w in rulers or (w[:1] in "وف" and w[1:] in rulers):
            ruler = _ruler(doc, toks, words, i, space, cues, covered, state)
            if ruler is not None:
                out.append(ruler)
                n = ruler[2] - i
        if n:
            covered.update(range(i, i + n))
        i += max(n, 1)
    return out


def _ruler(doc: Doc, toks, words, i: int, space: str, cues: Cues, covered: set[int], state: DocState):
    """A bare ruler's title at word i ("ولي العهد"): a party of the dateline's state, else of the state
    of a place in the sentence, else unresolved — (mentions, start, end, clitic) or None.  Not when a
    name or a state follows ("ولي العهد الأمير محمد", "ولي العهد الأردني"): the knowledge base or NER
    names him there."""
    n = _phrase_at(words, i, cues.by_space[space].get("ruler", set()), covered)
    if not n:
        return None
    nxt = words[i + n] if i + n < len(words) else ""
    if nxt and cues.kind(nxt, "title", space):
        return None
    if i + n in covered:  # his state as an adjective, or his name ("ولي العهد الأردني", NER's "… محمد")
        at = toks[i + n].start
        if any(m.start == at and (m.origin == "adj" or m.type == "PER") for m in doc.mentions):
            return None
    # in apposition to his name: "الأمير محمد بن سلمان بن عبد العزيز، ولي ولي العهد" (a pedigree and
    # punctuation may stand between)
    if any(m.type == "PER" and toks[max(0, i - 6)].start <= m.end <= toks[i].start for m in doc.mentions):
        return None
    country = state.home or next((p.country for p in doc.places if p.country and _located_in(toks, words, p, space)),
                                 None)
    a, b = toks[i], toks[i + n - 1]
    return ([Mention(a.start, b.end, doc.text[a.start:b.end], None, country, "PER", "GOV", origin="generic")],
            i, i + n, a.prefix)


def _located_in(toks, words, place, space: str) -> bool:
    """``place`` is in the sentence as where something happens ("في الرياض", "بالرياض"), not where
    someone goes ("إلى باريس")."""
    for j, t in enumerate(toks):
        if t.start <= place.start < t.end:
            return "ب" in t.prefix or (j > 0 and words[j - 1] == key("في", space))
    return False


def _phrase_at(words, i: int, table: set[str], covered: set[int]) -> int:
    """Length (1–3 words) of a phrase of ``table`` starting at word i, a و/ف before it allowed; 0 if none."""
    for n in (3, 2, 1):
        span = words[i:i + n]
        if len(span) < n or covered & set(range(i, i + n)):
            continue
        if " ".join(span) in table or (span[0][:1] in "وف" and " ".join([span[0][1:]] + span[1:]) in table):
            return n
    return 0
