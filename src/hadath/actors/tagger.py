"""ActorTagger: KB alias matching + context rules + nationality adjectives + titles + coreference + NER.

``ActorTagger()(doc)`` fills ``doc.mentions`` (sorted by start).  Mention origins:
``kb`` alias match · ``adj`` a bare nationality adjective (العدوان الإسرائيلي → ISR; weaker evidence) ·
``title`` an office merged with the name that follows it · ``coref`` الحركة/الحركتان/الطرفان/الوفد ·
``ner`` a name the KB does not know (entity_id None).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from hadath.doc import Doc, Mention
from hadath.text import skeleton, skeleton_key

from hadath.actors import rules
from hadath.actors.coref import load_coref_words, resolve_coref
from hadath.actors.kb import KB, Entity, load_kb, read_tsv
from hadath.actors.matcher import Hit, Matcher

_WORD_CHARS = frozenset(chr(c) for c in list(range(0x0621, 0x064B)) + list(range(0x064B, 0x0660))
                        + [0x0670, 0x0640])
# words that make an NER span no actor (by skeleton, with clitics): God's name in oaths and quotes
NOT_ACTORS = frozenset({"الله", "لله", "بالله", "والله", "ولله", "تالله"})
GOD_PHRASE_HEADS = frozenset({"بيت", "لوجه", "وجه", "رسول", "سبيل", "بسم", "شاء", "ان"})
NER_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "GPE": "GPE", "PER": "PER"}
GENERIC_CIVILIANS = "CVL"  # the KB entity for civilians of no stated nationality
OFFICE_TYPES = frozenset({"GOVERNMENT", "MILITARY", "POLICE", "ARMED_GROUP", "PARTY", "IGO", "NGO"})


_TA = frozenset("ةه")
_YA = frozenset("ىي")


# office nouns that head a title whose state follows behind ب ("وزير الخارجية بجمهورية مصر العربية …")
_OFFICE_HEADS = frozenset(skeleton_key(w) for w in ("وزير", "وزيرة", "سفير", "سفيرة", "رئيس", "نائب", "مبعوث",
                                                    "ممثل", "قائد", "أمير", "ملك", "مستشار"))
OCCUPATION = "ISR_OCC"  # "الاحتلال", "العدو": Israel in this register, unless an adjective names another


def _same_final_letter(alias: str, surface: str) -> bool:
    """In raw text a final ة/ى the skeleton dropped must agree with the alias (ة~ه, ى~ي)."""
    a = alias.rstrip()[-1:]
    s = surface.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")[-1:]
    if s in ("ة", "ى") or a in ("ة", "ى"):
        group = _TA if "ة" in (a, s) else _YA
        return a in group and s in group
    return True


@lru_cache(maxsize=2)
def get_matcher(kb: KB | None = None) -> Matcher:
    """The compiled matcher of the shipped KB (or a fresh one for a KB built in a test)."""
    if kb is None or kb is load_kb():
        from hadath.actors.cache import compiled
        return compiled()[1]
    return Matcher(kb)


@dataclass(slots=True)
class Cand:
    hit: Hit
    entity: Entity
    rule: str
    tok_start: int = -1
    tok_end: int = -1
    start: int = 0
    end: int = 0


class ActorTagger:
    def __init__(self, kb: KB | None = None, use_ner: bool = True) -> None:
        self.kb = kb or load_kb()
        self.matcher = get_matcher(self.kb)
        self.group_nouns = {rules.strip_clitic(skeleton_key(r["noun"])): r["suffix"]
                            for r in read_tsv("group_nouns.tsv")}
        self.modifiers = {rules.strip_clitic(skeleton_key(r["word"])): r["suffix"]
                          for r in read_tsv("modifiers.tsv")}
        self.coref_words = load_coref_words()
        self.use_ner = use_ner
        self._names: dict | None = None  # the NER's first-name list, read when first needed

    # ---- public ---------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not doc.tokens:
            from hadath.text.tokenize import tokenize
            doc.tokens = tokenize(doc.text)
        self._starts = [t.start for t in doc.tokens]
        self._ends = [t.end for t in doc.tokens]
        cands = self._candidates(doc)
        chosen = self._select(doc, cands)
        mentions = self._to_mentions(doc, chosen)
        mentions = self._merge_titles(doc, mentions)
        mentions += resolve_coref(doc, mentions, self.kb, self.coref_words)
        mentions += self._ner_mentions(doc, mentions)
        mentions.sort(key=lambda m: (m.start, -m.end, m.entity_id or ""))
        doc.mentions = mentions
        return doc

    # ---- steps ----------------------------------------------------------------------------------
    def _tok_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_right(self._ends, start), bisect.bisect_left(self._starts, end)

    def _candidates(self, doc: Doc) -> list[Cand]:
        # the skeleton is shared through doc.meta["skeleton"] (NormText) with other components (geo)
        sk = doc.meta.get("skeleton")
        if sk is None or getattr(sk, "original_length", -1) != len(doc.text):
            sk = skeleton(doc.text)
            doc.meta["skeleton"] = sk
        hits, _ = self.matcher.hits(doc.text, sk)
        text = doc.text
        out: list[Cand] = []
        seen: set[tuple[int, int, str, str]] = set()
        for h in hits:
            a = self.kb.aliases[h.alias]
            if h.kind == "hamza" and not h.prefix and (not doc.degraded or a.rule or
                                                         self.kb.entities[a.entity_id].type != "STATE"):
                continue  # a lost word-initial hamza-alef with no clitic: degraded text, state names only
            start, end = h.start, h.end
            while end < len(text) and text[end] in _WORD_CHARS:   # ة ى ء … dropped by the skeleton
                end += 1
            while start > 0 and text[start - 1] in "أإآ" and h.key and h.key[0] != "ا":
                start -= 1                                           # hamza-dropped key (وأسرانا)
            if h.kind == "lam":  # للجيش: show the whole "لل" (preposition + article) rather than half of it
                lam_start = self._lam_start(sk, h)
                start = lam_start if lam_start is not None else start
            if not doc.degraded and not _same_final_letter(a.text, text[h.start:end]):
                continue  # العدوى is not العدو, مغني is not مغنية: raw text still shows ة/ى
            key = (h.sk_start, h.sk_end, a.entity_id, a.rule)
            if key in seen:
                continue
            seen.add(key)
            c = Cand(h, self.kb.entities[a.entity_id], a.rule, start=start, end=end)
            c.tok_start, c.tok_end = self._tok_range(start, end)
            out.append(c)
        return out

    @staticmethod
    def _lam_start(sk, h: Hit) -> int | None:
        i = h.sk_start - 1  # the skeleton character before the key is the preposition ل
        if i >= h.sk_word_start and sk.text[i] == "ل":
            return sk.offsets[i]
        return None

    def _pal_context(self, doc: Doc, cands: list[Cand]) -> bool:
        if not any(c.rule == "pal" for c in cands):
            return False  # nothing depends on it
        # Palestinian setting: a Palestinian actor named outright, or Israel and a Palestinian place
        roots = {c.entity.root for c in cands if c.rule == ""}
        if roots & rules.PAL_CONTEXT_ROOTS:
            return True
        return "ISR" in roots and any(rules.strip_clitic(t.skel) in rules.PAL_CONTEXT_WORDS for t in doc.tokens)

    def _local_ok(self, doc: Doc, c: Cand, pal: bool) -> bool:
        """Rules that need only the neighbouring tokens and the document's setting."""
        toks = doc.tokens
        prev = rules.strip_clitic(toks[c.tok_start - 1].skel) if c.tok_start > 0 else ""
        nxt = rules.strip_clitic(toks[c.tok_end].skel) if c.tok_end < len(toks) else ""
        if c.entity.type == "PERSON" and c.tok_end - c.tok_start == 1 and c.tok_start > 0 and \
                not toks[c.tok_start - 1].is_punct and self._namesake(c.entity, rules.bare(toks[c.tok_start - 1].skel)):
            return False  # "عوض المالكي", "ميشيل أوباما": a namesake — another first name, not the KB's
        if c.rule == "pal":
            nxt_skel = toks[c.tok_end].skel if c.tok_end < len(toks) else ""
            if c.hit.key in ("المقاوم", "المقاومين", "لمقاوم") and nxt_skel.startswith("ال") \
                    and nxt.endswith("ي") and nxt not in rules.PAL_RESISTANCE_NEXT:
                return False  # المقاومة الشعبية / العراقية …: another resistance
            return pal
        if c.rule == "cap":
            return not c.hit.prefix.endswith(("ب", "ل")) and prev not in rules.LOCATIVE
        if c.entity.id == "MLI" and rules.strip_clitic(c.hit.key) == rules.MALI and prev in rules.MALI_NOT_AFTER:
            return False  # "صندوق مالي": financial, not Mali
        if c.entity.id == "AQ" and c.tok_end - c.tok_start == 1 and nxt in rules.BASE_NEXT:
            return False  # "القاعدة الجوية": an air base, not al-Qaeda
        if c.rule == "fatah":
            if c.hit.prefix.endswith(("ب", "ل", "ك")) or nxt in rules.FATAH_NOT_BEFORE:
                return False
            quoted = (c.start > 0 and doc.text[c.start - 1] in "\"'«“”(") or \
                     (c.end < len(doc.text) and doc.text[c.end] in "\"'»”“)")
            return quoted or prev in rules.FATAH_BEFORE or None  # None: decide by coordination later
        if c.rule == "coord" and c.entity.id == "AQSA_BRIGADES":
            return prev not in rules.AQSA_NOT_AFTER and None
        return True if c.rule not in ("coord", "ctx") else None

    def _namesake(self, e: Entity, first: str) -> bool:
        """``first`` is a given name that is not the person's own — nor a spelling of it: "حميد كرزاي"
        for the KB's "حامد كرزاي" (same first and last letter) is Karzai."""
        if not self._given_name(first):
            return False
        own = {skeleton_key(a.split()[0]) for a in e.aliases if len(a.split()) > 1}
        return not any(w[:1] == first[:1] and w[-1:] == first[-1:] for w in own)

    def _given_name(self, skel: str) -> bool:
        """A first name or name part from the NER name lists (``models/ner_names.tsv``), not a title."""
        if self._names is None:
            try:
                from hadath.ner.gazetteers import load_names
                from hadath.ner.tagger import MODELS, NAMES_FILE
                self._names = load_names(MODELS / NAMES_FILE)
            except Exception:  # no NER models: no namesake check
                self._names = {}
        tags = self._names.get(skel, ())
        return ("PF" in tags or "PL" in tags) and "PT" not in tags

    def _select(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        pal = self._pal_context(doc, cands)
        pending: set[int] = set()
        kept: list[Cand] = []
        for c in cands:
            ok = self._local_ok(doc, c, pal)
            if ok is False:
                continue
            if ok is None:
                pending.add(id(c))
            kept.append(c)
        # longest skeleton match wins; on ties a curated alias (lower index) and an unconditional one
        kept.sort(key=lambda c: (-(c.hit.sk_end - c.hit.sk_start), c.hit.sk_start, id(c) in pending,
                                 c.hit.alias))
        occupied = bytearray(max((c.hit.sk_end for c in kept), default=0) + 1)
        chosen: list[Cand] = []
        for c in kept:
            s, e = c.hit.sk_start, c.hit.sk_end
            if occupied.find(1, s, e) != -1:
                continue
            occupied[s:e] = b"\x01" * (e - s)
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        sure = [c for c in chosen if id(c) not in pending]
        roots = {c.entity.root for c in sure if c.rule != "adj"}
        final = []
        for c in chosen:
            if id(c) in pending:
                if c.rule == "ctx" and c.entity.root not in roots and not self._in_office(c.entity, doc):
                    continue
                if c.rule in ("coord", "fatah") and not self._coordinated(c, sure):
                    continue
            final.append(c)
        return final

    def _in_office(self, e: Entity, doc: Doc) -> bool:
        """A person's short name (بوش, نصر الله) also stands when the document falls in their term."""
        if e.type != "PERSON" or doc.date is None:
            return False
        return any((a.start is None or a.start <= doc.date) and (a.end is None or doc.date <= a.end)
                   for a in e.affiliations)

    def _coordinated(self, c: Cand, sure: list[Cand]) -> bool:
        """Listed with another organization: at most one token (a comma or و) between them."""
        for o in sure:
            if o is c or o.rule == "adj" or o.entity.type in ("STATE", "POPULATION"):
                continue
            if 0 <= c.tok_start - o.tok_end <= 1 or 0 <= o.tok_start - c.tok_end <= 1:
                return True
        return False

    def _mention(self, doc: Doc, c: Cand, entity: Entity, start: int, origin: str) -> Mention:
        root, sector = self.kb.resolve(entity, doc.date)
        ts, te = self._tok_range(start, c.end)
        return Mention(start, c.end, doc.text[start:c.end], entity.id, root, type=entity.coarse_type,
                       sector=sector, origin=origin, tok_start=ts, tok_end=te, name=entity.name_en)

    def _to_mentions(self, doc: Doc, chosen: list[Cand]) -> list[Mention]:
        out: list[Mention] = []
        by_tok_end = {}
        for c in chosen:
            if c.rule != "adj":
                m = self._mention(doc, c, c.entity, c.start, "kb")
                out.append(m)
                by_tok_end[m.tok_end] = m
                continue
            # a nationality adjective: after a group noun it names that organ (قوات إسرائيلية → ISR MIL);
            # right after a mention of the same state it just extends it (قوات الاحتلال الإسرائيلي)
            prev = by_tok_end.get(c.tok_start)
            if prev is not None and prev.root == c.entity.root:
                prev.end, prev.tok_end = c.end, c.tok_end
                prev.text = doc.text[prev.start:prev.end]
                continue
            # "الاحتلال الأمريكي للعراق": the occupier the adjective names ("the occupation" is Israel
            # only when nothing says otherwise); "أطباء أمريكيين": civilians with a nationality are
            # that state's people
            organ = {OCCUPATION: "MIL", GENERIC_CIVILIANS: "POP"}.get(prev.entity_id) if prev is not None else None
            if organ is not None and c.entity.type == "STATE":
                m = self._mention(doc, c, self.kb.entities.get(f"{c.entity.id}_{organ}") or c.entity, prev.start, "kb")
                out[out.index(prev)] = m
                del by_tok_end[prev.tok_end]
                by_tok_end[m.tok_end] = m
                continue
            organ = self._group_noun_organ(doc, c, by_tok_end)
            if organ is not None:
                entity, start = organ
                m = self._mention(doc, c, entity, start, "kb")
            elif self._family_name(doc, c):
                continue  # منذر المصري: a nisba after a first name is a family name
            else:
                m = self._mention(doc, c, c.entity, c.start, "adj")
                m.type = "GPE"
            out.append(m)
            by_tok_end[m.tok_end] = m
        return out

    @staticmethod
    def _family_name(doc: Doc, c: Cand) -> bool:
        """A definite adjective agrees with a definite noun; after an indefinite word it is a name."""
        if c.hit.prefix or c.tok_start == 0 or not doc.tokens[c.tok_start].skel.startswith("ال"):
            return False
        prev = doc.tokens[c.tok_start - 1]
        return not prev.is_punct and prev.skel != "" and not prev.skel.startswith(("ال", "وال", "بال", "لل", "فال"))

    def _group_noun_organ(self, doc: Doc, c: Cand, by_tok_end: dict) -> tuple[Entity, int] | None:
        override = None
        ti = c.tok_start - 1
        for _ in range(3):
            if ti < 0 or doc.tokens[ti].is_punct or any(m.tok_start <= ti < m.tok_end for m in by_tok_end.values()
                                                        if m.tok_end > c.tok_start - 4):
                return None
            core = rules.strip_clitic(doc.tokens[ti].skel)
            if core in self.group_nouns:
                suffix = override or self.group_nouns[core]
                state = c.entity
                organ_root = self.kb.entities.get(f"{state.id}_GOV")
                organ_root = organ_root.root if organ_root else state.root
                eid = f"{state.id}_POP" if suffix == "POP" else f"{organ_root}_{suffix}"
                entity = self.kb.entities.get(eid) or state
                tok = doc.tokens[ti]
                skip = len(tok.prefix) if tok.prefix and not tok.prefix.endswith("ال") else 0
                return entity, tok.start + min(skip, tok.end - tok.start - 1)
            if core in self.modifiers:
                override = override or self.modifiers[core] or None
                ti -= 1
                continue
            return None
        return None

    def _merge_titles(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """An office right before a person of the same affiliation becomes one mention
        (رئيس الوزراء الإسرائيلي أرييل شارون → the person, origin "title")."""
        out: list[Mention] = []
        for m in mentions:
            if out and m.type == "PER" and out[-1].type != "PER" and out[-1].root == m.root \
                    and self._gap_ok(doc.text, out[-1].end, m.start):
                office = out.pop()
                start, tok_start = self._office_head(doc, office)
                m = Mention(start, m.end, doc.text[start:m.end], m.entity_id, m.root,
                            type="PER", sector=m.sector, origin="title", tok_start=tok_start,
                            tok_end=m.tok_end, name=m.name)
            out.append(m)
        return out

    @staticmethod
    def _office_head(doc: Doc, office: Mention) -> tuple[int, int]:
        """Where a title starts: at the office noun when the state stands behind ب ("وزير الخارجية
        بجمهورية مصر العربية سامح شكري" — the minister, not "in the Republic of Egypt"), else at the
        office mention itself."""
        toks = doc.tokens
        ts = office.tok_start
        if ts is None or not (0 <= ts < len(toks)) or not toks[ts].prefix.startswith(("ب", "وب")):
            return office.start, office.tok_start
        for i in range(ts - 1, max(-1, ts - 4), -1):
            if toks[i].is_punct:
                break
            if toks[i].skel in _OFFICE_HEADS or rules.strip_clitic(toks[i].skel) in _OFFICE_HEADS:
                return toks[i].start + len(toks[i].prefix if toks[i].prefix in ("و", "ف") else ""), i
        return office.start, office.tok_start

    def _office_before(self, doc: Doc, by_end: dict, start: int) -> Mention | None:
        for end, m in by_end.items():
            if end <= start and self._gap_ok(doc.text, end, start):
                return m
        return None

    @staticmethod
    def _gap_ok(text: str, a: int, b: int) -> bool:
        gap = text[a:b]
        return 0 <= len(gap) <= 3 and all(ch in " ،,\u200f\u200e" for ch in gap)

    def _ner_mentions(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        if not self.use_ner:
            return []
        try:
            from hadath.ner import get_tagger
            tagger = get_tagger()
        except Exception:  # no NER module or model yet: the KB alone still works
            return []
        if tagger is None:
            return []
        if not doc.entities:
            try:
                tagger(doc)
            except Exception:
                return []
        out = []
        spans = sorted((m.start, m.end) for m in mentions)
        by_end = {m.end: m for m in mentions if m.origin == "kb" and m.type not in ("PER", "POP", "GPE")}
        for s in doc.entities:
            if s.label.upper() in ("LOC",):
                continue  # places are the geo layer's
            if any(a < s.end and s.start < b for a, b in spans):
                continue
            words = _skeleton_words(doc.text[s.start:s.end])
            if words & NOT_ACTORS and words <= NOT_ACTORS | GOD_PHRASE_HEADS:
                continue  # "الله", "بيت الله" (not "عبد الله صالح"): never a political actor
            ts, te = self._tok_range(s.start, s.end)
            office = self._office_before(doc, by_end, s.start)
            if office is not None and s.label.upper() in ("PERS", "PER"):
                # an official the KB does not know acts for the office before the name
                office.end, office.tok_end, office.origin, office.type = s.end, te, "title", "PER"
                office.text = doc.text[office.start:office.end]
                continue
            out.append(Mention(s.start, s.end, doc.text[s.start:s.end], None, None,
                               type=NER_TYPES.get(s.label.upper(), "ORG"), origin="ner",
                               tok_start=ts, tok_end=te))
        return out


def _skeleton_words(text: str) -> set[str]:
    from hadath.text.normalize import skeleton_key
    return {skeleton_key(w) for w in text.split()}
