import pytest

from inburgering.intake.adapters.pkio import CertificaatOngeldig, vereis_oin
from services.intake.tests.certificates import certificate

DUO_OIN = "00000001800866472000"
HEADERS = {"cert_header": "ssl-client-cert", "verify_header": "ssl-client-verify"}
OK = "SUCCESS"
ELDERS = "00000001002220647000"


def test_duos_verified_certificate_is_accepted() -> None:
    headers = {"ssl-client-verify": "SUCCESS", "ssl-client-cert": certificate(DUO_OIN)}
    vereis_oin(headers, DUO_OIN, **HEADERS)


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"ssl-client-cert": certificate(DUO_OIN)}, "niet geverifieerd"),
        ({"ssl-client-verify": "NO", "ssl-client-cert": certificate(DUO_OIN)}, "niet geverifieerd"),
        ({"ssl-client-verify": OK}, "geen clientcertificaat"),
        ({"ssl-client-verify": OK, "ssl-client-cert": "garbage"}, "onleesbaar"),
        ({"ssl-client-verify": OK, "ssl-client-cert": certificate()}, "geen OIN"),
        ({"ssl-client-verify": OK, "ssl-client-cert": certificate(ELDERS)}, "niet van deze"),
    ],
)  # fmt: skip
def test_anything_else_is_refused_with_the_reason(headers: dict[str, str], reason: str) -> None:
    with pytest.raises(CertificaatOngeldig, match=reason):
        vereis_oin(headers, DUO_OIN, **HEADERS)
