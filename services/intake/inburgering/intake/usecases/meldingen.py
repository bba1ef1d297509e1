"""Meldingen to DUO (the PIP): queued in the deciding transaction, delivered by the scheduler,
retried with backoff while DUO is unreachable, and their outcome kept for the case manager."""

from __future__ import annotations

import uuid

import structlog
from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.duo_client import DuoOnbereikbaar, DuoWeigert
from inburgering.intake.adapters.tables import duo_melding, inburgeraar, pip
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.herhaling import wachttijd
from inburgering.intake.domain.pip import DUO_LEERROUTE
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Timer

log = structlog.get_logger(__name__)

MELDING_TIMER = "duo-melding-versturen"


class GeenOin(Exception):
    """The gemeente has no OIN configured, so it cannot be the `bron` of a melding."""


class MeldingStatus:
    WACHTEND = "wachtend"
    AFGELEVERD = "afgeleverd"
    AFGEWEZEN = "afgewezen"


async def plan_melding(
    uow: UnitOfWork,
    ctx: IntakeContext,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    pip_id: uuid.UUID,
) -> None:
    melding_id = uuid.uuid4()
    nu = ctx.clock()
    await uow.session.execute(
        duo_melding.insert().values(
            id=melding_id,
            soort="pip",
            inburgeraar_id=inburgeraar_id,
            gemeentecode=gemeentecode,
            pip_id=pip_id,
            status=MeldingStatus.WACHTEND,
            aangemaakt_at=nu,
            volgende_poging_at=nu,
        )
    )
    await ctx.timers.schedule(
        uow.session,
        name=MELDING_TIMER,
        aggregate_id=f"{melding_id}#0",
        due_at=nu,
        payload={"meldingId": str(melding_id)},
    )


async def verstuur_melding(uow: UnitOfWork, timer: Timer, *, ctx: IntakeContext) -> None:
    melding_id = uuid.UUID(timer.payload["meldingId"])
    melding = (
        (await uow.session.execute(select(duo_melding).where(duo_melding.c.id == melding_id)))
        .mappings()
        .first()
    )
    if melding is None or melding["status"] != MeldingStatus.WACHTEND:
        return
    besluit = (
        (await uow.session.execute(select(pip).where(pip.c.id == melding["pip_id"])))
        .mappings()
        .one()
    )
    persoon = (
        (
            await uow.session.execute(
                select(inburgeraar.c.id, inburgeraar.c.bsn_encrypted).where(
                    inburgeraar.c.id == melding["inburgeraar_id"]
                )
            )
        )
        .mappings()
        .one()
    )
    bsn = ctx.vault.decrypt(persoon["bsn_encrypted"], context=persoon["id"].bytes)
    bericht_id = uuid.uuid4()
    poging = melding["pogingen"] + 1
    values: dict[str, object] = {"pogingen": poging, "laatste_bericht_id": bericht_id}
    bron = ctx.settings.oin_per_gemeente.get(melding["gemeentecode"])
    try:
        if bron is None:
            # Configuration, not DUO: retrying cannot help until the OIN is configured.
            raise GeenOin(f"Geen OIN ingesteld voor {melding['gemeentecode']}.")
        await ctx.duo.meld_pip(bsn, pip_bericht(besluit), bron=bron, bericht_id=bericht_id)
    except DuoOnbereikbaar as exc:
        wacht = wachttijd(
            poging,
            basis_seconden=ctx.settings.duo_retry_seconds,
            max_seconden=ctx.settings.duo_retry_max_seconds,
        )
        volgende = ctx.clock() + wacht
        values |= {"laatste_fout": str(exc), "volgende_poging_at": volgende}
        await ctx.timers.schedule(
            uow.session,
            name=MELDING_TIMER,
            aggregate_id=f"{melding_id}#{poging}",
            due_at=volgende,
            payload={"meldingId": str(melding_id)},
        )
        log.warning("duo.melding_uitgesteld", poging=poging, fout=str(exc))
    except (DuoWeigert, GeenOin) as exc:
        values |= {
            "status": MeldingStatus.AFGEWEZEN,
            "laatste_fout": str(exc)[:500],
            "volgende_poging_at": None,
            "afgerond_at": ctx.clock(),
        }
        log.warning("duo.melding_afgewezen", fout=type(exc).__name__)
    else:
        values |= {
            "status": MeldingStatus.AFGELEVERD,
            "laatste_fout": None,
            "volgende_poging_at": None,
            "afgerond_at": ctx.clock(),
        }
    await uow.session.execute(
        update(duo_melding).where(duo_melding.c.id == melding_id).values(**values)
    )


def pip_bericht(besluit: RowMapping) -> dict[str, object]:
    """DUO's PIP schema: dagtekeningPip, leerroute (B/O/Z), optional niveau and intensity."""
    body: dict[str, object] = {
        "dagtekeningPip": besluit["dagtekening"].isoformat(),
        "leerroute": DUO_LEERROUTE[Leerroute(besluit["leerroute"])],
    }
    if besluit["niveau"]:
        body["niveau"] = besluit["niveau"]
    if besluit["geschatte_intensiteit_b1"] is not None:
        body["geschatteIntensiteitB1Route"] = besluit["geschatte_intensiteit_b1"]
    return body
