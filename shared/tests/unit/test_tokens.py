import time

import jwt
import pytest

from inburgering.shared.auth import Rol, TokenVerifier, mint_dev_token
from inburgering.shared.http.problems import Unauthorized
from inburgering.shared.settings import DEV_JWT_SECRET, BaseServiceSettings

LEEWAY = 30


@pytest.fixture
def verifier() -> TokenVerifier:
    return TokenVerifier(BaseServiceSettings(service_name="intake", jwt_leeway_seconds=LEEWAY))


def _claims(**overrides: object) -> dict:
    now = int(time.time())
    claims = {
        "iss": "inburgering-dev",
        "sub": "medewerker-1",
        "aud": ["inburgering-intake"],
        "iat": now,
        "exp": now + 600,
        "rol": "gemeente",
        "gemeentecodes": ["GM0363"],
    }
    claims.update(overrides)
    return claims


def _sign(claims: dict, secret: str = DEV_JWT_SECRET) -> str:
    return jwt.encode(claims, secret, algorithm="HS256")


def test_a_dev_token_gives_the_principal_its_role_and_tenants(verifier: TokenVerifier):
    token = mint_dev_token(
        DEV_JWT_SECRET, rol=Rol.REGIO, subject="regio-1", gemeentecodes=["GM0363", "GM0599"]
    )

    principal = verifier.verify(token)

    assert principal.rol is Rol.REGIO
    assert principal.subject == "regio-1"
    assert principal.gemeentecodes == {"GM0363", "GM0599"}
    assert principal.acts_for("GM0599")
    assert not principal.acts_for("GM0014")


def test_aanbieder_and_instelling_claims_are_carried(verifier: TokenVerifier):
    aanbieder = verifier.verify(mint_dev_token(DEV_JWT_SECRET, rol=Rol.AANBIEDER, kvk="12345678"))
    instelling = verifier.verify(
        mint_dev_token(DEV_JWT_SECRET, rol=Rol.INSTELLING, instelling="roc-1")
    )

    assert (aanbieder.rol, aanbieder.kvk) == (Rol.AANBIEDER, "12345678")
    assert (instelling.rol, instelling.instelling) == (Rol.INSTELLING, "roc-1")


def test_a_token_for_another_audience_is_refused(verifier: TokenVerifier):
    token = mint_dev_token(DEV_JWT_SECRET, rol=Rol.GEMEENTE, audiences=["inburgering-routes"])

    with pytest.raises(Unauthorized):
        verifier.verify(token)


def test_a_token_expired_beyond_the_leeway_is_refused(verifier: TokenVerifier):
    token = _sign(_claims(exp=int(time.time()) - LEEWAY - 5))

    with pytest.raises(Unauthorized):
        verifier.verify(token)


def test_a_token_expired_within_the_leeway_is_accepted(verifier: TokenVerifier):
    token = _sign(_claims(exp=int(time.time()) - LEEWAY // 2))

    assert verifier.verify(token).subject == "medewerker-1"


def test_a_token_from_an_unknown_issuer_is_refused(verifier: TokenVerifier):
    token = mint_dev_token(DEV_JWT_SECRET, rol=Rol.GEMEENTE, issuer="https://elders.example")

    with pytest.raises(Unauthorized):
        verifier.verify(token)


def test_a_token_with_a_bad_signature_is_refused(verifier: TokenVerifier):
    token = mint_dev_token("another-secret-that-is-long-enough-0123456789", rol=Rol.GEMEENTE)

    with pytest.raises(Unauthorized):
        verifier.verify(token)


def test_an_unsigned_token_is_refused(verifier: TokenVerifier):
    token = jwt.encode(_claims(), key=None, algorithm="none")

    with pytest.raises(Unauthorized):
        verifier.verify(token)


def test_a_token_with_an_unknown_role_is_refused(verifier: TokenVerifier):
    with pytest.raises(Unauthorized, match="rol"):
        verifier.verify(_sign(_claims(rol="superuser")))


def test_a_token_without_a_role_is_refused(verifier: TokenVerifier):
    claims = _claims()
    del claims["rol"]

    with pytest.raises(Unauthorized):
        verifier.verify(_sign(claims))


@pytest.mark.parametrize("missing", ["exp", "sub", "aud", "iss"])
def test_a_token_without_a_required_claim_is_refused(verifier: TokenVerifier, missing: str):
    claims = _claims()
    del claims[missing]

    with pytest.raises(Unauthorized):
        verifier.verify(_sign(claims))


def test_gemeentecodes_that_are_not_a_list_are_refused(verifier: TokenVerifier):
    with pytest.raises(Unauthorized):
        verifier.verify(_sign(_claims(gemeentecodes="GM0363")))


def test_garbage_is_refused(verifier: TokenVerifier):
    with pytest.raises(Unauthorized):
        verifier.verify("dit.is.geen-token")
