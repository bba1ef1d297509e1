"""Progress toward completion: course hours from contracts' events, PVT, MAP, participation hours
and the Z-route eindgesprek from the gemeente, exam results from DUO (through intake), and
`route-afronding-bereikt` once they suffice."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import (
    cursusuren,
    leerroute_advies,
    participatie_activiteit,
    urenaftrek,
    voortgang,
)
from inburgering.routes.domain.errors import InburgeraarNietGevonden, NietInZRoute
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.domain.voortgang import (
    ARTIKEL_Z_EINDGESPREK,
    Aftrekgrond,
    Aftreknorm,
    MapStatus,
    registreer_map,
    registreer_participatie,
    registreer_pvt,
    registreer_z_eindgesprek,
    telt_participatie,
)
from inburgering.routes.handlers._sql import insert_or_nothing, insert_or_raise
from inburgering.routes.handlers.stand import Stand, stand_van
from inburgering.routes.handlers.uren import when_urenmijlpaal_bereikt_tel_nt2_uren
from inburgering.shared.events.contracts import (
    TrajectAfgerond,
    TrajectUitgevallen,
    UrenMijlpaalBereikt,
    VoortgangGerapporteerd,
)
from inburgering.shared.events.routes import RouteAfrondingBereikt
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Clock

# -- consumed: course hours -------------------------------------------------------------------


async def when_uren_gerapporteerd_tel_cursusuren(
    uow: UnitOfWork,
    event: VoortgangGerapporteerd | TrajectAfgerond | TrajectUitgevallen,
    envelope: Envelope,
    *,
    clock: Clock,
) -> None:
    await _tel_cursusuren(uow, event, event.uren_aanwezig, clock())


async def when_urenmijlpaal_bereikt_tel_uren(
    uow: UnitOfWork, event: UrenMijlpaalBereikt, envelope: Envelope, *, clock: Clock
) -> None:
    """A milestone feeds both counters: the recognised NT2 hours for scaling down (R9) and the
    course hours of the Z-route (R10)."""
    await when_urenmijlpaal_bereikt_tel_nt2_uren(uow, event, envelope, clock=clock)
    await _tel_cursusuren(uow, event, event.uren_totaal, clock())


async def _tel_cursusuren(uow: UnitOfWork, event: Any, uren: float, nu: datetime) -> None:
    """Every report carries the total so far; the highest per placement counts, so a late or
    repeated report never lowers it."""
    await uow.session.execute(
        insert_or_raise(
            uow.session,
            cursusuren,
            ["inburgeraar_id", "plaatsing_id"],
            "uren_aanwezig",
            inburgeraar_id=event.inburgeraar_id,
            plaatsing_id=event.plaatsing_id,
            gemeentecode=event.gemeentecode,
            uren_aanwezig=uren,
            bijgewerkt_at=nu,
        )
    )
    await controleer_afronding(uow, event.inburgeraar_id, nu)


# -- gemeente registrations -------------------------------------------------------------------


async def leg_pvt_vast(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    uren: float,
    ondertekend_op: date | None,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> Stand:
    advies = await _advies(uow, inburgeraar_id, gemeentecodes, lock=True)
    pvt = registreer_pvt(uren, ondertekend_op, vandaag(nu))
    await _werk_bij(uow, advies, nu, pvt_uren=pvt.uren, pvt_ondertekend_date=pvt.ondertekend_op)
    return await _afsluiten(uow, inburgeraar_id, gemeentecodes, nu)


async def leg_map_vast(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    status: MapStatus,
    uren: float,
    eindgesprek_op: date | None,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> Stand:
    advies = await _advies(uow, inburgeraar_id, gemeentecodes, lock=True)
    map_ = registreer_map(status, uren, eindgesprek_op, vandaag(nu))
    await _werk_bij(
        uow,
        advies,
        nu,
        map_status=map_.status,
        map_uren=map_.uren,
        map_eindgesprek_date=map_.eindgesprek_op,
    )
    return await _afsluiten(uow, inburgeraar_id, gemeentecodes, nu)


async def leg_z_eindgesprek_vast(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    gehouden_op: date,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> Stand:
    advies = await _advies(uow, inburgeraar_id, gemeentecodes, lock=True)
    if advies["vastgestelde_leerroute"] != Leerroute.Z_ROUTE:
        raise NietInZRoute(
            f"Regel R10 ({ARTIKEL_Z_EINDGESPREK}): het eindgesprek van de Z-route hoort bij de "
            "Z-route; de vastgestelde leerroute is "
            f"{advies['vastgestelde_leerroute'] or 'nog niet vastgesteld'}."
        )
    datum = registreer_z_eindgesprek(gehouden_op, vandaag(nu))
    await _werk_bij(uow, advies, nu, z_eindgesprek_date=datum)
    return await _afsluiten(uow, inburgeraar_id, gemeentecodes, nu)


async def voeg_participatie_toe(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    datum: date,
    uren: float,
    omschrijving: str,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> Stand:
    await _advies(uow, inburgeraar_id, gemeentecodes, lock=True)
    registreer_participatie(datum, vandaag(nu))
    await uow.session.execute(
        participatie_activiteit.insert().values(
            id=uuid.uuid4(),
            inburgeraar_id=inburgeraar_id,
            datum_date=datum,
            uren=uren,
            omschrijving=omschrijving,
            geregistreerd_at=nu,
        )
    )
    return await _afsluiten(uow, inburgeraar_id, gemeentecodes, nu)


async def trek_uren_af(
    uow: UnitOfWork,
    inburgeraar_id: uuid.UUID,
    norm: Aftreknorm,
    grond: Aftrekgrond,
    uren: float,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> Stand:
    """Registered in any route: hours deducted before a change to the Z-route still apply."""
    await _advies(uow, inburgeraar_id, gemeentecodes, lock=True)
    await uow.session.execute(
        urenaftrek.insert().values(
            id=uuid.uuid4(),
            inburgeraar_id=inburgeraar_id,
            norm=norm,
            grond=grond,
            uren=uren,
            geregistreerd_at=nu,
        )
    )
    return await _afsluiten(uow, inburgeraar_id, gemeentecodes, nu)


async def geef_stand(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> Stand:
    advies = await _advies(uow, inburgeraar_id, gemeentecodes)
    return await stand_van(uow, advies)


# -- completion -------------------------------------------------------------------------------


async def controleer_afronding(uow: UnitOfWork, inburgeraar_id: uuid.UUID, nu: datetime) -> None:
    """Publish `route-afronding-bereikt` when the conditions are met for the first time. The
    conditional update decides: of two concurrent transactions only one sees its row change."""
    advies = (
        (
            await uow.session.execute(
                select(leerroute_advies).where(leerroute_advies.c.inburgeraar_id == inburgeraar_id)
            )
        )
        .mappings()
        .first()
    )
    if advies is None:
        return  # hours for someone without an advice: counted, judged once the route is known
    stand = await stand_van(uow, advies)
    if not stand.voortgang.afgerond or stand.afronding_bereikt_op is not None:
        return
    await _werk_bij(uow, advies, nu)
    result = await uow.session.execute(
        voortgang.update()
        .where(
            voortgang.c.inburgeraar_id == inburgeraar_id,
            voortgang.c.afronding_bereikt_at.is_(None),
        )
        .values(afronding_bereikt_at=nu)
    )
    if result.rowcount != 1:
        return
    feiten = stand.feiten
    assert feiten.leerroute is not None  # afgerond requires a decided route
    await uow.publish(
        RouteAfrondingBereikt(
            inburgeraar_id=inburgeraar_id,
            gemeentecode=advies["gemeentecode"],
            leerroute=feiten.leerroute,
            cursusuren=feiten.cursusuren,
            participatie_uren=(
                feiten.participatie_uren
                if telt_participatie(feiten.leerroute, feiten.doelgroep)
                else None
            ),
            datum=vandaag(nu),
        )
    )


# -- helpers ----------------------------------------------------------------------------------


async def _advies(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str], lock: bool = False
) -> RowMapping:
    """The advice makes the inburgeraar known here and names the tenant; another gemeente's
    inburgeraar is not found. Locked for writes, so registrations on one person serialise."""
    query = select(leerroute_advies).where(
        leerroute_advies.c.inburgeraar_id == inburgeraar_id,
        leerroute_advies.c.gemeentecode.in_(list(gemeentecodes)),
    )
    row = (await uow.session.execute(query.with_for_update() if lock else query)).mappings().first()
    if row is None:
        raise InburgeraarNietGevonden(f"Er is geen inburgeraar {inburgeraar_id} bekend.")
    return row


async def _werk_bij(uow: UnitOfWork, advies: RowMapping, nu: datetime, **values: Any) -> None:
    await uow.session.execute(
        insert_or_nothing(
            uow.session,
            voortgang,
            ["inburgeraar_id"],
            inburgeraar_id=advies["inburgeraar_id"],
            gemeentecode=advies["gemeentecode"],
            bijgewerkt_at=nu,
        )
    )
    if values:
        await uow.session.execute(
            voortgang.update()
            .where(voortgang.c.inburgeraar_id == advies["inburgeraar_id"])
            .values(**values, bijgewerkt_at=nu)
        )


async def _afsluiten(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str], nu: datetime
) -> Stand:
    await controleer_afronding(uow, inburgeraar_id, nu)
    stand = await geef_stand(uow, inburgeraar_id, gemeentecodes)
    await uow.commit()
    return stand
