"""Database engine, unit of work and migrations."""

from inburgering.shared.persistence.database import create_engine, make_metadata, session_factory
from inburgering.shared.persistence.unit_of_work import UnitOfWork

__all__ = ["UnitOfWork", "create_engine", "make_metadata", "session_factory"]
