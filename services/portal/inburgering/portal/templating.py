from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from inburgering.portal.csrf import VELD, csrf_token
from inburgering.portal.sessie import ingelogd

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def toon(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    """Render a page with what every page needs: the user and the form's CSRF field."""
    return templates.TemplateResponse(
        request,
        template,
        {
            "gebruiker": ingelogd(request),
            "csrf_veld": VELD,
            "csrf_token": csrf_token(request),
            **(context or {}),
        },
        status_code=status,
    )
