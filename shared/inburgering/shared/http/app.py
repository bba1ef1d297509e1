"""The app factory every service uses: the API under /v1 (OpenAPI at /v1/openapi.json),
health and readiness at the root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from starlette.middleware import Middleware

from inburgering.shared.http.cors import SplitCorsMiddleware
from inburgering.shared.http.docs import install_swagger_ui
from inburgering.shared.http.limits import RequestSizeLimitMiddleware
from inburgering.shared.http.middleware import EdgeHeadersMiddleware
from inburgering.shared.http.openapi import install_nl_openapi
from inburgering.shared.http.problems import install_problem_handlers
from inburgering.shared.http.rate_limit import RateLimitMiddleware
from inburgering.shared.observability.metrics import HttpMetricsMiddleware, metrics_endpoint

ReadyCheck = Callable[[], Awaitable[dict[str, bool]]]
API_PREFIX = "/v1"
CONTACT = {
    "name": "Platform Inburgering beheer",
    "url": "https://inburgering.nl/contact",
    "email": "beheer@inburgering.nl",
}


def create_app(
    *,
    service: str,
    title: str,
    description: str,
    version: str,
    routers: Sequence[APIRouter],
    ready_check: ReadyCheck,
    state: Mapping[str, Any] | None = None,
    rate_limit: tuple[int, int] = (0, 1),
    lifespan: Callable[[FastAPI], AbstractAsyncContextManager[Any]] | None = None,
    inner_middleware: Sequence[Middleware] = (),
    cors_origins: Sequence[str] = (),
    max_request_bytes: int = 1_048_576,
) -> FastAPI:
    """The root app; the versioned API is mounted at /v1 so its OpenAPI server URL is /v1."""
    api = FastAPI(
        title=title,
        description=description,
        version=version,
        contact=CONTACT,
        servers=[{"url": API_PREFIX}],
        openapi_url="/openapi.json",
        docs_url=None,  # install_swagger_ui: served from the service, not a CDN
        redoc_url=None,
    )
    install_swagger_ui(api)
    for router in routers:
        api.include_router(router)
    for key, value in (state or {}).items():
        setattr(api.state, key, value)
    install_problem_handlers(api)
    install_nl_openapi(api)

    root = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, lifespan=lifespan)
    root.state.api = api
    install_problem_handlers(root)

    @root.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @root.get("/ready")
    async def ready() -> JSONResponse:
        checks = await ready_check()
        ok = all(checks.values())
        return JSONResponse(
            {"status": "ok" if ok else "niet-gereed", "checks": checks},
            status_code=200 if ok else 503,
        )

    # Scraped from inside the cluster; keep it off public ingresses.
    root.add_route("/metrics", metrics_endpoint, include_in_schema=False)
    root.mount(API_PREFIX, api)
    # Innermost first: these run inside the request's trace and after rate limiting.
    for middleware in inner_middleware:
        root.add_middleware(middleware.cls, *middleware.args, **middleware.kwargs)
    root.add_middleware(SplitCorsMiddleware, allow_origins=cors_origins)
    root.add_middleware(RequestSizeLimitMiddleware, max_bytes=max_request_bytes)
    per_minute, burst = rate_limit
    if per_minute:
        root.add_middleware(RateLimitMiddleware, per_minute=per_minute, burst=burst)
    root.add_middleware(EdgeHeadersMiddleware, api_version=version)
    root.add_middleware(HttpMetricsMiddleware, service=service)
    return root
