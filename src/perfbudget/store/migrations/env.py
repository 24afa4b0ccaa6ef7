"""Alembic environment: runs on the connection that ``perfbudget.store.migrate`` passes in."""

from __future__ import annotations

from alembic import context

from perfbudget.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through perfbudget.store.migrate (perfbudget db upgrade)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    # told after each migration (store.migrate.upgrade's steps: perfbudget db upgrade's bar)
    on_version_apply=context.config.attributes.get("on_version_apply"),
)
with context.begin_transaction():
    context.run_migrations()
