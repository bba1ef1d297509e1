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
from inburgering.intake.domain.poging import onleesbaar, reden
from inburgering.intake.usecases import toepassen
from inburgering.intake.usecases.duo_raadpleging import raadpleeg
from inburgering.intake.usecases.notificaties import VERWERK_TIMER, Status
from inburgering.intake.usecases.toepassen import Parkeren, Verwerking
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Timer

log = structlog.get_logger(__name__)


Verwerker = Callable[[Verwerking], Awaitable[tuple[uuid.UUID, str | None]]]


async def verwerk_notificatie(uow: UnitOfWork, timer: Timer, *, ctx: IntakeContext) -> None:
    """Every attempt counts: a failure of any kind (DUO unreachable, an answer that cannot be
    read, a bug) is recorded with its reason and retried with backoff, and after
    `duo_max_pogingen` attempts the notification is parked. It never raises for one
    notification, so a poll never keeps firing the same failure."""
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
    poging = row["pogingen"] + 1
    # Counted before the attempt, outside its savepoint: a failed attempt still counts.
    await uow.session.execute(
        update(duo_notificatie)
        .where(duo_notificatie.c.bericht_id == bericht_id)
        .values(pogingen=poging)
    )
    try:
        async with uow.session.begin_nested():
            await _verwerk(uow, ctx, row)
    except DuoOnbereikbaar as exc:
        await _mislukt(uow, ctx, row, poging, str(exc))
    except Exception as exc:
        await _mislukt(uow, ctx, row, poging, reden(exc))


async def _verwerk(uow: UnitOfWork, ctx: IntakeContext, row: RowMapping) -> None:
    bericht_id: uuid.UUID = row["bericht_id"]
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
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        # Applying DUO's answer failed on its shape (a field missing, a score that is no
        # number): say so in words, not as a stack trace.
        raise onleesbaar(exc) from exc
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


async def _parkeer(
    uow: UnitOfWork, ctx: IntakeContext, row: RowMapping, reden: str, *, fout: str | None = None
) -> None:
    persoon = await _persoon_van(uow, ctx, row)
    await uow.session.execute(
        update(duo_notificatie)
        .where(duo_notificatie.c.bericht_id == row["bericht_id"])
        .values(
            status=Status.GEPARKEERD,
            reden=reden[:200],
            inburgeraar_id=persoon["id"] if persoon is not None else None,
            verwerkt_at=ctx.clock(),
            laatste_fout=fout,
        )
    )
    log.warning("duo.notificatie_geparkeerd", gebeurtenis=row["gebeurtenis_id"], reden=reden)


async def _persoon_van(uow: UnitOfWork, ctx: IntakeContext, row: RowMapping) -> RowMapping | None:
    """Whom a parked notification is about, if that can be told; parking never fails on it."""
    if row["bsn_encrypted"] is None:
        return None
    try:
        async with uow.session.begin_nested():
            bsn = ctx.vault.decrypt(row["bsn_encrypted"], context=row["bericht_id"].bytes)
            return await _persoon(uow, row["gemeentecode"], ctx.vault.lookup_hashes(bsn))
    except Exception:
        log.exception("duo.notificatie_persoon_onbekend", bericht_id=str(row["bericht_id"]))
        return None


async def _mislukt(
    uow: UnitOfWork, ctx: IntakeContext, row: RowMapping, poging: int, fout: str
) -> None:
    """Retry later with backoff, or park once the attempts are used up."""
    settings = ctx.settings
    fout = fout[:200]
    if poging >= settings.duo_max_pogingen:
        await _parkeer(uow, ctx, row, f"Na {poging} pogingen niet verwerkt. {fout}", fout=fout)
        return
    wacht = wachttijd(
        poging,
        basis_seconden=settings.duo_retry_seconds,
        max_seconden=settings.duo_retry_max_seconds,
    )
    await uow.session.execute(
        update(duo_notificatie)
        .where(duo_notificatie.c.bericht_id == row["bericht_id"])
        .values(laatste_fout=fout)
    )
    await ctx.timers.schedule(
        uow.session,
        name=VERWERK_TIMER,
        aggregate_id=f"{row['bericht_id']}#{poging}",
        due_at=ctx.clock() + wacht,
        payload={"berichtId": str(row["bericht_id"])},
    )
    log.warning(
        "duo.notificatie_poging_mislukt",
        gebeurtenis=row["gebeurtenis_id"],
        bericht_id=str(row["bericht_id"]),
        poging=poging,
        fout=fout,
    )


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
