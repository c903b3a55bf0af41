"""The web dashboard: static files only (index.html, app.js, style.css, shipped map outlines and
vendored Swagger UI), served by ``hadath.api.create_app`` at / and /static."""
from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
