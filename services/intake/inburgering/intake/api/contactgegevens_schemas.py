"""Name and address in the API: written by the gemeente, read by the gemeente and the provider."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from inburgering.intake.domain.contactgegevens import Adres, Contactgegevens, Naam
from inburgering.shared.http.schemas import ApiInvoer, ApiModel, Tijdstip

_NAAM = 200


class NaamSchema(ApiInvoer):
    geslachtsnaam: str = Field(min_length=1, max_length=_NAAM)
    voornamen: str | None = Field(None, max_length=_NAAM)
    voorvoegsel: str | None = Field(None, max_length=20)


class AdresSchema(ApiInvoer):
    straatnaam: str = Field(min_length=1, max_length=_NAAM)
    huisnummer: int = Field(ge=1, le=99999)
    huisnummertoevoeging: str | None = Field(None, max_length=10)
    postcode: str = Field(pattern=r"^[1-9][0-9]{3}[A-Z]{2}$", description="Zoals 5611AB")
    woonplaats: str = Field(min_length=1, max_length=_NAAM)


class ContactgegevensSchrijven(ApiInvoer):
    """Vervangt wat er lag: de gemeente houdt één actuele naam en één actueel adres bij."""

    naam: NaamSchema
    adres: AdresSchema | None = Field(None, description="Leeg zolang er geen woonadres is")

    def domein(self) -> Contactgegevens:
        return Contactgegevens(
            naam=Naam(**self.naam.model_dump()),
            adres=Adres(**self.adres.model_dump()) if self.adres else None,
        )


class ContactgegevensRead(ApiModel):
    inburgeraar_id: UUID
    naam: NaamSchema
    adres: AdresSchema | None
    vastgelegd_op: Tijdstip

    @classmethod
    def van(
        cls, inburgeraar_id: UUID, gegevens: Contactgegevens, vastgelegd_op: Tijdstip
    ) -> ContactgegevensRead:
        adres = gegevens.adres
        return cls(
            inburgeraar_id=inburgeraar_id,
            naam=NaamSchema(**vars(gegevens.naam)),
            adres=AdresSchema(**vars(adres)) if adres else None,
            vastgelegd_op=vastgelegd_op,
        )
