"""Tenant isolation, walked over every operation of every service's OpenAPI document.

Tenant A (Eindhoven) goes through the whole flow; then every operation is called with the tokens
of other tenants (another gemeente, another aanbieder, another instelling, a regio, beheer):
- with A's object ids in the path, the answer is never a success and is exactly what the same
  call with an id that does not exist gets (404, no existence leak);
- lists never contain any of A's ids.
New endpoints are covered the moment they appear in an OpenAPI document; a path parameter that
names a case object must be mapped in CASE_PARAMETERS below, or the suite fails.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from inburgering.intake.settings import IntakeSettings
from inburgering.shared.auth import Rol
from tests.e2e.flow import FlowResult, random_bsn, run_skeleton_flow
from tests.e2e.platform import RunningPlatform, eventually, token
from tests.e2e.receiver import RECEIVER_TOKEN, Receiver

pytestmark = [pytest.mark.e2e, pytest.mark.kafka]

# Path parameters that name a case object, and which of tenant A's objects to put in them.
CASE_PARAMETERS = {
    "inburgeraar_id": lambda a: a.inburgeraar_id,
    "advies_id": lambda a: a.advies["id"],
    "plaatsing_id": lambda a: a.plaatsing["id"],
    "verwijzing_id": lambda a: a.verwijzing["id"],
    "pip_id": lambda a: a.pip_id,
    "bericht_id": lambda a: a.seeded["bericht_id"],
    "abonnement_id": lambda a: a.seeded["abonnement_id"],
    "aflevering_id": lambda a: a.seeded["aflevering_id"],
}
# Case objects the flow does not create for tenant A (they still must never answer a success).
UNSEEDED_CASE_PARAMETERS: set[str] = set()
# Path parameters of shared reference data (catalogues, contracts, networks): not case files.
REFERENCE_PARAMETERS = {
    "contract_id", "samenwerkingsverband_id", "aanbieder_id", "instelling_id", "opleiding_id",
    "cohort_id", "gemeentecode", "kvk", "halfjaar",
}  # fmt: skip
OTHER_TENANTS = {
    # With every extra permission, so that health data and the processing log are walked too.
    "gemeente Tilburg": token(
        Rol.GEMEENTE, gemeentecodes=["GM0855"], permissions=["gezondheid", "privacy"]
    ),
    "aanbieder elders": token(Rol.AANBIEDER, kvk="99999999"),
    "instelling elders": token(Rol.INSTELLING, instelling=str(uuid.uuid4())),
    "regio elders": token(Rol.REGIO, gemeentecodes=["GM0855"]),
    "beheer": token(Rol.BEHEER),
    "duo": token(Rol.DUO),
}
METHODS = ("get", "post", "put", "patch", "delete")
# What the authorisation model (docs/security.md) lets another tenant see on purpose: beheer lists
# the DUO notifications of every gemeente (message ids and status, no case data) to handle them.
ALLOWED_IN_LISTS = {("beheer", "intake", "/duo-notificaties"): {"bericht_id"}}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


async def _operations(
    client: httpx.AsyncClient, platform: RunningPlatform
) -> list[tuple[str, str, str, dict]]:
    found = []
    for service, base in platform.urls.items():
        document = (await client.get(base + "/v1/openapi.json")).json()
        for path, item in document["paths"].items():
            for method in METHODS:
                if method in item:
                    found.append((service, method, path, item[method]))
    return found


def _fill(path: str, tenant_a: FlowResult, *, real: bool) -> tuple[str, bool]:
    """The path with A's ids (or fresh random ids); whether it names one of A's case objects."""
    names_case_object = False

    def value(match: re.Match[str]) -> str:
        nonlocal names_case_object
        name = _snake(match.group(1))
        if name in CASE_PARAMETERS:
            names_case_object = True
            return str(CASE_PARAMETERS[name](tenant_a)) if real else str(uuid.uuid4())
        if name in UNSEEDED_CASE_PARAMETERS:
            names_case_object = True
            return str(uuid.uuid4())
        assert name in REFERENCE_PARAMETERS, (
            f"path parameter {{{match.group(1)}}} in {path} is not known to the tenant suite: "
            "add it to CASE_PARAMETERS (with a seeded object) or REFERENCE_PARAMETERS"
        )
        return str(uuid.uuid4())

    return re.sub(r"\{([^}]+)\}", value, path), names_case_object


def _ids_of(tenant_a: FlowResult) -> set[str]:
    ids = {tenant_a.inburgeraar_id, tenant_a.advies["id"], tenant_a.plaatsing["id"]}
    if tenant_a.verwijzing:
        ids.add(tenant_a.verwijzing["id"])
    return ids | set(tenant_a.seeded.values())


async def test_no_operation_shows_or_changes_another_tenants_objects(
    postgres_platform: RunningPlatform, tmp_path: Path
) -> None:
    receiver = Receiver(tmp_path)
    receiver.start()
    try:
        abonnement_id = await _abonnement(postgres_platform, receiver)
        tenant_a = await run_skeleton_flow(postgres_platform, bsn="999990081", ambitie="hbo")
        assert tenant_a.verwijzing is not None
        tenant_a.pip_id = await _concept_pip(postgres_platform, tenant_a.inburgeraar_id)
        tenant_a.seeded = {
            "abonnement_id": abonnement_id,
            "aflevering_id": await _aflevering(postgres_platform, abonnement_id),
            "bericht_id": await _duo_notificatie(postgres_platform),
        }
    finally:
        receiver.stop()
    leaked: list[str] = []
    checked = 0
    async with httpx.AsyncClient(timeout=10) as client:
        operations = await _operations(client, postgres_platform)
        for service, method, path, _operation in operations:
            base = postgres_platform.urls[service] + "/v1"
            real_path, names_case_object = _fill(path, tenant_a, real=True)
            random_path, _ = _fill(path, tenant_a, real=False)
            for who, headers in OTHER_TENANTS.items():
                kwargs: dict[str, Any] = {"headers": headers}
                if method in ("post", "put", "patch"):
                    kwargs["json"] = {}
                if method == "get" and not names_case_object:
                    # Lists are asked for A's inburgeraar explicitly too: a filter on a foreign
                    # id must not open a way around the tenant filter.
                    kwargs["params"] = {"inburgeraarId": tenant_a.inburgeraar_id}
                real = await client.request(method, base + real_path, **kwargs)
                checked += 1
                label = f"{service} {method.upper()} {path} as {who}"
                if names_case_object:
                    fake = await client.request(method, base + random_path, **kwargs)
                    if real.is_success:
                        leaked.append(f"{label}: {real.status_code} on tenant A's object")
                    elif (real.status_code, _code(real)) != (fake.status_code, _code(fake)):
                        leaked.append(
                            f"{label}: {real.status_code}/{_code(real)} for A's object but "
                            f"{fake.status_code}/{_code(fake)} for a missing one"
                        )
                elif method == "get" and real.is_success:
                    allowed = {
                        tenant_a.seeded[name]
                        for name in ALLOWED_IN_LISTS.get((who, service, path), ())
                    }
                    shown = [i for i in _ids_of(tenant_a) - allowed if i in real.text]
                    if shown:
                        leaked.append(f"{label}: list shows tenant A's ids {shown}")
    assert checked > 50, "the suite found too few operations to mean anything"
    assert leaked == []


async def _abonnement(platform: RunningPlatform, receiver: Receiver) -> str:
    """A webhook subscription of tenant A's gemeente, before its events happen."""
    async with httpx.AsyncClient(timeout=10) as client:
        created = await client.post(
            platform.url("subscriptions", "/v1/abonnementen"),
            json={"callbackUrl": receiver.url, "auth": f"Bearer {RECEIVER_TOKEN}"},
            headers=token(Rol.GEMEENTE, gemeentecodes=["GM0772"]),
        )
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


