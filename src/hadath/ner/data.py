"""Reading and preparing NER corpora: CoNLL/ANERcorp readers, the train/dev/test split, NewsFANE and
Wojood type mapping, and degraded (seed-000 style) copies of labelled sentences.

A sentence is a pair ``(tokens, tags)`` of equal-length lists; tags are BIO over PERS/ORG/LOC/MISC.
"""
from __future__ import annotations

import random
from pathlib import Path

from hadath.text import skeleton_key

Sentence = tuple[list[str], list[str]]
TYPES = ("PERS", "ORG", "LOC", "MISC")
SENT_END = frozenset({".", "!", "?", "؟", "...", "!!", "?!"})
TEST_START = "الصالحية ونايفة"  # first token line of the CAMeL test split inside ANERCorp.txt
_JUNK = "\ufeff\u200e\u200f\r"


def _clean(line: str) -> str:
    return line.strip().strip(_JUNK).replace("\u200e", "").replace("\u200f", "")


def read_conll(path: str | Path) -> list[Sentence]:
    """CoNLL "token tag" lines.  Blank lines separate sentences; a file with no blank lines at all
    (ANERcorp style) is split after sentence-final punctuation tokens.  A token may itself contain a
    space (ANERcorp has a few), so the tag is the last field."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return parse_conll(text.split("\n"))


def parse_conll(lines: list[str]) -> list[Sentence]:
    rows: list[tuple[str, str] | None] = []
    for raw in lines:
        line = _clean(raw)
        if not line:
            rows.append(None)
            continue
        parts = line.replace("\t", " ").rsplit(" ", 1)
        tok, tag = (parts[0].strip(), parts[1]) if len(parts) == 2 else (parts[0], "O")
        rows.append((tok or "_", tag if tag[:2] in ("B-", "I-") or tag == "O" else "O"))
    has_breaks = any(r is None for r in rows[:-1]) if rows else False
    sents: list[Sentence] = []
    cur: Sentence = ([], [])
    for r in rows:
        if r is None:
            if cur[0]:
                sents.append(cur)
            cur = ([], [])
            continue
        cur[0].append(r[0])
        cur[1].append(r[1])
        if not has_breaks and r[0] in SENT_END:
            sents.append(cur)
            cur = ([], [])
    if cur[0]:
        sents.append(cur)
    return [(t, fix_bio(g)) for t, g in sents]


def fix_bio(tags: list[str]) -> list[str]:
    """Make a tag sequence valid BIO: an I-X not preceded by B-X/I-X becomes B-X."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def anercorp_splits(data: Path, dev_fraction: float = 0.1) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """(train, dev, test): test = the CAMeL split (its own file), train+dev = ANERCorp.txt lines before
    the test split starts; dev = the last ``dev_fraction`` of those sentences (never the test split)."""
    lines = (data / "anercorp" / "ANERCorp.txt").read_text(encoding="utf-8-sig").split("\n")
    cut = next(i for i, l in enumerate(lines) if _clean(l).startswith(TEST_START))
    train = parse_conll(lines[:cut])
    test = read_conll(data / "anercorp" / "ANERCorp_CamelLab_test.txt")
    n_dev = int(len(train) * dev_fraction)
    return train[:-n_dev], train[-n_dev:], test


# NewsFANE fine types → ANERcorp coarse types (None: drop to O).  Chosen by how ANERcorp labels the
# same strings (see docs/ner.md); groups of people and vehicles/weapons are not names in ANERcorp.
NEWSFANE_MAP = {
    **dict.fromkeys(("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                     "Businessperson", "Lawyer", "Engineer", "Police"), "PERS"),
    **dict.fromkeys(("Non-Governmental", "Sports", "Media", "Government", "Commercial", "Educational",
                     "Religious_ORG", "Entertainment", "Medical-Science"), "ORG"),
    **dict.fromkeys(("Nation", "Population-Center", "State-or-Province", "GPE-Cluster",
                     "County-or-District", "Continent", "Water-Body", "Land-Region-Natural",
                     "Celestial", "Building-Grounds", "Airport", "Path", "Subarea-Facility"), "LOC"),
    **dict.fromkeys(("Book", "Movie", "Software", "Hardware", "Shooting"), "MISC"),
}


def map_tags(tags: list[str], mapping: dict[str, str | None]) -> list[str]:
    out = []
    for t in tags:
        coarse = mapping.get(t[2:]) if t != "O" else None
        out.append(t[:2] + coarse if coarse else "O")
    return fix_bio(out)


def drop_overlapping(sents: list[Sentence], *forbidden: list[Sentence]) -> list[Sentence]:
    """Sentences sharing no 40-character skeleton stretch with any forbidden sentence.  NewsFANE
    re-tokenizes the ANERcorp text (splits و, drops hamza), so matching is on joined skeletons."""
    bad: set[str] = set()
    for group in forbidden:
        for toks, _ in group:
            s = "".join(skeleton_key(t).replace(" ", "") for t in toks)
            bad.update(s[i:i + 40] for i in range(0, len(s) - 39))
    keep = []
    for toks, tags in sents:
        s = "".join(skeleton_key(t).replace(" ", "") for t in toks)
        if not any(s[i:i + 40] in bad for i in range(0, len(s) - 39, 5)):
            keep.append((toks, tags))
    return keep


def newsfane(data: Path) -> list[Sentence]:
    sents = read_conll(next((data / "newsfane").glob("*.txt")))
    return [(t, map_tags(g, NEWSFANE_MAP)) for t, g in sents]


WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def wojood(data: Path, files: tuple[str, ...] = ("train.txt", "val.txt", "test.txt")) -> list[Sentence]:
    """Nested Wojood: per token, the outermost layer whose type maps to a coarse type (an OCC span
    around an ORG keeps the ORG)."""
    sents: list[Sentence] = []
    for name in files:
        toks: list[str] = []
        tags: list[str] = []
        for raw in (data / "wojood-sample" / name).read_text(encoding="utf-8-sig").split("\n"):
            parts = _clean(raw).split()
            if not parts:
                if toks:
                    sents.append((toks, fix_bio(tags)))
                toks, tags = [], []
                continue
            tag = "O"
            for t in parts[1:]:
                if t != "O" and WOJOOD_MAP.get(t[2:]):
                    tag = t[:2] + WOJOOD_MAP[t[2:]]
                    break
            toks.append(parts[0])
            tags.append(tag)
        if toks:
            sents.append((toks, fix_bio(tags)))
    return sents


def degrade_sentence(tokens: list[str], tags: list[str]) -> Sentence:
    """Seed-000 form of a labelled sentence, token by token.  A token that degrades to nothing
    (punctuation, digits, Latin) is dropped; if it began an entity, the next kept token of that entity
    becomes B-.  A token that degrades to several words keeps its tag on the first and I- on the rest."""
    from hadath.ner.degrade import degrade
    out_t: list[str] = []
    out_g: list[str] = []
    for tok, tag in zip(tokens, tags):
        parts = degrade(tok).split()
        for j, p in enumerate(parts):
            out_t.append(p)
            out_g.append(tag if j == 0 or tag == "O" else "I-" + tag[2:])
    return out_t, fix_bio(out_g)


def shuffled(sents: list[Sentence], seed: int) -> list[Sentence]:
    s = list(sents)
    random.Random(seed).shuffle(s)
    return s
