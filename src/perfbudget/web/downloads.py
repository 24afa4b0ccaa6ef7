"""A project's files as downloads, made once a data version for each role and unit scope
(:class:`perfbudget.web.cache.FileCache`): its 绩效目标表 (the page's ``/projects/{id}/download/{fmt}`` and the API's)
and, since attack31, its 自评 and 运行监控 fill-in sheets (``…/evaluate/template.xlsx``, ``…/monitoring/template.xlsx``,
keyed by the month too).

Writing the file costs what its text costs: a unit editor's upload of 990 indicators with texts of 2,000 characters
(8 MB, within every bound) cost 3.4 s of CPU a Word download, 2.3 s an Excel one, and any account that may read the
project could ask again and again, or many times at once (attack29's leftover, measured again by attack30). The same
request under the same data version gives the same bytes (the writers are deterministic: docs/publishing.md), so the
file is made once and kept while the data stays as it is; requests for it made at once wait for the one making it.
Who may read the project is checked before anything is kept or given: the key holds the role and the unit scope, and
the first request of a scope made the file only after :func:`perfbudget.app.project_view.load_view` found the project
(a refusal keeps nothing). A change of any project, account or unit moves the data version and the files are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from fastapi import Request

from perfbudget.app.exports import XLSX, target_table_file
from perfbudget.app.project_view import ProjectView, load_view
from perfbudget.app.roles import Principal
from perfbudget.evaluate.template import template_xlsx
from perfbudget.web.deps import data_version
from perfbudget.web.views import settings_of, store_of


def project_file(request: Request, principal: Principal, project_id: int, version: int | None, what: Hashable,
                 make: Callable[[ProjectView], tuple[bytes, str, str]]) -> tuple[bytes, str, str]:
    """(bytes, media type, file name) that ``make`` writes from the project's version ``version`` (None: the official
    one), made once a data version for each role and unit scope and ``what`` (the file and its options); NotFound as
    :func:`load_view` raises it, before anything is made or kept."""
    scope = "*" if principal.all_units else principal.unit_code

    def made() -> tuple[bytes, str, str]:
        with store_of(request).reading() as tx:  # the files need no review: none is made for a version without one
            view = load_view(tx, principal, project_id, settings_of(request), version, review=False)
        return make(view)

    key = (what, principal.role, scope, project_id, version)
    return request.app.state.files.get_or_compute(data_version(request), key, made)


def target_table_download(request: Request, principal: Principal, project_id: int, fmt: str, version: int | None,
                          original: bool = False) -> tuple[bytes, str, str]:
    """The project's 绩效目标表 in ``fmt`` (one of ``TARGET_FORMATS``: the faces ask first), version ``version``."""
    def make(view: ProjectView) -> tuple[bytes, str, str]:
        document = view.version.document
        content = target_table_file(document, fmt, original=original)
        assert content is not None, fmt
        project = document.projects[0]
        return content[0], content[1], f"{project.name_cell or project.name}-绩效目标表.{fmt}"

    return project_file(request, principal, project_id, version, ("targets", fmt, original), make)


def fill_in_template(request: Request, principal: Principal, project_id: int, month: int | None = None
                     ) -> tuple[bytes, str, str]:
    """The 自评 fill-in sheet of the project's official version (``month`` None), or the 运行监控 one of months
    1–``month`` (the 8 MB project's cost 0.7 s and 1.5 s of CPU each time any reader asked until attack31)."""
    def make(view: ProjectView) -> tuple[bytes, str, str]:
        document = view.version.document
        name = document.projects[0].name
        if month is None:
            return template_xlsx(document), XLSX, f"{name}-自评填报表.xlsx"
        return template_xlsx(document, kind="monitor", month=month), XLSX, f"{name}-运行监控填报表（1-{month}月）.xlsx"

    return project_file(request, principal, project_id, None, ("template", month), make)
