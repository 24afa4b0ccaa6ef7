"""Two indexes for sign-in: ``ix_audit_log_username_action_at`` (``username, action, at``), an account's own sign-ins
and failures found by one look-up instead of every entry of an action since a time; ``ix_web_sessions_expires_at``,
the sessions each sign-in purges.

The sign-in throttle asks whether an address is the account's own (``web.throttle.known_address``: a ``session.login``
of that name from that address in 90 days), when the name's last success was (``_failures``), and the bound on an
account's own sign-ins counts its ``session.login`` entries of the last hour (``app.sign_in_record``). Through
``ix_audit_log_action_at`` each read every sign-in of every account in its span: with 300,000 sign-ins in 90 days,
90 ms of CPU on SQLite for one locked name's attempt (attack28's leftover). With this index each is a range of one
account's entries.

Each sign-in deletes the sessions that ended more than a day ago (``web.sessions.start``), which read every row of
``web_sessions``: an account signing in again and again (a script without a cookie jar, some 20 a second) leaves
500,000 rows in eight hours, and every sign-in of every account then cost 60 ms of CPU inside the database's write
lock (SQLite; attack29). With the index the purge reads only what it deletes.

Revision ID: 1833_audit_user_action_index
Revises: 1832_import_sqlite
"""

from __future__ import annotations

from alembic import op

revision = "1833_audit_user_action_index"
down_revision = "1832_import_sqlite"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_log_username_action_at", "audit_log", ["username", "action", "at"])
    op.create_index("ix_web_sessions_expires_at", "web_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_web_sessions_expires_at", table_name="web_sessions")
    op.drop_index("ix_audit_log_username_action_at", table_name="audit_log")
