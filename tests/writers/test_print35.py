"""print35: print34's left items, each checked on the produced file or its printed PDF (one LibreOffice run shared).

* a funds grid's figures were text cells in the 绩效目标表 workbook (Excel's 「number stored as text」 marks, no SUM);
* r05's 自评表 workbook printed three pages, the second a third full;
* r110's Word 绩效目标表 printed its head alone on page 1, half of it empty, its one indicator on page 2.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from perfbudget.load import load_bytes, load_path
from perfbudget.model import Document
from perfbudget.writers.target_table_export import render
from tests.writers.test_faces_w_funds import shown
from tests.writers.test_print32 import _corpus
from tests.writers.test_print_pdf import to_pdf, written
from tests.writers.test_printed_fit import _normal


def _document(key: str) -> Document:
    document = load_path(_corpus(key)).document
    assert document is not None
    return document


def _r05_evaluation() -> Any:
    """r05 (19 indicators, 23 计分说明 lines) scored by its own figures, as ``evaluate 表 -a 表`` does."""
    from perfbudget.app.evaluations import actuals_record, score

    path = _corpus("r05")
    document = _document("r05")
    rows, problems = actuals_record(str(path), document)
    evaluation, found = score(document, rows, problems, str(path))
    assert evaluation is not None, found
    return evaluation


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """r05's 自评表 workbook and r110's Word 绩效目标表 printed by LibreOffice in one run: each page's text."""
    import pdfplumber

    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx

    work = tmp_path_factory.mktemp("print35")
    files = {"r05-eval.xlsx": evaluation_xlsx(_r05_evaluation()), "r110.docx": render(_document("r110"), "docx")}
    pdfs = to_pdf(written(files, work), work)
    pages = {}
    for name, pdf_path in pdfs.items():
        with pdfplumber.open(pdf_path) as pdf:
            pages[name] = [_normal(page.extract_text() or "") for page in pdf.pages]
    return {"files": files, "pages": pages}


def test_a_funds_grids_figures_are_numbers_in_one_format_a_column_in_the_workbook() -> None:
    """r110's funds grid (全年预算数 | 全年执行数 | 执行率 of 年度资金总额 … 其他资金) in the 绩效目标表
    workbook: each plain figure a number cell (text before), a column's cells in one number format (「0.00」 under
    全年预算数, 「0」 under the whole columns), a cell that is no number kept as its text; the workbook reads back
    to the same budget and extras as the figures print."""
    from openpyxl import load_workbook

    document = _document("r110")
    project = document.projects[0]
    extras = tuple((label, "未执行" if label == "地方资金/全年执行数" else text) for label, text in project.extras)
    document = replace(document, projects=[replace(project, extras=extras)])
    data = render(document, "xlsx")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    rows = {str(row[1].value): row[2:5] for row in sheet.iter_rows() if row[1].value in
            ("年度资金总额", "其中中央资金", "省级资金", "地方资金", "其他资金")}
    assert len(rows) == 5
    for column in range(3):
        cells = [cells[column] for cells in rows.values() if not isinstance(cells[column].value, str)]
        assert len({cell.number_format for cell in cells}) == 1, column
    assert [shown(cell) for cell in rows["其中中央资金"]] == ["871.00", "0", "0"]
    assert isinstance(rows["其中中央资金"][0].value, int | float) and rows["其中中央资金"][0].number_format == "0.00"
    assert rows["地方资金"][1].value == "未执行"  # no number: its text
    assert [shown(cell) for cell in rows["年度资金总额"]] == ["2380.91", "0", "0"]
    back = load_bytes(data, "出.xlsx").document
    assert back is not None and back.projects[0].budget == project.budget
    assert dict(back.projects[0].extras)["地方资金/全年执行数"] == "未执行"
    assert dict(back.projects[0].extras)["地方资金/全年预算数"] == "1509.91"


