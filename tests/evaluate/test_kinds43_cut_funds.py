"""A 自评 read from a table cut before its funds is refused saying the table was cut (the second reading of kinds43).

Corpus 197 (a report form cut at its section 二, before the funds grid) was refused by the scoring with
「「全年执行数」的实际完成值为空，请填写金额（万元）」: a fill-in sheet's words, as if the table had left the cell
empty. It says where the table broke now.
"""

from __future__ import annotations

from perfbudget.app.evaluations import score
from perfbudget.evaluate.from_table import sheet_rows_from_document
from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.test_kinds43_cover_lines import COVER


def test_a_self_evaluation_cut_before_its_funds_is_refused_as_cut() -> None:
    document, _ = read_text(COVER, "t.txt")
    assert document is not None and document.kind == "self-evaluation"
    evaluation, problems = score(document, sheet_rows_from_document(document, "t.txt"), [], "t.txt")
    errors = [p.message for p in problems if p.severity is Severity.ERROR]
    assert evaluation is None
    assert errors[0] == "「全年执行数」没有读到：表格在此中断，读出的部分没有资金表，请提供完整的表格", errors
    (refusal,) = [p for p in problems if p.message == errors[0]]
    assert refusal.source is not None and refusal.source.line == COVER.count("\n")  # where it broke
    assert not any("请填写金额" in message for message in errors)
