"""DuckDB store (schema.sql): ``Store(path).ingest(doc) -> bool`` and the exports (PLOVER JSONL,
ICEWS-style CSV, Parquet) in ``hadath.store.export``."""
from hadath.store.db import Store, StoreError, schema_sql

__all__ = ["Store", "StoreError", "schema_sql"]
