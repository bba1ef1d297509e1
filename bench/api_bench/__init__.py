"""The request-path bench: the platform's API against a bare FastAPI + asyncpg app (`api.py`)."""
