"""What the brede intake records besides the LBT ([Wi] art. 14; [Bi] art. 5.2)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inburgering.intake.domain.errors import (
    RechtOpAlleenSprekenNietMeegedeeld,
    RechtOpAlleenSprekenOnbekend,
)
from inburgering.shared.events.vocabulary import Alfabetisering


class Taalniveau(StrEnum):
    """The Dutch language level (CEFR) at the intake."""

    GEEN = "geen"
    A1 = "a1"
    A2 = "a2"
    B1 = "b1"
    B2 = "b2"
    C1 = "c1"
    C2 = "c2"


class Zelfredzaamheid(StrEnum):
    """The five steps of the Zelfredzaamheid-Matrix."""

    ACUTE_PROBLEMATIEK = "acute-problematiek"
    NIET_ZELFREDZAAM = "niet-zelfredzaam"
    BEPERKT_ZELFREDZAAM = "beperkt-zelfredzaam"
    VOLDOENDE_ZELFREDZAAM = "voldoende-zelfredzaam"
    VOLLEDIG_ZELFREDZAAM = "volledig-zelfredzaam"


@dataclass(frozen=True)
class Gezondheid:
    """Physical and mental health: special-category data ([Wi] art. 37), kept apart."""

    lichamelijk: str | None = None
    psychisch: str | None = None
    gevolgen_voor_inburgering: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "lichamelijk": self.lichamelijk,
            "psychisch": self.psychisch,
            "gevolgen_voor_inburgering": self.gevolgen_voor_inburgering,
        }

    @classmethod
    def from_dict(cls, data: dict[str, str | None]) -> Gezondheid:
        return cls(**data)


class DoelVerwerking(StrEnum):
    """What the gemeente may process health data for ([Wi] art. 37)."""

    BREDE_INTAKE = "brede-intake"
    PIP = "pip"
    ONDERSTEUNING_EN_BEGELEIDING = "ondersteuning-en-begeleiding"


GRONDSLAG_GEZONDHEID = "Wi art. 37; Bi art. 5.2 en 9.11; AVG art. 9 lid 2 sub g"


def controleer_recht_op_alleen_spreken(meegedeeld: bool | None, *, verplicht: bool) -> None:
    """The gemeente must tell the person they may talk without their partner ([Bi] 5.2).

    `None` comes from clients that predate the field: recorded as unknown during the transition
    period, refused once the field is `verplicht` (the configured end of that period).
    """
    if meegedeeld is False:
        raise RechtOpAlleenSprekenNietMeegedeeld(
            "Vertel de inburgeraar eerst dat die het gesprek alleen mag voeren."
        )
    if meegedeeld is None and verplicht:
        raise RechtOpAlleenSprekenOnbekend(
            "Leg vast dat de inburgeraar hoorde het gesprek zonder partner te mogen voeren "
            "(rechtOpAlleenSprekenMeegedeeld, Bi art. 5.2)."
        )


@dataclass(frozen=True)
class IntakeInhoud:
    """The other parts the law names: background, language, self-reliance, VVE, work."""

    opleiding: str | None = None
    werkervaring_jaren: int | None = None
    werkervaring: str | None = None
    taalniveau: Taalniveau | None = None
    zelfredzaamheid: Zelfredzaamheid | None = None
    vve_aantal_kinderen: int | None = None
    vve_mogelijkheden: str | None = None
    mogelijkheden_werk_en_participatie: str | None = None
    # Whether the person needs literacy education, and of which kind: DUO wants it with the
    # inburgeringsaanbod and the leerroute advice names it among its facts.
    alfabetisering: Alfabetisering | None = None


@dataclass(frozen=True)
class Verwerker:
    """Who processes personal data: the token's subject and role, for the processing record."""

    actor: str
    rol: str
