"""What each kind of gebeurtenis changes for the inburgeraar, and which events it publishes.

Each function checks first (raising Parkeren before any write) and then writes; it returns the
inburgeraar concerned and an optional note for the case history."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.tables import inburgeraar, leerbaarheidstoets
from inburgering.intake.context import IntakeContext
from inburgering.intake.domain.duo_gegevens import (
    PlichtStatus,
    doelgroep_van_duo,
    lbt_uitslag_van_duo,
    reden_beeindigd,
    reden_voldaan,
    score_van_duo,
)
from inburgering.intake.domain.gebeurtenissen import Gebeurtenis
from inburgering.intake.domain.leerbaarheidstoets import cesuur_op
from inburgering.intake.domain.pip import LEERROUTE_VAN_DUO
from inburgering.intake.usecases.duo_raadpleging import Opgehaald
from inburgering.intake.usecases.pip_termijn import plan_pip_termijn, stop_pip_termijn
from inburgering.shared.events.intake import (
    DoelgroepGewijzigd,
    ExamenuitslagBekend,
    InburgeraarAangemeld,
    InburgeringsplichtBeeindigd,
    InburgeringsplichtVoldaan,
    InburgeringstermijnVerlengd,
    LeerbaarheidstoetsUitslagBekend,
    RedenBeeindigd,
    RedenVoldaan,
)
from inburgering.shared.events.vocabulary import Doelgroep
from inburgering.shared.persistence import UnitOfWork

Uitkomst = tuple[uuid.UUID, str | None]


class Parkeren(Exception):
    """The notification needs a person: kept, listed, never lost."""


@dataclass
class Verwerking:
    uow: UnitOfWork
    ctx: IntakeContext
    notificatie: RowMapping
    gebeurtenis: Gebeurtenis
    bsn: str
    persoon: RowMapping | None
    opgehaald: Opgehaald

    @property
    def gemeentecode(self) -> str:
        return self.notificatie["gemeentecode"]

    @property
    def registratiedatum(self) -> date:
        moment: datetime = self.notificatie["registratie_at"]
        return moment.date()

    def bekende_persoon(self) -> RowMapping:
        if self.persoon is None:
            raise Parkeren("De persoon is niet bekend als inburgeraar van deze gemeente.")
        return self.persoon

    async def wijzig(self, **values: Any) -> None:
        await self.uow.session.execute(
            update(inburgeraar)
            .where(inburgeraar.c.id == self.bekende_persoon()["id"])
            .values(**values)
        )


def _datum(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else None


def _plicht(v: Verwerking) -> dict[str, Any]:
    plicht = v.opgehaald.plicht or {}
    if not plicht.get("indicatorInburgeringsplicht"):
        raise Parkeren("DUO meldt voor deze persoon (nog) geen inburgeringsplicht.")
    return plicht


def _doelgroep(v: Verwerking) -> Doelgroep:
    gegevens = v.opgehaald.doelgroep or {}
    return doelgroep_van_duo(gegevens.get("indeling"), gegevens.get("gedetailleerdeDoelgroep"))


async def nieuwe_plichtige(v: Verwerking) -> Uitkomst:
    """SS101, SS128, SS139, SS129: register the person, or bring a known one up to date."""
    plicht = _plicht(v)
    # SS139 also means: left the COA and now lives in the gemeente.
    vestiging = v.registratiedatum if v.gebeurtenis.id == "SS139" else None
    return await _registreer_of_werk_bij(v, plicht, vestiging=vestiging)


async def gevestigd(v: Verwerking) -> Uitkomst:
    """SS120, SS121: settled here after a move; the new PIP is due 10 weeks after settling."""
    plicht = _plicht(v)
    vorige = v.opgehaald.vorige_pip
    extra: dict[str, Any] = {"verhuisd": True}
    toelichting = None
    if vorige is not None:
        leerroute = LEERROUTE_VAN_DUO.get(vorige.get("pip", {}).get("leerroute", ""))
        extra |= {
            "vorige_gemeentecode": "GM" + str(vorige.get("gemeentecode", ""))[:4],
            "vergrendelde_leerroute": leerroute.value if leerroute else None,
        }
        toelichting = f"PIP van de vorige gemeente; leerroute {extra['vergrendelde_leerroute']}."
    if v.opgehaald.termijn:
        extra["termijn_start_date"] = _datum(v.opgehaald.termijn.get("startdatum"))
        extra["termijn_eind_date"] = _datum(v.opgehaald.termijn.get("einddatum"))
    inburgeraar_id, _ = await _registreer_of_werk_bij(
        v, plicht, vestiging=v.registratiedatum, extra=extra
    )
    return inburgeraar_id, toelichting


async def _registreer_of_werk_bij(
    v: Verwerking,
    plicht: dict[str, Any],
    *,
    vestiging: date | None,
    extra: dict[str, Any] | None = None,
) -> Uitkomst:
    doelgroep = _doelgroep(v)
    values: dict[str, Any] = {
        "status": PlichtStatus.ACTIEF,
        "doelgroep": doelgroep,
        "plicht_start_date": _datum(plicht.get("begindatum")),
        "kennisgeving_date": _datum(plicht.get("datumKennisgevingInburgeringsplicht")),
        **(extra or {}),
    }
    if vestiging is not None:
        values["vestiging_date"] = vestiging
    if v.persoon is None:
        inburgeraar_id = uuid.uuid4()
        vault = v.ctx.vault
        await v.uow.session.execute(
            inburgeraar.insert().values(
                id=inburgeraar_id,
                gemeentecode=v.gemeentecode,
                bsn_hash=vault.lookup_hash(v.bsn),
                bsn_encrypted=vault.encrypt(v.bsn, context=inburgeraar_id.bytes),
                geboortedatum=None,
                aangemeld_at=v.ctx.clock(),
                bron="duo",
                **values,
            )
        )
        await v.uow.publish(
            InburgeraarAangemeld(
                inburgeraar_id=inburgeraar_id, gemeentecode=v.gemeentecode, doelgroep=doelgroep
            )
        )
    else:
        inburgeraar_id = v.persoon["id"]
        await v.wijzig(**values)
        if v.persoon["doelgroep"] != doelgroep:
            await v.uow.publish(
                DoelgroepGewijzigd(
                    inburgeraar_id=inburgeraar_id, gemeentecode=v.gemeentecode, doelgroep=doelgroep
                )
            )
    await plan_pip_termijn(v.uow, v.ctx, inburgeraar_id)
    return inburgeraar_id, None


async def doelgroep_gewijzigd(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    doelgroep = _doelgroep(v)
    if persoon["doelgroep"] != doelgroep:
        await v.wijzig(doelgroep=doelgroep)
        await v.uow.publish(
            DoelgroepGewijzigd(
                inburgeraar_id=persoon["id"], gemeentecode=v.gemeentecode, doelgroep=doelgroep
            )
        )
    return persoon["id"], f"Doelgroep volgens DUO: {doelgroep}."


async def plicht_beeindigd(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    plicht = v.opgehaald.plicht or {}
    reden = RedenBeeindigd(reden_beeindigd(v.gebeurtenis.id))
    status = (
        PlichtStatus.TIJDELIJK_VRIJGESTELD
        if reden is RedenBeeindigd.TIJDELIJKE_VRIJSTELLING
        else PlichtStatus.BEEINDIGD
    )
    await v.wijzig(status=status)
    await stop_pip_termijn(v.uow, v.ctx, persoon["id"])
    await v.uow.publish(
        InburgeringsplichtBeeindigd(
            inburgeraar_id=persoon["id"],
            gemeentecode=v.gemeentecode,
            reden=reden,
            per_datum=_datum(plicht.get("einddatum")),
        )
    )
    return persoon["id"], plicht.get("redenGeenInburgeringsplicht")


async def plicht_voldaan(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    plicht = v.opgehaald.plicht or {}
    await v.wijzig(status=PlichtStatus.VOLDAAN)
    await stop_pip_termijn(v.uow, v.ctx, persoon["id"])
    await v.uow.publish(
        InburgeringsplichtVoldaan(
            inburgeraar_id=persoon["id"],
            gemeentecode=v.gemeentecode,
            reden=RedenVoldaan(reden_voldaan(v.gebeurtenis.id)),
            per_datum=_datum(plicht.get("einddatum")),
        )
    )
    return persoon["id"], _besluiten(v.opgehaald)


async def alleen_vastleggen(v: Verwerking) -> Uitkomst:
    return v.bekende_persoon()["id"], None


async def lbt_uitslag(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    resultaten = sorted(v.opgehaald.lbt or [], key=lambda r: r["datumAfname"])
    if not resultaten:
        raise Parkeren("DUO meldt een uitslag maar geeft geen resultaat van de leerbaarheidstoets.")
    laatste = resultaten[-1]
    afgenomen = date.fromisoformat(laatste["datumAfname"])
    uitslag = lbt_uitslag_van_duo(laatste["resultaat"])
    score = round(score_van_duo(laatste["behaaldeScore"]))
    cesuur = cesuur_op(afgenomen)
    bestaand = await v.uow.session.execute(
        leerbaarheidstoets.select().where(
            leerbaarheidstoets.c.inburgeraar_id == persoon["id"],
            leerbaarheidstoets.c.afgenomen_date == afgenomen,
        )
    )
    if bestaand.first() is None:
        await v.uow.session.execute(
            leerbaarheidstoets.insert().values(
                id=uuid.uuid4(),
                inburgeraar_id=persoon["id"],
                afgenomen_date=afgenomen,
                score=score,
                cesuur=cesuur,
                uitslag=uitslag.value if uitslag else "onbekend",
            )
        )
    if uitslag is not None:
        await v.uow.publish(
            LeerbaarheidstoetsUitslagBekend(
                inburgeraar_id=persoon["id"],
                gemeentecode=v.gemeentecode,
                uitslag=uitslag,
                afgenomen_op=afgenomen,
            )
        )
    return persoon["id"], f"Score {score} van 40, cesuur {cesuur}: {laatste['resultaat']}."


async def termijn_gestart(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    termijn = v.opgehaald.termijn or {}
    await v.wijzig(
        termijn_start_date=_datum(termijn.get("startdatum")),
        termijn_eind_date=_datum(termijn.get("einddatum")),
    )
    return persoon["id"], f"Termijn {termijn.get('startdatum')} tot {termijn.get('einddatum')}."


async def termijn_gewijzigd(v: Verwerking) -> Uitkomst:
    """SS103, SS104, SS130: DUO's new end date; SS130 also resumes the obligation."""
    persoon = v.bekende_persoon()
    termijn = v.opgehaald.termijn or {}
    einde = _datum(termijn.get("einddatum"))
    if einde is None:
        raise Parkeren("DUO meldt een gewijzigde termijn zonder einddatum.")
    values: dict[str, Any] = {"termijn_eind_date": einde}
    if v.gebeurtenis.id == "SS130":
        values["status"] = PlichtStatus.ACTIEF
    await v.wijzig(**values)
    await v.uow.publish(
        InburgeringstermijnVerlengd(
            inburgeraar_id=persoon["id"], gemeentecode=v.gemeentecode, nieuwe_einddatum=einde
        )
    )
    grond = termijn.get("verlengingsgrondomschrijving")
    return persoon["id"], f"Nieuwe einddatum {einde}." + (f" Grond: {grond}" if grond else "")


