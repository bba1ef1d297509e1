"""SS101, SS128, SS129, SS139 (a new inburgeringsplichtige) and SS120, SS121 (settled here after
a move): register the person or bring a known one up to date, and plan the PIP deadline."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from inburgering.intake.adapters.tables import inburgeraar, verhuizing
from inburgering.intake.domain.duo_gegevens import PlichtStatus
from inburgering.intake.domain.pip import LEERROUTE_VAN_DUO
from inburgering.intake.usecases.pip_termijn import plan_pip_termijn
from inburgering.intake.usecases.toepassen.basis import (
    Uitkomst,
    Verwerking,
    datum,
    doelgroep_van,
    plicht_van,
)
from inburgering.intake.usecases.toepassen.termijn import publiceer_termijn
from inburgering.shared.events.intake import (
    AanleidingTermijn,
    DoelgroepGewijzigd,
    InburgeraarAangemeld,
)


async def nieuwe_plichtige(v: Verwerking) -> Uitkomst:
    """SS101, SS128, SS139, SS129: register the person, or bring a known one up to date."""
    plicht = plicht_van(v)
    # SS139 also means: left the COA and now lives in the gemeente.
    vestiging = v.registratiedatum if v.gebeurtenis.id == "SS139" else None
    return await _registreer_of_werk_bij(v, plicht, vestiging=vestiging)


async def gevestigd(v: Verwerking) -> Uitkomst:
    """SS120, SS121: settled here after a move; the new PIP is due 10 weeks after settling.
    Each settling is kept in the history of moves ([Wi] art. 35.4: the data handover follows
    the move)."""
    plicht = plicht_van(v)
    vorige = v.opgehaald.vorige_pip
    extra: dict[str, Any] = {"verhuisd": True}
    toelichting = None
    if vorige is not None:
        leerroute = LEERROUTE_VAN_DUO.get(vorige.get("pip", {}).get("leerroute", ""))
        extra |= {
            "vorige_gemeentecode": "GM" + str(vorige.get("gemeentecode", ""))[:4],
            "vergrendelde_leerroute": leerroute.value if leerroute else None,
        }
        toelichting = f"PIP van de vorige gemeente; leerroute {extra['vergrendelde_leerroute']}."
    if v.opgehaald.termijn:
        extra["termijn_start_date"] = datum(v.opgehaald.termijn.get("startdatum"))
        extra["termijn_eind_date"] = datum(v.opgehaald.termijn.get("einddatum"))
    inburgeraar_id, _ = await _registreer_of_werk_bij(
        v, plicht, vestiging=v.registratiedatum, extra=extra
    )
    await v.uow.session.execute(
        verhuizing.insert().values(
            id=uuid.uuid4(),
            inburgeraar_id=inburgeraar_id,
            gemeentecode=v.gemeentecode,
            # SS120 names no previous gemeente: DUO only gives it with the previous PIP.
            van_gemeentecode=extra.get("vorige_gemeentecode"),
            naar_gemeentecode=v.gemeentecode,
            gevestigd_date=v.registratiedatum,
            gebeurtenis_id=v.gebeurtenis.id,
            bericht_id=v.notificatie["bericht_id"],
        )
    )
    # The termijn goes along with the move ([Wi] 11: only the first PIP starts it).
    await publiceer_termijn(v, inburgeraar_id, AanleidingTermijn.VERHUIZING)
    return inburgeraar_id, toelichting


async def _registreer_of_werk_bij(
    v: Verwerking,
    plicht: dict[str, Any],
    *,
    vestiging: date | None,
    extra: dict[str, Any] | None = None,
) -> Uitkomst:
    doelgroep = doelgroep_van(v)
    values: dict[str, Any] = {
        "status": PlichtStatus.ACTIEF,
        "doelgroep": doelgroep,
        "plicht_start_date": datum(plicht.get("begindatum")),
        "kennisgeving_date": datum(plicht.get("datumKennisgevingInburgeringsplicht")),
        **(extra or {}),
    }
    if vestiging is not None:
        values["vestiging_date"] = vestiging
    if v.persoon is None:
        inburgeraar_id = uuid.uuid4()
        vault = v.ctx.vault
        await v.uow.session.execute(
            inburgeraar.insert().values(
                id=inburgeraar_id,
                gemeentecode=v.gemeentecode,
                bsn_hash=vault.lookup_hash(v.bsn),
                bsn_encrypted=vault.encrypt(v.bsn, context=inburgeraar_id.bytes),
                geboortedatum=None,
                aangemeld_at=v.ctx.clock(),
                bron="duo",
                **values,
            )
        )
        await v.uow.publish(
            InburgeraarAangemeld(
                inburgeraar_id=inburgeraar_id, gemeentecode=v.gemeentecode, doelgroep=doelgroep
            )
        )
    else:
        inburgeraar_id = v.persoon["id"]
        await v.wijzig(**values)
        if v.persoon["doelgroep"] != doelgroep:
            await v.uow.publish(
                DoelgroepGewijzigd(
                    inburgeraar_id=inburgeraar_id, gemeentecode=v.gemeentecode, doelgroep=doelgroep
                )
            )
    await plan_pip_termijn(v.uow, v.ctx, inburgeraar_id)
    return inburgeraar_id, None
