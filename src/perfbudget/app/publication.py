"""A unit's publication: its approved 绩效目标表 of a year as one document, and their 自评 results.

Shared by ``perfbudget publish`` and the web (the unit download and the public page). Projects
come through :class:`perfbudget.store.api.Store`; which are approved, and which version was,
is the review workflow's (:func:`perfbudget.app.workflow.approved_versions`). Each project is
published in the version that was approved, in table order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from perfbudget.app.errors import NotFound
from perfbudget.evaluate.result import Evaluation, evaluation_from_dict
from perfbudget.model import Document

# The forms a unit's publication is offered in, by every face (CLI ``publish``, the unit page, the API): the
# API offered json (the perfbudget/1 document) where the CLI and the page refused it until 2026-12-04.
PUBLISH_FORMS = ("docx", "xlsx", "html", "json")

if TYPE_CHECKING:
    from perfbudget.app.overview import UnitCode, UnitName
    from perfbudget.app.roles import Principal
    from perfbudget.store.api import Store
    from perfbudget.store.queries import StoredVersion


@dataclass(frozen=True, slots=True)
class Publication:
    """What a unit publishes for a year.

    Attributes:
        document: the approved projects (their approved versions) as one document, in seq order.
        versions: seq → the stored version published.
        left_out: how many of the unit's projects (of that year) were not approved.
    """

    document: Document
    versions: dict[int, StoredVersion]
    left_out: int


def _where(unit: object, year: int | None) -> str:
    """「单位 X 2024 年度」, 「单位 X 」: a space before the words that follow either way (「单位 999的项目」 until
    faces45)."""
    return f"单位 {unit} {f'{year} 年度' if year else ''}"


def unit_publication(store: Store, unit: str | UnitName | UnitCode, year: int | None, everything: bool = False,
                     cli: bool = False, principal: Principal | None = None,
                     api: bool = False) -> Publication | str:
    """The approved tables (every latest version with ``everything``) of the unit ``unit`` names — its code, or
    the name of a unit without a code (:func:`perfbudget.app.overview.unit_by_key`; a ``UnitName`` that unit alone,
    ``/units/by-name/…/publication``) — or why there are none;
    ``cli``: the reason also names the CLI's ways on (perfbudget list projects, --all), which the
    pages never show; ``api``: the API's way on instead (``all=true``, since replay-q). ``principal`` (the pages
    and the API): :class:`NotFound` when the unit found is not one the user sees. The faces compared the address
    with the user's unit code only, so a user of unit 「1」 read the publication of a unit without a code named 「1」
    until 2026-12-05 (attack19)."""
    from perfbudget.app.overview import unit_by_key
    from perfbudget.app.workflow import approved_versions
    from perfbudget.store.selection import StoredSelection, combine, group_versions

    with store.reading() as tx:
        found = unit_by_key(tx, unit)  # its code, or the name of a unit without one (leftovers18)
    if principal is not None and found is not None and not principal.sees_unit(found.code):
        raise NotFound("该单位")
    latest = store.latest_versions(unit_id=found.id, year=year) if found is not None else []
    if not latest:
        return f"数据库中没有{_where(unit, year)}的项目" + ("（可用 perfbudget list projects 查看）" if cli else "")
    chosen: list[StoredVersion] = []
    if everything:
        chosen = list(latest)
    else:
        approved = approved_versions(store, [int(v.meta["project_id"]) for v in latest])
        for version in latest:
            project_id = int(version.meta["project_id"])
            if project_id not in approved:
                continue
            number = approved[project_id]
            stored = version if number is None or number == version.meta["version"] else \
                store.project_version(project_id, number)
            chosen.append(stored or version)
    if not chosen:
        return (f"{_where(unit, year)}没有审核通过的项目，未发布（共 {len(latest)} 个项目；审核通过后再发布"
                + ("，或用 --all 发布全部项目的最新版本）" if cli else
                   "，或加 all=true 发布全部项目的最新版本）" if api else "）"))
    groups = group_versions(chosen)
    if len(groups) > 1:
        return f"所选项目的金额单位不同（{len(groups)} 种），一个文件只能用一种金额单位"
    selection = combine(groups[0])
    if not isinstance(selection, StoredSelection):
        return selection
    document = replace(selection.document,
                       projects=tuple(sorted(selection.document.projects, key=lambda p: p.seq)))
    return Publication(document, dict(selection.versions), len(latest) - len(chosen))


# projects on one public page (/public/units/{code}/{year}?page=N): a unit of thousands of approved projects was one
# page until attack23 (its versions read whole and two queries of 自评 records a project, for every stranger's page)
PUBLIC_PAGE_PROJECTS = 50


@dataclass(frozen=True, slots=True)
class PublicPage:
    """One page of a unit's public page: the publication of its projects, which page of how many, and the place of
    its first project among the unit's ``total`` published ones (1-based)."""

    publication: Publication
    page: int
    pages: int
    total: int
    first: int


def public_page_of(store: Store, unit: str | UnitName | UnitCode, year: int, page: int = 1) -> PublicPage | None:
    """The ``page``-th page (1-based, :data:`PUBLIC_PAGE_PROJECTS` projects each) of what the unit ``unit`` names
    publishes for ``year`` — the approved versions, as :func:`unit_publication` gives them — or None when there is no
    such page (no such unit, nothing approved, past the last page, projects in more than one money unit on the page).
    Only the page's versions are read."""
    from perfbudget.app.overview import unit_by_key
    from perfbudget.store.selection import StoredSelection, combine

    with store.reading() as tx:
        found = unit_by_key(tx, unit)
    if found is None or page < 1:
        return None
    ids = store.published_version_ids(found.id, year)
    pages = -(-len(ids) // PUBLIC_PAGE_PROJECTS)
    if page > pages:
        return None
    start = (page - 1) * PUBLIC_PAGE_PROJECTS
    selection = combine(store.versions(ids[start:start + PUBLIC_PAGE_PROJECTS]))
    if not isinstance(selection, StoredSelection):
        return None
    document = replace(selection.document,
                       projects=tuple(sorted(selection.document.projects, key=lambda p: p.seq)))
    return PublicPage(Publication(document, dict(selection.versions), 0), page, pages, len(ids), start + 1)


def published_evaluations(store: Store, publication: Publication, year: int | None) -> list[Evaluation]:
    """The latest stored 自评 (self-evaluation) of each published project version, where there is one,
    in table order; each as its one-project :class:`Evaluation`."""
    results: list[Evaluation] = []
    for seq in sorted(publication.versions):
        meta = publication.versions[seq].meta
        records = store.evaluations(int(meta["project_id"]), kind="self-evaluation", year=year)
        mine = [r for r in records if r.get("version_id") == meta["version_id"]]
        if not mine:
            continue
        record = store.evaluation(int(mine[-1]["id"]))
        if record is None:
            continue
        try:
            results.append(evaluation_from_dict(record["payload"]))
        except (KeyError, ValueError, TypeError):
            continue  # a damaged payload is not published
    return results
