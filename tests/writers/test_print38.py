"""print38: what a finance officer filing the printed downloads would object to, each checked on tiny inline tables.

* a funds grid printed 「3359.62万」 beside plain figures (「3359.62」, 「0.00」): two notations of money in one table
  (and, after a second reading, 「3,359.62万」 as written and 「-5万」 as 「-5」);
* a funds grid of fewer columns than the indicators printed empty ruled columns right of its 执行率;
* a sign a target is written with (「≥」, 「±」, 「℃」 …) was counted half a character where Chromium sets it a whole
  one, and 「–」 a whole one where it is half; a target of a sign and a figure (「≥90.91%」, 「=100%」) is a figure:
  the 监控表 page printed 「≥90.91 / %」;
* the portrait 绩效目标表 page broke a label inside a word (「其中：财 / 政资金」), and then, on a second reading, every
  short cell at its punctuation (「≤475元/ | 亩」): only a head or label breaks between its words;
* the Word 自评表 and 监控表 left a short text's last character alone on a second line (「社会效益指 / 标」), and
  measured a figure's 「≥」 0.7 of a character.
"""

from __future__ import annotations

import itertools
import unicodedata
from html import escape
from pathlib import Path

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.readers.text import read_text
from perfbudget.writers.target_table_export import render
from perfbudget.writers.target_table_layout import project_grid
from tests.conftest import HEADER_ROWS, table_text
from tests.writers.test_print_pdf import chromium_pdf

# the grid's columns after its budget column, each with its total row's and its part row's cells
COLUMNS = {"全年执行数": ("{executed}", "{executed}"), "执行率": ("90%", "90%"), "分值": ("10", "10"),
           "得分": ("9", "9")}


