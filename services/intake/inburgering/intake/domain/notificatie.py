"""DUO's Notificatie as its spec (API/Notificatie/openapi.yml) defines it, validated without I/O."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from inburgering.intake.domain.errors import NotificatieOngeldig, OngeldigBsn
from inburgering.intake.domain.model import valideer_bsn

FOUTTEKST_MAX = 200  # Foutmelding.fouttekst maxLength
_GEBEURTENIS_ID = re.compile(r"^[0-9A-Z]{1,6}$")
_BSN = re.compile(r"^\d{9}$")
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Notificatie:
    bericht_id: uuid.UUID
    bron: str
    doel: str
    registratie: datetime
    gebeurtenis_id: str
    bsn: str | None
    v_nummer: int | None


def lees_notificatie(headers: Mapping[str, str], body: bytes) -> Notificatie:
    """Every violation at once, in one fouttekst; never echoes a BSN or V-nummer."""
    fouten: list[str] = []
    bron = _oin(headers.get("bron"), "bron", fouten)
    doel = _oin(headers.get("doel"), "doel", fouten)
    bericht_id = _uuid(headers.get("berichtid"), fouten)
    data = _object(body, fouten)
    registratie = _tijdstip(data.get("registratieDatumTijd"), fouten) if data is not None else None
    gebeurtenis_id = _gebeurtenis(data.get("gebeurtenisId"), fouten) if data is not None else None
    bsn = _bsn(data.get("bsn"), fouten) if data is not None else None
    v_nummer = _v_nummer(data.get("vNummer"), fouten) if data is not None else None
    if data is not None and data.get("bsn") is None and data.get("vNummer") is None:
        fouten.append("bsn of vNummer is verplicht")
    if fouten:
        raise NotificatieOngeldig(_fouttekst(fouten))
    assert bericht_id and bron and doel and registratie and gebeurtenis_id
    return Notificatie(bericht_id, bron, doel, registratie, gebeurtenis_id, bsn, v_nummer)


def _fouttekst(fouten: list[str]) -> str:
    tekst = "; ".join(fouten)
    return tekst if len(tekst) <= FOUTTEKST_MAX else tekst[: FOUTTEKST_MAX - 1] + "…"


def _oin(value: str | None, naam: str, fouten: list[str]) -> str | None:
    if value is None:
        fouten.append(f"header {naam} ontbreekt")
    elif len(value) != 20 or not value.isdigit():
        fouten.append(f"header {naam} is geen OIN van 20 cijfers")
    else:
        return value
    return None


def _uuid(value: str | None, fouten: list[str]) -> uuid.UUID | None:
    if value is None:
        fouten.append("header berichtId ontbreekt")
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        fouten.append("header berichtId is geen UUID")
        return None


def _object(body: bytes, fouten: list[str]) -> dict | None:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        fouten.append("de body is geen JSON")
        return None
    if not isinstance(data, dict):
        fouten.append("de body is geen Notificatie-object")
        return None
    return data


def _tijdstip(value: object, fouten: list[str]) -> datetime | None:
    if value is None:
        fouten.append("registratieDatumTijd is verplicht")
        return None
    try:
        moment = datetime.fromisoformat(str(value)) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        fouten.append("registratieDatumTijd is geen date-time")
        return None
    # Tolerant reader: a time without offset is DUO's local time.
    return moment if moment.tzinfo else moment.replace(tzinfo=_AMSTERDAM)


def _gebeurtenis(value: object, fouten: list[str]) -> str | None:
    if value is None:
        fouten.append("gebeurtenisId is verplicht")
    elif not isinstance(value, str) or not _GEBEURTENIS_ID.match(value):
        fouten.append("gebeurtenisId voldoet niet aan ^[0-9A-Z]{1,6}$")
    else:
        return value
    return None


def _bsn(value: object, fouten: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _BSN.match(value):
        fouten.append("bsn bestaat niet uit 9 cijfers")
        return None
    try:
        return valideer_bsn(value)
    except OngeldigBsn:
        fouten.append("bsn voldoet niet aan de elfproef")
        return None


def _v_nummer(value: object, fouten: list[str]) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 9_999_999_999:
        fouten.append("vNummer is geen geheel getal tussen 0 en 9999999999")
        return None
    return value
