"""The store: SQLAlchemy 2 + Alembic; SQLite by default, PostgreSQL by URL.

``Store(url)`` opens (and on first use migrates) a database; see docs/store.md.
Importing this package loads SQLAlchemy: import it inside commands, not at module level.
"""

from perfbudget.store.api import Store
from perfbudget.store.engine import UnsupportedDatabase, parsed_url
from perfbudget.store.importer import ImportOutcome
from perfbudget.store.migrate import SchemaOutdatedError
from perfbudget.store.queries import Filters, StoredVersion

__all__ = ["Filters", "ImportOutcome", "SchemaOutdatedError", "Store", "StoredVersion", "UnsupportedDatabase",
           "parsed_url"]
