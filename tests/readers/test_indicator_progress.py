"""A 监控表's indicator columns typed (kinds25): each indicator's period actual (a number with its unit where it is one,
text where not), 全年预计完成情况, 完成目标可能性 (the closed set, the table's word kept), 偏差原因 and 纠偏措施 are
``Indicator.progress``, read from the table as units write it (pipe text, Word, xlsx), kept by the JSON interchange,
used by ``monitor`` as the period's record; and every writer's output (xlsx, docx, html, JSON) of a 监控表 or a
自评表 reads back to the same typed values, its funds grid's 执行数/执行率 included. Until kinds25 the columns were
untyped extras, and an exported funds grid came back as unlabelled text, its ``Budget.executed``/``rate`` lost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.interchange import InterchangeError, document_from_dict, document_to_dict, dumps, loads
from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Document, Progress
from tests.readers.test_table_figures import SELF, SELF_TITLE
from tests.readers.word_tables import excel_file, word_file

MONITOR = [
    ["项目名称", "农村饮水工程维修养护", "", "", "", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数", "", "", ""],
    ["", "年度资金总额", "120", "60", "50%", "120", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值", "全年预计完成值", "完成目标可能性",
     "偏差原因", "纠偏措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处", "确定能", "", ""],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "4000人", "不可能", "经费保障：资金未到位",
     "申请追加资金"],
    ["效益指标", "社会效益指标", "水质状况", "有效改善", "正在推进", "达成", "大概率", "", ""],
]
TITLE = ["2024年项目支出绩效运行监控表（截至6月）"]


def _forms(title: list[str], rows: list[list[str]]) -> list[tuple[str, bytes]]:
    text = "\n".join([*title, *(" | ".join(row).rstrip(" |") for row in rows)]) + "\n"
    return [("表.txt", text.encode()), ("表.docx", word_file(rows, title)),
            ("表.xlsx", excel_file([*[[t] for t in title], *rows]))]


def _read(name: str, data: bytes) -> Document:
    result: LoadResult = load_bytes(data, name)
    assert result.ok and result.document is not None, [str(p) for p in result.problems]
    return result.document


@pytest.mark.parametrize(("name", "data"), _forms(TITLE, MONITOR))
def test_a_monitoring_tables_indicator_columns_are_typed(name: str, data: bytes) -> None:
    document = _read(name, data)
    assert document.kind == "monitoring" and document.projects[0].month == 6
    works, people, water = (i.progress for i in document.projects[0].indicators)
    assert works == Progress("4处", Decimal(4), "处", "10处", Decimal(10), "处", "确定能", "确定能")
    # 不可能 is the form's short 完全不可能, the word kept; the reason and the measure as written
    assert people == Progress("2000人", Decimal(2000), "人", "4000人", Decimal(4000), "人", "完全不可能", "不可能",
                              "经费保障：资金未到位", "申请追加资金")
    # text stays text, a word outside the closed set is kept as written and not typed: nothing guessed
    assert water == Progress("正在推进", None, None, "达成", None, None, None, "大概率")
    # the JSON interchange keeps them
    assert document_from_dict(document_to_dict(document)) == document


def test_a_target_table_has_no_progress_and_the_interchange_refuses_what_it_cannot_hold() -> None:
    rows = [["项目名称", "维修"], ["预算数", "17.00"], ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
            ["产出指标", "数量指标", "维修工程数", "≥10处", "完成情况良好"]]
    target = _read("表.docx", word_file(rows, ["2024年项目支出绩效目标表"]))
    assert target.kind == "target" and target.projects[0].indicators[0].progress is None
    document = _read("表.txt", _forms(TITLE, MONITOR)[0][1])
    data = document_to_dict(document)
    progress = data["projects"][0]["indicators"][1]["progress"]
    progress["likelihood"] = "不可能"  # (the table's word goes in likelihood_text)
    with pytest.raises(InterchangeError, match="likelihood"):
        document_from_dict(data)
    progress["likelihood"] = "完全不可能"
    progress["actual_value"] = "2500"  # not the number its text is
    with pytest.raises(InterchangeError, match="actual_value"):
        document_from_dict(data)
    del progress["actual_value"], progress["actual_unit"]  # taken from the text
    assert document_from_dict(data) == document


def _round_trips(document: Document, printed: dict[str, str] | None = None) -> None:
    """``document`` written in every form reads back the same; ``printed``: the extras (by label) that come back as
    their funds column prints them (「0」 as 「0.00」 under 「120.00」, faces-w)."""
    import dataclasses

    from perfbudget.writers.target_table_docx import target_table_docx
    from perfbudget.writers.target_table_html import target_table_html
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    first = document.projects[0]
    extras = tuple((label, (printed or {}).get(label, text)) for label, text in first.extras)
    expected = dataclasses.replace(document, projects=(dataclasses.replace(first, extras=extras),
                                                       *document.projects[1:]))
    for name, data in (("出.xlsx", target_table_xlsx(document)), ("出.docx", target_table_docx(document)),
                       ("出.html", target_table_html(document))):
        again = _read(name, data)
        assert again == expected, name  # the typed progress, budget and extras alike
        assert [i.progress for i in again.projects[0].indicators] == [
            i.progress for i in document.projects[0].indicators]
        assert again.projects[0].budget == document.projects[0].budget, name
    again, problems = loads(dumps(document))
    assert again == document, problems


def test_every_writers_monitoring_table_reads_back_to_the_same_typed_values() -> None:
    document = _read("表.txt", _forms(TITLE, MONITOR)[0][1])
    budget = document.projects[0].budget
    assert (budget.total, budget.executed, budget.rate) == (Decimal(120), Decimal(60), Decimal(50))
    _round_trips(document)


def test_every_writers_self_evaluation_reads_back_with_its_funds_grid_typed() -> None:
    # the 自评表's funds grid: 年初预算数, 全年执行数, 分值, 执行率, 得分 over the adjusted budget; and rows of parts,
    # one of them with a 全年预算数 of its own (kept as an extra: the grid's budget column is drawn as that column)
    rows = [*SELF[:3], ["", "其中：财政资金", "100", "100", "90", "", "", ""], *SELF[3:]]
    carried = [*SELF[:3], ["", "上年结转资金", "0", "5", "0", "", "", ""], *SELF[3:]]
    # (the carried 「5」 under 全年预算数 comes back as its column prints it, beside the budget's 「120.00」: faces-w)
    for document, printed in ((_read("表.txt", _forms(SELF_TITLE, SELF)[0][1]), {}),
                              (_read("表.docx", word_file(rows, SELF_TITLE)), {}),
                              (_read("表.xlsx", excel_file([*[[t] for t in SELF_TITLE], *carried])),
                               {"上年结转资金/全年预算数": "5.00"})):
        budget = document.projects[0].budget
        assert (budget.initial, budget.executed, budget.rate, budget.weight, budget.score) == (
            Decimal(100), Decimal(108), Decimal(90), Decimal(10), Decimal(9))
        _round_trips(document, printed)