async def _aflevering(platform: RunningPlatform, abonnement_id: str) -> str:
    url = platform.url("subscriptions", f"/v1/abonnementen/{abonnement_id}/afleveringen")
    async with httpx.AsyncClient(timeout=10) as client:

        async def delivered() -> str | None:
            response = await client.get(url, headers=token(Rol.GEMEENTE, gemeentecodes=["GM0772"]))
            assert response.status_code == 200, response.text
            return str(response.json()[0]["id"]) if response.json() else None

        return await eventually(delivered, timeout=45)


async def _duo_notificatie(platform: RunningPlatform) -> str:
    """A DUO notification addressed to tenant A's gemeente."""
    settings = IntakeSettings()
    bericht_id = str(uuid.uuid4())
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(
            platform.url("intake", "/v1/notificaties"),
            json={
                "registratieDatumTijd": "2026-11-02T10:15:00+01:00",
                "gebeurtenisId": "SS101",
                "bsn": random_bsn(),
            },
            headers={
                **token(Rol.DUO),
                "bron": settings.duo_oin,
                "doel": settings.oin_per_gemeente["GM0772"],
                "berichtId": bericht_id,
            },
        )
    assert response.status_code == 201, response.text
    return bericht_id


async def _concept_pip(platform: RunningPlatform, inburgeraar_id: str) -> str:
    """The concept PIP intake drafts from tenant A's leerroute decision."""
    own = token(Rol.GEMEENTE, gemeentecodes=["GM0772"])
    url = platform.url("intake", f"/v1/inburgeraars/{inburgeraar_id}/pips")
    async with httpx.AsyncClient(timeout=10) as client:

        async def drafted() -> str | None:
            response = await client.get(url, headers=own)
            assert response.status_code == 200, response.text
            return response.json()[0]["id"] if response.json() else None

        return await eventually(drafted)


def _code(response: httpx.Response) -> str | None:
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        return response.json().get("code")
    return None
