"""``ix_audit_log_username_action_at`` (``username, action, at``): an account's own sign-ins and failures found by one
look-up instead of every entry of an action since a time.

The sign-in throttle asks whether an address is the account's own (``web.throttle.known_address``: a ``session.login``
of that name from that address in 90 days), when the name's last success was (``_failures``), and the bound on an
account's own sign-ins counts its ``session.login`` entries of the last hour (``app.sign_in_record``). Through
``ix_audit_log_action_at`` each read every sign-in of every account in its span: with 300,000 sign-ins in 90 days,
90 ms of CPU on SQLite for one locked name's attempt (attack28's leftover). With this index each is a range of one
account's entries.

Revision ID: 1833_audit_user_action_index
Revises: 1831_source_names
"""

from __future__ import annotations

from alembic import op

revision = "1833_audit_user_action_index"
down_revision = "1831_source_names"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_log_username_action_at", "audit_log", ["username", "action", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_username_action_at", table_name="audit_log")
