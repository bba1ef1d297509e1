"""The lead gemeenten (or beheer) maintain the network's gemeenten and institutions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import structlog
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import RowMapping

from inburgering.referrals.adapters.tables import instelling, netwerk_gemeente
from inburgering.referrals.domain.errors import GemeenteAlInNetwerk, NetwerkgemeenteNietGevonden
from inburgering.referrals.domain.model import InstellingSoort
from inburgering.referrals.domain.netwerkbeheer import (
    Netwerkbeheerder,
    vereis_beheer_voor_lead,
    vereis_lead,
    vereis_overblijvende_lead,
)
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.persistence.sql import insert_unless_present

log = structlog.get_logger(__name__)


async def _leads(uow: UnitOfWork) -> list[str]:
    query = select(netwerk_gemeente.c.gemeentecode).where(netwerk_gemeente.c.lead)
    if uow.session.bind.dialect.name == "postgresql":
        # Two leads removed at once must not both pass the "a lead remains" check.
        query = query.with_for_update()
    return list((await uow.session.execute(query)).scalars().all())


async def lijst_gemeenten(uow: UnitOfWork) -> list[RowMapping]:
    result = await uow.session.execute(
        select(netwerk_gemeente).order_by(netwerk_gemeente.c.gemeentecode)
    )
    return list(result.mappings().all())


@dataclass(frozen=True)
class NieuweNetwerkgemeente:
    gemeentecode: str
    naam: str
    lead: bool


async def voeg_gemeente_toe(
    uow: UnitOfWork, beheerder: Netwerkbeheerder, nieuw: NieuweNetwerkgemeente
) -> RowMapping:
    vereis_lead(beheerder, await _leads(uow))
    vereis_beheer_voor_lead(beheerder, nieuw.lead)
    created = await uow.session.execute(
        insert_unless_present(uow.session, netwerk_gemeente, ["gemeentecode"]).values(
            gemeentecode=nieuw.gemeentecode, naam=nieuw.naam, lead=nieuw.lead
        )
    )
    if created.rowcount != 1:
        raise GemeenteAlInNetwerk(f"{nieuw.gemeentecode} neemt al deel aan het netwerk.")
    await uow.commit()
    log.info("netwerk.gemeente_toegevoegd", gemeentecode=nieuw.gemeentecode, lead=nieuw.lead)
    return await _gemeente(uow, nieuw.gemeentecode)


async def verwijder_gemeente(
    uow: UnitOfWork, beheerder: Netwerkbeheerder, gemeentecode: str
) -> None:
    """Future leerroute decisions of the gemeente propose no referral any more; its existing
    referrals keep their pathway (they do not refer to the membership)."""
    leads = await _leads(uow)
    vereis_lead(beheerder, leads)
    await _gemeente(uow, gemeentecode)
    vereis_overblijvende_lead(gemeentecode, leads)
    await uow.session.execute(
        delete(netwerk_gemeente).where(netwerk_gemeente.c.gemeentecode == gemeentecode)
    )
    await uow.commit()
    log.info("netwerk.gemeente_verwijderd", gemeentecode=gemeentecode)


async def _gemeente(uow: UnitOfWork, gemeentecode: str) -> RowMapping:
    row = (
        (
            await uow.session.execute(
                select(netwerk_gemeente).where(netwerk_gemeente.c.gemeentecode == gemeentecode)
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NetwerkgemeenteNietGevonden(f"{gemeentecode} neemt niet deel aan het netwerk.")
    return row


async def lijst_instellingen(uow: UnitOfWork) -> list[RowMapping]:
    result = await uow.session.execute(select(instelling).order_by(instelling.c.naam))
    return list(result.mappings().all())


async def voeg_instelling_toe(
    uow: UnitOfWork, beheerder: Netwerkbeheerder, naam: str, soort: InstellingSoort
) -> RowMapping:
    """The new id is the `instelling` claim of the institution's tokens."""
    vereis_lead(beheerder, await _leads(uow))
    instelling_id = uuid.uuid4()
    await uow.session.execute(insert(instelling).values(id=instelling_id, naam=naam, soort=soort))
    await uow.commit()
    log.info("netwerk.instelling_toegevoegd", instelling_id=str(instelling_id))
    row = (
        (await uow.session.execute(select(instelling).where(instelling.c.id == instelling_id)))
        .mappings()
        .one()
    )
    return row
