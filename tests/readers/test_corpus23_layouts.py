"""Parts of the central transfer self-evaluation (转移支付项目绩效目标自评表, the 2023 form) the corpus23 round found
read as unlabelled texts (FAILURES.md section AN: ``159`` Huoshan, ``41`` Tianjia'an), each stated on a tiny inline
document: the shape, not a sample.

- a source of funds the reader does not know among the funds grid's rows (``彩票公益金用于医疗救助 | 0 | 0 | 100%``):
  its amounts were unlabelled texts, the row's label another;
- the 资金管理情况 | 情况说明 | 存在问题和改进措施 block between the funds and the goals: every aspect and text an
  unlabelled text, nothing saying which text answers which aspect.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors
from tests.readers.word_tables import excel_file, word_file

_ROWS = [
    ["转移支付(项目)名称", "医疗救助补助资金"],
    ["地方主管部门", "某县医疗保障局"],
    ["资金投入情况(万元)", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)"],
    ["年度资金总额:", "300万", "270万", "90%"],
    ["其中:中央财政资金", "100万", "90万", "90%"],
    ["彩票公益金用于医疗救助", "20", "18", "90%"],
    ["地方资金", "180万", "162万", "90%"],
    ["资金管理情况", "情况说明", "存在问题和改进措施"],
    ["分配科学性", "资金分配科学", "暂无"],
    ["下达及时性", "", "下达偏晚"],
    ["总体目标完成情况", "总体目标", "全年实际完成情况"],
    ["保障困难群众就医", "惠及1万人次"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
    ["", "产出指标", "数量指标", "享受医疗救助人次", "≥5000人次", "6000", ""],
    ["", "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "95%", ""],
]
_SOURCE = [("彩票公益金用于医疗救助/全年预算数", "20"), ("彩票公益金用于医疗救助/全年执行数", "18"),
           ("彩票公益金用于医疗救助/预算执行率", "90%")]
_MANAGEMENT = [("资金管理情况/分配科学性/情况说明", "资金分配科学"),
               ("资金管理情况/分配科学性/存在问题和改进措施", "暂无")]


def _extras(document: Document) -> list[tuple[str, str]]:
    return [(label, value.strip()) for p in document.projects for label, value in p.extras]


def _read(document: Document | None, problems: object) -> Document:
    assert document is not None and not _errors(problems), _errors(problems)  # type: ignore[arg-type]
    project = document.projects[0]
    assert project.name == "医疗救助补助资金" and str(project.budget.total) == "300"
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("享受医疗救助人次", "≥5000人次"),
                                                                       ("救助对象满意度", "≥90%")]
    assert project.goals and project.goals[0] == "保障困难群众就医"
    return document


def test_a_source_of_funds_the_reader_does_not_know_keeps_its_amounts_under_its_label() -> None:
    # main: `彩票公益金用于医疗救助`, 20, 18, 90% four unlabelled texts, the grid's later row 地方资金 labelled again
    text = "".join(" | ".join(row) + "\n" for row in _ROWS)
    document = _read(*read_text(text, "t.txt"))
    extras = _extras(document)
    assert all(pair in extras for pair in _SOURCE), extras
    assert ("地方资金/全年预算数", "180万") in extras
    assert str(document.projects[0].budget.total) == "300"  # the unknown source is never the budget


def test_a_row_after_the_funds_grid_that_is_not_all_amounts_is_no_source_of_funds() -> None:
    # right after the grid's rows, a label and one figure (自评得分 | 86.45), a text among the figures or a row of
    # scores (执行率得分 | 10 | 9.8) stays as it was: unlabelled texts — but 自评得分 is a label since kinds24, the
    # table's own total (Project.table_total)
    for row in (["自评得分", "86.45"], ["备注说明", "20", "资金已拨付"], ["执行率得分", "10", "9.8"]):
        rows = [*_ROWS[:5], row, *_ROWS[10:]]
        document = _read(*read_text("".join(" | ".join(cells) + "\n" for cells in rows), "t.txt"))
        extras = _extras(document)
        if row[0] == "自评得分":
            assert ("自评得分", "86.45") in extras and document.projects[0].table_total == Decimal("86.45"), extras
        else:
            assert ("", row[0]) in extras and ("", row[1]) in extras, extras
        assert not any(label.startswith(f"{row[0]}/") for label, _ in extras), extras


def test_the_fund_management_block_keeps_each_text_under_its_aspect_and_column() -> None:
    # main: 资金管理情况, 情况说明, 存在问题和改进措施, 分配科学性, 资金分配科学, 暂无 … each an unlabelled text
    text = "".join(" | ".join(row) + "\n" for row in _ROWS)
    document = _read(*read_text(text, "t.txt"))
    extras = _extras(document)
    assert all(pair in extras for pair in _MANAGEMENT), extras
    assert ("资金管理情况/下达及时性/存在问题和改进措施", "下达偏晚") in extras  # the empty cell kept
    # a web copy that drops the row's empty cell: its one text taken in order, under 情况说明
    text = text.replace("下达及时性 |  | 下达偏晚", "下达及时性 | 下达偏晚")
    extras = _extras(_read(*read_text(text, "t.txt")))
    assert ("资金管理情况/下达及时性/情况说明", "下达偏晚") in extras
    assert not any(label.startswith("资金管理情况/总体目标完成情况") for label, _ in extras), extras
    # an aspect with nothing written under it is kept under the block (main: an unlabelled text)
    text = text.replace("下达及时性 | 下达偏晚", "下达及时性 |  | ")
    assert ("资金管理情况", "下达及时性") in _extras(_read(*read_text(text, "t.txt")))


def test_the_fund_management_block_in_word_keeps_an_empty_cell_and_its_columns() -> None:
    width = 7
    rows = [[*row, *[""] * (width - len(row))] for row in _ROWS]
    document = _read(*(lambda loaded: (loaded.document, loaded.problems))(
        load_bytes(word_file(rows, ["医疗救助补助资金转移支付项目绩效目标自评表", "(2024年度)"]), "t.docx")))
    extras = _extras(document)
    assert all(pair in extras for pair in [*_SOURCE, *_MANAGEMENT]), extras
    # the Word grid keeps the empty 情况说明 cell: 下达偏晚 stands under 存在问题和改进措施
    assert ("资金管理情况/下达及时性/存在问题和改进措施", "下达偏晚") in extras


def test_the_transfer_forms_blocks_in_excel_and_tab_rows_read_the_same() -> None:
    width = 7
    rows = [[*row, *[""] * (width - len(row))] for row in _ROWS]
    loaded = load_bytes(excel_file(rows), "t.xlsx")
    extras = _extras(_read(loaded.document, loaded.problems))
    assert all(pair in extras for pair in [*_SOURCE, *_MANAGEMENT]), extras
    document = _read(*read_text("".join("\t".join(row) + "\n" for row in rows), "t.txt"))
    assert all(pair in _extras(document) for pair in [*_SOURCE, *_MANAGEMENT]), _extras(document)


def test_the_fund_management_blocks_head_without_rows_is_kept_as_texts() -> None:
    # a page (or an edit) that stops the block after its head: the head's words stay the table's texts, as on main
    for rows in ([*_ROWS[:8], *_ROWS[12:]], [*_ROWS[:8], *_ROWS[10:]]):
        document, problems = read_text("".join(" | ".join(row) + "\n" for row in rows), "t.txt")
        assert document is not None and not _errors(problems), _errors(problems)
        extras = _extras(document)
        assert [pair for pair in extras if pair[1] in ("资金管理情况", "情况说明", "存在问题和改进措施")] == \
            [("", "资金管理情况"), ("", "情况说明"), ("", "存在问题和改进措施")], extras
