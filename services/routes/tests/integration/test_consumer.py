"""Intake's events through the shared consumer (inbox + handler in one transaction): the
alfabetisering indicator in the advice, and DUO's exam results completing the B1-route."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from aiokafka import ConsumerRecord

from inburgering.shared.events.intake import ExamenuitslagBekend
from inburgering.shared.events.vocabulary import Alfabetisering
from inburgering.shared.messaging import Consumer, Envelope

from .conftest import (
    GEMEENTE,
    envelope_for,
    intake_afgerond,
    pip_vastgesteld,
    samenwerkingsverband_gewijzigd,
    uren_mijlpaal,
)
from .test_voortgang_api import vastgesteld

pytestmark = pytest.mark.integration


class FakeDeadLetters:
    """Stands in for the producer: only dead-lettering uses it, and nothing may be dead-lettered."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send_and_wait(self, topic: str, **_kwargs: object) -> None:
        self.sent.append(topic)


def record_of(envelope: Envelope, offset: int) -> ConsumerRecord:
    message = envelope.to_kafka()
    return ConsumerRecord(
        topic="intake.inburgeraar",
        partition=0,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=envelope.key.encode(),
        value=message.value,
        checksum=None,
        serialized_key_size=len(envelope.key),
        serialized_value_size=len(message.value),
        headers=envelope.kafka_headers(message),
    )


@pytest.fixture
def consume(runtime):
    dead_letters = FakeDeadLetters()
    consumer = Consumer(
        runtime.consumer_name, runtime.parts.handlers, runtime.uow, runtime.inbox, dead_letters
    )
    offsets = iter(range(1, 1000))

    async def _consume(envelope: Envelope) -> None:
        await consumer.handle(record_of(envelope, next(offsets)))
        assert dead_letters.sent == []

    return _consume


async def advies_van(client, auth, inburgeraar_id: uuid.UUID) -> dict:
    [advies] = (
        await client.get(
            "/leerroute-adviezen", params={"inburgeraarId": str(inburgeraar_id)}, headers=auth()
        )
    ).json()
    return advies


async def test_the_alfabetisering_from_the_intake_is_kept_and_explained(
    client, auth, consume, envelope_for
) -> None:
    event = intake_afgerond(alfabetisering=Alfabetisering.A)

    await consume(envelope_for(event))

    advies = await advies_van(client, auth, event.inburgeraar_id)
    assert advies["alfabetisering"] == "A"
    assert "Alfabetisering: alfabetisering nodig (A)." in advies["uitleg"]


async def test_an_intake_without_alfabetisering_leaves_it_unknown(
    client, auth, consume, envelope_for
) -> None:
    """An intake-afgerond from before the field existed has no key at all."""
    event = intake_afgerond()
    envelope = envelope_for(event)
    data = {k: v for k, v in envelope.data.items() if k != "alfabetisering"}

    await consume(replace(envelope, data=data))

    advies = await advies_van(client, auth, event.inburgeraar_id)
    assert advies["alfabetisering"] is None
    assert not any("Alfabetisering" in regel for regel in advies["uitleg"])


def uitslag(persoon: uuid.UUID, onderdeel: str, niveau: str | None, resultaat: str = "Geslaagd"):
    return ExamenuitslagBekend(
        inburgeraar_id=persoon,
        gemeentecode=GEMEENTE,
        onderdeel=onderdeel,
        resultaat=resultaat,
        niveau=niveau,
        examendatum=date(2026, 11, 10),
    )


async def test_exam_results_with_a_scaled_down_skill_complete_the_b1_route_once(
    client, auth, handle, deliver, consume, envelope_for, outbox
) -> None:
    persoon = await vastgesteld(client, auth, handle)
    pad = f"/inburgeraars/{persoon}"
    await client.put(f"{pad}/pvt", json={"uren": 12, "ondertekendOp": "2026-11-01"}, headers=auth())
    await client.put(
        f"{pad}/map",
        json={"status": "afgerond", "uren": 40, "eindgesprekOp": "2026-11-10"},
        headers=auth(),
    )
    for onderdeel, niveau in (("KNM", None), ("LE", "B1"), ("LU", "B2"), ("SC", "B1")):
        await consume(envelope_for(uitslag(persoon, onderdeel, niveau)))
    await consume(envelope_for(uitslag(persoon, "SP", "A2")))

    voor = (await client.get(f"{pad}/voortgang", headers=auth())).json()
    assert voor["ontbreekt"] == ["examen-spreken"]
    assert await outbox("route-afronding-bereikt") == []

    # Scaling speaking down to A2 ([Wi] 17.3) makes the A2 pass enough; the decision completes.
    await deliver(uren_mijlpaal(persoon, 600.0, plaatsing_id=uuid.uuid4(), mijlpaal=600))
    advies = await advies_van(client, auth, persoon)
    afgeschaald = await client.post(
        f"/leerroute-adviezen/{advies['id']}/afschalen",
        json={"vaardigheden": ["spreken"], "motivering": "Alle lessen gevolgd."},
        headers=auth(),
    )
    assert afgeschaald.status_code == 200, afgeschaald.text
    envelope = envelope_for(uitslag(persoon, "KNM", None))
    await consume(envelope)
    await consume(envelope)  # redelivered

    [row] = await outbox("route-afronding-bereikt")
    assert row["payload"]["leerroute"] == "b1-route"
    assert row["payload"]["participatieUren"] is None
    na = (await client.get(f"{pad}/voortgang", headers=auth())).json()
    assert na["voorwaardenVervuld"] is True
    [spreken] = [v for v in na["voorwaarden"] if v["code"] == "examen-spreken"]
    assert (spreken["regel"], spreken["vervuld"]) == ("R9", True)
    assert "art. 17 lid 3" in spreken["artikel"]


