"""DUO's Notificatie as its spec (API/Notificatie/openapi.yml) defines it, validated without I/O.

The spec is read as JSON Schema reads it: a pattern's digits are ASCII (ECMA-262's `\\d`), a
`date-time` is RFC 3339 (an offset always, `T` and `Z` in either case), a `uuid` is the 8-4-4-4-12
hexadecimal form, and a property typed string is never null. Hence `re.fullmatch` with `[0-9]`
throughout: Python's `\\d` also matches other scripts' digits and its `$` a final newline."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from inburgering.intake.domain.errors import NotificatieOngeldig, OngeldigBsn
from inburgering.intake.domain.model import valideer_bsn

FOUTTEKST_MAX = 200  # Foutmelding.fouttekst maxLength
_OIN = re.compile(r"[0-9]{20}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_GEBEURTENIS_ID = re.compile(r"[0-9A-Z]{1,6}")
_BSN = re.compile(r"[0-9]{9}")
_DATUM_TIJD = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_V_NUMMER_MAX = 9_999_999_999


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
    _json_content_type(headers.get("content-type"), fouten)
    bron = _oin(headers.get("bron"), "bron", fouten)
    doel = _oin(headers.get("doel"), "doel", fouten)
    bericht_id = _uuid(headers.get("berichtid"), fouten)
    data = _object(body, fouten)
    registratie = gebeurtenis_id = bsn = v_nummer = None
    if data is not None:
        registratie = _tijdstip(data, fouten)
        gebeurtenis_id = _gebeurtenis(data, fouten)
        bsn = _bsn(data, fouten)
        v_nummer = _v_nummer(data, fouten)
        if "bsn" not in data and "vNummer" not in data:
            fouten.append("bsn of vNummer is verplicht")
    if fouten:
        raise NotificatieOngeldig(_fouttekst(fouten))
    assert bericht_id and bron and doel and registratie and gebeurtenis_id
    return Notificatie(bericht_id, bron, doel, registratie, gebeurtenis_id, bsn, v_nummer)


def lees_datum_tijd(tekst: str) -> datetime | None:
    """An RFC 3339 date-time (section 5.6) as an aware datetime; None for anything else."""
    deel = _DATUM_TIJD.fullmatch(tekst)
    if deel is None:
        return None
    jaar, maand, dag, uur, minuut, seconde = (int(deel[i]) for i in range(1, 7))
    fractie = deel[7][1:] if deel[7] else ""
    zone = _zone(deel[8])
    if zone is None:
        return None
    microseconde = int(fractie[:6].ljust(6, "0")) if fractie else 0
    if seconde == 60:
        # A leap second (RFC 3339 allows it) has no datetime: the last instant before it stands in.
        seconde, microseconde = 59, 999_999
    try:
        return datetime(jaar, maand, dag, uur, minuut, seconde, microseconde, tzinfo=zone)
    except ValueError:
        return None


def _zone(tekst: str) -> timezone | None:
    if tekst in ("Z", "z"):
        return UTC
    uren, minuten = int(tekst[1:3]), int(tekst[4:6])
    if uren > 23 or minuten > 59:
        return None
    verschil = timedelta(hours=uren, minutes=minuten)
    return timezone(-verschil if tekst[0] == "-" else verschil)


def _fouttekst(fouten: list[str]) -> str:
    tekst = "; ".join(fouten)
    return tekst if len(tekst) <= FOUTTEKST_MAX else tekst[: FOUTTEKST_MAX - 1] + "…"


def _json_content_type(value: str | None, fouten: list[str]) -> None:
    media_type, *parameters = (value or "").split(";")
    charsets = [
        waarde.strip().strip('"').lower()
        for naam, _, waarde in (p.partition("=") for p in parameters)
        if naam.strip().lower() == "charset"
    ]
    if media_type.strip().lower() != "application/json" or charsets not in ([], ["utf-8"]):
        fouten.append("Content-Type is niet application/json")


def _oin(value: str | None, naam: str, fouten: list[str]) -> str | None:
    if value is None:
        fouten.append(f"header {naam} ontbreekt")
    elif not _OIN.fullmatch(value):
        fouten.append(f"header {naam} is geen OIN van 20 cijfers")
    else:
        return value
    return None


def _uuid(value: str | None, fouten: list[str]) -> uuid.UUID | None:
    if value is None:
        fouten.append("header berichtId ontbreekt")
        return None
    # uuid.UUID() also takes braces, a urn:uuid: prefix and no hyphens; the spec's format not.
    if not _UUID.fullmatch(value):
        fouten.append("header berichtId is geen UUID")
        return None
    return uuid.UUID(value)


def _object(body: bytes, fouten: list[str]) -> dict[str, Any] | None:
    try:
        # RFC 8259: JSON between systems is UTF-8; json.loads(bytes) would also guess UTF-16/32.
        data = json.loads(
            body.decode("utf-8"), object_pairs_hook=_zonder_dubbele, parse_constant=_geen_getal
        )
    except (ValueError, UnicodeDecodeError):
        fouten.append("de body is geen JSON")
        return None
    if not isinstance(data, dict):
        fouten.append("de body is geen Notificatie-object")
        return None
    return data


def _zonder_dubbele(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    # A second "bsn" would otherwise silently replace the first.
    if len({naam for naam, _ in paren}) != len(paren):
        raise ValueError("dubbele naam in een JSON-object")
    return dict(paren)


def _geen_getal(naam: str) -> Any:
    raise ValueError(f"{naam} is geen JSON")


def _tijdstip(data: dict[str, Any], fouten: list[str]) -> datetime | None:
    value = data.get("registratieDatumTijd")
    if "registratieDatumTijd" not in data:
        fouten.append("registratieDatumTijd is verplicht")
        return None
    moment = lees_datum_tijd(value) if isinstance(value, str) else None
    if moment is None:
        fouten.append("registratieDatumTijd is geen date-time (RFC 3339, met tijdzone)")
    return moment


def _gebeurtenis(data: dict[str, Any], fouten: list[str]) -> str | None:
    value = data.get("gebeurtenisId")
    if "gebeurtenisId" not in data:
        fouten.append("gebeurtenisId is verplicht")
    elif not isinstance(value, str) or not _GEBEURTENIS_ID.fullmatch(value):
        fouten.append("gebeurtenisId voldoet niet aan ^[0-9A-Z]{1,6}$")
    else:
        return value
    return None


def _bsn(data: dict[str, Any], fouten: list[str]) -> str | None:
    if "bsn" not in data:
        return None
    value = data["bsn"]
    if not isinstance(value, str) or not _BSN.fullmatch(value):
        fouten.append("bsn bestaat niet uit 9 cijfers")
        return None
    try:
        return valideer_bsn(value)
    except OngeldigBsn:
        fouten.append("bsn voldoet niet aan de elfproef")
        return None


def _v_nummer(data: dict[str, Any], fouten: list[str]) -> int | None:
    if "vNummer" not in data:
        return None
    value = data["vNummer"]
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _V_NUMMER_MAX:
        fouten.append("vNummer is geen geheel getal tussen 0 en 9999999999")
        return None
    return value
