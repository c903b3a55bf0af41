"""The actor knowledge base: entities and aliases read from the reviewable files in ``data/``.

Sources (all TSV, ``#`` lines are comments):

- ``organizations.tsv``  curated organizations and special state organs, aliases inline;
- ``people.tsv`` + ``affiliations.tsv``  curated people and their roles with date ranges;
- ``countries.tsv`` × ``organs.tsv``  state organs generated systematically (government, army, police,
  ministries, parliament, courts, intelligence, head of state/government, population) from a curated
  nationality-adjective table; every other ISO 3166 state gets its entity and construct-form organs
  from pycountry's Arabic names.

``load_kb()`` is cached per process and on disk (see cache.py): a warm load takes a fraction of a second.
"""
from __future__ import annotations

import csv
import datetime as _dt
import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

TYPES = ("STATE", "GOVERNMENT", "MILITARY", "POLICE", "PARTY", "ARMED_GROUP", "IGO", "NGO", "MEDIA",
         "PERSON", "POPULATION")
RULES = ("pal", "coord", "fatah", "ctx", "cap", "adj")
# Coarse Mention.type for each KB type.
COARSE = {"STATE": "GPE", "PERSON": "PER", "POPULATION": "POP"}
ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")


@dataclass(slots=True)
class Affiliation:
    org: str          # entity id of the organization (or state organ)
    role: str
    start: _dt.date | None
    end: _dt.date | None


@dataclass(slots=True)
class Alias:
    text: str           # as written in the data file (Arabic)
    entity_id: str
    rule: str = ""      # "" or one of RULES (see organizations.tsv header)
    source: str = ""    # file the alias came from (lint messages)


@dataclass(slots=True)
class Entity:
    id: str
    root: str
    type: str
    sector: str | None = None
    parent: str | None = None
    name_en: str = ""
    qid: str | None = None
    country: str | None = None       # home state ISO3, or IGO / IMG (for scoring against CAMEO codes)
    aliases: list[str] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    generated: bool = False
    source: str = ""

    @property
    def coarse_type(self) -> str:
        return COARSE.get(self.type, "ORG")


