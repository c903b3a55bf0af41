"""Clitic segmentation measured against UD Arabic (PUD and PADT v1.3 in ../shared/data/ud).

UD splits proclitic conjunctions/prepositions/future س and pronoun enclitics into their own tokens,
but keeps the article on its noun.  We rebuild each written word from its UD tokens (PUD: tokens
joined by SpaceAfter=No; PADT: proclitic tokens joined to the next token, genitive/accusative pronouns
to the previous one, diacritics removed, ل + ال written لل; words with a token PADT left
unanalyzed, XPOS U---------, are left out) and compare the set of split points, in
skeleton positions, with those implied by Token.prefix/suffix.  A word counts as correct when the sets
are equal.
"""
from __future__ import annotations

import collections
import re
from collections.abc import Iterator
from pathlib import Path

from hadath.text.normalize import skeleton
from hadath.text.tokenize import analyze

_DIAC = re.compile("[\u064b-\u065f\u0670\u0640]")
_LETTER = re.compile("[\u0621-\u064a]")
_PROCLITICS = frozenset("وفبلكس")


def _conllu_sentences(path: Path) -> Iterator[list[list[str]]]:
    sent: list[list[str]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    sent.append(cols)
    if sent:
        yield sent


def _join(pieces: list[str]) -> tuple[str, list[int]]:
    """Written word and internal split points (character positions) from UD token forms."""
    word = ""
    cuts = []
    for k, p in enumerate(pieces):
        if k:
            if word.endswith("ل") and len(word) <= 3 and p.startswith("ال"):
                p = p[1:]  # ل + الحظر → للحظر
            if word.endswith("ة"):
                word = word[:-1] + "ت"  # حكومة + ها → حكومتها
            elif word.endswith("ى") and len(pieces) > 1:
                word = word[:-1] + "ي"  # على + ه → عليه
            cuts.append(len(word))
        word += p
    return word, cuts


def padt_words(path: Path) -> Iterator[tuple[str, list[int]]]:
    """(written word, split points) for every word of a PADT v1.3 file."""
    for sent in _conllu_sentences(path):
        yield from padt_sentence_words(sent)


def padt_sentence_words(sent: list[list[str]]) -> Iterator[tuple[str, list[int]]]:
    """(written word, split points) for one PADT sentence (CoNLL-U rows)."""
    groups: list[list[str]] = []
    attach_next = False
    for cols in sent:
        form = _DIAC.sub("", cols[1])
        upos, xpos = cols[3], cols[4]
        enclitic = (upos == "PRON" and xpos.startswith("SP") and len(xpos) > 8
                    and xpos[8] in "24" and groups and not attach_next
                    and _LETTER.search(groups[-1][-1]))
        if xpos.startswith("U"):
            form = "\x00" + form  # an unanalyzed token: its word is left out of the measure
        if (attach_next and _LETTER.search(form)) or enclitic:
            groups[-1].append(form)
        else:
            groups.append([form])
        attach_next = (form in _PROCLITICS and upos not in ("X", "PUNCT", "NUM"))
    for g in groups:
        if not any(p.startswith("\x00") for p in g):
            if _LETTER.search(g[0]):
                yield _join(g)
            elif len(g) == 1:
                yield g[0], []  # punctuation and numbers: kept for rebuilding sentence text


def pud_words(path: Path) -> Iterator[tuple[str, list[int]]]:
    """(written word, split points) for every word of UD Arabic-PUD."""
    for sent in _conllu_sentences(path):
        groups: list[list[str]] = []
        glue = False
        for cols in sent:
            form = cols[1]
            wordlike = bool(_LETTER.search(form))
            if glue and wordlike and groups and _LETTER.search(groups[-1][-1]):
                groups[-1].append(form)
            else:
                groups.append([form])
            glue = "SpaceAfter=No" in cols[9]
        for g in groups:
            if _LETTER.search(g[0]):  # PUD forms are already the written pieces (ل + لسلطة)
                cuts, n = [], 0
                for p in g[:-1]:
                    n += len(p)
                    cuts.append(n)
                yield "".join(g), cuts


def gold_cuts(word: str, cuts: list[int]) -> frozenset[int]:
    """Split points in skeleton positions."""
    sk = skeleton(word)
    return frozenset(sum(1 for o in sk.offsets if o < c) for c in cuts)


def predicted_cuts(word: str, degraded: bool = False) -> frozenset[int]:
    _, skel, prefix, _, suffix, _, _ = analyze(word, degraded)
    if prefix.endswith("لل"):
        clitics = prefix[:-1]  # the second ل is the article's
    elif prefix.endswith("ال"):
        clitics = prefix[:-2]
    else:
        clitics = prefix
    cuts = set(range(1, len(clitics) + 1))
    if suffix:
        cuts.add(len(skel) - len(suffix))
    return frozenset(c for c in cuts if 0 < c < len(skel))


def evaluate(words: Iterator[tuple[str, list[int]]], degraded: bool = False) -> dict:
    total = correct = split_words = 0
    errors: collections.Counter = collections.Counter()
    for word, cuts in words:
        if not _LETTER.search(word):
            continue
        gold = gold_cuts(word, cuts)
        pred = predicted_cuts(word, degraded)
        total += 1
        split_words += bool(gold)
        if gold == pred:
            correct += 1
        else:
            errors[(word, tuple(sorted(gold)), tuple(sorted(pred)))] += 1
    return {"words": total, "with_clitics": split_words, "accuracy": correct / max(total, 1),
            "errors": errors}


# prepositions that take a pronoun directly (له, بها, منهم, عليه …): listed, not guessed
_HOSTS = ("ل", "ب", "ك", "من", "عن", "في", "عل", "علي", "الي", "لدي", "مع", "ان", "لكن", "انن")
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ي", "ني", "ك")


def _split_from_cuts(skel: str, cuts: frozenset[int]) -> tuple[str, str, str]:
    from hadath.text.clitics import FREQ
    cs = sorted(cuts)
    suffix = ""
    if cs and skel[cs[-1]:] in _PRONOUNS:
        suffix = skel[cs[-1]:]
        cs = cs[:-1]
    k = cs[-1] if cs else 0
    prefix, stem = skel[:k], skel[k:len(skel) - len(suffix)]
    if prefix.endswith("ل") and stem.startswith("ل") and FREQ.get("ا" + stem, 0) > FREQ.get(stem, 0):
        prefix, stem = prefix + "ل", stem[1:]  # ل + ال merged (للغاية)
    elif stem.startswith("ال") and len(stem) >= 4:
        prefix, stem = prefix + "ال", stem[2:]
    return prefix, stem, suffix


def build_exceptions(min_count: int = 2) -> None:
    """data/clitic_exceptions.tsv: closed-class host+pronoun words, then words whose majority split in
    UD PADT dev differs from the lexicon rule (seen ≥ min_count times)."""
    from hadath.shared import shared_dir
    from hadath.text import clitics
    from hadath.text.clitics import DATA
    from hadath.text.normalize import skeleton_key

    clitics.EXCEPTIONS.clear()
    clitics.split_clitics.cache_clear()
    rows: dict[str, tuple[str, str, str, str]] = {}
    for host in _HOSTS:
        for pron in _PRONOUNS:
            if host in ("ان", "انن", "لكن") and pron in ("ي", "ك", "ني"):
                continue
            rows[host + pron] = ("", host, pron, "closed class")
    votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for word, cuts in padt_words(shared_dir() / "data/ud/padt_v1.3_ar-ud-dev.conllu"):
        skel = skeleton_key(word)
        if any(c > 0 and word[c] in "أإآ" for c in cuts):
            continue  # the skeleton lost a stem-initial hamza-alef (بأن → بن): raw text decides that
        if skel and " " not in skel:
            votes[skel][gold_cuts(word, cuts)] += 1
    for skel, counter in sorted(votes.items()):
        cuts, n = counter.most_common(1)[0]
        if n < min_count or skel in rows:
            continue
        if predicted_cuts(skel) != cuts:
            rows[skel] = (*_split_from_cuts(skel, cuts), f"PADT dev {n}×")
    with open(DATA / "clitic_exceptions.tsv", "w", encoding="utf-8") as f:
        f.write("# skeleton word\tprefix\tstem\tsuffix\twhy   (overrides the lexicon rule in clitics.py;"
                " rebuilt by build_data.py clitics, edit freely)\n")
        for word, (prefix, stem, suffix, why) in rows.items():
            f.write(f"{word}\t{prefix}\t{stem}\t{suffix}\t{why}\n")