def funds_table(unit: str, written: str, columns: tuple[str, ...]) -> Document:
    """A tiny 自评表 whose funds grid writes its 全年执行数 as ``written`` (「108万」, 「108.5万元」 …) under the
    table's ``unit`` (「单位：万元」, or nothing), with ``columns`` after its 全年预算数."""
    head = [["100001测试单位", unit] if unit else ["预算单位", "100001测试单位"], ["项目名称", "测试项目"],
            ["项目资金（万元）" if unit == "单位：万元" else "项目资金", "", "全年预算数", *columns]]
    cells = [COLUMNS[column] for column in columns]
    grid = [["", "年度资金总额", "120", *(total.format(executed=written) for total, _ in cells)],
            ["", "其中：财政资金", "120", *(part.format(executed=written) for _, part in cells)]]
    rows = [*head, *grid, ["年度总体目标", "完成测试"], ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
            ["产出指标", "数量指标", "数量", "≥20个", "20个"], ["", "质量指标", "合格率", "≥95%", "96%"],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%"]]
    document, problems = read_text(table_text(*rows, heading="2024年项目支出绩效自评表"), "funds.txt")
    assert document is not None, [str(p) for p in problems]
    return document


def _funds_cells(document: Document) -> dict[int, list[tuple[int, int, str]]]:
    """The drawn funds grid's rows (from its head 项目资金 to 资金用途): each row's cells, (col, colspan, text)."""
    grid = project_grid(document, document.projects[0])
    first = next(c.row for c in grid.cells if c.text.startswith("项目资金"))
    last = next(c.row for c in grid.cells if c.text == "资金用途")
    rows: dict[int, list[tuple[int, int, str]]] = {}
    for cell in grid.cells:
        if first <= cell.row < last:
            rows.setdefault(cell.row, []).append((cell.col, cell.colspan, cell.text))
    assert all(sum(span for _, span, _ in cells) == grid.width for cells in rows.values())
    return rows


@pytest.mark.parametrize(("written", "unit", "shown"), [
    (f"{amount}{suffix}", "单位：万元", printed) for (amount, printed), suffix in itertools.product(
        (("108", "108"), ("108.5", "108.5"), ("3359.62", "3359.62"), ("0.125", "0.125"), ("0", "0"),
         ("3,359.62", "3359.62"), ("１０８", "108")),
        ("万", "万元", " 万元"))])
def test_an_amount_written_with_the_tables_unit_prints_as_the_grids_other_figures(written: str, unit: str,
                                                                                   shown: str) -> None:
    """「108万」 under 单位：万元 is the figure 108 of the grid's 项目资金（万元）: printed in its column's one format
    (as many decimals as the column's longest figure), never 「108万」 beside
    「120.00」; the workbook's cell a number; each form reads back to the same budget."""
    document = funds_table(unit, written, ("全年执行数", "执行率"))
    rows = _funds_cells(document)
    texts = [text for cells in rows.values() for _, _, text in cells]
    assert not any(text.rstrip().endswith(("万", "元")) and not text.startswith("项目资金") for text in texts), texts
    assert texts.count(shown) == 2, texts
    for form in ("xlsx", "docx", "html"):
        back = load_bytes(render(document, form), f"出.{form}").document
        assert back is not None and back.projects[0].budget == document.projects[0].budget, form


@pytest.mark.parametrize(("written", "unit"), [("108万", ""), ("108元", "单位：万元"), ("1080000万", "单位：元"),
                                               ("-5万", "单位：万元"), ("108万（调整后）", "单位：万元")])
def test_an_amount_in_another_unit_than_the_tables_is_printed_as_written(written: str, unit: str) -> None:
    """A figure whose unit is not the table's (or in a table that names none) keeps its unit: without it the amount
    would change; so does one the reader takes for no amount alone (「-5万」, which it rejects quoting it, printed
    「-5」 until the print38 mend) or an amount with a note."""
    document = funds_table(unit, written, ("全年执行数",))
    texts = [text for cells in _funds_cells(document).values() for _, _, text in cells]
    assert texts.count(written) == 2, texts


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_a_funds_grid_narrower_than_the_table_runs_its_last_column_to_the_right_edge(count: int) -> None:
    """A grid of 1–4 columns after its 全年预算数 under seven or more indicator columns: no empty ruled cell right of
    its last column (its cells span the table's width, the last one to the edge), in every row of the grid; each
    form reads back to the same budget and the same funds figures."""
    columns = tuple(COLUMNS)[:count]
    document = funds_table("单位：万元", "108", columns)
    grid = project_grid(document, document.projects[0])
    for cells in _funds_cells(document).values():
        col, span, text = max(cells)
        assert col + span == grid.width and text, cells
    for form in ("xlsx", "docx", "html"):
        back = load_bytes(render(document, form), f"出.{form}").document
        assert back is not None, form
        project, again = document.projects[0], back.projects[0]
        assert again.budget == project.budget, form
        extras = {label: text for label, text in again.extras if "/" in label}
        assert {label: text for label, text in project.extras if "/" in label}.keys() == extras.keys(), form


# the signs targets are written with (≥95%, ≤2小时, ±5%, 30℃, 5‰, “好评”, ①, →), each set by Chromium in the pages'
# font stack (宋体, else the installed Noto Serif CJK SC) and measured against print_layout.text_width
SIGNS = "≥≤±×÷℃‰“”‘’…①②→√※–™"
POINTS_A_UNIT = 5.25  # a width unit at 10.5 pt: half a CJK character


def test_the_width_of_every_sign_a_target_is_written_with_is_the_fonts_advance(tmp_path: Path) -> None:
    """Each sign, a digit, a Latin letter and a CJK character, set 20 times beside a CJK character at 10.5 pt in the
    downloads' font stack by Chromium: the width the layouts count (``text_width``) is its printed advance within a
    tenth (a digit's may be more: a digit of 宋体 is half a character), never less. Until print38 「≥」 counted 1.1
    units (5.8 pt) where Chromium set it 10.5 pt: 「≥90.91%」, sized for one line, printed 「≥90.91 / %」."""
    import pdfplumber

    from perfbudget.writers.print_layout import text_width
    from perfbudget.writers.target_table_html import STYLE

    probes = SIGNS + "9a中"
    body = "".join(f"<p>[{(char + '中') * 20}]</p>" for char in probes)  # (each beside a CJK character, as in a text:
    # Chromium sets two CJK quotes or brackets in a row in half their width each)
    page = tmp_path / "signs.html"
    page.write_text(f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{STYLE}'
                    f"p{{margin:0;white-space:nowrap}}</style></head><body>{body}</body></html>", encoding="utf-8")
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        lines = pdf.pages[0].chars
    brackets = [c for c in lines if c["text"] in "[]"]
    for index, char in enumerate(probes):
        left, right = brackets[2 * index], brackets[2 * index + 1]
        assert abs(left["top"] - right["top"]) < 1, char
        printed = (right["x0"] - left["x1"]) / 20 - 10.5
        counted = text_width(char) * POINTS_A_UNIT
        assert counted >= printed * 0.9, (char, counted, printed)
        assert counted <= printed * 1.1 or char in "9a™", (char, counted, printed)  # (「™」 0.8 of a character)


@pytest.mark.parametrize("digits", [2, 3, 4, 5])
def test_a_target_sized_for_one_line_prints_on_one_line_on_the_monitoring_page(tmp_path: Path, digits: int) -> None:
    """A 监控表 page whose 年度指标值 are 「≥」 targets of 2–5 digits (「≥90%」 … 「≥90.91%」) beside long texts that
    take the width: Chromium prints each target on as many lines as the layout counts at its column's width — one
    for each here — never 「≥90.91 / %」."""
    import pdfplumber

    from perfbudget.app.evaluations import monitor
    from perfbudget.evaluate.sheet import read_sheet_bytes
    from perfbudget.evaluate.vocabulary import MONITOR_COLUMNS
    from perfbudget.writers.monitoring_files import monitoring_html
    from tests.evaluate.helpers import csv_bytes

    figure = "90" + (f".{'91234'[:digits - 2]}" if digits > 2 else "")  # (90, 90.9, 90.91, 90.912)
    names = ["补贴园数", "租用面积", "覆盖率", "合规率", "及时率", "租户评价"]
    long = "受疫情影响部分工作推迟，已会同有关部门简化流程，下一步将加强沟通，确保年底前全部完成。" * 2
    rows = [["100001测试单位", "单位：万元"], ["项目名称", "测试项目-2024中央"],
            ["预算规模及资金用途", "预算数", "100", "其中：财政资金", "100", "其他资金", " "], ["", "用于测试"],
            ["绩效目标", "完成测试"], ["一级指标", "二级指标", "三级指标", "指标值"],
            *[[level1 if n in (0, 5) else "", "数量指标" if n < 5 else "满意度指标", name, f"≥{figure}%"]
              for n, (name, level1) in enumerate(zip(names, ["产出指标"] * 5 + ["满意度指标"], strict=True))]]
    document, problems = read_text(table_text(*rows), "signs.txt")
    assert document is not None, problems
    project = "测试项目-2024中央"
    sheet = [f"{project},全年执行数,50,,,,,,",
             *(f"{project},{name},{figure}%,,有可能,{figure}%,其他,{long},"
               for name in names)]
    sheet_rows, found = read_sheet_bytes(csv_bytes(*sheet, header=",".join(MONITOR_COLUMNS)), "监控.csv", "monitor")
    result, found = monitor(document, sheet_rows, found, "监控.csv", 6)
    assert result is not None, found
    page = tmp_path / "monitor.html"
    page.write_bytes(monitoring_html(result).encode("utf-8"))
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    target = f"≥{figure}%"
    assert text.count(target) >= len(names), (target, [line for line in text.split("\n") if "≥" in line])


def test_a_portrait_pages_labels_break_between_words_never_inside_one(tmp_path: Path) -> None:
    """Target tables of every shape the portrait page takes — with and without a 绩效指标描述, 三级指标 of 4 to 40
    characters, targets of 3 to 60 — printed by Chromium in one page: 「其中：财政资金」 breaks after 「其中：」 or not
    at all, never 「其中：财 / 政资金」 (its column was sized for half its characters: r109, r85); every label of the
    funds row is whole on a line."""
    import pdfplumber

    from perfbudget.writers.target_table_html import target_table_html

    text = ""
    shapes = list(itertools.product((False, True), (4, 12, 40), (3, 20, 60)))
    for number, (described, name_length, target_length) in enumerate(shapes, 1):
        name = ("巡检次数覆盖面积与合格率" * 4)[:name_length]
        target = ("≥15次" + "，按季度开展检查并形成书面报告" * 4)[:target_length]
        header = [row for row in HEADER_ROWS]
        header[1] = ["项目名称", f"测试项目{number}-2024中央"]
        header[-1] = ["一级指标", "二级指标", "三级指标", *(["绩效指标描述"] if described else []), "指标值"]
        rows = [["产出指标", "数量指标", name, *([name] if described else []), target],
                ["", "质量指标", "合格率", *(["合格率"] if described else []), "≥95%"],
                ["满意度指标", "服务对象满意度指标", "满意度", *(["满意度"] if described else []), "≥90%"]]
        text += table_text(*header, *rows, heading=f"{number}.测试项目{number}-2024中央绩效目标表")
    document, problems = read_text(text, "shapes.txt")
    assert document is not None and len(document.projects) == len(shapes), problems
    page = tmp_path / "shapes.html"
    page.write_bytes(target_table_html(document))
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        pages = [unicodedata.normalize("NFKC", sheet.extract_text() or "").split("\n") for sheet in pdf.pages]
    assert len(pages) == len(shapes)
    for number, lines in enumerate(pages, 1):
        assert any("财政资金" in line for line in lines), (number, shapes[number - 1], lines[:8])
        assert any("其他资金" in line for line in lines) and any("预算数" in line for line in lines), lines[:8]


def test_the_word_forms_never_leave_the_last_character_of_a_short_text_alone(tmp_path: Path,
                                                                               seed_document: Document) -> None:
    """The seed's Word 监控表 and 自评表 printed by LibreOffice (which, as Word, fills a line before it breaks): no text
    of a cell that takes two lines prints its last character alone on the second — 「社会效益指 / 标」, 「人员不 /
    足」, 「年度指标 / 值」, 「≤17万 / 元」 and 「项目资金（万 / 元）」 did: such a text is set on one line, its cell's
    side margins narrowed (and, where that is not enough, its size a little smaller, 9 pt at least)."""
    import pdfplumber

    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.evaluation_layout import project_grid as evaluation_grid
    from perfbudget.writers.monitoring_files import monitoring_docx
    from perfbudget.writers.monitoring_layout import project_grid as monitoring_grid
    from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring
    from tests.writers.test_print_pdf import to_pdf, written

    monitoring = _monitoring(seed_document, _rows())
    sheet = (P5_SHEET[0], f"{P5},全年预算数,58,,,", *P5_SHEET[1:])
    evaluation, found = run(seed_document, csv_bytes(*sheet))
    assert evaluation is not None, found
    grids = [monitoring_grid(monitoring, project) for project in monitoring.projects] + \
        [evaluation_grid(evaluation, project) for project in evaluation.projects]
    texts = {cell.text for grid in grids for cell in grid.cells
             if cell.text and "\n" not in cell.text and 3 <= len(cell.text) <= 12}
    files = {"mon.docx": monitoring_docx(monitoring), "eval.docx": evaluation_docx(evaluation)}
    pdfs = to_pdf(written(files, tmp_path), tmp_path)
    shown = {unicodedata.normalize("NFKC", text) for text in texts}
    alone = []
    for pdf_path in pdfs.values():
        with pdfplumber.open(pdf_path) as pdf:
            for page in pdf.pages:
                words = [{**w, "text": unicodedata.normalize("NFKC", w["text"])} for w in page.extract_words()]
                for first, second in itertools.product(words, words):
                    text = first["text"] + second["text"]
                    if len(second["text"].rstrip(")）")) == 1 and 0 < second["top"] - first["bottom"] < 8 \
                            and first["x0"] - 40 < second["x0"] < first["x1"] and text in shown:
                        alone.append(text)
    assert not alone, alone


def test_only_a_label_breaks_between_its_words_and_never_beside_a_figure() -> None:
    """A head's or label's cell breaks only between its words (class ``w``): 「其中：财政资金」, 「其中：当年财政拨款」
    (nine characters, one place: print38 capped labels at eight); a target or a text is no label — 「≤475元/亩」,
    「10:00前」, 「元/人·次」 were cut 「≤475元/ | 亩」 — and no label is cut at a colon or slash beside a digit."""
    from perfbudget.writers.target_table_html import table_html, word_lines

    assert word_lines("其中：当年财政拨款") == ("其中：", "当年财政拨款")
    assert word_lines("其中：财政资金") == ("其中：", "财政资金")
    assert word_lines("10:00前") is None and word_lines("1/2完成") is None and word_lines("3,359万") is None
    rows = [*HEADER_ROWS[:-1], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "亩均补贴", "≤475元/亩"], ["", "时效指标", "到岗时间", "10:00前"],
            ["", "成本指标", "人均成本", "元/人·次"]]
    document, problems = read_text(table_text(*rows, heading="1.测试项目-2024中央绩效目标表"), "labels.txt")
    assert document is not None, problems
    page = table_html(project_grid(document, document.projects[0]))
    kept = {text for text in ("≤475元/亩", "10:00前", "元/人·次") if f'class="c w">{escape(text)}<' in page}
    assert not kept and 'class="c b w">其中：财政资金<' in page, (kept, page)


