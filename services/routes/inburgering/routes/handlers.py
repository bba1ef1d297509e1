"""Routes use cases: each runs in one unit of work and appends its events to the outbox."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import leerroute_advies
from inburgering.routes.domain.advies import Beleid, Intakefeiten, adviseer
from inburgering.routes.domain.errors import AdviesAlVastgesteld, AdviesNietGevonden
from inburgering.routes.domain.vaststelling import stel_vast
from inburgering.shared.events.intake import IntakeAfgerond
from inburgering.shared.events.routes import LeerrouteGeadviseerd, LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Ambitie, Doelgroep, Leerroute, Opleidingsniveau
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

GEADVISEERD = "geadviseerd"
VASTGESTELD = "vastgesteld"


async def when_intake_afgerond_adviseer_leerroute(
    uow: UnitOfWork, event: IntakeAfgerond, envelope: Envelope, *, beleid: Beleid
) -> None:
    """Store the advice and announce it; the caller (the consumer) commits."""
    advies = adviseer(
        Intakefeiten(
            leerbaarheidstoets=event.leerbaarheidstoets,
            opleidingsniveau=event.opleidingsniveau,
            ambitie=event.ambitie,
            leeftijd=event.leeftijd,
        ),
        beleid,
    )
    advies_id = uuid.uuid4()
    insert = pg_insert if uow.session.bind.dialect.name == "postgresql" else sqlite_insert
    # Insert-or-nothing on the inburgeraar, so even two concurrent deliveries give one advice.
    result = await uow.session.execute(
        insert(leerroute_advies)
        .values(
            id=advies_id,
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            intake_id=event.intake_id,
            doelgroep=event.doelgroep,
            leerbaarheidstoets=event.leerbaarheidstoets,
            ambitie=event.ambitie,
            opleidingsniveau=event.opleidingsniveau,
            leeftijd=event.leeftijd,
            geadviseerde_leerroute=advies.leerroute,
            regel=advies.regel,
            regelset_versie=advies.regelset_versie,
            uitleg=list(advies.uitleg),
            status=GEADVISEERD,
            geadviseerd_at=datetime.now(UTC),
        )
        .on_conflict_do_nothing(index_elements=["inburgeraar_id"])
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
) -> RowMapping:
    advies = await _advies(uow, advies_id, gemeentecodes, for_update=True)
    if advies["status"] == VASTGESTELD:
        raise AdviesAlVastgesteld("Een vastgestelde leerroute wordt hier niet gewijzigd.")
    geadviseerd = advies["geadviseerde_leerroute"]
    besluit = stel_vast(Leerroute(geadviseerd) if geadviseerd else None, leerroute, motivering)
    await uow.session.execute(
        leerroute_advies.update()
        .where(leerroute_advies.c.id == advies_id)
        .values(
            status=VASTGESTELD,
            vastgestelde_leerroute=besluit.leerroute,
            motivering=besluit.motivering,
            vastgesteld_at=datetime.now(UTC),
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
    row = await _advies(uow, advies_id, gemeentecodes)
    await uow.commit()
    return row


async def geef_advies(
    uow: UnitOfWork, advies_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    return await _advies(uow, advies_id, gemeentecodes)


async def lijst_adviezen(
    uow: UnitOfWork,
    gemeentecodes: Iterable[str],
    *,
    inburgeraar_id: uuid.UUID | None = None,
    limit: int,
    offset: int,
) -> list[RowMapping]:
    query = select(leerroute_advies).where(leerroute_advies.c.gemeentecode.in_(list(gemeentecodes)))
    if inburgeraar_id is not None:
        query = query.where(leerroute_advies.c.inburgeraar_id == inburgeraar_id)
    result = await uow.session.execute(
        query.order_by(leerroute_advies.c.geadviseerd_at, leerroute_advies.c.id)
        .limit(limit)
        .offset(offset)
    )
    return list(result.mappings().all())


async def _advies(
    uow: UnitOfWork, advies_id: uuid.UUID, gemeentecodes: Iterable[str], *, for_update: bool = False
) -> RowMapping:
    """Another tenant's advice is reported as not found, so existence does not leak."""
    query = select(leerroute_advies).where(
        leerroute_advies.c.id == advies_id,
        leerroute_advies.c.gemeentecode.in_(list(gemeentecodes)),
    )
    if for_update:
        # Serialises concurrent decisions on one advice; the second then sees `vastgesteld`.
        query = query.with_for_update()
    row = (await uow.session.execute(query)).mappings().first()
    if row is None:
        raise AdviesNietGevonden(f"Leerrouteadvies {advies_id} bestaat niet.")
    return row
