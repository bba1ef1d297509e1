from __future__ import annotations

from collections.abc import Callable
from datetime import date

import httpx

from inburgering.portal import netwerk

VANDAAG = date(2027, 5, 1)
FONTYS, TUE = "11111111-0000-4000-8000-000000000001", "11111111-0000-4000-8000-000000000002"
PREBACHELOR, SCHAKELJAAR = (
    "22222222-0000-4000-8000-000000000001",
    "22222222-0000-4000-8000-000000000002",
)
STATISTIEK = {
    "weergave": "netwerk",
    "kleineAantallenOnderdrukt": True,
    "totaal": {"aantal": 12, "onderdrukt": False},
    "perInstelling": [
        {"instellingId": FONTYS, "naam": "Fontys", "aantal": 9, "onderdrukt": False},
        {"instellingId": TUE, "naam": "TU/e", "aantal": 0, "onderdrukt": False},
        {"instellingId": None, "naam": None, "aantal": None, "onderdrukt": True},
    ],
    "perOpleiding": [
        {
            "opleidingId": PREBACHELOR,
            "instellingId": FONTYS,
            "naam": "Pre-bachelor",
            "aantal": 9,
            "onderdrukt": False,
        },
        {
            "opleidingId": None,
            "instellingId": None,
            "naam": None,
            "aantal": None,
            "onderdrukt": True,
        },
    ],
    "perStatus": [
        {"status": "ingediend", "aantal": 7, "onderdrukt": False},
        {"status": "aangemaakt", "aantal": None, "onderdrukt": True},
    ],
    "cellen": None,
}
INSTELLINGEN = [
    {"id": TUE, "naam": "TU/e", "soort": "wo"},
    {"id": FONTYS, "naam": "Fontys", "soort": "hbo"},
]
OPLEIDINGEN = [
    {
        "id": PREBACHELOR,
        "naam": "Pre-bachelor",
        "soort": "pre-bachelor",
        "niveau": "hbo",
        "instellingId": FONTYS,
    },
    {
        "id": SCHAKELJAAR,
        "naam": "Schakeljaar",
        "soort": "schakeljaar",
        "niveau": "wo",
        "instellingId": TUE,
    },
]


def _cohort(id_: str, deadline: str, start: str, plaatsen: int, bezet: int) -> dict:
    return {
        "id": id_,
        "aanmelddeadline": deadline,
        "startdatum": start,
        "einddatum": "2028-07-01",
        "plaatsen": plaatsen,
        "bezet": bezet,
        "vrijePlaatsen": plaatsen - bezet,
    }


COHORTEN = {
    PREBACHELOR: [
        _cohort("c-feb", "2027-12-01", "2028-02-01", 16, 2),
        _cohort("c-sep", "2027-06-01", "2027-09-01", 16, 16),
    ],
    SCHAKELJAAR: [_cohort("c-oud", "2027-04-30", "2027-09-01", 10, 3)],
}


def _weergave() -> netwerk.Netwerkweergave:
    return netwerk.weergave(STATISTIEK, INSTELLINGEN, OPLEIDINGEN, COHORTEN, VANDAAG)


def test_a_hidden_count_stays_hidden_in_words_and_a_zero_is_a_zero() -> None:
    w = _weergave()
    assert w.onderdrukt and w.totaal.tekst == "12"
    assert w.niet_ingediend.tekst == "verborgen"
    assert dict(w.per_status)["Aangemaakt"].tekst == "verborgen"
    assert dict(w.per_status)["Ingediend"].tekst == "7"
    # A status the service did not list is unknown, not zero.
    assert dict(w.per_status)["Gestart"].tekst == "–"
    tue = next(i for i in w.instellingen if i.naam == "TU/e")
    assert tue.verwijzingen.tekst == "0"


def test_the_pathway_is_listed_in_its_own_order() -> None:
    assert [naam for naam, _ in _weergave().per_status] == list(netwerk.STATUSSEN.values())


def test_institutions_by_name_cohorts_by_start_with_their_state_in_words() -> None:
    w = _weergave()
    assert [i.naam for i in w.instellingen] == ["Fontys", "TU/e"]
    standen = [(c.id, c.stand, c.vrij) for _, _, c in w.cohorten]
    assert standen == [
        ("c-sep", "Vol", 0),
        ("c-feb", "Open", 14),
        ("c-oud", "Aanmelding gesloten", 7),
    ]
    # Places left count only where a referral can still go.
    assert w.vrij_in_open_cohorten == 14


def test_a_cohort_is_open_on_its_deadline_and_closed_the_day_after() -> None:
    assert netwerk.stand(date(2027, 5, 1), 3, VANDAAG) == "Open"
    assert netwerk.stand(date(2027, 4, 30), 3, VANDAAG) == "Aanmelding gesloten"
    assert netwerk.stand(date(2027, 5, 1), 0, VANDAAG) == "Vol"


async def _log_in(client: httpx.AsyncClient, csrf_van: Callable[[str], str], rol: str) -> None:
    token = csrf_van((await client.get("/inloggen")).text)
    data = {"rol": rol, "gemeentecodes": "GM0772", "kvk": "90012345", "csrf_token": token}
    assert (await client.post("/inloggen", data=data)).status_code == 303


async def test_the_network_page_is_for_regio_and_beheer_only(
    portaal: httpx.AsyncClient, csrf_van: Callable[[str], str]
) -> None:
    for rol in ("gemeente", "aanbieder"):
        portaal.cookies.clear()
        await _log_in(portaal, csrf_van, rol)
        assert (await portaal.get("/netwerk")).status_code == 403


async def test_the_network_page_shows_referrals_answers(
    portaal_met: Callable, csrf_van: Callable[[str], str]
) -> None:
    gevraagd: list[str] = []

    def referrals(request: httpx.Request) -> httpx.Response:
        pad = request.url.path
        gevraagd.append(pad)
        assert request.headers["authorization"].startswith("Bearer ")
        if pad == "/v1/statistieken/verwijzingen":
            return httpx.Response(200, json=STATISTIEK)
        if pad == "/v1/netwerk/instellingen":
            return httpx.Response(200, json=INSTELLINGEN)
        if pad == "/v1/opleidingen":
            return httpx.Response(200, json=OPLEIDINGEN)
        opleiding = pad.split("/")[3]
        return httpx.Response(200, json=COHORTEN[opleiding])

    async with portaal_met(httpx.MockTransport(referrals)) as client:
        await _log_in(client, csrf_van, "beheer")
        pagina = await client.get("/netwerk")
    assert pagina.status_code == 200, pagina.text
    assert gevraagd[0] == "/v1/statistieken/verwijzingen"
    assert all(f'data-cohort="{c}"' in pagina.text for c in ("c-feb", "c-sep", "c-oud"))
    assert f'data-opleiding="{PREBACHELOR}"' in pagina.text
    assert "Kleine aantallen verborgen" in pagina.text and "verborgen</td>" in pagina.text


async def test_a_regio_that_leads_no_network_gets_referrals_refusal_as_a_page(
    portaal_met: Callable, csrf_van: Callable[[str], str]
) -> None:
    gevraagd: list[str] = []

    def referrals(request: httpx.Request) -> httpx.Response:
        gevraagd.append(request.url.path)
        return httpx.Response(403, json={"status": 403, "detail": "Alleen een lead-gemeente."})

    async with portaal_met(httpx.MockTransport(referrals)) as client:
        await _log_in(client, csrf_van, "regio")
        pagina = await client.get("/netwerk")
    assert pagina.status_code == 403 and "Alleen een lead-gemeente." in pagina.text
    assert gevraagd == ["/v1/statistieken/verwijzingen"]
