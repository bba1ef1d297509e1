"""DUO's rules for what it receives (README: OIN headers, PIP conditions), as DUO applies them."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from inburgering.duosim.personen import Persoon

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_LEERROUTES = {"B", "O", "Z"}
_NIVEAUS = {"A2", "B1"}
_ALFA = {"A", "AA", "NVT"}


def header_fouten(headers: Mapping[str, str], duo_oin: str) -> list[str]:
    fouten = []
    for naam in ("bron", "doel"):
        waarde = headers.get(naam)
        if waarde is None:
            fouten.append(f"Header {naam} ontbreekt.")
        elif len(waarde) != 20:
            fouten.append(f"Header {naam} is geen OIN van 20 tekens.")
    if headers.get("doel") not in (None, duo_oin) and len(headers.get("doel", "")) == 20:
        fouten.append("Header doel is niet het OIN van DUO.")
    bericht_id = headers.get("berichtid")
    if bericht_id is None:
        fouten.append("Header berichtId ontbreekt.")
    else:
        try:
            uuid.UUID(bericht_id)
        except ValueError:
            fouten.append("Header berichtId is geen UUID.")
        else:
            if len(bericht_id) != 36:
                fouten.append("Header berichtId is geen UUID van 36 tekens.")
    return fouten


def bsn_fout(bsn: str) -> str | None:
    if not re.fullmatch(r"\d{9}", bsn):
        return "Het BSN bestaat niet uit 9 cijfers."
    total = sum(int(d) * w for d, w in zip(bsn, _WEIGHTS, strict=True))
    if total % 11 or total == 0:
        return "Het BSN voldoet niet aan de elfproef."
    return None


def pip_schema_fouten(body: Any) -> list[str]:
    """The PIP schema of API/PIP/openapi.yml."""
    if not isinstance(body, dict):
        return ["De body is geen PIP-object."]
    fouten = []
    try:
        date.fromisoformat(str(body.get("dagtekeningPip")))
    except ValueError:
        fouten.append("dagtekeningPip ontbreekt of is geen datum.")
    if body.get("leerroute") not in _LEERROUTES:
        fouten.append("leerroute ontbreekt of is niet B, O of Z.")
    if "niveau" in body and body["niveau"] not in _NIVEAUS:
        fouten.append("niveau is niet A2 of B1.")
    intensiteit = body.get("geschatteIntensiteitB1Route")
    if intensiteit is not None and (
        not isinstance(intensiteit, int)
        or isinstance(intensiteit, bool)
        or not 1 <= intensiteit <= 9999
    ):
        fouten.append("geschatteIntensiteitB1Route is geen geheel getal van 1 tot en met 9999.")
    if "indicatorMagOpleidingAfmaken" in body and not isinstance(
        body["indicatorMagOpleidingAfmaken"], bool
    ):
        fouten.append("indicatorMagOpleidingAfmaken is geen boolean.")
    if (
        "indicatorAlfabetiseringsonderwijs" in body
        and body["indicatorAlfabetiseringsonderwijs"] not in _ALFA
    ):
        fouten.append("indicatorAlfabetiseringsonderwijs is niet A, AA of NVT.")
    return fouten


def pip_regel_fouten(persoon: Persoon, pip: dict[str, Any]) -> list[str]:
    """README 'Het aanleveren van een PIP': registered only when all of these hold."""
    fouten = []
    dag = date.fromisoformat(pip["dagtekeningPip"])
    begin = persoon.inburgeringsplicht.get("begindatum")
    if begin and dag < date.fromisoformat(begin):
        fouten.append("De datum dagtekening ligt voor de start van de inburgeringsplicht.")
    actueel = persoon.pip["pip"]["dagtekeningPip"] if persoon.pip else None
    if persoon.eerste_dagtekening and (
        dag < persoon.eerste_dagtekening or (actueel and dag < date.fromisoformat(actueel))
    ):
        fouten.append("De datum dagtekening ligt voor die van de initiële of de actuele PIP.")
    if persoon.vestiging and dag < persoon.vestiging:
        fouten.append("De datum dagtekening ligt voor de vestiging bij de gemeente.")
    route, niveau = pip["leerroute"], pip.get("niveau")
    if niveau == "A2" and route == "O":
        fouten.append("Niveau A2 mag niet in combinatie met de onderwijsroute.")
    if niveau == "B1" and route == "Z":
        fouten.append("Niveau B1 mag niet in combinatie met de Z-route.")
    if niveau == "A2" and route == "B" and persoon.eerste_dagtekening is None:
        fouten.append("Niveau A2 mag niet met de B1-route in de eerste PIP.")
    asiel = persoon.doelgroep.get("indeling") == "Asielstatushouder"
    if "geschatteIntensiteitB1Route" in pip and (route != "B" or not asiel):
        fouten.append("Geschatte intensiteit alleen bij de B1-route en bij asielmigranten.")
    return fouten


def registreer_pip(persoon: Persoon, gemeentecode: str, pip: dict[str, Any]) -> None:
    """The first PIP starts the termijn: three years from the day after its dagtekening."""
    opgeslagen = dict(pip)
    if "niveau" not in opgeslagen and opgeslagen["leerroute"] in ("B", "O"):
        opgeslagen["niveau"] = "B1"
    persoon.pip = {"gemeentecode": gemeentecode, "pip": opgeslagen}
    persoon.gemeentecode = gemeentecode
    if persoon.eerste_dagtekening is None:
        dag = date.fromisoformat(pip["dagtekeningPip"])
        persoon.eerste_dagtekening = dag
        start = dag + timedelta(days=1)
        try:
            einde = start.replace(year=start.year + 3)
        except ValueError:
            einde = start.replace(year=start.year + 3, day=28)
        persoon.termijn = {"startdatum": start.isoformat(), "einddatum": einde.isoformat()}
