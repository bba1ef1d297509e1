from __future__ import annotations

from inburgering.portal import weergave

PROGNOSE = {
    "samenwerkingsverbandId": "0b7c1a52-0000-4000-8000-000000000001",
    "leerroute": "b1-route",
    "peildatum": "2027-01-01",
    "kwartalen": [
        {"kwartaal": "2027-K1", "vraag": 3.5, "vrijePlaatsen": 10.0, "tekort": 0},
        {"kwartaal": "2027-K2", "vraag": 12.25, "vrijePlaatsen": 6.5, "tekort": 6},
    ],
    "eersteTekort": {"kwartaal": "2027-K2", "tekort": 6},
}


def test_the_chart_gets_demand_free_places_and_shortfall_per_quarter() -> None:
    assert weergave.prognose(PROGNOSE).grafiek() == {
        "kwartalen": ["2027-K1", "2027-K2"],
        "vraag": [3.5, 12.25],
        "vrijePlaatsen": [10.0, 6.5],
        "tekort": [0, 6],
    }


def test_only_the_verbanden_the_gemeente_leads_are_listed() -> None:
    verbanden = [
        {"naam": "Z-route", "leadGemeentecode": "GM0772"},
        {"naam": "Onderwijsroute", "leadGemeentecode": "GM0855"},
        {"naam": "B1-route", "leadGemeentecode": "GM0772"},
    ]
    gekozen = weergave.geleid_door(verbanden, ("GM0772",))
    assert [v["naam"] for v in gekozen] == ["B1-route", "Z-route"]


def test_utilisation_is_a_whole_percentage_and_absent_without_capacity() -> None:
    contracten = [
        {"samenwerkingsverbandId": "a", "capaciteit": 40, "geplaatst": 13},
        {"samenwerkingsverbandId": "a", "capaciteit": 0, "geplaatst": 0},
    ]
    regels = weergave.per_verband(contracten)["a"]
    assert [r["benutting"] for r in regels] == [32, None]
