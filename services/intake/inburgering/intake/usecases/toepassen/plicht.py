"""SS124, SS125 (doelgroep), SS109-SS111 (ended), SS106-SS108 (met), SS113-SS119 (DUO's decisions
on the person's requests) and the gebeurtenissen only recorded in the case history."""

from __future__ import annotations

from inburgering.intake.domain.duo_gegevens import PlichtStatus, reden_beeindigd, reden_voldaan
from inburgering.intake.usecases.duo_raadpleging import Opgehaald
from inburgering.intake.usecases.pip_termijn import stop_pip_termijn
from inburgering.intake.usecases.toepassen.basis import Uitkomst, Verwerking, datum, doelgroep_van
from inburgering.shared.events.intake import (
    DoelgroepGewijzigd,
    InburgeringsplichtBeeindigd,
    InburgeringsplichtVoldaan,
    RedenBeeindigd,
    RedenVoldaan,
)


async def doelgroep_gewijzigd(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    doelgroep = doelgroep_van(v)
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
            per_datum=datum(plicht.get("einddatum")),
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
            per_datum=datum(plicht.get("einddatum")),
        )
    )
    return persoon["id"], _besluiten(v.opgehaald)


async def alleen_vastleggen(v: Verwerking) -> Uitkomst:
    return v.bekende_persoon()["id"], None


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
