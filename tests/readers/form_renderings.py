"""A read table rendered the way units make their files, and the fields every form must read the same.

Shared by ``tests/readers/test_form_invariance.py`` (a small fixed sample) and ``bench/form_invariance.py`` (the
corpus's text tables read right). A project's reading (:class:`perfbudget.model.Project`) is laid out as the
published forms are: the header block (项目名称, 主管部门, the funds block under one label cell merged down, 年度目标)
above the indicator header and rows, 一级/二级 written once and merged down their runs. Then written:

* **Word** (python-docx): one table, the merges as Word makes them (``w:vMerge`` down, ``w:gridSpan`` across);
* **Excel** (openpyxl): merged ranges; amounts as numbers under ``#,##0.00``, a bare percentage as ``0.95`` under
  ``0%``, a bare number as a number;
* **HTML**: ``rowspan``/``colspan``, as a CMS page keeps a pasted form;
* **LibreOffice** conversions of those: .doc and PDF from the Word file, .xls, .ods and PDF from the Excel file.

:func:`reading_of` gives what must not depend on the form: the project's name, year, money unit and funds, and each
indicator's levels, 三级 name, comparator, value, unit (and a self-evaluation's weight, actual and score).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from perfbudget.model import Document, Project

SELF_EVALUATION = "self-evaluation"
_PERCENT = re.compile(r"(\d+(?:\.(\d+))?)%")
_NUMBER = re.compile(r"\d+(?:\.(\d+))?")


@dataclass(frozen=True)
class Cell:
    """One cell of the form: its text, and the number a spreadsheet keeps with its format (None: text)."""

    text: str
    number: Decimal | None = None
    number_format: str = "General"


@dataclass
class Form:
    """A project laid out as a form: a title, rows of ``width`` cells, merged areas (top, left, bottom, right)."""

    title: str
    width: int
    rows: list[list[Cell]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def add(self, cells: list[Cell], span_last: bool = True) -> int:
        """Add a row (padded to the width; its last cell spanning the rest when `span_last`); its index."""
        row = len(self.rows)
        self.rows.append(cells + [Cell("")] * (self.width - len(cells)))
        if span_last and len(cells) < self.width:
            self.merges.append((row, len(cells) - 1, row, self.width - 1))
        return row


def _decimals(text: str | None) -> int:
    return len(text) if text else 0


def _amount(value: Decimal) -> Cell:
    """An amount as a spreadsheet shows it: thousands grouped, two decimal places or the amount's own."""
    places = max(2, -int(value.as_tuple().exponent))
    return Cell(f"{value:,.{places}f}", value, "#,##0." + "0" * places)


def _figure(text: str) -> Cell:
    """A value cell as a spreadsheet keeps it when the form's author typed a bare percentage or number."""
    percent = _PERCENT.fullmatch(text)
    if percent:
        places = _decimals(percent.group(2))
        return Cell(text, Decimal(percent.group(1)) / 100, "0" + ("." + "0" * places if places else "") + "%")
    number = _NUMBER.fullmatch(text)
    if number:
        places = _decimals(number.group(1))
        return Cell(text, Decimal(text), "0" + ("." + "0" * places if places else ""))
    return Cell(text)


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """(first, last) of each run of equal values."""
    runs: list[tuple[int, int]] = []
    for number, value in enumerate(values):
        if runs and values[runs[-1][0]] == value:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def form_of(document: Document, project: Project) -> Form:
    """The project laid out as units lay out the form (see the module's docstring)."""
    self_evaluation = document.kind == SELF_EVALUATION
    indicators = project.indicators
    columns = ["一级指标", "二级指标", "三级指标", "年度指标值" if self_evaluation else "指标值"]
    if self_evaluation:
        columns += ["实际完成值"]
        if any(i.weight is not None for i in indicators):
            columns += ["分值"]
        if any(i.score is not None for i in indicators):
            columns += ["得分"]
    width = max(len(columns), 5 if self_evaluation else 4)
    kind = "绩效自评表" if self_evaluation else "绩效目标表"
    year = f"（{project.fund_year}年度）" if project.fund_year else ""
    form = Form(f"项目支出{kind}{year}", width)
    form.add([Cell("项目名称"), Cell(project.name)])
    if document.unit.name:
        form.add([Cell("主管部门"), Cell(document.unit.name)])
    _add_funds(form, document, project, self_evaluation)
    if project.goals:
        form.add([Cell("年度目标"), Cell("\n".join(project.goals))])
    form.add([Cell(c) for c in columns], span_last=False)
    first = len(form.rows)
    for item in indicators:
        cells = [Cell(item.level1), Cell(item.level2), Cell(item.level3), _figure(item.target.raw)]
        if self_evaluation:
            cells.append(_figure(item.actual or ""))
            if "分值" in columns:
                cells.append(_figure(str(item.weight)) if item.weight is not None else Cell(""))
            if "得分" in columns:
                cells.append(_figure(str(item.score)) if item.score is not None else Cell(""))
        form.add(cells, span_last=False)
    for column in (0, 1):
        keys = [(i.level1, i.level2)[: column + 1] for i in indicators]
        for top, bottom in _runs([repr(k) for k in keys]):
            if bottom > top:
                form.merges.append((first + top, column, first + bottom, column))
                for row in range(first + top + 1, first + bottom + 1):
                    form.rows[row][column] = Cell("")
    return form


