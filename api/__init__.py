"""The zwgk HTTP service (FastAPI): review hook, screening, redaction, ledger, web page.

``create_app()`` builds the application; ``zwgk serve`` runs it with uvicorn. Every route
calls the same per-document functions as the CLI (``pipeline.screen``).
"""

from api.app import create_app

__all__ = ["create_app"]
