"""The composition root of the intake service, used by its api, relay, consumer and scheduler."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import httpx

from inburgering.intake import verwerkingsactiviteiten
from inburgering.intake.adapters import tables
from inburgering.intake.adapters.bsn_vault import BsnVault
from inburgering.intake.adapters.contactgegevens_vault import ContactgegevensVault
from inburgering.intake.adapters.duo_client import DuoClient
from inburgering.intake.adapters.gezondheid_vault import GezondheidVault
from inburgering.intake.api.contactgegevens import router as contactgegevens
from inburgering.intake.api.duo_notificaties import router as duo_notificaties
from inburgering.intake.api.gezondheid import router as gezondheid
from inburgering.intake.api.inburgeraars import router as inburgeraars
from inburgering.intake.api.inburgeringsaanbod import router as inburgeringsaanbod
from inburgering.intake.api.notificaties import router as notificaties
from inburgering.intake.api.pips import router as pips
from inburgering.intake.context import IntakeContext
from inburgering.intake.settings import IntakeSettings
from inburgering.intake.usecases import meldingen, pip_termijn, verwerking
from inburgering.intake.usecases.aanbieder_inzage import FEITEN, when_plaatsing_gewijzigd
from inburgering.intake.usecases.inburgeringsaanbod import when_traject_gestart
from inburgering.intake.usecases.notificaties import VERWERK_TIMER
from inburgering.intake.usecases.pips import when_leerroute_vastgesteld
from inburgering.shared.events.contracts import TrajectGestart
from inburgering.shared.events.intake import TOPIC
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.logboek import Logboek
from inburgering.shared.messaging import HandlerRegistry
from inburgering.shared.runtime import ServiceParts
from inburgering.shared.scheduling import Clock, TimerRegistry, Timers
from inburgering.shared.scheduling.timers import utc_now

VERSION = "0.2.0"


def _vingerafdruk(settings: IntakeSettings) -> Callable[[bytes], str]:
    hasher = settings.bsn_keyring.hasher(b"idempotentie")
    # latin-1 maps every byte to one character: the body's bytes, unchanged, under the HMAC.
    return lambda data: hasher.digest(data.decode("latin-1"))


def build_parts(
    settings: IntakeSettings | None = None,
    *,
    duo_http: httpx.AsyncClient | None = None,
    clock: Clock = utc_now,
) -> ServiceParts:
    """`duo_http` replaces the HTTP client to DUO (tests pass the simulator in-process)."""
    settings = settings or IntakeSettings()
    http = duo_http or httpx.AsyncClient(
        base_url=settings.duo_base_url, timeout=settings.duo_timeout_seconds
    )
    ctx = IntakeContext(
        settings=settings,
        vault=BsnVault(settings.bsn_keyring),
        duo=DuoClient(http, duo_oin=settings.duo_oin),
        timers=Timers(tables.timer),
        clock=clock,
    )
    timers = TimerRegistry(tables.timer)
    timers.register(VERWERK_TIMER, partial(verwerking.verwerk_notificatie, ctx=ctx))
    timers.register(meldingen.MELDING_TIMER, partial(meldingen.verstuur_melding, ctx=ctx))
    timers.register(pip_termijn.NADERT, pip_termijn.pip_termijn_nadert)
    timers.register(pip_termijn.VERSTREKEN, pip_termijn.pip_termijn_verstreken)
    handlers = HandlerRegistry()
    handlers.register(LeerrouteVastgesteld, when_leerroute_vastgesteld)
    handlers.register(LeerrouteGewijzigd, when_leerroute_vastgesteld)
    # traject-gestart also keeps the provider's access: when_traject_gestart does both.
    handlers.register(TrajectGestart, partial(when_traject_gestart, ctx=ctx))
    for plaatsingsevent in FEITEN:
        if plaatsingsevent is not TrajectGestart:
            handlers.register(plaatsingsevent, when_plaatsing_gewijzigd)
    return ServiceParts(
        logboek=Logboek(
            verwerkingsactiviteiten.register(settings.logboek_register),
            tables.dataverwerking,
            tables.auditregel,
        ),
        settings=settings,
        title="Inburgering Intake API",
        description=(
            "Aanmelding van inburgeraars, de notificaties van DUO, de brede intake en het PIP.\n\n"
            "Afwijking van de NL API Design Rules: `POST /notificaties` volgt DUO's Notificatie "
            "API (v1.8.0) precies, omdat DUO de client is en zich niet naar ons voegt. Daar zijn "
            'fouten DUO\'s Foutmelding (`{"fouttekst": ...}` als `application/json`, geen '
            "problem+json) en is `registratieDatumTijd` een `date-time`. Alle andere paden volgen "
            "de API Design Rules zonder uitzondering."
        ),
        version=VERSION,
        metadata=tables.metadata,
        outbox_table=tables.outbox_message,
        inbox_table=tables.processed_message,
        idempotency=tables.idempotentie,
        # Registration and intake bodies carry the BSN and health data: recognised by an HMAC.
        idempotency_fingerprint=_vingerafdruk(settings),
        migrations_dir=Path(__file__).parent / "migrations",
        routers=[
            inburgeraars,
            contactgegevens,
            gezondheid,
            pips,
            inburgeringsaanbod,
            duo_notificaties,
            notificaties,
        ],
        handlers=handlers,
        publishes=[TOPIC],
        timers=timers,
        clock=clock,
        state={
            "bsn_vault": ctx.vault,
            "gezondheid_vault": GezondheidVault(settings.gezondheid_keyring),
            # Name and address are protected like the BSN: its keyring, a key of their own.
            "contactgegevens_vault": ContactgegevensVault(settings.bsn_keyring),
            "intake": ctx,
        },
    )
