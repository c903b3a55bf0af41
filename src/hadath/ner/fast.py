"""The NER tagger's scoring without crfsuite: the same two CRFs, the same tags, far fewer steps.

A token's stage-1 features are its word's own features, its neighbours' features as −1/+1/−2/+2
neighbour (``BOS``/``EOS`` at the ends), a bigram feature either side, "inq" and the multi-word-name
features (``Featurizer.sentence``).  A CRF's state score is a sum of weights over those features, so
for each distinct word the sums of its five feature lists are kept as score vectors (one column per
label of stage 1 and of stage 2), and a token's scores are five vector look-ups and adds plus the few
bigram / inq / kd weights; stage 2 adds its dynamic features (``features.consistency`` and the
stage-1 labels).  Viterbi runs in numpy over all sentences of the call at once (``linear_crf``).

The weights are read from the crfsuite model files themselves (``linear_crf.read_crfsuite``, exact
doubles), so no derived file can go stale.  Only the order in which weights are summed differs from
crfsuite's (floating point), which could matter for an exact tie alone; tests/ner checks the tags
against crfsuite's.
"""
from __future__ import annotations

import numpy as np

from hadath.ner.features import (_ENT_LABELS, _OPEN_Q, FAMILIES, STAGE2_WINDOW, Featurizer, _quoted,
                                 stem_key)
from hadath.ner.linear_crf import LinearCRF, viterbi

_ROLES = 5  # own, as −1 neighbour, as +1, as −2, as +2
_ZERO, _BOS, _EOS = 0, 1, 2  # reserved word slots: no features; "BOS" as −1 neighbour; "EOS" as +1
_FIRST = 3
_SHIFT = 31  # bigram key = left skeleton id << 31 | right skeleton id
# a best-path decision closer than this is left to crfsuite: the scores here and crfsuite's differ
# only in summation order (rounding, ~1e-13 on scores of ~1e2), far below it
TIE_MARGIN = 1e-6


