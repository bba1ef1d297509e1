"""Health data of the brede intake: stored encrypted and apart, every access recorded."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select

from inburgering.intake.adapters.gezondheid_vault import GezondheidVault
from inburgering.intake.adapters.tables import gezondheid, inburgeraar, verwerkingslog
from inburgering.intake.domain.brede_intake import (
    GRONDSLAG_GEZONDHEID,
    DoelVerwerking,
    Gezondheid,
    Verwerker,
)
from inburgering.intake.domain.errors import GezondheidNietGevonden, InburgeraarNietGevonden
from inburgering.shared.persistence import UnitOfWork

GEGEVENS = "gezondheid"


async def leg_gezondheid_vast(
    uow: UnitOfWork,
    vault: GezondheidVault,
    *,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    gegevens: Gezondheid,
    door: Verwerker,
) -> None:
    """Part of the intake's transaction: stored together with the intake or not at all."""
    await uow.session.execute(
        gezondheid.insert().values(
            id=uuid.uuid4(),
            inburgeraar_id=inburgeraar_id,
            gemeentecode=gemeentecode,
            versleuteld=vault.encrypt(gegevens, inburgeraar_id=inburgeraar_id.bytes),
            vastgelegd_at=datetime.now(UTC),
        )
    )
    await _registreer(
        uow, door, inburgeraar_id, gemeentecode, "vastleggen", DoelVerwerking.BREDE_INTAKE
    )


async def lees_gezondheid(
    uow: UnitOfWork,
    vault: GezondheidVault,
    *,
    inburgeraar_id: uuid.UUID,
    gemeentecodes: Iterable[str],
    door: Verwerker,
    doel: DoelVerwerking,
) -> Gezondheid:
    """The read and its processing record commit together: no read goes unrecorded."""
    row = (
        await uow.session.execute(
            select(inburgeraar.c.gemeentecode, gezondheid.c.versleuteld)
            .select_from(inburgeraar.outerjoin(gezondheid))
            .where(
                inburgeraar.c.id == inburgeraar_id,
                inburgeraar.c.gemeentecode.in_(list(gemeentecodes)),
            )
        )
    ).first()
    if row is None:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
    if row.versleuteld is None:
        raise GezondheidNietGevonden("Voor deze inburgeraar is geen gezondheid vastgelegd.")
    gegevens = vault.decrypt(row.versleuteld, inburgeraar_id=inburgeraar_id.bytes)
    await _registreer(uow, door, inburgeraar_id, row.gemeentecode, "lezen", doel)
    await uow.commit()
    return gegevens


async def _registreer(
    uow: UnitOfWork,
    door: Verwerker,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    handeling: str,
    doel: DoelVerwerking,
) -> None:
    await uow.session.execute(
        verwerkingslog.insert().values(
            id=uuid.uuid4(),
            verwerkt_at=datetime.now(UTC),
            actor=door.actor,
            rol=door.rol,
            gemeentecode=gemeentecode,
            inburgeraar_id=inburgeraar_id,
            gegevens=GEGEVENS,
            handeling=handeling,
            doel=doel,
            grondslag=GRONDSLAG_GEZONDHEID,
        )
    )
