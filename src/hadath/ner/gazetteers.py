"""Name lists for the NER features (``models/ner_names.tsv``), built from sources that are not ANERcorp.

- **first names** (``PF``): words that follow an honorific or title (السيد، الشيخ، الدكتور، الأمير …,
  optionally with one nationality adjective between: "الرئيس الأمريكي باراك") at least 3 times in
  SaudiNewsNet, and in at least 10% of their occurrences; plus the first word of the multi-word person
  aliases of the actor KB (``hadath/actors/data/people.tsv``) and of Universal-PETRARCH's Arabic actor
  dictionary entries that start with such a first name.
- **name continuations / family names** (``PL``): the word after such a title + first name in
  SaudiNewsNet (same thresholds), and the last word of those KB / PETRARCH person names.
- **organisation head words** (``OH``) and **person titles / speech verbs** (``PT``): short hand lists
  below (general Arabic news vocabulary).

Everything is keyed by ``skeleton_key`` (so raw and degraded text share entries).  Rebuild with
``python -m hadath.ner.gazetteers [SHARED_DATA_DIR] [OUT.tsv]``; the result is deterministic.
ANERcorp is never read here, so the features are equally (im)perfect on train, dev and test.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from hadath.text import skeleton_key

TITLES = ("السيد", "السيدة", "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "د", "الأمير", "الأميرة",
          "المهندس", "الأستاذ", "اللواء", "العميد", "العقيد", "الفريق", "المستشار", "الملك", "الرئيس",
          "الإمام", "الحاج", "النائب", "الكابتن", "المدرب", "اللاعب", "الفنان", "الفنانة",
          "المطرب", "المخرج", "الشاعر", "القاضي", "السفير", "المشير", "الجنرال", "البابا", "المطران",
          "الفقيد", "المرحوم")
AMBIGUOUS_TITLES = ("الفريق", "رئيس", "الوزير", "الأب", "الراحل")  # also: team, head of, …
SPEECH = ("قال", "وقال", "قالت", "وقالت", "أكد", "وأكد", "أضاف", "وأضاف", "أوضح", "وأوضح", "أعلن",
          "وأعلن", "صرح", "وصرح", "يقول", "ويقول", "ذكر", "وذكر", "أشار", "وأشار", "طالب", "وطالب")
ORG_HEADS = ("وزارة", "حزب", "شركة", "جامعة", "منظمة", "مجلس", "هيئة", "جمعية", "اتحاد", "حركة",
             "مؤسسة", "بنك", "مصرف", "صندوق", "وكالة", "لجنة", "جبهة", "مركز", "معهد", "نادي", "فريق",
             "منتدى", "رابطة", "نقابة", "محكمة", "برلمان", "الأمم", "مجموعة", "تنظيم", "كتائب", "سرايا",
             "جيش", "صحيفة", "مجلة", "قناة", "إذاعة", "تلفزيون", "أكاديمية", "كلية", "مستشفى", "مكتب",
             "ائتلاف", "تحالف", "مصنع", "بورصة", "سوق", "دار", "مطبعة", "مختبر", "أمانة", "غرفة",
             "الحزب", "الشركة", "الجامعة", "المنظمة", "المجلس", "الهيئة", "الجمعية", "الاتحاد",
             "الحركة", "المؤسسة", "البنك", "الوكالة", "اللجنة", "الجبهة", "المركز", "المعهد", "النادي",
             "الفريق", "المنتدى", "الرابطة", "النقابة", "المحكمة", "البرلمان", "الكونغرس", "الجيش")
_STOP = frozenset(skeleton_key(w) for w in (
    "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "ان", "الذي", "التي", "هو", "هي", "كان", "قد",
    "لا", "ما", "أو", "ثم", "بن", "بنت", "أبو", "عبد", "هذا", "هذه", "كل", "بعد", "قبل", "عند",
    "خلال", "حول", "بين", "منذ", "حيث", "كما", "وقد", "وفي", "وهو", "الذين", "لم", "لن", "وزير",
    "رئيس", "نائب", "مدير", "أمير", "ولي", "العهد", "خادم", "الحرمين", "الشريفين", "حفظه", "الله"))
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")


def _skel(word: str, cache: dict[str, str]) -> str:
    s = cache.get(word)
    if s is None:
        s = cache[word] = skeleton_key(word).replace(" ", "")
    return s


def _nat_adj(s: str) -> bool:
    return s.startswith("ال") and s.endswith("ي") and len(s) >= 5


def from_news(path: Path, min_count: int = 3, min_ratio: float = 0.1) -> tuple[set[str], set[str]]:
    """(first names, following names) bootstrapped from title contexts in a JSONL(.gz) news corpus."""
    titles = {skeleton_key(t) for t in TITLES if t not in AMBIGUOUS_TITLES}
    cache: dict[str, str] = {}
    freq: Counter[str] = Counter()
    after_title: Counter[str] = Counter()
    second: list[tuple[str, str]] = []
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            for para in (art.get("title") or "", art.get("content") or ""):
                words = [_skel(w, cache) for w in _WORD.findall(para)]
                freq.update(words)
                n = len(words)
                for i, w in enumerate(words):
                    if w not in titles:
                        continue
                    j = i + 1
                    if j < n and _nat_adj(words[j]):
                        j += 1
                    if j < n and not words[j].startswith("ال") and words[j] not in _STOP \
                            and len(words[j]) > 1 and words[j] not in titles:
                        after_title[words[j]] += 1
                        if j + 1 < n:
                            second.append((words[j], words[j + 1]))
    first = {w for w, c in after_title.items() if c >= min_count and c >= min_ratio * freq[w]}
    after_first: Counter[str] = Counter(b for a, b in second if a in first)
    follow = {w for w, c in after_first.items()
              if c >= min_count and c >= min_ratio * freq[w] and w not in _STOP and len(w) > 1}
    return first, follow


def _person_names(names: list[list[str]], first: set[str]) -> tuple[set[str], set[str]]:
    f, last = set(), set()
    for ws in names:
        if 2 <= len(ws) <= 5 and ws[0] in first:
            f.add(ws[0])
            if ws[-1] not in _STOP and len(ws[-1]) > 1:
                last.add(ws[-1])
    return f, last


def kb_people(actors_data: Path) -> list[list[str]]:
    out = []
    for line in (actors_data / "people.tsv").read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#") or line.startswith("id\t"):
            continue
        cols = line.split("\t")
        for alias in cols[-1].split("|"):
            out.append(skeleton_key(alias.split("#")[0]).split())
    return out


def petrarch_names(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        if not line or line[0] in " \t#[{&+<" or "[" in line.split("  ")[0]:
            continue
        name = line.split("  ")[0].split("[")[0].strip().strip("_")
        if name:
            out.append(skeleton_key(name.replace("_", " ")).split())
    return out


def build(shared_data: Path, out: Path) -> dict[str, int]:
    from hadath.actors import __file__ as actors_init
    news_first, news_follow = from_news(shared_data / "news" / "saudinewsnet-2015.jsonl.gz")
    people = kb_people(Path(actors_init).parent / "data")
    pet = shared_data / "universal-petrarch-arabic" / "actor_dict_ar_v4.txt"
    if pet.exists():
        people += petrarch_names(pet)
    kb_first, kb_last = _person_names(people, news_first)
    tags: dict[str, set[str]] = {}
    for w in news_first | kb_first:
        tags.setdefault(w, set()).add("PF")
    for w in news_follow | kb_last:
        tags.setdefault(w, set()).add("PL")
    for w in ORG_HEADS:
        tags.setdefault(skeleton_key(w), set()).add("OH")
    for w in TITLES + AMBIGUOUS_TITLES + SPEECH:
        tags.setdefault(skeleton_key(w), set()).add("PT")
    with open(out, "w", encoding="utf-8") as f:
        for k in sorted(tags):
            if k:
                f.write(f"{k}\t{','.join(sorted(tags[k]))}\n")
    return Counter(t for v in tags.values() for t in v)


# knowledge-base entity types whose multi-word aliases become NER phrases. Organizations are left out:
# the KB's generated state organs ("وزارة الخارجية الإسرائيلية") and even its curated organization
# names follow other span conventions than ANERcorp's ORG, and adding them lowered dev F1 (docs/ner.md)
PHRASE_TYPES = {"PERSON": "PERS", "STATE": "LOC"}
MAX_PHRASE = 5


def phrase_key(words: list[str]) -> str:
    """A phrase as the NER matches it: the clitic-stripped skeleton stem of each word, space-joined
    (so وبوزير / الوزير / degraded forms meet).  "" when a word has no letters."""
    from hadath.ner.features import clitic_split
    stems = []
    for w in words:
        skel = skeleton_key(w).replace(" ", "_")
        if not skel:
            return ""
        stems.append(clitic_split(skel)[1] if "_" not in skel else skel)
    return " ".join(stems)


def build_phrases(shared_data: Path, out: Path) -> dict[str, int]:
    """Multi-word names (2–5 words) → PERS/LOC, for the ``kd`` features: the actor KB's people and
    states (all aliases) and every Universal-PETRARCH Arabic actor entry, labelled PERS too: that
    dictionary is mostly people but also holds groups, so its PERS means "a listed actor name".
    Measured on dev (docs/ner.md): splitting PETRARCH entries by first name into PERS and another
    label, or keeping only those starting with a first name, each scored about 1.3 F1 lower.
    Never reads ANERcorp."""
    from hadath.actors.kb import load_kb
    phrases: dict[str, str] = {}
    kb = load_kb()
    for alias in kb.aliases:
        label = PHRASE_TYPES.get(kb.entities[alias.entity_id].type)
        words = alias.text.split()
        if label and 2 <= len(words) <= MAX_PHRASE:
            key = phrase_key(words)
            if key:
                phrases.setdefault(key, label)
    pet = shared_data / "universal-petrarch-arabic" / "actor_dict_ar_v4.txt"
    if pet.exists():
        for words in petrarch_names(pet):
            if 2 <= len(words) <= MAX_PHRASE - 1:
                key = phrase_key(words)
                if key:
                    phrases.setdefault(key, "PERS")
    with open(out, "w", encoding="utf-8") as f:
        for k in sorted(phrases):
            f.write(f"{k}\t{phrases[k]}\n")
    return Counter(phrases.values())


def load_phrases(path: Path) -> dict[tuple[str, ...], str]:
    """``ner_phrases.tsv`` → {(stem, stem, …): "PERS" | "LOC"}; {} when absent."""
    from hadath.ner.features import load_word_table
    return {tuple(phrase.split(" ")): labels[0] for phrase, labels in load_word_table(path).items()}


def load_names(path: Path) -> dict[str, tuple[str, ...]]:
    """skeleton word → tags among PF (first name), PL (name continuation), OH (org head), PT (title)."""
    from hadath.ner.features import load_word_table
    return load_word_table(path)


if __name__ == "__main__":  # pragma: no cover
    from hadath.ner.tagger import MODELS, PHRASES_FILE
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    dest = Path(sys.argv[2]) if len(sys.argv) > 2 else MODELS / "ner_names.tsv"
    print(build(data, dest), "→", dest)
    print(build_phrases(data, dest.parent / PHRASES_FILE), "→", dest.parent / PHRASES_FILE)
