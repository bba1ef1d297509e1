"""Completion by exam ([Wi] 7.1, 8.4, 17.3; [Bi] 3.3–3.5, 5.4.4, 5.5), each case citing its
article: which exam parts, at which level, complete the B1-route and the onderwijsroute."""

from __future__ import annotations

from datetime import date

import pytest

from inburgering.routes.domain.examen import Onderdeel, Uitslag, behaald
from inburgering.routes.domain.voortgang import (
    Map,
    MapStatus,
    Pvt,
    Voortgangsfeiten,
    beoordeel,
)
from inburgering.shared.events.routes import Vaardigheid
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

DAG = date(2026, 11, 1)
B1, OR = Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE
TAAL = ("LE", "LU", "SC", "SP")


def geslaagd(onderdeel: str, niveau: str | None = "B1") -> Uitslag:
    return Uitslag(onderdeel, "Geslaagd", None if onderdeel == "KNM" else niveau)


ALLES_B1 = [geslaagd("KNM"), *(geslaagd(o) for o in TAAL)]


def ontbreekt(
    leerroute: Leerroute, uitslagen: list[Uitslag], a2: frozenset[Vaardigheid] = frozenset()
) -> list[str]:
    feiten = Voortgangsfeiten(
        leerroute=leerroute,
        doelgroep=Doelgroep.GEZINSMIGRANT,
        pvt=Pvt(12, DAG),
        map=Map(MapStatus.AFGEROND, 40, DAG),
        examens=behaald(uitslagen),
        a2_vaardigheden=a2,
    )
    return [v.code for v in beoordeel(feiten).ontbreekt]


SPREKEN_A2 = frozenset({Vaardigheid.SPREKEN})

CASES = [
    ("[Wi] 7.1, [Bi] 3.3–3.4: KNM en vier vaardigheden op B1", B1, ALLES_B1, frozenset(), []),
    (
        "[Wi] 7.1, [Bi] 3.3: B2 (programma II) toont ook B1",
        B1,
        [geslaagd("KNM"), *(geslaagd(o, "B2") for o in TAAL)],
        frozenset(),
        [],
    ),
    (
        "[Wi] 7.1, [Bi] 3.4: zonder KNM geen inburgeringsexamen",
        B1,
        ALLES_B1[1:],
        frozenset(),
        ["examen-knm"],
    ),
    (
        "[Wi] 7.1, [Bi] 3.3: spreken op A2 volstaat niet zonder afschaling",
        B1,
        [*ALLES_B1[:-1], geslaagd("SP", "A2")],
        frozenset(),
        ["examen-spreken"],
    ),
    (
        "[Wi] 17.3, [Bi] 5.5: afgeschaald spreken is op A2 gehaald",
        B1,
        [*ALLES_B1[:-1], geslaagd("SP", "A2")],
        SPREKEN_A2,
        [],
    ),
    (
        "[Wi] 17.3, [Bi] 5.5: ook afgeschaald blijft een examen op A2 nodig",
        B1,
        ALLES_B1[:-1],
        SPREKEN_A2,
        ["examen-spreken"],
    ),
    (
        "[Wi] 7.1: gezakt of geen resultaat telt niet",
        B1,
        [*ALLES_B1[:-1], Uitslag("SP", "Gezakt", "B1"), Uitslag("SP", "Geen", None)],
        frozenset(),
        ["examen-spreken"],
    ),
    (
        "[Bi] 5.4.4: een latere onvoldoende maakt een eerder behaald onderdeel niet ongedaan",
        B1,
        [*ALLES_B1, Uitslag("LE", "Gezakt", "B2")],
        frozenset(),
        [],
    ),
    (
        "[Wi] 7.1: een taalonderdeel zonder bekend niveau telt niet",
        B1,
        [*ALLES_B1[:-1], geslaagd("SP", None)],
        frozenset(),
        ["examen-spreken"],
    ),
    (
        "[Wi] 8.4: B1 in alle vier vaardigheden en KNM geldt in de onderwijsroute als examen",
        OR,
        ALLES_B1,
        frozenset(),
        [],
    ),
    (
        "[Wi] 8.4: in de onderwijsroute telt A2 niet (afschalen alleen vanuit de B1-route)",
        OR,
        [*ALLES_B1[:-1], geslaagd("SP", "A2")],
        frozenset(),
        ["taalschakeltraject-of-examen"],
    ),
    (
        "[Wi] 8.2: het diploma van het taalschakeltraject wordt hier niet gemeld",
        OR,
        [],
        frozenset(),
        ["taalschakeltraject-of-examen"],
    ),
]


@pytest.mark.parametrize(
    ("artikel", "leerroute", "uitslagen", "a2", "verwacht"), CASES, ids=[c[0] for c in CASES]
)
def test_exam_parts_complete_the_route_per_the_law(
    artikel: str,
    leerroute: Leerroute,
    uitslagen: list[Uitslag],
    a2: frozenset[Vaardigheid],
    verwacht: list[str],
) -> None:
    assert ontbreekt(leerroute, uitslagen, a2) == verwacht


def test_the_highest_level_passed_per_part_counts_and_unknown_parts_are_ignored() -> None:
    assert behaald(
        [geslaagd("LE", "B2"), geslaagd("LE", "A2"), geslaagd("ONA"), geslaagd("KNM")]
    ) == {Onderdeel.LEZEN: "B2", Onderdeel.KNM: None}


def test_each_exam_condition_cites_its_article_and_says_what_was_reached() -> None:
    feiten = Voortgangsfeiten(
        leerroute=B1,
        doelgroep=Doelgroep.ASIELSTATUSHOUDER,
        examens=behaald([geslaagd("SP", "A2")]),
        a2_vaardigheden=SPREKEN_A2,
    )
    voorwaarden = {v.code: v for v in beoordeel(feiten).voorwaarden}
    spreken = voorwaarden["examen-spreken"]
    assert spreken.vervuld and spreken.regel == "R9"
    assert "art. 17 lid 3 Wet inburgering 2021" in spreken.artikel
    assert "behaald op A2" in spreken.omschrijving
    assert "art. 3.4 Besluit inburgering 2021" in voorwaarden["examen-knm"].artikel
    assert "nog niet behaald" in voorwaarden["examen-lezen"].omschrijving
