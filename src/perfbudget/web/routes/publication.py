"""A unit's publication on the web: its approved tables of a year in one file, and the public page.

* ``/units/{code}/publication/{fmt}?year=Y`` (signed in, may read the unit): the approved 绩效目标表
  in one Word document, workbook or page — what ``perfbudget publish`` writes.
* A unit without a code is addressed by ``by-name/{name}`` in place of ``{code}`` (replay-j).
* ``/public/units/{code}/{year}`` (no sign-in): the unit's approved tables of the year and, once
  stored, their 自评 results. Off unless the settings turn it on (``WebConfig.public_pages``,
  env ``PERFBUDGET_PUBLIC_PAGES=1``); off, the address does not exist (404). A unit and year with nothing
  published answer one 404 whatever the reason: a stranger learns neither whether the unit has projects that
  year nor how many wait for approval (the signed-in download says why; found by attack15).

Store access goes through :class:`perfbudget.store.api.Store` (one per app, on the app's database).
"""

from __future__ import annotations

import threading

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from perfbudget.app.exports import MEDIA_TYPES
from perfbudget.app.overview import UnitCode, UnitName
from perfbudget.app.publication import (
    PUBLISH_FORMS,
    Publication,
    public_page_of,
    published_evaluations,
    unit_publication,
)
from perfbudget.app.roles import Action, Principal
from perfbudget.plain_numbers import plain_int
from perfbudget.store.api import Store
from perfbudget.web.deps import data_version, page_user
from perfbudget.web.errors import WebError, few_documents_at_once, not_found
from perfbudget.web.filenames import attachment
from perfbudget.web.routes.common import page_router
from perfbudget.web.views import store_of

router = page_router()
NOTHING_PUBLISHED = "该单位该年度没有公开的绩效目标表"


def _store(request: Request) -> Store:
    return store_of(request)


def _publication(request: Request, unit: str | UnitName | UnitCode, year: int | None,
                 principal: Principal) -> Publication:
    found = unit_publication(_store(request), unit, year, principal=principal)
    if isinstance(found, str):
        raise WebError(404, "not_found", found)
    return found


@router.get("/units/by-name/{name:path}/publication/{fmt}")
async def unit_publication_file_by_name(request: Request, name: str, fmt: str, year: int | None = None,
                                        principal: Principal = Depends(page_user)) -> Response:
    """A unit without a code, by its name alone (:func:`perfbudget.app.overview.unit_address`, replay-j)."""
    return await _publication_file(request, UnitName(name), None, fmt, year, principal)


@router.get("/units/by-code/{code:path}/publication/{fmt}")
async def unit_publication_file_by_code(request: Request, code: str, fmt: str, year: int | None = None,
                                        principal: Principal = Depends(page_user)) -> Response:
    """A unit by its code alone, 「/」 and all (:class:`perfbudget.app.overview.UnitCode`, replay-aa)."""
    return await _publication_file(request, UnitCode(code), code, fmt, year, principal)


@router.get("/units/{unit}/publication/{fmt}")
async def unit_publication_file(request: Request, unit: str, fmt: str, year: int | None = None,
                                principal: Principal = Depends(page_user)) -> Response:
    return await _publication_file(request, unit, unit, fmt, year, principal)


async def _publication_file(request: Request, unit: str | UnitName | UnitCode, code: str | None, fmt: str,
                            year: int | None, principal: Principal) -> Response:
    if not principal.can(Action.READ, code):  # as the unit's page and the API: 404 whether the unit exists or not
        raise not_found("该单位")  # (403 「您无权查看该单位的数据」 until attack38, where the API answered 404)
    if fmt not in PUBLISH_FORMS:
        raise WebError(404, "not_found", f"不支持的格式「{fmt}」；可用：{'、'.join(PUBLISH_FORMS)}")

    def build() -> bytes:
        from perfbudget.writers.target_table_export import render

        with few_documents_at_once():
            return render(_publication(request, unit, year, principal).document, fmt)

    data = await run_in_threadpool(build)
    name = f"{unit}-{year or '全部年度'}-绩效目标表.{fmt}"
    return attachment(data, name, MEDIA_TYPES[fmt])


@router.get("/public/units/by-name/{name:path}/{year}")
async def public_unit_page_by_name(request: Request, name: str, year: int, page: str | None = None) -> Response:
    """A unit without a code, by its name alone (:func:`perfbudget.app.overview.unit_address`, replay-j)."""
    return await _public_page(request, UnitName(name), year, page)


@router.get("/public/units/by-code/{code:path}/{year}")
async def public_unit_page_by_code(request: Request, code: str, year: int, page: str | None = None) -> Response:
    """A unit by its code alone, 「/」 and all (:class:`perfbudget.app.overview.UnitCode`, replay-aa)."""
    return await _public_page(request, UnitCode(code), year, page)


@router.get("/public/units/{unit}/{year}")
async def public_unit_page(request: Request, unit: str, year: int, page: str | None = None) -> Response:
    return await _public_page(request, unit, year, page)


# The public page is built at most this many at a time per process, in places of its own (a stranger holding them
# refuses only other strangers' pages not yet kept, never a signed-in user's download).
MOST_PUBLIC_PAGES_AT_ONCE = 1
_public_builds = threading.BoundedSemaphore(MOST_PUBLIC_PAGES_AT_ONCE)
PUBLIC_BUSY = "公开页面正在生成，请稍后再试"
MOST_PUBLIC_PAGE_NUMBER = 1_000_000


async def _public_page(request: Request, unit: str | UnitName | UnitCode, year: int, page_text: str | None) -> Response:
    """The page of a unit and year, kept once built (the process's page cache, under the data version: any change
    of the data builds it again) and built one at a time. Until attack22 every request built it again without
    sign-in, 70–80 ms of CPU for a unit of 100 projects, and any number at once. ``?page=N``: the unit's projects
    :data:`~perfbudget.app.publication.PUBLIC_PAGE_PROJECTS` at a time (one page until attack23, whatever their
    number); no such page answers the same 404 as nothing published."""
    if not getattr(request.app.state.config, "public_pages", False):
        raise WebError(404, "not_found", "页面不存在")
    number = 1 if page_text is None else plain_int(page_text, 1, MOST_PUBLIC_PAGE_NUMBER)
    if number is None:
        raise WebError(404, "not_found", NOTHING_PUBLISHED)
    pages = request.app.state.pages
    key = ("public", type(unit).__name__, str(unit), year, number)  # a unit by code and one by name apart

    def build() -> bytes:
        from perfbudget.writers.unit_page import unit_page_html

        version = data_version(request)
        kept = pages.get(version, key)
        if kept is not None:
            return bytes(kept)
        if not _public_builds.acquire(blocking=False):
            raise WebError(429, "too_many_documents", PUBLIC_BUSY)
        try:
            found = public_page_of(_store(request), unit, year, number)
            if found is None:
                page = b""  # nothing published: the same 404 whatever the reason, kept as well
            else:
                evaluations = published_evaluations(_store(request), found.publication, year)
                page = unit_page_html(found.publication.document, evaluations, year, page=found.page,
                                      pages=found.pages, total=found.total, first=found.first).encode("utf-8")
            pages.put(version, key, page)
            return page
        finally:
            _public_builds.release()

    page = await run_in_threadpool(build)
    if not page:
        raise WebError(404, "not_found", NOTHING_PUBLISHED)
    return HTMLResponse(page)
