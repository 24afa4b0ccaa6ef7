"""One row per project with what the lists, to-do counts and dashboards filter, sort and count by.

A project's list row needs its official version (the approved one while a revision waits, else the
latest), that version's newest review and self-evaluation, whether it has a monitoring record, its
workflow state and when it was last submitted. Found with joins and correlated ``max(id)`` look-ups
that is one index probe per project and several per list: at 100,000 projects on PostgreSQL a grade
filter or sort took 0.3–0.5 s and the dashboard's counts 3.5 s. ``project_status`` keeps those values
per project, so a filter or a count is an index range of one table.

The rows are kept by **database triggers** (both SQLite and PostgreSQL), so every write keeps them —
the store's imports and reviews, the web's workflow, a bulk COPY, even a hand-made SQL fix (SQLite:
per row; PostgreSQL: per statement through its transition tables, so a COPY of 100,000 reviews is one
update, except an ``UPDATE OF`` columns of ``projects``, per row):

* a change to a project, its versions, its workflow state or its workflow events, or a deleted review
  or evaluation, recomputes that project's row (:data:`RECOMPUTE`: the same joins as before, for one
  project);
* a new review or evaluation only updates the row whose official version it belongs to (ids only
  grow, so the new one is the newest).

``reviewer_grade`` is the reviewer's own grade of the official version (``reviewer_grades``, the newest), ``grade`` the
official grade: the reviewer's where one is set, else the machine's ``review_grade`` — what the lists filter and sort
by and the dashboards count (migration 1400_leftovers17; until then they all took the machine's, and only the
project page and the 审核意见书 showed the reviewer's). A reviewer's grade kept or deleted moves the row like a review.

``budget_wan`` is the budget in 万元 as a number of the database: the lists' sort key (they show the
stored text of the budget, never this value), and on PostgreSQL, where ``numeric`` without a scale
is exact (a budget in 元 divided by 10,000 always terminates), what the dashboards sum per unit. SQLite
keeps it as a floating-point number: there the dashboards sum the stored texts exactly instead. A budget in 千元 or
亿元 is converted too (migration 1847_attack39; until then only 元 was, and 1 亿元 counted as 1 万元), and the
division by a decimal literal keeps SQLite's integers from dividing to 0 (5000 元 was 0 万元 there), correctly rounded
(a multiplication by 0.1, inexact in floating point, made 30 千元 3.0000000000000004 万元).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from perfbudget.store.schema import Base

_DRAFT = "draft"  # perfbudget.app.workflow.DRAFT (the store does not import the use-case layer)


class ProjectStatusRow(Base):
    """What a project's list row is filtered, sorted and counted by (kept by triggers, see the module)."""

    __tablename__ = "project_status"
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer)
    fund_year: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    version_id: Mapped[int | None] = mapped_column(Integer)  # the official version
    budget_wan: Mapped[float | None] = mapped_column(Numeric())  # sort key; PostgreSQL: exact, summed by dashboards
    review_id: Mapped[int | None] = mapped_column(Integer)
    review_grade: Mapped[str | None] = mapped_column(String(8))
    review_errors: Mapped[int | None] = mapped_column(Integer)
    review_summary: Mapped[str | None] = mapped_column(Text)  # the review's findings in brief (review_summary.py)
    evaluation_id: Mapped[int | None] = mapped_column(Integer)  # the newest self-evaluation
    evaluation_grade: Mapped[str | None] = mapped_column(String(8))
    monitored: Mapped[bool] = mapped_column(Boolean)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewer_grade: Mapped[str | None] = mapped_column(String(8))  # the reviewer's own grade of the official version
    grade: Mapped[str | None] = mapped_column(String(8))  # the official grade: the reviewer's, else the machine's

    __table_args__ = (Index("ix_project_status_year_unit", "fund_year", "unit_id"),
                      Index("ix_project_status_year_state", "fund_year", "state"),
                      Index("ix_project_status_year_egrade", "fund_year", "evaluation_grade"),
                      Index("ix_project_status_version_id", "version_id"),
                      Index("ix_project_status_year_ograde", "fund_year", "grade"))


project_status = Base.metadata.tables["project_status"]

_COLUMNS = ("project_id, unit_id, fund_year, state, version_id, budget_wan, review_id, review_grade, review_errors, "
            "review_summary, evaluation_id, evaluation_grade, monitored, submitted_at, reviewer_grade, grade")

