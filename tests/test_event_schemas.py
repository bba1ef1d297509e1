"""The committed event schemas under docs/events/ are the public contract of the topics."""

from __future__ import annotations

import copy
import json

import pytest

from inburgering.devtools.event_schemas import (
    SCHEMA_DIR,
    compatibility_problems,
    generate,
    render,
)

GENERATED = generate()
FORBIDDEN_FIELDS = {
    "bsn",
    "burgerservicenummer",
    "naam",
    "achternaam",
    "voornamen",
    "geboortedatum",
    "adres",
    "gezondheid",
    "medisch",
    "vnummer",
    "vreemdelingennummer",
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_committed_schema_matches_its_model(name: str) -> None:
    path = SCHEMA_DIR / name
    assert path.exists(), f"{name} is not committed: run `uv run inburgering-dev event-schemas`"
    committed = json.loads(path.read_text())
    problems = compatibility_problems(committed, GENERATED[name])
    assert not problems, (
        f"{name} changed incompatibly ({'; '.join(problems)}): "
        "publish a new event type version (`<naam>.v2`) instead"
    )
    assert path.read_text() == render(GENERATED[name]), (
        f"{name} is stale: run `uv run inburgering-dev event-schemas` and commit the result"
    )


def test_no_committed_schema_lost_its_event_type() -> None:
    committed = {path.name for path in SCHEMA_DIR.glob("*.json")}
    assert committed <= set(GENERATED), f"event types removed: {committed - set(GENERATED)}"


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_events_carry_no_direct_personal_identifiers(name: str) -> None:
    properties = {p.lower() for p in GENERATED[name]["properties"]}
    assert not properties & FORBIDDEN_FIELDS


def _base() -> dict:
    return copy.deepcopy(GENERATED["nl.inburgering.leerroute-vastgesteld.json"])


def test_adding_an_optional_field_is_compatible() -> None:
    new = _base()
    new["properties"]["cohort"] = {"type": "string"}
    assert compatibility_problems(_base(), new) == []


def test_removing_a_field_is_incompatible() -> None:
    new = _base()
    del new["properties"]["ambitie"]
    new["required"].remove("ambitie")
    assert "field 'ambitie' was removed" in compatibility_problems(_base(), new)


def test_a_new_required_field_is_incompatible() -> None:
    new = _base()
    new["properties"]["cohort"] = {"type": "string"}
    new["required"].append("cohort")
    assert compatibility_problems(_base(), new) == ["field 'cohort' became required"]


def test_changing_a_type_is_incompatible() -> None:
    new = _base()
    new["properties"]["afwijkendVanAdvies"] = {"type": "string"}
    assert compatibility_problems(_base(), new) == [
        "field 'afwijkendVanAdvies' changed its type or constraints"
    ]


def test_an_enum_may_grow_but_not_shrink() -> None:
    grown, shrunk = _base(), _base()
    grown["$defs"]["Leerroute"]["enum"].append("nieuwe-route")
    shrunk["$defs"]["Leerroute"]["enum"].remove("z-route")
    assert compatibility_problems(_base(), grown) == []
    assert compatibility_problems(_base(), shrunk) == [
        "field 'leerroute' changed its type or constraints"
    ]


def test_moving_an_event_to_another_topic_is_incompatible() -> None:
    new = _base()
    new["x-topic"] = "elders"
    assert compatibility_problems(_base(), new) == [
        "x-topic changed from 'routes.leerroute' to 'elders'"
    ]