class FastTagger:
    """Stage 1 (+ stage 2) tags of a text's sentences, as NerTagger's crfsuite path gives them.

    Keeps 720 bytes per distinct word (five roles × 18 labels' scores) for up to ``max_words`` words,
    then starts over."""

    def __init__(self, featurizer: Featurizer, crf1: LinearCRF, crf2: LinearCRF | None = None,
                 max_words: int = 250_000) -> None:
        self.featurizer = featurizer
        self.max_words = max_words
        attrs = dict(zip(crf1.attrs, range(len(crf1.attrs))))  # attribute → row (a CQDB's are unique)
        rows1 = np.arange(len(crf1.attrs), dtype=np.intp)
        if crf2 is not None:
            new = [a for a in crf2.attrs if a not in attrs]
            attrs.update(zip(new, range(len(attrs), len(attrs) + len(new))))
        rows2 = np.array(list(map(attrs.__getitem__, crf2.attrs)) if crf2 else [], dtype=np.intp)
        self.n1 = len(crf1.labels)
        self.n2 = len(crf2.labels) if crf2 else 0
        k = self.n1 + self.n2
        self.zero_row = len(attrs)  # a row of zeros: for features neither model knows
        w = np.zeros((len(attrs) + 1, k))
        w[rows1, :self.n1] = crf1.state
        if crf2 is not None:
            w[rows2, self.n1:] = crf2.state
        self.weights = w
        self.attrs = attrs
        self.labels1 = list(crf1.labels)
        self.labels2 = list(crf2.labels) if crf2 else []
        self.trans1 = crf1.trans
        self.trans2 = crf2.trans if crf2 else None
        self._bigram_index()
        z = self.zero_row
        # stage 2's "s1=L" / "-1s1=L" / "+1s1=L" rows by stage-1 label id
        self._s1 = [np.array([attrs.get(p + lab, z) for lab in self.labels1], dtype=np.intp)
                    for p in ("s1=", "-1s1=", "+1s1=")]
        if crf2 is not None and not set(self.labels1) <= {"O", *_ENT_LABELS}:
            raise ValueError("stage-1 labels outside features._ENT_LABELS")
        self._ent1 = np.array([_ENT_LABELS.index(lab) if lab != "O" else -1 for lab in self.labels1]
                              if crf2 is not None else [], dtype=np.intp)
        self._dyn = np.array([attrs.get(a, z) for a in DYN_VOCAB], dtype=np.intp)
        # "+1dM=X" / "-1dM=X" rows by majority code (consistency_codes: TYPES, then O)
        self._p1dm, self._m1dm = (np.array([attrs.get(p + t, z) for t in (*TYPES, "O")], dtype=np.intp)
                                  for p in ("+1dM=", "-1dM="))
        self._factor_index()
        self._reset()

    def _factor_index(self) -> None:
        """The weights each (family, value) pair of ``Featurizer.word_factors`` carries in each role:
        ``_factors[e]`` (roles, labels) for ``_tables[family][value] == e``.  A feature string is its
        family's role prefix + the value, and the prefix ends at the string's first "=" (or is the
        whole flag), so parsing the models' attributes recovers each pair exactly."""
        prefixes = {prefix: (family, role) for family, spec in FAMILIES.items() for role, prefix in spec}
        tables: dict[str, dict[str, int]] = {family: {} for family in FAMILIES}
        ent: list[int] = []
        role_of: list[int] = []
        rows: list[int] = []
        n = 0
        for a, row in self.attrs.items():
            head, eq, value = a.partition("=")  # a flag: head == a, value ""
            got = prefixes.get(head + eq)
            if got is None:
                continue
            family, role = got
            table = tables[family]
            e = table.get(value)
            if e is None:
                e = table[value] = n
                n += 1
            ent.append(e)
            role_of.append(role)
            rows.append(row)
        factors = np.zeros((n, _ROLES, self.weights.shape[1]))
        factors[ent, role_of] = self.weights[rows]
        self._tables = tables
        self._factors = factors.reshape(n, -1)

    def _bigram_index(self) -> None:
        """Sorted (left, right) skeleton-id keys of the bigram features the models know, with their
        rows.  "bg-" + a + "|" + b is split at every "|s=" (a skeleton could hold one): any split
        rebuilds the same string, so a pair matches exactly when its feature exists."""
        sid: dict[str, int] = {}
        keys: dict[str, list[tuple[int, int]]] = {"bg-": [], "bg+": []}
        for a, row in self.attrs.items():
            side = a[:3]
            if side not in keys or not a.startswith("s=", 3):
                continue
            rest = a[3:]
            p = rest.find("|s=")
            while p >= 0:
                left, right = rest[2:p], rest[p + 3:]  # the skeletons (after "s=")
                kl = sid.setdefault(left, len(sid))
                kr = sid.setdefault(right, len(sid))
                keys[side].append(((kl << _SHIFT) | kr, row))
                p = rest.find("|s=", p + 1)
        self._bg_sid = sid
        self._bg = {}
        for side, pairs in keys.items():
            pairs.sort()
            self._bg[side] = (np.array([p for p, _ in pairs], dtype=np.int64),
                              np.array([r for _, r in pairs], dtype=np.intp))

    # ---- the word table ----
    def _reset(self) -> None:
        k = self.weights.shape[1]
        self._ids: dict[str, int] = {}
        cap = 4096
        self._vec = np.zeros((cap, _ROLES, k))  # per word: the score vectors of its five roles
        self._sk = np.full(cap, -1, dtype=np.int64)  # skeleton id in bigram keys (−1: in none)
        self._phr = np.zeros(cap, dtype=bool)  # its stem starts a known multi-word name
        self._quote = np.zeros(cap, dtype=bool)  # an opening quote mark
        self._stems: list[str] = [""] * _FIRST
        self._keys: list[str] = [""] * _FIRST  # stage-2 matching key
        self._kid = np.full(cap, -1, dtype=np.int64)  # … as an id (−1: none)
        self._key_ids: dict[str, int] = {}
        z = self.zero_row
        for slot, role, feat in ((_BOS, 1, "BOS"), (_EOS, 2, "EOS")):
            self._vec[slot, role] = self.weights[self.attrs.get(feat, z)]
        self._n = _FIRST

    def _grow(self, need: int) -> None:
        cap = len(self._sk)
        if need <= cap:
            return
        while cap < need:
            cap *= 2
        n = self._n
        for name, fill in (("_vec", 0.0), ("_sk", -1), ("_phr", False), ("_quote", False), ("_kid", -1)):
            old = getattr(self, name)
            new = np.full((cap,) + old.shape[1:], fill, dtype=old.dtype)  # the fill _reset gives it
            new[:n] = old[:n]
            setattr(self, name, new)

    def _add_words(self, words: list[str]) -> None:
        f = self.featurizer
        base = self._n
        m = len(words)
        self._grow(base + m)
        word_factors = f.word_factors
        tables = self._tables
        ents: list[int] = []
        counts: list[int] = []
        skels: list[str] = []
        stems = self._stems
        for w in words:
            factors, skel, stem = word_factors(w)
            before = len(ents)
            for family, value in factors:
                e = tables[family].get(value)
                if e is not None:
                    ents.append(e)
            counts.append(len(ents) - before)
            skels.append(skel)
            stems.append(stem)
        new_stems = stems[base:]
        keys = list(map(stem_key, new_stems))
        self._keys += keys
        kids = self._key_ids
        self._kid[base:base + m] = [kids.setdefault(k, len(kids)) if k else -1 for k in keys]
        plen = f._phrase_len
        self._phr[base:base + m] = [s in plen for s in new_stems]
        self._quote[base:base + m] = [w in _OPEN_Q for w in words]
        sid = self._bg_sid.get
        self._sk[base:base + m] = [sid(s, -1) for s in skels]
        self._ids.update(zip(words, range(base, base + m)))
        # a word's role vectors: its known (family, value) pairs' weights summed in word_factors'
        # order (the own role: the order crfsuite sums the token's own features in)
        cnt = np.array(counts, dtype=np.intp)
        first = np.zeros(m, dtype=np.intp)
        np.cumsum(cnt[:-1], out=first[1:])
        full = cnt > 0
        vec = self._vec.reshape(len(self._vec), -1)[base:base + m]
        vec[~full] = 0.0
        if ents:
            vec[full] = np.add.reduceat(self._factors[np.array(ents, dtype=np.intp)], first[full], axis=0)
        self._n = base + m

    # ---- tagging ----
    def tag_sentences(self, sents: list[list[str]], lexicon=None, skip_quiet: bool = True,
                      trace: dict | None = None) -> list[list[str]] | None:
        """NerTagger.tag_sentences: stage 1, then stage 2 on the sentences it concerns (all of them
        without ``skip_quiet``).  None when some decision on a best path is a near tie (within
        TIE_MARGIN), where crfsuite's summation order might choose otherwise: ask crfsuite then.
        ``trace`` (tests): gets the state scores, "stage1" (tokens, labels) and "stage2" (the tokens of
        the sentences stage 2 tags, "chosen"), as crfsuite would sum them from the feature lists."""
        words = [w for s in sents for w in s]
        n = len(words)
        if n == 0:
            return [[] for _ in sents]
        if len(self._ids) > self.max_words:
            self._reset()
        ids = self._ids
        new = [w for w in dict.fromkeys(words) if w not in ids]
        if new:
            self._add_words(new)
        idl = [ids[w] for w in words]
        idx = np.array(idl, dtype=np.intp)
        lens = np.array([len(s) for s in sents], dtype=np.intp)
        lens_nz = lens[lens > 0]
        starts = np.zeros(len(lens_nz), dtype=np.intp)
        np.cumsum(lens_nz[:-1], out=starts[1:])
        pos = np.arange(n) - np.repeat(starts, lens_nz)  # index in the sentence
        rem = np.repeat(lens_nz, lens_nz) - pos - 1  # tokens after it in the sentence

        # stage-1 features: five role vectors per token ...
        k = self.weights.shape[1]
        vec = self._vec.reshape(-1, k)
        nb = np.empty(n, dtype=np.intp)
        nb[0] = _BOS
        nb[1:] = idx[:-1]
        nb[pos == 0] = _BOS
        scores = vec[idx * _ROLES] + vec[nb * _ROLES + 1]
        nb[:-1] = idx[1:]
        nb[rem == 0] = _EOS
        scores += vec[nb * _ROLES + 2]
        nb[2:] = idx[:-2]
        nb[pos < 2] = _ZERO
        scores += vec[nb * _ROLES + 3]
        nb[:-2] = idx[2:]
        nb[rem < 2] = _ZERO
        scores += vec[nb * _ROLES + 4]
        # ... + bigrams, inq, kd
        at: list[np.ndarray] = []
        rows: list[np.ndarray] = []
        if n > 1:
            sk = self._sk[idx]
            left, right = sk[:-1], sk[1:]
            ok = (left >= 0) & (right >= 0) & (rem[:-1] > 0)
            if ok.any():
                pair = np.flatnonzero(ok)
                key = (left[pair] << _SHIFT) | right[pair]
                for side, shift in (("bg-", 1), ("bg+", 0)):
                    known, krows = self._bg[side]
                    if not len(known):
                        continue
                    j = np.searchsorted(known, key)
                    np.minimum(j, len(known) - 1, out=j)
                    hit = known[j] == key
                    at.append(pair[hit] + shift)
                    rows.append(krows[j[hit]])
        f = self.featurizer
        extra_at: list[int] = []
        extra_rows: list[int] = []
        get = self.attrs.get
        if f.quotes and "inq" in self.attrs and self._quote[idx].any():
            inq = self.attrs["inq"]
            for si in np.unique(np.searchsorted(starts, np.flatnonzero(self._quote[idx]), "right") - 1):
                a, m = int(starts[si]), int(lens_nz[si])
                for j in _quoted(words[a:a + m]):
                    extra_at.append(a + j)
                    extra_rows.append(inq)
        if f._phrase_len:
            cand = np.flatnonzero(self._phr[idx])
            if len(cand):
                sent_of = np.searchsorted(starts, cand, "right") - 1
                stems = self._stems
                for si in np.unique(sent_of):
                    a, m = int(starts[si]), int(lens_nz[si])
                    firsts = (cand[sent_of == si] - a).tolist()
                    for j, feat in f.phrase_marks([stems[i] for i in idl[a:a + m]], firsts):
                        r = get(feat)
                        if r is not None:
                            extra_at.append(a + j)
                            extra_rows.append(r)
        if extra_at:
            at.append(np.array(extra_at, dtype=np.intp))
            rows.append(np.array(extra_rows, dtype=np.intp))
        if at:
            np.add.at(scores, np.concatenate(at), self.weights[np.concatenate(rows)])

        if trace is not None:
            trace["stage1"] = scores[:, :self.n1].copy()
        lab1, margin = viterbi(scores[:, :self.n1], lens_nz, self.trans1)
        if margin < TIE_MARGIN:
            return None
        l1 = self.labels1
        flat1 = [l1[i] for i in lab1.tolist()]
        bounds = np.zeros(len(lens) + 1, dtype=np.intp)
        np.cumsum(lens, out=bounds[1:])
        bl = bounds.tolist()
        tags1 = [flat1[bl[i]:bl[i + 1]] for i in range(len(sents))]
        if self.trans2 is None:
            return tags1
        return self._stage2(tags1, lens, idl, lab1, scores, pos, rem, lexicon, skip_quiet, trace)

    def _stage2(self, tags1, lens, idl, lab1, scores, pos, rem, lexicon, skip_quiet, trace):
        n_sents = len(lens)
        idx = np.asarray(idl, dtype=np.intp)
        sent_of = np.repeat(np.arange(n_sents), lens)
        kid = self._kid[idx]
        maj, sig, at_c, code = consistency_codes(kid, sent_of, self._ent1[lab1], n_sents)
        chosen = (sig if skip_quiet else np.ones(n_sents, dtype=bool)) & (lens > 0)
        if trace is not None:
            trace["chosen"] = chosen
        if not chosen.any():
            return tags1
        tok = chosen[sent_of]
        sel = np.flatnonzero(tok)
        loc = np.cumsum(tok) - 1  # token → its row among the chosen sentences' tokens
        w2 = self.weights[:, self.n1:]
        sc = scores[sel, self.n1:]
        # s1=L, -1s1=L, +1s1=L
        t1 = lab1[sel]
        s1, m1, p1 = self._s1
        sc += w2[s1[t1]]
        first = pos[sel] == 0
        r = m1[np.where(first, 0, lab1[sel - 1])]
        r[first] = self.zero_row
        sc += w2[r]
        last = rem[sel] == 0
        r = p1[lab1[np.where(last, sel, sel + 1)]]
        r[last] = self.zero_row
        sc += w2[r]
        # dB/dI/dM/dT/dH, then -1dM / +1dM from the neighbours' majority types
        at = []
        rows = []
        keep = tok[at_c]
        at.append(loc[at_c[keep]])
        rows.append(self._dyn[code[keep]])
        has = tok & (maj >= 0)
        p = np.flatnonzero(has & (pos > 0))
        at.append(loc[p - 1])
        rows.append(self._p1dm[maj[p]])
        p = np.flatnonzero(has & (rem > 0))
        at.append(loc[p + 1])
        rows.append(self._m1dm[maj[p]])
        if lexicon:  # training-label word features (optional ner_lexicon.tsv)
            get = self.attrs.get
            keys = self._keys
            lat: list[int] = []
            lrows: list[int] = []
            for p in np.flatnonzero(tok & (kid >= 0)).tolist():
                lex = lexicon[sent_of[p]] if isinstance(lexicon, list) else lexicon
                for a in lex.get(keys[idl[p]], ()) if lex else ():
                    r = get(a)
                    if r is not None:
                        lat.append(loc[p])
                        lrows.append(r)
            at.append(np.array(lat, dtype=np.intp))
            rows.append(np.array(lrows, dtype=np.intp))
        at_all = np.concatenate(at)
        if len(at_all):
            np.add.at(sc, at_all, w2[np.concatenate(rows)])
        if trace is not None:
            trace["stage2"] = sc.copy()
        lens2 = lens[chosen]
        lab2, margin = viterbi(sc, lens2, self.trans2)
        if margin < TIE_MARGIN:
            return None
        l2 = self.labels2
        flat2 = [l2[i] for i in lab2.tolist()]
        out = list(tags1)
        a = 0
        for si, m in zip(np.flatnonzero(chosen).tolist(), lens2.tolist()):
            out[si] = flat2[a:a + m]
            a += m
        return out