# The row of the projects matching {where}: the joins the lists used to make for every project.
_SELECT = (
    "SELECT p.id, p.unit_id, p.fund_year, COALESCE(ws.state, '" + _DRAFT + "'), v.id, "
    "CASE d.money_unit WHEN '元' THEN {budget} / 10000.0 WHEN '千元' THEN {budget} / 10.0 "
    "WHEN '亿元' THEN {budget} * 10000 ELSE {budget} END, "
    "r.id, r.grade, r.errors, r.summary, e.id, e.grade, "
    "EXISTS (SELECT 1 FROM evaluations m WHERE m.version_id = v.id AND m.kind = 'monitoring'), "
    "(SELECT max(w.at) FROM workflow_events w WHERE w.project_id = p.id AND w.to_state = 'submitted'), "
    "g.grade, COALESCE(g.grade, r.grade) "
    "FROM projects p "
    "LEFT JOIN workflow_states ws ON ws.project_id = p.id "
    "LEFT JOIN project_versions v "
    "ON v.project_id = p.id AND v.number = COALESCE(ws.approved_version, p.latest_version) "
    "LEFT JOIN documents d ON d.id = v.document_id "
    "LEFT JOIN reviews r ON r.id = (SELECT max(x.id) FROM reviews x WHERE x.version_id = v.id) "
    "LEFT JOIN evaluations e ON e.id = (SELECT max(y.id) FROM evaluations y "
    "WHERE y.version_id = v.id AND y.kind = 'self-evaluation') "
    "LEFT JOIN reviewer_grades g ON g.id = (SELECT max(z.id) FROM reviewer_grades z WHERE z.version_id = v.id) "
    "WHERE {where}"
)
# The budget as a number. PostgreSQL refuses to cast a text that is not one (and a trigger's error
# would refuse the write): only a decimal text is cast there. SQLite's CAST never fails.
_BUDGET = {"sqlite": "CAST(v.budget_total AS NUMERIC)",
           "postgresql": "(CASE WHEN v.budget_total ~ '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$' "
                         "THEN CAST(v.budget_total AS NUMERIC) END)"}


def _select(dialect: str, where: str) -> str:
    return _SELECT.format(budget=_BUDGET[dialect], where=where)


_UPDATE_ALL = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS.split(", ")[1:])


def _recompute_sqlite(project: str) -> str:
    return f"INSERT OR REPLACE INTO project_status ({_COLUMNS}) " + _select("sqlite", f"p.id = {project}") + ";"


def _recompute_pg(project: str) -> str:
    return (f"INSERT INTO project_status ({_COLUMNS}) " + _select("postgresql", f"p.id = {project}")
            + f" ON CONFLICT (project_id) DO UPDATE SET {_UPDATE_ALL};")


# A new project has no row until its first version is stored (a project is always stored with one).
_RECOMPUTED_ON = {  # table: (events, the project id of the changed row, as an expression of NEW or OLD)
    "projects": (("UPDATE OF unit_id, fund_year, latest_version",), "{row}.id"),
    "project_versions": (("INSERT", "UPDATE", "DELETE"), "{row}.project_id"),
    "workflow_states": (("INSERT", "UPDATE", "DELETE"), "{row}.project_id"),
    "workflow_events": (("INSERT", "DELETE"), "{row}.project_id"),
    "reviews": (("DELETE",), "(SELECT project_id FROM project_versions WHERE id = {row}.version_id)"),
    "evaluations": (("DELETE",), "(SELECT project_id FROM project_versions WHERE id = {row}.version_id)"),
    "reviewer_grades": (("DELETE",), "{row}.project_id"),
}
# A new review or evaluation of a project's official version: the row takes it (ids only grow).
_REVIEW_INSERTED = ("UPDATE project_status SET review_id = NEW.id, review_grade = NEW.grade, "
                    "review_errors = NEW.errors, review_summary = NEW.summary, "
                    "grade = COALESCE(reviewer_grade, NEW.grade) WHERE version_id = NEW.version_id;")
# A reviewer's grade of a project's official version: the row takes it, as its official grade too.
_REVIEWER_GRADE_INSERTED = ("UPDATE project_status SET reviewer_grade = NEW.grade, grade = NEW.grade "
                            "WHERE version_id = NEW.version_id;")
_EVALUATION_INSERTED = ("UPDATE project_status SET evaluation_id = NEW.id, evaluation_grade = NEW.grade "
                        "WHERE version_id = NEW.version_id AND NEW.kind = 'self-evaluation';"
                        "UPDATE project_status SET monitored = TRUE "
                        "WHERE version_id = NEW.version_id AND NEW.kind = 'monitoring';")


def _triggers() -> list[tuple[str, str, str, str]]:
    """(name, table, event, what it does with NEW/OLD as ``{row}``) of every trigger."""
    out = []
    for table, (events, project) in _RECOMPUTED_ON.items():
        for event in events:
            row = "OLD" if event == "DELETE" else "NEW"
            out.append((f"project_status_{table}_{event.split()[0].lower()}", table, event,
                        "RECOMPUTE:" + project.format(row=row)))
    out.append(("project_status_reviews_insert", "reviews", "INSERT", _REVIEW_INSERTED))
    out.append(("project_status_evaluations_insert", "evaluations", "INSERT", _EVALUATION_INSERTED))
    out.append(("project_status_reviewer_grades_insert", "reviewer_grades", "INSERT", _REVIEWER_GRADE_INSERTED))
    return out


def _body(action: str, recompute: object) -> str:
    if action.startswith("RECOMPUTE:"):
        return recompute(action.removeprefix("RECOMPUTE:"))  # type: ignore[operator]
    return action


def sqlite_create() -> list[str]:
    """The triggers, then every project's row."""
    out = [f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN {_body(action, _recompute_sqlite)} END"
           for name, table, event, action in _triggers()]
    return [*out, rebuild_statement("sqlite")]


