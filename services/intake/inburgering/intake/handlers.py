"""Intake use cases: each runs in one unit of work and appends its events to the outbox."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from inburgering.intake.adapters.bsn_vault import BsnVault
from inburgering.intake.adapters.contactgegevens_vault import ContactgegevensVault
from inburgering.intake.adapters.gezondheid_vault import GezondheidVault
from inburgering.intake.adapters.tables import brede_intake, duo_gebeurtenis, inburgeraar
from inburgering.intake.domain.brede_intake import (
    Gezondheid,
    IntakeInhoud,
    Verwerker,
    controleer_recht_op_alleen_spreken,
)
from inburgering.intake.domain.contactgegevens import Contactgegevens
from inburgering.intake.domain.errors import (
    GeboortedatumOnbekend,
    GezondheidNietBevoegd,
    InburgeraarAlAangemeld,
    InburgeraarNietGevonden,
    IntakeAlAfgerond,
    IntakeNietGevonden,
)
from inburgering.intake.domain.leerbaarheidstoets import Beperking, bepaal_leerbaarheidstoets
from inburgering.intake.domain.model import leeftijd_op, valideer_bsn
from inburgering.intake.usecases import contactgegevens
from inburgering.intake.usecases.gezondheid import leg_gezondheid_vast
from inburgering.shared.events.intake import InburgeraarAangemeld, IntakeAfgerond
from inburgering.shared.events.vocabulary import (
    Ambitie,
    Doelgroep,
    LeerbaarheidstoetsUitslag,
    Opleidingsniveau,
)
from inburgering.shared.persistence import UnitOfWork
from inburgering.shared.persistence.sql import insert_unless_present


@dataclass(frozen=True)
class MeldInburgeraarAan:
    bsn: str
    gemeentecode: str
    doelgroep: Doelgroep
    geboortedatum: date
    contactgegevens: Contactgegevens | None = None


@dataclass(frozen=True)
class RondIntakeAf:
    inburgeraar_id: uuid.UUID
    leerbaarheidstoets: LeerbaarheidstoetsUitslag | None
    opleidingsniveau: Opleidingsniveau
    ambitie: Ambitie
    afgerond_date: date
    geboortedatum: date | None = None
    leerbaarheidstoets_score: int | None = None
    leerbaarheidstoets_date: date | None = None
    beperking: Beperking | None = None
    inhoud: IntakeInhoud = field(default_factory=IntakeInhoud)
    recht_op_alleen_spreken_meegedeeld: bool | None = None
    # After the transition period an intake must state it ([Bi] 5.2); see the setting.
    recht_op_alleen_spreken_verplicht: bool = False
    gezondheid: Gezondheid | None = None
    # Health data may only be recorded by whom the caller's token allows ([Bi] 9.11).
    gezondheid_bevoegd: bool = False
    door: Verwerker | None = None


async def meld_inburgeraar_aan(
    uow: UnitOfWork,
    vault: BsnVault,
    command: MeldInburgeraarAan,
    contact_vault: ContactgegevensVault | None = None,
) -> RowMapping:
    bsn = valideer_bsn(command.bsn)
    bsn_hash = vault.lookup_hash(bsn)
    hashes = vault.lookup_hashes(bsn)
    if len(hashes) > 1:
        # Between a key rotation and its rekey run, a person stored under the previous key
        # must still be found; the unique key below only knows the current one.
        await _niet_al_aangemeld(uow, command.gemeentecode, hashes)
    inburgeraar_id = uuid.uuid4()
    # The unique key decides, not a look first: two registrations of one person at the same
    # moment are one 201 and one 409, never a 500.
    inserted = await uow.session.execute(
        insert_unless_present(uow.session, inburgeraar, ("gemeentecode", "bsn_hash"))
        .values(
            id=inburgeraar_id,
            gemeentecode=command.gemeentecode,
            bsn_hash=bsn_hash,
            bsn_encrypted=vault.encrypt(bsn, context=inburgeraar_id.bytes),
            doelgroep=command.doelgroep,
            geboortedatum=command.geboortedatum,
            aangemeld_at=datetime.now(UTC),
        )
        .returning(*_PUBLIC_COLUMNS)
    )
    row = inserted.mappings().first()
    if row is None:
        await _niet_al_aangemeld(uow, command.gemeentecode, [bsn_hash])
        raise AssertionError("the unique key reported a person the query cannot find")
    if command.contactgegevens is not None:
        if contact_vault is None:
            raise RuntimeError("contact data needs its vault")
        await contactgegevens.bewaar(
            uow,
            contact_vault,
            inburgeraar_id=inburgeraar_id,
            gemeentecode=command.gemeentecode,
            gegevens=command.contactgegevens,
            nu=datetime.now(UTC),
        )
    await uow.publish(
        InburgeraarAangemeld(
            inburgeraar_id=inburgeraar_id,
            gemeentecode=command.gemeentecode,
            doelgroep=command.doelgroep,
        )
    )
    await uow.commit()
    return row


async def _niet_al_aangemeld(uow: UnitOfWork, gemeentecode: str, hashes: Iterable[str]) -> None:
    existing = await uow.session.execute(
        select(inburgeraar.c.id).where(
            inburgeraar.c.gemeentecode == gemeentecode,
            inburgeraar.c.bsn_hash.in_(list(hashes)),
        )
    )
    bestaand = existing.scalar()
    if bestaand is not None:
        # The caller acts for this gemeente: naming its own inburgeraar reveals nothing, and
        # lets a backoffice that lost its answer carry on with the person it registered.
        raise InburgeraarAlAangemeld(
            f"Er is al een inburgeraar met dit BSN in deze gemeente: {bestaand}.",
            extensions={"inburgeraarId": str(bestaand)},
        )


async def rond_intake_af(
    uow: UnitOfWork,
    command: RondIntakeAf,
    gemeentecodes: Iterable[str],
    gezondheid_vault: GezondheidVault | None = None,
) -> RowMapping:
    if command.gezondheid is not None and not command.gezondheid_bevoegd:
        raise GezondheidNietBevoegd("Dit token mag geen gezondheidsgegevens vastleggen.")
    persoon = await _inburgeraar(uow, command.inburgeraar_id, gemeentecodes)
    lbt = bepaal_leerbaarheidstoets(
        opgegeven=command.leerbaarheidstoets,
        score=command.leerbaarheidstoets_score,
        afgenomen=command.leerbaarheidstoets_date,
        beperking=command.beperking,
        intake_afgerond=command.afgerond_date,
    )
    controleer_recht_op_alleen_spreken(
        command.recht_op_alleen_spreken_meegedeeld,
        verplicht=command.recht_op_alleen_spreken_verplicht,
    )
    done = await uow.session.execute(
        select(brede_intake.c.id).where(brede_intake.c.inburgeraar_id == command.inburgeraar_id)
    )
    if done.first() is not None:
        raise IntakeAlAfgerond("Een afgeronde brede intake wordt niet overschreven.")
    geboortedatum = persoon["geboortedatum"] or command.geboortedatum
    if geboortedatum is None:
        raise GeboortedatumOnbekend("Geef de geboortedatum mee: DUO levert die niet.")
    if persoon["geboortedatum"] is None:
        await uow.session.execute(
            update(inburgeraar)
            .where(inburgeraar.c.id == command.inburgeraar_id)
            .values(geboortedatum=geboortedatum)
        )
    intake_id = uuid.uuid4()
    await uow.session.execute(
        brede_intake.insert().values(
            id=intake_id,
            inburgeraar_id=command.inburgeraar_id,
            gemeentecode=persoon["gemeentecode"],
            leerbaarheidstoets=lbt.uitslag,
            opleidingsniveau=command.opleidingsniveau,
            ambitie=command.ambitie,
            afgerond_date=command.afgerond_date,
            vastgelegd_at=datetime.now(UTC),
            leerbaarheidstoets_score=lbt.score,
            leerbaarheidstoets_date=lbt.afgenomen,
            leerbaarheidstoets_cesuur=lbt.cesuur,
            leerbaarheidstoets_beperking=lbt.beperking,
            recht_op_alleen_spreken_meegedeeld=command.recht_op_alleen_spreken_meegedeeld,
            **asdict(command.inhoud),
        )
    )
    if command.gezondheid is not None:
        if gezondheid_vault is None or command.door is None:
            raise RuntimeError("health data needs the vault and the processing actor")
        await leg_gezondheid_vast(
            uow,
            gezondheid_vault,
            inburgeraar_id=command.inburgeraar_id,
            gemeentecode=persoon["gemeentecode"],
            gegevens=command.gezondheid,
            door=command.door,
        )
    await uow.publish(
        IntakeAfgerond(
            inburgeraar_id=command.inburgeraar_id,
            intake_id=intake_id,
            gemeentecode=persoon["gemeentecode"],
            doelgroep=Doelgroep(persoon["doelgroep"]),
            leerbaarheidstoets=lbt.uitslag,
            opleidingsniveau=command.opleidingsniveau,
            ambitie=command.ambitie,
            leeftijd=leeftijd_op(geboortedatum, command.afgerond_date),
            alfabetisering=command.inhoud.alfabetisering,
        )
    )
    row = (
        (await uow.session.execute(select(brede_intake).where(brede_intake.c.id == intake_id)))
        .mappings()
        .one()
    )
    await uow.commit()
    return row


async def geef_brede_intake(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    """The intake without health data: that lives in another table, behind another endpoint."""
    await _inburgeraar(uow, inburgeraar_id, gemeentecodes)
    row = (
        (
            await uow.session.execute(
                select(brede_intake).where(brede_intake.c.inburgeraar_id == inburgeraar_id)
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise IntakeNietGevonden(f"De brede intake van {inburgeraar_id} is nog niet afgerond.")
    return row


async def geef_inburgeraar(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    return await _inburgeraar(uow, inburgeraar_id, gemeentecodes)


async def lijst_inburgeraars(
    uow: UnitOfWork, gemeentecodes: Iterable[str], *, limit: int, offset: int
) -> list[RowMapping]:
    result = await uow.session.execute(
        select(*_PUBLIC_COLUMNS)
        .where(inburgeraar.c.gemeentecode.in_(list(gemeentecodes)))
        .order_by(inburgeraar.c.aangemeld_at, inburgeraar.c.id)
        .limit(limit)
        .offset(offset)
    )
    return list(result.mappings().all())


async def zoek_op_bsn(
    uow: UnitOfWork, vault: BsnVault, bsn: str, gemeentecodes: Iterable[str]
) -> list[RowMapping]:
    """The caller's own inburgeraars with this BSN (under every configured key); another
    gemeente's registration of the same person is not found."""
    result = await uow.session.execute(
        select(*_PUBLIC_COLUMNS)
        .where(
            inburgeraar.c.bsn_hash.in_(vault.lookup_hashes(valideer_bsn(bsn))),
            inburgeraar.c.gemeentecode.in_(list(gemeentecodes)),
        )
        .order_by(inburgeraar.c.aangemeld_at, inburgeraar.c.id)
    )
    return list(result.mappings().all())


