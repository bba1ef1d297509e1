"""One person's timeline: the gemeente's event feed about them and what DUO reported, newest
first. Pure: the page passes in what the services answered."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inburgering.shared.kalender import NEDERLAND, nederlandse_datum

_AFKORTINGEN = {"pip": "PIP", "duo": "DUO", "pvt": "PVT", "map": "MAP", "z": "Z"}
_GEGEVENS = ("leerroute", "status", "uiterlijk", "niveau", "reden", "einddatum", "startdatum")


@dataclass(frozen=True)
class Moment:
    tijdstip: datetime
    wat: str
    bron: str
    details: str = ""

    @property
    def datum(self) -> str:
        return nederlandse_datum(self.tijdstip).isoformat()

    @property
    def tijd(self) -> str:
        return self.tijdstip.astimezone(NEDERLAND).strftime("%H:%M")


def leesbaar(soort: str) -> str:
    """`nl.inburgering.pip-termijn-nadert` → `PIP termijn nadert`."""
    woorden = soort.removeprefix("nl.inburgering.").split("-")
    woorden = [_AFKORTINGEN.get(w, w) for w in woorden]
    tekst = " ".join(woorden)
    return tekst[:1].upper() + tekst[1:]


def _tijdstip(waarde: str) -> datetime:
    return datetime.fromisoformat(re.sub(r"Z$", "+00:00", waarde))


def _details(data: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}: {data[k]}" for k in _GEGEVENS if data.get(k) not in (None, ""))


def van_persoon(
    gebeurtenissen: Iterable[Mapping[str, Any]], inburgeraar_id: str
) -> list[Mapping[str, Any]]:
    """The feed's events that are about this person (their data names them)."""
    return [g for g in gebeurtenissen if _over(g, inburgeraar_id)]


def _over(gebeurtenis: Mapping[str, Any], inburgeraar_id: str) -> bool:
    return (gebeurtenis.get("data") or {}).get("inburgeraarId") == inburgeraar_id


def tijdlijn(
    gebeurtenissen: Iterable[Mapping[str, Any]],
    duo_gebeurtenissen: Iterable[Mapping[str, Any]],
) -> list[Moment]:
    momenten = [
        Moment(
            tijdstip=_tijdstip(g["time"]),
            wat=leesbaar(g["type"]),
            bron="Platform",
            details=_details(g.get("data") or {}),
        )
        for g in gebeurtenissen
    ]
    momenten += [
        Moment(
            tijdstip=_tijdstip(d["geregistreerdOp"]),
            wat=f"{d['omschrijving']} ({d['gebeurtenisId']})",
            bron="DUO",
            details=d.get("toelichting") or "",
        )
        for d in duo_gebeurtenissen
    ]
    return sorted(momenten, key=lambda m: m.tijdstip, reverse=True)
