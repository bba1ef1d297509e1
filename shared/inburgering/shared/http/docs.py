"""Swagger UI at /v1/docs, served by the service itself: no CDN, so the page works without
internet and under a Content-Security-Policy that allows only the service's own origin."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

SWAGGER_UI = "swagger-ui-5.36.0"
ASSETS = "/docs/assets"
STATIC = Path(__file__).parent / "static"

# data: only for the icons Swagger UI's stylesheet embeds; nothing from another host, no inline
# script (the page starts Swagger UI from swagger-init.js).
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class _Assets(StaticFiles):
    """The vendored files sit in a folder named by version, so browsers may keep them a day."""

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["cache-control"] = "public, max-age=86400"
        return response


def install_swagger_ui(api: FastAPI) -> None:
    """Serve Swagger UI for `api`'s own OpenAPI document at /docs, its assets under it."""
    api.mount(ASSETS, _Assets(directory=STATIC), name="docs-assets")

    @api.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root_path = request.scope.get("root_path", "")
        html = docs_html(api.title, root_path + ASSETS, root_path + (api.openapi_url or ""))
        return HTMLResponse(html, headers={"content-security-policy": DOCS_CSP})


def docs_html(title: str, assets: str, openapi_url: str) -> str:
    """The page: every URL in it is a path on the service's own origin."""
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} – API-documentatie</title>
<link rel="stylesheet" href="{assets}/{SWAGGER_UI}/swagger-ui.css">
<link rel="icon" type="image/png" href="{assets}/{SWAGGER_UI}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{escape(openapi_url)}"></div>
<script src="{assets}/{SWAGGER_UI}/swagger-ui-bundle.js"></script>
<script src="{assets}/swagger-init.js"></script>
</body>
</html>
"""
