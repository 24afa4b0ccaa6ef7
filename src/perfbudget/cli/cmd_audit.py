"""``perfbudget audit``: the audit log for an auditor at the command line, as the admin page and
``GET /api/v1/audit`` show it (:func:`perfbudget.app.audit_log.audit_entries`)."""

from __future__ import annotations

import typer

from perfbudget.app.paging import MOST_PAGE, PAGE, too_many
from perfbudget.app.validate import MAX_INTEGER  # a PostgreSQL integer: no option overflows a query
from perfbudget.cli.common import app, err, out, print_json, usage_fail
from perfbudget.cli.store_common import DB_HELP, open_store


@app.command("audit")
def audit_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    action: str | None = typer.Option(
        None, "--action", help="只列该操作：代码或中文名称，如 workflow.approve 或「审核通过」、project.edit、"
                               "document.import、monitoring.save；未知的操作报错。"),
    user: str | None = typer.Option(None, "--user", help="只列该账号的操作（账号名或显示名称）。"),
    project: int | None = typer.Option(None, "--project", min=1,
                                       help="只列该项目编号的记录（含带来其版本的导入、申报）。"),
    limit: int = typer.Option(PAGE, "--limit", min=1, max=MAX_INTEGER,
                              help=f"每页多少条（最新的在前；默认 {PAGE}，至多 {MOST_PAGE}，与 API 的 limit 相同）。"),
    offset: int = typer.Option(0, "--offset", min=0, max=MAX_INTEGER, help="跳过最新的若干条（翻页）。"),
    as_json: bool = typer.Option(False, "--json",
                                 help="在标准输出上输出 JSON（含修改前后的值的 JSON 原样，供程序读取）。"),
) -> None:
    """列出审计日志：谁在何时做了什么（导入、修改指标、送审、审核、自评、运行监控、账号与登录），最新的在前。

    每条记录下列出改了什么：字段的中文名称，修改前 → 修改后（如「流程状态：已送审 → 审核通过」；修改指标时只列改动的
    栏目）。与网页「审计日志」和 API 的 /api/v1/audit 相同；--json 另含修改前后的值的 JSON 原样。
    """
    from perfbudget.app.audit_log import action_filter, audit_entries, audit_item

    refused = too_many(limit, more="更多请用 --offset 翻页")  # the API's largest page (10,000 until faces43)
    if refused is not None:
        usage_fail(refused)
    action, problem = action_filter(action)
    if problem is not None:
        usage_fail(problem.message)
    store = open_store(db)
    try:
        rows, total = audit_entries(store, limit=limit, offset=offset, action=action, username=user,
                                    project=project)
    finally:
        store.close()
    from perfbudget.app.times import shown

    items = [audit_item(r) for r in rows]
    if as_json:
        print_json({"total": total, "limit": limit, "offset": offset, "items": items})
        return
    if not items:
        err.print("没有符合条件的审计记录" if total == 0 else f"共 {total} 条，此页没有记录（--offset 过大）",
                  markup=False)
        return
    for item in items:
        out.print(f"{item['id']:>6}  {shown(item['at'], seconds=True)}  {item['user_label'] or '—'}  "
                  f"{item['action_label']}  {item['object_text']}  {item['summary']}", markup=False, highlight=False)
        for change in changes_of(item):
            out.print(f"        {change}", markup=False, highlight=False)
    listed = f"第 {offset + 1}–{offset + len(items)} 条" if offset or len(items) < total else "全部"
    err.print(f"共 {total} 条审计记录，已列出{listed}（--json 含修改前后的值的 JSON，时间为 UTC，带 +00:00）",
              markup=False)


def changes_of(item: dict[str, object]) -> list[str]:
    """An entry's changes as lines: 「流程状态：已送审 → 审核通过」."""
    from perfbudget.app.audit_changes import Change

    listed = item["changes"]
    assert isinstance(listed, list)
    return [Change(c["field"], c["before"], c["after"]).line() for c in listed]
