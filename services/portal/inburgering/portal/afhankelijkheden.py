"""What the pages ask FastAPI for, as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from inburgering.portal.adapters.diensten import Diensten


def _diensten(request: Request) -> Diensten:
    return request.app.state.diensten


DienstenDep = Annotated[Diensten, Depends(_diensten)]
