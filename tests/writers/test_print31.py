"""print31: what a finance officer would have refused when every download was printed again (docs/publishing.md,
*Printed again (print31)*), each checked on the file written.

* a label carrying a colon of its own was printed with a second one after it: the 绩效目标表's 「联系电话∶：」 (an
  extra typed in a perfbudget/1 JSON or an API edit, with the ratio sign Chinese documents use as a colon), and the
  计分说明's 「1. 检察业务保障人数：：正向指标…」 for an indicator named with a colon.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

from perfbudget.model import Document

DOUBLED = re.compile(r"[:：∶﹕︰]\s*[:：∶﹕︰]")


def _cell_texts(data: bytes) -> list[str]:
    from openpyxl import load_workbook

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
    from docx import Document as WordDocument

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
