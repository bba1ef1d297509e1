"""Name and address: recorded by the gemeente, read by the gemeente and, while a placement of
the person runs with it, by the provider ([Bi] art. 9.2.3). Every read is an API call with the
inburgeraar in its path, so the logboek records it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.engine import Row

from inburgering.intake.adapters.contactgegevens_vault import ContactgegevensVault
from inburgering.intake.adapters.tables import aanbieder_inzage, contactgegevens, inburgeraar
from inburgering.intake.domain.contactgegevens import Contactgegevens, Inzage
from inburgering.intake.domain.errors import ContactgegevensNietGevonden, InburgeraarNietGevonden
from inburgering.shared.persistence import UnitOfWork


async def bewaar(
    uow: UnitOfWork,
    vault: ContactgegevensVault,
    *,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    gegevens: Contactgegevens,
    nu: datetime,
) -> None:
    """Replaces what was recorded: the gemeente keeps one current name and address."""
    await uow.session.execute(
        delete(contactgegevens).where(contactgegevens.c.inburgeraar_id == inburgeraar_id)
    )
    await uow.session.execute(
        contactgegevens.insert().values(
            inburgeraar_id=inburgeraar_id,
            gemeentecode=gemeentecode,
            versleuteld=vault.encrypt(gegevens, inburgeraar_id=inburgeraar_id.bytes),
            vastgelegd_at=nu,
        )
    )


async def leg_vast(
    uow: UnitOfWork,
    vault: ContactgegevensVault,
    *,
    inburgeraar_id: uuid.UUID,
    gemeentecodes: Iterable[str],
    gegevens: Contactgegevens,
    nu: datetime,
) -> datetime:
    found = (
        await uow.session.execute(
            select(inburgeraar.c.gemeentecode).where(
                inburgeraar.c.id == inburgeraar_id,
                inburgeraar.c.gemeentecode.in_(list(gemeentecodes)),
            )
        )
    ).first()
    if found is None:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
    await bewaar(
        uow,
        vault,
        inburgeraar_id=inburgeraar_id,
        gemeentecode=found.gemeentecode,
        gegevens=gegevens,
        nu=nu,
    )
    await uow.commit()
    return nu


async def lees_voor_gemeente(
    uow: UnitOfWork,
    vault: ContactgegevensVault,
    inburgeraar_id: uuid.UUID,
    gemeentecodes: Iterable[str],
) -> tuple[Contactgegevens, datetime]:
    row = (
        await uow.session.execute(
            _met_contactgegevens().where(
                inburgeraar.c.id == inburgeraar_id,
                inburgeraar.c.gemeentecode.in_(list(gemeentecodes)),
            )
        )
    ).first()
    return _open(vault, inburgeraar_id, row)


async def lees_voor_aanbieder(
    uow: UnitOfWork, vault: ContactgegevensVault, inburgeraar_id: uuid.UUID, kvk: str | None
) -> tuple[Contactgegevens, datetime]:
    """Only while this provider has an accepted or running placement of the person; otherwise
    the person does not exist for it, exactly as an unknown id."""
    if not kvk:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
    geplaatst = (
        select(aanbieder_inzage.c.plaatsing_id)
        .where(
            aanbieder_inzage.c.inburgeraar_id == inburgeraar.c.id,
            aanbieder_inzage.c.gemeentecode == inburgeraar.c.gemeentecode,
            aanbieder_inzage.c.aanbieder_kvk == kvk,
            aanbieder_inzage.c.inzage == Inzage.ACTIEF,
        )
        .exists()
    )
    row = (
        await uow.session.execute(
            _met_contactgegevens().where(inburgeraar.c.id == inburgeraar_id, geplaatst)
        )
    ).first()
    return _open(vault, inburgeraar_id, row)


def _met_contactgegevens():  # type: ignore[no-untyped-def]
    return select(contactgegevens.c.versleuteld, contactgegevens.c.vastgelegd_at).select_from(
        inburgeraar.outerjoin(contactgegevens)
    )


def _open(
    vault: ContactgegevensVault, inburgeraar_id: uuid.UUID, row: Row[tuple[bytes, datetime]] | None
) -> tuple[Contactgegevens, datetime]:
    if row is None:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
    if row.versleuteld is None:
        raise ContactgegevensNietGevonden("Voor deze inburgeraar zijn geen contactgegevens.")
    gegevens = vault.decrypt(row.versleuteld, inburgeraar_id=inburgeraar_id.bytes)
    return gegevens, row.vastgelegd_at
