from inburgering.shared.persistence.migrations import run_env
from inburgering.subscriptions.adapters.tables import metadata

run_env(metadata)
