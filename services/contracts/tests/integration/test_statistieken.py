"""The statistics: a gemeente sees its own figures as they are; the lead of a verband and
beheer see aggregates with small counts hidden; nobody else sees anything, and no view lists
a person."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from inburgering.contracts.adapters.tables import pijplijn, plaatsing, samenwerkingsverband_lid
from inburgering.shared.auth import Rol
from inburgering.shared.events.intake import (
    InburgeraarAangemeld,
    InburgeringsplichtBeeindigd,
    InburgeringsplichtVoldaan,
    IntakeAfgerond,
    PipVastgesteld,
    RedenBeeindigd,
    RedenVoldaan,
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

EINDHOVEN, BEST, HELMOND, VELDHOVEN = "GM0772", "GM0753", "GM0794", "GM0861"
VELDHOVEN_VANAF = date(2026, 7, 1)
INBURGERAARS, UITKOMSTEN = "/statistieken/inburgeraars", "/statistieken/uitkomsten"
VERBORGEN = {"aantal": None, "onderdrukt": True}


def getoond(aantal: int) -> dict:
    return {"aantal": aantal, "onderdrukt": False}


def per(rijen: list[dict], sleutel: str) -> dict:
    return {
        rij[sleutel]: {"aantal": rij["aantal"], "onderdrukt": rij["onderdrukt"]} for rij in rijen
    }


@pytest.fixture
async def verband(runtime, regio):
    """The test region's B1 verband (Eindhoven leads, Best a member) with Veldhoven joining on
    1 July 2026; Helmond stays outside."""
    async with runtime.uow() as uow:
        await uow.session.execute(
            samenwerkingsverband_lid.insert().values(
                samenwerkingsverband_id=regio.verband_id,
                gemeentecode=VELDHOVEN,
                ingangsdatum=VELDHOVEN_VANAF,
            )
        )
        await uow.commit()
    return regio


Meld = Callable[..., Awaitable[uuid.UUID]]


@pytest.fixture
def meld(bezorg) -> Meld:
    """Register `aantal` people of a gemeente, and nothing more happens to them."""

    async def aanmelden(gemeentecode: str, aantal: int = 1) -> uuid.UUID:
        wie = uuid.uuid4()
        for _ in range(aantal):
            wie = uuid.uuid4()
            await bezorg(
                InburgeraarAangemeld(
                    inburgeraar_id=wie, gemeentecode=gemeentecode, doelgroep=Doelgroep.GEZINSMIGRANT
                )
            )
        return wie

    return aanmelden


async def test_a_gemeente_sees_its_own_4_which_the_lead_sees_hidden_next_to_a_shown_5(
    api, auth, verband, meld
):
    await meld(BEST, 4)
    await meld(EINDHOVEN, 5)
    await meld(VELDHOVEN, 3)
    await meld(HELMOND, 6)

    eigen = await api.get(INBURGERAARS, headers=auth(Rol.GEMEENTE, gemeentecodes=(BEST,)))
    assert eigen.status_code == 200, eigen.text
    body = eigen.json()
    assert (body["weergave"], body["kleineAantallenOnderdrukt"]) == ("eigen", False)
    assert body["totaal"] == getoond(4)
    assert per(body["perGemeente"], "gemeentecode") == {BEST: getoond(4)}
    assert per(body["perStatus"], "status")["aangemeld"] == getoond(4)
    assert body["cellen"] == [
        {
            "gemeentecode": BEST,
            "leerroute": None,
            "doelgroep": "gezinsmigrant",
            "cohort": None,
            "status": "aangemeld",
            "aantal": 4,
        }
    ]

    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    params = {"samenwerkingsverbandId": str(verband.verband_id), "peildatum": "2026-12-01"}
    regio = await api.get(INBURGERAARS, params=params, headers=lead)
    assert regio.status_code == 200, regio.text
    body = regio.json()
    assert (body["weergave"], body["kleineAantallenOnderdrukt"]) == ("samenwerkingsverband", True)
    assert body["peildatum"] == "2026-12-01"
    # 4 and 3 hidden, so the total of 12 tells neither; the 5 is shown.
    assert body["totaal"] == getoond(12)
    assert per(body["perGemeente"], "gemeentecode") == {
        BEST: VERBORGEN,
        EINDHOVEN: getoond(5),
        VELDHOVEN: VERBORGEN,
    }
    assert per(body["perStatus"], "status") == {
        "aangemeld": getoond(12),
        **{s: getoond(0) for s in ("intake-afgerond", "geadviseerd", "leerroute-vastgesteld")},
        **{s: getoond(0) for s in ("pip-vastgesteld", "voldaan", "beeindigd")},
    }
    assert body["cellen"] is None


async def test_the_lead_also_hides_the_smallest_other_gemeente_so_the_total_tells_nothing(
    api, auth, verband, meld
):
    await meld(BEST, 4)
    await meld(EINDHOVEN, 6)
    await meld(VELDHOVEN, 8)
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    params = {"samenwerkingsverbandId": str(verband.verband_id), "peildatum": "2026-12-01"}
    body = (await api.get(INBURGERAARS, params=params, headers=lead)).json()
    # Without the second rule 18 - 6 - 8 would give Best's 4 away.
    assert body["totaal"] == getoond(18)
    assert per(body["perGemeente"], "gemeentecode") == {
        BEST: VERBORGEN,
        EINDHOVEN: VERBORGEN,
        VELDHOVEN: getoond(8),
    }


async def test_members_count_on_the_peildatum(api, auth, verband, meld):
    await meld(BEST, 5)
    await meld(VELDHOVEN, 6)
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    voor = {"samenwerkingsverbandId": str(verband.verband_id), "peildatum": "2026-06-30"}
    body = (await api.get(INBURGERAARS, params=voor, headers=lead)).json()
    assert body["totaal"] == getoond(5)
    assert per(body["perGemeente"], "gemeentecode") == {BEST: getoond(5), EINDHOVEN: getoond(0)}


async def test_status_and_cohort_follow_the_pipeline(api, auth, bezorg, meld):
    def nieuw() -> uuid.UUID:
        return uuid.uuid4()

    ids = [nieuw() for _ in range(7)]
    for wie in ids:
        await bezorg(
            InburgeraarAangemeld(inburgeraar_id=wie, gemeentecode=BEST, doelgroep="gezinsmigrant")
        )
    for wie in ids[1:6]:
        await bezorg(
            IntakeAfgerond(
                inburgeraar_id=wie,
                intake_id=nieuw(),
                gemeentecode=BEST,
                doelgroep=Doelgroep.GEZINSMIGRANT,
                leerbaarheidstoets=LeerbaarheidstoetsUitslag.B1_HAALBAAR,
                opleidingsniveau=Opleidingsniveau.VOORTGEZET,
                ambitie=Ambitie.WERK,
                leeftijd=30,
            )
        )
    for wie in ids[2:6]:
        await bezorg(
            LeerrouteGeadviseerd(
                advies_id=nieuw(),
                inburgeraar_id=wie,
                gemeentecode=BEST,
                leerroute=Leerroute.B1_ROUTE,
                regel="R",
                regelset_versie="1",
            )
        )
    for wie in ids[3:6]:
        await bezorg(
            LeerrouteVastgesteld(
                advies_id=nieuw(),
                inburgeraar_id=wie,
                gemeentecode=BEST,
                leerroute=Leerroute.B1_ROUTE,
                afwijkend_van_advies=False,
                doelgroep=Doelgroep.GEZINSMIGRANT,
                ambitie=Ambitie.WERK,
                opleidingsniveau=Opleidingsniveau.VOORTGEZET,
            )
        )
    for wie, dag in ((ids[4], date(2026, 3, 16)), (ids[5], date(2026, 4, 2))):
        await bezorg(
            PipVastgesteld(
                inburgeraar_id=wie,
                pip_id=nieuw(),
                gemeentecode=BEST,
                versie=1,
                eerste_pip=True,
                dagtekening=dag,
                leerroute=Leerroute.B1_ROUTE,
            )
        )
    await bezorg(
        InburgeringsplichtVoldaan(
            inburgeraar_id=ids[5], gemeentecode=BEST, reden=RedenVoldaan.DIPLOMA
        )
    )
    await bezorg(
        InburgeringsplichtBeeindigd(
            inburgeraar_id=ids[6], gemeentecode=BEST, reden=RedenBeeindigd.BEEINDIGD
        )
    )
    eigen = auth(Rol.GEMEENTE, gemeentecodes=(BEST,))
    maand = (await api.get(INBURGERAARS, params={"cohortPeriode": "maand"}, headers=eigen)).json()
    assert per(maand["perStatus"], "status") == {
        s: getoond(1)
        for s in (
            "aangemeld",
            "intake-afgerond",
            "geadviseerd",
            "leerroute-vastgesteld",
            "pip-vastgesteld",
            "voldaan",
            "beeindigd",
        )
    }
    assert per(maand["perCohort"], "cohort") == {
        "2026-03": getoond(1),
        "2026-04": getoond(1),
        None: getoond(5),
    }
    assert per(maand["perLeerroute"], "leerroute") == {
        "b1-route": getoond(3),
        "onderwijsroute": getoond(0),
        "z-route": getoond(0),
        None: getoond(4),
    }
    kwartaal = (await api.get(INBURGERAARS, headers=eigen)).json()
    assert kwartaal["cohortPeriode"] == "kwartaal"
    assert per(kwartaal["perCohort"], "cohort") == {
        "2026-K1": getoond(1),
        "2026-K2": getoond(1),
        None: getoond(5),
    }
    voldaan = [c for c in kwartaal["cellen"] if c["status"] == "voldaan"]
    assert voldaan == [
        {
            "gemeentecode": BEST,
            "leerroute": "b1-route",
            "doelgroep": "gezinsmigrant",
            "cohort": "2026-K2",
            "status": "voldaan",
            "aantal": 1,
        }
    ]


async def test_beheer_sees_every_gemeente_suppressed(api, auth, verband, meld):
    await meld(BEST, 4)
    await meld(HELMOND, 6)
    await meld(EINDHOVEN, 7)
    body = (await api.get(INBURGERAARS, headers=auth(Rol.BEHEER))).json()
    assert (body["weergave"], body["kleineAantallenOnderdrukt"]) == ("provincie", True)
    assert body["totaal"] == getoond(17)
    assert per(body["perGemeente"], "gemeentecode") == {
        BEST: VERBORGEN,
        EINDHOVEN: getoond(7),
        HELMOND: VERBORGEN,
    }
    # Beheer may look at one verband too, as its lead does.
    params = {"samenwerkingsverbandId": str(verband.verband_id), "peildatum": "2026-12-01"}
    verband_view = await api.get(INBURGERAARS, params=params, headers=auth(Rol.BEHEER))
    assert verband_view.json()["weergave"] == "samenwerkingsverband"


@pytest.mark.parametrize("pad", [INBURGERAARS, UITKOMSTEN])
async def test_another_verbands_lead_gets_404_and_a_member_that_does_not_lead_403(
    api, auth, verband, pad
):
    params = {"samenwerkingsverbandId": str(verband.verband_id)}
    vreemd = await api.get(pad, params=params, headers=auth(Rol.REGIO, gemeentecodes=("GM0855",)))
    onbekend = await api.get(
        pad,
        params={"samenwerkingsverbandId": str(uuid.uuid4())},
        headers=auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,)),
    )
    assert (vreemd.status_code, vreemd.json()["code"]) == (404, onbekend.json()["code"])
    assert onbekend.status_code == 404
    lid = await api.get(pad, params=params, headers=auth(Rol.REGIO, gemeentecodes=(BEST,)))
    assert (lid.status_code, lid.json()["code"]) == (403, "statistiek-alleen-voor-trekker")


@pytest.mark.parametrize("pad", [INBURGERAARS, UITKOMSTEN])
async def test_a_regio_names_its_verband_and_a_gemeente_cannot(api, auth, verband, pad):
    zonder = await api.get(pad, headers=auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,)))
    assert zonder.status_code == 400
    assert zonder.json()["invalidParams"][0]["name"] == "query.samenwerkingsverbandId"
    params = {"samenwerkingsverbandId": str(verband.verband_id)}
    gemeente = await api.get(
        pad, params=params, headers=auth(Rol.GEMEENTE, gemeentecodes=(EINDHOVEN,))
    )
    assert (gemeente.status_code, gemeente.json()["code"]) == (403, "alleen-eigen-cijfers")


@pytest.mark.parametrize("pad", [INBURGERAARS, UITKOMSTEN])
@pytest.mark.parametrize("rol", [Rol.AANBIEDER, Rol.INSTELLING, Rol.DUO])
async def test_providers_institutions_and_duo_get_no_statistics(api, auth, verband, pad, rol):
    headers = auth(rol, gemeentecodes=(EINDHOVEN,), kvk=verband.kvk_geldig)
    params = {"samenwerkingsverbandId": str(verband.verband_id)}
    for query in ({}, params):
        assert (await api.get(pad, params=query, headers=headers)).status_code == 403


def _plaatsing(regio, gemeentecode: str, status: str, contract_id, **velden) -> dict:
    return {
        "id": uuid.uuid4(),
        "inburgeraar_id": uuid.uuid4(),
        "leerroute_besluit_id": uuid.uuid4(),
        "gemeentecode": gemeentecode,
        "leerroute": "b1-route",
        "samenwerkingsverband_id": regio.verband_id,
        "contract_id": contract_id,
        "status": status,
        "aangevraagd_at": datetime(2025, 1, 1, tzinfo=UTC),
        # One INSERT for all rows: every row names every column.
        **{"startdatum": None, "einddatum": None, "einde_reden": None, **velden},
    }


def _afgerond(regio, gemeentecode: str, contract_id, dagen: int) -> dict:
    start = date(2025, 2, 1)
    return _plaatsing(
        regio,
        gemeentecode,
        "afgerond",
        contract_id,
        startdatum=start,
        einddatum=start + timedelta(days=dagen),
    )


@pytest.fixture
async def plaatsingen(runtime, regio):
    """Best: 5 completed at the valid provider (100 … 140 days), 4 at the suspended one
    (200 … 230), 1 running, 1 withdrawn from the waiting list after a route change.
    Eindhoven: 1 completed (50 days), 2 dropped out, 3 running, 1 ended by a route change."""
    geldig, geschorst = regio.contract_geldig, regio.contract_geschorst
    gestart = {"startdatum": date(2025, 2, 1)}
    rijen = [
        *(_afgerond(regio, BEST, geldig, d) for d in (100, 110, 120, 130, 140)),
        *(_afgerond(regio, BEST, geschorst, d) for d in (200, 210, 220, 230)),
        _plaatsing(regio, BEST, "gestart", geschorst, **gestart),
        _plaatsing(regio, BEST, "ingetrokken", None, einde_reden="leerroute-gewijzigd"),
        _afgerond(regio, EINDHOVEN, geldig, 50),
        *(_plaatsing(regio, EINDHOVEN, "uitgevallen", geldig, **gestart) for _ in range(2)),
        *(_plaatsing(regio, EINDHOVEN, "gestart", geldig, **gestart) for _ in range(3)),
        _plaatsing(
            regio, EINDHOVEN, "beeindigd", geldig, einde_reden="leerroute-gewijzigd", **gestart
        ),
        # Not started: no outcome yet.
        _plaatsing(regio, EINDHOVEN, "geaccepteerd", geldig),
    ]
    async with runtime.uow() as uow:
        await uow.session.execute(plaatsing.insert(), rijen)
        await uow.commit()
    return regio


def uitkomsten(rij: dict) -> dict:
    return {
        k: rij[k] for k in ("afgerond", "uitgevallen", "beeindigdDoorRoutewijziging", "lopend")
    } | {"medianeDuur": rij["medianeDuur"]}


async def test_a_gemeente_sees_its_own_outcomes_with_their_median(api, auth, plaatsingen):
    eigen = auth(Rol.GEMEENTE, gemeentecodes=(BEST,))
    response = await api.get(UITKOMSTEN, headers=eigen)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["weergave"], body["perContract"]) == ("eigen", None)
    verwacht = {
        "afgerond": getoond(9),
        "uitgevallen": getoond(0),
        "beeindigdDoorRoutewijziging": getoond(1),
        "lopend": getoond(1),
        # 100 110 120 130 140 200 210 220 230
        "medianeDuur": {"dagen": 140.0, "onderdrukt": False},
    }
    assert uitkomsten(body["totaal"]) == verwacht
    [best] = body["perGemeente"]
    assert best["gemeentecode"] == BEST and uitkomsten(best) == verwacht


async def test_the_lead_sees_outcomes_per_contract_with_small_counts_and_medians_hidden(
    api, auth, plaatsingen
):
    lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
    params = {"samenwerkingsverbandId": str(plaatsingen.verband_id)}
    response = await api.get(UITKOMSTEN, params=params, headers=lead)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["weergave"], body["perGemeente"]) == ("samenwerkingsverband", None)
    b1 = next(r for r in body["perLeerroute"] if r["leerroute"] == "b1-route")
    assert uitkomsten(b1) == {
        "afgerond": getoond(10),
        "uitgevallen": VERBORGEN,
        "beeindigdDoorRoutewijziging": VERBORGEN,
        "lopend": VERBORGEN,
        # 50 100 110 120 130 | 140 200 210 220 230
        "medianeDuur": {"dagen": 135.0, "onderdrukt": False},
    }
    per_contract = {r["contractId"]: r for r in body["perContract"]}
    geschorst = per_contract[str(plaatsingen.contract_geschorst)]
    geldig = per_contract[str(plaatsingen.contract_geldig)]
    # 4 completed at the suspended provider are hidden; then the valid one's 6 too, or the
    # leerroute's 10 would give the 4 away.
    assert geschorst["afgerond"] == VERBORGEN and geldig["afgerond"] == VERBORGEN
    assert geschorst["medianeDuur"] == {"dagen": None, "onderdrukt": True}
    assert geldig["medianeDuur"] == {"dagen": None, "onderdrukt": True}
    assert geldig["aanbiederKvk"] == plaatsingen.kvk_geldig
    assert per_contract[str(plaatsingen.contract_ander)]["afgerond"] == getoond(0)
    assert per_contract[None]["beeindigdDoorRoutewijziging"] == VERBORGEN


async def test_beheer_sees_outcomes_per_gemeente_suppressed(api, auth, plaatsingen):
    body = (await api.get(UITKOMSTEN, headers=auth(Rol.BEHEER))).json()
    assert body["weergave"] == "provincie"
    per_gemeente = {r["gemeentecode"]: r for r in body["perGemeente"]}
    assert body["totaal"]["afgerond"] == getoond(10)
    # Eindhoven's single completion is hidden, and Best's 9 with it.
    assert per_gemeente[EINDHOVEN]["afgerond"] == VERBORGEN
    assert per_gemeente[BEST]["afgerond"] == VERBORGEN


async def test_no_view_lists_a_person_or_a_placement(
    runtime, api, auth, verband, meld, plaatsingen
):
    await meld(BEST, 6)
    params = {"samenwerkingsverbandId": str(verband.verband_id)}
    bekeken = []
    for headers, query in (
        (auth(Rol.GEMEENTE, gemeentecodes=(BEST, EINDHOVEN)), {}),
        (auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,)), params),
        (auth(Rol.BEHEER), {}),
    ):
        for pad in (INBURGERAARS, UITKOMSTEN):
            response = await api.get(pad, params=query, headers=headers)
            assert response.status_code == 200, response.text
            bekeken.append(response.text)
    async with runtime.uow() as uow:
        ids = [
            *(await uow.session.execute(select(pijplijn.c.inburgeraar_id))).scalars(),
            *(await uow.session.execute(select(plaatsing.c.inburgeraar_id))).scalars(),
            *(await uow.session.execute(select(plaatsing.c.id))).scalars(),
        ]
    assert len(ids) > 20
    assert not [i for i in ids for tekst in bekeken if str(i) in tekst]
    assert all("inburgeraarId" not in tekst for tekst in bekeken)


async def test_the_statistics_read_the_same_on_the_embedded_sqlite(
    sqlite_runtime, bouw_regio, vastgesteld, auth
):
    regio = await bouw_regio(sqlite_runtime)
    registration = sqlite_runtime.parts.handlers.get(LeerrouteVastgesteld.event_type())
    assert registration is not None
    for code in [BEST] * 4 + [EINDHOVEN] * 6:
        async with sqlite_runtime.uow() as uow:
            await registration.handler(uow, *vastgesteld(code))
            await uow.commit()
    transport = httpx.ASGITransport(app=sqlite_runtime.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test/v1") as client:
        params = {"samenwerkingsverbandId": str(regio.verband_id)}
        lead = auth(Rol.REGIO, gemeentecodes=(EINDHOVEN,))
        body = (await client.get(INBURGERAARS, params=params, headers=lead)).json()
        uit = await client.get(UITKOMSTEN, params=params, headers=lead)
    assert body["totaal"] == getoond(10)
    assert per(body["perStatus"], "status")["leerroute-vastgesteld"] == getoond(10)
    assert per(body["perGemeente"], "gemeentecode") == {BEST: VERBORGEN, EINDHOVEN: VERBORGEN}
    assert uit.status_code == 200, uit.text
