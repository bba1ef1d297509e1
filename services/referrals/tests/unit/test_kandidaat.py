import pytest

from inburgering.referrals.domain.kandidaat import verwijzingsniveau
from inburgering.shared.events.referrals import Onderwijsniveau
from inburgering.shared.events.vocabulary import Ambitie, Leerroute

NETWERK = {"GM0772", "GM0855"}


def test_onderwijsroute_with_hbo_ambition_in_the_network_is_referred_to_hbo(besluit):
    assert verwijzingsniveau(besluit(ambitie=Ambitie.HBO), NETWERK) is Onderwijsniveau.HBO


def test_onderwijsroute_with_wo_ambition_in_the_network_is_referred_to_wo(besluit):
    decision = besluit(ambitie=Ambitie.WO, gemeentecode="GM0855")
    assert verwijzingsniveau(decision, NETWERK) is Onderwijsniveau.WO


@pytest.mark.parametrize("leerroute", [Leerroute.B1_ROUTE, Leerroute.Z_ROUTE])
def test_other_leerroutes_are_not_referred_even_with_hbo_ambition(besluit, leerroute):
    assert verwijzingsniveau(besluit(leerroute=leerroute), NETWERK) is None


@pytest.mark.parametrize("ambitie", [Ambitie.WERK, Ambitie.PARTICIPATIE, Ambitie.MBO])
def test_onderwijsroute_without_hbo_or_wo_ambition_is_not_referred(besluit, ambitie):
    assert verwijzingsniveau(besluit(ambitie=ambitie), NETWERK) is None


def test_gemeente_outside_the_network_is_not_referred(besluit):
    assert verwijzingsniveau(besluit(gemeentecode="GM0363"), NETWERK) is None


def test_an_empty_network_refers_nobody(besluit):
    assert verwijzingsniveau(besluit(), set()) is None
