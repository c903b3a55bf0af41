"""Code tables the store and the exports need: CAMEO → Goldstein/name, PLOVER type → quad class,
root actor id → country (ICEWS "Source Country")."""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from importlib import resources

# PLOVER manual, per-type "Quad category" sections.  Its summary table files SANCTION under verbal
# conflict but the SANCTION section says material conflict; we follow the section, as hadath.network does.
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

# Non-state roots of the codebook (§2) and the country ICEWS would file them under.
ROOT_COUNTRY = {
    "PSE": "Occupied Palestinian Territory", "PA": "Occupied Palestinian Territory",
    "HAMAS": "Occupied Palestinian Territory", "PIJ": "Occupied Palestinian Territory",
    "FATAH": "Occupied Palestinian Territory", "PFLP": "Occupied Palestinian Territory",
    "HEZBOLLAH": "Lebanon", "HOUTHIS": "Yemen", "AIPAC": "United States",
}


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[float | None, str]]:
    """code → (goldstein, name) from the shipped cameo_goldstein.tsv (see its header for origin)."""
    table: dict[str, tuple[float | None, str]] = {}
    try:
        text = resources.files("hadath.store").joinpath("cameo_goldstein.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return table
    for line in text.splitlines()[3:]:
        code, goldstein, name = (line.split("\t") + ["", ""])[:3]
        table[code] = (float(goldstein) if goldstein else None, name)
    return table


def cameo_lookup(code: str | None) -> tuple[float | None, str | None]:
    """(goldstein, name) for a CAMEO code; a 4-digit code unknown to the table falls back to its
    3-digit parent, which is how ICEWS scores sub-codes."""
    if not code:
        return None, None
    table = cameo_table()
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None, None


@lru_cache(maxsize=512)
def root_country(root: str | None) -> str | None:
    if not root:
        return None
    if root in ROOT_COUNTRY:
        return ROOT_COUNTRY[root]
    if len(root) == 3 and root.isalpha() and root.isupper():
        import pycountry
        c = pycountry.countries.get(alpha_3=root)
        if c is not None:
            return getattr(c, "common_name", None) or c.name
    return None




def date_range(iso: str | None) -> tuple[_dt.date | None, _dt.date | None]:
    """First and last day an ISO date of any precision covers: '2004-03' → (2004-03-01, 2004-03-31)."""
    if not iso:
        return None, None
    parts = iso.strip().split("-")
    try:
        if len(parts) >= 3:
            d = _dt.date.fromisoformat("-".join(parts[:3])[:10])
            return d, d
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            first = _dt.date(y, m, 1)
            nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - _dt.timedelta(days=1)
        y = int(parts[0])
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    except ValueError:
        return None, None
