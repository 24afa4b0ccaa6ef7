"""The web application: FastAPI + Jinja2 pages and an HTTP API, built by :func:`create_app`.

Nothing happens at import time: no engine, no settings. ``perfbudget serve`` (or a test)
builds a :class:`~perfbudget.web.settings.WebConfig` and calls
``perfbudget.web.app.create_app(config)``.
"""
