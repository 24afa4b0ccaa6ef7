"""Declaring a new project from scratch (申报): header block, indicator tree, checked as typed."""

from __future__ import annotations

from typing import cast

from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.overview import project_id_of, unit_choices, unit_name
from perfbudget.app.roles import Action, Principal
from perfbudget.app.workflow import actor_of
from perfbudget.model import Document, Source, Unit
from perfbudget.web.csrf import read_form
from perfbudget.web.deps import client_ip, page_user
from perfbudget.web.errors import forbidden
from perfbudget.web.forms import (
    FUND_SOURCES,
    ParsedForm,
    TypedRow,
    apply_row_action,
    bad_budget_fields,
    declared_project,
    new_rowid,
    row_action,
    typed_rows,
    typed_rows_with_ids,
)
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.routes.edit import check_fragment, editor_context
from perfbudget.web.views import settings_of, store_of

router = page_router()


def _require_editor(principal: Principal) -> None:
    if not principal.may(Action.EDIT):
        raise forbidden("您的角色不能申报项目")


def _unit_choices(request: Request, principal: Principal) -> list[dict[str, str | None]]:
    with store_of(request).reading() as tx:
        return unit_choices(tx, principal)


def _unit_from_form(principal: Principal, code: str, name: str) -> Unit:
    if not principal.all_units:
        code = principal.unit_code or ""
    return Unit(code=code or None, name=name or None)


def _document(unit: Unit, money_unit: str, parsed: ParsedForm) -> Document | None:
    if parsed.project is None:
        return None
    return Document(unit, money_unit, (parsed.project,), source=Source("网页申报"))


def _page(request: Request, principal: Principal, form: dict[str, str], parsed: ParsedForm | None,
          status: int = 200, posted: FormData | None = None, action: str | None = None) -> Response:
    """The 申报 page: empty, or a refused form drawn again with every row as typed (``posted``; until webflow20
    a row with an error vanished, and every row when the name was missing), or with ``action`` (a row button
    pressed without JavaScript) the form as typed with that change, nothing declared."""
    extra: dict[str, object] = {}
    if action is not None and posted is not None:
        added = new_rowid()
        rows, message, kind = apply_row_action(list(typed_rows_with_ids(posted)), action, "提交申报（保存为草稿）",
                                               added)
        extra, parsed = {"flashes": [[kind, message]], "focus_row": added}, None
    else:
        typed = typed_rows(posted) if posted is not None else []
        rows = ([(new_rowid(), row) for row in typed] if typed
                else [(new_rowid(), cast(TypedRow | None, None)) for _ in range(3)])
    return render(request, "declare.html", {"form": form, "rows": rows, "units": _unit_choices(request, principal),
                                            "fund_sources": FUND_SOURCES, "errors": parsed.errors if parsed else [],
                                            "bad_fields": bad_budget_fields(parsed.errors) if parsed else set(),
                                            **editor_context(), **extra}, status_code=status)


@router.get("/declare")
def declare_page(request: Request, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    return _page(request, principal, {"unit_code": principal.unit_code or "", "money_unit": "万元"}, None)


async def _read(request: Request, principal: Principal) -> tuple[dict[str, str], ParsedForm, Unit, str, FormData]:
    form = await read_form(request)
    fields = {k: str(form.get(k) or "").strip() for k in ("unit_code", "unit_name", "name", "fund_source",
                                                           "fund_year", "budget_total", "budget_fiscal",
                                                           "budget_other", "purpose", "goals", "money_unit")}
    parsed = declared_project(form)
    unit = _unit_from_form(principal, fields["unit_code"], fields["unit_name"])
    money_unit = fields["money_unit"] if fields["money_unit"] in ("万元", "元") else "万元"
    if not unit.code:
        parsed.errors.insert(0, "请填写单位编码")
    elif not principal.can(Action.EDIT, unit.code):
        parsed.errors.insert(0, f"您只能为本单位（{principal.unit_code}）申报项目")
    return fields, parsed, unit, money_unit, form


@router.post("/declare/check")
async def declare_check(request: Request, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    _, parsed, unit, money_unit, _ = await _read(request, principal)
    return check_fragment(request, parsed, _document(unit, money_unit, parsed))


@router.post("/declare")
async def declare(request: Request, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    fields, parsed, unit, money_unit, posted = await _read(request, principal)
    action = row_action(posted)
    if action is not None:  # a row button pressed without JavaScript: the form again with the change
        return _page(request, principal, fields, parsed, posted=posted, action=action)
    document = _document(unit, money_unit, parsed)
    if parsed.errors or document is None:
        return _page(request, principal, fields, parsed, status=422, posted=posted)
    assert parsed.project is not None
    if not unit.name:
        with store_of(request).reading() as tx:
            known = unit_name(tx, unit.code)
        if not known:
            parsed.errors.append("新单位请填写单位名称")
            return _page(request, principal, fields, parsed, status=422, posted=posted)
        unit = Unit(unit.code, known)
        document = Document(unit, money_unit, (parsed.project,), source=Source("网页申报"))
    store = store_of(request)
    with store.reading() as tx:
        existing = project_id_of(tx, unit, parsed.project)
    if existing is not None:
        parsed.errors.append(f"该单位已有同名同资金的项目（编号 {existing}），请在该项目页修改，而不是重新申报")
        return _page(request, principal, fields, parsed, status=409, posted=posted)
    outcome = import_document(store, settings_of(request), document, f"网页申报（{principal.username}）",
                              ImportRequest(actor_of(principal), "declare", review=True, ip=client_ip(request),
                                            principal=principal))
    if outcome.status != "imported":
        parsed.errors.extend(p.message for p in outcome.problems)
        return _page(request, principal, fields, parsed, status=422 if outcome.status == "failed" else 409,
                     posted=posted)
    project_id = outcome.versions[0].project_id
    flash(request, f"已申报项目「{parsed.project.name}」（第 1 版，草稿）。检查无误后请送审。", "ok")
    return redirect(f"/projects/{project_id}")
