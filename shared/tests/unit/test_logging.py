import json
import logging
from collections.abc import Iterator

import pytest
import structlog

from inburgering.shared import tracing
from inburgering.shared.logging import configure_logging, mask_bsn


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """configure_logging changes process-wide state; later tests must not write to our capture."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    structlog.reset_defaults()
    root.handlers[:] = handlers
    root.setLevel(level)


def _configure() -> None:
    # Inside the test body: pytest swaps the captured stderr between setup and call.
    configure_logging(json=True)


def test_nine_digit_numbers_are_masked_in_text():
    assert mask_bsn("bsn 123456782 en 987654321") == "bsn ********* en *********"


def test_longer_and_shorter_numbers_are_kept():
    assert mask_bsn("iban 0123456789, kvk 12345678") == "iban 0123456789, kvk 12345678"


def test_structlog_masks_bsn_in_the_message_and_in_fields(capsys: pytest.CaptureFixture[str]):
    _configure()
    structlog.get_logger("proef").warning(
        "aanmelding 123456782 ontvangen", bsn=123456782, notitie="burger 987654321", aantal=3
    )

    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["event"] == "aanmelding ********* ontvangen"
    assert line["bsn"] == "*********"
    assert line["notitie"] == "burger *********"
    assert line["aantal"] == 3
    assert "123456782" not in json.dumps(line)


def test_structlog_masks_bsn_in_exception_text(capsys: pytest.CaptureFixture[str]):
    _configure()
    try:
        raise ValueError("onbekend bsn 123456782")
    except ValueError:
        structlog.get_logger("proef").exception("mislukt")

    assert "123456782" not in capsys.readouterr().err


def test_structlog_adds_the_current_trace_id(capsys: pytest.CaptureFixture[str]):
    _configure()
    token = tracing.current_traceparent.set(
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    )
    try:
        structlog.get_logger("proef").warning("iets")
    finally:
        tracing.current_traceparent.reset(token)

    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["trace_id"] == "0af7651916cd43dd8448eb211c80319c"


def test_stdlib_log_records_are_masked(capsys: pytest.CaptureFixture[str]):
    _configure()
    logging.getLogger("een.bibliotheek").warning("sleutel %s voor %s", "123456782", "x")

    err = capsys.readouterr().err
    assert "sleutel ********* voor x" in err
    assert "123456782" not in err


def test_stdlib_tracebacks_are_masked(capsys: pytest.CaptureFixture[str]):
    _configure()
    try:
        raise RuntimeError("[parameters: ('123456782', 'GM0363')]")
    except RuntimeError:
        logging.getLogger("een.bibliotheek").exception("insert mislukt")

    err = capsys.readouterr().err
    assert "insert mislukt" in err
    assert "RuntimeError: [parameters: ('*********', 'GM0363')]" in err
    assert "123456782" not in err
