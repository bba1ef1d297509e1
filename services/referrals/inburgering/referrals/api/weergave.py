"""From a referral's picture to the read shape of the gemeente or of the institution."""

from __future__ import annotations

from typing import Any

from inburgering.referrals.api.schemas import (
    AanmeldingRead,
    ChecklistItemRead,
    DossierRead,
    GemeenteDossierRead,
    GemeenteStapRead,
    PogingRead,
    StapRead,
    VerwijzingRead,
)
from inburgering.referrals.domain.checklist import ChecklistItem
from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.handlers.lezen import Verwijzingsbeeld
from inburgering.shared.events.vocabulary import Leerroute


def _pad(beeld: Verwijzingsbeeld) -> dict[str, Any]:
    row = beeld.row
    return {
        "id": row["id"],
        "gemeentecode": row["gemeentecode"],
        "niveau": row["niveau"],
        "status": row["status"],
        "aangemaakt_op": row["aangemaakt_at"],
        "instelling_id": row["instelling_id"],
        "opleiding_id": row["opleiding_id"],
        "cohort_id": row["cohort_id"],
        "afwijzingsreden": row["afwijzingsreden"],
        "beeindigingsreden": row["beeindigingsreden"],
    }


def _checklist(items: list[ChecklistItem]) -> list[ChecklistItemRead]:
    return [ChecklistItemRead(stap=i.stap, item=i.item, uitkomst=i.uitkomst) for i in items]


def voor_gemeente(beeld: Verwijzingsbeeld) -> VerwijzingRead:
    row, dossier = beeld.row, beeld.dossier
    return VerwijzingRead(
        **_pad(beeld),
        inburgeraar_id=row["inburgeraar_id"],
        leerroute=row["leerroute"],
        opleidingsniveau=row["opleidingsniveau"],
        poging=row["poging"],
        stappen=[
            GemeenteStapRead(
                poging=s.poging, status=s.status, bereikt_op=s.bereikt_op, deadline=s.deadline
            )
            for s in beeld.stappen
        ],
        dossier=(
            GemeenteDossierRead(
                diplomawaardering=dossier.diplomawaardering,
                taalniveau=dossier.taalniveau,
                uaf_begeleiding=dossier.uaf_begeleiding,
                geboortejaar=dossier.geboortejaar,
            )
            if dossier
            else None
        ),
        checklist=_checklist(beeld.checklist),
        pogingen=[
            PogingRead(
                poging=p.poging,
                instelling_id=p.row["instelling_id"],
                opleiding_id=p.row["opleiding_id"],
                cohort_id=p.row["cohort_id"],
                afwijzingsreden=p.row["afwijzingsreden"],
                checklist=_checklist(p.checklist),
            )
            for p in beeld.pogingen
        ],
        overstap_b1_route_voorgesteld=(
            row["status"] == VerwijzingStatus.BEEINDIGD
            and row["leerroute"] == Leerroute.ONDERWIJSROUTE
        ),
    )


def voor_instelling(beeld: Verwijzingsbeeld) -> AanmeldingRead:
    dossier, huidig = beeld.dossier, beeld.row["poging"]
    return AanmeldingRead(
        **_pad(beeld),
        # An earlier attempt may have gone to another institution: not this one's business.
        stappen=[
            StapRead(status=s.status, bereikt_op=s.bereikt_op, deadline=s.deadline)
            for s in beeld.stappen
            if s.poging == huidig
        ],
        dossier=(
            DossierRead(
                diplomawaardering=dossier.diplomawaardering,
                taalniveau=dossier.taalniveau,
                uaf_begeleiding=dossier.uaf_begeleiding,
            )
            if dossier
            else None
        ),
    )
