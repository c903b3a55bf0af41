"""The API's one database handle.  DuckDB connections are not shared across threads, so each request
takes its own cursor of the one (read-only by default) connection."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from hadath.network.names import display_names


class Database:
    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"no database at {self.path}")
        self.read_only = read_only
        self._con = duckdb.connect(str(self.path), read_only=read_only)
        self._lock = threading.Lock()
        self._names: dict[str, dict[str, Any]] | None = None

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:  # creating cursors is cheap but not itself thread-safe
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def names(self) -> dict[str, dict[str, Any]]:
        """root → {name, name_ar, forms}; computed once (the served database does not change)."""
        if self._names is None or not self.read_only:
            with self.cursor() as cur:
                self._names = display_names(cur)
        return self._names

    def close(self) -> None:
        self._con.close()
