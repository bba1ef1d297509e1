from __future__ import annotations

from inburgering.shared.auth import Principal, Rol
from inburgering.subscriptions.domain.errors import GemeenteOnduidelijk


def gemeente_van(principal: Principal, gemeentecode: str | None) -> str:
    """The gemeente a request is for: given and one of the caller's own, or its only one."""
    principal.require(Rol.GEMEENTE)
    if gemeentecode is not None:
        principal.require_gemeente(gemeentecode)
        return gemeentecode
    if len(principal.gemeentecodes) != 1:
        raise GemeenteOnduidelijk("Deze client handelt voor meer gemeenten: geef gemeentecode.")
    return next(iter(principal.gemeentecodes))