def _add_funds(form: Form, document: Document, project: Project, self_evaluation: bool) -> None:
    """The funds block: one label cell merged down beside a row a source."""
    budget = project.budget
    label = Cell(f"项目资金（{document.money_unit or '万元'}）")
    lines = [(name, value) for name, value in (("年度资金总额", budget.total), ("其中：财政拨款", budget.fiscal),
                                               ("其他资金", budget.other)) if value is not None]
    if not lines:
        return
    top = len(form.rows)
    if self_evaluation:
        form.add([label, Cell(""), Cell("年初预算数"), Cell("全年预算数"), Cell("全年执行数")], span_last=False)
        for name, value in lines:
            initial = budget.initial if name == "年度资金总额" else None
            executed = budget.executed if name == "年度资金总额" else None
            form.add([Cell(""), Cell(name), _amount(initial) if initial is not None else Cell(""), _amount(value),
                      _amount(executed) if executed is not None else Cell("")], span_last=False)
    else:
        for name, value in lines:
            form.add([Cell(""), Cell(name), _amount(value)])
        form.rows[top][0] = label
    form.rows[top][0] = label
    if len(form.rows) - 1 > top:
        form.merges.append((top, 0, len(form.rows) - 1, 0))


def reading_of(document: Document | None) -> list[tuple[object, ...]]:
    """What every form of a table must read the same: per project its head, then one tuple an indicator."""
    if document is None:
        return []
    fields: list[tuple[object, ...]] = []
    for project in document.projects:
        budget = project.budget
        amounts = (budget.total, budget.fiscal, budget.other)
        unit = document.money_unit if any(a is not None for a in amounts) else None  # a form without funds names none
        fields.append(("project", project.name, project.fund_year, unit, *amounts))
        for item in project.indicators:
            target = item.target
            fields.append((item.level1, item.level2, item.level3, target.op, target.value, target.unit,
                           item.weight, item.actual, item.score))
    return fields


# --- writers -----------------------------------------------------------------------------------------------------


def _covered(form: Form) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Each merged area by its top-left cell."""
    return {(top, left): (top, left, bottom, right) for top, left, bottom, right in form.merges}


def write_docx(form: Form, path: Path) -> None:
    """A Word file: the title, then the form as one table with Word's own merges."""
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_paragraph(form.title)
    table = word.add_table(rows=len(form.rows), cols=form.width)
    table.style = "Table Grid"
    for number, row in enumerate(form.rows):
        for column, cell in enumerate(row):
            if cell.text:
                table.cell(number, column).text = cell.text
    for top, left, bottom, right in form.merges:
        text = form.rows[top][left].text
        merged = table.cell(top, left).merge(table.cell(bottom, right))
        merged.text = text
    word.save(str(path))


