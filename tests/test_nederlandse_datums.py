"""A legal date is the Dutch calendar date of a moment, never its UTC date: outside the shared
kalender module no code of a service or of the shared library takes `.date()` of a moment or asks
the machine for `date.today()` (whose zone is the server's, not the Netherlands')."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
KALENDER = Path("shared/inburgering/shared/kalender.py")
SOURCES = [REPOSITORY / "shared" / "inburgering", *(REPOSITORY / "services").glob("*/inburgering")]

# (path, line's code) of a `.date()` that is no legal date, each with its reason. Keep it tiny.
ALLOWED: dict[tuple[str, str], str] = {}


def _calls(tree: ast.AST) -> list[ast.Call]:
    """`x.date()` (a moment's date in its own zone) and `date.today()` / `datetime.today()`."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr in {"date", "today"} and not node.args and not node.keywords:
            found.append(node)
    return found


def _findings() -> list[str]:
    findings = []
    for root in SOURCES:
        for path in sorted(root.rglob("*.py")):
            relative = path.relative_to(REPOSITORY)
            if relative == KALENDER:
                continue
            source = path.read_text()
            for call in _calls(ast.parse(source, str(relative))):
                code = ast.get_source_segment(source, call) or ""
                if (str(relative), code) not in ALLOWED:
                    findings.append(f"{relative}:{call.lineno}: {code}")
    return findings


def test_no_code_takes_the_date_of_a_moment_outside_the_kalender_module() -> None:
    assert SOURCES[1:], "no services found"
    assert _findings() == [], (
        "Use inburgering.shared.kalender.nederlandse_datum(moment): a legal date is the Dutch "
        "calendar date, not the date in UTC or in the server's zone."
    )


def test_every_allowed_exception_still_exists() -> None:
    for path, code in ALLOWED:
        assert code in (REPOSITORY / path).read_text(), f"stale exception: {path}: {code}"


@pytest.mark.parametrize(
    ("code", "flagged"),
    [
        ("moment.date()", True),
        ("datetime.now(UTC).date()", True),
        ("nu.astimezone(UTC).date()", True),
        ("row['registratie_at'].date()", True),
        ("date.today()", True),
        ("datetime.today()", True),
        ("nederlandse_datum(moment)", False),
        ("date(2026, 11, 2)", False),
        ("datetime.date(2026, 11, 2)", False),
        ("date.fromisoformat('2026-11-02')", False),
        ("moment.time()", False),
    ],
)
def test_the_scan_recognises_a_date_taken_from_a_moment(code: str, flagged: bool) -> None:
    assert bool(_calls(ast.parse(code))) is flagged
