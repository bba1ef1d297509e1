"""Reading a contract register file: every problem at once, with its line and column."""

from __future__ import annotations

import pytest

from inburgering.contracts.domain.contractregister import Fout, OngeldigRegister, lees, schrijf

KOP = "perceel_code,aanbieder_kvk,capaciteit,prijs_eenheid,periode_start,periode_eind"
REGEL = "P1,12345678,5,traject,2026-01-01,2027-12-31"


def fouten(inhoud: str) -> set[tuple[int | None, str | None]]:
    with pytest.raises(OngeldigRegister) as geweigerd:
        lees(inhoud.encode())
    return {(f.regel, f.kolom) for f in geweigerd.value.fouten}


def test_missing_and_unknown_columns_are_named_on_the_header_line():
    assert fouten("perceel_code,aanbieder_kvk,kleur\nP1,12345678,rood\n") == {
        (1, "capaciteit"),
        (1, "prijs_eenheid"),
        (1, "periode_start"),
        (1, "periode_eind"),
        (1, "kleur"),
    }


def test_every_bad_field_of_every_line_is_listed():
    inhoud = "\n".join(
        [KOP, REGEL, "P2,1234567x,-1,traject,2026-01-01,2027-12-31", "P3,12345678,5,dag,x,y"]
    )
    assert fouten(inhoud) == {
        (3, "aanbieder_kvk"),
        (3, "capaciteit"),
        (4, "prijs_eenheid"),
        (4, "periode_start"),
        (4, "periode_eind"),
    }


def test_a_lot_and_provider_twice_and_a_period_backwards_are_refused():
    inhoud = "\n".join([KOP, REGEL, REGEL, "P9,12345678,5,uur,2027-01-01,2026-01-01"])
    assert fouten(inhoud) == {(3, "perceel_code"), (4, "periode_eind")}


def test_line_numbers_follow_the_file_when_a_quoted_field_spans_lines():
    inhoud = KOP.replace("perceel_code,", "perceel_code,perceel_naam,") + "\n"
    inhoud += 'P1,"Perceel\nmet twee regels",12345678,5,traject,2026-01-01,2027-12-31\n'
    inhoud += "P2,Perceel,12345678,-5,traject,2026-01-01,2027-12-31\n"
    # A name with a line break is refused, on the line where its record ends.
    assert fouten(inhoud) == {(3, "perceel_naam"), (4, "capaciteit")}


def test_blank_lines_are_skipped_and_an_empty_register_is_refused():
    [(regel, gelezen)] = lees(f"{KOP}\n\n{REGEL}\n,,,,,\n".encode())
    assert (regel, gelezen.capaciteit, gelezen.status) == (3, 5, "actief")
    assert fouten(f"{KOP}\n") == {(None, None)}


def test_a_file_that_is_not_text_is_refused_as_a_whole():
    with pytest.raises(OngeldigRegister) as geweigerd:
        lees(b"\xff\xfe" + KOP.encode())
    assert geweigerd.value.fouten == [Fout(None, None, "Het bestand is geen UTF-8.")]
    assert fouten(f"{KOP}\nP1\x00,12345678,5,traject,2026-01-01,2027-12-31") == {(None, None)}


def test_what_is_written_is_read_back():
    [(_, regel)] = lees(f'{KOP},taalschakel,prijs_bedrag\n{REGEL},ja,"1250,75"\n'.encode())
    assert (regel.taalschakel, str(regel.prijs_bedrag)) == (True, "1250.75")
    tekst = schrijf([{**regel.model_dump(), "prijs_eenheid": "traject", "status": "actief"}])
    [(_, terug)] = lees(tekst.encode())
    assert terug == regel