async def examenuitslag(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    resultaten = sorted(v.opgehaald.examens or [], key=lambda r: r["examendatum"])
    if not resultaten:
        raise Parkeren("DUO meldt een examenuitslag maar geeft geen resultaat.")
    laatste_datum = resultaten[-1]["examendatum"]
    for resultaat in (r for r in resultaten if r["examendatum"] == laatste_datum):
        await v.uow.publish(
            ExamenuitslagBekend(
                inburgeraar_id=persoon["id"],
                gemeentecode=v.gemeentecode,
                onderdeel=resultaat["onderdeel"],
                resultaat=resultaat["resultaat"],
                niveau=resultaat.get("niveau"),
                examendatum=date.fromisoformat(laatste_datum),
            )
        )
    return persoon["id"], None


async def verzoek_beoordeeld(v: Verwerking) -> Uitkomst:
    """SS113-SS119: DUO's decisions on the person's requests; recorded for the case manager."""
    return v.bekende_persoon()["id"], _besluiten(v.opgehaald)


def _besluiten(opgehaald: Opgehaald) -> str | None:
    regels = []
    for soort, lijst in (
        ("vrijstelling", opgehaald.vrijstellingen),
        ("ontheffing", opgehaald.ontheffingen),
    ):
        for item in lijst or []:
            for naam, besluit in item.items():
                reden = besluit.get("reden") or besluit.get("grond") or ""
                datum = besluit.get("datumOordeel", "")
                regels.append(f"{naam}: {besluit.get('oordeel')} {reden} {datum}".strip())
        if lijst == []:
            regels.append(f"Geen {soort} bekend bij DUO.")
    return "; ".join(regels)[:500] or None
