"""The provider's page: its placements from contracts, sorted by what they ask of it, and the
attendance form read into the body contracts expects. Pure: no I/O, `vandaag` is passed in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from inburgering.shared.kalender import nederlandse_datum

STANDEN = {
    "aangevraagd": "Te accepteren",
    "geaccepteerd": "Geaccepteerd, start nog te melden",
    "gestart": "Traject loopt",
    "afgerond": "Afgerond",
    "uitgevallen": "Uitgevallen",
    "ingetrokken": "Ingetrokken door de gemeente",
    "beeindigd": "Beëindigd door de gemeente",
}
AFWEZIGHEID = {"geoorloofd": "Geoorloofd", "ongeoorloofd": "Ongeoorloofd"}


@dataclass(frozen=True)
class Uren:
    aanwezig: float
    geoorloofd_afwezig: float
    ongeoorloofd_afwezig: float
    mijlpalen: tuple[int, ...]


def uren(antwoord: Mapping[str, Any]) -> Uren:
    return Uren(
        aanwezig=antwoord["urenAanwezig"],
        geoorloofd_afwezig=antwoord["urenGeoorloofdAfwezig"],
        ongeoorloofd_afwezig=antwoord["urenOngeoorloofdAfwezig"],
        mijlpalen=tuple(antwoord["mijlpalen"]),
    )


@dataclass(frozen=True)
class Plaatsing:
    id: str
    status: str
    leerroute: str
    doelgroep: str
    gemeentecode: str
    aangevraagd: date
    gewacht: int
    startdatum: str | None
    einddatum: str | None
    uren: Uren | None = None

    @property
    def kort(self) -> str:
        return self.id[:8]

    @property
    def stand(self) -> str:
        return STANDEN.get(self.status, self.status)


def _dag(moment: str) -> date:
    return nederlandse_datum(datetime.fromisoformat(moment.replace("Z", "+00:00")))


def plaatsing(antwoord: Mapping[str, Any], vandaag: date, uren: Uren | None = None) -> Plaatsing:
    aangevraagd = _dag(antwoord["aangevraagdOp"])
    return Plaatsing(
        id=antwoord["id"],
        status=antwoord["status"],
        leerroute=antwoord["leerroute"],
        doelgroep=antwoord["doelgroep"],
        gemeentecode=antwoord["gemeentecode"],
        aangevraagd=aangevraagd,
        gewacht=(vandaag - aangevraagd).days,
        startdatum=antwoord.get("startdatum"),
        einddatum=antwoord.get("einddatum"),
        uren=uren,
    )


@dataclass(frozen=True)
class Aanbiederweergave:
    te_accepteren: list[Plaatsing]
    geaccepteerd: list[Plaatsing]
    lopend: list[Plaatsing]
    afgesloten: list[Plaatsing]
    aantallen: dict[str, int]


def indeling(
    plaatsingen: Iterable[Mapping[str, Any]],
    uren_per_plaatsing: Mapping[str, Uren],
    vandaag: date,
) -> Aanbiederweergave:
    """Placements by what they ask: acceptance and the start longest waiting first, running
    trajectories by their start, ended ones most recent first; every status counted."""
    alle = [plaatsing(p, vandaag, uren_per_plaatsing.get(p["id"])) for p in plaatsingen]

    def met(status: str) -> list[Plaatsing]:
        return [p for p in alle if p.status == status]

    aantallen = dict.fromkeys(STANDEN, 0)
    for p in alle:
        aantallen[p.status] = aantallen.get(p.status, 0) + 1
    wachtend = lambda p: (p.aangevraagd, p.id)  # noqa: E731
    return Aanbiederweergave(
        te_accepteren=sorted(met("aangevraagd"), key=wachtend),
        geaccepteerd=sorted(met("geaccepteerd"), key=wachtend),
        lopend=sorted(met("gestart"), key=lambda p: (p.startdatum or "", p.id)),
        afgesloten=sorted(
            (p for p in alle if p.status not in ("aangevraagd", "geaccepteerd", "gestart")),
            key=lambda p: (p.einddatum or "", p.id),
            reverse=True,
        ),
        aantallen=aantallen,
    )


# The form's fields carry the names of contracts' body, so its `invalidParams` land on them.
VELDEN = ("plaatsing", "datum", "aanwezigUren", "afwezigUren", "afwezigheid")


def _uren(tekst: str) -> Decimal | None:
    """Hours as people write them: `3`, `2,5` or `2.5`."""
    try:
        waarde = Decimal(tekst.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return waarde if waarde.is_finite() else None


def aanwezigheid(
    formulier: Mapping[str, str], lopend: Iterable[str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The attendance form as contracts' body, or what to correct. Only the form's own shape is
    checked here; whether the hours fit the trajectory is contracts' to say."""
    fouten: dict[str, str] = {}
    if formulier.get("plaatsing", "") not in set(lopend):
        fouten["plaatsing"] = "Kies een lopend traject."
    try:
        datum = date.fromisoformat(formulier.get("datum", "").strip())
    except ValueError:
        fouten["datum"] = "Vul de lesdag in als jjjj-mm-dd, bijvoorbeeld 2027-03-01."
    aanwezig = _uren(formulier.get("aanwezigUren", "") or "0")
    if aanwezig is None:
        fouten["aanwezigUren"] = "Vul de aanwezige uren in als getal, bijvoorbeeld 2,5."
    afwezig = _uren(formulier.get("afwezigUren", "") or "0")
    if afwezig is None:
        fouten["afwezigUren"] = "Vul de afwezige uren in als getal, bijvoorbeeld 1."
    afwezigheid = formulier.get("afwezigheid", "")
    if afwezigheid and afwezigheid not in AFWEZIGHEID:
        fouten["afwezigheid"] = "Kies geoorloofd of ongeoorloofd."
    if fouten:
        return {}, fouten
    body: dict[str, Any] = {
        "datum": datum.isoformat(),
        "aanwezigUren": str(aanwezig),
        "afwezigUren": str(afwezig),
    }
    if afwezigheid:
        body["afwezigheid"] = afwezigheid
    return body, {}
