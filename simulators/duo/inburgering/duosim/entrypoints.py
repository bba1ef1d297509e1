"""`inburgering-duo-simulator`: serve the simulated DUO (configuration from DUOSIM_* variables)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import uvicorn

from inburgering.duosim.app import Duo, create_app
from inburgering.duosim.notifier import Notifier

DEV_DUO_OIN = "00000001800000000000"
DEV_GEMEENTE_OINS = (
    "GM0772=00000001001000772000,GM0794=00000001001000794000,GM0855=00000001001000855000"
)


def gemeente_oins(value: str) -> dict[str, str]:
    """'GM0772=<oin>,…' (the intake service's format) → {oin: '0772'}."""
    pairs = {}
    for item in filter(None, (p.strip() for p in value.split(","))):
        code, _, oin = item.partition("=")
        pairs[oin.strip()] = code.strip().removeprefix("GM")
    return pairs


def _token() -> str | None:
    token = os.environ.get("DUOSIM_INTAKE_TOKEN")
    if token:
        return token
    try:  # In the workspace a development token can be minted; elsewhere configure one.
        from inburgering.shared.auth import Rol, mint_dev_token
        from inburgering.shared.settings import DEV_JWT_SECRET
    except ImportError:
        return None
    return mint_dev_token(DEV_JWT_SECRET, rol=Rol.DUO, subject="duo-simulator", ttl_seconds=86400)


def _certificaat() -> str | None:
    """DUOSIM_CLIENT_CERT_FILE: DUO's certificate (PEM). When set the simulator notifies as real
    DUO does: the certificate in the ingress's headers (DUOSIM_CLIENT_CERT_HEADER,
    DUOSIM_CLIENT_VERIFY_HEADER), no token; the intake then needs INTAKE_DUO_MTLS=true."""
    path = os.environ.get("DUOSIM_CLIENT_CERT_FILE")
    return Path(path).read_text() if path else None


def main() -> None:
    oin = os.environ.get("DUOSIM_OIN", DEV_DUO_OIN)
    duo = Duo(
        oin=oin,
        gemeente_oins=gemeente_oins(os.environ.get("DUOSIM_GEMEENTE_OINS", DEV_GEMEENTE_OINS)),
    )
    intake_url = os.environ.get("DUOSIM_INTAKE_URL", "http://127.0.0.1:8001/v1").rstrip("/") + "/"
    certificaat = _certificaat()
    notifier = Notifier(
        httpx.AsyncClient(base_url=intake_url, timeout=10),
        duo_oin=oin,
        token=None if certificaat else _token(),
        certificaat=certificaat,
        cert_header=os.environ.get("DUOSIM_CLIENT_CERT_HEADER", "ssl-client-cert"),
        verify_header=os.environ.get("DUOSIM_CLIENT_VERIFY_HEADER", "ssl-client-verify"),
    )
    uvicorn.run(
        create_app(duo, notifier),
        host=os.environ.get("DUOSIM_HOST", "127.0.0.1"),
        port=int(os.environ.get("DUOSIM_PORT", "8090")),
        log_level="info",
    )


if __name__ == "__main__":
    main()
