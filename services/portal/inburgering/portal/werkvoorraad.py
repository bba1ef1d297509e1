"""The klantmanager's worklist: the services' answers turned into items, each with an urgency,
most urgent first. Pure: no I/O, `vandaag` is passed in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from inburgering.shared.kalender import nederlandse_datum

# How far ahead routes is asked for termijn dates (its `deadlineBinnenWeken`).
ROUTEWIJZIGING_WEKEN = 13
# The extension window opens 26 weeks (6 months, R5) before the end: all of it is in view.
EINDE_WEKEN = 26
VENSTER_WEKEN = 8

WACHTENDE_PLAATSING = frozenset({"wachtlijst", "aangevraagd"})
# A referral in one of these has left the gemeente's hands or ended.
VERWIJZING_KLAAR = frozenset({"gestart", "afgerond", "beeindigd"})

_FEED = "nl.inburgering."
_PIP_SIGNALEN = ("pip-termijn-nadert", "pip-termijn-verstreken")
# After these a PIP deadline asks nothing more of the klantmanager.
_PIP_AFGEDAAN = ("pip-vastgesteld", "inburgeringsplicht-beeindigd", "inburgeringsplicht-voldaan")


class Urgentie(IntEnum):
    VERLOPEN = 0
    HOOG = 1
    MIDDEL = 2
    LAAG = 3

    @property
    def label(self) -> str:
        return {0: "Verlopen", 1: "Hoog", 2: "Middel", 3: "Laag"}[self.value]


@dataclass(frozen=True)
class Wachtnormen:
    """Days of waiting after which an item is middel, then hoog."""

    middel: int
    hoog: int
    # Items waiting less than this are not yet on the list (a referral is only stuck after a while).
    vanaf: int = 0


DUO_NORM = Wachtnormen(middel=2, hoog=7)
PLAATSING_NORM = Wachtnormen(middel=28, hoog=56)
VERWIJZING_NORM = Wachtnormen(middel=14, hoog=28, vanaf=14)

SOORTEN = {
    "pip": "PIP-termijn",
    "routewijziging": "Routewijziging",
    "termijn": "Einde inburgeringstermijn",
    "verlengingsvenster": "Verlengingsvenster",
    "duo": "Geparkeerde DUO-notificatie",
    "plaatsing": "Wachtende plaatsing",
    "verwijzing": "Vastgelopen verwijzing",
}


@dataclass(frozen=True)
class Werkitem:
    soort: str
    inburgeraar_id: str | None
    gemeentecode: str
    omschrijving: str
    # A deadline (`termijn` True) or the day the waiting began.
    datum: date
    termijn: bool
    urgentie: Urgentie
    regel: str = ""
    # Days until the deadline (negative: overdue), or days waited.
    dagen: int = 0

    @property
    def soortnaam(self) -> str:
        return SOORTEN[self.soort]


def urgentie_van_termijn(datum: date, vandaag: date) -> Urgentie:
    dagen = (datum - vandaag).days
    if dagen < 0:
        return Urgentie.VERLOPEN
    if dagen <= 14:
        return Urgentie.HOOG
    if dagen <= 42:
        return Urgentie.MIDDEL
    return Urgentie.LAAG


def urgentie_van_wachten(sinds: date, vandaag: date, norm: Wachtnormen) -> Urgentie:
    gewacht = (vandaag - sinds).days
    if gewacht >= norm.hoog:
        return Urgentie.HOOG
    if gewacht >= norm.middel:
        return Urgentie.MIDDEL
    return Urgentie.LAAG


def gesorteerd(items: Iterable[Werkitem]) -> list[Werkitem]:
    """Most urgent first; within an urgency the earliest date (nearest deadline, longest
    waiting) first, then a fixed order so the page is the same on every request."""
    return sorted(
        items,
        key=lambda i: (i.urgentie, i.datum, i.soort, i.inburgeraar_id or "", i.omschrijving),
    )


def aantallen(items: Iterable[Werkitem]) -> dict[str, int]:
    """Items per kind, every kind named (a zero is information too)."""
    telling = dict.fromkeys(SOORTEN, 0)
    for item in items:
        telling[item.soort] += 1
    return telling


def _dag(waarde: str) -> date:
    """A date, or the Dutch calendar day of a moment (the services answer moments in UTC)."""
    if "T" not in waarde:
        return date.fromisoformat(waarde)
    return nederlandse_datum(datetime.fromisoformat(waarde.replace("Z", "+00:00")))


def pip_termijnen(
    gebeurtenissen: Iterable[Mapping[str, Any]],
    personen: Mapping[str, Mapping[str, Any]],
    vandaag: date,
) -> list[Werkitem]:
    """R1/R2 from the gemeente's feed: the last `pip-termijn-nadert` or `-verstreken` of each
    person, unless a PIP was adopted or the obligation ended after it. Intake offers no list of
    PIP deadlines; its timers publish these signals."""
    open_: dict[str, date] = {}
    for gebeurtenis in gebeurtenissen:
        soort = gebeurtenis.get("type", "").removeprefix(_FEED)
        data = gebeurtenis.get("data") or {}
        persoon = data.get("inburgeraarId")
        if not persoon:
            continue
        if soort in _PIP_SIGNALEN:
            open_[persoon] = date.fromisoformat(data["uiterlijk"])
        elif soort in (
            "pip-vastgesteld",
            "inburgeringsplicht-beeindigd",
            "inburgeringsplicht-voldaan",
        ):
            open_.pop(persoon, None)
    items = []
    for persoon_id, uiterlijk in open_.items():
        persoon = personen.get(persoon_id)
        if persoon is None or persoon.get("status") != "actief":
            continue
        verhuisd = bool(persoon.get("verhuisd"))
        items.append(
            Werkitem(
                soort="pip",
                inburgeraar_id=persoon_id,
                gemeentecode=persoon["gemeentecode"],
                omschrijving=("PIP vaststellen na verhuizing" if verhuisd else "PIP vaststellen")
                + f", uiterlijk {uiterlijk.isoformat()}",
                datum=uiterlijk,
                termijn=True,
                urgentie=urgentie_van_termijn(uiterlijk, vandaag),
                regel="R2" if verhuisd else "R1",
                dagen=(uiterlijk - vandaag).days,
            )
        )
    return items


def routewijzigingen(adviezen: Iterable[Mapping[str, Any]], vandaag: date) -> list[Werkitem]:
    """R4: the leerroute can change only until this day (to the B1-route always)."""
    items = []
    for advies in adviezen:
        termijn = advies.get("termijn")
        if not termijn:
            continue
        sluit = date.fromisoformat(termijn["routewijzigingVensterSluit"])
        route = advies.get("vastgesteldeLeerroute") or advies.get("geadviseerdeLeerroute") or "?"
        items.append(
            Werkitem(
                soort="routewijziging",
                inburgeraar_id=advies["inburgeraarId"],
                gemeentecode=advies["gemeentecode"],
                omschrijving=f"Leerroute ({route}) wijzigen kan tot {sluit.isoformat()}",
                datum=sluit,
                termijn=True,
                urgentie=urgentie_van_termijn(sluit, vandaag),
                regel="R4",
                dagen=(sluit - vandaag).days,
            )
        )
    return items


def termijneinden(adviezen: Iterable[Mapping[str, Any]], vandaag: date) -> list[Werkitem]:
    """R5: the termijn ends; from `verlengingsvensterOpent` an extension can be asked."""
    items = []
    for advies in adviezen:
        termijn = advies.get("termijn")
        if not termijn:
            continue
        einde = date.fromisoformat(termijn["einddatum"])
        opent = termijn["verlengingsvensterOpent"]
        items.append(
            Werkitem(
                soort="termijn",
                inburgeraar_id=advies["inburgeraarId"],
                gemeentecode=advies["gemeentecode"],
                omschrijving=(
                    f"Inburgeringstermijn eindigt op {einde.isoformat()}; "
                    f"verlenging aanvragen kan vanaf {opent}"
                ),
                datum=einde,
                termijn=True,
                urgentie=urgentie_van_termijn(einde, vandaag),
                regel="R5",
                dagen=(einde - vandaag).days,
            )
        )
    return items


def vensteropeningen(adviezen: Iterable[Mapping[str, Any]], vandaag: date) -> list[Werkitem]:
    """R5: the extension window opens soon. Information, not a deadline: always laag."""
    items = []
    for advies in adviezen:
        termijn = advies.get("termijn")
        if not termijn:
            continue
        opent = date.fromisoformat(termijn["verlengingsvensterOpent"])
        items.append(
            Werkitem(
                soort="verlengingsvenster",
                inburgeraar_id=advies["inburgeraarId"],
                gemeentecode=advies["gemeentecode"],
                omschrijving=f"Verlenging aanvragen kan vanaf {opent.isoformat()}",
                datum=opent,
                termijn=True,
                urgentie=Urgentie.LAAG,
                regel="R5",
                dagen=(opent - vandaag).days,
            )
        )
    return items


def geparkeerde_notificaties(
    notificaties: Iterable[Mapping[str, Any]], vandaag: date
) -> list[Werkitem]:
    items = []
    for notificatie in notificaties:
        if notificatie.get("status") != "geparkeerd":
            continue
        sinds = _dag(notificatie["ontvangenOp"])
        reden = notificatie.get("reden") or "geen reden opgegeven"
        items.append(
            Werkitem(
                soort="duo",
                inburgeraar_id=notificatie.get("inburgeraarId"),
                gemeentecode=notificatie["gemeentecode"],
                omschrijving=f"DUO-gebeurtenis {notificatie['gebeurtenisId']} geparkeerd: {reden}",
                datum=sinds,
                termijn=False,
                urgentie=urgentie_van_wachten(sinds, vandaag, DUO_NORM),
                dagen=(vandaag - sinds).days,
            )
        )
    return items


def wachtende_plaatsingen(
    plaatsingen: Iterable[Mapping[str, Any]], vandaag: date
) -> list[Werkitem]:
    items = []
    for plaatsing in plaatsingen:
        if plaatsing.get("status") not in WACHTENDE_PLAATSING:
            continue
        sinds = _dag(plaatsing["aangevraagdOp"])
        if plaatsing["status"] == "wachtlijst":
            tekst = f"Op de wachtlijst voor de {plaatsing['leerroute']}"
        else:
            tekst = f"Wacht op acceptatie door aanbieder {plaatsing.get('aanbiederKvk')}"
        items.append(
            Werkitem(
                soort="plaatsing",
                inburgeraar_id=plaatsing["inburgeraarId"],
                gemeentecode=plaatsing["gemeentecode"],
                omschrijving=tekst,
                datum=sinds,
                termijn=False,
                urgentie=urgentie_van_wachten(sinds, vandaag, PLAATSING_NORM),
                dagen=(vandaag - sinds).days,
            )
        )
    return items


def vastgelopen_verwijzingen(
    verwijzingen: Iterable[Mapping[str, Any]], vandaag: date
) -> list[Werkitem]:
    """A referral whose current step has a deadline (the course's date) is judged by it; one
    without is stuck once it has sat in its step for a while."""
    items = []
    for verwijzing in verwijzingen:
        if verwijzing.get("status") in VERWIJZING_KLAAR:
            continue
        stappen = [s for s in verwijzing.get("stappen", []) if s["poging"] == verwijzing["poging"]]
        if not stappen:
            continue
        laatste = max(stappen, key=lambda s: s["bereiktOp"])
        basis = dict(
            soort="verwijzing",
            inburgeraar_id=verwijzing["inburgeraarId"],
            gemeentecode=verwijzing["gemeentecode"],
        )
        if laatste.get("deadline"):
            deadline = date.fromisoformat(laatste["deadline"])
            tekst = f"Verwijzing naar {verwijzing['niveau']} staat op '{verwijzing['status']}'"
            items.append(
                Werkitem(
                    **basis,
                    omschrijving=f"{tekst}; de opleiding begint {deadline.isoformat()}",
                    datum=deadline,
                    termijn=True,
                    urgentie=urgentie_van_termijn(deadline, vandaag),
                    dagen=(deadline - vandaag).days,
                )
            )
            continue
        sinds = _dag(laatste["bereiktOp"])
        gewacht = (vandaag - sinds).days
        if gewacht < VERWIJZING_NORM.vanaf:
            continue
        items.append(
            Werkitem(
                **basis,
                omschrijving=(
                    f"Verwijzing naar {verwijzing['niveau']} staat sinds {sinds.isoformat()} "
                    f"op '{verwijzing['status']}'"
                ),
                datum=sinds,
                termijn=False,
                urgentie=urgentie_van_wachten(sinds, vandaag, VERWIJZING_NORM),
                dagen=gewacht,
            )
        )
    return items
