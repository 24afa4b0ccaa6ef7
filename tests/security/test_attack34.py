"""Round 34's attack (docs/security.md, 「Attacked from outside (attack34)」): each test failed on main 4bbee630."""

from __future__ import annotations

import time

from perfbudget.load import load_bytes


def _funds_text(columns: int, rows: int) -> bytes:
    """A 自评表 whose funds header repeats its six columns to ``columns`` and whose ``rows`` fund rows each lack one
    figure (the lost-cell placements are tried)."""
    names = (["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"] * (columns // 6 + 1))[:columns]
    labels = ["年度资金总额", "其中：财政拨款", "其他资金", "上年结转资金"]
    lines = ["项目名称\t社区养老服务补贴", "项目资金（万元）\t" + "\t".join(names),
             *(labels[r % 4] + "\t" + "\t".join(["100"] * (columns - 1)) for r in range(rows)),
             "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
             "产出指标\t数量指标\t服务老年人数\t≥500人\t520人\t40\t40"]
    return ("\n".join(lines) + "\n").encode()


def test_a_funds_row_short_of_a_wide_grid_is_not_placed_column_by_column() -> None:
    # lost_fund_cell tried each column as the empty one and read every placement's figures anew: a header of 1,500
    # fund columns and eight rows of 1,499 figures (a 66 KB text) cost 19 s of any upload's preview
    started = time.process_time()
    result = load_bytes(_funds_text(1_500, 8), "资金表.txt")
    assert time.process_time() - started < 2.0
    assert result.document is not None and len(result.document.projects) == 1


def test_a_last_paragraph_repeating_one_character_is_matched_against_the_cell_marks_in_linear_time() -> None:
    # doc_last_table tried 256 places of the paragraph's first character, each matched almost to its end: a .doc
    # whose last paragraph is 200,000 「a」 after a table (420 KB) cost 6.8 s
    from perfbudget.readers.doc_last_table import cell_rows

    stream = ("x\x07y\x07\x07" + "a" * 199_999 + "\r").encode("utf-16-le")
    started = time.process_time()
    assert cell_rows(stream, "a" * 199_999) is None
    assert time.process_time() - started < 1.0
    # (the rows are still found past false starts: 「ab」 twice in the text before the table)
    assert cell_rows("abab\rxa\x07b\x07\x07c\x07d\x07\x07".encode("utf-16-le"), "abcd") == [["a", "b"], ["c", "d"]]


def test_nested_content_controls_showing_their_placeholders_hide_each_run_once() -> None:
    # each control showing its placeholder hid every run it held, the nested ones' too: 100 controls nested over
    # 20,000 runs (a 38 KB .docx) cost 22 s and 300 MB; a flag outside a control's properties raised (AttributeError:
    # the file refused as damaged)
    from tests.readers.test_forms37_traps import _cell_paragraph, _word, _xml

    control = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
    nested = control * 100 + "<w:r><w:t>单击此处</w:t></w:r>" * 20_000 + "</w:sdtContent></w:sdt>" * 100

    def unfilled(table: object) -> None:
        paragraph = _cell_paragraph(table, 4, 3)
        paragraph.append(_xml(nested))
        paragraph.append(_xml("<w:showingPlcHdr/>"))  # (no control's)

    started = time.process_time()
    result = load_bytes(_word(unfilled), "t.docx")
    assert time.process_time() - started < 3.0
    assert result.document is not None, result.problems
    assert {i.level3: i.target.raw for i in result.document.projects[0].indicators}["验收合格率"] == ""
    [told] = [p for p in result.problems if "提示文字" in p.message]
    assert told.message.startswith("内容控件显示的是未填写时的提示文字「单击此处单击此处") and told.source.row == 5


def test_a_long_run_of_digits_in_a_name_is_reviewed_in_linear_time() -> None:
    # patterns tried at every start of a name: a figure at the name's end ($) and a figure followed by a word
    # (value-in-name, quantity-as-rate) backtracked over the whole run of digits at each digit: one indicator named
    # with 20,000 digits cost 14 s of any upload's review without a target, 7 s with a 数量指标's 100%
    from perfbudget.review.engine import review_document
    from tests.review.test_review_round22 import document, messages, row

    for target in ("", "100%"):
        doc = document(row("产出指标", "数量指标", "1" * 20_000 + "x", target))
        started = time.process_time()
        review_document(doc)
        assert time.process_time() - started < 1.5, target
    # (what the patterns find is found as before)
    assert "写进了名称" in messages(document(row("产出指标", "数量指标", "年度资金支付完成率100%", "")),
                                  "missing-target-value")[0]
