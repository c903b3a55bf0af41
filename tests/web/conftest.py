"""The sample database (hadath.network.sample_db): Fatah–Hamas reconciliation, Jan–Jun 2023."""
from __future__ import annotations

import pytest

from hadath.network.sample_db import build_sample_db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("hadath-net") / "sample.duckdb")
