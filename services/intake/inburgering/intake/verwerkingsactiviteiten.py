"""The intake service's entries in the register van verwerkingsactiviteiten (AVG art. 30); every
logregel of this service points to one of them."""

from __future__ import annotations

from inburgering.shared.events.contracts import (
    PlaatsingAfgewezen,
    PlaatsingGeaccepteerd,
    PlaatsingIngetrokken,
    TrajectAfgerond,
    TrajectBeeindigd,
    TrajectGestart,
    TrajectUitgevallen,
)
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.logboek import Register, Verwerkingsactiviteit

INBURGERAAR = "/inburgeraars/{inburgeraar_id}"

REGISTRATIE = Verwerkingsactiviteit(
    code="inburgeringsplichtige-registreren",
    omschrijving="Inburgeringsplichtigen registreren en raadplegen, ook uit DUO-notificaties",
    grondslag="[Wi] art. 13, 34 en 36; [Bi] art. 9.10",
    paden=(
        "/inburgeraars",
        "/duo-notificaties",
        "/notificaties",
        INBURGERAAR + "/duo-gebeurtenissen",
    ),
)
BREDE_INTAKE = Verwerkingsactiviteit(
    code="brede-intake",
    omschrijving="De brede intake afnemen en vastleggen, met gezondheidsgegevens waar nodig",
    grondslag="[Wi] art. 14 en 37; [Bi] art. 5.2",
    paden=(INBURGERAAR + "/brede-intake",),
)
PIP = Verwerkingsactiviteit(
    code="pip-vaststellen",
    omschrijving="Het persoonlijk plan inburgering en participatie vaststellen en melden",
    grondslag="[Wi] art. 15 en 34; [Bi] art. 5.3",
    paden=(INBURGERAAR + "/pips", INBURGERAAR + "/pip-termijn"),
    gebeurtenissen=(LeerrouteVastgesteld.event_type(), LeerrouteGewijzigd.event_type()),
)
AANBOD = Verwerkingsactiviteit(
    code="inburgeringsaanbod-melden",
    omschrijving="Het gestarte inburgeringsaanbod aan DUO melden",
    grondslag="[Wi] art. 34; [Bi] art. 9.6",
    paden=(INBURGERAAR + "/inburgeringsaanbod",),
    gebeurtenissen=(TrajectGestart.event_type(),),
)

CONTACTGEGEVENS = Verwerkingsactiviteit(
    code="contactgegevens-verstrekken",
    omschrijving="Naam en adres vastleggen en verstrekken aan de cursusinstelling van een "
    "geaccepteerde of lopende plaatsing",
    grondslag="[Bi] art. 9.2.3",
    paden=(INBURGERAAR + "/contactgegevens",),
    gebeurtenissen=tuple(
        e.event_type()
        for e in (
            PlaatsingGeaccepteerd,
            PlaatsingAfgewezen,
            TrajectAfgerond,
            TrajectUitgevallen,
            TrajectBeeindigd,
            PlaatsingIngetrokken,
        )
    ),
)

REGISTER_ACTIVITEITEN = (REGISTRATIE, BREDE_INTAKE, PIP, AANBOD, CONTACTGEGEVENS)
# Routes whose answers list inburgeraars by their `id`: each one found is a logregel.
PERSOONSRESOURCES = frozenset({"/inburgeraars", "/inburgeraars/_zoek", INBURGERAAR})


def register(prefix: str) -> Register:
    return Register(
        prefix=prefix,
        standaard=REGISTRATIE,
        activiteiten=REGISTER_ACTIVITEITEN,
        persoonsresources=PERSOONSRESOURCES,
    )
