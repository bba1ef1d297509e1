"""The advice after the brede intake and the case manager's decision on it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import inburgeringstermijn, leerroute_advies
from inburgering.routes.domain.advies import Intakefeiten, adviseer
from inburgering.routes.domain.beleid import Beleid
from inburgering.routes.domain.errors import AdviesAlVastgesteld, AdviesNietGevonden
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.domain.regelset import regelset_op
from inburgering.routes.domain.vaststelling import stel_vast
from inburgering.routes.handlers._sql import insert_or_nothing
from inburgering.routes.handlers.beleid import geldend_beleid
from inburgering.routes.handlers.voortgang import controleer_afronding
from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.events.routes import LeerrouteGeadviseerd, LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Ambitie, Doelgroep, Leerroute, Opleidingsniveau
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Clock

GEADVISEERD = "geadviseerd"
VASTGESTELD = "vastgesteld"

DEADLINES = {
    "routewijziging": inburgeringstermijn.c.routewijziging_sluit_date,
    "verlengingsvenster": inburgeringstermijn.c.verlengingsvenster_open_date,
    "einde": inburgeringstermijn.c.eind_date,
}


async def when_intake_afgerond_adviseer_leerroute(
    uow: UnitOfWork,
    event: IntakeAfgerond,
    envelope: Envelope,
    *,
    standaardbeleid: Beleid,
    clock: Clock,
) -> None:
    """Store the advice and announce it; the caller (the consumer) commits.

    The rule set and policy are those in force on the day the intake was completed, so a replay
    or a late delivery gives the advice the case manager would have had that day."""
    datum = vandaag(envelope.time)
    regelset = regelset_op(datum)
    beleid = await geldend_beleid(uow, event.gemeentecode, datum, standaardbeleid)
    advies = adviseer(
        Intakefeiten(
            leerbaarheidstoets=event.leerbaarheidstoets,
            opleidingsniveau=event.opleidingsniveau,
            ambitie=event.ambitie,
            leeftijd=event.leeftijd,
            alfabetisering=event.alfabetisering,
        ),
        beleid,
        regelset,
    )
    advies_id = uuid.uuid4()
    # Insert-or-nothing on the inburgeraar, so even two concurrent deliveries give one advice.
    result = await uow.session.execute(
        insert_or_nothing(
            uow.session,
            leerroute_advies,
            ["inburgeraar_id"],
            id=advies_id,
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            intake_id=event.intake_id,
            doelgroep=event.doelgroep,
            leerbaarheidstoets=event.leerbaarheidstoets,
            ambitie=event.ambitie,
            opleidingsniveau=event.opleidingsniveau,
            leeftijd=event.leeftijd,
            alfabetisering=event.alfabetisering,
            geadviseerde_leerroute=advies.leerroute,
            regel=advies.regel,
            regelset_versie=advies.regelset_versie,
            onderwijsroute_max_leeftijd=beleid.onderwijsroute_max_leeftijd,
            beleid_ingangs_date=beleid.ingangsdatum,
            beleid_bron=beleid.bron,
            beleid_samenwerkingsverband_id=beleid.samenwerkingsverband_id,
            uitleg=list(advies.uitleg),
            status=GEADVISEERD,
            a2_vaardigheden=[],
            geadviseerd_at=clock(),
        )
    )
    if result.rowcount != 1:
        return
    await uow.publish(
        LeerrouteGeadviseerd(
            advies_id=advies_id,
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            leerroute=advies.leerroute,
            regel=advies.regel,
            regelset_versie=advies.regelset_versie,
        )
    )


async def stel_leerroute_vast(
    uow: UnitOfWork,
    advies_id: uuid.UUID,
    leerroute: Leerroute | None,
    motivering: str | None,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> RowMapping:
    advies = await advies_voor_besluit(uow, advies_id, gemeentecodes)
    if advies["status"] == VASTGESTELD:
        raise AdviesAlVastgesteld(
            "Een vastgestelde leerroute wijzigt u via 'wijzigen' of 'afschalen'."
        )
    geadviseerd = advies["geadviseerde_leerroute"]
    besluit = stel_vast(Leerroute(geadviseerd) if geadviseerd else None, leerroute, motivering)
    await uow.session.execute(
        leerroute_advies.update()
        .where(leerroute_advies.c.id == advies_id)
        .values(
            status=VASTGESTELD,
            vastgestelde_leerroute=besluit.leerroute,
            motivering=besluit.motivering,
            vastgesteld_at=nu,
        )
    )
    await uow.publish(
        LeerrouteVastgesteld(
            advies_id=advies_id,
            inburgeraar_id=advies["inburgeraar_id"],
            gemeentecode=advies["gemeentecode"],
            leerroute=besluit.leerroute,
            afwijkend_van_advies=besluit.afwijkend_van_advies,
            doelgroep=Doelgroep(advies["doelgroep"]),
            ambitie=Ambitie(advies["ambitie"]),
            opleidingsniveau=Opleidingsniveau(advies["opleidingsniveau"]),
        )
    )
    # Hours and registrations may precede the decision.
    await controleer_afronding(uow, advies["inburgeraar_id"], nu)
    row = await geef_advies(uow, advies_id, gemeentecodes)
    await uow.commit()
    return row


def _met_termijn() -> Select:
    return select(
        leerroute_advies,
        inburgeringstermijn.c.start_date.label("termijn_start_date"),
        inburgeringstermijn.c.eind_date.label("termijn_eind_date"),
        inburgeringstermijn.c.routewijziging_sluit_date,
        inburgeringstermijn.c.verlengingsvenster_open_date,
    ).select_from(
        leerroute_advies.outerjoin(
            inburgeringstermijn,
            inburgeringstermijn.c.inburgeraar_id == leerroute_advies.c.inburgeraar_id,
        )
    )


async def geef_advies(
    uow: UnitOfWork, advies_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    """Another tenant's advice is reported as not found, so existence does not leak."""
    row = (
        (
            await uow.session.execute(
                _met_termijn().where(
                    leerroute_advies.c.id == advies_id,
                    leerroute_advies.c.gemeentecode.in_(list(gemeentecodes)),
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise AdviesNietGevonden(f"Leerrouteadvies {advies_id} bestaat niet.")
    return row


async def advies_voor_besluit(
    uow: UnitOfWork, advies_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    """The advice locked for a decision: concurrent decisions on it are serialised, so the second
    sees the first one's outcome."""
    query = (
        select(leerroute_advies)
        .where(
            leerroute_advies.c.id == advies_id,
            leerroute_advies.c.gemeentecode.in_(list(gemeentecodes)),
        )
        .with_for_update()
    )
    row = (await uow.session.execute(query)).mappings().first()
    if row is None:
        raise AdviesNietGevonden(f"Leerrouteadvies {advies_id} bestaat niet.")
    return row


async def lijst_adviezen(
    uow: UnitOfWork,
    gemeentecodes: Iterable[str],
    *,
    inburgeraar_id: uuid.UUID | None = None,
    leerroute: Leerroute | None = None,
    status: str | None = None,
    deadline: str | None = None,
    deadline_tot: tuple[date, date] | None = None,
    limit: int,
    offset: int,
) -> list[RowMapping]:
    """`leerroute` is the current one: the decided route, or the advised one before a decision.
    `deadline_tot` (from, to) keeps advices with a termijn deadline in that period, of the kind
    `deadline` or of any kind."""
    query = _met_termijn().where(leerroute_advies.c.gemeentecode.in_(list(gemeentecodes)))
    if inburgeraar_id is not None:
        query = query.where(leerroute_advies.c.inburgeraar_id == inburgeraar_id)
    if leerroute is not None:
        huidige = func.coalesce(
            leerroute_advies.c.vastgestelde_leerroute, leerroute_advies.c.geadviseerde_leerroute
        )
        query = query.where(huidige == leerroute)
    if status is not None:
        query = query.where(leerroute_advies.c.status == status)
    if deadline_tot is not None:
        van, tot = deadline_tot
        kolommen = [DEADLINES[deadline]] if deadline else list(DEADLINES.values())
        query = query.where(or_(*(and_(k >= van, k <= tot) for k in kolommen)))
    result = await uow.session.execute(
        query.order_by(leerroute_advies.c.geadviseerd_at, leerroute_advies.c.id)
        .limit(limit)
        .offset(offset)
    )
    return list(result.mappings().all())