async def test_the_onderwijsroute_completes_by_b1_in_all_skills_and_knm(
    client, auth, handle, consume, envelope_for, outbox
) -> None:
    persoon = await vastgesteld(
        client, auth, handle, ambitie="hbo", opleidingsniveau="wo", leeftijd=22
    )
    pad = f"/inburgeraars/{persoon}"
    await client.put(f"{pad}/pvt", json={"uren": 12, "ondertekendOp": "2026-11-01"}, headers=auth())
    for onderdeel in ("LE", "LU", "SC"):
        await consume(envelope_for(uitslag(persoon, onderdeel, "B1")))
    await consume(envelope_for(uitslag(persoon, "SP", "B1", resultaat="Gezakt")))
    await consume(envelope_for(uitslag(persoon, "KNM", None)))

    body = (await client.get(f"{pad}/voortgang", headers=auth())).json()
    assert body["leerroute"] == "onderwijsroute"
    [voorwaarde] = [v for v in body["voorwaarden"] if v["code"] == "taalschakeltraject-of-examen"]
    assert not voorwaarde["vervuld"] and "nog niet behaald: spreken" in voorwaarde["omschrijving"]
    assert await outbox("route-afronding-bereikt") == []

    await consume(
        envelope_for(
            uitslag(persoon, "SP", "B1").model_copy(update={"examendatum": date(2026, 11, 24)})
        )
    )

    [row] = await outbox("route-afronding-bereikt")
    assert row["payload"]["leerroute"] == "onderwijsroute"


async def test_an_event_naming_another_gemeente_than_the_persons_is_parked_not_applied(
    runtime, client, auth
) -> None:
    """An inburgeraar id belongs to one gemeente for good; an event about that person which names
    another gemeente (consistently, in data and envelope) is mis-keyed or forged."""
    dead_letters = FakeDeadLetters()
    consumer = Consumer(
        runtime.consumer_name,
        runtime.parts.handlers,
        runtime.uow,
        runtime.inbox,
        dead_letters,
        logboek=runtime.parts.logboek,
    )
    eigen = intake_afgerond()
    await consumer.handle(record_of(envelope_for(eigen), 1))
    assert dead_letters.sent == []

    vals = pip_vastgesteld(eigen.inburgeraar_id, date(2026, 11, 2), gemeentecode="GM0855")
    await consumer.handle(record_of(envelope_for(vals), 2))

    assert dead_letters.sent == [consumer.dead_letter_topic]
    url = f"/inburgeringstermijnen/{eigen.inburgeraar_id}"
    assert (await client.get(url, headers=auth(GEMEENTE))).status_code == 404
    assert (await client.get(url, headers=auth("GM0855"))).status_code == 404

    # The same decision under the person's own gemeente is applied.
    juist = pip_vastgesteld(eigen.inburgeraar_id, date(2026, 11, 2))
    await consumer.handle(record_of(envelope_for(juist), 3))
    assert dead_letters.sent == [consumer.dead_letter_topic]
    assert (await client.get(url, headers=auth(GEMEENTE))).status_code == 200


async def test_in_a_batch_only_the_forged_event_is_parked_and_the_rest_applied(
    runtime, client, auth
) -> None:
    dead_letters = FakeDeadLetters()
    consumer = Consumer(
        runtime.consumer_name,
        runtime.parts.handlers,
        runtime.uow,
        runtime.inbox,
        dead_letters,
        logboek=runtime.parts.logboek,
    )
    eigen = intake_afgerond()
    await consumer.handle(record_of(envelope_for(eigen), 1))
    forged = pip_vastgesteld(eigen.inburgeraar_id, date(2026, 11, 2), gemeentecode="GM0855")
    anderen = [intake_afgerond(), intake_afgerond()]

    await consumer.handle_batch(
        [
            record_of(envelope_for(anderen[0]), 2),
            record_of(envelope_for(forged), 3),
            record_of(envelope_for(anderen[1]), 4),
        ]
    )

    assert dead_letters.sent == [consumer.dead_letter_topic]
    for ander in anderen:
        assert (await advies_van(client, auth, ander.inburgeraar_id))["inburgeraarId"] == str(
            ander.inburgeraar_id
        )
    url = f"/inburgeringstermijnen/{eigen.inburgeraar_id}"
    assert (await client.get(url, headers=auth(GEMEENTE))).status_code == 404


async def test_a_samenwerkingsverband_from_contracts_passes_the_tenant_check_and_once(
    runtime, client, auth
) -> None:
    """Addressed to the lead gemeente and about no inburgeraar: the tenant check lets it through,
    for members other than the lead too, and the inbox drops the redelivery."""
    dead_letters = FakeDeadLetters()
    consumer = Consumer(
        runtime.consumer_name,
        runtime.parts.handlers,
        runtime.uow,
        runtime.inbox,
        dead_letters,
        logboek=runtime.parts.logboek,
    )
    verband_id = uuid.uuid4()
    envelope = envelope_for(
        samenwerkingsverband_gewijzigd(
            verband_id, leden={"GM0796": (date(2026, 1, 1), None)}, lead=GEMEENTE
        )
    )

    await consumer.handle(record_of(envelope, 1))
    await consumer.handle(record_of(envelope, 2))

    assert dead_letters.sent == []
    assert consumer.handled_total == 1
    gelezen = await client.get(f"/samenwerkingsverbanden/{verband_id}", headers=auth("GM0796"))
    assert gelezen.json()["gemeentecodes"] == ["GM0796"]