class KB:
    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.aliases: list[Alias] = []
        self.problems: list[str] = []   # load-time problems, reported by `hadath actors lint`

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    __getitem__ = lambda self, key: self.entities[key]  # noqa: E731

    def add(self, e: Entity) -> Entity:
        if e.id in self.entities:
            self.problems.append(f"{e.source}: duplicate id {e.id}")
            return self.entities[e.id]
        self.entities[e.id] = e
        return e

    def add_alias(self, entity_id: str, text: str, source: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        rule = ""
        if "#" in text:
            text, rule = (s.strip() for s in text.split("#", 1))
            if rule not in RULES:
                self.problems.append(f"{source}: unknown rule #{rule} on {text!r} ({entity_id})")
        e = self.entities[entity_id]
        if text not in e.aliases:
            e.aliases.append(text)
            self.aliases.append(Alias(text, entity_id, rule, source))

    def affiliation_at(self, e: Entity, date: _dt.date | None) -> Affiliation | None:
        """The person's affiliation at ``date`` (latest-starting one that covers it); the latest when
        the date is unknown or no range covers it."""
        if not e.affiliations:
            return None
        ordered = sorted(e.affiliations, key=lambda a: (a.start or _dt.date.min, a.end or _dt.date.max))
        if date is not None:
            covering = [a for a in ordered if (a.start is None or a.start <= date)
                        and (a.end is None or date <= a.end)]
            if covering:
                return covering[-1]
            earlier = [a for a in ordered if a.start is None or a.start <= date]
            if earlier:
                return earlier[-1]
            return ordered[0]
        return ordered[-1]

    def resolve(self, e: Entity, date: _dt.date | None = None) -> tuple[str, str | None]:
        """(root, sector) of an entity at a date: people take their affiliation's."""
        if e.type == "PERSON":
            aff = self.affiliation_at(e, date)
            org = self.entities.get(aff.org) if aff else None
            if org is not None:
                return org.root, org.sector
        return e.root, e.sector

    def stats(self) -> dict[str, int]:
        by_type: dict[str, int] = {}
        for e in self.entities.values():
            by_type[e.type] = by_type.get(e.type, 0) + 1
        return {"entities": len(self.entities), "aliases": len(self.aliases),
                "curated": sum(not e.generated for e in self.entities.values()),
                "generated": sum(e.generated for e in self.entities.values()),
                "people": by_type.get("PERSON", 0),
                "affiliations": sum(len(e.affiliations) for e in self.entities.values()),
                **{f"type:{k}": v for k, v in sorted(by_type.items())}}


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a data file as dicts; comment lines start with '#'."""
    path = DATA / name
    if not path.exists():
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _date(s: str) -> _dt.date | None:
    s = s.strip()
    if not s:
        return None
    parts = s.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return _dt.date(y, m, d)
    except (ValueError, IndexError):
        return None


def _load_organizations(kb: KB) -> None:
    for row in read_tsv("organizations.tsv"):
        e = kb.add(Entity(id=row["id"], root=row["root"], type=row["type"], sector=row["sector"] or None,
                          parent=row["parent"] or None, name_en=row["name_en"], qid=row["qid"] or None,
                          country=row["country"] or None, source="organizations.tsv"))
        for a in row["aliases"].split("|"):
            kb.add_alias(e.id, a, "organizations.tsv")


def _load_people(kb: KB) -> None:
    for row in read_tsv("people.tsv"):
        e = kb.add(Entity(id=row["id"], root=row["root"], type="PERSON", sector=row.get("sector") or None,
                          name_en=row["name_en"], qid=row.get("qid") or None,
                          country=row.get("country") or None, source="people.tsv"))
        for a in row["aliases"].split("|"):
            kb.add_alias(e.id, a, "people.tsv")
    for row in read_tsv("affiliations.tsv"):
        e = kb.entities.get(row["person"])
        if e is None:
            kb.problems.append(f"affiliations.tsv: unknown person {row['person']}")
            continue
        e.affiliations.append(Affiliation(row["org"], row["role"], _date(row["start"]), _date(row["end"])))


# --- generated state organs -------------------------------------------------------------------------

def _inflect(stem: str, suffix: str, definite: bool) -> str:
    """One form of an adjective stem.  Words joined by a space agree each (كوري جنوبي → الكورية الجنوبية);
    a ``+`` joins a fixed head to the adjective, which alone takes the ending (جنوب+سوداني → الجنوب سودانية)."""
    if "+" in stem:
        head, tail = stem.split("+", 1)
        return ("ال" if definite else "") + head + " " + tail + suffix
    return " ".join(("ال" if definite else "") + w + suffix for w in stem.split())


def adjective_forms(stems: list[str], extra: list[str]) -> dict[str, list[str]]:
    """Placeholder → surface forms for a nationality adjective (see organs.tsv header)."""
    def forms(suffixes: tuple[str, ...], definite: bool) -> list[str]:
        return [_inflect(s, suf, definite) for suf in suffixes for s in stems]
    fem = ("ة", "تين", "تان")  # + feminine dual
    pl = ("ون", "ين", "ان")    # plural and dual (عراقيان)
    extra_def = [x for x in extra if x.startswith("ال")]
    extra_ind = [x for x in extra if not x.startswith("ال")]
    return {
        "a.m": forms(("", "ا"), False), "a.f": forms(fem, False),
        "a.pl": forms(pl + ("ات",), False) + extra_ind,
        "A.m": forms(("",), True), "A.f": forms(fem, True),
        "A.pl": forms(pl, True) + ["ال" + s for s in extra_ind] + extra_def,
    }


_PH = re.compile(r"\{([aA]\.(?:m|f|pl)|N)\}")


def expand(template: str, forms: dict[str, list[str]]) -> list[str]:
    """All surface strings of a template; empty when a placeholder has no forms."""
    out = [""]
    pos = 0
    for m in _PH.finditer(template):
        lit = template[pos:m.start()]
        values = forms.get(m.group(1), [])
        if not values:
            return []
        out = [o + lit + v for o in out for v in values]
        pos = m.end()
    return [" ".join((o + template[pos:]).split()) for o in out]


# pycountry names that are also everyday words (مالي "financial"): the curated table decides for these
_COMMON_WORDS = frozenset({"مالي", "جانب", "المجر"})


@lru_cache(maxsize=1024)
def is_state_code(code: str) -> bool:
    """An ISO 3166 alpha-3 code of a state (PSE included): what a country-level root looks like."""
    if code == "PSE":
        return True
    import pycountry
    return pycountry.countries.get(alpha_3=code) is not None


def _pycountry_arabic() -> dict[str, tuple[str, list[str]]]:
    """ISO3 → (English name, Arabic names) for every ISO 3166 state, via pycountry's gettext catalogue."""
    try:
        import pycountry
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"]).gettext
    except Exception:  # pycountry missing or without Arabic: the curated table still works
        return {}
    out: dict[str, tuple[str, list[str]]] = {}
    for c in pycountry.countries:
        names = []
        for attr in ("name", "official_name", "common_name"):
            en = getattr(c, attr, None)
            if en:
                ar = tr(en)
                # pycountry writes "إيران، الجمهورية الإسلامية…": keep the part before the comma too
                for part in {ar, ar.split("،")[0]}:
                    part = part.strip()
                    if part and part != en and part not in _COMMON_WORDS and any("\u0621" <= ch <= "\u064a" for ch in part):
                        names.append(part)
        out[c.alpha_3] = (getattr(c, "common_name", None) or c.name, names)
    # a shortened name two states share (كوريا, الكونغو) names neither
    count: dict[str, int] = {}
    for _, names in out.values():
        for n in set(names):
            count[n] = count.get(n, 0) + 1
    return {k: (en, sorted({n for n in names if count[n] == 1}, key=names.index))
            for k, (en, names) in out.items()}


def _load_states(kb: KB) -> None:
    organs = read_tsv("organs.tsv")
    curated = {row["iso3"]: row for row in read_tsv("countries.tsv")}
    iso = _pycountry_arabic()
    for code in sorted(set(curated) | set(iso)):
        row = curated.get(code)
        en, py_names = iso.get(code, ("", []))
        names = ([n for n in row["names_ar"].split("|") if n] if row else []) + py_names
        if row:
            en = row["name_en"] or en
        if not names:
            continue
        organ_root = row["organ_root"] if row else code
        stems = [s for s in row["adjectives"].split("|") if s] if row else []
        # a stem that is also an everyday word (مالي "financial") names organs only, never a bare adjective
        bare = [s for s in stems if not s.endswith("#organ")]
        stems = [s.removesuffix("#organ") for s in stems]
        not_after = {h for h in row["not_after"].split("|") if h} if row else set()
        extra = [s for s in row["extra_forms"].split("|") if s] if row else []
        forms = adjective_forms(stems, extra) if stems or extra else {}
        if not stems:  # extra forms alone (كوريا الجنوبية): only the plural placeholders have values
            forms = {k: v for k, v in forms.items() if k.endswith("pl")}
        # construct organs (حكومة X) use every curated name, but only the short pycountry name
        forms["N"] = names if row else names[:1]
        state = kb.add(Entity(id=code, root=code, type="STATE", name_en=en, country=code, generated=True,
                              source="countries.tsv" if row else "pycountry"))
        for n in names:
            kb.add_alias(code, n, state.source)
        for cap in (row["capitals"].split("|") if row else []):
            if cap:
                kb.add_alias(code, cap + "#cap", "countries.tsv")
        bare_forms = adjective_forms(bare, []) if bare else {}
        for s in ("a.m", "a.f", "a.pl", "A.m", "A.f") if bare else ():
            for form in bare_forms[s]:
                kb.add_alias(code, form + "#adj", "countries.tsv")
        for o in organs:
            suffix = o["suffix"]
            oid = f"{code}_{suffix}" if suffix == "POP" else f"{organ_root}_{suffix}"
            root = code if suffix == "POP" else organ_root
            surfaces = [s for t in o["templates"].split("|") if t.split("{")[0].strip() not in not_after
                        for s in expand(t, forms)]
            if not surfaces:
                continue
            if oid not in kb.entities:
                kb.add(Entity(id=oid, root=root, type=o["type"], sector=o["sector"], parent=code,
                              name_en=o["name_en"].format(name=en), country=code, generated=True,
                              source="organs.tsv"))
            for s in surfaces:
                kb.add_alias(oid, s, "organs.tsv")


@lru_cache(maxsize=1)
def load_kb() -> KB:
    """The knowledge base, cached per process and compiled on disk (hadath.actors.cache)."""
    from hadath.actors.cache import compiled
    return compiled()[0]


def build_kb() -> KB:
    """Read the data files.  Curated files load first so their aliases win conflicts."""
    kb = KB()
    _load_organizations(kb)
    _load_people(kb)
    _load_states(kb)
    return kb
