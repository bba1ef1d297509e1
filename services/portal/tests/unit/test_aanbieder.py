from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import httpx

from inburgering.portal import aanbieder

VANDAAG = date(2027, 3, 1)
Csrf = Callable[[str], str]


def _plaatsing(id_: str, status: str, aangevraagd: str = "2027-02-01T10:00:00Z", **extra) -> dict:
    return {
        "id": id_,
        "status": status,
        "leerroute": "b1-route",
        "doelgroep": "asielstatushouder",
        "gemeentecode": "GM0772",
        "aanbiederKvk": "90012345",
        "aangevraagdOp": aangevraagd,
        "startdatum": extra.get("startdatum"),
        "einddatum": extra.get("einddatum"),
    }


def test_placements_are_sorted_by_what_they_ask_of_the_provider() -> None:
    plaatsingen = [
        _plaatsing("b-nieuw", "aangevraagd", "2027-02-27T10:00:00Z"),
        _plaatsing("a-oud", "aangevraagd", "2027-01-02T10:00:00Z"),
        _plaatsing("loopt", "gestart", startdatum="2027-01-10"),
        _plaatsing("klaar", "afgerond", startdatum="2026-01-10", einddatum="2026-12-01"),
        _plaatsing("weg", "ingetrokken", einddatum="2027-02-01"),
    ]
    uren = {"loopt": aanbieder.Uren(12.5, 2, 0, ())}
    w = aanbieder.indeling(plaatsingen, uren, VANDAAG)
    assert [p.id for p in w.te_accepteren] == ["a-oud", "b-nieuw"]
    assert [p.gewacht for p in w.te_accepteren] == [58, 2]
    assert [p.id for p in w.lopend] == ["loopt"] and w.lopend[0].uren == uren["loopt"]
    assert [p.id for p in w.afgesloten] == ["weg", "klaar"]
    assert w.aantallen["aangevraagd"] == 2 and w.aantallen["geaccepteerd"] == 0
    assert sum(w.aantallen.values()) == len(plaatsingen)


def test_a_request_just_before_midnight_utc_counts_on_its_dutch_day() -> None:
    p = aanbieder.plaatsing(_plaatsing("x", "aangevraagd", "2027-02-28T23:30:00Z"), VANDAAG)
    assert p.aangevraagd == VANDAAG and p.gewacht == 0


def test_the_attendance_form_takes_hours_as_people_write_them() -> None:
    formulier = {
        "plaatsing": "loopt",
        "datum": "2027-02-26",
        "aanwezigUren": "2,5",
        "afwezigUren": "",
        "afwezigheid": "",
    }
    body, fouten = aanbieder.aanwezigheid(formulier, ["loopt"])
    assert fouten == {}
    assert body == {"datum": "2027-02-26", "aanwezigUren": "2.5", "afwezigUren": "0"}


def test_the_attendance_form_names_each_field_to_correct() -> None:
    formulier = {
        "plaatsing": "van-een-ander",
        "datum": "26-02-2027",
        "aanwezigUren": "twee",
        "afwezigUren": "1",
        "afwezigheid": "ziek",
    }
    body, fouten = aanbieder.aanwezigheid(formulier, ["loopt"])
    assert body == {}
    assert set(fouten) == {"plaatsing", "datum", "aanwezigUren", "afwezigheid"}


async def _log_in(client: httpx.AsyncClient, csrf_van: Csrf, rol: str = "aanbieder") -> None:
    token = csrf_van((await client.get("/inloggen")).text)
    data = {
        "rol": rol,
        "gemeentecodes": "GM0772" if rol != "aanbieder" else "",
        "kvk": "90012345",
        "csrf_token": token,
    }
    assert (await client.post("/inloggen", data=data)).status_code == 303


