"""The web app: a JSON API under ``/api/`` and server-rendered pages.

``create_app(database_url, settings)`` builds it; ``tollbook serve`` runs it.
"""

from tollbook.web.app import create_app
from tollbook.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
