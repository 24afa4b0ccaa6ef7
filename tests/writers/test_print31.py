"""print31: what a finance officer would have refused when every download was printed again (docs/publishing.md,
*Printed again (print31)*), each checked on the file written.

* a label carrying a colon of its own was printed with a second one after it: the 绩效目标表's 「联系电话∶：」 (an
  extra typed in a perfbudget/1 JSON or an API edit, with the ratio sign Chinese documents use as a colon), and the
  计分说明's 「1. 检察业务保障人数：：正向指标…」 for an indicator named with a colon;
* the 绩效目标表 printed its amounts with the decimals they were typed with: 「193.8」 under 预算数 beside 「0.00」.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

from docx import Document as WordDocument
from openpyxl import load_workbook

from perfbudget.model import Document
from tests.conftest import HEADER_ROWS, inline_document

DOUBLED = re.compile(r"[:：∶﹕︰]\s*[:：∶﹕︰]")


def _cell_texts(data: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(data))
    return [str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
            if cell.value is not None]


def test_a_label_carrying_its_own_colon_is_printed_with_one(seed_document: Document) -> None:
    """Extras read from a perfbudget/1 JSON whose labels end with a colon (full-width, ASCII with a space after it, the
    ratio sign): each printed label ends with one full-width colon — a header field's (联系电话) with none, as the
    others — in the workbook, the Word file and the page."""
    from perfbudget.load import load_bytes
    from perfbudget.writers.target_table_export import render

    data = json.loads(render(seed_document, "json"))
    data["projects"] = data["projects"][:1]
    data["projects"][0]["extras"] = [["联系电话∶", "022-12345678"], ["绩效联系人: ", "张三"], ["填报说明：", "无"]]
    document = load_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"), "带冒号.json").document
    assert document is not None and len(document.projects[0].extras) == 3
    texts = _cell_texts(render(document, "xlsx"))
    assert {"联系电话", "绩效联系人：", "填报说明："} <= set(texts)
    assert not [text for text in texts if DOUBLED.search(text)]
    page = render(document, "html").decode("utf-8")
    assert "绩效联系人：<" in page and not DOUBLED.search(re.sub(r"<[^>]+>", "", page))
    word = WordDocument(io.BytesIO(render(document, "docx")))
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert "绩效联系人：" in cells and not [text for text in cells if DOUBLED.search(text)]


def test_an_indicator_named_with_a_colon_gets_one_in_the_scoring_notes(seed_document: Document) -> None:
    """The 自评表's 计分说明 (and the 监控表's 预警计算说明) say 「N. 三级指标：说明」: an indicator named
    「检察业务保障人数：」 was printed 「检察业务保障人数：：正向指标…」."""
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from tests.writers.test_print30 import _seed_evaluation

    evaluation = _seed_evaluation(seed_document)
    project = evaluation.projects[0]
    first = replace(project.indicators[0], level3=project.indicators[0].level3 + "：")
    evaluation = replace(evaluation, projects=(replace(project, indicators=(first, *project.indicators[1:])),))
    texts = _cell_texts(evaluation_xlsx(evaluation))
    note = next(text for text in texts if text.startswith(f"1. {first.level3}"))
    assert not DOUBLED.search(note), note


def test_the_target_tables_amounts_print_with_at_least_two_decimals() -> None:
    """A table typed 预算数 193.8, 财政资金 193.8, 其他资金 0: the workbook's cells are numbers formatted 「0.00」,
    the Word form and the page say 「193.80」 and 「0.00」 (「193.8」 and 「0」 before), and each reads back to the same
    budget."""
    from perfbudget.load import load_bytes
    from perfbudget.writers.target_table_export import render

    funds = ["预算规模及资金用途", "预算数", "193.8", "其中：财政资金", "193.8", "其他资金", "0"]
    head = [row if row[:1] != funds[:1] else funds for row in HEADER_ROWS]
    document, problems = inline_document(["产出指标", "数量指标", "测试次数", "", "≥5次"], header_rows=head)
    assert document is not None, problems

    data = {form: render(document, form) for form in ("xlsx", "docx", "html")}
    sheet = load_workbook(io.BytesIO(data["xlsx"])).worksheets[0]
    amounts = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, float | int)
               and not isinstance(cell.value, bool)]
    assert [(cell.value, cell.number_format) for cell in amounts] == [(193.8, "0.00"), (193.8, "0.00"), (0, "0.00")]
    word = WordDocument(io.BytesIO(data["docx"]))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert cells.count("193.80") >= 2 and "0.00" in cells and "193.8" not in cells
    page = data["html"].decode("utf-8")
    assert page.count(">193.80<") == 2 and ">0.00<" in page and ">193.8<" not in page
    for form, written in data.items():
        back = load_bytes(written, f"两位小数.{form}").document
        assert back is not None and back.projects[0].budget == document.projects[0].budget, form
