"""Where the project's shared data lives (../shared beside the checkout, or $HADATH_SHARED).

Training, evaluation and the tests that use it call ``shared_dir()``; when it returns None they skip
or exit with a clear message instead of failing.
"""
from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path | None:
    env = os.environ.get("HADATH_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [p / "shared" for p in here.parents] + [Path.cwd() / ".." / "shared"]
    for c in candidates:
        if (c / "codebook.md").is_file():
            return c.resolve()
    return None


def require_shared() -> Path:
    """shared_dir() or a clear one-line error (for CLI commands that need it)."""
    d = shared_dir()
    if d is None:
        raise SystemExit("hadath: ../shared not found (set HADATH_SHARED to the folder with codebook.md)")
    return d


def _jsonl(path: Path) -> list[dict]:
    import json
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def seed_metas(shared: Path) -> list[dict]:
    """The seed articles: ../shared/seeds/meta.jsonl rows (doc_id, file, published, source)."""
    return _jsonl(shared / "seeds" / "meta.jsonl")


def seed_gold(shared: Path) -> list[dict]:
    """The gold seed events: ../shared/gold/seeds.jsonl rows."""
    return _jsonl(shared / "gold" / "seeds.jsonl")


def seed_gold_actors(shared: Path) -> dict[str, set[str]]:
    """doc_id → every actor and recipient root of its gold events."""
    gold: dict[str, set[str]] = {}
    for g in seed_gold(shared):
        gold.setdefault(g["doc_id"], set()).update(g["actors"] + g["recipients"])
    return gold


def reference_degrade(shared: Path):
    """The reference ``degrade(text)`` of ../shared/tools/degrade.py, loaded from its file (it is
    not a package), so every evaluation degrades text exactly as the gold data was degraded."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("hadath_reference_degrade", shared / "tools" / "degrade.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module.degrade
