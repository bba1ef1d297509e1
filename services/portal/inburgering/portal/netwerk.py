"""The hbo/wo network page: referrals' statistics and catalogue joined per institution,
programme and cohort. Pure: no I/O, `vandaag` is passed in. The figures are referrals' own (its
small counts already hidden); the portal adds none of its own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The pathway in the order a referral walks it (referrals' README).
STATUSSEN = {
    "aangemaakt": "Aangemaakt",
    "dossier-compleet": "Dossier compleet",
    "ingediend": "Ingediend",
    "intake-gehouden": "Intake gehouden",
    "toegelaten": "Toegelaten",
    "afgewezen": "Afgewezen",
    "gestart": "Gestart",
    "afgerond": "Afgerond",
    "beeindigd": "Beëindigd",
}
WEERGAVEN = {
    "eigen": "de eigen gemeenten",
    "netwerk": "het hele netwerk",
    "provincie": "de hele provincie",
}


@dataclass(frozen=True)
class Aantal:
    """A count as referrals published it: hidden ones stay hidden, in words."""

    aantal: int | None
    onderdrukt: bool = False

    @property
    def tekst(self) -> str:
        if self.onderdrukt:
            return "verborgen"
        return "–" if self.aantal is None else str(self.aantal)


ONBEKEND = Aantal(None)


def aantal(cijfer: Mapping[str, Any] | None) -> Aantal:
    if cijfer is None:
        return ONBEKEND
    return Aantal(cijfer.get("aantal"), bool(cijfer.get("onderdrukt")))


@dataclass(frozen=True)
class Cohort:
    id: str
    startdatum: date
    aanmelddeadline: date
    plaatsen: int
    bezet: int
    vrij: int
    stand: str

    @property
    def open(self) -> bool:
        return self.stand == "Open"


def stand(aanmelddeadline: date, vrij: int, vandaag: date) -> str:
    """Whether a referral can still be submitted to the cohort, in words."""
    if vandaag > aanmelddeadline:
        return "Aanmelding gesloten"
    if vrij <= 0:
        return "Vol"
    return "Open"


def cohort(antwoord: Mapping[str, Any], vandaag: date) -> Cohort:
    deadline = date.fromisoformat(antwoord["aanmelddeadline"])
    return Cohort(
        id=antwoord["id"],
        startdatum=date.fromisoformat(antwoord["startdatum"]),
        aanmelddeadline=deadline,
        plaatsen=antwoord["plaatsen"],
        bezet=antwoord["bezet"],
        vrij=antwoord["vrijePlaatsen"],
        stand=stand(deadline, antwoord["vrijePlaatsen"], vandaag),
    )


@dataclass(frozen=True)
class Opleiding:
    id: str
    naam: str
    soort: str
    niveau: str
    verwijzingen: Aantal
    cohorten: list[Cohort]

    @property
    def vrij_in_open_cohorten(self) -> int:
        return sum(c.vrij for c in self.cohorten if c.open)


@dataclass(frozen=True)
class Instelling:
    id: str | None
    naam: str
    soort: str
    verwijzingen: Aantal
    opleidingen: list[Opleiding] = field(default_factory=list)


@dataclass(frozen=True)
class Netwerkweergave:
    weergave: str
    onderdrukt: bool
    totaal: Aantal
    per_status: list[tuple[str, Aantal]]
    instellingen: list[Instelling]
    # Referrals not yet submitted to any institution.
    niet_ingediend: Aantal

    @property
    def cohorten(self) -> list[tuple[Instelling, Opleiding, Cohort]]:
        return [(i, o, c) for i in self.instellingen for o in i.opleidingen for c in o.cohorten]

    @property
    def vrij_in_open_cohorten(self) -> int:
        return sum(o.vrij_in_open_cohorten for i in self.instellingen for o in i.opleidingen)


def weergave(
    statistiek: Mapping[str, Any],
    instellingen: Iterable[Mapping[str, Any]],
    opleidingen: Iterable[Mapping[str, Any]],
    cohorten: Mapping[str, Iterable[Mapping[str, Any]]],
    vandaag: date,
) -> Netwerkweergave:
    """`cohorten`: each programme's cohorts by programme id. Institutions and programmes by name,
    cohorts by start date; every programme of the catalogue is listed, with or without referrals."""
    per_instelling = {r["instellingId"]: aantal(r) for r in statistiek["perInstelling"]}
    per_opleiding = {r["opleidingId"]: aantal(r) for r in statistiek["perOpleiding"]}
    per_status = {r["status"]: aantal(r) for r in statistiek["perStatus"]}
    opleidingen_van: dict[str, list[Opleiding]] = {}
    for o in opleidingen:
        opleidingen_van.setdefault(o["instellingId"], []).append(
            Opleiding(
                id=o["id"],
                naam=o["naam"],
                soort=o["soort"],
                niveau=o["niveau"],
                verwijzingen=per_opleiding.get(o["id"], ONBEKEND),
                cohorten=sorted(
                    (cohort(c, vandaag) for c in cohorten.get(o["id"], ())),
                    key=lambda c: (c.startdatum, c.id),
                ),
            )
        )
    rijen = [
        Instelling(
            id=i["id"],
            naam=i["naam"],
            soort=i["soort"],
            verwijzingen=per_instelling.get(i["id"], ONBEKEND),
            opleidingen=sorted(opleidingen_van.get(i["id"], []), key=lambda o: (o.naam, o.id)),
        )
        for i in instellingen
    ]
    return Netwerkweergave(
        weergave=statistiek["weergave"],
        onderdrukt=bool(statistiek["kleineAantallenOnderdrukt"]),
        totaal=aantal(statistiek["totaal"]),
        per_status=[(naam, per_status.get(s, ONBEKEND)) for s, naam in STATUSSEN.items()],
        instellingen=sorted(rijen, key=lambda i: (i.naam, i.id or "")),
        niet_ingediend=per_instelling.get(None, ONBEKEND),
    )
