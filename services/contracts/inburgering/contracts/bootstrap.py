"""The composition root of the contracts service, used by its api, relay and consumer roles."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from inburgering.contracts import verwerkingsactiviteiten
from inburgering.contracts.adapters import tables
from inburgering.contracts.api.aanbieders import router as aanbieders
from inburgering.contracts.api.contracten import router as contracten
from inburgering.contracts.api.contractregister import router as contractregister
from inburgering.contracts.api.overzichten import router as overzichten
from inburgering.contracts.api.plaatsingen import router as plaatsingen
from inburgering.contracts.api.portaal import router as portaal
from inburgering.contracts.api.prognoses import router as prognoses
from inburgering.contracts.api.samenwerkingsverbanden import router as samenwerkingsverbanden
from inburgering.contracts.api.statistieken import router as statistieken
from inburgering.contracts.handlers import pijplijn, when_leerroute_vastgesteld_vraag_plaatsing_aan
from inburgering.contracts.handlers.leerroute_gewijzigd import when_leerroute_gewijzigd_herplaats
from inburgering.contracts.handlers.toewijzing import Toewijzingsregels
from inburgering.contracts.prognosewerk import prognoselus
from inburgering.contracts.seed import seed_demo_region
from inburgering.contracts.settings import ContractsSettings
from inburgering.shared.events.contracts import TOPIC
from inburgering.shared.events.intake import (
    DoelgroepGewijzigd,
    InburgeraarAangemeld,
    InburgeringsplichtBeeindigd,
    InburgeringsplichtVoldaan,
    IntakeAfgerond,
    PipVastgesteld,
)
from inburgering.shared.events.routes import (
    LeerrouteGeadviseerd,
    LeerrouteGewijzigd,
    LeerrouteVastgesteld,
)
from inburgering.shared.logboek import Logboek
from inburgering.shared.messaging import HandlerRegistry
from inburgering.shared.runtime import ServiceParts

VERSION = "0.1.0"


def toewijzingsregels(settings: ContractsSettings) -> Toewijzingsregels:
    return Toewijzingsregels(
        beleid=settings.allocatiebeleid,
        drempel_procent=settings.capaciteit_bijna_uitgeput_procent,
    )


def build_parts(settings: ContractsSettings | None = None) -> ServiceParts:
    settings = settings or ContractsSettings()
    regels = toewijzingsregels(settings)
    handlers = HandlerRegistry()
    handlers.register(
        LeerrouteVastgesteld,
        partial(when_leerroute_vastgesteld_vraag_plaatsing_aan, regels=regels),
    )
    # Same topic as leerroute-vastgesteld, so the consumer's subscription already covers it.
    handlers.register(
        LeerrouteGewijzigd, partial(when_leerroute_gewijzigd_herplaats, regels=regels)
    )
    # The region's pipeline, for the demand forecast and the statistics.
    for model, handler in (
        (InburgeraarAangemeld, pijplijn.when_inburgeraar_aangemeld),
        (IntakeAfgerond, pijplijn.when_intake_afgerond),
        (DoelgroepGewijzigd, pijplijn.when_doelgroep_gewijzigd),
        (PipVastgesteld, pijplijn.when_pip_vastgesteld),
        (InburgeringsplichtBeeindigd, pijplijn.when_inburgeringsplicht_beeindigd),
        (InburgeringsplichtVoldaan, pijplijn.when_inburgeringsplicht_voldaan),
        (LeerrouteGeadviseerd, pijplijn.when_leerroute_geadviseerd),
    ):
        handlers.register(model, handler)
    return ServiceParts(
        logboek=Logboek(
            verwerkingsactiviteiten.register(settings.logboek_register),
            tables.dataverwerking,
            tables.auditregel,
        ),
        settings=settings,
        title="Inburgering Contracten API",
        description=(
            "Samenwerkingsverbanden per leerroute, aanbieders, contracten en plaatsingen bij "
            "aanbieders."
        ),
        version=VERSION,
        metadata=tables.metadata,
        outbox_table=tables.outbox_message,
        inbox_table=tables.processed_message,
        idempotency=tables.idempotentie,
        migrations_dir=Path(__file__).parent / "migrations",
        routers=[
            plaatsingen,
            portaal,
            samenwerkingsverbanden,
            contracten,
            contractregister,
            prognoses,
            aanbieders,
            overzichten,
            statistieken,
        ],
        handlers=handlers,
        publishes=[TOPIC],
        seed=seed_demo_region if settings.seed_demo_data else None,
        state={"toewijzingsregels": regels},
        workers=[prognoselus],
    )
