from sqlalchemy import MetaData

from inburgering.shared.persistence.migrations import run_env

run_env(MetaData())