def consistency_codes(kid: np.ndarray, sent_of: np.ndarray, ent: np.ndarray, n_sents: int,
                      window: int | None = None):
    """``features.consistency`` (without the lexicon) vectorised over a call's tokens.

    kid: the word's key id per token (−1: no key); sent_of: its sentence (ascending, empty sentences
    count); ent: the stage-1 label's index in _ENT_LABELS (−1: O).  Returns (majority per token: −1
    none, a type index, or len(TYPES) for O; per sentence: does stage 1 disagree with a word's
    majority; token positions, DYN_VOCAB codes): the extras of each token in consistency's order."""
    w = STAGE2_WINDOW if window is None else window
    n = len(kid)
    maj = np.full(n, -1, dtype=np.intp)
    sig = np.zeros(n_sents, dtype=bool)
    hp = np.flatnonzero(kid >= 0)
    if not len(hp):
        return maj, sig, np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    k = kid[hp].astype(np.int64)
    s = sent_of[hp].astype(np.int64)
    e = ent[hp]
    big = np.int64(n_sents)
    first, last = np.maximum(s - w, 0), np.minimum(s + w, n_sents - 1)  # the window's sentences
    here = k * big + s  # occurrences, as (key, sentence) numbers
    lo = k * big + first
    hi = k * big + last
    occ = np.sort(here)
    total = np.searchsorted(occ, hi, "right") - np.searchsorted(occ, lo, "left") - 1
    is_ent = e >= 0
    eocc = np.sort(here[is_ent])
    other = np.searchsorted(eocc, hi, "right") - np.searchsorted(eocc, lo, "left") - is_ent
    named = other > 0  # some other occurrence nearby was tagged a name
    plain = ~named & (total > 0)  # … all of them O
    at = [hp[plain]]
    code = [np.full(int(plain.sum()), _DM_O, dtype=np.intp)]
    maj[hp[plain]] = len(TYPES)
    sig[s[plain & is_ent]] = True
    a = np.flatnonzero(named)
    if len(a):
        n_lab = len(_ENT_LABELS)
        ea = e[a]
        ka = k[a] * n_lab
        fa, la = first[a], last[a]
        lk = np.sort((k[is_ent] * n_lab + e[is_ent]) * big + s[is_ent])  # as (key, label, sentence)
        counts = np.empty((len(a), n_lab), dtype=np.int64)
        for j in range(n_lab):
            base = (ka + j) * big
            counts[:, j] = np.searchsorted(lk, base + la, "right") - np.searchsorted(lk, base + fa, "left")
        mine = ea >= 0
        counts[np.flatnonzero(mine), ea[mine]] -= 1  # the other occurrences only
        by_type = np.zeros((len(a), len(TYPES)), dtype=np.int64)
        for j in range(n_lab):
            by_type[:, _TYPE_OF[j]] += np.maximum(counts[:, j], 0)
        m = by_type.argmax(axis=1)  # the first type with the most (Counter.most_common(1))
        pa = hp[a]
        maj[pa] = m
        own = np.where(mine, _TYPE_OF[np.maximum(ea, 0)], -1)
        sig[s[a][own != m]] = True
        r, c = np.nonzero(counts > 0)
        at.append(pa[r])
        code.append(c)
        at.append(pa)
        code.append(_DM + m)
        r, c = np.nonzero(by_type > 0)
        at.append(pa[r])
        code.append(_DT + c)
        r = np.flatnonzero(2 * by_type[np.arange(len(a)), m] >= total[a])
        at.append(pa[r])
        code.append(_DH + m[r])
    at_all = np.concatenate(at)
    code_all = np.concatenate(code)
    order = np.lexsort((code_all, at_all))
    return maj, sig, at_all[order], code_all[order]


# the dynamic features consistency_codes emits, in the order consistency lists them for a token
TYPES = tuple(dict.fromkeys(lab[2:] for lab in _ENT_LABELS))
_TYPE_OF = np.array([TYPES.index(lab[2:]) for lab in _ENT_LABELS], dtype=np.intp)
# types come in blocks (B-X, I-X): the order types enter a token's Counter is then TYPES' order
assert all(_TYPE_OF[i] <= _TYPE_OF[i + 1] for i in range(len(_TYPE_OF) - 1)), "_ENT_LABELS by type"
DYN_VOCAB = ([f"d{lab[0]}={lab[2:]}" for lab in _ENT_LABELS] + [f"dM={t}" for t in TYPES] + ["dM=O"]
             + [f"dT={t}" for t in TYPES] + [f"dH={t}" for t in TYPES])
_DM = len(_ENT_LABELS)
_DM_O = _DM + len(TYPES)
_DT = _DM_O + 1
_DH = _DT + len(TYPES)
