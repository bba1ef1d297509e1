"""Receiving DUO's notifications: stored durably before the answer, processed later."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.tables import duo_notificatie
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.errors import BerichtIdHergebruikt, DuoNotificatieNietGevonden
from inburgering.intake.domain.notificatie import Notificatie
from inburgering.shared.crypto.keyring import Hasher
from inburgering.shared.persistence import UnitOfWork

VERWERK_TIMER = "duo-notificatie-verwerken"


class Status:
    ONTVANGEN = "ontvangen"
    VERWERKT = "verwerkt"
    GEPARKEERD = "geparkeerd"


async def ontvang_notificatie(
    uow: UnitOfWork, ctx: IntakeContext, notificatie: Notificatie, *, gemeentecode: str
) -> bool:
    """Store the notification and its processing timer in one transaction; True when new.

    The same berichtId with the same content is DUO resending: no second effect."""
    vault = ctx.vault
    bsn_hash = vault.lookup_hash(notificatie.bsn) if notificatie.bsn else None
    v_nummer_hash = (
        vault.lookup_hash(f"v:{notificatie.v_nummer}") if notificatie.v_nummer is not None else None
    )
    # One fingerprint per configured key (the current one first, which is stored): DUO may resend
    # a notification that arrived before a key rotation.
    vingerafdrukken = [
        _vingerafdruk(notificatie, vault.hasher, key_id) for key_id in vault.hasher.key_ids
    ]
    vingerafdruk = vingerafdrukken[0]
    if await _is_herhaling(uow, notificatie.bericht_id, vingerafdrukken):
        return False
    nu = ctx.clock()
    await uow.session.execute(
        duo_notificatie.insert().values(
            bericht_id=notificatie.bericht_id,
            bron=notificatie.bron,
            doel=notificatie.doel,
            gemeentecode=gemeentecode,
            gebeurtenis_id=notificatie.gebeurtenis_id,
            registratie_at=notificatie.registratie,
            bsn_hash=bsn_hash,
            bsn_encrypted=(
                vault.encrypt(notificatie.bsn, context=notificatie.bericht_id.bytes)
                if notificatie.bsn
                else None
            ),
            v_nummer_hash=v_nummer_hash,
            vingerafdruk=vingerafdruk,
            ontvangen_at=nu,
            status=Status.ONTVANGEN,
        )
    )
    await ctx.timers.schedule(
        uow.session,
        name=VERWERK_TIMER,
        aggregate_id=str(notificatie.bericht_id),
        due_at=nu,
        payload={"berichtId": str(notificatie.bericht_id)},
    )
    await uow.commit()
    return True


async def is_bekend(uow: UnitOfWork, bericht_id: uuid.UUID) -> bool:
    """After a lost insert race between two deliveries of one berichtId."""
    return await _bestaande(uow, bericht_id) is not None


def _vingerafdruk(notificatie: Notificatie, hasher: Hasher, key_id: str) -> str:
    def digest(value: str | None) -> str:
        return hasher.digest_under(key_id, value) if value is not None else ""

    return hashlib.sha256(
        "|".join(
            (
                notificatie.doel,
                notificatie.gebeurtenis_id,
                notificatie.registratie.isoformat(),
                digest(notificatie.bsn or None),
                digest(f"v:{notificatie.v_nummer}" if notificatie.v_nummer is not None else None),
            )
        ).encode()
    ).hexdigest()


async def _is_herhaling(
    uow: UnitOfWork, bericht_id: uuid.UUID, vingerafdrukken: Sequence[str]
) -> bool:
    bestaand = await _bestaande(uow, bericht_id)
    if bestaand is None:
        return False
    if bestaand not in vingerafdrukken:
        raise BerichtIdHergebruikt("Dit berichtId hoort bij een andere notificatie.")
    return True


async def _bestaande(uow: UnitOfWork, bericht_id: uuid.UUID) -> str | None:
    result = await uow.session.execute(
        select(duo_notificatie.c.vingerafdruk).where(duo_notificatie.c.bericht_id == bericht_id)
    )
    return result.scalar_one_or_none()


_PUBLIC = (
    duo_notificatie.c.bericht_id,
    duo_notificatie.c.gemeentecode,
    duo_notificatie.c.gebeurtenis_id,
    duo_notificatie.c.registratie_at,
    duo_notificatie.c.ontvangen_at,
    duo_notificatie.c.status,
    duo_notificatie.c.reden,
    duo_notificatie.c.pogingen,
    duo_notificatie.c.laatste_fout,
    duo_notificatie.c.inburgeraar_id,
    duo_notificatie.c.verwerkt_at,
)


async def lijst_notificaties(
    uow: UnitOfWork,
    gemeentecodes: Iterable[str] | None,
    *,
    status: str | None,
    limit: int,
    offset: int,
) -> list[RowMapping]:
    """`gemeentecodes` None means every gemeente (beheer)."""
    query = select(*_PUBLIC).order_by(duo_notificatie.c.ontvangen_at, duo_notificatie.c.bericht_id)
    if gemeentecodes is not None:
        query = query.where(duo_notificatie.c.gemeentecode.in_(list(gemeentecodes)))
    if status is not None:
        query = query.where(duo_notificatie.c.status == status)
    result = await uow.session.execute(query.limit(limit).offset(offset))
    return list(result.mappings().all())


async def verwerk_opnieuw(
    uow: UnitOfWork, ctx: IntakeContext, bericht_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    """A person resolved why a notification was parked (e.g. registered the inburgeraar)."""
    row = await _notificatie(uow, bericht_id, gemeentecodes)
    if row["status"] == Status.GEPARKEERD:
        pogingen = row["pogingen"]
        await uow.session.execute(
            update(duo_notificatie)
            .where(duo_notificatie.c.bericht_id == bericht_id)
            .values(status=Status.ONTVANGEN, reden=None, pogingen=pogingen + 1)
        )
        await ctx.timers.schedule(
            uow.session,
            name=VERWERK_TIMER,
            aggregate_id=f"{bericht_id}#handmatig{pogingen + 1}",
            due_at=ctx.clock(),
            payload={"berichtId": str(bericht_id)},
        )
    row = await _notificatie(uow, bericht_id, gemeentecodes)
    await uow.commit()
    return row


async def _notificatie(
    uow: UnitOfWork, bericht_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    row = (
        (
            await uow.session.execute(
                select(*_PUBLIC).where(
                    duo_notificatie.c.bericht_id == bericht_id,
                    duo_notificatie.c.gemeentecode.in_(list(gemeentecodes)),
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise DuoNotificatieNietGevonden(f"Notificatie {bericht_id} bestaat niet.")
    return row
