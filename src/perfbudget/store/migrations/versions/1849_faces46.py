"""Documents recorded under the unit that holds them: those a unit merge moved kept the merged unit's code and name,
and those of a unit without a code kept its name from before a rename (faces46), so the unit's projects read back as
two units' to every command working on them as one file (``template --unit`` refused 「所选项目属于 2 个单位」). Each
such document takes its unit's code and name, as ``unit merge`` and ``unit rename`` record them since faces46: a
document whose code is not its unit's, or, in a unit without a code, whose name is not the unit's. A coded unit's
documents with its code keep the names their files gave. The downgrade leaves them (the files' own words are gone,
and the code before reads these columns the same way).

Revision ID: 1849_faces46
Revises: 1847_attack39
"""

from __future__ import annotations

from alembic import op

revision = "1849_faces46"
down_revision = "1847_attack39"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE documents SET"
        " unit_code = (SELECT u.code FROM units u WHERE u.id = documents.unit_id),"
        " unit_name = (SELECT u.name FROM units u WHERE u.id = documents.unit_id)"
        " WHERE EXISTS (SELECT 1 FROM units u WHERE u.id = documents.unit_id AND ("
        "(u.code IS NOT NULL AND (documents.unit_code IS NULL OR documents.unit_code <> u.code))"
        " OR (u.code IS NULL AND (documents.unit_code IS NOT NULL OR documents.unit_name IS NULL"
        " OR documents.unit_name <> u.name))))")


def downgrade() -> None:
    """Nothing: the documents stay under their units (see the module's text)."""
