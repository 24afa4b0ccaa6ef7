"""A 一级/二级 cell merged down past a page break under Calc's print titles (forms44, FAILURES.md section CX): Calc
draws the merged cell's text in the middle of the whole merge, clipped to each page's part; when the middle falls on
the next page, the part on the page that ends shows no text (and no closing line), and the next page shows it under
the repeated header row. 00aece31 read the first page's rows of the merge with the labels of the group above them
(效益指标 rows read as 产出指标/质量指标, without a word); the text under the titles is now the merge's, as it is
without print titles (``pdf._carry_back_labels``). The workbook is built in the test (openpyxl: print titles, a
row break inside the merge) and printed by LibreOffice."""

from __future__ import annotations

from pathlib import Path

from perfbudget.load import load_path
from perfbudget.model import Severity
from tests.readers.test_forms35_layouts import _saved_by_libreoffice
from tests.readers.test_forms43_pdf_clipped_cell import ruled_sheet


def _sheet(path: Path, titles: bool) -> None:
    from openpyxl.worksheet.pagebreak import Break

    rows = [["项目名称", "乡村旅游服务补助"], ["项目资金（万元）", "年度资金总额", "120"],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "质量指标", "培训合格率", "≥95%"], ["", "", "结业率", "≥90%"],
            ["效益指标", "社会效益指标", "带动就业人数", "≥200人"], ["", "", "接待游客人次", "≥1万人次"],
            ["", "", "农户增收", "≥5%"], ["", "", "新增经营主体", "≥10家"]]
    book = ruled_sheet(rows, (18, 14, 24, 12))
    sheet = book.active
    for r in range(4, 10):
        sheet.row_dimensions[r].height = 60
    for area in ("A4:A5", "B4:B5", "A6:A9", "B6:B9"):
        sheet.merge_cells(area)
    if titles:
        sheet.print_title_rows = "3:3"
    sheet.row_breaks.append(Break(id=6))  # the break under the merge's first row: its middle on the next page
    book.save(str(path))


