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
