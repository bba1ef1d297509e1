import uuid

from inburgering.shared.logboek import Register, Status, Verwerkingsactiviteit
from inburgering.shared.logboek.http import betrokkenen

A, B, C = (uuid.uuid4() for _ in range(3))

ADVIES = Verwerkingsactiviteit("advies", "adviseren", "[Wi] 15", paden=("/adviezen",))
WIJZIGEN = Verwerkingsactiviteit(
    "wijzigen",
    "wijzigen",
    "[Wi] 15",
    paden=("/adviezen/{advies_id}/wijzigen",),
    gebeurtenissen=("x",),
)
STANDAARD = Verwerkingsactiviteit("overig", "overig", "[Wi] 36")
REGISTER = Register("urn:test:", STANDAARD, (ADVIES, WIJZIGEN))


def test_the_most_specific_route_prefix_names_the_activity() -> None:
    assert REGISTER.voor_pad("/adviezen") is ADVIES
    assert REGISTER.voor_pad("/adviezen/{advies_id}") is ADVIES
    assert REGISTER.voor_pad("/adviezen/{advies_id}/wijzigen") is WIJZIGEN
    assert REGISTER.voor_pad("/adviezenlijst") is STANDAARD
    assert REGISTER.voor_pad("/dataverwerkingen").code == "logboek-raadplegen"


def test_an_event_type_names_its_activity_or_the_default() -> None:
    assert REGISTER.voor_gebeurtenis("x") is WIJZIGEN
    assert REGISTER.voor_gebeurtenis("y") is STANDAARD
    assert REGISTER.uri(ADVIES) == "urn:test:advies"


def test_http_status_maps_to_the_standard_status() -> None:
    assert [Status.of_http(s) for s in (200, 201, 204, 400, 404, 500, 503)] == [
        Status.OK, Status.OK, Status.OK, Status.UNSET, Status.UNSET, Status.ERROR, Status.ERROR
    ]  # fmt: skip


def test_every_betrokkene_in_an_answer_is_found_once_with_its_gemeente() -> None:
    body = (
        f'[{{"id": "{uuid.uuid4()}", "inburgeraarId": "{A}", "gemeentecode": "GM0772"}},'
        f' {{"inburgeraarId": "{B}", "nested": {{"inburgeraarId": "{C}"}}}},'
        f' {{"inburgeraarId": "{A}"}}]'
    ).encode()
    found = betrokkenen({}, body, "application/json", person_ids=False)
    assert found == {A: "GM0772", B: None, C: None}


def test_the_path_names_the_betrokkene_even_when_the_answer_is_a_problem() -> None:
    problem = b'{"status": 404, "title": "Niet gevonden"}'
    found = betrokkenen({"inburgeraar_id": str(A)}, problem, "application/problem+json", False)
    assert found == {A: None}


def test_a_person_resource_is_its_own_betrokkene_only_where_the_register_says_so() -> None:
    body = f'{{"id": "{A}", "gemeentecode": "GM0855"}}'.encode()
    assert betrokkenen({}, body, "application/json", person_ids=True) == {A: "GM0855"}
    assert betrokkenen({}, body, "application/json", person_ids=False) == {}


def test_no_json_and_no_path_parameter_means_no_betrokkene() -> None:
    assert betrokkenen({}, b"not json", "text/plain", person_ids=True) == {}
    assert betrokkenen({}, b"{broken", "application/json", person_ids=True) == {}
