"""DUO's PKIoverheid client certificate, as the ingress passes it on after verifying the chain.

TLS ends at the ingress, which checks the certificate against the PKIoverheid roots (mTLS) and
forwards it URL-encoded in a header (ingress-nginx: `ssl-client-cert`, with `ssl-client-verify`
saying whether the chain was valid). Here we check whose certificate it is: PKIoverheid puts the
organisation's OIN in the subject's serialNumber, and only DUO's OIN may deliver notifications."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import unquote

from cryptography import x509
from cryptography.x509.oid import NameOID

VERIFIED = "SUCCESS"


class CertificaatOngeldig(Exception):
    """The caller presented no certificate, an unverified one, or one of another organisation."""


def oin_uit_certificaat(headers: Mapping[str, str], cert_header: str, verify_header: str) -> str:
    if headers.get(verify_header) != VERIFIED:
        raise CertificaatOngeldig("het clientcertificaat is niet geverifieerd")
    pem = headers.get(cert_header)
    if not pem:
        raise CertificaatOngeldig("er is geen clientcertificaat meegegeven")
    try:
        certificate = x509.load_pem_x509_certificate(unquote(pem).encode())
    except ValueError:
        raise CertificaatOngeldig("het clientcertificaat is onleesbaar") from None
    serials = certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    if len(serials) != 1:
        raise CertificaatOngeldig("het clientcertificaat noemt geen OIN")
    return str(serials[0].value)


def vereis_oin(
    headers: Mapping[str, str], oin: str, *, cert_header: str, verify_header: str
) -> None:
    if oin_uit_certificaat(headers, cert_header, verify_header) != oin:
        raise CertificaatOngeldig("het clientcertificaat is niet van deze organisatie")
