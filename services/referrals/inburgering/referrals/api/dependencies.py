"""From the verified caller and the runtime to what the use cases need."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from inburgering.referrals.domain.errors import GeenInstelling
from inburgering.referrals.domain.inzage import GemeenteInzage, InstellingInzage
from inburgering.shared.auth import Principal, Rol


def gemeente_inzage(principal: Principal) -> GemeenteInzage:
    principal.require(Rol.GEMEENTE)
    return GemeenteInzage(principal.gemeentecodes)


def instelling_inzage(principal: Principal) -> InstellingInzage:
    principal.require(Rol.INSTELLING)
    try:
        return InstellingInzage(uuid.UUID(principal.instelling or ""))
    except ValueError:
        raise GeenInstelling("Een instelling handelt alleen namens haar eigen id.") from None


async def _nu(request: Request) -> datetime:
    return request.app.state.runtime.parts.clock()


NuDep = Annotated[datetime, Depends(_nu)]
"""The service clock (the runtime's, so tests can set the date)."""


async def _nadert_dagen(request: Request) -> int:
    return request.app.state.runtime.parts.settings.termijn_nadert_dagen


NadertDagenDep = Annotated[int, Depends(_nadert_dagen)]
"""Lead time of the referral deadline timer (setting `termijn_nadert_dagen`)."""


async def _indiening_nadert_dagen(request: Request) -> int:
    return request.app.state.runtime.parts.settings.indiening_nadert_dagen


IndieningNadertDagenDep = Annotated[int, Depends(_indiening_nadert_dagen)]
"""Lead time of the submission timer (setting `indiening_nadert_dagen`)."""
