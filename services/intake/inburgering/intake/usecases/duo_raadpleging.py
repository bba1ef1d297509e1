"""What the gemeente asks DUO for each kind of gebeurtenis (Gebeurtenissen.md, 'Relevante API's').

Everything is fetched before anything is written, so a DUO failure leaves no half-done change."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, TypeVar

from inburgering.intake.adapters.duo_client import DuoClient, DuoWeigert
from inburgering.intake.domain.gebeurtenissen import Gebeurtenis, Soort

T = TypeVar("T")


@dataclass
class Opgehaald:
    plicht: dict[str, Any] | None = None
    doelgroep: dict[str, Any] | None = None
    termijn: dict[str, Any] | None = None
    vorige_pip: dict[str, Any] | None = None
    lbt: list[dict[str, Any]] | None = None
    examens: list[dict[str, Any]] | None = None
    vrijstellingen: list[dict[str, Any]] | None = None
    ontheffingen: list[dict[str, Any]] | None = None


async def raadpleeg(duo: DuoClient, gebeurtenis: Gebeurtenis, bsn: str, bron: str) -> Opgehaald:
    soort, code = gebeurtenis.soort, gebeurtenis.id
    uit = Opgehaald()
    if soort in (Soort.NIEUWE_PLICHTIGE, Soort.GEVESTIGD):
        uit.plicht = await duo.inburgeringsplicht(bsn, bron=bron)
        uit.doelgroep = await duo.doelgroep(bsn, bron=bron)
    if code == "SS121":
        uit.vorige_pip = await _tenzij_onbekend(duo.pip(bsn, bron=bron))
        uit.termijn = await _tenzij_onbekend(duo.inburgeringstermijn(bsn, bron=bron))
    if soort is Soort.DOELGROEP_GEWIJZIGD:
        uit.doelgroep = await duo.doelgroep(bsn, bron=bron)
    if soort in (Soort.PLICHT_BEEINDIGD, Soort.PLICHT_VOLDAAN) or code == "SS130":
        uit.plicht = await duo.inburgeringsplicht(bsn, bron=bron)
    if soort is Soort.LBT_UITSLAG:
        uit.lbt = await duo.lbt_resultaten(bsn, bron=bron)
    if soort in (Soort.TERMIJN_GESTART, Soort.TERMIJN_GEWIJZIGD):
        uit.termijn = await duo.inburgeringstermijn(bsn, bron=bron)
    if soort is Soort.EXAMENUITSLAG:
        uit.examens = await duo.examenresultaten(bsn, bron=bron)
    if code in ("SS107", "SS114", "SS115", "SS116", "SS117"):
        uit.vrijstellingen = await duo.vrijstellingen(bsn, bron=bron)
    if code in ("SS108", "SS118", "SS119"):
        uit.ontheffingen = await duo.ontheffingen(bsn, bron=bron)
    return uit


async def _tenzij_onbekend(call: Awaitable[T]) -> T | None:
    """A 404 here means DUO has nothing yet (no PIP, no termijn): not an error."""
    try:
        return await call
    except DuoWeigert as exc:
        if exc.status == 404:
            return None
        raise
