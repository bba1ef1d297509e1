import uuid

import pytest

from inburgering.referrals.domain.errors import LeerrouteWijktAf
from inburgering.referrals.domain.inburgeraar import BekendeInburgeraar, leerroute_voor_verwijzing
from inburgering.shared.events.vocabulary import Leerroute

IN_DE_B1_ROUTE = BekendeInburgeraar(uuid.uuid4(), "GM0772", Leerroute.B1_ROUTE, None)


def test_without_a_leerroute_the_referral_takes_the_decided_one():
    assert leerroute_voor_verwijzing(IN_DE_B1_ROUTE, None) is Leerroute.B1_ROUTE


def test_the_decided_leerroute_may_be_repeated():
    assert leerroute_voor_verwijzing(IN_DE_B1_ROUTE, Leerroute.B1_ROUTE) is Leerroute.B1_ROUTE


@pytest.mark.parametrize("anders", [Leerroute.ONDERWIJSROUTE, Leerroute.Z_ROUTE])
def test_another_leerroute_than_the_decided_one_is_refused(anders):
    with pytest.raises(LeerrouteWijktAf, match=r"\(b1-route\)") as refused:
        leerroute_voor_verwijzing(IN_DE_B1_ROUTE, anders)
    assert (refused.value.status, refused.value.code) == (400, "leerroute-wijkt-af")
