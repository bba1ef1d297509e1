"""From the verified caller to the inzage the use cases filter by."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from inburgering.contracts.domain.errors import GeenKvkNummer
from inburgering.contracts.domain.inzage import (
    AanbiederInzage,
    BeheerInzage,
    GemeenteInzage,
    RegioInzage,
)
from inburgering.contracts.handlers.toewijzing import Toewijzingsregels
from inburgering.shared.auth import Principal, Rol


def aanbieder_inzage(principal: Principal) -> AanbiederInzage:
    if not principal.kvk:
        raise GeenKvkNummer("Een aanbieder handelt alleen namens zijn eigen KvK-nummer.")
    return AanbiederInzage(principal.kvk)


def portaal_inzage(principal: Principal) -> AanbiederInzage:
    """Only the provider itself reports about its placements."""
    principal.require(Rol.AANBIEDER)
    return aanbieder_inzage(principal)


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


def regio_inzage(principal: Principal) -> RegioInzage:
    principal.require(Rol.REGIO)
    return RegioInzage(principal.gemeentecodes)


def verbandbeheer_inzage(principal: Principal) -> RegioInzage | BeheerInzage:
    """Who manages a samenwerkingsverband: beheer (any), or a gemeente or regio for the verbanden
    it leads; reading is open to members too, the use case decides."""
    principal.require(Rol.BEHEER, Rol.REGIO, Rol.GEMEENTE)
    if principal.rol is Rol.BEHEER:
        return BeheerInzage()
    return RegioInzage(principal.gemeentecodes)


def contractbeheer_inzage(principal: Principal) -> RegioInzage | BeheerInzage:
    """Who concludes contracts: beheer, or a regio for the verbanden it leads."""
    principal.require(Rol.BEHEER, Rol.REGIO)
    if principal.rol is Rol.BEHEER:
        return BeheerInzage()
    return RegioInzage(principal.gemeentecodes)


def aanbieder_beheer_inzage(principal: Principal) -> BeheerInzage | RegioInzage:
    """Who may change a keurmerk: beheer, or a lead gemeente for providers it contracted."""
    principal.require(Rol.BEHEER, Rol.REGIO)
    if principal.rol is Rol.BEHEER:
        return BeheerInzage()
    return RegioInzage(principal.gemeentecodes)


def aanbieder_lees_inzage(principal: Principal) -> AanbiederInzage | BeheerInzage | RegioInzage:
    if principal.rol is Rol.AANBIEDER:
        return aanbieder_inzage(principal)
    return aanbieder_beheer_inzage(principal)


async def _regels(request: Request) -> Toewijzingsregels:
    return request.app.state.toewijzingsregels


RegelsDep = Annotated[Toewijzingsregels, Depends(_regels)]
