"""``perfbudget workflow PROJECT ACTION --user ACCOUNT``: a workflow step (送审, 审核通过, 退回, 重新打开, 意见)
from the command line, as a web account, through the same use case as the project page and the API's
``POST /api/v1/projects/{id}/workflow`` (:func:`perfbudget.app.workflow.take_step`): the same role checks, the
same refusal of a 送审 over error-level findings without a justification, the same audit entry and messages.
Until replay-i the command line had no 送审, so a project could not reach 审核通过 from it alone."""

from __future__ import annotations

import typer

from perfbudget.app.validate import MAX_INTEGER  # a PostgreSQL integer: no option overflows a query
from perfbudget.cli.cmd_desk import opened_as, project_named, refusal_about, run_refusable, user_option
from perfbudget.cli.common import app, fail, out, print_json
from perfbudget.cli.store_common import DB_HELP, PROJECT_HELP, core_settings

ACTION_HELP = ("submit（送审）、approve（审核通过）、return（退回，须写意见）、reopen（重新打开以调整预算，"
               "仅管理员，须写意见）或 comment（只添加意见，不改变状态）。")


@app.command("workflow")
def workflow_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    action: str = typer.Argument(..., metavar="操作", help=ACTION_HELP),
    comment: str = typer.Option("", "--comment", help="意见（退回、重新打开、添加意见时必填）。"),
    justification: str = typer.Option("", "--justification",
                                      help="送审说明：最新版本的审核意见中有「错误」时送审须填写（记入流程记录）。"),
    version: int | None = typer.Option(None, "--version", min=1, max=MAX_INTEGER, metavar="版本",
                                       help="审核通过时必填：审核过的版本号（perfbudget desk show 所示）；"
                                            "项目此后有了新版本时拒绝，不审核通过。"),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json",
                                 help="输出 JSON（与 API 的 POST /api/v1/projects/{id}/workflow 相同）。"),
) -> None:
    """流程操作：送审、审核通过、退回、重新打开（预算调整）或添加意见；被拒绝时说明原因，退出码为 1。"""
    from perfbudget.app.overview import project_head
    from perfbudget.app.reviews import current_errors
    from perfbudget.app.workflow import CLI_VERSION, step_dict, take_step

    store, principal, project_id = opened_as(db, project, user)
    settings = core_settings()

    def readable() -> object:  # a project of another unit does not exist for this account, as on the API
        with store.reading() as tx:
            return project_head(tx, principal, project_id)

    run_refusable(store, readable)
    result = take_step(store, principal, project_id, action, comment, justification,
                       review_errors=lambda: current_errors(store, settings, project_id), seen_version=version,
                       version_required=CLI_VERSION)
    if not result.ok:  # a refusal names the project, as a step taken does
        named = project_named(store, principal, project_id)
        store.close()
        fail(refusal_about(named, result.message))
    store.close()
    data = step_dict(result)  # the API's answer
    if as_json:
        print_json(data)
        return
    # the project by its name, as the audit log names it (「项目 10 当前为…」 until replay-p)
    out.print(f"{result.message}；{result.project}当前为「{data['state_label']}」", markup=False)
