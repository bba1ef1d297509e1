"""Meldingen to DUO (the PIP, the inburgeringsaanbod): queued in the deciding transaction,
delivered by the scheduler, retried with backoff while DUO is unreachable, and their outcome kept
for the case manager."""

from __future__ import annotations

import uuid

import structlog
from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.duo_client import DuoOnbereikbaar, DuoWeigert
from inburgering.intake.adapters.tables import brede_intake, duo_melding, inburgeraar, pip
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.herhaling import wachttijd
from inburgering.intake.domain.inburgeringsaanbod import (
    Aanbod,
    aanbod_bericht,
    aanbod_overtredingen,
)
from inburgering.intake.domain.pip import DUO_LEERROUTE, PipStatus
from inburgering.intake.domain.poging import reden
from inburgering.shared.events.vocabulary import Alfabetisering, Leerroute
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.scheduling import Timer

log = structlog.get_logger(__name__)

MELDING_TIMER = "duo-melding-versturen"


class GeenOin(Exception):
    """The gemeente has no OIN configured, so it cannot be the `bron` of a melding."""


class MeldingOngeldig(Exception):
    """DUO's rules (or missing facts) forbid the melding: sending it would only be refused."""


class WachtOpPip(Exception):
    """DUO registers an aanbod only for a person with a PIP: wait until that melding is done."""


class MeldingSoort:
    PIP = "pip"
    INBURGERINGSAANBOD = "inburgeringsaanbod"


class MeldingStatus:
    WACHTEND = "wachtend"
    AFGELEVERD = "afgeleverd"
    AFGEWEZEN = "afgewezen"
    GEPARKEERD = "geparkeerd"
    """Not delivered after every attempt; the reason is in laatste_fout."""


async def plan_melding(
    uow: UnitOfWork,
    ctx: IntakeContext,
    inburgeraar_id: uuid.UUID,
    gemeentecode: str,
    pip_id: uuid.UUID,
) -> None:
    await plan(
        uow,
        ctx,
        soort=MeldingSoort.PIP,
        inburgeraar_id=inburgeraar_id,
        gemeentecode=gemeentecode,
        pip_id=pip_id,
    )


async def plan(uow: UnitOfWork, ctx: IntakeContext, **values: object) -> uuid.UUID:
    """Queue a melding and the timer that delivers it, in the caller's transaction."""
    melding_id = uuid.uuid4()
    nu = ctx.clock()
    await uow.session.execute(
        duo_melding.insert().values(
            id=melding_id,
            status=MeldingStatus.WACHTEND,
            aangemaakt_at=nu,
            volgende_poging_at=nu,
            **values,
        )
    )
    await ctx.timers.schedule(
        uow.session,
        name=MELDING_TIMER,
        aggregate_id=f"{melding_id}#0",
        due_at=nu,
        payload={"meldingId": str(melding_id)},
    )
    return melding_id


async def verstuur_melding(uow: UnitOfWork, timer: Timer, *, ctx: IntakeContext) -> None:
    """Every attempt counts; whatever fails (DUO unreachable, missing facts, a bug) is recorded
    with its reason and never raised, and after `duo_max_pogingen` attempts the melding is
    parked (`geparkeerd`) for a person to look at."""
    melding_id = uuid.UUID(timer.payload["meldingId"])
    melding = (
        (await uow.session.execute(select(duo_melding).where(duo_melding.c.id == melding_id)))
        .mappings()
        .first()
    )
    if melding is None or melding["status"] != MeldingStatus.WACHTEND:
        return
    bericht_id = uuid.uuid4()
    poging = melding["pogingen"] + 1
    # Counted before the attempt, outside its savepoint: a failed attempt still counts.
    await uow.session.execute(
        update(duo_melding)
        .where(duo_melding.c.id == melding_id)
        .values(pogingen=poging, laatste_bericht_id=bericht_id)
    )
    values: dict[str, object] = {}
    try:
        async with uow.session.begin_nested():
            await _verstuur(uow, ctx, melding, bericht_id)
    except (DuoOnbereikbaar, WachtOpPip) as exc:
        values = await _later(uow, ctx, melding, poging, str(exc))
    except (DuoWeigert, GeenOin, MeldingOngeldig) as exc:
        values = {
            "status": MeldingStatus.AFGEWEZEN,
            "laatste_fout": str(exc)[:500],
            "volgende_poging_at": None,
            "afgerond_at": ctx.clock(),
        }
        log.warning("duo.melding_afgewezen", soort=melding["soort"], fout=type(exc).__name__)
    except Exception as exc:
        values = await _later(uow, ctx, melding, poging, reden(exc))
    else:
        values = {
            "status": MeldingStatus.AFGELEVERD,
            "laatste_fout": None,
            "volgende_poging_at": None,
            "afgerond_at": ctx.clock(),
        }
    await uow.session.execute(
        update(duo_melding).where(duo_melding.c.id == melding_id).values(**values)
    )


