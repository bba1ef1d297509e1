"""A melding to DUO that fails for any reason counts the attempt, backs off, and is parked with
its reason after the last attempt; a bug in one melding does not stop the scheduler."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.intake.tests.integration.conftest import Omgeving
from services.intake.tests.integration.test_pip import (
    inburgeraar_met_concept,
    pips,
    vaststellen,
)

pytestmark = pytest.mark.integration


async def test_an_unexpected_error_in_a_melding_counts_backs_off_and_parks_it_with_the_reason(
    omgeving: Omgeving, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = omgeving.runtime.parts.state["intake"]
    ctx.settings.duo_max_pogingen = 2
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    [concept] = await pips(omgeving, inburgeraar_id)
    assert (await vaststellen(omgeving, inburgeraar_id, concept["id"])).status_code == 200

    async def kapot(*args: object, **kwargs: object) -> None:
        raise RuntimeError("iets onverwachts voor 999900006")

    monkeypatch.setattr(ctx.duo, "meld_pip", kapot)
    await omgeving.verwerk()
    [pip] = await pips(omgeving, inburgeraar_id)
    melding = pip["duoMelding"]
    assert (melding["status"], melding["pogingen"]) == ("wachtend", 1)
    assert (
        melding["laatsteFout"] == "Onverwachte fout (RuntimeError: iets onverwachts voor *********)"
    )
    assert await omgeving.verwerk() == 0  # waits out its backoff

    omgeving.klok.nu += timedelta(seconds=60)
    await omgeving.verwerk()
    [pip] = await pips(omgeving, inburgeraar_id)
    melding = pip["duoMelding"]
    assert (melding["status"], melding["pogingen"]) == ("geparkeerd", 2)
    assert "Na 2 pogingen geparkeerd" in melding["laatsteFout"]
    assert "RuntimeError" in melding["laatsteFout"]
    assert melding["volgendePogingOp"] is None
    omgeving.klok.nu += timedelta(days=1)
    assert await omgeving.verwerk() == 0


async def test_while_duo_stays_unreachable_a_melding_is_parked_after_its_attempts(
    omgeving: Omgeving,
) -> None:
    omgeving.runtime.parts.state["intake"].settings.duo_max_pogingen = 2
    inburgeraar_id = await inburgeraar_met_concept(omgeving)
    [concept] = await pips(omgeving, inburgeraar_id)
    assert (await vaststellen(omgeving, inburgeraar_id, concept["id"])).status_code == 200
    omgeving.duo.storing = True

    await omgeving.verwerk()
    omgeving.klok.nu += timedelta(seconds=60)
    await omgeving.verwerk()

    [pip] = await pips(omgeving, inburgeraar_id)
    melding = pip["duoMelding"]
    assert (melding["status"], melding["pogingen"]) == ("geparkeerd", 2)
    assert "DUO antwoordde 503" in melding["laatsteFout"]