@pytest.mark.parametrize("target", ["≥90.91%", "=100%", "＝100%", ">=95%", "≤2", "＞0", "≧98%"])
def test_a_target_of_a_sign_and_a_figure_is_a_figure(target: str) -> None:
    """Every sign a figure's target is written with (「=100%」 is as common as 「≥95%」) makes a figure, kept on one
    line: print38's pattern missed 「=」 (and 「>=」, 「≧」)."""
    from perfbudget.writers.print_layout import FIGURE

    assert FIGURE.match(target) and not FIGURE.match(f"{target}以上") and not FIGURE.match("==100%")


def test_a_figures_comparison_sign_is_measured_a_character_wide_in_word() -> None:
    """The Word forms fit a figure and a short text on one line with one helper and one Latin width: a target's
    「≥」 is a CJK character wide there as in the pages (print38 counted a figure 0.7 of the size a character, 「≥」
    too, and a text's Latin 0.65): 「≥90.91%」 at 10.5 pt is 54.6 pt, over the 53.2 pt between a 64 pt cell's
    margins, which are narrowed."""
    from docx import Document as WordDocument

    from perfbudget.writers.evaluation_docx import _figure_on_one_line

    cell = WordDocument().add_table(rows=1, cols=1).cell(0, 0)
    assert _figure_on_one_line(cell, "≥90.91%", 64.0, 10.5, amount=False) == 10.5
    assert "w:tcMar" in cell._tc.xml, cell._tc.xml


