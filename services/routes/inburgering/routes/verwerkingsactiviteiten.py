"""The routes service's entries in the register van verwerkingsactiviteiten (AVG art. 30)."""

from __future__ import annotations

from inburgering.shared.events.contracts import (
    TrajectAfgerond,
    TrajectUitgevallen,
    UrenMijlpaalBereikt,
    VoortgangGerapporteerd,
)
from inburgering.shared.events.intake import (
    ExamenuitslagBekend,
    InburgeringstermijnVerlengd,
    IntakeAfgerond,
    PipVastgesteld,
)
from inburgering.shared.logboek import Register, Verwerkingsactiviteit

LEERROUTE = Verwerkingsactiviteit(
    code="leerroute-bepalen",
    omschrijving="De leerroute adviseren, vaststellen, wijzigen en afschalen naar A2",
    grondslag="[Wi] art. 14 en 15; [Bi] art. 5.3",
    paden=("/leerroute-adviezen", "/gemeentebeleid", "/samenwerkingsverbanden"),
    gebeurtenissen=(IntakeAfgerond.event_type(),),
)
TERMIJN = Verwerkingsactiviteit(
    code="inburgeringstermijn-bewaken",
    omschrijving="De inburgeringstermijn en zijn vensters bijhouden",
    grondslag="[Wi] art. 7 en 15",
    paden=("/inburgeringstermijnen",),
    gebeurtenissen=(PipVastgesteld.event_type(), InburgeringstermijnVerlengd.event_type()),
)
VOORTGANG = Verwerkingsactiviteit(
    code="voortgang-volgen",
    omschrijving="De voortgang naar afronding van de leerroute volgen",
    grondslag="[Wi] art. 15 en 35; [Bi] art. 9.2",
    paden=("/inburgeraars/{inburgeraar_id}",),
    gebeurtenissen=tuple(
        e.event_type()
        for e in (
            UrenMijlpaalBereikt,
            VoortgangGerapporteerd,
            TrajectAfgerond,
            TrajectUitgevallen,
            ExamenuitslagBekend,
        )
    ),
)


def register(prefix: str) -> Register:
    return Register(
        prefix=prefix, standaard=LEERROUTE, activiteiten=(LEERROUTE, TERMIJN, VOORTGANG)
    )
