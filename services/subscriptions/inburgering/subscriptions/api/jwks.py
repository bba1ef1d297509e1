from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

router = APIRouter(tags=["Documentatie"])


@router.get("/jwks.json", include_in_schema=False)
async def jwks(request: Request) -> JSONResponse:
    """Public: the jwks_uri a receiver's authorization server registers for our client, to
    verify the client assertions we sign (private_key_jwt). Public keys only."""
    assertions = request.app.state.assertions
    keys = assertions.jwks() if assertions is not None else {"keys": []}
    return JSONResponse(keys, headers={"Cache-Control": "public, max-age=300"})