class Contracts:
    """Contracts' provider API as far as the page uses it, with the answer to acceptance set."""

    def __init__(self, acceptatie: httpx.Response) -> None:
        self.acceptatie = acceptatie
        self.posts: list[tuple[str, dict]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        pad = request.url.path
        if request.method == "POST":
            self.posts.append((pad, json.loads(request.content or b"{}")))
            if pad.endswith("/acceptatie"):
                return self.acceptatie
            return httpx.Response(
                201,
                json={
                    "urenAanwezig": 14.5,
                    "urenGeoorloofdAfwezig": 1.0,
                    "urenOngeoorloofdAfwezig": 0.0,
                    "mijlpalen": [],
                },
            )
        if pad == "/v1/plaatsingen":
            return httpx.Response(
                200,
                json=[
                    _plaatsing("11111111-0000-4000-8000-000000000001", "aangevraagd"),
                    _plaatsing(
                        "11111111-0000-4000-8000-000000000002", "gestart", startdatum="2027-01-10"
                    ),
                ],
            )
        return httpx.Response(
            200,
            json={
                "urenAanwezig": 12,
                "urenGeoorloofdAfwezig": 1,
                "urenOngeoorloofdAfwezig": 0,
                "mijlpalen": [],
            },
        )


ID = "11111111-0000-4000-8000-000000000001"
LOOPT = "11111111-0000-4000-8000-000000000002"


async def test_accepting_posts_to_contracts_and_the_page_shows_the_result(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    contracts = Contracts(httpx.Response(200, json=_plaatsing(ID, "geaccepteerd")))
    async with portaal_met(httpx.MockTransport(contracts)) as client:
        await _log_in(client, csrf_van)
        pagina = await client.get("/plaatsingen")
        assert f'action="/plaatsingen/{ID}/acceptatie"' in pagina.text
        antwoord = await client.post(
            f"/plaatsingen/{ID}/acceptatie", data={"csrf_token": csrf_van(pagina.text)}
        )
        assert antwoord.status_code == 303 and antwoord.headers["location"] == "/plaatsingen"
        na = await client.get("/plaatsingen")
        nog_eens = await client.get("/plaatsingen")
    assert contracts.posts == [(f"/v1/plaatsingen/{ID}/acceptatie", {})]
    assert "Gelukt:" in na.text and "Plaatsing 11111111 is geaccepteerd" in na.text
    assert "Gelukt:" not in nog_eens.text, "the message is shown once"


async def test_a_refused_acceptance_says_why(portaal_met: Callable, csrf_van: Csrf) -> None:
    geweigerd = httpx.Response(
        409, json={"status": 409, "detail": "De plaatsing is al geaccepteerd."}
    )
    async with portaal_met(httpx.MockTransport(Contracts(geweigerd))) as client:
        await _log_in(client, csrf_van)
        token = csrf_van((await client.get("/plaatsingen")).text)
        await client.post(f"/plaatsingen/{ID}/acceptatie", data={"csrf_token": token})
        na = await client.get("/plaatsingen")
    assert 'role="alert"' in na.text and "De plaatsing is al geaccepteerd." in na.text


async def test_another_providers_placement_is_niet_gevonden(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    onbekend = httpx.Response(404, json={"status": 404, "detail": "Plaatsing niet gevonden."})
    async with portaal_met(httpx.MockTransport(Contracts(onbekend))) as client:
        await _log_in(client, csrf_van)
        token = csrf_van((await client.get("/plaatsingen")).text)
        antwoord = await client.post(f"/plaatsingen/{ID}/acceptatie", data={"csrf_token": token})
    assert antwoord.status_code == 404 and "Niet gevonden" in antwoord.text


async def test_accepting_without_the_csrf_token_never_reaches_contracts(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    contracts = Contracts(httpx.Response(200, json={}))
    async with portaal_met(httpx.MockTransport(contracts)) as client:
        await _log_in(client, csrf_van)
        antwoord = await client.post(f"/plaatsingen/{ID}/acceptatie")
    assert antwoord.status_code == 403 and contracts.posts == []


async def test_attendance_is_reported_to_contracts_with_its_totals_shown(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    contracts = Contracts(httpx.Response(200, json={}))
    async with portaal_met(httpx.MockTransport(contracts)) as client:
        await _log_in(client, csrf_van)
        token = csrf_van((await client.get("/plaatsingen")).text)
        formulier = {
            "csrf_token": token,
            "plaatsing": LOOPT,
            "datum": "2027-01-12",
            "aanwezigUren": "2,5",
            "afwezigUren": "1",
            "afwezigheid": "geoorloofd",
        }
        antwoord = await client.post("/plaatsingen/aanwezigheid", data=formulier)
        assert antwoord.status_code == 303
        na = await client.get("/plaatsingen")
    assert contracts.posts == [
        (
            f"/v1/plaatsingen/{LOOPT}/aanwezigheid",
            {
                "datum": "2027-01-12",
                "aanwezigUren": "2.5",
                "afwezigUren": "1",
                "afwezigheid": "geoorloofd",
            },
        )
    ]
    assert "Samen nu 14.5 uur aanwezig" in na.text


async def test_a_wrong_attendance_is_named_next_to_its_field(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    contracts = Contracts(httpx.Response(200, json={}))
    async with portaal_met(httpx.MockTransport(contracts)) as client:
        await _log_in(client, csrf_van)
        token = csrf_van((await client.get("/plaatsingen")).text)
        formulier = {
            "csrf_token": token,
            "plaatsing": LOOPT,
            "datum": "gisteren",
            "aanwezigUren": "2",
        }
        antwoord = await client.post("/plaatsingen/aanwezigheid", data=formulier)
    assert antwoord.status_code == 400 and contracts.posts == []
    assert 'id="datum-fout"' in antwoord.text and 'value="gisteren"' in antwoord.text


async def test_the_provider_page_is_for_the_aanbieder_role_only(
    portaal: httpx.AsyncClient, csrf_van: Csrf
) -> None:
    await _log_in(portaal, csrf_van, rol="gemeente")
    assert (await portaal.get("/plaatsingen")).status_code == 403


async def test_contracts_refusal_of_an_attendance_is_named_next_to_the_field_it_names(
    portaal_met: Callable, csrf_van: Csrf
) -> None:
    def contracts(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(
                400,
                json={
                    "status": 400,
                    "detail": "De invoer is ongeldig.",
                    "invalidParams": [
                        {"name": "body.datum", "code": "te-vroeg", "reason": "Voor de start."}
                    ],
                },
            )
        return Contracts(httpx.Response(200))(request)

    async with portaal_met(httpx.MockTransport(contracts)) as client:
        await _log_in(client, csrf_van)
        token = csrf_van((await client.get("/plaatsingen")).text)
        formulier = {
            "csrf_token": token,
            "plaatsing": LOOPT,
            "datum": "2027-01-01",
            "aanwezigUren": "2",
        }
        antwoord = await client.post("/plaatsingen/aanwezigheid", data=formulier)
    assert antwoord.status_code == 400
    assert '<p class="veldfout" id="datum-fout">Voor de start.</p>' in antwoord.text
