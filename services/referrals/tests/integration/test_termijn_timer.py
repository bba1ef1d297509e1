"""A submitted referral's deadline is a durable timer: it fires once, survives a restart, and
never fires once the institution has decided."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from inburgering.referrals.seed import cohort_id
from inburgering.shared.runtime import ServiceRuntime

pytestmark = pytest.mark.integration

NADERT = "nl.inburgering.verwijzing-termijn-nadert"
# The Fontys cohort starts 1 September 2027; with 14 days' lead the timer is due on 18 August
# (Amsterdam midnight, 17 August 22:00 UTC).
VOOR = datetime(2027, 8, 17, 21, 59, tzinfo=UTC)
OP = datetime(2027, 8, 17, 22, 0, tzinfo=UTC)


@pytest.fixture
def runtime(dienst) -> ServiceRuntime:
    """The shared `client` and `pad` fixtures then drive this clock-controlled service."""
    return dienst.runtime


async def test_the_deadline_fires_once_the_lead_time_before_the_start(dienst, pad):
    verwijzing_id = await pad.ingediend()
    intake = await pad.stap(verwijzing_id, "intake")  # an intake is no decision yet
    assert intake.status_code == 200

    dienst.klok.nu = VOOR
    assert await dienst.vuur() == 0
    dienst.klok.nu = OP
    assert await dienst.vuur() == 1
    assert await dienst.vuur() == 0

    gelezen = await pad.client.get(
        f"/verwijzingen/{verwijzing_id}", headers=pad.gemeente(pad.EINDHOVEN)
    )
    assert await dienst.meldingen(NADERT) == [
        {
            "verwijzingId": verwijzing_id,
            "inburgeraarId": gelezen.json()["inburgeraarId"],
            "gemeentecode": pad.EINDHOVEN,
            "instellingId": str(pad.FONTYS),
            "cohortId": str(pad.FONTYS_COHORT),
            "startdatum": "2027-09-01",
        }
    ]


async def test_the_timer_survives_a_restart_and_still_fires_once(dienst, pad):
    verwijzing_id = await pad.ingediend()

    await dienst.herstart()
    dienst.klok.nu = OP
    assert await dienst.vuur() == 1
    await dienst.herstart()
    assert await dienst.vuur() == 0

    assert [m["verwijzingId"] for m in await dienst.meldingen(NADERT)] == [verwijzing_id]


@pytest.mark.parametrize(
    "toelatingsbesluit",
    [{"toegelaten": True}, {"toegelaten": False, "reden": "taalniveau-onvoldoende"}],
    ids=["toegelaten", "afgewezen"],
)
async def test_the_admission_decision_cancels_the_timer(dienst, pad, toelatingsbesluit):
    besloten = await pad.ingediend()
    open_ = await pad.ingediend()
    await pad.stap(besloten, "intake")
    decided = await pad.stap(besloten, "toelatingsbesluit", toelatingsbesluit)
    assert decided.status_code == 200, decided.text

    dienst.klok.nu = OP
    assert await dienst.vuur() == 1

    assert [m["verwijzingId"] for m in await dienst.meldingen(NADERT)] == [open_]


@pytest.mark.parametrize("dienst", [{"termijn_nadert_dagen": 30}], indirect=True)
async def test_the_lead_time_is_a_setting(dienst, pad):
    await pad.ingediend()

    dienst.klok.nu = datetime(2027, 8, 1, 21, 59, tzinfo=UTC)  # 2 August: 30 days before
    assert await dienst.vuur() == 0
    dienst.klok.nu = datetime(2027, 8, 1, 22, 0, tzinfo=UTC)
    assert await dienst.vuur() == 1


async def test_a_resubmission_after_a_refusal_rearms_the_timer_for_its_new_cohort(dienst, pad):
    verwijzing_id = await pad.ingediend()
    await pad.stap(verwijzing_id, "intake")
    await pad.stap(verwijzing_id, "toelatingsbesluit", {"toegelaten": False, "reden": "overig"})
    # The same Fontys programme, February 2028 (start 1 February, so due 18 January).
    later = cohort_id("fontys", "pre-bachelor-eindhoven", date(2028, 2, 1))
    assert (await pad.dien_in(verwijzing_id, later)).status_code == 200

    dienst.klok.nu = OP  # the refused attempt's moment passes silently
    assert await dienst.vuur() == 0
    dienst.klok.nu = datetime(2028, 1, 17, 23, 0, tzinfo=UTC)  # 18 January, Amsterdam (CET)
    assert await dienst.vuur() == 1
    assert await dienst.vuur() == 0

    [melding] = await dienst.meldingen(NADERT)
    assert (melding["cohortId"], melding["startdatum"]) == (str(later), "2028-02-01")
