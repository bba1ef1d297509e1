"""Completion conditions per route (R10, R11), each case citing its article, and properties of
the Z-route counters."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inburgering.routes.domain.errors import DatumInDeToekomst, EindgesprekVereist
from inburgering.routes.domain.voortgang import (
    Aftreknorm,
    Map,
    MapStatus,
    Pvt,
    Voortgangsfeiten,
    beoordeel,
    cursus_norm,
    participatie_norm,
    registreer_map,
    registreer_pvt,
)
from inburgering.shared.events.vocabulary import Doelgroep, Leerroute

DAG = date(2026, 11, 1)
ASIEL, GOM = Doelgroep.ASIELSTATUSHOUDER, Doelgroep.GEZINSMIGRANT
Z, B1, OR = Leerroute.Z_ROUTE, Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE
PVT_KLAAR = Pvt(uren=12, ondertekend_op=DAG)
MAP_KLAAR = Map(MapStatus.AFGEROND, uren=40, eindgesprek_op=DAG)


def feiten(leerroute: Leerroute | None, doelgroep: Doelgroep = ASIEL, **f) -> Voortgangsfeiten:
    return Voortgangsfeiten(leerroute=leerroute, doelgroep=doelgroep, **f)


Z_ASIEL_KLAAR = feiten(
    Z, cursusuren=800, participatie_uren=748, pvt=PVT_KLAAR, map=MAP_KLAAR, z_eindgesprek_op=DAG
)

# (article, facts, the conditions still missing)
CASES = [
    (
        "R10, [Bi] 3.14.2 en 3.14.5: asielstatushouder, 800 cursusuren, 800 − 12 PVT − 40 MAP = "
        "748 participatie-uren, eindgesprek, PVT en MAP: afgerond",
        Z_ASIEL_KLAAR,
        [],
    ),
    (
        "R10, [Bi] 3.14.5: één participatie-uur te weinig",
        feiten(
            Z,
            cursusuren=800,
            participatie_uren=747,
            pvt=PVT_KLAAR,
            map=MAP_KLAAR,
            z_eindgesprek_op=DAG,
        ),
        ["z-route-participatie-uren"],
    ),
    (
        "R10, [Bi] 3.14.2–3: 799,5 cursusuren is niet genoeg",
        feiten(
            Z,
            cursusuren=799.5,
            participatie_uren=800,
            pvt=PVT_KLAAR,
            map=MAP_KLAAR,
            z_eindgesprek_op=DAG,
        ),
        ["z-route-cursusuren"],
    ),
    (
        "R10, [Bi] 3.14.6: 100 uur uit de brede intake gaan af van de 800 cursusuren",
        feiten(
            Z,
            cursusuren=700,
            participatie_uren=748,
            pvt=PVT_KLAAR,
            map=MAP_KLAAR,
            z_eindgesprek_op=DAG,
            aftrek={Aftreknorm.CURSUSUREN: 100},
        ),
        [],
    ),
    (
        "R10, [Bi] 3.14.9–10: aftrek van de participatie-uren komt bovenop die van PVT en MAP",
        feiten(
            Z,
            cursusuren=800,
            participatie_uren=647,
            pvt=PVT_KLAAR,
            map=MAP_KLAAR,
            z_eindgesprek_op=DAG,
            aftrek={Aftreknorm.PARTICIPATIE_UREN: 100},
        ),
        ["z-route-participatie-uren"],
    ),
    (
        "R10, [Bi] 3.14.6: aftrek van de cursusuren verlaagt de participatienorm niet",
        feiten(
            Z,
            cursusuren=800,
            participatie_uren=700,
            pvt=PVT_KLAAR,
            map=MAP_KLAAR,
            z_eindgesprek_op=DAG,
            aftrek={Aftreknorm.CURSUSUREN: 100},
        ),
        ["z-route-participatie-uren"],
    ),
    (
        "R10, [Bi] 3.14.2–4: zonder eindgesprek geen afronding",
        feiten(Z, cursusuren=800, participatie_uren=800, pvt=PVT_KLAAR, map=MAP_KLAAR),
        ["z-route-eindgesprek"],
    ),
    (
        "R10, [Bi] 3.14.3: gezinsmigrant in de Z-route: geen participatie-uren vereist",
        feiten(Z, GOM, cursusuren=800, pvt=PVT_KLAAR, map=MAP_KLAAR, z_eindgesprek_op=DAG),
        [],
    ),
    (
        "R11, [Wi] 6.4–6.5, [Bi] 3.1: 11,5 uur PVT en niet ondertekend",
        feiten(Z, GOM, cursusuren=800, pvt=Pvt(11.5), map=MAP_KLAAR, z_eindgesprek_op=DAG),
        ["pvt-uren", "pvt-ondertekend"],
    ),
    (
        "R11, [Wi] 6.6, [Bi] 3.2: MAP gestart maar zonder eindgesprek",
        feiten(
            Z,
            GOM,
            cursusuren=800,
            pvt=PVT_KLAAR,
            map=Map(MapStatus.GESTART, 30),
            z_eindgesprek_op=DAG,
        ),
        ["map-afgerond"],
    ),
    (
        "R11, [Wi] 8.3: geen MAP in de onderwijsroute; het diploma wordt hier niet gevolgd",
        feiten(OR, pvt=PVT_KLAAR),
        ["taalschakeltraject-of-examen"],
    ),
    (
        "R11, [Wi] 6.1 en 7.1: B1-route vraagt PVT, MAP en het examen (DUO)",
        feiten(B1),
        [
            "pvt-uren",
            "pvt-ondertekend",
            "map-afgerond",
            "examen-knm",
            "examen-lezen",
            "examen-luisteren",
            "examen-schrijven",
            "examen-spreken",
        ],
    ),
    (
        "[Wi] 6.1, 15: zonder vastgestelde leerroute ligt nog niets vast",
        feiten(None, cursusuren=900, pvt=PVT_KLAAR, map=MAP_KLAAR),
        ["leerroute-vastgesteld"],
    ),
]


@pytest.mark.parametrize(("artikel", "feiten_", "ontbreekt"), CASES, ids=[c[0] for c in CASES])
def test_completion_conditions_follow_the_rules(
    artikel: str, feiten_: Voortgangsfeiten, ontbreekt: list[str]
) -> None:
    voortgang = beoordeel(feiten_)
    assert [v.code for v in voortgang.ontbreekt] == ontbreekt
    assert voortgang.afgerond is (not ontbreekt)


def test_every_condition_names_its_rule_and_article() -> None:
    for _, feiten_, _ in CASES:
        for voorwaarde in beoordeel(feiten_).voorwaarden:
            assert voorwaarde.regel and "inburgering 2021" in voorwaarde.artikel


def test_the_participation_norm_is_reported_only_for_asielstatushouders_in_the_z_route() -> None:
    assert beoordeel(Z_ASIEL_KLAAR).participatie_norm == 748
    assert beoordeel(feiten(Z, GOM)).participatie_norm is None
    assert beoordeel(feiten(B1)).participatie_norm is None


@pytest.mark.parametrize(
    ("status", "eindgesprek"),
    [(MapStatus.AFGEROND, None), (MapStatus.GESTART, DAG), (MapStatus.NIET_GESTART, DAG)],
)
def test_the_map_is_afgerond_exactly_when_the_eindgesprek_was_held(
    status: MapStatus, eindgesprek: date | None
) -> None:
    """R11, [Wi] 6.6: the MAP ends with the eindgesprek with the gemeente."""
    with pytest.raises(EindgesprekVereist, match="R11"):
        registreer_map(status, 10, eindgesprek, DAG)
    assert registreer_map(MapStatus.AFGEROND, 10, DAG, DAG).eindgesprek_op == DAG


def test_a_signing_in_the_future_is_refused() -> None:
    with pytest.raises(DatumInDeToekomst):
        registreer_pvt(12, date(2026, 11, 2), DAG)


uren = st.floats(min_value=0, max_value=2000, allow_nan=False)


@given(pvt=uren, map_=uren)
def test_the_participation_norm_is_800_minus_pvt_and_map_never_below_zero(
    pvt: float, map_: float
) -> None:
    norm = participatie_norm(pvt, map_)
    assert 0 <= norm <= 800
    assert norm == max(0.0, 800 - pvt - map_)


@given(pvt=uren, map_=uren, extra=st.floats(min_value=0, max_value=100, allow_nan=False))
def test_more_pvt_or_map_hours_never_raise_the_participation_norm(
    pvt: float, map_: float, extra: float
) -> None:
    assert participatie_norm(pvt + extra, map_) <= participatie_norm(pvt, map_)
    assert participatie_norm(pvt, map_ + extra) <= participatie_norm(pvt, map_)


@given(
    cursus=uren,
    participatie=uren,
    pvt_uren=uren,
    map_uren=uren,
    meer=st.floats(min_value=0, max_value=500, allow_nan=False),
)
def test_z_route_completion_is_monotone_in_the_hours(
    cursus: float, participatie: float, pvt_uren: float, map_uren: float, meer: float
) -> None:
    """Hours only accumulate: once the Z-route is complete, more hours keep it complete, and it
    is complete exactly when both counters reach their norms (R10)."""

    def z(c: float, p: float) -> bool:
        return beoordeel(
            feiten(
                Z,
                cursusuren=c,
                participatie_uren=p,
                pvt=Pvt(pvt_uren, DAG),
                map=Map(MapStatus.AFGEROND, map_uren, DAG),
                z_eindgesprek_op=DAG,
            )
        ).afgerond

    verwacht = (
        pvt_uren >= 12 and cursus >= 800 and participatie >= participatie_norm(pvt_uren, map_uren)
    )
    assert z(cursus, participatie) is verwacht
    if verwacht:
        assert z(cursus + meer, participatie + meer)


@given(
    pvt=st.floats(0, 100),
    map_=st.floats(0, 200),
    aftrek=st.floats(0, 800),
)
def test_a_deduction_lowers_a_norm_to_zero_at_most(pvt: float, map_: float, aftrek: float) -> None:
    """[Bi] 3.14.5–6, 3.14.9–10: deductions add up, and a norm never falls below zero."""
    zonder = participatie_norm(pvt, map_)
    met = participatie_norm(pvt, map_, aftrek)
    assert 0 <= met <= zonder
    assert abs(met - max(0.0, zonder - aftrek)) < 1e-9
    assert 0 <= cursus_norm(aftrek) == 800 - aftrek
