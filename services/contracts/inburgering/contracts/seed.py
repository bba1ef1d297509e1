"""Demo region Zuidoost-Brabant: samenwerkingsverbanden, aanbieders and contracts (development).

Gemeenten and their CBS codes are real (domain notes, section 8); which gemeente joins which
samenwerkingsverband is illustrative, and every aanbieder, KvK number and contract is fictitious.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select

from inburgering.contracts.adapters.repository import insert_ignoring_conflicts
from inburgering.contracts.adapters.tables import (
    aanbieder,
    aanbieder_locatie,
    contract,
    contract_versie,
    samenwerkingsverband,
    samenwerkingsverband_lid,
)
from inburgering.contracts.domain.model import ContractStatus, KeurmerkStatus, PrijsEenheid
from inburgering.contracts.handlers import verbandbeheer
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.kalender import nederlandse_datum
from inburgering.shared.persistence import UnitOfWork

# Ids derive from names so that they are the same on every machine and every run.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://inburgering.nl/demo/zuidoost-brabant")


def demo_id(kind: str, name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{name}")


EINDHOVEN = "GM0772"

ZUIDOOST_BRABANT = {
    "GM0743": "Asten",
    "GM1724": "Bergeijk",
    "GM0753": "Best",
    "GM1728": "Bladel",
    "GM1706": "Cranendonck",
    "GM0762": "Deurne",
    "GM0770": "Eersel",
    "GM0772": "Eindhoven",
    "GM1771": "Geldrop-Mierlo",
    "GM1652": "Gemert-Bakel",
    "GM1658": "Heeze-Leende",
    "GM0794": "Helmond",
    "GM1659": "Laarbeek",
    "GM0820": "Nuenen, Gerwen en Nederwetten",
    "GM0823": "Oirschot",
    "GM1667": "Reusel-De Mierden",
    "GM0847": "Someren",
    "GM0848": "Son en Breugel",
    "GM0858": "Valkenswaard",
    "GM0861": "Veldhoven",
    "GM0866": "Waalre",
}
HELMOND_DE_PEEL = frozenset({"GM0794", "GM0743", "GM0847", "GM1652", "GM1659", "GM0762"})
BRABANTSE_GROTE_STEDEN = {
    "GM0772": "Eindhoven",
    "GM0855": "Tilburg",
    "GM0758": "Breda",
    "GM0796": "'s-Hertogenbosch",
    "GM0794": "Helmond",
}


def demo_periode(vandaag: date) -> tuple[date, date]:
    """Four contract years around today, so the demo keeps working whenever it is loaded."""
    return date(vandaag.year - 1, 1, 1), date(vandaag.year + 2, 12, 31)


@dataclass(frozen=True)
class DemoVerband:
    naam: str
    leerroute: Leerroute
    leden: frozenset[str]
    lead_gemeentecode: str = EINDHOVEN

    @property
    def id(self) -> uuid.UUID:
        return demo_id("samenwerkingsverband", self.naam)


@dataclass(frozen=True)
class DemoAanbieder:
    naam: str
    kvk: str
    keurmerk_status: KeurmerkStatus | None
    # The keurmerk runs until the end of this many years after the year of loading.
    keurmerk_jaren: int | None
    taalschakel: bool = False
    # Where it teaches, for a verband that allocates by `locatie`.
    locaties: frozenset[str] = frozenset()

    @property
    def id(self) -> uuid.UUID:
        return demo_id("aanbieder", self.kvk)

    def keurmerk_geldig_tot(self, vandaag: date) -> date | None:
        if self.keurmerk_jaren is None:
            return None
        return date(vandaag.year + self.keurmerk_jaren, 12, 31)


@dataclass(frozen=True)
class DemoContract:
    verband: DemoVerband
    aanbieder: DemoAanbieder
    capaciteit: int
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Decimal

    @property
    def id(self) -> uuid.UUID:
        return demo_id("contract", f"{self.verband.naam}:{self.aanbieder.kvk}")


B1_ROUTE = DemoVerband(
    "Inkoop B1-route Zuidoost-Brabant", Leerroute.B1_ROUTE, frozenset(ZUIDOOST_BRABANT)
)
# Helmond-De Peel buys its own Z-route in this demo, so six gemeenten are not members.
Z_ROUTE = DemoVerband(
    "Inkoop Z-route Zuidoost-Brabant",
    Leerroute.Z_ROUTE,
    frozenset(ZUIDOOST_BRABANT) - HELMOND_DE_PEEL,
)
# The province-wide cooperation of the big Brabant cities towards hbo/wo (domain notes 4.3).
ONDERWIJSROUTE = DemoVerband(
    "Onderwijsroute Brabant grote steden",
    Leerroute.ONDERWIJSROUTE,
    frozenset(BRABANTSE_GROTE_STEDEN),
)
VERBANDEN = (B1_ROUTE, Z_ROUTE, ONDERWIJSROUTE)

KEMPEN = DemoAanbieder(
    "Taalpunt De Kempen B.V. (fictief)",
    "90012345",
    KeurmerkStatus.GELDIG,
    2,
    locaties=frozenset({"GM0772", "GM1728", "GM0861"}),
)
PEELLAND = DemoAanbieder(
    "Peelland Inburgering B.V. (fictief)",
    "90023456",
    KeurmerkStatus.GELDIG,
    1,
    locaties=frozenset({"GM0794", "GM0762"}),
)
# Suspended keurmerk: its contracts stay on record but get no new placements.
DOMMEL = DemoAanbieder("Lingua Dommel B.V. (fictief)", "90034567", KeurmerkStatus.GESCHORST, 1)
# A taalschakel institution under Inspectie oversight: the onderwijsroute needs no keurmerk.
SCHAKELCOLLEGE = DemoAanbieder(
    "Brabants Schakelcollege (fictief)", "90045678", None, None, taalschakel=True
)
AANBIEDERS = (KEMPEN, PEELLAND, DOMMEL, SCHAKELCOLLEGE)
# The fictitious numbers the DUO simulator knows, so the inburgeringsaanbod melding reaches it.
DUO_INSTELLINGSNUMMERS = {a.kvk: f"00001{n:05d}" for n, a in enumerate(AANBIEDERS, start=1)}

CONTRACTEN = (
    # Fictitious amounts, in euros per price unit.
    DemoContract(B1_ROUTE, KEMPEN, 120, PrijsEenheid.TRAJECT, Decimal("9800.00")),
    DemoContract(B1_ROUTE, PEELLAND, 80, PrijsEenheid.UUR, Decimal("14.50")),
    DemoContract(B1_ROUTE, DOMMEL, 60, PrijsEenheid.TRAJECT, Decimal("9400.00")),
    DemoContract(Z_ROUTE, KEMPEN, 40, PrijsEenheid.MODULE, Decimal("1250.00")),
    DemoContract(Z_ROUTE, DOMMEL, 30, PrijsEenheid.MODULE, Decimal("1190.00")),
    DemoContract(ONDERWIJSROUTE, SCHAKELCOLLEGE, 25, PrijsEenheid.TRAJECT, Decimal("11500.00")),
)


async def seed_demo_region(uow: UnitOfWork, vandaag: date | None = None) -> None:
    """Load the demo region into an empty database; the caller commits.

    Fixed ids and conflict-tolerant inserts let several processes start at once.
    """
    session = uow.session
    if (await session.execute(select(samenwerkingsverband.c.id).limit(1))).first() is not None:
        return
    vandaag = vandaag or nederlandse_datum(datetime.now(UTC))
    start, eind = demo_periode(vandaag)
    rows = {
        samenwerkingsverband: [
            {
                "id": v.id,
                "naam": v.naam,
                "leerroute": v.leerroute,
                "lead_gemeentecode": v.lead_gemeentecode,
                "periode_start_date": start,
                "periode_eind_date": eind,
            }
            for v in VERBANDEN
        ],
        samenwerkingsverband_lid: [
            {
                "samenwerkingsverband_id": v.id,
                "gemeentecode": code,
                "ingangsdatum": start,
                "rollen": ["inkoop", "contractbeheer"]
                if code == v.lead_gemeentecode
                else ["uitvoering"],
            }
            for v in VERBANDEN
            for code in sorted(v.leden)
        ],
        aanbieder: [
            {
                "id": a.id,
                "kvk": a.kvk,
                "naam": a.naam,
                "keurmerk_status": a.keurmerk_status,
                "keurmerk_geldig_tot": a.keurmerk_geldig_tot(vandaag),
                "taalschakel": a.taalschakel,
                "duo_instellingsnummer": DUO_INSTELLINGSNUMMERS[a.kvk],
            }
            for a in AANBIEDERS
        ],
        aanbieder_locatie: [
            {"aanbieder_id": a.id, "gemeentecode": code}
            for a in AANBIEDERS
            for code in sorted(a.locaties)
        ],
        contract: [
            {
                "id": c.id,
                "samenwerkingsverband_id": c.verband.id,
                "aanbieder_id": c.aanbieder.id,
                "leerroute": c.verband.leerroute,
                "doelgroep": None,
                "capaciteit": c.capaciteit,
                "geplaatst": 0,
                "prijs_eenheid": c.prijs_eenheid,
                "prijs_bedrag": c.prijs_bedrag,
                "status": ContractStatus.ACTIEF,
                "periode_start_date": start,
                "periode_eind_date": eind,
                "verlengingsopties": 2,
                "versie": 1,
            }
            for c in CONTRACTEN
        ],
        contract_versie: [
            {
                "contract_id": c.id,
                "versie": 1,
                "capaciteit": c.capaciteit,
                "prijs_eenheid": c.prijs_eenheid,
                "prijs_bedrag": c.prijs_bedrag,
                "status": ContractStatus.ACTIEF,
                "periode_start_date": start,
                "periode_eind_date": eind,
                "verlengingsopties": 2,
                "aandelen": [],
                "toelichting": "Demo: gegund bij de aanbesteding",
                "gewijzigd_door": "demo",
                "gewijzigd_at": datetime.now(UTC),
            }
            for c in CONTRACTEN
        ],
    }
    nieuw = 0
    for table, values in rows.items():
        result = await session.execute(insert_ignoring_conflicts(session, table, values))
        if table is samenwerkingsverband:
            nieuw = result.rowcount
    # Routes and the gemeenten learn the demo region as they learn one set up through the API.
    if nieuw:
        for v in VERBANDEN:
            await verbandbeheer.meld(uow, v.id)
