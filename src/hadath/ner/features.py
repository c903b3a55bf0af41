"""CRF features — the ONE place both training and tagging derive them from.

Speed comes from caching: everything about a word that does not depend on its neighbours is computed
once per distinct word string (local features plus the short lists it contributes to its neighbours
at −2…+2), so tagging a sentence is a few list concatenations per token.

Every form feature has a skeleton twin (28 base letters, see hadath.text.normalize) so that a model
trained on raw and degraded copies of the data tags both.
"""
from __future__ import annotations

import re
from pathlib import Path

from hadath.text import skeleton_key
from hadath.text.normalize import normalize_text

try:  # the text layer's clitic split; a local fallback keeps features working if it moves
    from hadath.text.clitics import split_clitics as _split_clitics
except ImportError:  # pragma: no cover
    try:
        from hadath.text.tokenize import split_clitics as _split_clitics
    except ImportError:
        _split_clitics = None

_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل")
FEATURE_SET = "v4"  # bump when features change: a model must be trained with the same set
_DIGIT = re.compile(r"\d")


def clitic_split(skel: str) -> tuple[str, str, str]:
    """(prefix, stem, suffix) of a skeleton word."""
    if _split_clitics is not None:
        pre, stem, suf = _split_clitics(skel)[:3]
        return pre, stem, suf
    for p in _PREFIXES:
        if skel.startswith(p) and len(skel) - len(p) >= 3:
            return p, skel[len(p):], ""
    return "", skel, ""


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                word, *ids = line.rstrip("\n").split("\t")
                table[word] = tuple(ids)
    return table


def load_gazetteer(path: Path) -> dict[str, str]:
    """skeleton word → gazetteer tag ("LOC" single-word name, "LOCp" part of a longer name)."""
    gaz: dict[str, str] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                word, tag = line.rstrip("\n").split("\t")
                gaz[word] = tag
    return gaz


def _shape(word: str) -> str:
    if any("\u0621" <= c <= "\u064a" for c in word):
        return "ar"
    if any(c.isdigit() for c in word):
        return "num"
    if any(c.isalpha() for c in word):
        return "lat"
    return "punct"


_OPEN_Q = {"«": "»", "\"": "\"", "“": "”", "'": "'"}
QUOTE_SPAN = 8  # longest quoted name ("inq" feature), in tokens


def _quoted(words: list[str]) -> set[int]:
    """Indexes of the tokens inside a short quoted stretch (« … », " … "): titles, products, brands."""
    inside: set[int] = set()
    i, n = 0, len(words)
    while i < n:
        close = _OPEN_Q.get(words[i])
        if close is not None:
            j = next((k for k in range(i + 1, min(n, i + QUOTE_SPAN + 2)) if words[k] == close), None)
            if j is not None and j > i + 1:
                inside.update(range(i + 1, j))
                i = j
        i += 1
    return inside


# A word's features come in families: one value of the word (its skeleton, stem, a cluster id …)
# written under one prefix per role it plays: 0 the token's own, 1 as the −1 neighbour, 2 as +1, 3 as
# −2, 4 as +2.  Featurizer.word_factors lists a word's (family, value) pairs in the order that, expanded
# role by role, gives word_lists' feature lists; "b", "al" and "raw" are flags (value "").
CLUSTER_LEVELS = 16  # at most this many cluster ids per word (ner_clusters.tsv has 4)
_CLUSTER_FAMILIES = tuple(f"c{i}" for i in range(CLUSTER_LEVELS))
_STEM_CLUSTER_FAMILIES = tuple(f"cs{i}" for i in range(CLUSTER_LEVELS))
FAMILIES: dict[str, tuple[tuple[int, str], ...]] = {
    "b": ((0, "b"),), "w": ((0, "w="),),
    "s": ((0, "s="), (1, "-1s="), (2, "+1s="), (3, "-2s="), (4, "+2s=")),
    "st": ((0, "st="), (1, "-1st="), (2, "+1st=")),
    "pc": ((0, "pc="),), "sf": ((0, "sf="),),
    "sh": ((0, "sh="), (1, "-1sh="), (2, "+1sh=")),
    "npc": ((1, "-1pc="), (2, "+1pc=")),
    "s2": ((0, "s2="),), "s3": ((0, "s3="),), "p2": ((0, "p2="),), "p3": ((0, "p3="),),
    "ln": ((0, "ln="),),
    "clow": ((3, "-2c="), (4, "+2c=")),  # the coarsest cluster id ("-" without one)
    "al": ((0, "al"),), "raw": ((0, "raw"),),
    **{f: ((0, f + "="), (1, "-1" + f + "="), (2, "+1" + f + "=")) for f in _CLUSTER_FAMILIES},
    **{f: ((0, f + "="),) for f in _STEM_CLUSTER_FAMILIES},
    "gz": ((0, "gz="), (1, "-1gz="), (2, "+1gz=")),
    "nm": ((0, "nm="), (1, "-1nm="), (2, "+1nm="), (3, "-2nm="), (4, "+2nm=")),
}


