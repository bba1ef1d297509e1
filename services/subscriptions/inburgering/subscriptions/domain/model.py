"""Subscriptions without I/O: what a subscriber receives, when it is retried, what it signs."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any

from inburgering.shared.events import ALL_EVENTS
from inburgering.shared.events.base import TYPE_PREFIX
from inburgering.shared.messaging.envelope import DATA_CONTENT_TYPE, SCHEMA_BASE

CLOUDEVENTS_JSON = "application/cloudevents+json"
CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json"
SECRET_PREFIX = "whsec_"


class Formaat(StrEnum):
    CLOUDEVENTS = "cloudevents"
    NOTIFICATIES = "notificaties"


class Informatie(StrEnum):
    """`volledig` sends the event data; `arm` only a `dataref` to the owning API."""

    VOLLEDIG = "volledig"
    ARM = "arm"


class AbonnementStatus(StrEnum):
    ACTIEF = "actief"
    BEEINDIGD = "beeindigd"


class AfleveringStatus(StrEnum):
    WACHTEND = "wachtend"
    AFGELEVERD = "afgeleverd"
    VERVALLEN = "vervallen"


@dataclass(frozen=True)
class Gebeurtenis:
    """One event as stored for a gemeente, numbered in the order it arrived."""

    gemeentecode: str
    volgnummer: int
    event_id: str
    source: str
    type: str
    topic: str
    time: datetime
    sleutel: str
    data: dict[str, Any]
    traceparent: str | None = None


# Where the owning services answer for the resource an event is about.
_RESOURCES = {
    "intake.inburgeraar": ("inburgeraars", "/intake/v1/inburgeraars/{sleutel}"),
    "routes.leerroute": ("leerroutes", "/routes/v1/leerroute-adviezen?inburgeraarId={sleutel}"),
    "contracts.plaatsing": ("plaatsingen", "/contracts/v1/plaatsingen?inburgeraarId={sleutel}"),
    "referrals.verwijzing": ("verwijzingen", "/referrals/v1/verwijzingen?inburgeraarId={sleutel}"),
}


def kanaal(topic: str) -> str:
    return _RESOURCES.get(topic, (topic.split(".")[0], ""))[0]


# Events about something other than a person: the resource is that thing, in its service.
_ANDERE_ONDERWERPEN = {
    "samenwerkingsverband": "/contracts/v1/samenwerkingsverbanden/{sleutel}",
    "contract": "/contracts/v1/contracten/{sleutel}",
    "abonnement": "/subscriptions/v1/abonnementen/{sleutel}",
}


def _onderwerp(gebeurtenis: Gebeurtenis) -> str | None:
    """The path of the event's subject when it is not an inburgeraar (its Kafka key then names
    that subject, not a person)."""
    soort = ALL_EVENTS.get(gebeurtenis.type)
    return _ANDERE_ONDERWERPEN.get(soort.aggregate_type) if soort is not None else None


def dataref(gebeurtenis: Gebeurtenis, base_url: str) -> str:
    path = (
        _onderwerp(gebeurtenis)
        or _RESOURCES.get(gebeurtenis.topic, ("", "/intake/v1/inburgeraars/{sleutel}"))[1]
    )
    return base_url.rstrip("/") + path.format(sleutel=gebeurtenis.sleutel)


def hoofdobject(gebeurtenis: Gebeurtenis, base_url: str) -> str:
    """The intake registration for an event about a person; the verband, contract or
    subscription itself for an event about one of those."""
    path = _onderwerp(gebeurtenis) or "/intake/v1/inburgeraars/{sleutel}"
    return base_url.rstrip("/") + path.format(sleutel=gebeurtenis.sleutel)


def cloudevent(
    gebeurtenis: Gebeurtenis, *, informatie: Informatie, base_url: str
) -> dict[str, Any]:
    """CloudEvents 1.0 structured JSON (NL GOV profile), with the gemeente's sequence number."""
    name = gebeurtenis.type.removeprefix(TYPE_PREFIX)
    event: dict[str, Any] = {
        "specversion": "1.0",
        "id": gebeurtenis.event_id,
        "source": gebeurtenis.source,
        "type": gebeurtenis.type,
        "time": _utc(gebeurtenis.time).isoformat().replace("+00:00", "Z"),
        "datacontenttype": DATA_CONTENT_TYPE,
        "dataschema": f"{SCHEMA_BASE}:{name}",
        "gemeentecode": gebeurtenis.gemeentecode,
        "sequence": str(gebeurtenis.volgnummer),
        "sequencetype": "Integer",
        "dataref": dataref(gebeurtenis, base_url),
    }
    if gebeurtenis.traceparent:
        event["traceparent"] = gebeurtenis.traceparent
    if informatie is Informatie.VOLLEDIG:
        event["data"] = gebeurtenis.data
    return event


