"""Processing one stored DUO notification (fired by the scheduler): look up, then apply.

Runs in the timer's transaction: the domain changes, the events, the history entry and the
notification's new status commit together, or not at all (and the timer stays pending)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

import structlog
from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.duo_client import DuoOnbereikbaar, DuoWeigert
from inburgering.intake.adapters.tables import duo_gebeurtenis, duo_notificatie, inburgeraar
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.gebeurtenissen import Soort, herken
from inburgering.intake.domain.herhaling import wachttijd
from inburgering.intake.usecases import toepassen
from inburgering.intake.usecases.duo_raadpleging import raadpleeg
from inburgering.intake.usecases.notificaties import VERWERK_TIMER, Status
from inburgering.intake.usecases.toepassen import Parkeren, Verwerking
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Timer

log = structlog.get_logger(__name__)


Verwerker = Callable[[Verwerking], Awaitable[tuple[uuid.UUID, str | None]]]


async def verwerk_notificatie(uow: UnitOfWork, timer: Timer, *, ctx: IntakeContext) -> None:
    bericht_id = uuid.UUID(timer.payload["berichtId"])
    row = (
        (
            await uow.session.execute(
                select(duo_notificatie).where(duo_notificatie.c.bericht_id == bericht_id)
            )
        )
        .mappings()
        .first()
    )
    if row is None or row["status"] != Status.ONTVANGEN:
        return
    gebeurtenis = herken(row["gebeurtenis_id"])
    if gebeurtenis is None:
        await _parkeer(uow, ctx, row, f"Onbekende gebeurtenis {row['gebeurtenis_id']}.")
        return
    if row["bsn_encrypted"] is None:
        await _parkeer(uow, ctx, row, "Alleen een V-nummer: DUO is alleen per BSN te raadplegen.")
        return
    bsn = ctx.vault.decrypt(row["bsn_encrypted"], context=bericht_id.bytes)
    try:
        opgehaald = await raadpleeg(ctx.duo, gebeurtenis, bsn, ctx.oin_van(row["gemeentecode"]))
    except DuoOnbereikbaar as exc:
        await _later_opnieuw(uow, ctx, row, str(exc))
        return
    except DuoWeigert as exc:
        await _parkeer(uow, ctx, row, f"DUO weigert de raadpleging: {exc}"[:200])
        return
    persoon = await _persoon(uow, row["gemeentecode"], ctx.vault.lookup_hashes(bsn))
    verwerking = Verwerking(uow, ctx, row, gebeurtenis, bsn, persoon, opgehaald)
    try:
        inburgeraar_id, toelichting = await VERWERKERS[gebeurtenis.soort](verwerking)
    except Parkeren as exc:
        await _parkeer(uow, ctx, row, str(exc))
        return
    nu = ctx.clock()
    await uow.session.execute(
        duo_gebeurtenis.insert().values(
            id=uuid.uuid4(),
            inburgeraar_id=inburgeraar_id,
            gemeentecode=row["gemeentecode"],
            bericht_id=bericht_id,
            gebeurtenis_id=gebeurtenis.id,
            omschrijving=gebeurtenis.omschrijving,
            toelichting=toelichting,
            geregistreerd_at=row["registratie_at"],
            verwerkt_at=nu,
        )
    )
    await _markeer(uow, bericht_id, status=Status.VERWERKT, inburgeraar_id=inburgeraar_id, nu=nu)
    log.info("duo.notificatie_verwerkt", gebeurtenis=gebeurtenis.id, bericht_id=str(bericht_id))


VERWERKERS: dict[Soort, Verwerker] = {
    Soort.NIEUWE_PLICHTIGE: toepassen.nieuwe_plichtige,
    Soort.GEVESTIGD: toepassen.gevestigd,
    Soort.DOELGROEP_GEWIJZIGD: toepassen.doelgroep_gewijzigd,
    Soort.PLICHT_BEEINDIGD: toepassen.plicht_beeindigd,
    Soort.PLICHT_VOLDAAN: toepassen.plicht_voldaan,
    Soort.LBT_AANGEMELD: toepassen.alleen_vastleggen,
    Soort.LBT_UITSLAG: toepassen.lbt_uitslag,
    Soort.TERMIJN_GESTART: toepassen.termijn_gestart,
    Soort.TERMIJN_GEWIJZIGD: toepassen.termijn_gewijzigd,
    Soort.EXAMENUITSLAG: toepassen.examenuitslag,
    Soort.VERZOEK_BEOORDEELD: toepassen.verzoek_beoordeeld,
}


async def _persoon(
    uow: UnitOfWork, gemeentecode: str, bsn_hashes: Sequence[str]
) -> RowMapping | None:
    """The person by any of the BSN's hashes: one per configured key, so that a key rotation
    does not hide anyone until the rekey run has re-hashed them."""
    result = await uow.session.execute(
        select(inburgeraar).where(
            inburgeraar.c.gemeentecode == gemeentecode, inburgeraar.c.bsn_hash.in_(bsn_hashes)
        )
    )
    return result.mappings().first()


async def _parkeer(uow: UnitOfWork, ctx: IntakeContext, row: RowMapping, reden: str) -> None:
    persoon = None
    if row["bsn_encrypted"] is not None:
        bsn = ctx.vault.decrypt(row["bsn_encrypted"], context=row["bericht_id"].bytes)
        persoon = await _persoon(uow, row["gemeentecode"], ctx.vault.lookup_hashes(bsn))
    await uow.session.execute(
        update(duo_notificatie)
        .where(duo_notificatie.c.bericht_id == row["bericht_id"])
        .values(
            status=Status.GEPARKEERD,
            reden=reden[:200],
            inburgeraar_id=persoon["id"] if persoon is not None else None,
            verwerkt_at=ctx.clock(),
        )
    )
    log.warning("duo.notificatie_geparkeerd", gebeurtenis=row["gebeurtenis_id"], reden=reden)


async def _later_opnieuw(uow: UnitOfWork, ctx: IntakeContext, row: RowMapping, fout: str) -> None:
    poging = row["pogingen"] + 1
    settings = ctx.settings
    wacht = wachttijd(
        poging,
        basis_seconden=settings.duo_retry_seconds,
        max_seconden=settings.duo_retry_max_seconds,
    )
    await uow.session.execute(
        update(duo_notificatie)
        .where(duo_notificatie.c.bericht_id == row["bericht_id"])
        .values(pogingen=poging, laatste_fout=fout[:200])
    )
    await ctx.timers.schedule(
        uow.session,
        name=VERWERK_TIMER,
        aggregate_id=f"{row['bericht_id']}#{poging}",
        due_at=ctx.clock() + wacht,
        payload={"berichtId": str(row["bericht_id"])},
    )
    log.warning("duo.onbereikbaar", poging=poging, fout=fout)


async def _markeer(
    uow: UnitOfWork,
    bericht_id: uuid.UUID,
    *,
    status: str,
    inburgeraar_id: uuid.UUID,
    nu: datetime,
) -> None:
    await uow.session.execute(
        update(duo_notificatie)
        .where(duo_notificatie.c.bericht_id == bericht_id)
        .values(status=status, inburgeraar_id=inburgeraar_id, verwerkt_at=nu, laatste_fout=None)
    )