class Featurizer:
    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: dict[str, str] | None = None, names: dict[str, tuple[str, ...]] | None = None,
                 *, use_clusters: bool = True, use_gazetteer: bool = True, use_names: bool = True,
                 use_quotes: bool = True, known: "set[str] | frozenset[str] | None" = None,
                 phrases: dict[tuple[str, ...], str] | None = None, use_phrases: bool = True) -> None:
        self.clusters = (clusters or {}) if use_clusters else {}
        self.gazetteer = (gazetteer or {}) if use_gazetteer else {}
        self.names = (names or {}) if use_names else {}  # hadath.ner.gazetteers: PF/PL/OH/PT
        self.quotes = use_quotes
        # multi-word names (hadath.ner.gazetteers.build_phrases): stems → PERS/LOC, and per first stem
        # the longest phrase starting with it, so most words cost one dict lookup
        self.phrases = (phrases or {}) if use_phrases else {}
        self._phrase_len: dict[str, int] = {}
        for key in self.phrases:
            self._phrase_len[key[0]] = max(self._phrase_len.get(key[0], 0), len(key))
        # known: the attributes the loaded models were trained with (tagger.KNOWN_FILE). crfsuite skips
        # an attribute it never saw, so dropping those here changes no tag but spares it ~25% of the
        # lookups. Each word's lists are filtered once, when they are cached, and kept as UTF-8 bytes:
        # python-crfsuite takes bytes as they are, and encoding every feature string on every call
        # was a third of its time. (Training passes no ``known``: features stay str there. The numpy
        # tagger, hadath.ner.fast, scores words by word_factors and uses neither this nor the cache.)
        self.known = known
        self._cache: dict[str, tuple] = {}
        self._keys: dict[str, str] = {}  # word → stage-2 matching key (see _key)

    def word_factors(self, word: str) -> tuple[list[tuple[str, str]], str, str]:
        """A word's features as (family, value) pairs (see FAMILIES), its skeleton and its
        clitic-stripped stem.  Expanded by ``word_lists``; the fast tagger (hadath.ner.fast) looks the
        pairs up directly, one look-up per family instead of one per feature."""
        norm = normalize_text(word)
        skel = skeleton_key(word).replace(" ", "_")
        pre, stem, suf = clitic_split(skel) if skel and "_" not in skel else ("", skel or norm, "")
        skel = skel or _DIGIT.sub("0", norm)  # punctuation and digits: their own form stands in for the skeleton
        cl = self.clusters.get(skel) or self.clusters.get(stem) or ()
        gz = self.gazetteer.get(skel) or self.gazetteer.get(stem) or ""
        nm = self.names.get(skel) or self.names.get(stem) or ()
        out = [("b", ""), ("w", norm), ("s", skel), ("st", stem), ("pc", pre), ("sf", suf),
               ("sh", _shape(word)), ("npc", pre), ("s2", skel[-2:]), ("s3", skel[-3:]), ("p2", stem[:2]),
               ("p3", stem[:3]), ("ln", str(min(len(skel), 8))), ("clow", cl[0] if cl else "-")]
        if skel.startswith("ال"):
            out.append(("al", ""))
        if norm != skel:
            out.append(("raw", ""))  # the word carries hamza/ة/ى/digits: the text is not degraded
        if len(cl) > len(_CLUSTER_FAMILIES):
            raise ValueError("more cluster levels than features.CLUSTER_LEVELS")
        out += zip(_CLUSTER_FAMILIES, cl)
        if stem != skel:  # the clitic-stripped form's cluster: وبالرياض behaves like رياض
            out += zip(_STEM_CLUSTER_FAMILIES, self.clusters.get(stem, ()))
        if gz:
            out.append(("gz", gz))
        out += (("nm", t) for t in nm)
        return out, skel, stem

    def word_lists(self, word: str) -> tuple:
        """(own features, as −1 / +1 / −2 / +2 neighbour, "s=<skeleton>", clitic-stripped stem) of a
        word, all features as str and unfiltered (not cached: see ``word``)."""
        factors, skel, stem = self.word_factors(word)
        lists: tuple[list[str], ...] = ([], [], [], [], [])
        for family, value in factors:
            for role, prefix in FAMILIES[family]:
                lists[role].append(prefix + value)
        return (*lists, "s=" + skel, stem)  # "s=…": the form bigram features use

    def _word(self, word: str) -> tuple:
        lists = self.word_lists(word)
        if self.known is None:
            return lists
        known = self.known
        return (*([f.encode() for f in part if f in known] for part in lists[:5]), *lists[5:])

    def word(self, word: str) -> tuple:
        """(own features, as −1 / +1 / −2 / +2 neighbour, "s=<skeleton>", clitic-stripped stem)."""
        got = self._cache.get(word)
        if got is None:
            got = self._word(word)
            if len(self._cache) < 500_000:
                self._cache[word] = got
        return got

    def sentence(self, words: list[str]) -> list[list[str]]:
        parts = [self.word(w) for w in words]
        n = len(parts)
        feats = []
        quoted = _quoted(words) if self.quotes else ()
        skels = [p[5] for p in parts]
        known = self.known
        for i, part in enumerate(parts):
            f = part[0] + (parts[i - 1][1] if i > 0 else ["BOS"])
            f += parts[i + 1][2] if i + 1 < n else ["EOS"]
            if i > 0:
                bg = "bg-" + skels[i - 1] + "|" + skels[i]
                if known is None:
                    f.append(bg)
                elif bg in known:
                    f.append(bg.encode())
            if i + 1 < n:
                bg = "bg+" + skels[i] + "|" + skels[i + 1]
                if known is None:
                    f.append(bg)
                elif bg in known:
                    f.append(bg.encode())
            if i > 1:
                f += parts[i - 2][3]
            if i + 2 < n:
                f += parts[i + 2][4]
            if i in quoted:
                f.append("inq")
            feats.append(f)
        if self._phrase_len:
            self._phrase_features(parts, feats)
        return feats

    def _phrase_features(self, parts: list[tuple], feats: list[list]) -> None:
        known = self.known
        for k, feat in self.phrase_marks([p[6] for p in parts]):
            if known is None:
                feats[k].append(feat)
            elif feat in known:
                feats[k].append(feat.encode())

    def phrase_marks(self, stems: list[str], starts=None):
        """(token index, feature) pairs, in order: kd=B-T / kd=I-T on the words of a known multi-word
        name (longest match, left to right), and kd+1= / kd-1= on the word before / after each of
        them.  ``starts``: the (ascending) indexes whose stem begins some phrase, when known (the
        others cannot start a match)."""
        n = len(stems)
        plen = self._phrase_len
        free = 0  # a match starts at or after the end of the previous one
        for i in range(n) if starts is None else starts:
            if i < free:
                continue
            longest = plen.get(stems[i], 0)
            for size in range(min(longest, n - i), 1, -1):
                label = self.phrases.get(tuple(stems[i:i + size]))
                if label is None:
                    continue
                for j in range(i, i + size):
                    tag = ("B-" if j == i else "I-") + label
                    for k, name in ((j, "kd="), (j - 1, "kd+1="), (j + 1, "kd-1=")):
                        if 0 <= k < n:
                            yield k, name + tag
                free = i + size
                break