def write_xlsx(form: Form, path: Path) -> None:
    """An Excel sheet: the title merged over the form's width, the form under it, numbers with their formats."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效目标"
    sheet.cell(row=1, column=1, value=form.title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=form.width)
    wrap = Alignment(wrap_text=True, vertical="center")
    thin = Side(style="thin")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)
    for number, row in enumerate(form.rows, start=2):
        for column, cell in enumerate(row, start=1):
            if cell.number is not None:
                target = sheet.cell(row=number, column=column, value=cell.number)
                target.number_format = cell.number_format
            else:
                target = sheet.cell(row=number, column=column, value=cell.text or None)
                target.data_type = "s"  # typed text: ``=100%`` stays the text the form shows, no formula
            target.alignment = wrap
            target.border = ruled
    for top, left, bottom, right in form.merges:
        sheet.merge_cells(start_row=top + 2, start_column=left + 1, end_row=bottom + 2, end_column=right + 1)
    widths = (12, 14, 30, 16, 14, 8, 8, 8)[: form.width]
    for column, width in zip("ABCDEFGH", widths, strict=False):
        sheet.column_dimensions[column].width = width
    for number, lines in enumerate(_lines_a_row(form, widths), start=2):
        sheet.row_dimensions[number].height = 15 * lines + 2  # what Excel's 自动调整行高 gives: no text overflows
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # printed one page wide, as units print a form
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    book.save(str(path))


def _lines_a_row(form: Form, widths: tuple[int, ...]) -> list[int]:
    """Lines each row needs for its cells' wrapped text (a CJK character two widths; a merged area's own width)."""
    areas = _covered(form)
    needed = []
    for number, row in enumerate(form.rows):
        most = 1
        for column, cell in enumerate(row):
            top, left, bottom, right = areas.get((number, column), (number, column, number, column))
            if bottom > top or not cell.text:
                continue  # a cell merged down has the rows' height together
            room = sum(widths[left:right + 1]) - 1
            lines = 0
            for line in cell.text.split("\n"):
                units = sum(5 if ord(character) > 0x2E80 else 3 for character in line) / 2  # with a margin
                lines += max(1, -int(-units // room))
            most = max(most, lines)
        needed.append(most)
    return needed


def write_html(form: Form, path: Path) -> None:
    """A CMS page: the title, then the form as one table with ``rowspan``/``colspan``."""
    areas = _covered(form)
    hidden = {(r, c) for top, left, bottom, right in form.merges for r in range(top, bottom + 1)
              for c in range(left, right + 1) if (r, c) != (top, left)}
    lines = ["<html><head><meta charset=\"utf-8\"></head><body>", f"<p>{html.escape(form.title)}</p>",
             "<table border=\"1\">"]
    for number, row in enumerate(form.rows):
        cells = []
        for column, cell in enumerate(row):
            if (number, column) in hidden:
                continue
            span = ""
            if (number, column) in areas:
                top, left, bottom, right = areas[(number, column)]
                span += f" rowspan=\"{bottom - top + 1}\"" if bottom > top else ""
                span += f" colspan=\"{right - left + 1}\"" if right > left else ""
            text = "<br>".join(html.escape(part) for part in cell.text.split("\n"))
            cells.append(f"<td{span}>{text}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table></body></html>")
    path.write_text("\n".join(lines), encoding="utf-8")


def convert_all(sources: list[Path], target: str, directory: Path, profile: Path) -> list[Path]:
    """Convert every file with one LibreOffice run (``--convert-to``); the converted files, in order."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is needed to convert the renderings")
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run([program, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--convert-to",
                    target, "--outdir", str(directory), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)
    suffix = target.split(":")[0]
    return [directory / f"{source.stem}.{suffix}" for source in sources]


FORMS = ("docx", "xlsx", "html", "doc", "docx-pdf", "xls", "ods", "xlsx-pdf")


def render_all(forms: list[Form], names: list[str], directory: Path,
               wanted: tuple[str, ...] = FORMS) -> dict[str, list[Path]]:
    """The ``wanted`` forms of every table: {form: the files in the tables' order} (a LibreOffice run a target form:
    both PDFs in one, the Word file named ``N-word``, the Excel file ``N-sheet``)."""
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {"docx": [], "xlsx": [], "html": []}
    for form, name in zip(forms, names, strict=True):
        for suffix, stem, writer in (("docx", "word", write_docx), ("xlsx", "sheet", write_xlsx),
                                     ("html", "page", write_html)):
            path = directory / f"{name}-{stem}.{suffix}"
            writer(form, path)
            written[suffix].append(path)
    profile = directory / "lo-profile"
    if "doc" in wanted:
        # LibreOffice drops python-docx's tables when it writes .doc straight from the .docx; through its own .odt
        # (a document opened, edited and saved as .doc in Writer) the table is kept
        middle = convert_all(written["docx"], "odt", directory / "odt", profile)
        written["doc"] = convert_all(middle, "doc:MS Word 97", directory / "doc", profile)
    printed = [source for form, source in (("docx-pdf", "docx"), ("xlsx-pdf", "xlsx")) if form in wanted]
    pdfs = convert_all([path for source in printed for path in written[source]], "pdf", directory / "pdf",
                       profile) if printed else []
    for number, source in enumerate(printed):
        written[f"{source}-pdf"] = pdfs[number * len(forms):(number + 1) * len(forms)]
    for form in ("xls", "ods"):
        if form in wanted:
            written[form] = convert_all(written["xlsx"], form, directory / form, profile)
    return {form: written[form] for form in wanted}
