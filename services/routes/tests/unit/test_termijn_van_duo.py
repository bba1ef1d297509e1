"""DUO's termijn for someone who moved in: the same windows as a termijn started here ([Wi] 11,
[Wi] 12 with [Bi] 4.5.1, [Bi] 5.4.1), counted from DUO's dates, and only the signals still ahead."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inburgering.routes.domain.errors import RoutewijzigingVensterGesloten
from inburgering.routes.domain.kalender import plus_maanden
from inburgering.routes.domain.termijn import (
    ROUTEWIJZIGING_VENSTER_SLUIT,
    TERMIJN_VERLOOPT,
    VERLENGINGSVENSTER_GEOPEND,
    Inburgeringstermijn,
    Signaaltermijnen,
    komende_signaaldata,
    oorspronkelijk_einde,
)
from inburgering.routes.domain.wijziging import Wijzigingsgrond, wijzig
from inburgering.shared.events.vocabulary import Leerroute

B1, OR, Z = Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE, Leerroute.Z_ROUTE
VOORAF = Signaaltermijnen(routewijziging_dagen_vooraf=60, termijn_verloopt_dagen_vooraf=90)
D = date(2026, 3, 3)  # DUO's start, reported with the move (SS121)
DUO = Inburgeringstermijn(startdatum=D, einddatum=oorspronkelijk_einde(D))
SLUIT = plus_maanden(D, 18)
NA_18_MAANDEN = SLUIT + timedelta(days=1)
ALLE = {ROUTEWIJZIGING_VENSTER_SLUIT, VERLENGINGSVENSTER_GEOPEND, TERMIJN_VERLOOPT}

# (article, from, to, day, allowed)
WIJZIGINGEN = [
    ("[Bi] 5.4.1: B1 → Z op D + 18 maanden − 1 dag", B1, Z, SLUIT - timedelta(1), True),
    ("[Bi] 5.4.1: B1 → Z op D + 18 maanden geweigerd", B1, Z, SLUIT, False),
    ("[Bi] 5.4.1: B1 → Z op D + 18 maanden + 1 dag geweigerd", B1, Z, NA_18_MAANDEN, False),
    ("[Bi] 5.4.1: onderwijsroute → B1 mag altijd", OR, B1, NA_18_MAANDEN, True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("artikel", "van", "naar", "dag", "toegestaan"), WIJZIGINGEN, ids=[w[0] for w in WIJZIGINGEN]
)
def test_the_18_months_count_from_duos_start_for_someone_who_moved_in(
    artikel: str, van: Leerroute, naar: Leerroute, dag: date, toegestaan: bool
) -> None:
    def wijziging() -> object:
        return wijzig(van, naar, Wijzigingsgrond.VOORTGANG, "Voortgang.", DUO, dag)

    if toegestaan:
        assert wijziging(), artikel
    else:
        with pytest.raises(RoutewijzigingVensterGesloten, match="R4"):
            wijziging()


# (article, DUO's end, day, the windows and signals on that day)
VENSTERS = [
    ("[Wi] 11: einde = start + 3 jaar (exclusief, als in DUO's API)", DUO.einddatum,
     date(2027, 1, 1), date(2029, 3, 3), date(2028, 9, 3)),
    ("[Wi] 12, [Bi] 4.5.1: DUO's verlenging verschuift einde en verlengingsvenster",
     date(2029, 9, 3), date(2027, 1, 1), date(2029, 9, 3), date(2029, 3, 3)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("artikel", "einde", "dag", "verwacht_einde", "venster"),
    VENSTERS,
    ids=[v[0] for v in VENSTERS],
)
def test_duos_dates_give_the_windows(
    artikel: str, einde: date, dag: date, verwacht_einde: date, venster: date
) -> None:
    termijn = Inburgeringstermijn(startdatum=D, einddatum=einde)
    assert termijn.einddatum == verwacht_einde, artikel
    assert termijn.verlengingsvenster_opent == venster, artikel
    assert termijn.routewijziging_venster_sluit == date(2027, 9, 3), artikel


# (article, day the termijn becomes known here, signals still to announce)
KOMEND = [
    ("[Bi] 5.4.1: verhuisd in maand 2: alle drie", date(2026, 5, 1), ALLE),
    ("[Bi] 5.4.1: verhuisd in maand 17: het sluiten nog (meteen, de signaaldag is voorbij)",
     date(2027, 8, 1), ALLE),
    ("[Bi] 5.4.1: verhuisd in maand 20: geen routewijziging meer aan te kondigen",
     date(2027, 11, 1), {VERLENGINGSVENSTER_GEOPEND, TERMIJN_VERLOOPT}),
    ("[Bi] 4.5.1: verhuisd in het verlengingsvenster: het venster en het einde",
     date(2028, 12, 1), {VERLENGINGSVENSTER_GEOPEND, TERMIJN_VERLOOPT}),
    ("[Wi] 11: verhuisd na het einde: niets meer", date(2029, 3, 3), set()),
]  # fmt: skip


@pytest.mark.parametrize(("artikel", "vandaag", "signalen"), KOMEND, ids=[k[0] for k in KOMEND])
def test_only_signals_whose_deadline_is_still_ahead_are_planned(
    artikel: str, vandaag: date, signalen: set[str]
) -> None:
    assert set(komende_signaaldata(DUO, VOORAF, vandaag)) == signalen, artikel
