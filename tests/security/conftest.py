"""The web fixtures (an app on a fresh SQLite file with users of every role) for the attacks on the server."""

from tests.web.conftest import web, web_template  # noqa: F401
