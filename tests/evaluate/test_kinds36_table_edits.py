"""A unit's own 自评表 and 监控表 as people fill them, scored with their own figures (kinds36).

* A 自评表 row whose 实际完成值 is a word (``已完成`` under ``≥100公里``) is refused at its row, as before — but its
  分值 was dropped with it, so the weights check spread its group's points over the other rows and reported a second,
  wrong error naming rows that need no change (分值合计为 110.00 分 … 请修改分值的指标：「完成时间」…).
* A 监控表 whose 全年预计完成 is ``预计完成`` or ``100%`` (under a target in 人) where 完成目标可能性 is 确定能 — which
  needs no forecast — was refused (全年预计完成情况「预计完成」不是数值); it is monitored now, the forecast kept as
  written and told. Under 有可能 the forecast is needed and must be a figure of the target's unit: still refused."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.readers.test_kinds35_monitoring_edits import INDICATORS as MONITORED
from tests.readers.test_kinds35_monitoring_edits import TITLE
from tests.readers.test_kinds35_monitoring_edits import _rows as monitoring_rows
from tests.readers.test_kinds35_selfeval_edits import INDICATORS, _table


def _first_actual(actual: str, weight: str = INDICATORS[0][5]) -> list[list[str]]:
    """The kinds35 自评表's indicators, the first (养护里程, ≥100公里, 分值 20) with ``actual`` and ``weight``."""
    first = INDICATORS[0]
    return [[*first[:4], actual, weight, *first[6:]], *map(list, INDICATORS[1:])]


def _own(command: str, rows: Sequence[Sequence[str]], tmp_path: Path) -> tuple[int, str]:
    """``perfbudget COMMAND 表 -a 表`` on ``rows`` as pipe rows without their empty cells: (exit code, stderr)."""
    path = tmp_path / "表.txt"
    path.write_text("\n".join(" | ".join(cell for cell in row if cell) for row in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, [command, str(path), "-a", str(path)])
    return result.exit_code, result.stderr


def test_a_refused_actual_keeps_its_rows_points(tmp_path: Path) -> None:
    rows = _table(closing=[["合计", "100", "95"]], indicators=_first_actual("已完成"))
    code, said = _own("evaluate", rows, tmp_path)
    assert code == 1
    errors = [line for line in said.splitlines() if "错误" in line]
    assert len(errors) == 2 and "实际完成值「已完成」不是数值" in errors[0], said  # the 2nd: the count's line
    assert "分值合计" not in said and "请修改分值" not in said


def test_a_weight_error_of_its_own_is_still_told_beside_a_refused_actual(tmp_path: Path) -> None:
    """Guard: a 分值 column that does not add up is told as before, the refused row's points counted as written."""
    code, said = _own("evaluate", _table(indicators=_first_actual("已完成", "30")), tmp_path)
    assert code == 1 and "实际完成值「已完成」不是数值" in said
    assert "产出指标共 50.00 分，分值列已给出 50.00 分" not in said and "分值合计为 110.00 分" in said


def _monitoring(forecasts: Sequence[tuple[str, str]]) -> list[list[str]]:
    """The kinds35 监控表 with a 完成目标可能性 column, each indicator's (全年预计完成, likelihood) as given."""
    header, *indicators = (list(row) for row in MONITORED)
    table = [[*header[:6], "完成目标可能性", *header[6:]]]
    table += [[*row[:5], forecast, likelihood, *row[6:]] for row, (forecast, likelihood) in zip(
        indicators, forecasts, strict=True)]
    return [TITLE, *monitoring_rows(["年初预算数", "1-6月执行数", "1-6月执行率"], ["100", "40", "40%"], table)]


def test_a_forecast_in_words_under_a_sure_likelihood_is_kept(tmp_path: Path) -> None:
    code, said = _own("monitor", _monitoring([("预计完成", "确定能"), ("100%", "确定能")]), tmp_path)
    assert code == 0, said
    assert ("警告：指标「维修工程数」全年预计完成情况「预计完成」不是数值：完成目标可能性为「确定能」，"
            "无需预计数，按所写保留") in said
    assert "指标「受益人口」全年预计完成情况「100%」的单位「%」不能换算为指标值的单位「人」" in said


def test_a_forecast_in_words_is_still_refused_where_it_is_needed(tmp_path: Path) -> None:
    code, said = _own("monitor", _monitoring([("预计完成", "有可能"), ("5200人", "确定能")]), tmp_path)
    assert code == 1 and "错误：全年预计完成情况「预计完成」不是数值" in said


def test_a_likelihood_written_with_its_done_word(tmp_path: Path) -> None:
    """完成目标可能性 ``确定能完成`` / ``有可能实现`` is the closed set's word (it was refused as 无效);
    ``可能完成`` and ``能`` are read since kinds37 (tests/evaluate/test_kinds37_likelihood_words.py); a word of
    no sense of the set (``待定``; ``基本能`` is 有可能 since kinds38) stays refused at its row, not guessed."""
    code, said = _own("monitor", _monitoring([("10处", "确定能完成"), ("5200人", "确定能实现")]), tmp_path)
    assert code == 0 and "无效" not in said, said
    code, said = _own("monitor", _monitoring([("10处", "确定能"), ("4800人", "有可能实现")]), tmp_path)
    assert "无效" not in said and "完成目标可能性为「有可能」，须填写偏差原因" in said  # (无 names no category)
    code, said = _own("monitor", _monitoring([("10处", "待定"), ("5200人", "确定能")]), tmp_path)
    assert code == 1 and "完成目标可能性「待定」无效" in said
