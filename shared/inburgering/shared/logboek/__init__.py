"""Logboek Dataverwerkingen: every processing of an inburgeraar's data leaves a logregel (which
trace, which action, which registered processing activity, about whom, with what outcome) without
naming the user; who acted goes to a separate audit log linked by the trace id."""

from inburgering.shared.logboek.model import (
    Logregel,
    Register,
    Status,
    Verwerkingsactiviteit,
)
from inburgering.shared.logboek.tables import auditlog_table, dataverwerkingen_table
from inburgering.shared.logboek.writer import Logboek

__all__ = [
    "Logboek",
    "Logregel",
    "Register",
    "Status",
    "Verwerkingsactiviteit",
    "auditlog_table",
    "dataverwerkingen_table",
]
