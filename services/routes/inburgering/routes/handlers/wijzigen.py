"""Changes to a decided leerroute: another route, or the B1-route scaled down to A2."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from inburgering.routes.adapters.tables import leerroute_advies, leerroute_wijziging
from inburgering.routes.domain.afschaling import schaal_af
from inburgering.routes.domain.errors import LeerrouteNietVastgesteld
from inburgering.routes.domain.kalender import vandaag
from inburgering.routes.domain.wijziging import Wijzigingsgrond, wijzig
from inburgering.routes.handlers.adviezen import VASTGESTELD, advies_voor_besluit, geef_advies
from inburgering.routes.handlers.termijn import termijn_van
from inburgering.routes.handlers.uren import erkende_nt2_uren
from inburgering.routes.handlers.voortgang import controleer_afronding
from inburgering.shared.events.routes import AfschalingA2Besloten, LeerrouteGewijzigd, Vaardigheid
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.persistence import UnitOfWork

WIJZIGING = "wijziging"
AFSCHALING = "afschaling"


async def _vastgesteld(
    uow: UnitOfWork, advies_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    advies = await advies_voor_besluit(uow, advies_id, gemeentecodes)
    if advies["status"] != VASTGESTELD:
        raise LeerrouteNietVastgesteld(
            "Stel de leerroute eerst vast ('vaststellen'); pas daarna kan zij wijzigen."
        )
    return advies


async def wijzig_leerroute(
    uow: UnitOfWork,
    advies_id: uuid.UUID,
    leerroute: Leerroute,
    grond: Wijzigingsgrond,
    motivering: str | None,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> RowMapping:
    advies = await _vastgesteld(uow, advies_id, gemeentecodes)
    termijn = await termijn_van(uow, advies["inburgeraar_id"])
    vorige = Leerroute(advies["vastgestelde_leerroute"])
    besluit = wijzig(vorige, leerroute, grond, motivering, termijn, vandaag(nu))
    await uow.session.execute(
        leerroute_advies.update()
        .where(leerroute_advies.c.id == advies_id)
        # A scaling-down belongs to the B1-route it was decided on; a new route starts at B1.
        .values(vastgestelde_leerroute=besluit.nieuwe, a2_vaardigheden=[], gewijzigd_at=nu)
    )
    await uow.session.execute(
        leerroute_wijziging.insert().values(
            id=uuid.uuid4(),
            advies_id=advies_id,
            soort=WIJZIGING,
            vorige_leerroute=vorige,
            leerroute=besluit.nieuwe,
            grond=besluit.grond,
            motivering=besluit.motivering,
            ingangs_date=besluit.ingangsdatum,
            besloten_at=nu,
        )
    )
    await uow.publish(
        LeerrouteGewijzigd(
            advies_id=advies_id,
            inburgeraar_id=advies["inburgeraar_id"],
            gemeentecode=advies["gemeentecode"],
            vorige_leerroute=vorige,
            leerroute=besluit.nieuwe,
            ingangsdatum=besluit.ingangsdatum,
        )
    )
    # Hours counted before a change to the Z-route may already meet its norms ([Bi] 5.4.4).
    await controleer_afronding(uow, advies["inburgeraar_id"], nu)
    row = await geef_advies(uow, advies_id, gemeentecodes)
    await uow.commit()
    return row


async def schaal_af_naar_a2(
    uow: UnitOfWork,
    advies_id: uuid.UUID,
    vaardigheden: Collection[Vaardigheid],
    motivering: str | None,
    gemeentecodes: Iterable[str],
    nu: datetime,
) -> RowMapping:
    advies = await _vastgesteld(uow, advies_id, gemeentecodes)
    leerroute = Leerroute(advies["vastgestelde_leerroute"])
    al_afgeschaald = [Vaardigheid(v) for v in advies["a2_vaardigheden"]]
    uren = await erkende_nt2_uren(uow, advies["inburgeraar_id"])
    besluit = schaal_af(leerroute, al_afgeschaald, vaardigheden, uren, motivering, vandaag(nu))
    await uow.session.execute(
        leerroute_advies.update()
        .where(leerroute_advies.c.id == advies_id)
        .values(
            a2_vaardigheden=sorted({*al_afgeschaald, *besluit.vaardigheden}),
            gewijzigd_at=nu,
        )
    )
    await uow.session.execute(
        leerroute_wijziging.insert().values(
            id=uuid.uuid4(),
            advies_id=advies_id,
            soort=AFSCHALING,
            vorige_leerroute=leerroute,
            leerroute=leerroute,
            vaardigheden=sorted(besluit.vaardigheden),
            nt2_uren=besluit.nt2_uren,
            motivering=besluit.motivering,
            ingangs_date=besluit.ingangsdatum,
            besloten_at=nu,
        )
    )
    await uow.publish(
        AfschalingA2Besloten(
            advies_id=advies_id,
            inburgeraar_id=advies["inburgeraar_id"],
            gemeentecode=advies["gemeentecode"],
            vaardigheden=sorted(besluit.vaardigheden),
            nt2_uren=besluit.nt2_uren,
            ingangsdatum=besluit.ingangsdatum,
        )
    )
    # An exam part already passed at A2 may now meet the lowered target ([Wi] 17.3).
    await controleer_afronding(uow, advies["inburgeraar_id"], nu)
    row = await geef_advies(uow, advies_id, gemeentecodes)
    await uow.commit()
    return row


async def lijst_wijzigingen(
    uow: UnitOfWork, advies_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> list[RowMapping]:
    await geef_advies(uow, advies_id, gemeentecodes)
    result = await uow.session.execute(
        select(leerroute_wijziging)
        .where(leerroute_wijziging.c.advies_id == advies_id)
        .order_by(leerroute_wijziging.c.besloten_at, leerroute_wijziging.c.id)
    )
    return list(result.mappings().all())
