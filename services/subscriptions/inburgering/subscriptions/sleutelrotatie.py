"""Sleutelrotatie: re-seal every stored receiver credential and HMAC signing key under the
current credential key, so the previous key can be removed. Run by `inburgering-subscriptions
rekey` (batches, safe next to the running service; see `inburgering.shared.crypto.rekey`)."""

from __future__ import annotations

from collections.abc import Callable

from inburgering.shared.crypto.rekey import RekeyReport, SealedColumn, rekey
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.runtime import ServiceParts
from inburgering.subscriptions.adapters.credential_box import CredentialBox, hmac_context
from inburgering.subscriptions.adapters.tables import abonnement


def sealed_columns(box: CredentialBox) -> list[SealedColumn]:
    return [
        SealedColumn(
            name="abonnement.credential",
            table=abonnement,
            key=abonnement.c.id,
            sealed=abonnement.c.credential,
            codec=box.codec,
            context=lambda row: row["id"].bytes,
        ),
        SealedColumn(
            name="abonnement.hmac_secret",
            table=abonnement,
            key=abonnement.c.id,
            sealed=abonnement.c.hmac_secret,
            codec=box.codec,
            context=lambda row: hmac_context(row["id"]),
        ),
    ]


async def vernieuw_sleutels(
    uow_factory: Callable[[], UnitOfWork],
    box: CredentialBox,
    *,
    batch_size: int = 500,
    check_only: bool = False,
) -> RekeyReport:
    return await rekey(
        uow_factory, sealed_columns(box), batch_size=batch_size, check_only=check_only
    )


async def rekey_job(
    parts: ServiceParts, uow_factory: Callable[[], UnitOfWork], batch_size: int, check: bool
) -> RekeyReport:
    return await vernieuw_sleutels(
        uow_factory, parts.state["credentials"], batch_size=batch_size, check_only=check
    )
