"""Where an uploaded 绩效监控表 belongs: the stored projects its projects are, by name (webflow24).

A 监控表 records the mid-year execution of a project whose targets were set at the start of the year: its figures are
kept on that project's 运行监控 page. Uploaded on the 上传 page it would be read as a table of targets to import (and
is often refused for its indicator rows); the preview names the projects of the same name the user may see, each
with its 运行监控 page, so that the file reaches the page that records it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from perfbudget.app.roles import Principal
from perfbudget.model import Document
from perfbudget.store import Store
from perfbudget.store.schema import projects, units

MOST = 5  # projects named per table: one is the rule, a few when a name recurs over years and funds


@dataclass(frozen=True)
class StoredNamesake:
    """A stored project of the name a table of the file gives."""

    id: int
    name: str
    fund_label: str | None
    fund_year: int | None
    unit_name: str | None


@dataclass(frozen=True)
class MonitoringHome:
    """A table of the file (its ``position``, 1-based, and ``name``) and the stored projects it may belong to, the
    ones of its year first."""

    position: int
    name: str
    year: int | None
    found: tuple[StoredNamesake, ...]


def monitoring_homes(store: Store, principal: Principal, document: Document) -> list[MonitoringHome]:
    """For each table of ``document``, the visible stored projects of its name (one query for the file)."""
    names = sorted({p.name for p in document.projects if p.name})
    found: dict[str, list[StoredNamesake]] = {}
    if names:
        stmt = (select(projects.c.id, projects.c.name, projects.c.fund_label, projects.c.fund_year,
                       units.c.name.label("unit_name"))
                .join(units, units.c.id == projects.c.unit_id)
                .where(projects.c.name.in_(names))
                .order_by(projects.c.fund_year.desc(), projects.c.id))
        if not principal.all_units:
            stmt = stmt.where(units.c.code == principal.unit_code)
        with store.reading() as tx:
            for row in tx.connection.execute(stmt.limit(MOST * len(names))):
                found.setdefault(row.name, []).append(StoredNamesake(
                    int(row.id), row.name, row.fund_label, None if row.fund_year is None else int(row.fund_year),
                    row.unit_name))
    homes = []
    for position, project in enumerate(document.projects, 1):
        same = found.get(project.name, [])
        # the table's own year first, where it has one
        same = sorted(same, key=lambda s: s.fund_year != project.fund_year)[:MOST]
        homes.append(MonitoringHome(position, project.name, project.fund_year, tuple(same)))
    return homes
