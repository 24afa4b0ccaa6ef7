"""``perfbudget project delete``: an admin deletes a wrongly imported project (:mod:`perfbudget.app.project_delete`),
as the API's ``DELETE /api/v1/projects/{id}`` and the project page's 删除项目."""

from __future__ import annotations

import sys

import typer

from perfbudget.cli.common import app, err, fail
from perfbudget.cli.store_common import (
    DB_HELP,
    PROJECT_HELP,
    actor_option,
    open_store,
    resolve_project,
    user_option,
    writer,
)

project_app = typer.Typer(help="项目（管理员）：删除误导入的项目（未送审、未审核通过的）。", no_args_is_help=True)
app.add_typer(project_app, name="project")


@project_app.command("delete")
def delete_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="不再询问，直接删除。"),
    user: str | None = user_option("删除项目（须为管理员）"),
    actor: str | None = actor_option("操作人"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """（管理员）删除误导入的项目：它的全部版本、审核与自评记录、流程记录一并删除，记入审计日志。
    已送审的项目须先退回；审核通过的项目（含有修订稿待审的）是正式记录，不能删除。"""
    from perfbudget.app.project_delete import DeleteRefused, delete_project

    store = open_store(db)
    try:
        who = writer(store, user, actor)
        project_id = resolve_project(store, project, file_options="--db")
        if not yes:
            with store.reading() as tx:
                head = tx.project_head(project_id)
            assert head is not None
            label = f"（{head['fund_label']}）" if head["fund_label"] else ""
            shown = (f"项目 {project_id}：{head['name']}{label}  {head['unit_code'] or ''}{head['unit_name'] or ''}  "
                     f"共 {head['latest_version']} 个版本")
            if not sys.stdin.isatty():
                fail(f"将删除{shown}，且不能恢复：确认无误请加 --yes")
            if not typer.confirm(f"将删除{shown}，且不能恢复。确认删除？", default=False):
                fail("未删除")
        try:
            outcome = delete_project(store, who.principal, project_id, username=who.actor.username)
        except DeleteRefused as refused:
            fail(str(refused))
        err.print(outcome.message, markup=False)
    finally:
        store.close()
