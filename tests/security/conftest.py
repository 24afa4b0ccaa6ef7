"""The web fixtures (an app on a fresh SQLite file, or on PostgreSQL, with users of every role) for the attacks on the
server."""

from tests.store.conftest import db_url, store  # noqa: F401  (a store on SQLite, then PostgreSQL: attack25)
from tests.web.conftest import any_web, pg_web, pg_web_template, web, web_template  # noqa: F401
