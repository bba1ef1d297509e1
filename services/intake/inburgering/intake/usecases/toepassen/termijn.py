"""SS102 (termijn started), SS103, SS104, SS130 (termijn changed) and the termijn that goes
along with a move (SS121): DUO's termijn, published so that routes holds the termijn DUO
enforces for everyone of the gemeente, also for those who moved in."""

from __future__ import annotations

import uuid
from typing import Any

from inburgering.intake.domain.duo_gegevens import PlichtStatus
from inburgering.intake.usecases.toepassen.basis import Parkeren, Uitkomst, Verwerking, datum
from inburgering.shared.events.intake import (
    AanleidingTermijn,
    InburgeringstermijnBekend,
    InburgeringstermijnVerlengd,
)


async def termijn_gestart(v: Verwerking) -> Uitkomst:
    persoon = v.bekende_persoon()
    termijn = v.opgehaald.termijn or {}
    start, einde = datum(termijn.get("startdatum")), datum(termijn.get("einddatum"))
    await v.wijzig(termijn_start_date=start, termijn_eind_date=einde)
    await publiceer_termijn(v, persoon["id"], AanleidingTermijn.GESTART)
    return persoon["id"], f"Termijn {termijn.get('startdatum')} tot {termijn.get('einddatum')}."


async def publiceer_termijn(
    v: Verwerking, inburgeraar_id: uuid.UUID, aanleiding: AanleidingTermijn
) -> None:
    """DUO's termijn as it answered; nothing when DUO gave no complete termijn."""
    termijn = v.opgehaald.termijn or {}
    start, einde = datum(termijn.get("startdatum")), datum(termijn.get("einddatum"))
    if start is None or einde is None:
        return
    await v.uow.publish(
        InburgeringstermijnBekend(
            inburgeraar_id=inburgeraar_id,
            gemeentecode=v.gemeentecode,
            startdatum=start,
            einddatum=einde,
            aanleiding=aanleiding,
        )
    )


async def termijn_gewijzigd(v: Verwerking) -> Uitkomst:
    """SS103, SS104, SS130: DUO's new end date; SS130 also resumes the obligation."""
    persoon = v.bekende_persoon()
    termijn = v.opgehaald.termijn or {}
    einde = datum(termijn.get("einddatum"))
    if einde is None:
        raise Parkeren("DUO meldt een gewijzigde termijn zonder einddatum.")
    values: dict[str, Any] = {"termijn_eind_date": einde}
    if v.gebeurtenis.id == "SS130":
        values["status"] = PlichtStatus.ACTIEF
    await v.wijzig(**values)
    await v.uow.publish(
        InburgeringstermijnVerlengd(
            inburgeraar_id=persoon["id"],
            gemeentecode=v.gemeentecode,
            nieuwe_einddatum=einde,
            startdatum=datum(termijn.get("startdatum")),
        )
    )
    grond = termijn.get("verlengingsgrondomschrijving")
    return persoon["id"], f"Nieuwe einddatum {einde}." + (f" Grond: {grond}" if grond else "")
