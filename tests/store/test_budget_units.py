"""A budget in any money unit the readers read is counted in 万元 by the lists and the dashboards (attack39: only 元
was converted, 1 亿元 listed and summed as 1 万元; on SQLite a whole number of 元 sorted as 0 万元)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfbudget.app.overview import build_dashboard, project_rows
from perfbudget.app.roles import Principal, Role
from perfbudget.store import Store
from perfbudget.store.status import project_status
from tests.store.helpers import import_file

ADMIN = Principal(1, "admin", "admin", Role.ADMIN, None)
TABLE = ("项目支出绩效目标表\n单位名称：{name}\n单位：{unit}\n项目名称\t测试项目\n预算数\t{total}\n"
         "其中：财政资金\t{total}\n其他资金\t\n绩效目标\t完成测试任务\n一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t培训人数\t≥100人\n")


def test_a_budget_in_any_money_unit_is_listed_and_summed_in_wan(store: Store, tmp_path: Path) -> None:
    expected = {"亿元局": ("亿元", "1.5", Decimal(15000)), "千元局": ("千元", "30", Decimal(3)),
                "元局": ("元", "5000", Decimal("0.5")), "万元局": ("万元", "7", Decimal(7))}
    for name, (unit, total, _wan) in expected.items():
        path = tmp_path / f"{unit}.txt"
        path.write_text(TABLE.format(name=name, unit=unit, total=total), encoding="utf-8")
        assert import_file(store, path).new_projects == 1
    with store.reading() as tx:
        rows = project_rows(tx, ADMIN, None)
        assert {r["unit_name"]: r["budget_wan"] for r in rows} == {k: v[2] for k, v in expected.items()}
        board = build_dashboard(tx, ADMIN, None)
        assert {u.name: u.budget for u in board.unit_rows} == {k: v[2] for k, v in expected.items()}
        assert board.budget_total == Decimal("15010.5")
        # the lists' sort key (PostgreSQL's sums): the status rows' budget_wan, in 万元 too
        kept = {row.project_id: Decimal(str(row.budget_wan)) for row in tx.connection.execute(project_status.select())}
        assert sorted(kept.values()) == sorted(v[2] for v in expected.values())
