"""The first PIP and the termijn after a move ([Wi] 11: three years from the day after the
dagtekening of the first PIP of the obligation, wherever adopted), and DUO's termijn published for
routes: on SS102, on a move with the previous gemeente's PIP (SS121) and with each extension."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from inburgering.duosim.personen import plichtig
from inburgering.shared.events.routes import LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import Ambitie, Doelgroep, Leerroute, Opleidingsniveau
from services.intake.tests.integration.conftest import Omgeving
from services.intake.tests.integration.test_gebeurtenissen import (
    BSN,
    EINDHOVEN,
    melden,
    payloads,
    persoon,
)
from services.intake.tests.integration.test_pip import deliver, pips, vaststellen

pytestmark = pytest.mark.integration

VORIGE_PIP = {"gemeentecode": "0794", "pip": {"dagtekeningPip": "2026-03-02", "leerroute": "O"}}
DUO_TERMIJN = {"startdatum": "2026-03-03", "einddatum": "2029-03-03"}

# (article, how the person came here, DUO's data, first PIP?, termijn after adopting a PIP on
#  2026-11-02)
EERSTE_PIP = [
    ("[Wi] 11: SS101, nieuw plichtig: het eerste PIP start de termijn",
     "SS101", {}, True, ("2026-11-03", "2029-11-03")),
    ("[Wi] 11: SS120, verhuisd zonder PIP: het eerste PIP hier start de termijn",
     "SS120", {}, True, ("2026-11-03", "2029-11-03")),
    ("[Wi] 11: SS121, verhuisd met PIP: de termijn van het eerste PIP elders blijft",
     "SS121", {"pip": VORIGE_PIP, "eerste_dagtekening": date(2026, 3, 2), "termijn": DUO_TERMIJN},
     False, ("2026-03-03", "2029-03-03")),
]  # fmt: skip


async def pip_na(omgeving: Omgeving, gebeurtenis: str, duo: dict[str, Any]) -> dict[str, Any]:
    omgeving.duo.personen[BSN] = plichtig(BSN, **duo)
    await melden(omgeving, gebeurtenis, registratie=omgeving.klok.nu)
    p = await persoon(omgeving)
    await deliver(
        omgeving,
        LeerrouteVastgesteld(
            advies_id=uuid.uuid4(),
            inburgeraar_id=p["id"],
            gemeentecode="GM0772",
            leerroute=Leerroute.ONDERWIJSROUTE,
            afwijkend_van_advies=False,
            doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            ambitie=Ambitie.HBO,
            opleidingsniveau=Opleidingsniveau.WO,
        ),
    )
    [concept] = await pips(omgeving, str(p["id"]))
    response = await vaststellen(omgeving, str(p["id"]), concept["id"])
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    ("artikel", "gebeurtenis", "duo", "eerste", "termijn"),
    EERSTE_PIP,
    ids=[e[0] for e in EERSTE_PIP],
)
async def test_only_the_first_pip_of_the_obligation_starts_the_termijn(
    omgeving: Omgeving,
    artikel: str,
    gebeurtenis: str,
    duo: dict[str, Any],
    eerste: bool,
    termijn: tuple[str, str],
) -> None:
    pip = await pip_na(omgeving, gebeurtenis, duo)

    assert pip["eerstePip"] is eerste, artikel
    [event] = payloads(await omgeving.events("pip-vastgesteld"))
    assert (event["eerstePip"], event["dagtekening"]) == (eerste, "2026-11-02"), artikel
    p = await persoon(omgeving)
    assert (p["termijn_start_date"].isoformat(), p["termijn_eind_date"].isoformat()) == termijn
    await omgeving.verwerk()
    # DUO registers the same termijn: the day after the first PIP's dagtekening, plus 3 years.
    assert omgeving.duo.personen[BSN].termijn == dict(
        zip(("startdatum", "einddatum"), termijn, strict=True)
    )


async def test_a_move_with_the_previous_pip_publishes_duos_termijn(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(
        BSN, pip=VORIGE_PIP, eerste_dagtekening=date(2026, 3, 2), termijn=DUO_TERMIJN
    )
    await melden(omgeving, "SS121")

    p = await persoon(omgeving)
    [bekend] = payloads(await omgeving.events("inburgeringstermijn-bekend"))
    assert bekend == {
        "inburgeraarId": str(p["id"]),
        "gemeentecode": "GM0772",
        "startdatum": "2026-03-03",
        "einddatum": "2029-03-03",
        "aanleiding": "verhuizing",
    }


async def test_a_move_without_pip_publishes_no_termijn(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN)
    await melden(omgeving, "SS120")
    assert await omgeving.events("inburgeringstermijn-bekend") == []


async def test_duos_termijn_and_its_extensions_carry_duos_start(omgeving: Omgeving) -> None:
    omgeving.duo.personen[BSN] = plichtig(BSN, termijn={**DUO_TERMIJN})
    await melden(omgeving, "SS101")
    await melden(omgeving, "SS102")
    omgeving.duo.personen[BSN].termijn = {**DUO_TERMIJN, "einddatum": "2029-09-03"}
    await melden(omgeving, "SS104")

    [bekend] = payloads(await omgeving.events("inburgeringstermijn-bekend"))
    assert (bekend["startdatum"], bekend["einddatum"], bekend["aanleiding"]) == (
        "2026-03-03",
        "2029-03-03",
        "gestart",
    )
    [verlengd] = payloads(await omgeving.events("inburgeringstermijn-verlengd"))
    assert (verlengd["startdatum"], verlengd["nieuweEinddatum"]) == ("2026-03-03", "2029-09-03")
    response = await omgeving.client.get("/v1/inburgeraars", headers=EINDHOVEN)
    assert BSN not in response.text
    assert BSN not in str(await omgeving.events())
