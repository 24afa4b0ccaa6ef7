"""Administration: accounts (create, change role/unit/active) and the audit log."""

from __future__ import annotations

from fastapi import Depends, Form, Query, Request
from fastapi.responses import Response

from perfbudget.app.accounts import (
    UNKNOWN_UNIT,
    Account,
    create_user,
    list_users,
    reset_password,
    tokens_shown,
    update_user,
)
from perfbudget.app.audit_log import ACTION_LABELS, action_filter, project_filter
from perfbudget.app.overview import unit_choices
from perfbudget.app.paging import PAGE  # the admin's audit page as the API's (it wrote 100 itself until faces43)
from perfbudget.app.passwords import password_problem
from perfbudget.app.roles import ROLE_LABELS, Action, Principal, parse_role
from perfbudget.web import audit
from perfbudget.web.deps import client_ip, engine_of, page_user
from perfbudget.web.errors import forbidden, not_found
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.views import store_of

router = page_router()


def admin_user(principal: Principal = Depends(page_user)) -> Principal:
    if not principal.may(Action.ADMIN):
        raise forbidden("仅管理员可以访问")
    return principal


def _users_page(request: Request, principal: Principal, typed: dict[str, object] | None = None,
                status_code: int = 200, row: dict[str, object] | None = None) -> Response:
    """The accounts with their units' names, the known unit codes offered as the 单位编码 field's list (until
    webflow23 the 单位 column showed a bare code and a mistyped code was taken silently: its officer saw nothing)."""
    with store_of(request).reading() as tx:
        known = unit_choices(tx, principal)
    return render(request, "admin_users.html", {
        "accounts": list_users(engine_of(request)), "roles": ROLE_LABELS, "typed": typed, "row": row or {},
        "units": known, "unit_names": {u["code"]: u["name"] for u in known}}, status_code=status_code)


@router.get("/admin/users")
def users_page(request: Request, principal: Principal = Depends(admin_user)) -> Response:
    return _users_page(request, principal)


@router.post("/admin/users")
def users_create(request: Request, username: str = Form(...), password: str = Form(...), role: str = Form(...),
                 unit_code: str = Form(""), display_name: str = Form(""), new_unit: str = Form(""),
                 principal: Principal = Depends(admin_user)) -> Response:
    chosen = parse_role(role)
    if chosen is None:
        flash(request, f"未知角色「{role}」", "error")
        return redirect("/admin/users")
    # a code no unit holds is refused unless 新单位 is ticked (app.accounts; a warning after the account was made
    # until replay-x)
    result = create_user(engine_of(request), username.strip(), password, chosen, unit_code.strip() or None,
                         display_name.strip() or None, actor=principal, ip=client_ip(request), new_unit=bool(new_unit))
    if isinstance(result, str):  # refused: the page again with what was typed (the password excepted), 422
        flash(request, result, "error")
        typed: dict[str, object] = {"username": username, "display_name": display_name, "role": chosen.value,
                                    "unit_code": unit_code, "new_unit": bool(new_unit)}
        return _users_page(request, principal, typed, status_code=422)
    flash(request, f"已创建账号 {result.username}。请把用户名和初始密码告诉本人；本人首次登录时，页面会提示其改成"
                   "只有自己知道的密码", "ok")
    return redirect("/admin/users")


@router.post("/admin/users/{user_id}")
def users_update(request: Request, user_id: int, role: str = Form(...), unit_code: str = Form(""),
                 display_name: str = Form(""), active: str = Form(""), password: str = Form(""),
                 new_unit: str = Form(""), principal: Principal = Depends(admin_user)) -> Response:
    chosen = parse_role(role)
    if chosen is None:  # was taken as 查看人员: the account lost its role, sessions and tokens (attack16)
        flash(request, f"未知角色「{role}」", "error")
        return redirect("/admin/users")
    before = next((a for a in list_users(engine_of(request)) if a.id == user_id), None)
    if before is None:
        raise not_found("账号")
    # the new password checked before anything is saved (until webflow24 a refused password came after the role,
    # unit and 启用 were saved: 「密码至少需要 10 个字符」 said of a row half changed)
    bad_password = password_problem(password, before.username) if password else None
    problem = bad_password or update_user(
        engine_of(request), user_id, role=chosen, unit_code=unit_code.strip() or None, active=bool(active),
        display_name=display_name.strip() or None, actor=principal, ip=client_ip(request), new_unit=bool(new_unit))
    if problem is None and password:
        # The account of the URL, never a name sent with the form (the form's hidden name could
        # differ from the row's id: the reset then changed another account's password).
        problem = reset_password(engine_of(request), user_id, password, actor=principal, ip=client_ip(request))
    if problem:  # the page again with the row as typed (the password excepted), the account named (webflow24)
        flash(request, f"账号 {before.username} 未保存：{problem}", "error")
        return _users_page(request, principal, status_code=422, row={
            "id": user_id, "display_name": display_name, "role": chosen.value, "unit_code": unit_code,
            "active": bool(active), "new_unit": bool(new_unit),
            "bad": "password" if bad_password else "unit" if problem.startswith(UNKNOWN_UNIT) else ""})
    flash(request, _saved_message(before, chosen.value, unit_code.strip() or None, bool(active),
                                  display_name.strip() or None, bool(password)), "ok")
    return redirect("/admin/users")


