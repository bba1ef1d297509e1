"""Whose figures a statistics view counts: a gemeente its own; a lead gemeente the members of
a samenwerkingsverband it leads; beheer every gemeente, or one verband's members."""

from __future__ import annotations

import uuid
from datetime import date

from inburgering.contracts.adapters import repository
from inburgering.contracts.domain.inzage import BeheerInzage, GemeenteInzage, RegioInzage
from inburgering.contracts.domain.statistiek import Bereik, Weergave
from inburgering.contracts.domain.statistiek_errors import (
    AlleenEigenCijfers,
    SamenwerkingsverbandVereist,
    StatistiekAlleenVoorTrekker,
)
from inburgering.contracts.handlers import verbandbeheer
from inburgering.contracts.handlers.toewijzing import vandaag
from inburgering.shared.http.problems import InvalidParam
from inburgering.shared.persistence import UnitOfWork

Vrager = GemeenteInzage | RegioInzage | BeheerInzage


async def bepaal_bereik(
    uow: UnitOfWork, wie: Vrager, verband_id: uuid.UUID | None, peildatum: date | None
) -> Bereik:
    if isinstance(wie, GemeenteInzage):
        if verband_id is not None:
            raise AlleenEigenCijfers(
                "De cijfers van een samenwerkingsverband zijn voor zijn trekker (rol regio)."
            )
        return Bereik(Weergave.EIGEN, wie.gemeentecodes)
    if verband_id is None:
        if isinstance(wie, BeheerInzage):
            return Bereik(Weergave.PROVINCIE, None)
        raise SamenwerkingsverbandVereist(
            "Noem het samenwerkingsverband waarvan de regio de cijfers wil zien.",
            [
                InvalidParam(
                    name="query.samenwerkingsverbandId",
                    code="missing",
                    reason="Verplicht voor de rol regio.",
                )
            ],
        )
    # A stranger is told the verband does not exist; a member that does not lead it may know
    # it exists (it reads it at /samenwerkingsverbanden), so it is refused instead.
    verband = await verbandbeheer.geef_verband(uow, verband_id, wie)
    if isinstance(wie, RegioInzage) and verband["lead_gemeentecode"] not in wie.lead_gemeentecodes:
        raise StatistiekAlleenVoorTrekker(
            f"Alleen {verband['lead_gemeentecode']} als trekker ziet de cijfers van dit verband."
        )
    dag = peildatum or vandaag()
    leden = await repository.leden_van(uow.session, [verband_id], dag)
    return Bereik(
        Weergave.SAMENWERKINGSVERBAND, frozenset(leden[verband_id]), verband_id, peildatum=dag
    )
