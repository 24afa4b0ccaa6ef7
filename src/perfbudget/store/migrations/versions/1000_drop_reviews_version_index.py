"""``ix_reviews_version_id`` dropped: it indexed ``reviews.version_id`` alone, a prefix of
``ix_reviews_version_id_id`` (``version_id, id``, migration 0500), which serves every query the
single-column index served (a version's reviews, its newest review, the foreign key's look-ups when a
version is deleted). Every saved review paid for both (a province's ``review --year --save`` writes
113,640 reviews in one transaction). Migration 0001 created it; the downgrade creates it again.

Revision ID: 1000_drop_reviews_version_index
Revises: 0900_drop_edit_claims
"""

from __future__ import annotations

from alembic import op

revision = "1000_drop_reviews_version_index"
down_revision = "0900_drop_edit_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_reviews_version_id", table_name="reviews")


def downgrade() -> None:
    op.create_index("ix_reviews_version_id", "reviews", ["version_id"])
