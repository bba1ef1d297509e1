"""What a client sends carries no control or bidi-override characters, wherever the text sits."""

from __future__ import annotations

import pytest
from pydantic import Field, ValidationError

from inburgering.shared.http.schemas import ApiInvoer


class Adres(ApiInvoer):
    straat: str


class Verzoek(ApiInvoer):
    naam: str
    namen: list[str] = Field(default_factory=list)
    adres: Adres | None = None
    labels: dict[str, str] = Field(default_factory=dict)


@pytest.mark.parametrize("teken", ["\x00", "\x07", "\x1b", "\x7f", "\u202e", "\u2066"])
@pytest.mark.parametrize(
    ("invoer", "veld"),
    [
        ({"naam": "A{}"}, ("naam",)),
        ({"naam": "A", "namen": ["B", "C{}"]}, ("namen",)),
        ({"naam": "A", "adres": {"straat": "Markt{}"}}, ("adres", "straat")),
        ({"naam": "A", "labels": {"k{}": "v"}}, ("labels",)),
    ],
)
def test_a_control_character_anywhere_is_refused_with_its_field(invoer, veld, teken):
    geladen = {
        k: (
            v.format(teken) if isinstance(v, str)
            else [x.format(teken) for x in v] if isinstance(v, list)
            else {kk.format(teken): vv.format(teken) for kk, vv in v.items()}
        )
        for k, v in invoer.items()
    }  # fmt: skip
    with pytest.raises(ValidationError) as fout:
        Verzoek.model_validate(geladen)
    assert fout.value.errors()[0]["loc"][: len(veld)] == veld


def test_ordinary_text_with_line_breaks_and_accents_passes():
    verzoek = Verzoek(naam="Zoë\tvan 't Hof", namen=["regel 1\r\nregel 2"], adres={"straat": "Één"})
    assert verzoek.adres is not None and verzoek.adres.straat == "Één"
