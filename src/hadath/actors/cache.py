"""A compiled (pickled) form of the KB and its automaton, so loading takes a fraction of a second.

The cache file name is a hash of every data file, the code that compiles them and the library
versions, so the cache is rebuilt deterministically whenever any of them changes and is never stale.
Location: $HADATH_CACHE, else $XDG_CACHE_HOME/hadath, else ~/.cache/hadath.  When it cannot be
written, everything still works (built in memory each time).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
_CODE = ("kb.py", "matcher.py", "cache.py")


def cache_dir() -> Path:
    if os.environ.get("HADATH_CACHE"):
        return Path(os.environ["HADATH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "hadath"


def fingerprint() -> str:
    h = hashlib.sha1()
    for p in sorted((HERE / "data").glob("*.tsv")) + [HERE / n for n in _CODE]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    import ahocorasick
    import pycountry
    import importlib
    text_normalize = importlib.import_module("hadath.text.normalize")  # (the package re-exports a function of that name)
    h.update(Path(text_normalize.__file__).read_bytes())  # the skeleton rules shape every key
    h.update(f"{sys.version_info[:2]}{getattr(pycountry, '__version__', '')}"
             f"{getattr(ahocorasick, 'version', '')}".encode())
    return h.hexdigest()[:20]


@lru_cache(maxsize=1)
def compiled():
    """(KB, Matcher) from the cache file, building and saving it when absent."""
    from hadath.actors.kb import build_kb
    from hadath.actors.matcher import Matcher

    path = cache_dir() / f"actors-{fingerprint()}.pkl"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except Exception:  # a truncated or incompatible file: rebuild below
            pass
    kb = build_kb()
    result = (kb, Matcher(kb))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent processes never read a half-written file
        for old in path.parent.glob("actors-*.pkl"):  # earlier versions of the data
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return result
