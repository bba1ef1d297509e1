"""The shared small-cell rules as referrals applies them (shared/tests hold the full tests)."""

from __future__ import annotations

import uuid

import pytest

from inburgering.referrals.domain.model import VerwijzingStatus
from inburgering.referrals.domain.verwijzingstatistiek import Verwijzinggroep, tabellen
from inburgering.shared.statistiek.onderdrukking import Cijfer, Som, onderdrukt, publiceer

VERBORGEN = Cijfer(None, True)


@pytest.mark.parametrize(("aantal", "verborgen"), [(0, False), (1, True), (4, True), (5, False)])
def test_1_to_4_is_hidden_and_0_and_5_are_shown(aantal, verborgen):
    [cijfer] = publiceer({"cel": aantal}, [], onderdrukken=True).values()
    assert cijfer == (VERBORGEN if verborgen else Cijfer(aantal, False))


def test_one_hidden_cell_under_a_shown_total_hides_the_smallest_other_too():
    aantallen = {"totaal": 20, "a": 4, "b": 6, "c": 10}
    assert onderdrukt(aantallen, [Som("totaal", ("a", "b", "c"))]) == {"a", "b"}


FONTYS, AVANS = uuid.uuid4(), uuid.uuid4()
PRE_BACHELOR, SCHAKELJAAR, AVANS_SCHAKELJAAR = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
INSTELLING_VAN = {PRE_BACHELOR: FONTYS, SCHAKELJAAR: FONTYS, AVANS_SCHAKELJAAR: AVANS}
INGEDIEND, AANGEMAAKT = VerwijzingStatus.INGEDIEND, VerwijzingStatus.AANGEMAAKT


def test_an_institution_is_the_sum_of_its_programmes_so_one_hidden_programme_hides_another():
    groepen = [
        Verwijzinggroep(PRE_BACHELOR, INGEDIEND, 3),
        Verwijzinggroep(SCHAKELJAAR, INGEDIEND, 7),
        Verwijzinggroep(AVANS_SCHAKELJAAR, INGEDIEND, 6),
        Verwijzinggroep(None, AANGEMAAKT, 5),
    ]
    t = tabellen(groepen, INSTELLING_VAN, onderdrukken=True)
    assert t.totaal == Cijfer(21, False)
    assert t.per_instelling == {
        None: Cijfer(5, False),
        FONTYS: Cijfer(10, False),
        AVANS: Cijfer(6, False),
    }
    # Fontys 10 - 7 would give the 3 away: the 7 is hidden as well.
    assert t.per_opleiding == {
        None: Cijfer(5, False),
        PRE_BACHELOR: VERBORGEN,
        SCHAKELJAAR: VERBORGEN,
        AVANS_SCHAKELJAAR: Cijfer(6, False),
    }
    assert t.per_status[INGEDIEND] == Cijfer(16, False)
    assert t.cellen is None


def test_a_gemeentes_own_view_shows_everything_with_the_cross_table():
    groepen = [Verwijzinggroep(PRE_BACHELOR, INGEDIEND, 1), Verwijzinggroep(None, AANGEMAAKT, 2)]
    t = tabellen(groepen, INSTELLING_VAN, onderdrukken=False)
    assert t.per_instelling[FONTYS] == Cijfer(1, False)
    assert t.per_opleiding[SCHAKELJAAR] == Cijfer(0, False)
    assert t.cellen is not None
    assert {(c.instelling_id, c.opleiding_id, c.status, c.aantal) for c in t.cellen} == {
        (FONTYS, PRE_BACHELOR, INGEDIEND, 1),
        (None, None, AANGEMAAKT, 2),
    }
