"""The collaborators the use cases around DUO need, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from inburgering.intake.adapters.bsn_vault import BsnVault
from inburgering.intake.adapters.duo_client import DuoClient
from inburgering.intake.settings import IntakeSettings
from inburgering.shared.scheduling import Clock, Timers


@dataclass(frozen=True)
class IntakeContext:
    settings: IntakeSettings
    vault: BsnVault
    duo: DuoClient
    timers: Timers
    clock: Clock

    def oin_van(self, gemeentecode: str) -> str:
        return self.settings.oin_per_gemeente[gemeentecode]
