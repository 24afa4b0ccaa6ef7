"""kinds27: a 自评表's goal result (实际完成情况 and its family) drawn by every writer as the form prints it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document
from tests.readers.test_total_rows import HEAD, TITLE
from tests.readers.word_tables import excel_file, word_file


def _writers() -> list[tuple[str, Callable[[Document], bytes]]]:
    from perfbudget.writers.target_table_docx import target_table_docx
    from perfbudget.writers.target_table_html import target_table_html
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    return [("出.xlsx", target_table_xlsx), ("出.docx", target_table_docx), ("出.html", target_table_html)]


def _rows(label: str) -> list[list[str]]:
    return [*HEAD[:3], ["年度总体目标", "预期目标", "", "", label, "", "", ""],
            ["", "完成维修10处", "", "", "完成维修12处，群众饮水稳定", "", "", ""], *HEAD[3:]]


@pytest.mark.parametrize("label", ["实际完成情况", "全年实际完成情况", "目标实际完成情况"])
@pytest.mark.parametrize("form", ["表.txt", "表.docx", "表.xlsx"])
def test_a_goal_result_reads_back_under_its_label_from_every_writer(label: str, form: str) -> None:
    # the goal's 实际完成情况 (corpus r70, r103, r38 …) was written as a label–value row until kinds27 and read back
    # as two unlabelled extras, ('', '实际完成情况'), ('', '完成维修12处…'): the label names a goals column
    rows = _rows(label)
    data = {"表.txt": ("\n".join([*TITLE, *(" | ".join(row).rstrip(" |") for row in rows)]) + "\n").encode(),
            "表.docx": word_file(rows, TITLE), "表.xlsx": excel_file([*[[t] for t in TITLE], *rows])}[form]
    document = load_bytes(data, form).document
    assert document is not None
    project = document.projects[0]
    assert project.goals == ("完成维修10处",)
    assert (label, "完成维修12处，群众饮水稳定") in [(name, str(text)) for name, text in project.extras]
    for written, writer in _writers():
        again = load_bytes(writer(document), written).document
        assert again is not None, written
        assert again.projects[0].goals == project.goals, written
        assert again.projects[0].extras == project.extras, written
        assert again.projects[0].indicators == project.indicators, written
