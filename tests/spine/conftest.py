from __future__ import annotations

import pytest

import hadath.scale
from .helpers import toy_pipeline


@pytest.fixture
def toy(monkeypatch):
    """Run the CLI with the toy pipeline (deterministic events, no model loading)."""
    monkeypatch.setattr(hadath.scale, "pipeline_factory", toy_pipeline)
