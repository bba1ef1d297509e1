"""The composition root of the routes service, used by its api, relay, consumer and scheduler."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from inburgering.routes import verwerkingsactiviteiten
from inburgering.routes.adapters import tables
from inburgering.routes.api.gemeentebeleid import router as gemeentebeleid
from inburgering.routes.api.inburgeringstermijnen import router as inburgeringstermijnen
from inburgering.routes.api.leerroute_adviezen import router as leerroute_adviezen
from inburgering.routes.api.samenwerkingsverbanden import router as samenwerkingsverbanden_api
from inburgering.routes.api.voortgang import router as voortgang_api
from inburgering.routes.domain.beleid import Beleid
from inburgering.routes.domain.termijn import Signaaltermijnen
from inburgering.routes.handlers import (
    adviezen,
    examens,
    samenwerkingsverbanden,
    termijn,
    termijn_van_duo,
    voortgang,
)
from inburgering.routes.settings import RoutesSettings
from inburgering.shared.events.contracts import (
    SamenwerkingsverbandGewijzigd,
    TrajectAfgerond,
    TrajectUitgevallen,
    UrenMijlpaalBereikt,
    VoortgangGerapporteerd,
)
from inburgering.shared.events.intake import (
    ExamenuitslagBekend,
    InburgeringstermijnBekend,
    InburgeringstermijnVerlengd,
    IntakeAfgerond,
    PipVastgesteld,
)
from inburgering.shared.events.routes import TOPIC
from inburgering.shared.logboek import Logboek
from inburgering.shared.messaging import HandlerRegistry
from inburgering.shared.runtime import ServiceParts
from inburgering.shared.scheduling import Clock, TimerRegistry, Timers
from inburgering.shared.scheduling.timers import utc_now

VERSION = "0.3.0"


def build_parts(settings: RoutesSettings | None = None, *, clock: Clock = utc_now) -> ServiceParts:
    settings = settings or RoutesSettings()
    standaardbeleid = Beleid(onderwijsroute_max_leeftijd=settings.onderwijsroute_max_leeftijd)
    vooraf = Signaaltermijnen(
        routewijziging_dagen_vooraf=settings.routewijziging_signaal_dagen_vooraf,
        termijn_verloopt_dagen_vooraf=settings.termijn_verloopt_signaal_dagen_vooraf,
    )
    timers = Timers(tables.timer)
    op_termijn = {"timers": timers, "vooraf": vooraf, "clock": clock}

    registry = HandlerRegistry()
    registry.register(
        IntakeAfgerond,
        partial(
            adviezen.when_intake_afgerond_adviseer_leerroute,
            standaardbeleid=standaardbeleid,
            clock=clock,
        ),
    )
    registry.register(
        PipVastgesteld, partial(termijn.when_pip_vastgesteld_start_termijn, **op_termijn)
    )
    registry.register(
        InburgeringstermijnBekend,
        partial(termijn_van_duo.when_termijn_bekend_neem_over, **op_termijn),
    )
    registry.register(
        InburgeringstermijnVerlengd,
        partial(termijn_van_duo.when_termijn_verlengd_verschuif_einde, **op_termijn),
    )
    registry.register(
        UrenMijlpaalBereikt, partial(voortgang.when_urenmijlpaal_bereikt_tel_uren, clock=clock)
    )
    registry.register(
        ExamenuitslagBekend,
        partial(examens.when_examenuitslag_bekend_toets_afronding, clock=clock),
    )
    for rapport in (VoortgangGerapporteerd, TrajectAfgerond, TrajectUitgevallen):
        registry.register(
            rapport, partial(voortgang.when_uren_gerapporteerd_tel_cursusuren, clock=clock)
        )

    registry.register(
        SamenwerkingsverbandGewijzigd,
        partial(samenwerkingsverbanden.when_samenwerkingsverband_gewijzigd_neem_over, clock=clock),
    )

    signalen = TimerRegistry(tables.timer)
    for naam in termijn.SIGNALEN:
        signalen.register(naam, termijn.publiceer_signaal)

    return ServiceParts(
        logboek=Logboek(
            verwerkingsactiviteiten.register(settings.logboek_register),
            tables.dataverwerking,
            tables.auditregel,
        ),
        settings=settings,
        title="Inburgering Routes API",
        description=(
            "Het leerrouteadvies na de brede intake, het vaststellen en wijzigen van de leerroute, "
            "afschalen naar A2, de inburgeringstermijn met zijn vensters en de voortgang naar "
            "afronding (PVT, MAP, de uren en het eindgesprek van de Z-route, de examenonderdelen "
            "van de B1-route); beleid per gemeente of per samenwerkingsverband (dat de "
            "contracts-dienst beheert)."
        ),
        version=VERSION,
        metadata=tables.metadata,
        outbox_table=tables.outbox_message,
        inbox_table=tables.processed_message,
        idempotency=tables.idempotentie,
        migrations_dir=Path(__file__).parent / "migrations",
        routers=[
            leerroute_adviezen,
            inburgeringstermijnen,
            gemeentebeleid,
            samenwerkingsverbanden_api,
            voortgang_api,
        ],
        handlers=registry,
        publishes=[TOPIC],
        timers=signalen,
        clock=clock,
        state={"standaardbeleid": standaardbeleid, "signaaltermijnen": vooraf},
    )
