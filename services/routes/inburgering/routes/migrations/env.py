from inburgering.routes.adapters.tables import metadata
from inburgering.shared.persistence.migrations import run_env

run_env(metadata)
