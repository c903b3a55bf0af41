"""REST API over a hadath DuckDB database, and the dashboard at /.

``create_app(db_path)`` returns a FastAPI app: /api/events, /api/events/{id}, /api/actors,
/api/actors/{id}, /api/network, /api/dyads/{a}/{b}, /api/changes, /api/meta; OpenAPI docs at /docs
(Swagger UI served from the package: nothing is fetched from a CDN).  The database is opened read-only
unless told otherwise; static files are served only from hadath/web/static.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from hadath import __version__
from hadath.api.db import Database
from hadath.web import STATIC_DIR

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")


def create_app(db_path: str | Path, read_only: bool = True) -> FastAPI:
    from hadath.api import routes_actors, routes_events, routes_network

    app = FastAPI(title="hadath API", version=__version__, docs_url=None, redoc_url=None,
                  description="PLOVER political events extracted from Arabic news, their actors and the "
                              "cooperation–conflict network among them. Read-only.")
    app.state.db = Database(db_path, read_only=read_only)
    for module in (routes_events, routes_actors, routes_network):
        app.include_router(module.router, prefix="/api")

    @app.exception_handler(RequestValidationError)
    async def _clear_422(request: Request, exc: RequestValidationError) -> JSONResponse:
        # one readable line per problem ("query.window: Input should be 'day', …") beside FastAPI's detail
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return JSONResponse(status_code=422, content={"message": "; ".join(problems),
                                                      "detail": jsonable(exc.errors())})

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="hadath API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    # StaticFiles resolves every path and refuses anything outside STATIC_DIR (../, encoded or not)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def jsonable(errors: list[dict]) -> list[dict]:
    """Validation errors may carry exception objects in ``ctx``; keep them JSON-safe."""
    out = []
    for e in errors:
        e = dict(e)
        if "ctx" in e:
            e["ctx"] = {k: str(v) for k, v in e["ctx"].items()}
        e.pop("url", None)
        out.append(e)
    return out


__all__ = ["create_app"]
