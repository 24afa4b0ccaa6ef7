"""Bulk import (issue 17 point 1): ``perfbudget_bigrams`` in PL/pgSQL, several times cheaper per call.

The function is computed for every indicator and project written (the bigram GIN indexes), so its cost
is paid on every import on PostgreSQL. The new definition gives the same grams (as a set: see ``PLPGSQL``
below), so the indexes built with the old one stay valid and are not rebuilt.
Nothing changes on SQLite.

Revision ID: 0700_bigrams_plpgsql
Revises: 0600_project_status
"""

from __future__ import annotations

from importlib import import_module

from alembic import op

revision = "0700_bigrams_plpgsql"
down_revision = "0600_project_status"
branch_labels = None
depends_on = None


# The definitions this migration makes and restores, written here (it read ``store.search`` until faces43).
# ``perfbudget_bigrams`` in PL/pgSQL: the same grams without a query per call (the SQL version, 0500's, runs two
# generate_series, a UNION and a sorting DISTINCT for every row written). The array holds each character, then each
# bigram, in text order, repeats included: not sorted, not distinct. Nothing reads it as an ordered list: a GIN index
# keeps each distinct element once, ``@>`` is set containment, and ANALYZE counts an element once per row — so its
# index keys, the searches' answers and the planner's statistics are those of the SQL version, and the indexes need
# no rebuild.
PLPGSQL = (
    "CREATE OR REPLACE FUNCTION perfbudget_bigrams(value text) RETURNS text[] "
    "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$ "
    "DECLARE chars text[] := string_to_array(lower(value), NULL); grams text[] := chars; "
    "BEGIN FOR i IN 2 .. cardinality(chars) LOOP grams := grams || (chars[i - 1] || chars[i]); END LOOP; "
    "RETURN grams; END $$")
# 0500's SQL definition, which the downgrade restores (read from that migration, which holds it and never changes)
SQL = import_module("perfbudget.store.migrations.versions.0500_scale_indexes").PG_FUNCTIONS[1]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PLPGSQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(SQL)
