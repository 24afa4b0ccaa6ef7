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
    expected = {"亿元局": ("亿元", "1.5", Decimal(15000)), "千元局": ("千元", "3", Decimal("0.3")),
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
        assert board.budget_total == Decimal("15007.8")
        # the lists' sort key (PostgreSQL's sums): the status rows' budget_wan, in 万元 too
        kept = {row.project_id: Decimal(str(row.budget_wan)) for row in tx.connection.execute(project_status.select())}
        assert sorted(kept.values()) == sorted(v[2] for v in expected.values())
        # as the database holds it (SQLAlchemy's Numeric rounds SQLite's floats to 10 places): SQLite's 3 * 0.1 was
        # 0.30000000000000004, sorted after a 0.3 万元 of another table; a division by 10.0 is correctly rounded
        raw = [row[0] for row in tx.connection.exec_driver_sql("SELECT budget_wan FROM project_status")]
        assert sorted(float(v) for v in raw) == [0.3, 0.5, 7.0, 15000.0], raw


def test_the_money_units_are_one_table() -> None:
    # second reading: the factors of 元, 千元, 万元 and 亿元 were written three times (money_text, review.helpers,
    # evaluate.units) and the units a fourth (review.rules_goals); the lists' 万元 multiply by exact factors
    from perfbudget.app.overview import wan
    from perfbudget.evaluate import units
    from perfbudget.money_text import MONEY_UNITS, YUAN_PER_UNIT
    from perfbudget.review import helpers, rules_goals

    assert frozenset(YUAN_PER_UNIT) == MONEY_UNITS
    assert all(units._FACTORS[unit][1] is factor for unit, factor in YUAN_PER_UNIT.items())
    assert not hasattr(helpers, "_MONEY_UNITS") and rules_goals._MONEY_UNITS is MONEY_UNITS
    assert helpers.money_in("亿元", "千元") == Decimal(100_000) and helpers.money_in("元/亩", None) is None
    assert [str(wan(Decimal("1.5"), unit)) for unit in ("元", "千元", "万元", "亿元", None)] == [
        "0.00015", "0.15", "1.5", "15000.0", "1.5"]


def test_migration_1847_makes_its_own_statements_as_status_makes_them_today(db_url: str, tmp_path: Path) -> None:
    # second reading: 1847 called status.drop/pg_create/sqlite_create at run time, so a later change of the triggers
    # would change what it does; its statements are its own now (1847_attack39.json), the same as status's today
    import json

    from alembic import command
    from sqlalchemy import text

    from perfbudget.store import status
    from perfbudget.store.engine import write_transaction
    from perfbudget.store.migrate import MIGRATIONS, alembic_config, head_revision

    frozen = json.loads((MIGRATIONS / "versions" / "1847_attack39.json").read_text(encoding="utf-8"))
    assert frozen == {"sqlite": status.drop("sqlite") + status.sqlite_create(),
                      "postgresql": status.drop("postgresql") + status.pg_create()}
    path = tmp_path / "yi.txt"
    path.write_text(TABLE.format(name="亿元局", unit="亿元", total="1.5"), encoding="utf-8")
    with Store(db_url) as store:
        assert import_file(store, path).new_projects == 1
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "1846_unit_order_by_name")
            connection.execute(text("UPDATE project_status SET budget_wan = 1.5"))  # as the triggers before made it
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), head_revision())
        with store.reading() as tx:
            assert [Decimal(str(row.budget_wan)) for row in tx.connection.execute(project_status.select())] == [
                Decimal(15000)]
            made = [row[0] for row in tx.connection.execute(text(
                "SELECT prosrc FROM pg_proc WHERE proname LIKE 'project_status%' ORDER BY proname"
                if store.engine.dialect.name == "postgresql" else
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'project_status%' ORDER BY name"))]
        wanted = frozen[store.engine.dialect.name]
        assert len(made) == sum(s.startswith(("CREATE TRIGGER", "CREATE OR REPLACE FUNCTION")) for s in wanted) // (
            2 if store.engine.dialect.name == "postgresql" else 1)
        assert all(any(one.strip() in statement for statement in wanted) for one in made), made
