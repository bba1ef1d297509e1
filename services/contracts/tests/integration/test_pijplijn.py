"""The region's pipeline follows intake's and routes' events, in whatever order they arrive."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import pijplijn
from inburgering.shared.events.intake import (
    InburgeraarAangemeld,
    InburgeringsplichtVoldaan,
    IntakeAfgerond,
    PipVastgesteld,
)
from inburgering.shared.events.routes import LeerrouteGeadviseerd, LeerrouteVastgesteld
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    LeerbaarheidstoetsUitslag,
    Leerroute,
    Opleidingsniveau,
)

pytestmark = pytest.mark.integration
BEST = "GM0753"


async def stand(runtime, inburgeraar_id: uuid.UUID) -> dict:
    async with runtime.uow() as uow:
        result = await uow.session.execute(
            select(pijplijn).where(pijplijn.c.inburgeraar_id == inburgeraar_id)
        )
        return dict(result.mappings().one())


async def test_each_stage_is_recorded_with_its_dutch_calendar_date(runtime, bezorg):
    wie = uuid.uuid4()
    # Advised before the registration arrives: routes and intake are different topics.
    await bezorg(
        LeerrouteGeadviseerd(
            advies_id=uuid.uuid4(),
            inburgeraar_id=wie,
            gemeentecode=BEST,
            leerroute=Leerroute.Z_ROUTE,
            regel="R",
            regelset_versie="1",
        ),
        op=datetime(2026, 3, 2, 10, tzinfo=UTC),
    )
    await bezorg(
        InburgeraarAangemeld(
            inburgeraar_id=wie, gemeentecode=BEST, doelgroep=Doelgroep.ASIELSTATUSHOUDER
        ),
        # 23:30 UTC on 31 January is 1 February in the Netherlands.
        op=datetime(2026, 1, 31, 23, 30, tzinfo=UTC),
    )
    await bezorg(
        IntakeAfgerond(
            inburgeraar_id=wie,
            intake_id=uuid.uuid4(),
            gemeentecode=BEST,
            doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            leerbaarheidstoets=LeerbaarheidstoetsUitslag.B1_NIET_HAALBAAR,
            opleidingsniveau=Opleidingsniveau.GEEN,
            ambitie=Ambitie.WERK,
            leeftijd=30,
        ),
        op=datetime(2026, 2, 20, 9, tzinfo=UTC),
    )
    besluit = LeerrouteVastgesteld(
        advies_id=uuid.uuid4(),
        inburgeraar_id=wie,
        gemeentecode=BEST,
        leerroute=Leerroute.Z_ROUTE,
        afwijkend_van_advies=False,
        doelgroep=Doelgroep.ASIELSTATUSHOUDER,
        ambitie=Ambitie.WERK,
        opleidingsniveau=Opleidingsniveau.GEEN,
    )
    await bezorg(besluit, op=datetime(2026, 3, 9, 8, tzinfo=UTC))
    await bezorg(besluit, op=datetime(2026, 3, 9, 8, tzinfo=UTC))  # redelivered
    pip = PipVastgesteld(
        inburgeraar_id=wie,
        pip_id=uuid.uuid4(),
        gemeentecode=BEST,
        versie=1,
        eerste_pip=True,
        dagtekening=date(2026, 3, 16),
        leerroute=Leerroute.Z_ROUTE,
    )
    await bezorg(pip)
    await bezorg(
        pip.model_copy(update={"versie": 2, "eerste_pip": False, "dagtekening": date(2026, 9, 1)})
    )
    assert await stand(runtime, wie) == {
        "inburgeraar_id": wie,
        "gemeentecode": BEST,
        "doelgroep": "asielstatushouder",
        "aangemeld_op": date(2026, 2, 1),
        "intake_afgerond_op": date(2026, 2, 20),
        "geadviseerde_leerroute": "z-route",
        "geadviseerd_op": date(2026, 3, 2),
        "vastgestelde_leerroute": "z-route",
        "vastgesteld_op": date(2026, 3, 9),
        "eerste_pip_op": date(2026, 3, 16),
        "afsluiting": None,
        "afgesloten_op": None,
    }
    await bezorg(
        InburgeringsplichtVoldaan(
            inburgeraar_id=wie, gemeentecode=BEST, reden="diploma", per_datum=date(2028, 5, 1)
        )
    )
    assert (await stand(runtime, wie))["afsluiting"] == "voldaan"
