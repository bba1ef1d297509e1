import pytest
from pydantic import ValidationError

from inburgering.referrals.bootstrap import build_parts
from inburgering.referrals.handlers import (
    when_leerroute_gewijzigd_werk_leerroute_bij,
    when_leerroute_vastgesteld_maak_verwijzing,
)
from inburgering.referrals.seed import seed_demo_network
from inburgering.referrals.settings import ReferralsSettings
from inburgering.shared.events.referrals import TOPIC
from inburgering.shared.events.routes import TOPIC as ROUTES_TOPIC
from inburgering.shared.events.routes import LeerrouteGewijzigd, LeerrouteVastgesteld
from inburgering.shared.scheduling.timers import utc_now


def test_leerroute_vastgesteld_is_handled_by_the_referral_reaction():
    parts = build_parts(ReferralsSettings())
    registration = parts.handlers.get(LeerrouteVastgesteld.event_type())
    assert registration is not None
    # Bound to the submission timer's lead time from the settings and to the service clock.
    assert registration.handler.func is when_leerroute_vastgesteld_maak_verwijzing
    assert registration.handler.keywords == {"indiening_nadert_dagen": 14, "klok": utc_now}
    assert parts.handlers.topics == {ROUTES_TOPIC}
    assert list(parts.publishes) == [TOPIC]


def test_a_change_of_leerroute_keeps_the_known_person_current():
    registration = build_parts(ReferralsSettings()).handlers.get(LeerrouteGewijzigd.event_type())
    assert registration is not None
    assert registration.handler is when_leerroute_gewijzigd_werk_leerroute_bij


def test_demo_network_is_seeded_only_when_enabled():
    assert build_parts(ReferralsSettings(seed_demo_data=True)).seed is seed_demo_network
    assert build_parts(ReferralsSettings(seed_demo_data=False)).seed is None


PRODUCTION = {
    "environment": "production",
    "jwt_dev_secret": "a-production-secret-that-is-not-the-default-0123",
    "jwt_jwks_url": "https://login.example.nl/jwks",
    "database_url": "postgresql+asyncpg://referrals@db/referrals",
    "migrate_on_start": False,
    "source_oin": "00000001234567890000",
}


def test_production_starts_without_the_demo_network():
    assert ReferralsSettings(**PRODUCTION, seed_demo_data=False).is_production


def test_production_refuses_the_demo_network():
    with pytest.raises(ValidationError, match="seed_demo_data must be false"):
        ReferralsSettings(**PRODUCTION, seed_demo_data=True)


def test_settings_read_the_referrals_prefix(monkeypatch):
    monkeypatch.setenv("REFERRALS_SEED_DEMO_DATA", "false")
    monkeypatch.setenv("REFERRALS_HTTP_PORT", "9104")
    settings = ReferralsSettings()
    assert (settings.seed_demo_data, settings.http_port, settings.service_name) == (
        False,
        9104,
        "referrals",
    )
