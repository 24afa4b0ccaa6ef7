"""Word's vertical merges written without the restart mark (forms45, FAILURES.md section DA): some programs write a
merge's top cell as continuing (``<w:vMerge/>``) like the cells under it. The reader blanked every continuing cell, so
the top cell's text was lost: under the header (a cell in no merge) the group's rows had no 一级 (errors, indicators
lost), and a merge right under another in the same column (数量指标's rows, then 质量指标's) read the second group's
rows under the first's name without a word. In a column whose merge began with no restart mark a continuing cell that
holds text now starts a merge (its text read, as LibreOffice shows it, and told); under a marked merge it stays in it
(its own text told, not read). Fails on ef4c51ff's ``src``."""

from __future__ import annotations

import io

import pytest

from perfbudget.load import load_bytes
from tests.readers.word_tables import word_file

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ROWS = [["项目名称", "校舍维修", "", ""], ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "维修面积", "≥800平方米"], ["", "", "维修间数", "≥12间"],
         ["", "质量指标", "验收合格率", "100%"], ["", "", "质保期", "≥2年"],
         ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"]]
_MERGED = [(2, 0), (3, 0), (4, 0), (5, 0), (2, 1), (3, 1), (4, 1), (5, 1)]  # 一级 over four rows; two 二级 runs


def _form(restart: bool) -> bytes:
    import docx
    from docx.oxml import parse_xml

    word = docx.Document(io.BytesIO(word_file(_ROWS, ["项目支出绩效目标表（2024年度）"], style="Table Grid")))
    table = word.tables[0]
    for r, c in _MERGED:
        mark = ' w:val="restart"' if restart and _ROWS[r][c] else ""
        table.cell(r, c)._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge xmlns:w="{_W}"{mark}/>'))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


_READ = [("产出指标", "数量指标", "维修面积"), ("产出指标", "数量指标", "维修间数"),
         ("产出指标", "质量指标", "验收合格率"), ("产出指标", "质量指标", "质保期"),
         ("满意度指标", "服务对象满意度指标", "师生满意度")]


def test_merges_without_the_restart_mark_read_as_marked_and_told() -> None:
    loaded = load_bytes(_form(restart=False), "unmarked.docx")
    assert loaded.document is not None, loaded.problems
    (project,) = loaded.document.projects
    assert [(i.level1, i.level2, i.level3) for i in project.indicators] == _READ
    (told,) = [p.message for p in loaded.problems if "restart" in p.message]
    assert "表1 第3行 第1列「产出指标」、表1 第3行 第2列「数量指标」、表1 第5行 第2列「质量指标」" in told
    assert project.indicators[2].sources["level2"].row == 5


def test_marked_merges_read_as_before_without_a_word() -> None:
    loaded = load_bytes(_form(restart=True), "marked.docx")
    assert loaded.document is not None, loaded.problems
    assert [(i.level1, i.level2, i.level3) for i in loaded.document.projects[0].indicators] == _READ
    assert not [p for p in loaded.problems if "restart" in p.message]


def _repeated(rows: list[list[str]]) -> bytes:
    """``_ROWS`` merged with the restart mark, each continuing cell repeating its text (``rows``' text there)."""
    import docx
    from docx.oxml import parse_xml

    word = docx.Document(io.BytesIO(word_file(rows, ["项目支出绩效目标表（2024年度）"], style="Table Grid")))
    trs = word.tables[0]._tbl.tr_lst
    for r, c in _MERGED:
        mark = ' w:val="restart"' if _ROWS[r][c] else ""
        trs[r].tc_lst[c].get_or_add_tcPr().append(parse_xml(f'<w:vMerge xmlns:w="{_W}"{mark}/>'))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_marked_merges_repeating_their_text_stay_merged() -> None:
    # (forms45's mend: the cells continuing a marked merge held text, so each was read as a merge of its own,
    # with a false "restart mark missing" warning; one repeating another text is covered, not read, and told)
    rows = [list(row) for row in _ROWS]
    for r, c in _MERGED:
        rows[r][c] = rows[r][c] or rows[r - 1][c]
    rows[3][0] = "产出"
    loaded = load_bytes(_repeated(rows), "repeated.docx")
    assert loaded.document is not None, loaded.problems
    indicators = loaded.document.projects[0].indicators
    assert [(i.level1, i.level2, i.level3) for i in indicators] == _READ
    assert not [p for p in loaded.problems if "restart" in p.message]
    (told,) = [p.message for p in loaded.problems if "「产出」" in p.message]
    assert "表1 第4行 第1列" in told and "未读取" in told


def test_a_cell_across_two_columns_ends_the_merges_under_it() -> None:
    # (forms45's mend: whether a column's merge began with the restart mark was kept only at the column each cell
    # starts in, so under 满意度指标 across both level columns the 二级 column still "continued" 数量指标's marked
    # merge: the unmarked 社会效益指标 below was covered by 数量指标, not read)
    import docx
    from docx.oxml import parse_xml

    rows = [*_ROWS[:4], ["满意度指标", "", "师生满意度", "≥90%"], ["效益指标", "社会效益指标", "就业人数", "≥10人"],
            ["", "", "带动就业", "≥5人"]]
    word = docx.Document(io.BytesIO(word_file(rows, ["项目支出绩效目标表（2024年度）"], merges=[(4, 0, 4, 1)],
                                              style="Table Grid")))
    trs = word.tables[0]._tbl.tr_lst
    for r, k, mark in ((2, 0, ' w:val="restart"'), (3, 0, ""), (2, 1, ' w:val="restart"'), (3, 1, ""),
                       (5, 0, ' w:val="restart"'), (6, 0, ""), (5, 1, ""), (6, 1, "")):
        trs[r].tc_lst[k].get_or_add_tcPr().append(parse_xml(f'<w:vMerge xmlns:w="{_W}"{mark}/>'))
    buffer = io.BytesIO()
    word.save(buffer)
    loaded = load_bytes(buffer.getvalue(), "spanned.docx")
    assert loaded.document is not None, loaded.problems
    assert [(i.level1, i.level2, i.level3) for i in loaded.document.projects[0].indicators][2:] == [
        ("满意度指标", "满意度指标", "师生满意度"), ("效益指标", "社会效益指标", "就业人数"),
        ("效益指标", "社会效益指标", "带动就业")]


def test_a_continuing_cell_s_text_is_its_read_text_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # (forms45's mend: whether a continuing cell held text was asked of every run, hidden ones (w:vanish) too, so
    # a cell holding only hidden text started a merge of nothing, the rows under it no longer covered; and the text
    # of a cell read up to three times)
    import docx
    from docx.oxml import parse_xml

    from perfbudget.readers import docx as reader

    word = docx.Document(io.BytesIO(_form(restart=False)))
    word.tables[0]._tbl.tr_lst[3].tc_lst[0].p_lst[0].append(
        parse_xml(f'<w:r xmlns:w="{_W}"><w:rPr><w:vanish/></w:rPr><w:t>旧一级</w:t></w:r>'))
    buffer = io.BytesIO()
    word.save(buffer)
    calls: list[object] = []
    read = reader._cell_text
    monkeypatch.setattr(reader, "_cell_text", lambda tc, *hidden: calls.append(tc) or read(tc, *hidden))
    tables = reader.read_docx_tables(buffer.getvalue(), "hidden.docx")
    covered = tables[0].rows[3][0].merged_from
    assert covered is not None and covered.text == "产出指标"
    assert len(calls) == len(set(calls)) == sum(len(tr.tc_lst) for tr in word.tables[0]._tbl.tr_lst)
