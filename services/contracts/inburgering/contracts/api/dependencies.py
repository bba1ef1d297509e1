"""From the verified caller to the inzage the use cases filter by."""

from __future__ import annotations

from inburgering.contracts.domain.errors import GeenKvkNummer
from inburgering.contracts.domain.inzage import AanbiederInzage, GemeenteInzage, RegioInzage
from inburgering.shared.auth import Principal, Rol


def aanbieder_inzage(principal: Principal) -> AanbiederInzage:
    if not principal.kvk:
        raise GeenKvkNummer("Een aanbieder handelt alleen namens zijn eigen KvK-nummer.")
    return AanbiederInzage(principal.kvk)


def plaatsing_inzage(principal: Principal) -> GemeenteInzage | AanbiederInzage:
    principal.require(Rol.GEMEENTE, Rol.AANBIEDER)
    if principal.rol is Rol.AANBIEDER:
        return aanbieder_inzage(principal)
    return GemeenteInzage(principal.gemeentecodes)


def contract_inzage(principal: Principal) -> RegioInzage | AanbiederInzage:
    principal.require(Rol.REGIO, Rol.AANBIEDER)
    if principal.rol is Rol.AANBIEDER:
        return aanbieder_inzage(principal)
    return RegioInzage(principal.gemeentecodes)
