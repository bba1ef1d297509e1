"""The demo Brabant hbo/wo network, loaded at start-up when `seed_demo_data` is on.

Demo data, not a register: the province-wide cooperation's exact members (beyond Tilburg and
Eindhoven) and the roles of Avans and TU/e are not documented (domain.md §5). Fixed uuid5 ids
keep the rows stable across restarts and environments, so loading twice changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from inburgering.referrals.adapters.tables import cohort, instelling, netwerk_gemeente, opleiding
from inburgering.referrals.domain.model import InstellingSoort, OpleidingSoort
from inburgering.shared.events.referrals import Onderwijsniveau
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.persistence.sql import insert_unless_present

DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://inburgering.nl/referrals/demo-netwerk")

NETWERKGEMEENTEN = {
    "GM0772": "Eindhoven",
    "GM0855": "Tilburg",
    "GM0758": "Breda",
    "GM0796": "'s-Hertogenbosch",
    "GM0794": "Helmond",
}
# Demo choice: Eindhoven, the centrumgemeente of the case, leads the network (domain.md §4.3).
LEAD_GEMEENTEN = frozenset({"GM0772"})


@dataclass(frozen=True)
class DemoOpleiding:
    sleutel: str
    naam: str
    soort: OpleidingSoort
    niveau: Onderwijsniveau


@dataclass(frozen=True)
class DemoInstelling:
    sleutel: str
    naam: str
    soort: InstellingSoort
    opleidingen: tuple[DemoOpleiding, ...]


HBO, WO = Onderwijsniveau.HBO, Onderwijsniveau.WO
INSTELLINGEN = (
    DemoInstelling(
        "fontys",
        "Fontys Hogescholen",
        InstellingSoort.HBO,
        (
            DemoOpleiding(
                "pre-bachelor-eindhoven",
                "Pre-bachelor Eindhoven",
                OpleidingSoort.PRE_BACHELOR_HBO,
                HBO,
            ),
            DemoOpleiding(
                "pre-bachelor-tilburg", "Pre-bachelor Tilburg", OpleidingSoort.PRE_BACHELOR_HBO, HBO
            ),
            DemoOpleiding("schakeljaar", "Schakeljaar hbo", OpleidingSoort.SCHAKELJAAR, HBO),
        ),
    ),
    DemoInstelling(
        "avans",
        "Avans Hogeschool",
        InstellingSoort.HBO,
        (
            DemoOpleiding("schakeljaar", "Schakeljaar hbo Breda", OpleidingSoort.SCHAKELJAAR, HBO),
            DemoOpleiding(
                "taalschakeltraject",
                "Taalschakeltraject hbo 's-Hertogenbosch",
                OpleidingSoort.TAALSCHAKELTRAJECT,
                HBO,
            ),
        ),
    ),
    DemoInstelling(
        "tilburg-university",
        "Tilburg University",
        InstellingSoort.WO,
        (
            DemoOpleiding(
                "pre-bachelor", "Academische pre-bachelor", OpleidingSoort.PRE_BACHELOR_WO, WO
            ),
            DemoOpleiding(
                "taalschakeltraject", "Taalschakeltraject wo", OpleidingSoort.TAALSCHAKELTRAJECT, WO
            ),
        ),
    ),
    DemoInstelling(
        "tu-eindhoven",
        "Technische Universiteit Eindhoven",
        InstellingSoort.WO,
        (
            DemoOpleiding(
                "pre-bachelor", "Pre-bachelor bèta en techniek", OpleidingSoort.PRE_BACHELOR_WO, WO
            ),
        ),
    ),
)


# Two intakes a year, groups of 16 as in the Fontys pre-bachelor; places in the demo only.
DEMO_COHORTEN = (
    (date(2027, 6, 15), date(2027, 9, 1), date(2029, 2, 28)),
    (date(2028, 1, 15), date(2028, 2, 1), date(2029, 7, 31)),
)
DEMO_PLAATSEN = 16


def instelling_id(sleutel: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"instelling/{sleutel}")


def opleiding_id(instelling_sleutel: str, sleutel: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"opleiding/{instelling_sleutel}/{sleutel}")


def cohort_id(instelling_sleutel: str, sleutel: str, start: date) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"cohort/{instelling_sleutel}/{sleutel}/{start}")


async def seed_demo_network(uow: UnitOfWork) -> None:
    """Insert what is missing; the runtime commits."""
    session = uow.session
    await session.execute(
        insert_unless_present(session, netwerk_gemeente, ["gemeentecode"]),
        [
            {"gemeentecode": code, "naam": naam, "lead": code in LEAD_GEMEENTEN}
            for code, naam in NETWERKGEMEENTEN.items()
        ],
    )
    await session.execute(
        insert_unless_present(session, instelling, ["id"]),
        [{"id": instelling_id(i.sleutel), "naam": i.naam, "soort": i.soort} for i in INSTELLINGEN],
    )
    await session.execute(
        insert_unless_present(session, opleiding, ["id"]),
        [
            {
                "id": opleiding_id(i.sleutel, o.sleutel),
                "instelling_id": instelling_id(i.sleutel),
                "naam": o.naam,
                "soort": o.soort,
                "niveau": o.niveau,
                # Staatsexamen NT2 programma II (B2) by the start; havo-5 as in the pre-bachelor.
                "taalniveau_bij_start": "B2",
                "engels_niveau": "havo-5",
                "wiskunde_niveau": "havo-5",
                "diplomawaardering_vereist": True,
            }
            for i in INSTELLINGEN
            for o in i.opleidingen
        ],
    )
    await session.execute(
        insert_unless_present(session, cohort, ["id"]),
        [
            {
                "id": cohort_id(i.sleutel, o.sleutel, start),
                "opleiding_id": opleiding_id(i.sleutel, o.sleutel),
                "aanmeld_deadline_date": deadline,
                "start_date": start,
                "eind_date": eind,
                "plaatsen": DEMO_PLAATSEN,
                "bezet": 0,
            }
            for i in INSTELLINGEN
            for o in i.opleidingen
            for deadline, start, eind in DEMO_COHORTEN
        ],
    )
