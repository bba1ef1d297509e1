"""How fast the lead gemeente's region figures answer for a large region, on PostgreSQL.

A verband of the 21 Zuidoost-Brabant gemeenten with 20,000 inburgeraars in the pipeline (spread
over the stages, doelgroepen and gemeenten), their placements, contracts and influx. Each figure
is asked through the contracts API in-process (HTTP stack, auth, processing log, database), in
the same run as a baseline: the bare aggregate query over the same pipeline with asyncpg. The
ratio is the figure's time over the baseline's; the check is the issue's bar of 1 s per answer.

    uv run python bench/regio.py                  # 20,000 inburgeraars, median of 5
    uv run python bench/regio.py --quick          # 2,000 inburgeraars, median of 3 (smoke)

JSON to bench/results/regio.json (quick: regio-quick.json); the table to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg
from sqlalchemy import insert
from sqlalchemy.engine import make_url

from inburgering.contracts.adapters.tables import (
    aanbieder,
    contract,
    instroomverwachting,
    pijplijn,
    plaatsing,
    samenwerkingsverband,
    samenwerkingsverband_lid,
)
from inburgering.contracts.bootstrap import build_parts
from inburgering.contracts.settings import ContractsSettings
from inburgering.shared.auth import Rol
from inburgering.shared.persistence.tenancy import as_platform
from inburgering.shared.testing.postgres import create_database, drop_database
from inburgering.shared.testing.service import api_client, bearer, migrated_runtime

RESULTS = Path(__file__).with_name("results")
LEAD = "GM0772"
LEDEN = (
    "GM0743", "GM1724", "GM0753", "GM1728", "GM1706", "GM0762", "GM0770", "GM0772", "GM1771",
    "GM1652", "GM1658", "GM0794", "GM1659", "GM0820", "GM0823", "GM1667", "GM0847", "GM0848",
    "GM0858", "GM0861", "GM0866",
)  # fmt: skip
ROUTES = ("b1-route", "z-route", "onderwijsroute")
DOELGROEPEN = ("asielstatushouder", "asielstatushouder", "gezinsmigrant", "overige-migrant")
GRENS_SECONDEN = 1.0


@dataclass(frozen=True)
class Meting:
    naam: str
    mediaan_ms: float
    p_max_ms: float
    baseline_ms: float
    ratio: float
    binnen_grens: bool


async def vul_regio(runtime, inburgeraars: int, seed: int = 7) -> uuid.UUID:
    """The region: one B1-route verband of 21 members, 6 contracts, the pipeline, placements."""
    rnd = random.Random(seed)
    verband_id = uuid.uuid4()
    start = date(2025, 1, 1)
    async with runtime.uow() as uow:
        s = uow.session
        await s.execute(
            insert(samenwerkingsverband).values(
                id=verband_id, naam="Bench B1", leerroute="b1-route", lead_gemeentecode=LEAD,
                periode_start_date=start, periode_eind_date=date(2030, 12, 31),
            )
        )  # fmt: skip
        await s.execute(
            insert(samenwerkingsverband_lid),
            [
                {"samenwerkingsverband_id": verband_id, "gemeentecode": code, "ingangsdatum": start}
                for code in LEDEN
            ],
        )
        aanbieders = [uuid.uuid4() for _ in range(6)]
        await s.execute(
            insert(aanbieder),
            [
                {"id": a, "kvk": f"9700000{i}", "naam": f"Bench {i}", "keurmerk_status": "geldig"}
                for i, a in enumerate(aanbieders)
            ],
        )
        contracten = [uuid.uuid4() for _ in aanbieders]
        await s.execute(
            insert(contract),
            [
                {
                    "id": c, "samenwerkingsverband_id": verband_id, "aanbieder_id": a,
                    "leerroute": "b1-route", "capaciteit": 2000, "geplaatst": 0,
                    "prijs_eenheid": "traject", "status": "actief", "periode_start_date": start,
                    "periode_eind_date": date(2026 + i % 3, 12, 31), "verlengingsopties": i % 2,
                }
                for i, (c, a) in enumerate(zip(contracten, aanbieders, strict=True))
            ],
        )  # fmt: skip
        personen, plaatsingen = [], []
        for _ in range(inburgeraars):
            wie = uuid.uuid4()
            code = rnd.choice(LEDEN)
            doelgroep = rnd.choice(DOELGROEPEN)
            stap = rnd.random()
            aangemeld = date(2024, 1, 1) + timedelta(days=rnd.randrange(1000))
            route = rnd.choice(ROUTES)
            besloten = stap > 0.3
            personen.append(
                {
                    "inburgeraar_id": wie, "gemeentecode": code, "doelgroep": doelgroep,
                    "aangemeld_op": aangemeld,
                    "intake_afgerond_op": aangemeld + timedelta(days=40) if stap > 0.15 else None,
                    "geadviseerde_leerroute": route if stap > 0.2 else None,
                    "geadviseerd_op": aangemeld + timedelta(days=45) if stap > 0.2 else None,
                    "vastgestelde_leerroute": route if besloten else None,
                    "vastgesteld_op": aangemeld + timedelta(days=60) if besloten else None,
                    "eerste_pip_op": aangemeld + timedelta(days=70) if besloten else None,
                    "afsluiting": "voldaan" if stap > 0.95 else None,
                    "afgesloten_op": aangemeld + timedelta(days=900) if stap > 0.95 else None,
                }
            )  # fmt: skip
            if besloten and route == "b1-route" and doelgroep == "asielstatushouder":
                plaatsingen.append(
                    {
                        "id": uuid.uuid4(), "inburgeraar_id": wie,
                        "leerroute_besluit_id": uuid.uuid4(),
                        "gemeentecode": code, "leerroute": route, "doelgroep": doelgroep,
                        "status": rnd.choice(("wachtlijst", "aangevraagd", "gestart", "afgerond")),
                        "samenwerkingsverband_id": verband_id,
                        "aangevraagd_at": datetime(2026, 1, 1, tzinfo=UTC),
                    }
                )  # fmt: skip
        for i in range(0, len(personen), 2000):
            await s.execute(insert(pijplijn), personen[i : i + 2000])
        for i in range(0, len(plaatsingen), 2000):
            await s.execute(insert(plaatsing), plaatsingen[i : i + 2000])
        await s.execute(
            insert(instroomverwachting),
            [
                {"gemeentecode": code, "halfjaar": halfjaar, "asielstatushouders": 30,
                 "gezinsmigranten": 10, "vastgelegd_at": datetime.now(UTC)}
                for code in LEDEN for halfjaar in ("2026-H2", "2027-H1", "2027-H2")
            ],
        )  # fmt: skip
        await uow.commit()
    return verband_id


async def baseline_ms(url: str) -> float:
    """The bare aggregate over the same pipeline: what one query of the answer costs at least."""
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
    try:
        begin = time.perf_counter()
        await conn.fetch(
            "SELECT gemeentecode, doelgroep, geadviseerde_leerroute, vastgestelde_leerroute, "
            "count(*) FROM pijplijn GROUP BY 1, 2, 3, 4"
        )
        return (time.perf_counter() - begin) * 1000
    finally:
        await conn.close()


async def meet(inburgeraars: int, herhalingen: int) -> list[Meting]:
    url = await create_database(prefix="benchregio")
    try:
        settings = ContractsSettings(database_url=url, seed_demo_data=False, roles="api")
        runtime = await migrated_runtime(build_parts(settings))
        with as_platform():
            verband_id = await vul_regio(runtime, inburgeraars)
        lead = bearer(Rol.REGIO, gemeentecodes=[LEAD])
        vragen = {
            "prognose (6 kwartalen)": f"/v1/samenwerkingsverbanden/{verband_id}/prognose",
            "prognose als CSV": f"/v1/samenwerkingsverbanden/{verband_id}/prognose#csv",
            "statistiek inburgeraars": (
                f"/v1/statistieken/inburgeraars?samenwerkingsverbandId={verband_id}"
            ),
            "statistiek per maand": (
                f"/v1/statistieken/inburgeraars?samenwerkingsverbandId={verband_id}"
                "&cohortPeriode=maand"
            ),
            "statistiek uitkomsten": (
                f"/v1/statistieken/uitkomsten?samenwerkingsverbandId={verband_id}"
            ),
        }
        metingen = []
        async with api_client(runtime) as client:
            for naam, pad in vragen.items():
                headers = {**lead, "Accept": "text/csv"} if pad.endswith("#csv") else lead
                tijden, basis = [], []
                await client.get(pad.split("#")[0], headers=headers)  # warm caches
                for _ in range(herhalingen):
                    basis.append(await baseline_ms(url))
                    begin = time.perf_counter()
                    antwoord = await client.get(pad.split("#")[0], headers=headers)
                    tijden.append((time.perf_counter() - begin) * 1000)
                    assert antwoord.status_code == 200, antwoord.text
                mediaan, b = statistics.median(tijden), statistics.median(basis)
                metingen.append(
                    Meting(naam, round(mediaan, 1), round(max(tijden), 1), round(b, 1),
                           round(mediaan / b, 1), max(tijden) < GRENS_SECONDEN * 1000)
                )  # fmt: skip
        await runtime.engine.dispose()
        return metingen
    finally:
        await drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    inburgeraars, herhalingen = (2000, 3) if args.quick else (20000, 5)
    metingen = asyncio.run(meet(inburgeraars, herhalingen))
    RESULTS.mkdir(exist_ok=True)
    uit = RESULTS / ("regio-quick.json" if args.quick else "regio.json")
    uit.write_text(
        json.dumps(
            {"inburgeraars": inburgeraars, "metingen": [asdict(m) for m in metingen]}, indent=2
        )
    )
    print(f"{'figure':28} {'median ms':>10} {'max ms':>8} {'baseline ms':>12} {'ratio':>6}  < 1 s")
    for m in metingen:
        print(
            f"{m.naam:28} {m.mediaan_ms:10.1f} {m.p_max_ms:8.1f} {m.baseline_ms:12.1f} "
            f"{m.ratio:6.1f}  {'yes' if m.binnen_grens else 'NO'}"
        )
    sys.exit(0 if all(m.binnen_grens for m in metingen) else 1)


if __name__ == "__main__":
    main()
