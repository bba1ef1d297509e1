"""Sleutelrotatie: re-seal every BSN and every health record under the current keys and
re-hash the BSN look-up hashes with them, so the previous keys can be removed afterwards.

Run by `inburgering-intake rekey` (see `inburgering.shared.crypto.rekey` for how it stays safe
next to the running service). The look-up hash of a DUO notification is re-hashed too, so that
a notification still waiting finds its inburgeraar under the same key."""

from __future__ import annotations

from collections.abc import Callable

from inburgering.intake.adapters import contactgegevens_vault, gezondheid_vault
from inburgering.intake.adapters.bsn_vault import BsnVault
from inburgering.intake.adapters.contactgegevens_vault import ContactgegevensVault
from inburgering.intake.adapters.gezondheid_vault import GezondheidVault
from inburgering.intake.adapters.tables import (
    contactgegevens,
    duo_notificatie,
    gezondheid,
    inburgeraar,
)
from inburgering.shared.crypto.rekey import RekeyReport, SealedColumn, rekey
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.runtime import ServiceParts


def sealed_columns(
    bsn: BsnVault, health: GezondheidVault, contact: ContactgegevensVault | None = None
) -> list[SealedColumn]:
    def bsn_hash(plain: bytes) -> str:
        return bsn.lookup_hash(plain.decode())

    extra = [] if contact is None else [_contactgegevens(contact)]
    return [
        SealedColumn(
            name="inburgeraar.bsn",
            table=inburgeraar,
            key=inburgeraar.c.id,
            sealed=inburgeraar.c.bsn_encrypted,
            codec=bsn.sealer,
            context=lambda row: row["id"].bytes,
            lookup=inburgeraar.c.bsn_hash,
            digest=bsn_hash,
        ),
        SealedColumn(
            name="duo_notificatie.bsn",
            table=duo_notificatie,
            key=duo_notificatie.c.bericht_id,
            sealed=duo_notificatie.c.bsn_encrypted,
            codec=bsn.sealer,
            context=lambda row: row["bericht_id"].bytes,
            lookup=duo_notificatie.c.bsn_hash,
            digest=bsn_hash,
        ),
        SealedColumn(
            name="gezondheid",
            table=gezondheid,
            key=gezondheid.c.id,
            sealed=gezondheid.c.versleuteld,
            codec=health.sealer,
            context=lambda row: gezondheid_vault.context(row["inburgeraar_id"].bytes),
            reads=(gezondheid.c.inburgeraar_id,),
        ),
        *extra,
    ]


def _contactgegevens(contact: ContactgegevensVault) -> SealedColumn:
    return SealedColumn(
        name="contactgegevens",
        table=contactgegevens,
        key=contactgegevens.c.inburgeraar_id,
        sealed=contactgegevens.c.versleuteld,
        codec=contact.sealer,
        context=lambda row: contactgegevens_vault.context(row["inburgeraar_id"].bytes),
    )


async def vernieuw_sleutels(
    uow_factory: Callable[[], UnitOfWork],
    bsn: BsnVault,
    health: GezondheidVault,
    *,
    contact: ContactgegevensVault | None = None,
    batch_size: int = 500,
    check_only: bool = False,
) -> RekeyReport:
    return await rekey(
        uow_factory,
        sealed_columns(bsn, health, contact),
        batch_size=batch_size,
        check_only=check_only,
    )


async def rekey_job(
    parts: ServiceParts, uow_factory: Callable[[], UnitOfWork], batch_size: int, check: bool
) -> RekeyReport:
    """The `rekey` command: the vaults of the composition root, so the keys of the settings."""
    return await vernieuw_sleutels(
        uow_factory,
        parts.state["bsn_vault"],
        parts.state["gezondheid_vault"],
        contact=parts.state["contactgegevens_vault"],
        batch_size=batch_size,
        check_only=check,
    )