def notificatie(gebeurtenis: Gebeurtenis, *, base_url: str) -> dict[str, Any]:
    """The VNG Notificaties API message, for backoffices that already consume Open Notificaties.

    The id and sequence travel as kenmerken so that a receiver can still recognise duplicates.
    """
    name = gebeurtenis.type.removeprefix(TYPE_PREFIX).split(".v")[0]
    resource, _, actie = name.rpartition("-")
    return {
        "kanaal": kanaal(gebeurtenis.topic),
        "hoofdObject": hoofdobject(gebeurtenis, base_url),
        "resource": resource or name,
        "resourceUrl": dataref(gebeurtenis, base_url),
        "actie": actie,
        "aanmaakdatum": _utc(gebeurtenis.time).isoformat().replace("+00:00", "Z"),
        "kenmerken": {
            "gemeentecode": gebeurtenis.gemeentecode,
            "type": gebeurtenis.type,
            "id": gebeurtenis.event_id,
            "sequence": str(gebeurtenis.volgnummer),
        },
        "source": gebeurtenis.source,
    }


def proefnotificatie(*, base_url: str, now: datetime) -> dict[str, Any]:
    """The message a Notificaties API receiver confirms its registration with: a complete
    Message (all required fields, `aanmaakdatum` now in UTC) on kanaal `test`, about the
    subscriptions resource itself, so a receiver that validates what it gets accepts it."""
    url = f"{base_url.rstrip('/')}/subscriptions/v1/abonnementen"
    return {
        "kanaal": "test",
        "hoofdObject": url,
        "resource": "abonnement",
        "resourceUrl": url,
        "actie": "test",
        "aanmaakdatum": _utc(now).isoformat().replace("+00:00", "Z"),
        "kenmerken": {},
    }


def past_bij(types: Collection[str], event_type: str) -> bool:
    """An empty filter means every type."""
    return not types or event_type in types


def backoff(pogingen: int, *, base_seconds: float, max_seconds: float) -> timedelta:
    """Exponential: base, 2·base, 4·base… after the 1st, 2nd, 3rd failed attempt; capped."""
    exponent = min(max(pogingen - 1, 0), 32)
    return timedelta(seconds=min(base_seconds * 2**exponent, max_seconds))


RETRY_AFTER_MAX_SECONDS = 24 * 3600


def retry_after(
    value: str | None, now: datetime, *, max_seconds: float = RETRY_AFTER_MAX_SECONDS
) -> timedelta | None:
    """`Retry-After` as delay-seconds or an HTTP date; None when absent or unreadable.

    Honoured even beyond our own backoff cap, up to a day, so a receiver can shed load."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = (parsedate_to_datetime(value) - now).total_seconds()
        except (TypeError, ValueError):
            return None
    return timedelta(seconds=min(max(seconds, 0.0), max_seconds))


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """Standard Webhooks signature: HMAC-SHA256 over `id.timestamp.body`, base64, version v1."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def authorization(credential: str) -> str:
    """The subscriber gives the full header value (as in the Notificaties API) or a bare token."""
    return credential if " " in credential.strip() else f"Bearer {credential.strip()}"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
