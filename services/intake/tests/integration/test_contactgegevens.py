"""Name and address ([Bi] art. 9.2.3): recorded encrypted by the gemeente, readable by the
provider only while it has an accepted or running placement of the person (from contracts'
events, per plaatsing), never in an event or a log."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from inburgering.intake.adapters.tables import (
    aanbieder_inzage,
    auditregel,
    contactgegevens,
    dataverwerking,
)
from inburgering.shared.auth import Rol
from inburgering.shared.crypto import SealedValueRejected
from inburgering.shared.events.contracts import (
    PlaatsingAfgewezen,
    PlaatsingGeaccepteerd,
    PlaatsingIngetrokken,
    TrajectAfgerond,
    TrajectBeeindigd,
    TrajectGestart,
    TrajectUitgevallen,
)
from inburgering.shared.events.vocabulary import Leerroute
from inburgering.shared.messaging import Envelope
from inburgering.shared.testing.service import bearer
from services.intake.tests.integration.conftest import Omgeving

pytestmark = pytest.mark.integration

BSN = "999900006"
EINDHOVEN = bearer(gemeentecodes=["GM0772"])
HELMOND = bearer(gemeentecodes=["GM0794"])
KEMPEN, ZUID = "90012345", "90023456"
GEGEVENS = {
    "naam": {"voornamen": "Amal", "geslachtsnaam": "Haddad-Zuidema"},
    "adres": {
        "straatnaam": "Stratumsedijk",
        "huisnummer": 12,
        "huisnummertoevoeging": "B",
        "postcode": "5611ND",
        "woonplaats": "Eindhoven",
    },
}


def aanbieder(kvk: str) -> dict[str, str]:
    return bearer(Rol.AANBIEDER, kvk=kvk)


async def aangemeld(omgeving: Omgeving, **extra: Any) -> str:
    response = await omgeving.client.post(
        "/v1/inburgeraars",
        json={
            "bsn": BSN,
            "gemeentecode": "GM0772",
            "doelgroep": "gezinsmigrant",
            "geboortedatum": "1990-01-01",
            **extra,
        },
        headers=EINDHOVEN,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def lees(omgeving: Omgeving, inburgeraar_id: str, headers: dict[str, str]) -> Any:
    return await omgeving.client.get(
        f"/v1/inburgeraars/{inburgeraar_id}/contactgegevens", headers=headers
    )


async def deliver(omgeving: Omgeving, event: Any) -> None:
    """As the consumer does, through the handler registered for the event type."""
    envelope = Envelope(
        id=str(uuid.uuid4()),
        source="urn:nld:oin:00000000000000000000:systeem:inburgering-contracts",
        type=event.event_type(),
        time=datetime.now(UTC),
        gemeentecode=event.gemeentecode,
        data=event.to_data(),
    )
    registration = omgeving.runtime.parts.handlers.get(event.event_type())
    assert registration is not None
    async with omgeving.runtime.uow() as uow:
        await registration.handler(uow, event, envelope)
        await uow.commit()


def plaatsing(inburgeraar_id: str, plaatsing_id: uuid.UUID) -> dict[str, Any]:
    return {
        "plaatsing_id": plaatsing_id,
        "inburgeraar_id": uuid.UUID(inburgeraar_id),
        "gemeentecode": "GM0772",
        "leerroute": Leerroute.B1_ROUTE,
    }


def geaccepteerd(inburgeraar_id: str, plaatsing_id: uuid.UUID, kvk: str) -> PlaatsingGeaccepteerd:
    return PlaatsingGeaccepteerd(
        **plaatsing(inburgeraar_id, plaatsing_id), contract_id=uuid.uuid4(), aanbieder_kvk=kvk
    )


def einde(soort: str, inburgeraar_id: str, plaatsing_id: uuid.UUID, kvk: str) -> Any:
    basis = plaatsing(inburgeraar_id, plaatsing_id)
    dag = date(2027, 6, 1)
    match soort:
        case "traject-afgerond":
            return TrajectAfgerond(**basis, aanbieder_kvk=kvk, einddatum=dag, uren_aanwezig=400)
        case "traject-uitgevallen":
            return TrajectUitgevallen(
                **basis, aanbieder_kvk=kvk, einddatum=dag, reden="werk", uren_aanwezig=10
            )
        case "traject-beeindigd":
            return TrajectBeeindigd(
                **basis,
                aanbieder_kvk=kvk,
                einddatum=dag,
                reden="leerroute-gewijzigd",
                uren_aanwezig=10,
            )
        case _:
            return PlaatsingIngetrokken(
                **basis, contract_id=None, aanbieder_kvk=None, reden="leerroute-gewijzigd"
            )


async def test_the_gemeente_records_and_replaces_name_and_address(omgeving: Omgeving) -> None:
    inburgeraar_id = await aangemeld(omgeving, contactgegevens=GEGEVENS)

    gelezen = await lees(omgeving, inburgeraar_id, EINDHOVEN)
    assert gelezen.status_code == 200
    assert {k: gelezen.json()[k] for k in ("inburgeraarId", "naam", "adres")} == {
        "inburgeraarId": inburgeraar_id,
        "naam": {**GEGEVENS["naam"], "voorvoegsel": None},
        "adres": GEGEVENS["adres"],
    }

    nieuw = {"naam": {"geslachtsnaam": "Haddad"}, "adres": None}
    put = await omgeving.client.put(
        f"/v1/inburgeraars/{inburgeraar_id}/contactgegevens", json=nieuw, headers=EINDHOVEN
    )
    assert put.status_code == 200, put.text
    body = (await lees(omgeving, inburgeraar_id, EINDHOVEN)).json()
    assert (body["naam"]["geslachtsnaam"], body["naam"]["voornamen"], body["adres"]) == (
        "Haddad",
        None,
        None,
    )


async def test_without_contact_data_the_gemeente_gets_a_named_404(omgeving: Omgeving) -> None:
    inburgeraar_id = await aangemeld(omgeving)

    response = await lees(omgeving, inburgeraar_id, EINDHOVEN)

    assert (response.status_code, response.json()["code"]) == (
        404,
        "contactgegevens-niet-gevonden",
    )


async def test_invalid_contact_data_list_every_field(omgeving: Omgeving) -> None:
    inburgeraar_id = await aangemeld(omgeving)
    fout = {"naam": {"geslachtsnaam": ""}, "adres": {**GEGEVENS["adres"], "postcode": "5611 nd"}}

    response = await omgeving.client.put(
        f"/v1/inburgeraars/{inburgeraar_id}/contactgegevens", json=fout, headers=EINDHOVEN
    )

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    text = response.text
    assert "geslachtsnaam" in text and "postcode" in text


async def test_another_gemeente_and_a_provider_cannot_write_or_see_them(omgeving: Omgeving) -> None:
    inburgeraar_id = await aangemeld(omgeving, contactgegevens=GEGEVENS)
    pad = f"/v1/inburgeraars/{inburgeraar_id}/contactgegevens"

    other = await lees(omgeving, inburgeraar_id, HELMOND)
    missing = await lees(omgeving, str(uuid.uuid4()), EINDHOVEN)
    put_other = await omgeving.client.put(pad, json=GEGEVENS, headers=HELMOND)
    put_provider = await omgeving.client.put(pad, json=GEGEVENS, headers=aanbieder(KEMPEN))

    assert (other.status_code, other.json()["code"]) == (404, "inburgeraar-niet-gevonden")
    assert (missing.status_code, missing.json()["code"]) == (404, "inburgeraar-niet-gevonden")
    assert put_other.status_code == 404
    assert put_provider.status_code == 403
    assert (await lees(omgeving, inburgeraar_id, EINDHOVEN)).json()["adres"] == GEGEVENS["adres"]


async def test_the_provider_reads_them_only_during_its_accepted_or_running_placement(
    omgeving: Omgeving,
) -> None:
    inburgeraar_id = await aangemeld(omgeving, contactgegevens=GEGEVENS)
    plaatsing_id = uuid.uuid4()

    voor = await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))
    await deliver(omgeving, geaccepteerd(inburgeraar_id, plaatsing_id, KEMPEN))
    geaccepteerd_body = await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))
    andere = await lees(omgeving, inburgeraar_id, aanbieder(ZUID))
    onbekend = await lees(omgeving, str(uuid.uuid4()), aanbieder(ZUID))
    await deliver(
        omgeving,
        TrajectGestart(
            **plaatsing(inburgeraar_id, plaatsing_id),
            aanbieder_kvk=KEMPEN,
            startdatum=date(2026, 11, 16),
        ),
    )
    lopend = await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))
    await deliver(omgeving, einde("traject-afgerond", inburgeraar_id, plaatsing_id, KEMPEN))
    na = await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))

    assert voor.status_code == 404
    assert geaccepteerd_body.status_code == 200
    assert geaccepteerd_body.json()["naam"]["geslachtsnaam"] == "Haddad-Zuidema"
    assert lopend.status_code == 200
    # Another provider, and the same one after the placement: exactly as an unknown person.
    for response in (andere, na, voor):
        assert response.status_code == 404
        assert response.json()["code"] == onbekend.json()["code"] == "inburgeraar-niet-gevonden"
        assert response.json()["title"] == onbekend.json()["title"]


@pytest.mark.parametrize(
    "soort", ["traject-uitgevallen", "traject-beeindigd", "plaatsing-ingetrokken"]
)
async def test_every_end_of_the_placement_closes_the_access_for_good(
    omgeving: Omgeving, soort: str
) -> None:
    inburgeraar_id = await aangemeld(omgeving, contactgegevens=GEGEVENS)
    plaatsing_id = uuid.uuid4()
    await deliver(omgeving, geaccepteerd(inburgeraar_id, plaatsing_id, KEMPEN))
    assert (await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))).status_code == 200

    await deliver(omgeving, einde(soort, inburgeraar_id, plaatsing_id, KEMPEN))
    assert (await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))).status_code == 404
    # A late or republished acceptance of the ended placement does not open it again.
    await deliver(omgeving, geaccepteerd(inburgeraar_id, plaatsing_id, KEMPEN))
    assert (await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))).status_code == 404


async def test_a_refused_placement_moves_the_access_to_the_next_provider(
    omgeving: Omgeving,
) -> None:
    inburgeraar_id = await aangemeld(omgeving, contactgegevens=GEGEVENS)
    plaatsing_id = uuid.uuid4()
    await deliver(omgeving, geaccepteerd(inburgeraar_id, plaatsing_id, KEMPEN))

    await deliver(
        omgeving,
        PlaatsingAfgewezen(
            **plaatsing(inburgeraar_id, plaatsing_id),
            contract_id=uuid.uuid4(),
            aanbieder_kvk=KEMPEN,
            reden="geen-plek",
        ),
    )
    assert (await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))).status_code == 404
    await deliver(omgeving, geaccepteerd(inburgeraar_id, plaatsing_id, ZUID))

    assert (await lees(omgeving, inburgeraar_id, aanbieder(ZUID))).status_code == 200
    assert (await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))).status_code == 404
    async with omgeving.runtime.engine.connect() as conn:
        rows = (await conn.execute(select(aanbieder_inzage))).mappings().all()
    assert [(r["plaatsing_id"], r["aanbieder_kvk"], r["inzage"]) for r in rows] == [
        (plaatsing_id, ZUID, "actief")
    ]


async def test_name_and_address_are_sealed_at_rest_and_never_in_events_or_logs(
    omgeving: Omgeving,
) -> None:
    inburgeraar_id = await aangemeld(omgeving, contactgegevens=GEGEVENS)
    await deliver(omgeving, geaccepteerd(inburgeraar_id, uuid.uuid4(), KEMPEN))
    assert (await lees(omgeving, inburgeraar_id, aanbieder(KEMPEN))).status_code == 200
    geheim = ("Haddad", "Amal", "Stratumsedijk", "5611ND")

    async with omgeving.runtime.engine.connect() as conn:
        [opgeslagen] = (await conn.execute(select(contactgegevens))).mappings().all()
        logregels = (await conn.execute(select(dataverwerking))).mappings().all()
        audit = (await conn.execute(select(auditregel))).mappings().all()
    events = await omgeving.events()

    assert opgeslagen["inburgeraar_id"] == uuid.UUID(inburgeraar_id)
    for waarde in geheim:
        assert waarde.encode() not in opgeslagen["versleuteld"]
        assert waarde not in str(events)
        assert waarde not in str(logregels) + str(audit)
    # Copied to another person the value does not open: it is bound to this inburgeraar.
    vault = omgeving.runtime.parts.state["contactgegevens_vault"]
    with pytest.raises(SealedValueRejected):
        vault.decrypt(opgeslagen["versleuteld"], inburgeraar_id=uuid.uuid4().bytes)
    # Every read, also the provider's, is a logregel of its own processing activity.
    gelezen = [
        r for r in logregels if r["naam"] == "GET /v1/inburgeraars/{inburgeraar_id}/contactgegevens"
    ]
    assert gelezen and {r["betrokkene"] for r in gelezen} == {uuid.UUID(inburgeraar_id)}
    assert all(r["verwerkingsactiviteit"].endswith("contactgegevens-verstrekken") for r in gelezen)
