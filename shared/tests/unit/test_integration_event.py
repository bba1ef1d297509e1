from datetime import date
from uuid import UUID

import pytest
from pydantic import ValidationError

from inburgering.shared.events.base import IntegrationEvent


class DossierGeopend(IntegrationEvent):
    event_name = "dossier-geopend"
    topic = "proef.dossier"
    aggregate_type = "dossier"

    inburgeraar_id: UUID
    gemeentecode: str
    geopend_op: date


INBURGERAAR = UUID("6f9a1c3e-0b7d-4e2a-8c5f-1d2e3f4a5b6c")


@pytest.mark.parametrize(
    "name", ["DossierGeopend", "dossier_geopend", "dossier--geopend", "-dossier", "dossier.v1"]
)
def test_an_event_name_that_is_not_kebab_case_is_refused(name: str):
    with pytest.raises(TypeError, match="kebab-case"):
        type("Fout", (IntegrationEvent,), {"event_name": name, "__module__": __name__})


def test_a_versioned_kebab_case_name_is_accepted():
    class DossierGeopendV2(IntegrationEvent):
        event_name = "dossier-geopend.v2"

    assert DossierGeopendV2.event_type() == "nl.inburgering.dossier-geopend.v2"


def test_data_is_camel_case_json():
    event = DossierGeopend(
        inburgeraar_id=INBURGERAAR, gemeentecode="GM0363", geopend_op=date(2026, 1, 31)
    )

    assert event.to_data() == {
        "inburgeraarId": str(INBURGERAAR),
        "gemeentecode": "GM0363",
        "geopendOp": "2026-01-31",
    }


def test_data_parses_back_from_camel_case():
    data = {"inburgeraarId": str(INBURGERAAR), "gemeentecode": "GM0363", "geopendOp": "2026-01-31"}

    event = DossierGeopend.model_validate(data)

    assert event.inburgeraar_id == INBURGERAAR
    assert event.to_data() == data


def test_fields_added_later_are_ignored_by_an_older_reader():
    data = {"inburgeraarId": str(INBURGERAAR), "gemeentecode": "GM0363", "geopendOp": "2026-01-31"}

    event = DossierGeopend.model_validate({**data, "nieuwVeld": "v2"})

    assert event.to_data() == data


def test_the_partition_key_is_the_key_field():
    event = DossierGeopend(
        inburgeraar_id=INBURGERAAR, gemeentecode="GM0363", geopend_op=date(2026, 1, 31)
    )

    assert event.partition_key() == str(INBURGERAAR)
    assert DossierGeopend.event_type() == "nl.inburgering.dossier-geopend"


def test_a_missing_field_is_refused():
    with pytest.raises(ValidationError):
        DossierGeopend.model_validate({"inburgeraarId": str(INBURGERAAR), "gemeentecode": "GM0363"})