def _unit_moved(before: str | None, after: str | None, role: str) -> str:
    """An account's unit changed, and what becomes of the projects (webflow26: 「单位编码改为 300777」 alone; the
    officer moved found an empty dashboard, and nobody had said that her projects stay with the unit)."""
    said = f"单位编码由 {before} 改为 {after}" if before and after else (
        f"单位编码改为 {after}" if after else "不再属于任何单位")
    scope = {"unit_editor": "只看到并填报", "viewer": "只看到"}.get(role)
    if scope and after:
        said += f"：该账号此后{scope} {after} 的项目"
    if before and scope:
        said += f"；它在 {before} 填报的项目、版本和流程记录都留在 {before}（项目不随账号移动），署名不变"
    return said


def _saved_message(before: Account, role: str, unit_code: str | None, active: bool, display_name: str | None,
                   password: bool) -> str:
    """What a saved row changed, said (until webflow24 「已保存」 whatever it was, or nothing)."""
    changes = []
    if before.active != active:
        changes.append("已启用" if active else "已停用：该账号不能再登录，其登录状态和 API 令牌已失效")
    if before.role.value != role:
        changes.append(f"角色改为{ROLE_LABELS[parse_role(role) or before.role]}")
    if before.unit_code != unit_code:
        changes.append(_unit_moved(before.unit_code, unit_code, role))
    if before.display_name != display_name:
        changes.append(f"显示名称改为「{display_name}」" if display_name else "显示名称已清空")
    if password:
        changes.append("密码已重设：请把新密码告诉本人，本人登录后会被提示改成自己的密码")
    return f"已保存账号 {before.username}：" + "；".join(changes) if changes else f"账号 {before.username} 没有改动"



@router.get("/admin/tokens")
def tokens_page(request: Request, principal: Principal = Depends(admin_user)) -> Response:
    """Every account's API tokens (admins may revoke any)."""
    tokens, unlisted = tokens_shown(engine_of(request), None)
    return render(request, "admin_tokens.html", {"tokens": tokens, "unlisted": unlisted})


@router.get("/admin/audit")
def audit_page(request: Request, page: int = Query(1, ge=1), action: str | None = None,
               user: str | None = None, project: str | None = None,
               principal: Principal = Depends(admin_user)) -> Response:
    # the filters of `perfbudget audit` and GET /api/v1/audit (the page had no project filter until replay-v); a bad
    # one is said above the list and ignored, as the lists do
    code, wrong_action = action_filter(action)
    project_id, wrong_project = project_filter(project)
    entries, total = audit.entries(store_of(request), limit=PAGE, offset=(page - 1) * PAGE,
                                   action=code, username=user or None, project=project_id)
    return render(request, "admin_audit.html", {"entries": entries, "total": total, "page": page,
                                                "pages": max(1, -(-total // PAGE)), "action": code or "",
                                                "filter_user": user or "", "filter_project": project_id or "",
                                                "actions": ACTION_LABELS,
                                                "problems": [p for p in (wrong_action, wrong_project) if p]})


@router.get("/admin/audit/{entry_id}")
def audit_entry_page(request: Request, entry_id: int, principal: Principal = Depends(admin_user)) -> Response:
    """One entry with its values before and after whole, however long (the list leaves long ones out)."""
    entries, total = audit.entries(store_of(request), limit=1, entry_id=entry_id, values_up_to=None)
    if not entries:
        raise not_found("该审计日志条目")
    return render(request, "admin_audit.html", {"entries": entries, "total": total, "page": 1, "pages": 1,
                                                "action": "", "filter_user": "", "filter_project": "",
                                                "actions": ACTION_LABELS})
