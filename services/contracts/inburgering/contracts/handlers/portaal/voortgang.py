from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from inburgering.contracts.adapters import repository
from inburgering.contracts.adapters.tables import voortgangsrapportage
from inburgering.contracts.domain.inzage import AanbiederInzage
from inburgering.contracts.domain.meldingen import Inzet
from inburgering.contracts.domain.traject import Handeling
from inburgering.contracts.handlers.portaal.toegang import neem, niet_in_de_toekomst
from inburgering.shared.events.contracts import VoortgangGerapporteerd
from inburgering.shared.persistence import UnitOfWork


@dataclass(frozen=True)
class Voortgang:
    peildatum: date
    inzet: Inzet
    taalniveau: str | None = None
    modules_afgerond: int = 0


async def meld_voortgang(
    uow: UnitOfWork, plaatsing_id: uuid.UUID, inzage: AanbiederInzage, voortgang: Voortgang
) -> uuid.UUID:
    row = await neem(uow, plaatsing_id, inzage, Handeling.VOORTGANG_MELDEN)
    niet_in_de_toekomst(voortgang.peildatum, "De peildatum")
    rapportage_id = uuid.uuid4()
    await uow.session.execute(
        voortgangsrapportage.insert().values(
            id=rapportage_id,
            plaatsing_id=plaatsing_id,
            peildatum=voortgang.peildatum,
            inzet=voortgang.inzet,
            taalniveau=voortgang.taalniveau,
            modules_afgerond=voortgang.modules_afgerond,
            gemeld_at=datetime.now(UTC),
        )
    )
    uren = await repository.uren_van(uow.session, plaatsing_id)
    await uow.publish(
        VoortgangGerapporteerd(
            plaatsing_id=plaatsing_id,
            inburgeraar_id=row["inburgeraar_id"],
            gemeentecode=row["gemeentecode"],
            aanbieder_kvk=row["aanbieder_kvk"],
            peildatum=voortgang.peildatum,
            inzet=voortgang.inzet,
            taalniveau=voortgang.taalniveau,
            uren_aanwezig=float(uren.aanwezig),
            uren_geoorloofd_afwezig=float(uren.geoorloofd_afwezig),
            uren_ongeoorloofd_afwezig=float(uren.ongeoorloofd_afwezig),
        )
    )
    await uow.commit()
    return rapportage_id
