"""Shared fixtures.  Tests that read ../shared use the `shared` fixture and skip cleanly without it."""
from __future__ import annotations

import pytest

from hadath.shared import shared_dir


@pytest.fixture(scope="session")
def shared():
    d = shared_dir()
    if d is None:
        pytest.skip("../shared is absent (set HADATH_SHARED): this test needs the project's shared data")
    return d