# PostgreSQL: a trigger per statement where it can be (one statement for all the rows a COPY or an
# executemany wrote, through the statement's transition tables); per row only for an UPDATE OF columns
# (transition tables cannot go with a column list).
_PG_PROJECTS_OF = {  # table: the projects of the changed rows ({rows}: a transition table)
    "project_versions": "SELECT project_id FROM {rows}",
    "workflow_states": "SELECT project_id FROM {rows}",
    "workflow_events": "SELECT project_id FROM {rows}",
    "reviews": "SELECT v.project_id FROM {rows} t JOIN project_versions v ON v.id = t.version_id",
    "evaluations": "SELECT v.project_id FROM {rows} t JOIN project_versions v ON v.id = t.version_id",
    "reviewer_grades": "SELECT project_id FROM {rows}",
}
_PG_REVIEWS_INSERTED = (
    "UPDATE project_status s SET review_id = n.id, review_grade = n.grade, review_errors = n.errors, "
    "review_summary = n.summary, grade = COALESCE(s.reviewer_grade, n.grade) "
    "FROM (SELECT DISTINCT ON (version_id) id, version_id, grade, errors, summary "
    "FROM new_rows ORDER BY version_id, id DESC) n WHERE s.version_id = n.version_id;")
_PG_EVALUATIONS_INSERTED = (
    "UPDATE project_status s SET evaluation_id = n.id, evaluation_grade = n.grade FROM (SELECT DISTINCT ON "
    "(version_id) id, version_id, grade FROM new_rows WHERE kind = 'self-evaluation' ORDER BY version_id, id DESC) n "
    "WHERE s.version_id = n.version_id;"
    "UPDATE project_status SET monitored = TRUE "
    "WHERE version_id IN (SELECT version_id FROM new_rows WHERE kind = 'monitoring');")
_PG_REVIEWER_GRADES_INSERTED = (
    "UPDATE project_status s SET reviewer_grade = n.grade, grade = n.grade FROM (SELECT DISTINCT ON (version_id) "
    "version_id, grade FROM new_rows ORDER BY version_id, id DESC) n WHERE s.version_id = n.version_id;")


def _pg_statement_trigger(table: str, event: str) -> tuple[str, str]:
    """(the function's body, the REFERENCING clause) of a per-statement trigger."""
    if table == "reviews" and event == "INSERT":
        return _PG_REVIEWS_INSERTED, "REFERENCING NEW TABLE AS new_rows"
    if table == "evaluations" and event == "INSERT":
        return _PG_EVALUATIONS_INSERTED, "REFERENCING NEW TABLE AS new_rows"
    if table == "reviewer_grades" and event == "INSERT":
        return _PG_REVIEWER_GRADES_INSERTED, "REFERENCING NEW TABLE AS new_rows"
    projects_of = _PG_PROJECTS_OF[table]
    if event == "INSERT":
        chosen, referencing = projects_of.format(rows="new_rows"), "REFERENCING NEW TABLE AS new_rows"
    elif event == "DELETE":
        chosen, referencing = projects_of.format(rows="old_rows"), "REFERENCING OLD TABLE AS old_rows"
    else:
        chosen = projects_of.format(rows="new_rows") + " UNION " + projects_of.format(rows="old_rows")
        referencing = "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
    return (f"INSERT INTO project_status ({_COLUMNS}) " + _select("postgresql", f"p.id IN ({chosen})")
            + f" ON CONFLICT (project_id) DO UPDATE SET {_UPDATE_ALL};"), referencing


def pg_create() -> list[str]:
    """A trigger function per trigger (PL/pgSQL), the triggers, then every project's row."""
    out = []
    for name, table, event, action in _triggers():
        if event.startswith("UPDATE OF"):
            body, level, referencing = _body(action, _recompute_pg), "ROW", ""
        else:
            body, referencing = _pg_statement_trigger(table, event)
            level = "STATEMENT"
        out.append(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   f"{body} RETURN NULL; END $$")
        out.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} {referencing} FOR EACH {level} "
                   f"EXECUTE FUNCTION {name}()")
    return [*out, rebuild_statement("postgresql")]


def drop(dialect: str) -> list[str]:
    out = []
    for name, table, _event, _action in _triggers():
        out.append(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if dialect == "postgresql" else ""))
        if dialect == "postgresql":
            out.append(f"DROP FUNCTION IF EXISTS {name}()")
    return out


def rebuild_statement(dialect: str) -> str:
    """Every project's row computed afresh (after the table was created, or to repair it)."""
    insert = f"INSERT INTO project_status ({_COLUMNS}) " + _select(dialect, "TRUE")
    if dialect == "postgresql":
        return insert + f" ON CONFLICT (project_id) DO UPDATE SET {_UPDATE_ALL}"
    return "INSERT OR REPLACE" + insert.removeprefix("INSERT")


def expected_rows_statement(dialect: str) -> str:
    """The rows as they should be, computed from the tables (for checks and tests)."""
    return _select(dialect, "TRUE")