_PUBLIC_COLUMNS = tuple(
    column
    for column in inburgeraar.c
    if column.name not in ("bsn_hash", "bsn_encrypted")  # never leaves the service
)


async def _inburgeraar(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> RowMapping:
    """Another tenant's inburgeraar is reported as not found, so existence does not leak."""
    row = (
        (
            await uow.session.execute(
                select(*_PUBLIC_COLUMNS).where(
                    inburgeraar.c.id == inburgeraar_id,
                    inburgeraar.c.gemeentecode.in_(list(gemeentecodes)),
                )
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise InburgeraarNietGevonden(f"Inburgeraar {inburgeraar_id} bestaat niet.")
    return row


async def duo_gebeurtenissen(
    uow: UnitOfWork, inburgeraar_id: uuid.UUID, gemeentecodes: Iterable[str]
) -> list[RowMapping]:
    """What DUO reported about this person, oldest first (incl. DUO's decisions on requests)."""
    await _inburgeraar(uow, inburgeraar_id, gemeentecodes)
    result = await uow.session.execute(
        select(duo_gebeurtenis)
        .where(duo_gebeurtenis.c.inburgeraar_id == inburgeraar_id)
        .order_by(duo_gebeurtenis.c.geregistreerd_at, duo_gebeurtenis.c.verwerkt_at)
    )
    return list(result.mappings().all())
