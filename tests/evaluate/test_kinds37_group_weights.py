"""A 自评表 whose 分值 column is written only on each 一级 group's first row (a cell merged over the group's rows, as
units draw it), scored by ``evaluate 表 -a 表`` (kinds37). Read as the rows' own, the rows left empty took points
beyond 100: 分值合计为 110.00 分…请修改分值的指标 named rows that need no change, and a qualitative row without its 分值
could not be graded by its 得分. Where only the groups' reading makes 100 (with the execution's 10), each group's
points are split equally over its rows (the rule's split), a warning says so; any other column is read as before."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.evaluate.test_kinds36_table_edits import _own
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS
from tests.readers.word_tables import word_file


def _grouped(first: str = "40") -> list[list[str]]:
    """The kinds35 自评表 with 产出指标's 分值 (``first``) on its first row only, 效益 40 and 满意度 10 (with the
    execution's 10: 100), its 合计 row."""
    rows = [list(row) for row in INDICATORS]
    rows[0][5], rows[1][5], rows[2][5] = first, "", "40"
    return [*HEAD, COLUMNS, *rows, ["合计", "", "", "", "", "100", "95"]]


WARNING = ("警告：项目「乡村道路养护」的分值只写在各一级指标的第一行"
           "（产出指标 40 分、效益指标 40 分、满意度指标 10 分）：按各一级指标的分值读取，组内各指标平均分配")


def test_group_points_in_tabs(tmp_path: Path) -> None:
    path = tmp_path / "表.txt"
    path.write_text("\n".join("\t".join(row) for row in _grouped()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert result.exit_code == 0, result.stderr
    assert WARNING in result.stderr and "分值合计" not in result.stderr
    assert "总分 96.00" in result.stdout  # 养护里程 19 of 20 (95 of 100 公里), the rest the table's own


def test_group_points_in_a_merged_word_cell(tmp_path: Path) -> None:
    rows = _grouped()
    rows[6][0] = ""  # the 一级 cell merged over its two rows too
    width = max(len(row) for row in rows)
    path = tmp_path / "表.docx"
    path.write_bytes(word_file([row + [""] * (width - len(row)) for row in rows[1:]], paragraphs=[rows[0][0]],
                               merges=[(5, 5, 6, 5), (5, 0, 6, 0)]))
    result = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert result.exit_code == 0 and WARNING in result.stderr, result.stderr


def test_a_column_the_groups_reading_does_not_decide_is_read_as_before(tmp_path: Path) -> None:
    """Guard: 产出指标 30 on its first row (30 + 40 + 10 + 10 = 90, not 100): the rows' reading, its error as before."""
    code, said = _own("evaluate", _grouped("30"), tmp_path)
    assert code == 1 and "分值只写在" not in said and "分值合计为" in said