async def _verstuur(
    uow: UnitOfWork, ctx: IntakeContext, melding: RowMapping, bericht_id: uuid.UUID
) -> None:
    bron = ctx.settings.oin_per_gemeente.get(melding["gemeentecode"])
    if bron is None:
        # Configuration, not DUO: retrying cannot help until the OIN is configured.
        raise GeenOin(f"Geen OIN ingesteld voor {melding['gemeentecode']}.")
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
    if melding["soort"] == MeldingSoort.INBURGERINGSAANBOD:
        instellingsnummer, body = await aanbod_verzoek(uow, ctx, melding)
        await ctx.duo.meld_inburgeringsaanbod(
            bsn, instellingsnummer, body, bron=bron, bericht_id=bericht_id
        )
    else:
        besluit = (
            (await uow.session.execute(select(pip).where(pip.c.id == melding["pip_id"])))
            .mappings()
            .one()
        )
        await ctx.duo.meld_pip(bsn, pip_bericht(besluit), bron=bron, bericht_id=bericht_id)


async def _later(
    uow: UnitOfWork, ctx: IntakeContext, melding: RowMapping, poging: int, fout: str
) -> dict[str, object]:
    """Try again after the backoff, or park once the attempts are used up."""
    if poging >= ctx.settings.duo_max_pogingen:
        log.warning("duo.melding_geparkeerd", soort=melding["soort"], poging=poging, fout=fout)
        return {
            "status": MeldingStatus.GEPARKEERD,
            "laatste_fout": f"Na {poging} pogingen geparkeerd. {fout}"[:500],
            "volgende_poging_at": None,
        }
    wacht = wachttijd(
        poging,
        basis_seconden=ctx.settings.duo_retry_seconds,
        max_seconden=ctx.settings.duo_retry_max_seconds,
    )
    volgende = ctx.clock() + wacht
    await ctx.timers.schedule(
        uow.session,
        name=MELDING_TIMER,
        aggregate_id=f"{melding['id']}#{poging}",
        due_at=volgende,
        payload={"meldingId": str(melding["id"])},
    )
    log.warning("duo.melding_uitgesteld", soort=melding["soort"], poging=poging, fout=fout)
    return {"laatste_fout": fout[:500], "volgende_poging_at": volgende}


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


async def aanbod_verzoek(
    uow: UnitOfWork, ctx: IntakeContext, melding: RowMapping
) -> tuple[str, dict[str, object]]:
    """The instellingsnummer and body of an aanbod melding, from the facts as they are now:
    the current PIP and its melding, and the alfabetisering of the brede intake. The number is
    the one traject-gestart carried; the setting only stands in for providers registered in
    contracts without one."""
    actueel = (
        (
            await uow.session.execute(
                select(pip.c.dagtekening, duo_melding.c.status.label("melding_status"))
                .select_from(pip.outerjoin(duo_melding, duo_melding.c.pip_id == pip.c.id))
                .where(
                    pip.c.inburgeraar_id == melding["inburgeraar_id"],
                    pip.c.status == PipStatus.VASTGESTELD,
                )
                .order_by(pip.c.versie.desc())
                .limit(1)
            )
        )
        .mappings()
        .first()
    )
    alfabetisering = (
        await uow.session.execute(
            select(brede_intake.c.alfabetisering).where(
                brede_intake.c.inburgeraar_id == melding["inburgeraar_id"]
            )
        )
    ).scalar_one_or_none()
    aanbod = Aanbod(
        startdatum=melding["startdatum"],
        alfabetisering=Alfabetisering(alfabetisering) if alfabetisering else None,
        instellingsnummer=melding["aanbieder_duo_instellingsnummer"]
        or ctx.settings.instelling_per_kvk.get(melding["aanbieder_kvk"]),
        pip_dagtekening=actueel["dagtekening"] if actueel else None,
    )
    if fouten := aanbod_overtredingen(aanbod):
        raise MeldingOngeldig(" ".join(fouten))
    assert actueel is not None and aanbod.instellingsnummer is not None
    if actueel["melding_status"] == MeldingStatus.WACHTEND:
        raise WachtOpPip("Het PIP is nog niet bij DUO geregistreerd.")
    if actueel["melding_status"] == MeldingStatus.AFGEWEZEN:
        raise MeldingOngeldig("DUO registreerde het actuele PIP niet: eerst een PIP nodig.")
    return aanbod.instellingsnummer, aanbod_bericht(aanbod)