def test_a_self_evaluation_workbook_a_little_taller_than_two_pages_prints_on_two(printed: dict[str, Any]) -> None:
    """r05's 自评表 sheet printed three pages, the second a third full, its last indicator kept with the 总分 and the
    计分说明 on the third; it is set a few percent wider (printed as much smaller, at most a tenth) so that it is two
    pages by the sheet's own breaks: page 2 holds the last indicators under their 一级 label, the 总分 and every
    计分说明 line (the workbook's third page is its 汇总)."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(printed["files"]["r05-eval.xlsx"])).worksheets[0]
    assert sheet.page_setup.fitToHeight in (0, None) and len(sheet.row_breaks.brk) == 1  # the sheet's own break
    pages = printed["pages"]["r05-eval.xlsx"]
    assert len(pages) == 3 and "汇总" not in pages[0] + pages[1], [page[:40] for page in pages]
    assert "种母猪" in pages[1] and "总分" in pages[1] and "计分说明" in pages[1] and "19.种母猪" in pages[1]
    assert "产出指标(40分)" in pages[1]  # the label of the last rows, drawn again on their page
    assert "种母猪" not in pages[0] and "计分说明" not in pages[0]


def test_a_word_target_tables_head_is_kept_with_its_first_indicator(printed: dict[str, Any]) -> None:
    """r110's Word 绩效目标表 (a 145-character 偏差原因分析, 13 lines in a column as wide as 三级指标's) printed its
    head alone on page 1, half of it empty: its columns are shared out by what they hold where the head would be cut
    from its first indicator, and the table prints on one page, reading back the same."""
    pages = printed["pages"]["r110.docx"]
    assert len(pages) == 1
    assert "年度资金总额" in pages[0] and "偏差原因分析及改进措施" in pages[0] and "改进措施:" in pages[0]
    document = _document("r110")
    back = load_bytes(printed["files"]["r110.docx"], "r110.docx").document
    assert back is not None and back.projects[0].indicators == document.projects[0].indicators


def east_asian_font_names(data: bytes) -> set[str]:
    """Every East Asian font a Word file names, in its styles, defaults, body, headers and footers, a theme font as
    Word resolves it (the theme's font for the script of ``w:themeFontLang``'s East Asian language)."""
    import zipfile

    from lxml import etree

    main = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    drawing = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                 if name.startswith("word/") and name.endswith(".xml")}
    language = parts["word/settings.xml"].find(f"{main}themeFontLang")
    script = {"zh-CN": "Hans", "ja-JP": "Jpan"}.get(
        "" if language is None else language.get(f"{main}eastAsia", ""), "")
    theme = parts["word/theme/theme1.xml"]

    def themed(name: str) -> str:
        group = theme.find(f".//{drawing}{'majorFont' if name.startswith('major') else 'minorFont'}")
        assert group is not None
        by_script = {font.get("script"): font.get("typeface") for font in group.iter(f"{drawing}font")}
        ea = group.find(f"{drawing}ea")
        return by_script.get(script) or ("" if ea is None else ea.get("typeface", ""))

    names = set()
    for name, root in parts.items():
        if name.startswith("word/theme/"):
            continue
        for fonts in root.iter(f"{main}rFonts"):
            theme_name = fonts.get(f"{main}eastAsiaTheme")
            named = themed(theme_name) if theme_name else fonts.get(f"{main}eastAsia")
            if named is not None:
                names.add(named)
    return names


def test_every_word_download_names_chinese_fonts_only(seed_document: Document) -> None:
    """The Word 绩效目标表, 自评表 and 监控表 name, wherever they name an East Asian font (the defaults every paragraph
    mark and empty cell takes, the template's styles, the runs), 宋体 or 黑体 — fonts every Chinese office machine has
    (here, without them, LibreOffice sets Noto Sans CJK in their place: fc-match 「宋体:lang=zh-cn」). python-docx's
    template named the theme's fonts, whose language ja-JP made them ＭＳ 明朝 and ＭＳ ゴシック."""
    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.monitoring_files import monitoring_docx
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring
    from tests.writers.test_print30 import _seed_evaluation

    files = {"绩效目标表": render(seed_document, "docx"), "自评表": evaluation_docx(_seed_evaluation(seed_document)),
             "监控表": monitoring_docx(_monitoring(seed_document, _rows()))}
    for name, data in files.items():
        assert east_asian_font_names(data) <= {"宋体", "黑体"}, name


def test_a_figure_in_a_narrow_column_of_the_portrait_page_prints_on_one_line(tmp_path: Path) -> None:
    """r186's second project printed by Chromium: its 财政资金 「1125.00」, in a column of the head narrowed for the
    portrait page, printed 「1125.0」 over 「0」; a figure's column is as wide as the figure on one line."""
    import pdfplumber

    from tests.writers.test_print_pdf import chromium_pdf

    page = tmp_path / "r186.html"
    page.write_bytes(render(_document("r186"), "html"))
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        words = [word["text"] for sheet in pdf.pages for word in sheet.extract_words()]
    assert words.count("1125.00") >= 2 and "1125.0" not in words, [w for w in words if w.startswith("1125")]
