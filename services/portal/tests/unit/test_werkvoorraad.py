from __future__ import annotations

from datetime import date

from inburgering.portal import werkvoorraad
from inburgering.portal.werkvoorraad import Urgentie

VANDAAG = date(2027, 3, 1)
TERMIJN = {
    "startdatum": "2025-09-02",
    "einddatum": "2028-09-02",
    "routewijzigingVensterSluit": "2027-03-10",
    "verlengingsvensterOpent": "2028-03-02",
}


def _advies(persoon: str, **termijn: str) -> dict:
    return {
        "inburgeraarId": persoon,
        "gemeentecode": "GM0772",
        "vastgesteldeLeerroute": "b1-route",
        "termijn": {**TERMIJN, **termijn},
    }


def test_a_deadline_is_verlopen_after_the_day_hoog_within_two_weeks_middel_within_six() -> None:
    assert werkvoorraad.urgentie_van_termijn(date(2027, 2, 28), VANDAAG) is Urgentie.VERLOPEN
    assert werkvoorraad.urgentie_van_termijn(VANDAAG, VANDAAG) is Urgentie.HOOG
    assert werkvoorraad.urgentie_van_termijn(date(2027, 3, 15), VANDAAG) is Urgentie.HOOG
    assert werkvoorraad.urgentie_van_termijn(date(2027, 3, 16), VANDAAG) is Urgentie.MIDDEL
    assert werkvoorraad.urgentie_van_termijn(date(2027, 4, 12), VANDAAG) is Urgentie.MIDDEL
    assert werkvoorraad.urgentie_van_termijn(date(2027, 4, 13), VANDAAG) is Urgentie.LAAG


def test_waiting_becomes_more_urgent_the_longer_it_lasts() -> None:
    norm = werkvoorraad.PLAATSING_NORM
    assert werkvoorraad.urgentie_van_wachten(date(2027, 2, 20), VANDAAG, norm) is Urgentie.LAAG
    assert werkvoorraad.urgentie_van_wachten(date(2027, 2, 1), VANDAAG, norm) is Urgentie.MIDDEL
    assert werkvoorraad.urgentie_van_wachten(date(2027, 1, 4), VANDAAG, norm) is Urgentie.HOOG


def test_the_most_urgent_comes_first_then_the_earliest_date() -> None:
    items = [
        *werkvoorraad.vensteropeningen([_advies("c")], VANDAAG),
        *werkvoorraad.routewijzigingen([_advies("b")], VANDAAG),
        *werkvoorraad.routewijzigingen(
            [_advies("a", routewijzigingVensterSluit="2027-03-05")], VANDAAG
        ),
        *werkvoorraad.wachtende_plaatsingen(
            [
                {
                    "inburgeraarId": "d",
                    "gemeentecode": "GM0772",
                    "status": "wachtlijst",
                    "leerroute": "z-route",
                    "aangevraagdOp": "2026-12-01T10:00:00Z",
                }
            ],
            VANDAAG,
        ),
    ]
    volgorde = [(i.inburgeraar_id, i.urgentie) for i in werkvoorraad.gesorteerd(items)]
    assert volgorde == [
        ("d", Urgentie.HOOG),  # waiting since 2026-12-01
        ("a", Urgentie.HOOG),  # closes 2027-03-05
        ("b", Urgentie.HOOG),  # closes 2027-03-10
        ("c", Urgentie.LAAG),
    ]
    assert werkvoorraad.aantallen(items)["routewijziging"] == 2
    assert werkvoorraad.aantallen(items)["duo"] == 0


def test_a_pip_signal_stays_until_a_pip_is_adopted_and_names_r2_after_a_move() -> None:
    def signaal(persoon: str, soort: str, uiterlijk: str = "2027-03-08") -> dict:
        data = {"inburgeraarId": persoon, "uiterlijk": uiterlijk}
        return {"type": f"nl.inburgering.{soort}", "data": data}

    feed = [
        signaal("a", "pip-termijn-nadert"),
        signaal("b", "pip-termijn-nadert"),
        signaal("b", "pip-vastgesteld"),
        signaal("c", "pip-termijn-nadert", "2027-02-20"),
        signaal("c", "pip-termijn-verstreken", "2027-02-20"),
        signaal("d", "pip-termijn-nadert"),
    ]
    personen = {
        p: {"id": p, "gemeentecode": "GM0772", "status": "actief", "verhuisd": p == "c"}
        for p in "abc"
    }
    personen["d"] = {"id": "d", "gemeentecode": "GM0772", "status": "beeindigd"}
    items = {i.inburgeraar_id: i for i in werkvoorraad.pip_termijnen(feed, personen, VANDAAG)}
    assert set(items) == {"a", "c"}
    assert (items["a"].regel, items["a"].urgentie, items["a"].dagen) == ("R1", Urgentie.HOOG, 7)
    assert (items["c"].regel, items["c"].urgentie) == ("R2", Urgentie.VERLOPEN)
    assert "na verhuizing" in items["c"].omschrijving


def test_only_a_referral_that_sat_still_for_two_weeks_or_has_a_course_date_is_stuck() -> None:
    def verwijzing(persoon: str, status: str, bereikt: str, deadline: str | None = None) -> dict:
        stap = {"status": status, "bereiktOp": bereikt, "deadline": deadline, "poging": 1}
        return {
            "inburgeraarId": persoon,
            "gemeentecode": "GM0772",
            "niveau": "hbo",
            "status": status,
            "poging": 1,
            "stappen": [stap],
        }

    items = werkvoorraad.vastgelopen_verwijzingen(
        [
            verwijzing("vers", "aangemaakt", "2027-02-25T09:00:00Z"),
            verwijzing("stil", "ingediend", "2027-02-01T09:00:00Z"),
            verwijzing("datum", "dossier-compleet", "2027-02-27T09:00:00Z", "2027-03-04"),
            verwijzing("klaar", "gestart", "2026-01-01T09:00:00Z"),
        ],
        VANDAAG,
    )
    assert {(i.inburgeraar_id, i.urgentie) for i in items} == {
        ("stil", Urgentie.HOOG),
        ("datum", Urgentie.HOOG),
    }


def test_a_moment_counts_on_its_dutch_day() -> None:
    """23:30 UTC on 28 February is 1 March in the Netherlands: waited 0 days, not 1."""
    notificatie = {
        "status": "geparkeerd",
        "ontvangenOp": "2027-02-28T23:30:00Z",
        "gemeentecode": "GM0772",
        "gebeurtenisId": "SS999",
        "reden": "onbekende gebeurtenis",
        "inburgeraarId": None,
    }
    (item,) = werkvoorraad.geparkeerde_notificaties([notificatie], VANDAAG)
    assert item.datum == VANDAAG and item.dagen == 0 and item.inburgeraar_id is None
