"""SS137, SS131 (leerbaarheidstoets) and SS199 (exam results)."""

from __future__ import annotations

import uuid
from datetime import date

from inburgering.intake.adapters.tables import leerbaarheidstoets
from inburgering.intake.domain.duo_gegevens import lbt_uitslag_van_duo, score_van_duo
from inburgering.intake.domain.leerbaarheidstoets import cesuur_op
from inburgering.intake.usecases.toepassen.basis import Parkeren, Uitkomst, Verwerking
from inburgering.shared.events.intake import ExamenuitslagBekend, LeerbaarheidstoetsUitslagBekend


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
