"""What can go wrong behind a page, in the words the pages show."""

from __future__ import annotations


class PortalFout(Exception):
    status: int = 500
    titel: str = "Er ging iets mis"

    def __init__(self, toelichting: str = "") -> None:
        super().__init__(toelichting or self.titel)
        self.toelichting = toelichting


class NietIngelogd(PortalFout):
    """No session, or the service no longer accepts its token: the user logs in again."""

    status = 401
    titel = "Niet ingelogd"


class GeenToegang(PortalFout):
    status = 403
    titel = "Geen toegang"


class NietGevonden(PortalFout):
    status = 404
    titel = "Niet gevonden"


class DienstFout(PortalFout):
    """A service answered with an error the page cannot explain, or did not answer."""

    status = 502
    titel = "Een dienst van het platform gaf geen antwoord"


class FormulierOngeldig(PortalFout):
    """A POST without this session's CSRF token: another site may have sent it."""

    status = 403
    titel = "Formulier niet geaccepteerd"


class OngeldigeInvoer(PortalFout):
    status = 400
    titel = "Ongeldige invoer"


class Geweigerd(PortalFout):
    """A service refused a change for a reason the user can act on (400, 409): the page says
    why, with the service's own words and the fields it named."""

    status = 409
    titel = "Niet gelukt"

    def __init__(self, toelichting: str, status: int, velden: dict[str, str] | None = None) -> None:
        super().__init__(toelichting)
        self.status = status
        self.velden = velden or {}
