"""The PIP as a versioned beschikking: concept from the decided leerroute, then vastgesteld."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog
from sqlalchemy import func, select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.tables import duo_melding, inburgeraar, pip, verhuizing
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.errors import (
    InburgeraarNietGevonden,
    PipNietGevonden,
    PipNietInConcept,
    PipOngeldig,
)
from inburgering.intake.domain.pip import (
    PipContext,
    PipStatus,
    PipVoorstel,
    effectief_niveau,
    is_eerste_pip,
    pip_overtredingen,
    termijn_na_eerste_pip,
)
from inburgering.intake.usecases.meldingen import plan_melding
from inburgering.intake.usecases.pip_termijn import stop_pip_termijn
from inburgering.shared.events.intake import PipVastgesteld
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute
from inburgering.shared.messaging import Envelope
from inburgering.shared.persistence import UnitOfWork

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class StelPipVast:
    voorstel: PipVoorstel
    intensiteit_pvt_uren: int | None = None
    intensiteit_map_uren: int | None = None
    aantal_voortgangsgesprekken: int | None = None
    begeleiding: str | None = None
    vve_afspraken: str | None = None


async def when_leerroute_vastgesteld(
    uow: UnitOfWork, event: LeerrouteVastgesteld | LeerrouteGewijzigd, envelope: Envelope
) -> None:
    """Put the decided leerroute in the concept PIP (a new version if one was adopted)."""
    persoon = (
        (
            await uow.session.execute(
                select(inburgeraar.c.id, inburgeraar.c.vergrendelde_leerroute).where(
                    inburgeraar.c.id == event.inburgeraar_id,
                    inburgeraar.c.gemeentecode == event.gemeentecode,
                )
            )
        )
        .mappings()
        .first()
    )
    if persoon is None:
        log.warning("pip.onbekende_inburgeraar", event_type=envelope.type)
        return
    # After a move the leerroute of the previous gemeente's PIP stays ([Wi] art. 15.4).
    leerroute = persoon["vergrendelde_leerroute"] or event.leerroute.value
    concept = (
        await uow.session.execute(
            select(pip.c.id).where(
                pip.c.inburgeraar_id == event.inburgeraar_id, pip.c.status == PipStatus.CONCEPT
            )
        )
    ).scalar_one_or_none()
    if concept is not None:
        await uow.session.execute(
            update(pip).where(pip.c.id == concept).values(leerroute=leerroute)
        )
        return
    versie = (
        await uow.session.execute(
            select(func.coalesce(func.max(pip.c.versie), 0)).where(
                pip.c.inburgeraar_id == event.inburgeraar_id
            )
        )
    ).scalar_one()
    await uow.session.execute(
        pip.insert().values(
            id=uuid.uuid4(),
            inburgeraar_id=event.inburgeraar_id,
            gemeentecode=event.gemeentecode,
            versie=versie + 1,
            status=PipStatus.CONCEPT,
            leerroute=leerroute,
            aangemaakt_at=datetime.now(UTC),
        )
    )


async def stel_pip_vast(
    uow: UnitOfWork,
    ctx: IntakeContext,
    inburgeraar_id: uuid.UUID,
    pip_id: uuid.UUID,
    gemeentecodes: Iterable[str],
    command: StelPipVast,
) -> RowMapping:
    persoon = await _persoon(uow, inburgeraar_id, gemeentecodes)
    huidig = await _pip(uow, inburgeraar_id, pip_id)
    if huidig["status"] != PipStatus.CONCEPT:
        raise PipNietInConcept(f"PIP versie {huidig['versie']} is {huidig['status']}.")
    eerdere = (
        (
            await uow.session.execute(
                select(pip.c.id, pip.c.status, pip.c.dagtekening, pip.c.eerste_pip).where(
                    pip.c.inburgeraar_id == inburgeraar_id, pip.c.status != PipStatus.CONCEPT
                )
            )
        )
        .mappings()
        .all()
    )
    eerste_pip = is_eerste_pip(
        eerder_pip_hier=bool(eerdere),
        pip_vorige_gemeente=await _met_pip_verhuisd(uow, persoon),
        termijn_bij_duo=persoon["termijn_start_date"] is not None,
    )
    voorstel = command.voorstel
    context = PipContext(
        doelgroep=Doelgroep(persoon["doelgroep"]),
        eerste_pip=eerste_pip,
        plicht_start=persoon["plicht_start_date"],
        vestiging=persoon["vestiging_date"],
        dagtekening_eerste_pip=next((p["dagtekening"] for p in eerdere if p["eerste_pip"]), None),
        dagtekening_actuele_pip=next(
            (p["dagtekening"] for p in eerdere if p["status"] == PipStatus.VASTGESTELD), None
        ),
        vergrendelde_leerroute=(
            Leerroute(persoon["vergrendelde_leerroute"])
            if persoon["vergrendelde_leerroute"]
            else None
        ),
    )
    fouten = pip_overtredingen(voorstel, context)
    if fouten:
        raise PipOngeldig(" ".join(fouten))
    niveau = effectief_niveau(voorstel)
    await uow.session.execute(
        update(pip)
        .where(pip.c.inburgeraar_id == inburgeraar_id, pip.c.status == PipStatus.VASTGESTELD)
        .values(status=PipStatus.VERVANGEN)
    )
    await uow.session.execute(
        update(pip)
        .where(pip.c.id == pip_id)
        .values(
            status=PipStatus.VASTGESTELD,
            leerroute=voorstel.leerroute,
            dagtekening=voorstel.dagtekening,
            niveau=niveau.value if niveau else None,
            geschatte_intensiteit_b1=voorstel.geschatte_intensiteit_b1,
            intensiteit_pvt_uren=command.intensiteit_pvt_uren,
            intensiteit_map_uren=command.intensiteit_map_uren,
            aantal_voortgangsgesprekken=command.aantal_voortgangsgesprekken,
            begeleiding=command.begeleiding,
            vve_afspraken=command.vve_afspraken,
            eerste_pip=eerste_pip,
            vastgesteld_at=ctx.clock(),
        )
    )
    if eerste_pip and persoon["termijn_start_date"] is None:
        termijn = termijn_na_eerste_pip(voorstel.dagtekening)
        await uow.session.execute(
            update(inburgeraar)
            .where(inburgeraar.c.id == inburgeraar_id)
            .values(termijn_start_date=termijn.startdatum, termijn_eind_date=termijn.einddatum)
        )
    await stop_pip_termijn(uow, ctx, inburgeraar_id)
    await uow.publish(
        PipVastgesteld(
            inburgeraar_id=inburgeraar_id,
            pip_id=pip_id,
            gemeentecode=persoon["gemeentecode"],
            versie=huidig["versie"],
            eerste_pip=eerste_pip,
            dagtekening=voorstel.dagtekening,
            leerroute=voorstel.leerroute,
        )
    )
    await plan_melding(uow, ctx, inburgeraar_id, persoon["gemeentecode"], pip_id)
    row = await geef_pip(uow, inburgeraar_id, pip_id, [persoon["gemeentecode"]])
    await uow.commit()
    return row


async def lijst_pips(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> list[RowMapping]:
    await _persoon(uow, inburgeraar_id, gemeentecodes)
    result = await uow.session.execute(
        _met_melding().where(pip.c.inburgeraar_id == inburgeraar_id).order_by(pip.c.versie)
    )
    return list(result.mappings().all())


async def geef_pip(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, pip_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    await _persoon(uow, inburgeraar_id, gemeentecodes)
    row = (
        (
            await uow.session.execute(
                _met_melding().where(pip.c.id == pip_id, pip.c.inburgeraar_id == inburgeraar_id)
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise PipNietGevonden(f"PIP {pip_id} bestaat niet.")
    return row


def _met_melding():  # type: ignore[no-untyped-def]
    return select(
        pip,
        duo_melding.c.status.label("melding_status"),
        duo_melding.c.pogingen.label("melding_pogingen"),
        duo_melding.c.laatste_fout.label("melding_laatste_fout"),
        duo_melding.c.volgende_poging_at.label("melding_volgende_poging_at"),
        duo_melding.c.afgerond_at.label("melding_afgerond_at"),
    ).select_from(pip.outerjoin(duo_melding, duo_melding.c.pip_id == pip.c.id))


async def _persoon(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    row = (
        (
            await uow.session.execute(
                select(inburgeraar).where(
                    inburgeraar.c.id == inburgeraar_id,
                    inburgeraar.c.gemeentecode.in_(list(gemeentecodes)),
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
    return row


async def _met_pip_verhuisd(uow: UnitOfWork, persoon: RowMapping) -> bool:
    """Whether the person came here with a PIP of the previous gemeente (SS121). DUO's previous
    PIP usually says so; when DUO's look-up had none, the settling's gebeurtenis still does."""
    if persoon["vorige_gemeentecode"] or persoon["vergrendelde_leerroute"]:
        return True
    if not persoon["verhuisd"]:
        return False
    met_pip = await uow.session.execute(
        select(verhuizing.c.id)
        .where(verhuizing.c.inburgeraar_id == persoon["id"], verhuizing.c.gebeurtenis_id == "SS121")
        .limit(1)
    )
    return met_pip.first() is not None


async def _pip(uow: UnitOfWork, inburgeraar_id: uuid.UUID, pip_id: uuid.UUID) -> RowMapping:
    row = (
        (
            await uow.session.execute(
                select(pip).where(pip.c.id == pip_id, pip.c.inburgeraar_id == inburgeraar_id)
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise PipNietGevonden(f"PIP {pip_id} bestaat niet.")
    return row
