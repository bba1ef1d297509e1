from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from inburgering.shared.auth import Principal, Rol
from inburgering.shared.http.problems import Forbidden


async def _nu(request: Request) -> datetime:
    # The runtime's clock, so that tests can place a request anywhere in a termijn.
    return request.app.state.runtime.parts.clock()


NuDep = Annotated[datetime, Depends(_nu)]


def vereis_namens(principal: Principal, gemeentecodes: Iterable[str]) -> None:
    """Policy is set by a gemeente for its own codes, or by the regio role for the codes it
    acts for."""
    principal.require(Rol.GEMEENTE, Rol.REGIO)
    buiten = sorted(g for g in gemeentecodes if not principal.acts_for(g))
    if buiten:
        raise Forbidden(f"Deze client handelt niet namens {', '.join(buiten)}.")
