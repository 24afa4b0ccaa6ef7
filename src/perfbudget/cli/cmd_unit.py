"""``perfbudget unit rename|merge``: an admin's choices about units (:mod:`perfbudget.app.unit_admin`), as the API's
``POST /api/v1/units/{id}/rename`` and ``…/merge``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from perfbudget.cli.common import app
from perfbudget.cli.store_common import DB_HELP, actor_option, run_admin, user_option

if TYPE_CHECKING:
    from perfbudget.steps import Steps

unit_app = typer.Typer(help="单位（管理员）：给单位改名，或把同一单位的两条记录合并（如按名称导入的与有编码的）。",
                       no_args_is_help=True)
app.add_typer(unit_app, name="unit")

_UNIT_HELP = ("单位编码（没有编码的单位：单位名称）；by-id/编号 指该编号的单位，by-name/名称 指没有编码的那个"
              "（perfbudget list units 列出编号）。")


@unit_app.command("rename")
def rename_command(
    unit: str = typer.Argument(..., metavar="单位", help=_UNIT_HELP),
    name: str = typer.Argument(..., metavar="新名称", help="单位的新名称。"),
    user: str | None = user_option("修改单位（须为管理员）"),
    actor: str | None = actor_option("操作人"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """（管理员）给单位改名；与另一个单位同名时拒绝，并提示合并。有编码的单位再导入表格时，名称以表中为准。"""
    from perfbudget.app.unit_admin import rename_unit

    run_admin(db, user, actor, _with_bar(lambda store, who, steps: rename_unit(
        store, who.principal, unit, name, username=who.actor.username, steps=steps)))


@unit_app.command("merge")
def merge_command(
    into: str = typer.Argument(..., metavar="保留的单位", help="保留的单位。" + _UNIT_HELP),
    other: str = typer.Argument(..., metavar="并入的单位", help="并入的单位：它的项目与文件移入保留的单位，它被删除。"),
    user: str | None = user_option("合并单位（须为管理员）"),
    actor: str | None = actor_option("操作人"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """（管理员）把一个单位的全部项目与文件并入另一个单位（如按名称导入的无编码单位并入有编码的同一单位）。
    两个单位有相同的项目（名称、资金年度、资金标签相同），或被并入的单位还有账号时，拒绝合并，不作任何修改。"""
    from perfbudget.app.unit_admin import merge_units

    run_admin(db, user, actor, _with_bar(lambda store, who, steps: merge_units(
        store, who.principal, into, other, username=who.actor.username, steps=steps)))


def _with_bar(work: Callable[[Any, Any, Steps], Any]) -> Callable[[Any, Any], Any]:
    """``run_admin``'s work told on the one bar: a unit of thousands of projects merged, or renamed without a code
    (its projects keyed anew), takes seconds (``unit merge`` had no bar until faces46, ``unit rename`` until its
    second reading)."""
    from perfbudget.cli.progress_bar import steps_bar

    def run(store: Any, who: Any) -> Any:
        with steps_bar() as steps:
            return work(store, who, steps)

    return run
