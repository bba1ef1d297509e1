"""A contract register (the result of a tender) as CSV: read and checked as a whole. No I/O.

One line per contract: the lot, the provider and the terms. A file is taken whole or not at all,
so every problem of every line is collected before anything is refused. Dutch spreadsheets write
semicolons and decimal commas; both dialects are read."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from inburgering.contracts.domain.model import ContractStatus, KeurmerkStatus, PrijsEenheid
from inburgering.shared.events.vocabulary import Doelgroep

KOLOMMEN = (
    "perceel_code",
    "perceel_naam",
    "aanbieder_kvk",
    "aanbieder_naam",
    "doelgroep",
    "capaciteit",
    "prijs_eenheid",
    "prijs_bedrag",
    "periode_start",
    "periode_eind",
    "verlengingsopties",
    "status",
    "keurmerk_status",
    "keurmerk_geldig_tot",
    "taalschakel",
    "duo_instellingsnummer",
)
VERPLICHT = ("perceel_code", "aanbieder_kvk", "capaciteit", "prijs_eenheid", "periode_start",
             "periode_eind")  # fmt: skip
MAX_REGELS = 5000


@dataclass(frozen=True)
class Fout:
    """A problem with one field of one line (line 1 is the header), or with the file."""

    regel: int | None
    kolom: str | None
    reden: str


class OngeldigRegister(Exception):
    def __init__(self, fouten: list[Fout]) -> None:
        super().__init__(f"{len(fouten)} fout(en) in het contractregister")
        self.fouten = fouten


def _leeg_is_niets(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _bedrag(value: object) -> object:
    value = _leeg_is_niets(value)
    return value.replace(",", ".") if isinstance(value, str) else value


def _ja_nee(value: object) -> object:
    value = _leeg_is_niets(value)
    if isinstance(value, str):
        return {"ja": True, "nee": False}.get(value.strip().lower(), value)
    return value


Optioneel = BeforeValidator(_leeg_is_niets)
Tekst = Annotated[
    str,
    Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]*$"),
]


class Registerregel(BaseModel):
    """One contract as a line of the register."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    perceel_code: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z._-]+$")]
    perceel_naam: Annotated[Tekst | None, Optioneel] = None
    aanbieder_kvk: Annotated[str, Field(pattern=r"^[0-9]{8}$")]
    aanbieder_naam: Annotated[Tekst | None, Optioneel] = None
    doelgroep: Annotated[Doelgroep | None, Optioneel] = None
    capaciteit: Annotated[int, Field(ge=0, le=2**31 - 1)]
    prijs_eenheid: PrijsEenheid
    prijs_bedrag: Annotated[
        Decimal | None, BeforeValidator(_bedrag), Field(ge=0, max_digits=10, decimal_places=2)
    ] = None
    periode_start: date
    periode_eind: date
    verlengingsopties: Annotated[int, Optioneel, Field(ge=0, le=100)] = 0
    status: Annotated[ContractStatus, Optioneel] = ContractStatus.ACTIEF
    keurmerk_status: Annotated[KeurmerkStatus | None, Optioneel] = None
    keurmerk_geldig_tot: Annotated[date | None, Optioneel] = None
    taalschakel: Annotated[bool, BeforeValidator(_ja_nee)] = False
    duo_instellingsnummer: Annotated[str | None, Optioneel, Field(pattern=r"^[0-9A-Za-z]{10}$")] = (
        None
    )

    @property
    def sleutel(self) -> tuple[str, str]:
        return self.perceel_code, self.aanbieder_kvk


class _Puntkomma(csv.excel):
    delimiter = ";"


def _dialect(tekst: str) -> type[csv.Dialect] | csv.Dialect:
    eerste = tekst.split("\n", 1)[0]
    return csv.excel if eerste.count(",") >= eerste.count(";") else _Puntkomma


def lees(inhoud: bytes) -> list[tuple[int, Registerregel]]:
    """The lines of the register with their line numbers, or OngeldigRegister listing every
    problem."""
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OngeldigRegister([Fout(None, None, "Het bestand is geen UTF-8.")]) from None
    if "\x00" in tekst:
        raise OngeldigRegister([Fout(None, None, "Het bestand bevat een NUL-teken.")])
    lezer = csv.DictReader(io.StringIO(tekst, newline=""), dialect=_dialect(tekst))
    kop = [k.strip().lower() for k in (lezer.fieldnames or [])]
    fouten = _kopfouten(kop)
    if fouten:
        raise OngeldigRegister(fouten)
    lezer.fieldnames = kop
    regels: list[tuple[int, Registerregel]] = []
    gezien: dict[tuple[str, str], int] = {}
    for aantal, rij in enumerate(lezer, start=1):
        # The physical line where this record ends: a quoted field may span lines.
        nummer = lezer.line_num
        if aantal > MAX_REGELS:
            raise OngeldigRegister([Fout(None, None, f"Meer dan {MAX_REGELS} regels.")])
        if None in rij:
            fouten.append(Fout(nummer, None, "Meer velden dan kolommen."))
            continue
        if not any((v or "").strip() for v in rij.values()):
            continue  # a blank line, as spreadsheets leave at the end
        regel, regelfouten = _regel(nummer, rij)
        fouten.extend(regelfouten)
        if regel is None:
            continue
        if regel.sleutel in gezien:
            eerder = gezien[regel.sleutel]
            fouten.append(
                Fout(nummer, "perceel_code", f"Perceel en aanbieder staan al op regel {eerder}.")
            )
            continue
        gezien[regel.sleutel] = nummer
        regels.append((nummer, regel))
    if fouten:
        raise OngeldigRegister(fouten)
    if not regels:
        raise OngeldigRegister([Fout(None, None, "Het register bevat geen contracten.")])
    return regels


def _kopfouten(kop: list[str]) -> list[Fout]:
    fouten = [Fout(1, k, "Verplichte kolom ontbreekt.") for k in VERPLICHT if k not in kop]
    fouten += [Fout(1, k, "Onbekende kolom.") for k in kop if k not in KOLOMMEN]
    dubbel = {k for k in kop if kop.count(k) > 1}
    fouten += [Fout(1, k, "Kolom staat er meer dan eens.") for k in sorted(dubbel)]
    return fouten


def _regel(nummer: int, rij: dict[str, str | None]) -> tuple[Registerregel | None, list[Fout]]:
    waarden = {k: v for k, v in rij.items() if k is not None and (v or "").strip() != ""}
    try:
        regel = Registerregel.model_validate(waarden)
    except ValidationError as fout:
        return None, [
            Fout(nummer, ".".join(str(p) for p in e["loc"]) or None, e["msg"])
            for e in fout.errors()
        ]
    fouten = []
    if regel.periode_eind < regel.periode_start:
        fouten.append(Fout(nummer, "periode_eind", "Het contract eindigt voor het begint."))
    return (None if fouten else regel), fouten


def schrijf(regels: Iterable[dict[str, object]]) -> str:
    """The register as CSV with the columns `lees` reads: an export can be uploaded again."""
    uit = io.StringIO()
    schrijver = csv.DictWriter(
        uit, fieldnames=KOLOMMEN, extrasaction="ignore", lineterminator="\r\n"
    )
    schrijver.writeheader()
    for regel in regels:
        schrijver.writerow({k: _als_tekst(regel.get(k)) for k in KOLOMMEN})
    return uit.getvalue()


def _als_tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return str(waarde)