def _levels(path: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The indicators' levels as read, and the warnings."""
    result = load_path(_saved_by_libreoffice(path, "pdf"))
    assert result.document is not None, [p.message for p in result.errors]
    [project] = result.document.projects
    warned = [p.message for p in result.problems if p.severity is Severity.WARNING]
    return [(i.level1, i.level2, i.level3) for i in project.indicators], warned


_WANT = [("产出指标", "质量指标", "培训合格率"), ("产出指标", "质量指标", "结业率"),
         ("效益指标", "社会效益指标", "带动就业人数"), ("效益指标", "社会效益指标", "接待游客人次"),
         ("效益指标", "社会效益指标", "农户增收"), ("效益指标", "社会效益指标", "新增经营主体")]


def test_a_level_merged_past_the_break_under_print_titles_takes_its_own_text(tmp_path: Path) -> None:
    _sheet(tmp_path / "form.xlsx", titles=True)
    import pdfplumber

    printed = _saved_by_libreoffice(tmp_path / "form.xlsx", "pdf")
    with pdfplumber.open(printed) as pdf:  # (the layout the test is about: the header again on page 2)
        assert len(pdf.pages) == 2 and "三级指标" in (pdf.pages[1].extract_text() or "")
    assert _levels(tmp_path / "form.xlsx") == (_WANT, [])  # (read quietly: the merge runs on under the titles)


def test_the_same_merge_without_print_titles_reads_as_before(tmp_path: Path) -> None:
    """Without print titles the merge's middle falls in the first page's foot margin: read from there, told."""
    _sheet(tmp_path / "form.xlsx", titles=False)
    levels, warned = _levels(tmp_path / "form.xlsx")
    assert levels == _WANT
    assert len(warned) == 2
    assert "第1列" in warned[0] and "被裁去的「效益指标」已作为这个合并单元格的文字读取" in warned[0]
    assert "第2列" in warned[1] and "被裁去的「社会效益指标」已作为这个合并单元格的文字读取" in warned[1]


_HEAD = ["一级指标", "二级指标", "三级指标", "指标值"]


def test_a_header_again_with_a_clipped_label_drawn_inside_its_cells_gives_the_label() -> None:
    """Calc's print titles over a label merged past the break, the label's clipped line drawn on the header's line:
    pdfplumber reads the two interleaved (``二社级会指公标众或服务对``); the header's own characters are taken out in
    order and the rest is the label's (joined to the cell under it by the reader)."""
    from perfbudget.readers.pdf_open_merges import clipped_in_header

    row = ["一级指标满意度指标", "二社级会指公标众或服务对", "三级指标", "指标值"]
    assert clipped_in_header(row, _HEAD) == ["满意度指标", "社会公众或服务对", "", ""]


def test_an_indicator_row_or_the_header_itself_is_no_header_with_a_clipped_label() -> None:
    from perfbudget.readers.pdf_open_merges import clipped_in_header

    assert clipped_in_header(_HEAD, _HEAD) is None  # (the header again, nothing more: dropped as a repeat)
    assert clipped_in_header(["产出指标", "数量指标", "培训人次", "≥500人次"], _HEAD) is None
    # (the 三级 header exact)
    assert clipped_in_header(["一级指标", "二级指标", "三级指标（续）", "指标值"], _HEAD) is None


def test_a_next_table_whose_header_is_worded_otherwise_keeps_its_header() -> None:
    """Two projects' tables, the second's header saying 年度指标值 where the first's said 指标值: no clipped label
    (00aece31..forms44 read 年度 as one, the header cell turned back into 指标值 and 年度 glued onto the target under
    it); extra text counts only in a 一级/二级 column (a merged label's)."""
    from perfbudget.readers.pdf_open_merges import clipped_in_header

    other = ["一级指标", "二级指标", "三级指标", "年度指标值"]
    assert clipped_in_header(other, _HEAD) is None
    assert clipped_in_header(["一级指标", "二级指标", "三级指标", "指标值（2024年）"], _HEAD) is None
    assert clipped_in_header(["一级指标", "二级指标效益", "三级指标", "指标值"], _HEAD) == ["", "效益", "", ""]


def _cells(page: int, *texts: str) -> list:
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell

    return [Cell(text, Source("f.pdf", page=page, column=c)) for c, text in enumerate(texts, 1)]


def test_a_label_under_the_titles_is_taken_quietly_only_from_a_merge_running_on() -> None:
    """The text under the titles is the merge's when its cell runs on over the next row (blank there); a cell at the
    page's foot merely without its bottom line, under titles followed by a group of one row, gets that group's 二级
    only with a warning (00aece31..forms44 copied it without a word)."""
    from perfbudget.readers.pdf_cells import OpenEnds
    from perfbudget.readers.pdf_open_merges import carry_under_titles

    def carried(second: list) -> tuple[list[str], tuple[list, list]]:
        earlier = [_cells(1, "效益指标", "", "就业人数", "≥200人")]
        table = [_cells(1, *_HEAD), *earlier]
        rows = [_cells(2, *_HEAD), _cells(2, "", "社会效益指标", "游客人次", "≥1万人次"), second]
        told = carry_under_titles(table, earlier, OpenEnds({1: 0}), rows, 1)
        return [cell.text for cell in table[1]], told

    running_on = carried(_cells(2, "", "", "农户增收", "≥5%"))
    assert running_on == (["效益指标", "社会效益指标", "就业人数", "≥200人"], ([], []))
    one_row = carried(_cells(2, "", "生态效益指标", "植树", "≥100株"))
    assert one_row == (["效益指标", "社会效益指标", "就业人数", "≥200人"], ([], [(1, 1)]))


def test_an_empty_merge_past_the_break_is_told_only_in_a_level_column_under_a_label() -> None:
    """A region open at the page's foot whose text neither page shows is told only as a lost 一级/二级 label (with
    the label above it, read on); an empty 指标值 merged past the break, or a level cell with nothing above it, is
    not (forms44 warned of them, 「按上方的「」读取」)."""
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell, RawTable
    from perfbudget.readers.pdf import _carried_under_titles
    from perfbudget.readers.pdf_cells import OpenEnds

    earlier = [_cells(1, "效益指标", "", "就业人数", "")]
    table = RawTable(None, Source("f.pdf"), [_cells(1, *_HEAD), _cells(1, "", "", "培训人次", "≥5人"), *earlier])
    rows = [_cells(2, *_HEAD), _cells(2, "", "", "游客人次", ""), _cells(2, "", "", "农户增收", "")]
    _carried_under_titles(table, earlier, OpenEnds({1: 0, 3: 0}), rows, 1, set(), table.rows[0])
    assert table.problems == [] and table.needs_check == ()
    table.rows[1][1] = Cell("数量指标", table.rows[1][1].source)
    _carried_under_titles(table, earlier, OpenEnds({1: 0, 3: 0}), rows, 1, set(), table.rows[0])
    assert [problem.source.column for problem in table.problems] == [2]
    assert "按上方的「数量指标」读取" in table.problems[0].message


def test_a_clipped_label_inside_the_header_is_joined_below_and_told() -> None:
    """The header's own texts stay in the header row; the clipped label goes before the text of the cell under it,
    told at that cell with the project marked."""
    from perfbudget.model import Source
    from perfbudget.readers.grid import RawTable
    from perfbudget.readers.pdf import _clipped_header_read

    table = RawTable(None, Source("f.pdf"), [_cells(1, *_HEAD), _cells(1, "满意度指标", "", "满意度", "≥90%")])
    rows = [_cells(2, "一级指标", "二社级会指公标众或服务对", "三级指标", "指标值"),
            _cells(2, "", "象满意度", "满意率", "≥95%")]
    _clipped_header_read(rows, table.rows[0], table, 2)
    assert [cell.text for row in rows for cell in row] == [*_HEAD, "", "社会公众或服务对象满意度", "满意率", "≥95%"]
    [told] = table.problems
    assert (told.source.page, told.source.column) == (2, 2) and "「社会公众或服务对」" in told.message
    assert len(table.needs_check) == 1