# ---- stage 2: label consistency across neighbouring sentences (Krishnan & Manning 2006 style) ----
STAGE2_WINDOW = 10  # sentences either side whose stage-1 labels a word's stage-2 features look at
STAGE2_LOCAL = False  # stage 2 on the word's own features only (no ±1/±2 context, bigrams): faster
_ENT_LABELS = ("B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def stem_key(stem: str) -> str:
    """A word's stage-2 matching key from its clitic-stripped stem (see ``_key``)."""
    return stem if len(stem) > 1 and stem[0].isalpha() else ""


def _key(featurizer: Featurizer, word: str) -> str:
    """The form occurrences are matched on: the clitic-stripped skeleton stem (بالأهلي, الأهلي, للأهلي
    and degraded الاهلي all → اهلي); "" for punctuation, digits and one-letter words."""
    key = featurizer._keys.get(word)
    if key is None:
        key = stem_key(featurizer.word(word)[6])
        if len(featurizer._keys) < 500_000:
            featurizer._keys[word] = key
    return key


def stage2_features(featurizer: Featurizer, sents: list[list[str]], tags1: list[list[str]],
                    window: int | None = None,
                    base: list[list[list[str]]] | None = None,
                    signal: list[bool] | None = None,
                    lexicon: "dict[str, tuple[str, ...]] | list[dict[str, tuple[str, ...]]] | None" = None,
                    skip_quiet: bool = False) -> list:
    """Per sentence, per token: the stage-1 features plus what stage 1 said about the same word in the
    sentences ``window`` either side (``sents`` in reading order: one document or a stream of them).

    dT=X   some other occurrence of the word was tagged type X (B- or I-)
    dB=X / dI=X  … as the first / a later word of an X entity
    dM=X   the majority type among other occurrences tagged as entities; dM=O when all were O
    dH=X   most (≥ half) of the other occurrences were X
    s1=L   stage 1's own label here; ±1 of both the label and dM at the neighbours

    ``base``: the sentences' stage-1 features when already computed (they are extended in place).
    ``signal``: when given, gets one bool per sentence: does stage 1's tag of some word of it disagree
    with the majority of its other occurrences nearby (where stage 2 is most likely to change a tag)?
    With ``skip_quiet`` (and ``signal``) a sentence without that signal gets None instead of features.
    ``lexicon``: word key → features from labelled training text (``gold_lexicon``), one table for all
    sentences or one per sentence (training: built from the other folds only).
    """
    keys = [[_key(featurizer, w) for w in s] for s in sents]
    out = []
    for i, (toks_extra, majs, sig) in enumerate(consistency(keys, tags1, window, lexicon)):
        if signal is not None:
            signal.append(sig)
            if skip_quiet and not sig:
                out.append(None)  # the caller keeps stage 1's tags for this sentence
                continue
        if STAGE2_LOCAL:
            x1 = [list(featurizer.word(w)[0]) for w in sents[i]]
            if len(x1) > 1:
                x1[0].append("BOS")
                x1[-1].append("EOS")
        else:
            x1 = base[i] if base is not None else featurizer.sentence(sents[i])
        feats = []
        m = len(x1)
        for j in range(m):
            f = x1[j]
            f += toks_extra[j]
            f.append("s1=" + tags1[i][j])
            if j > 0:
                f.append("-1s1=" + tags1[i][j - 1])
                if majs[j - 1]:
                    f.append("-1dM=" + majs[j - 1])
            if j + 1 < m:
                f.append("+1s1=" + tags1[i][j + 1])
                if majs[j + 1]:
                    f.append("+1dM=" + majs[j + 1])
            if STAGE2_LOCAL:
                if j > 1:
                    f.append("-2s1=" + tags1[i][j - 2])
                if j + 2 < m:
                    f.append("+2s1=" + tags1[i][j + 2])
            feats.append(f)
        out.append(feats)
    return out


def consistency(keys: list[list[str]], tags1: list[list[str]], window: int | None = None,
                lexicon: "dict[str, tuple[str, ...]] | list[dict[str, tuple[str, ...]]] | None" = None):
    """Per sentence (reading order), stage 2's view of how stage 1 tagged each word elsewhere:
    (per token the dB/dI/dT/dM/dH and lexicon features, per token the majority type of the word's
    other occurrences nearby ("" if none, "O" if all were O), does stage 1 disagree with some word's
    majority in this sentence?).  ``keys``: the words' matching keys (``_key``)."""
    from collections import Counter
    window = STAGE2_WINDOW if window is None else window
    per_sent = [Counter(k) for k in keys]  # occurrences of each word
    per_sent_ent = [Counter((k, t) for k, t in zip(ks, ts) if t != "O") for ks, ts in zip(keys, tags1)]
    n = len(keys)
    win: Counter = Counter()
    win_ent: Counter = Counter()  # (word, entity label) in the window
    win_ent_word: Counter = Counter()  # word → occurrences tagged as entities in the window
    lo, hi = 0, 0  # window = sentences [lo, hi)
    for i in range(n):
        while hi < n and hi <= i + window:
            win.update(per_sent[hi])
            win_ent.update(per_sent_ent[hi])
            win_ent_word.update(k for k, _ in per_sent_ent[hi].elements())
            hi += 1
        while lo < i - window:
            win.subtract(per_sent[lo])
            win_ent.subtract(per_sent_ent[lo])
            win_ent_word.subtract(k for k, _ in per_sent_ent[lo].elements())
            lo += 1
        toks_extra: list[list[str]] = []
        majs: list[str] = []
        sig = False
        lex = lexicon[i] if isinstance(lexicon, list) else lexicon
        for k, t in zip(keys[i], tags1[i]):
            extra: list[str] = []
            maj = ""
            if k:
                if lex:
                    extra.extend(lex.get(k, ()))
                total = win[k] - 1  # other occurrences in reach (the word itself is in the window)
                if win_ent_word.get(k, 0) - (t != "O") > 0:  # some other occurrence was tagged a name
                    by_type: Counter = Counter()
                    for lab in _ENT_LABELS:
                        c = win_ent.get((k, lab), 0) - (lab == t)
                        if c > 0:
                            by_type[lab[2:]] += c
                            extra.append("d" + lab[0] + "=" + lab[2:])
                    (maj, c), = by_type.most_common(1)
                    extra.append("dM=" + maj)
                    extra.extend("dT=" + x for x in by_type)
                    if 2 * c >= total:
                        extra.append("dH=" + maj)
                    sig = sig or t[2:] != maj  # stage 1 disagrees with the word's majority nearby
                elif total > 0:
                    maj = "O"
                    extra.append("dM=O")
                    sig = sig or t != "O"
            majs.append(maj)
            toks_extra.append(extra)
        yield toks_extra, majs, sig


def gold_lexicon(featurizer: Featurizer, sents: list[tuple[list[str], list[str]]],
                 min_count: int = 1) -> dict[str, tuple[str, ...]]:
    """Word key → stage-2 features from labelled sentences: gM=X the word's majority entity type,
    gH=X most (≥ half) of its occurrences are X, gA=X all are; words never labelled a name are left out."""
    from collections import Counter
    counts: dict[str, Counter] = {}
    for toks, tags in sents:
        for w, t in zip(toks, tags):
            k = _key(featurizer, w)
            if k:
                counts.setdefault(k, Counter())[t[2:] or "O"] += 1
    lex: dict[str, tuple[str, ...]] = {}
    for k, c in counts.items():
        total = sum(c.values())
        ents = [(n, x) for x, n in c.items() if x != "O"]
        if not ents or total < min_count:
            continue
        n, x = max(ents)
        feats = ["gM=" + x]
        if 2 * n >= total:
            feats.append("gH=" + x)
        if n == total:
            feats.append("gA=" + x)
        lex[k] = tuple(feats)
    return lex


def load_word_table(path: Path) -> dict[str, tuple[str, ...]]:
    """A "word<TAB>a,b,c" file (name lists, stage-2 lexicon) → {word: (a, b, c)}; {} when absent."""
    table: dict[str, tuple[str, ...]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                word, values = line.rstrip("\n").split("\t")
                table[word] = tuple(values.split(","))
    return table


load_lexicon = load_word_table  # stage-2 features per word


def save_lexicon(lex: dict[str, tuple[str, ...]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for k in sorted(lex):
            f.write(f"{k}\t{','.join(lex[k])}\n")
