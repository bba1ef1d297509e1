"""Use cases of the API: subscriptions, their delivery log, resend, replay and the pull feed."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, and_, insert, select, update
from sqlalchemy.engine import RowMapping

from inburgering.shared.persistence import UnitOfWork
from inburgering.subscriptions.adapters.credential_box import CredentialBox
from inburgering.subscriptions.adapters.tables import abonnement, aflevering, gebeurtenis
from inburgering.subscriptions.domain.credentials import Credential
from inburgering.subscriptions.domain.errors import (
    AbonnementBeeindigd,
    AbonnementNietGevonden,
    AfleveringNietGevonden,
)
from inburgering.subscriptions.domain.model import (
    AbonnementStatus,
    AfleveringStatus,
    Formaat,
    Gebeurtenis,
    Informatie,
    new_secret,
)


@dataclass(frozen=True)
class RegistreerAbonnement:
    gemeentecode: str
    callback_url: str
    credential: Credential
    types: list[str]
    formaat: Formaat
    informatie: Informatie


async def registreer_abonnement(
    uow: UnitOfWork, command: RegistreerAbonnement, box: CredentialBox
) -> tuple[RowMapping, str]:
    """Stored only after the receiver confirmed it (the caller did the handshake). Returns the
    row and the HMAC signing key in clear, which is answered once and stored only sealed."""
    abonnement_id = uuid.uuid4()
    secret = new_secret()
    await uow.session.execute(
        insert(abonnement).values(
            id=abonnement_id,
            gemeentecode=command.gemeentecode,
            callback_url=command.callback_url,
            credential=box.seal(command.credential, abonnement_id=abonnement_id),
            hmac_secret=box.seal_secret(secret, abonnement_id=abonnement_id),
            types=sorted(set(command.types)),
            formaat=command.formaat,
            informatie=command.informatie,
            status=AbonnementStatus.ACTIEF,
            opeenvolgende_mislukkingen=0,
            aangemaakt_at=datetime.now(UTC),
        )
    )
    row = await geef_abonnement(uow, abonnement_id, [command.gemeentecode])
    await uow.commit()
    return row, secret


async def geef_abonnement(
    uow: UnitOfWork, abonnement_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    """Another gemeente's subscription does not exist for this caller."""
    row = (
        (
            await uow.session.execute(
                select(abonnement).where(
                    abonnement.c.id == abonnement_id,
                    abonnement.c.gemeentecode.in_(list(gemeentecodes)),
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise AbonnementNietGevonden(f"Abonnement {abonnement_id} bestaat niet.")
    return row


async def lijst_abonnementen(uow: UnitOfWork, gemeentecodes: Iterable[str]) -> list[RowMapping]:
    result = await uow.session.execute(
        select(abonnement)
        .where(abonnement.c.gemeentecode.in_(list(gemeentecodes)))
        .order_by(abonnement.c.aangemaakt_at, abonnement.c.id)
    )
    return list(result.mappings().all())


async def zeg_op(uow: UnitOfWork, abonnement_id: uuid.UUID, gemeentecodes: Iterable[str]) -> None:
    await geef_abonnement(uow, abonnement_id, gemeentecodes)
    await beeindig(uow, abonnement_id, "opgezegd door de gemeente")
    await uow.commit()


async def beeindig(uow: UnitOfWork, abonnement_id: uuid.UUID, reden: str) -> None:
    """No more deliveries; those still waiting lapse."""
    await uow.session.execute(
        update(abonnement)
        .where(abonnement.c.id == abonnement_id)
        .values(status=AbonnementStatus.BEEINDIGD, beeindigd_reden=reden)
    )
    await uow.session.execute(
        update(aflevering)
        .where(
            aflevering.c.abonnement_id == abonnement_id,
            aflevering.c.status == AfleveringStatus.WACHTEND,
        )
        .values(status=AfleveringStatus.VERVALLEN)
    )


async def afleveringen(
    uow: UnitOfWork,
    abonnement_id: uuid.UUID,
    gemeentecodes: Iterable[str],
    *,
    status: AfleveringStatus | None,
    limit: int,
    offset: int,
) -> list[RowMapping]:
    await geef_abonnement(uow, abonnement_id, gemeentecodes)
    query = (
        _log_query()
        .where(aflevering.c.abonnement_id == abonnement_id)
        .order_by(aflevering.c.volgnummer, aflevering.c.aangemaakt_at)
        .limit(limit)
        .offset(offset)
    )
    if status is not None:
        query = query.where(aflevering.c.status == status)
    return list((await uow.session.execute(query)).mappings().all())


_LOG_COLUMNS = (
    aflevering.c.id,
    aflevering.c.abonnement_id,
    aflevering.c.status,
    aflevering.c.pogingen,
    aflevering.c.volgnummer,
    aflevering.c.volgende_poging_at,
    aflevering.c.laatste_status,
    aflevering.c.laatste_fout,
    aflevering.c.afgeleverd_at,
    aflevering.c.aangemaakt_at,
    gebeurtenis.c.event_id,
    gebeurtenis.c.type,
)


def _log_query() -> Select:
    return (
        select(*_LOG_COLUMNS)
        .select_from(aflevering)
        .join(gebeurtenis, gebeurtenis.c.id == aflevering.c.gebeurtenis_id)
    )


async def verstuur_opnieuw(
    uow: UnitOfWork,
    abonnement_id: uuid.UUID,
    aflevering_id: uuid.UUID,
    gemeentecodes: Iterable[str],
) -> RowMapping:
    """Queue the delivery again; it goes out before later events of the same inburgeraar."""
    ab = await geef_abonnement(uow, abonnement_id, gemeentecodes)
    if ab["status"] != AbonnementStatus.ACTIEF:
        raise AbonnementBeeindigd("Een beëindigd abonnement verstuurt niets meer.")
    where = and_(aflevering.c.id == aflevering_id, aflevering.c.abonnement_id == abonnement_id)
    found = (await uow.session.execute(select(aflevering.c.status).where(where))).first()
    if found is None:
        raise AfleveringNietGevonden(f"Aflevering {aflevering_id} bestaat niet.")
    if found.status != AfleveringStatus.WACHTEND:
        await uow.session.execute(
            update(aflevering)
            .where(where)
            .values(
                status=AfleveringStatus.WACHTEND,
                volgende_poging_at=datetime.now(UTC),
                geclaimd_tot=None,
            )
        )
    row = (await uow.session.execute(_log_query().where(where))).mappings().one()
    await uow.commit()
    return row


async def speel_opnieuw_af(
    uow: UnitOfWork, abonnement_id: uuid.UUID, vanaf: datetime, gemeentecodes: Iterable[str]
) -> int:
    """Queue every event of the gemeente since `vanaf` (that passes the filter) once more.

    Events already waiting for this subscription are not queued twice."""
    ab = await geef_abonnement(uow, abonnement_id, gemeentecodes)
    if ab["status"] != AbonnementStatus.ACTIEF:
        raise AbonnementBeeindigd("Een beëindigd abonnement verstuurt niets meer.")
    waiting = select(aflevering.c.gebeurtenis_id).where(
        aflevering.c.abonnement_id == abonnement_id,
        aflevering.c.status == AfleveringStatus.WACHTEND,
    )
    query = (
        select(gebeurtenis.c.id, gebeurtenis.c.sleutel, gebeurtenis.c.volgnummer)
        .where(
            gebeurtenis.c.gemeentecode == ab["gemeentecode"],
            gebeurtenis.c.time >= vanaf.astimezone(UTC),
            gebeurtenis.c.id.not_in(waiting),
        )
        .order_by(gebeurtenis.c.volgnummer)
    )
    if ab["types"]:
        query = query.where(gebeurtenis.c.type.in_(ab["types"]))
    now = datetime.now(UTC)
    rows = [
        {
            "id": uuid.uuid4(),
            "abonnement_id": abonnement_id,
            "gebeurtenis_id": event.id,
            "sleutel": event.sleutel,
            "volgnummer": event.volgnummer,
            "status": AfleveringStatus.WACHTEND,
            "pogingen": 0,
            "volgende_poging_at": now,
            "aangemaakt_at": now,
        }
        for event in await uow.session.execute(query)
    ]
    if rows:
        await uow.session.execute(insert(aflevering), rows)
    await uow.commit()
    return len(rows)


async def gebeurtenissen(
    uow: UnitOfWork, gemeentecode: str, *, na: int, limit: int
) -> list[Gebeurtenis]:
    """The pull feed: the gemeente's events after cursor `na`, in order."""
    result = await uow.session.execute(
        select(gebeurtenis)
        .where(gebeurtenis.c.gemeentecode == gemeentecode, gebeurtenis.c.volgnummer > na)
        .order_by(gebeurtenis.c.volgnummer)
        .limit(limit)
    )
    return [as_gebeurtenis(row) for row in result.mappings()]


def as_gebeurtenis(row: RowMapping) -> Gebeurtenis:
    return Gebeurtenis(
        gemeentecode=row["gemeentecode"],
        volgnummer=row["volgnummer"],
        event_id=row["event_id"],
        source=row["source"],
        type=row["type"],
        topic=row["topic"],
        time=row["time"],
        sleutel=row["sleutel"],
        data=row["data"],
        traceparent=row["traceparent"],
    )
