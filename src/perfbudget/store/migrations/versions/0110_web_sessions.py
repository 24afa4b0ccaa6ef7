"""Web security: server-side sessions (revocable, idle and absolute expiry), API token expiry,
an index for counting failed sign-ins (models in ``perfbudget/web/tables.py``); project identities
recomputed from canonical names (``perfbudget.names``: invisible characters and width forms do
not make another project). Where two stored projects now share an identity, the later keeps
its old identity (nothing is merged).

Revision ID: 0110
Revises: 0100
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0110"
down_revision = "0100"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_web_sessions_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_web_sessions"),
    )
    op.create_index("ix_web_sessions_user_id", "web_sessions", ["user_id"])
    op.add_column("api_tokens", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_audit_log_action_at", "audit_log", ["action", "at"])
    _canonical_identities()


def _canonical(text: str | None) -> str | None:
    if text is None:
        return None
    folded = unicodedata.normalize("NFKC", text)
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", visible).strip()


def _canonical_identities() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT p.id, p.identity, p.name, p.fund_label, p.fund_year, u.key FROM projects p "
        "JOIN units u ON u.id = p.unit_id ORDER BY p.id")).all()
    taken = {row.identity for row in rows}
    for row in rows:
        text = json.dumps([row.key, row.fund_year, _canonical(row.name), _canonical(row.fund_label)],
                          ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        identity = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if identity == row.identity or identity in taken:
            continue
        connection.execute(sa.text("UPDATE projects SET identity = :new WHERE id = :id"),
                           {"new": identity, "id": row.id})
        taken.discard(row.identity)
        taken.add(identity)


def downgrade() -> None:
    op.drop_index("ix_audit_log_action_at", table_name="audit_log")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("expires_at")
    op.drop_index("ix_web_sessions_user_id", table_name="web_sessions")
    op.drop_table("web_sessions")