def test_a_text_a_character_too_wide_for_its_column_prints_on_one_line_in_word(tmp_path: Path) -> None:
    """Made-up Word grids, one a page, printed in one LibreOffice run: a text of n characters (3–8) in columns n−1, n
    and n+1 characters wide (and the side margins) prints on one line in each — in the narrowest its cell's margins
    narrowed and its size a little smaller (9 pt at least), never its last character alone on a second line."""
    import pdfplumber
    from docx import Document as WordDocument

    from perfbudget.writers.evaluation_docx import grids_docx
    from perfbudget.writers.evaluation_layout import Cell, Grid
    from perfbudget.writers.print_layout import DOCX_CELL_SIDE_TWIPS, POINTS_PER_CM, docx_section
    from tests.writers.test_print_pdf import to_pdf, written

    def points(chars: int) -> float:  # a column holding ``chars`` CJK characters at 10.5 pt with 1 pt to spare
        return (chars * 10.5 + 2 * DOCX_CELL_SIDE_TWIPS / 20 + 1) / POINTS_PER_CM

    usable = docx_section(WordDocument().sections[0], [1.0] * 8)
    texts = {n: "绩效目标完成情况说明"[:n] for n in range(3, 9)}
    grids = []
    for n, text in texts.items():
        widths = [points(n - 1), points(n), points(n + 1)]
        cells = [*(Cell(0, col, text, kind="label") for col in range(3)), Cell(0, 3, ""),
                 Cell(1, 0, "", kind="header", colspan=4)]  # (a grid's head, then its indicator header row)
        grids.append(Grid(tuple(cells), 2, (), f"{n}", (*widths, usable - sum(widths)), header_row=1))
    pdf_path = to_pdf(written({"fit.docx": grids_docx(grids)}, tmp_path), tmp_path)["fit.docx"]
    with pdfplumber.open(pdf_path) as pdf:
        pages = [[unicodedata.normalize("NFKC", line["text"]) for line in page.extract_text_lines()]
                 for page in pdf.pages]
    for (n, text), lines in zip(texts.items(), pages, strict=True):
        assert sum(line.count(text) for line in lines) == 3, (n, lines)
