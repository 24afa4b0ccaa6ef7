"""Every download printed by LibreOffice: one page wide, nothing cut (issue 15.2).

The 绩效目标表 and the 自评表 in xlsx, docx and html are converted to PDF by a real
LibreOffice (``soffice --headless --convert-to pdf``) and read with pdfplumber:

* every character of every cell is in the PDF (nothing lost off the page or under a cell);
* no character across the page edge, and no two words overlap (text overflowing a row that
  is too short is drawn over its neighbours or off the page, and is then missing from the tally);
* one page wide: the leftmost and the rightmost header of each indicator table are on the
  same page, and pages are A4 in the orientation the writer chose.

LibreOffice comes from scripts/test.sh (installed when missing, like Chromium). Without it
the test is skipped locally and fails in CI.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from perfbudget.evaluate.result import Evaluation
from perfbudget.model import Document
from perfbudget.target import display_target
from perfbudget.writers.evaluation_docx import evaluation_docx
from perfbudget.writers.evaluation_html import evaluation_html
from perfbudget.writers.evaluation_layout import project_grid as evaluation_grid
from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
from perfbudget.writers.print_layout import PRINT_CSS
from perfbudget.writers.target_table_export import render
from perfbudget.writers.target_table_layout import project_grid as target_grid
from tests.conftest import SAMPLES, soffice_path, soffice_profile
from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run

A4 = (595.3, 841.9)


def to_pdf(files: list[Path], workdir: Path) -> dict[str, Path]:
    """Convert all files in one LibreOffice run, with the test process's profile (parallel runs never share one:
    tests/conftest.py ``soffice_profile``)."""
    assert len({f.stem for f in files}) == len(files), "one PDF per stem: the names must differ before the suffix"
    out = workdir / "pdf"
    command = [soffice_path(), f"-env:UserInstallation={soffice_profile()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    pdfs = {f.name: out / f"{f.stem}.pdf" for f in files}
    missing = [name for name, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, (missing, done.stdout, done.stderr)
    return pdfs


def written(files: dict[str, bytes], directory: Path) -> list[Path]:
    """Each file of ``files`` (name → bytes) written in ``directory``; their paths, in order."""
    paths = []
    for name, data in files.items():
        (directory / name).write_bytes(data)
        paths.append(directory / name)
    return paths


def chromium_pdf(page: Path, workdir: Path, *, browser_header: bool = False) -> Path:
    """``page`` printed by a real Chromium to ``page.pdf`` (A4 when the page's CSS says so, no browser header unless
    ``browser_header``: the date and the page's title over every page, its address and 1/2 under it)."""
    from tests.web.test_browser import CHROMIUM_ARGS, _chromium

    pdf_path = page.with_suffix(".pdf")
    plain = [] if browser_header else ["--no-pdf-header-footer"]
    subprocess.run([_chromium(), *CHROMIUM_ARGS, f"--user-data-dir={workdir / 'profile'}", *plain,
                    f"--print-to-pdf={pdf_path}", page.as_uri()], capture_output=True, timeout=180, check=False)
    assert pdf_path.exists(), page.name
    return pdf_path


def _squash(text: str) -> str:
    return "".join(text.split())


def _straddles(char: dict[str, Any], width: float, height: float) -> bool:
    inside_x = char["x1"] > 0.5 and char["x0"] < width - 0.5
    inside_y = char["bottom"] > 0.5 and char["top"] < height - 0.5
    partly = char["x0"] < -0.5 or char["x1"] > width + 0.5 or char["top"] < -0.5 or char["bottom"] > height + 0.5
    return inside_x and inside_y and partly


def _overlaps(words: list[dict[str, Any]]) -> list[tuple[str, str]]:
    found = []
    for index, a in enumerate(words):
        for b in words[index + 1:]:
            width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if width > 1 and height > 0.4 * min(a["bottom"] - a["top"], b["bottom"] - b["top"]):
                found.append((a["text"], b["text"]))
    return found


def check_pdf(pdf_path: Path, expected: list[str], same_page: list[tuple[str, str]], landscape: bool | None) -> int:
    """Asserts the print properties; returns the page count."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        chars: Counter[str] = Counter()
        pages_text = []
        for page in pdf.pages:
            width, height = float(page.width), float(page.height)
            assert {round(width), round(height)} == {round(A4[0]), round(A4[1])}, (pdf_path.name, width, height)
            if landscape is not None and page.page_number == 1:  # (a 汇总 sheet after may be portrait)
                assert (width > height) is landscape, (pdf_path.name, "orientation")
            # A character across the page edge is cut. One wholly outside is not printed: LibreOffice
            # draws a merged cell's text on every page it spans, clipped away where it is not;
            # what counts is that every character is printed somewhere (the tally below).
            cut = [c["text"] for c in page.chars if _straddles(c, width, height)]
            assert not cut, (pdf_path.name, page.page_number, "".join(cut)[:80])
            visible = page.within_bbox((0, 0, width, height))
            words = visible.extract_words(keep_blank_chars=False, use_text_flow=False)
            overlaps = _overlaps(words)
            assert not overlaps, (pdf_path.name, page.page_number, overlaps[:5])
            text = visible.extract_text() or ""
            pages_text.append(_squash(text))
            chars.update(c["text"] for c in visible.chars if not c["text"].isspace())
        needed = Counter(ch for text in expected for ch in _squash(text))
        lacking = needed - chars
        assert not lacking, (pdf_path.name, "missing characters", dict(lacking))
        for left, right in same_page:
            assert any(left in page and right in page for page in pages_text), (pdf_path.name, left, right)
        return len(pdf.pages)


@pytest.fixture(scope="module")
def evaluation(seed_document: Document) -> Evaluation:
    sheet = (P5_SHEET[0], f"{P5},全年预算数,58,,,", f"{P5},总体目标完成情况,全年保障检察业务正常开展，办案质量稳定,,,",
             *P5_SHEET[1:])
    result, problems = run(seed_document, csv_bytes(*sheet))
    assert result is not None, problems
    return result


WIDE_TABLE = "r100_hunan-yueyanglou-jiagerenzheng-zhengti-wps-merged.xlsx"  # nine columns: 指标值类型, 评分标准 …


def _read(path: Path) -> Document:
    from perfbudget.load import load_path

    document = load_path(path).document
    assert document is not None, path
    return document


def _target_texts(document: Document) -> list[str]:
    """Every cell's text as the 绩效目标表 shows it (merged cells once), with the headings."""
    texts: list[str] = []
    for project in document.projects:
        grid = target_grid(document, project)
        texts += [grid.heading or "", *(cell.text for cell in grid.cells)]
    assert any(display_target(i.target) in texts for p in document.projects for i in p.indicators)
    return texts


def test_every_download_prints_one_page_wide_with_nothing_cut(tmp_path: Path, seed_document: Document,
                                                             evaluation: Evaluation) -> None:
    sample = SAMPLES / "14_hunan-nanyue-fupin-2018-target-lvyoujichusheshi.txt"
    from perfbudget.load import load_path

    wide = load_path(sample).document  # a real table with a 绩效指标描述 column and long texts
    assert wide is not None
    files = {
        "目标表.xlsx": render(seed_document, "xlsx"), "目标表.docx": render(seed_document, "docx"),
        "目标表.html": render(seed_document, "html"),
        "目标表2.xlsx": render(wide, "xlsx"), "目标表2.docx": render(wide, "docx"),
        "自评表.xlsx": evaluation_xlsx(evaluation), "自评表.docx": evaluation_docx(evaluation),
        "自评表.html": evaluation_html(evaluation).encode("utf-8"),
    }
    paths = []
    for name, data in files.items():
        stem, suffix = name.rsplit(".", 1)
        path = tmp_path / f"{stem}-{suffix}.{suffix}"  # one PDF per file: stems must differ
        path.write_bytes(data)
        paths.append(path)
    converted = to_pdf(paths, tmp_path)
    pdfs = {name: converted[path.name] for name, path in zip(files, paths, strict=True)}

    for name, document in (("目标表", seed_document), ("目标表2", wide)):
        expected = _target_texts(document)
        pairs = [("一级指标", "指标值")]
        xlsx_pages = check_pdf(pdfs[f"{name}.xlsx"], expected, pairs, landscape=None)
        assert xlsx_pages >= len(document.projects)  # one sheet per project, each starting a page
        check_pdf(pdfs[f"{name}.docx"], expected, pairs, landscape=None)
    check_pdf(pdfs["目标表.html"], _target_texts(seed_document), [], landscape=None)

    project = evaluation.projects[0]
    grid = evaluation_grid(evaluation, project)
    expected = [cell.text for cell in grid.cells] + list(grid.explanations)
    pairs = [("一级指标", "偏差原因"), ("项目资金", "得分"), ("总分", "自评等级")]
    assert check_pdf(pdfs["自评表.xlsx"], expected, pairs, landscape=True) >= 2  # the 自评表, then 汇总
    assert check_pdf(pdfs["自评表.docx"], expected, pairs, landscape=True) >= 1
    check_pdf(pdfs["自评表.html"], [cell.text for cell in grid.cells], [], landscape=None)


def test_long_tables_repeat_the_indicator_header_on_every_page(tmp_path: Path) -> None:
    from tests.writers.test_repeated_headers import long_target_document

    document = long_target_document()
    p = "测试项目-2024中央"
    sheet = [f"{p},全年执行数,9,,,", *(f"{p},第{n + 1}项工作完成数量（按季度统计并报送）,{8 + n % 4}次,,,"
                                    for n in range(45)), f"{p},效果,,达成,,", f"{p},满意度,95%,,,"]
    evaluation, problems = run(document, csv_bytes(*sheet))
    assert evaluation is not None, problems
    files = {"long-target-x.xlsx": render(document, "xlsx"), "long-target-d.docx": render(document, "docx"),
             "long-eval-x.xlsx": evaluation_xlsx(evaluation), "long-eval-d.docx": evaluation_docx(evaluation)}
    pdfs = to_pdf(written(files, tmp_path), tmp_path)
    import pdfplumber

    grid = evaluation_grid(evaluation, evaluation.projects[0])
    levels = tuple({indicator.level1 for indicator in document.projects[0].indicators})
    expected = {"long-target": _target_texts(document), "long-eval": [c.text for c in grid.cells]}
    for name, pdf_path in pdfs.items():
        pages = check_pdf(pdf_path, expected[name.rsplit("-", 1)[0]], [], landscape=None)
        assert pages >= 2, name
        with pdfplumber.open(pdf_path) as pdf:
            second = _squash(pdf.pages[1].extract_text() or "")
            later = [(pdf.pages[n].extract_text() or "").splitlines() for n in range(1, len(pdf.pages))]
        # every download, the 绩效目标表 in Word too (drawn as a head and an indicator table since print2)
        assert "一级指标" in second and "三级指标" in second, (name, second[:80])
        # print24: every page says whose table it is (page 2 on named no one); Word's without labels (its reader
        # takes a 「预算单位：」 in a page header for the unit of the form)
        whose = "预算单位：100001测试单位项目名称：测试项目" if name.endswith(".xlsx") else "100001测试单位测试项目"
        assert all(_squash(lines[0]) == whose for lines in later if "汇总" not in _squash(lines[0])), (
            name, [lines[:1] for lines in later])
        if name.endswith((".xlsx", ".docx")):
            # print20: the rows under the repeated header stand under their 一级 label, drawn again on the page
            # (a label merged over rows crossing a page was printed on the first page only); in the Word 自评表
            # (and 监控表) too since print22, and in the Word 绩效目标表 since print23
            # (a header broken between its words, 偏差原因分析及 / 改进措施 since print40 in the workbook too,
            # prints its last line under the header's line: not a row)
            tails = tuple(cell.text[-4:] for cell in grid.cells if cell.kind == "header")
            checked = 0
            for lines in later:
                lines = [line for line in lines if not (_squash(line).endswith(tails)
                                                        and not _squash(line).startswith(("一级指标", *levels)))]
                # (a label of two lines, 服务对象满意度/指标, prints its first line above its row's: two lines read)
                under = [_squash(lines[n + 1] + ("" if name.endswith(".xlsx") else "".join(lines[n + 2:n + 3])))
                         for n, line in enumerate(lines[:-1])
                         if _squash(line).startswith("一级指标")]  # (the 计分说明's lines are no rows)
                rows = [line for line in under if not re.match(r"\d+\.|计分说明|预算执行率", line)]
                assert not rows or rows[0].startswith(levels) or (name.endswith(".docx") and any(
                    level in rows[0] for level in levels)), (name, lines[:3])
                checked += bool(rows)
            assert checked, name


def test_the_seed_printed_from_word_reads_back_with_page_numbers_and_no_orphaned_heading(
        tmp_path: Path, seed_document: Document) -> None:
    """Issue 4's PDF round trip, with today's docx: a project's heading and header block are never
    left at a page's foot apart from their indicators (read back, they were a broken table), and
    every page says 「第 n 页，共 m 页」."""
    import pdfplumber

    from perfbudget.load import load_path

    path = tmp_path / "目标表.docx"
    path.write_bytes(render(seed_document, "docx"))
    pdf_path = to_pdf([path], tmp_path)[path.name]
    result = load_path(pdf_path)
    assert result.ok, [str(p) for p in result.problems if p.severity == "error"][:3]
    assert result.document is not None
    assert [p.name for p in result.document.projects] == [p.name for p in seed_document.projects]
    assert ([[i.target.raw for i in p.indicators] for p in result.document.projects]
            == [[i.target.raw for i in p.indicators] for p in seed_document.projects])
    with pdfplumber.open(pdf_path) as pdf:
        total = len(pdf.pages)
        for page in pdf.pages:
            assert f"第{page.page_number}页，共{total}页" in _squash(page.extract_text() or ""), page.page_number


def test_html_downloads_printed_by_chromium_are_a4_with_page_numbers_and_the_header_on_every_page(
        tmp_path: Path, seed_document: Document, evaluation: Evaluation) -> None:
    """A browser prints the HTML downloads on A4 (Chromium's default is US Letter), with 「第 n 页，共 m
    页」, and a 绩效目标表 running over a page repeats its header rows (its ``<thead>``)."""
    import pdfplumber

    from tests.web.test_browser import CHROMIUM_ARGS, _chromium

    chromium = _chromium()
    from tests.writers.test_repeated_headers import long_evaluation, long_target_document

    files = {"target.html": render(seed_document, "html"), "eval.html": evaluation_html(evaluation).encode("utf-8"),
             "long-eval.html": evaluation_html(long_evaluation()).encode("utf-8"),
             "long-target.html": render(long_target_document(), "html"),
             # print24: a table too wide for portrait (nine columns) prints landscape, as its Word form does; in
             # portrait 「28.8万元」 broke a character or two a line in its column
             "wide-target.html": render(_read(SAMPLES.parent / "corpus" / WIDE_TABLE), "html")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        pdf_path = tmp_path / f"{name}.pdf"
        subprocess.run([chromium, *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf_path}", (tmp_path / name).as_uri()],
                       capture_output=True, timeout=120, check=False)
        with pdfplumber.open(pdf_path) as pdf:
            total = len(pdf.pages)
            table_ended = False  # the 自评表's last row (总分 … 自评等级：) printed: its 计分说明 follows
            for page in pdf.pages:
                # the 自评表 landscape, as in Word and Excel (portrait cut 执行率 「91.18%」 off its column)
                size = (round(A4[1]), round(A4[0])) if "eval" in name or "wide" in name else (
                    round(A4[0]), round(A4[1]))
                assert (round(float(page.width)), round(float(page.height))) == size, name
                text = unicodedata.normalize("NFKC", _squash(page.extract_text() or ""))  # ⼀ (a radical) → 一
                # (the PDF's text may name 页 by a radical's code point, ⻚: any character stands for it)
                assert re.search(f"第{page.page_number}.[，,]共{total}.", text), (name, page.page_number)
                if name in ("target.html", "long-target.html") or (name == "long-eval.html" and not table_ended):
                    # the 自评表's indicator header is its <thead> (on page 1 too: the long 自评表 once
                    # left page 1 a third empty, its indicators moved whole to page 2 by a row kept
                    # whole with its 产出指标 merged over 45 rows; 一级指标 wraps in its narrow column)
                    assert "三级指标" in text, (name, page.page_number, text[:60])
                if name in ("long-eval.html", "long-target.html") and not table_ended:
                    # print22: each page's rows stand beside their 一级 label (a rowspan crossing a page printed
                    # its text on one page only: Chromium repeats the <thead>, no merged cell); the 绩效目标表's too
                    # since print23
                    assert any(level in text for level in ("产出指标", "效益指标", "满意度指标")), (
                        page.page_number, text[:80])
                if name.startswith("long"):  # print24: every page says whose table it is, in its top margin
                    assert text.startswith("预算单位:100001测试单位项目名称:测试项目"), (name, page.page_number,
                                                                                      text[:60])
                table_ended = table_ended or "自评等级:" in text
        if name in ("long-eval.html", "long-target.html"):
            assert total >= 2, name
        if name == "wide-target.html":
            with pdfplumber.open(pdf_path) as pdf:
                lines = [_squash(line) for line in (pdf.pages[0].extract_text() or "").splitlines()]
            assert any("28.8万元" in line for line in lines), lines


def test_a_table_of_200_indicators_and_one_with_a_tall_head_print_their_header_on_every_page(
        tmp_path: Path) -> None:
    """print14: every page of every 绩效目标表 download printed (Word and Excel by LibreOffice, HTML by Chromium)
    carries the indicator header row and 「第 n 页，共 m 页」, for a project of 200 indicators and for a real
    table whose head holds 16 rows (a Yunnan 自评 form's funds lines): Chromium does not repeat a <thead> that
    tall, and its page 2 printed without a header until the HTML drew the head as a table of its own."""
    import pdfplumber

    from perfbudget.load import load_path
    from perfbudget.readers.text import read_text
    from tests.conftest import HEADER_ROWS, table_text
    from tests.web.test_browser import CHROMIUM_ARGS, _chromium

    rows = [["产出指标" if n == 0 else "", "数量指标" if n == 0 else "", f"第{n + 1}项工作完成数量", f"第{n + 1}项",
             f"≥{n + 1}次"] for n in range(198)]
    rows += [["效益指标", "社会效益指标", "效果", "效果", "有效保障"],
             ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]]
    many, problems = read_text(table_text(*HEADER_ROWS, *rows), "i200.txt")
    assert many is not None and len(many.projects[0].indicators) == 200, problems
    tall = load_path(Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
                     / "05_yunnan-baoshan-changning-gongxiaoshe-2022-selfeval-shengzhu-cut.txt").document
    assert tall is not None
    # its indicators twice: since kinds25 its funds lines print as a grid (a head of 14 rows, not 16) and the table
    # fitted one page, which asked nothing of a second page's header
    head = tall.projects[0]
    tall = replace(tall, projects=(replace(head, indicators=head.indicators * 2),))
    office = []
    for name, document in (("many", many), ("tall", tall)):
        for form in ("xlsx", "docx"):
            office.append(tmp_path / f"{name}-{form}.{form}")
            office[-1].write_bytes(render(document, form))
    pdfs = list(to_pdf(office, tmp_path).values())
    chromium = _chromium()
    for name, document in (("many", many), ("tall", tall)):
        page = tmp_path / f"{name}.html"
        page.write_bytes(render(document, "html"))
        pdfs.append(tmp_path / f"{name}-html.pdf")
        subprocess.run([chromium, *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdfs[-1]}", page.as_uri()], capture_output=True, timeout=180, check=False)
    for pdf_path in pdfs:
        with pdfplumber.open(pdf_path) as pdf:
            total = len(pdf.pages)
            assert total >= (4 if "many" in pdf_path.name else 2), (pdf_path.name, total)
            for page in pdf.pages:
                assert {round(float(page.width)), round(float(page.height))} == {round(A4[0]), round(A4[1])}
                text = unicodedata.normalize("NFKC", _squash(page.extract_text() or ""))
                assert "三级指标" in text and "指标值" in text, (pdf_path.name, page.page_number, text[:80])
                assert re.search(f"第{page.page_number}.[，,]共{total}.", text), (pdf_path.name, page.page_number)


def _body_size(pdf_path: Path) -> float:
    """The size most of the printed text has on the PDF's first page, in points."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        sizes = Counter(round(float(c["size"]), 1) for c in pdf.pages[0].chars if not c["text"].isspace())
    return sizes.most_common(1)[0][0]


def test_the_fill_in_sheets_print_one_page_wide_at_a_readable_size(tmp_path: Path, seed_document: Document) -> None:
    """print15: the 自评 and 监控 fill-in sheets (`perfbudget template`, the web's 下载自评填报表), handed round on
    paper, printed their 11 pt text at 6.6 pt and 4.8 pt: fixed columns 179 and 223 units wide fitted to one A4
    page. Their columns now fit their text, wrap, and keep the sheet narrow enough to print at 7.5 pt or more,
    with every character of every cell printed and the header row on every page; the form's title heads every page
    after the first (download-cost)."""
    from perfbudget.evaluate.template import _rows, template_xlsx

    files = {"fill-evaluation.xlsx": template_xlsx(seed_document),
             "fill-monitor.xlsx": template_xlsx(seed_document, kind="monitor", month=6)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    pdfs = to_pdf([tmp_path / name for name in files], tmp_path)
    for name, pdf_path in pdfs.items():
        kind = "monitor" if "monitor" in name else "evaluation"
        expected = [value for row in _rows(seed_document, seed_document.projects, kind)
                    for key, value in row.items() if not key.startswith("_")]
        last = "备注" if kind == "monitor" else "偏差原因分析"
        pages = check_pdf(pdf_path, expected, [("项目名称", last)], landscape=True)
        assert pages >= 2 and _body_size(pdf_path) >= 7.5, (name, pages, _body_size(pdf_path))
        import pdfplumber

        with pdfplumber.open(pdf_path) as pdf:
            title = "项目支出绩效自评填报表" if kind == "evaluation" else "项目绩效运行监控填报表"
            assert _squash(pdf.pages[0].extract_text() or "").count(title) == 1  # (its row 1, no page header)
            for page in pdf.pages[1:]:
                text = _squash(page.extract_text() or "")
                assert "项目名称" in text and last in text, (name, page.page_number)
                assert title in text, (name, page.page_number)  # the form's title on every page (download-cost)


_SEED_UNIT_NAME = "天津市和平区人民检察院"


def test_the_public_page_printed_by_chromium_keeps_every_project_heading_with_its_table(
        tmp_path: Path, seed_document: Document, evaluation: Evaluation) -> None:
    """print15: the unit's public page (`/public/units/{code}/{year}`) titles each 绩效目标表 with an <h3>, which
    the print style did not keep with its table: Chromium printed page 1 of the seed's page ending with
    「2.检察业务、装备及外包服务费-2023中央绩效目标表」 alone. No page ends with a heading now, and the 自评结果
    summary's header row is its <thead>. print25: every page begins with whose page it is, the unit and the year (pages
    2… named no unit; a page beginning inside a table, no project either)."""
    import pdfplumber

    from perfbudget.writers.target_table_layout import project_grid
    from perfbudget.writers.unit_page import unit_page_html

    page = tmp_path / "public.html"
    page.write_text(unit_page_html(seed_document, [evaluation], 2024), encoding="utf-8")
    assert "<thead><tr><th>序号</th><th>项目名称</th>" in page.read_text(encoding="utf-8")
    headings = {_squash(project_grid(seed_document, p).heading or p.name) for p in seed_document.projects}
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        assert len(pdf.pages) >= 3
        for printed in pdf.pages:
            text = printed.extract_text() or ""
            lines = [unicodedata.normalize("NFKC", _squash(line)) for line in text.splitlines()]
            body = [line for line in lines if line and not re.fullmatch(r"第\d+.[，,]共\d+.", line)]
            assert body and body[-1] not in headings, (printed.page_number, body[-1])
            first = body[0].replace("⺠", "民")  # (Chromium's Noto CJK writes 民 as its radical ⺠ in the PDF's text)
            assert first == f"预算单位:255101{_SEED_UNIT_NAME}2024年度项目支出绩效目标公开", printed.page_number


def test_the_self_evaluation_in_word_keeps_its_scoring_heading_with_the_explanations(tmp_path: Path) -> None:
    """print15: LibreOffice printed a real 自评表 in Word (濉溪县 临时救助 filled in: 执行数 1, the targets met, a
    偏差原因 on every row) with the heading 「计分说明」 alone at the foot of page 1, its explanations on page 2.
    The heading is kept with the next line."""
    import csv

    import pdfplumber

    from perfbudget.evaluate.template import template_csv
    from perfbudget.evaluate.vocabulary import COL_ACTUAL, COL_DEVIATION, COL_GRADE, COL_LEVEL3, ROW_EXECUTED, ROW_GOAL
    from perfbudget.load import load_path

    document = load_path(SAMPLES / "34_anhui-suixi-minzheng-2019-selfeval-linshijiuzhu.txt").document
    assert document is not None
    targets = {i.level3: i.target for p in document.projects for i in p.indicators}
    rows = list(csv.DictReader(io.StringIO(template_csv(document))))
    for row in rows:
        target = targets.get(row[COL_LEVEL3])
        if row[COL_LEVEL3] == ROW_EXECUTED:
            row[COL_ACTUAL] = "1"
        elif row[COL_LEVEL3] == ROW_GOAL:
            row[COL_ACTUAL] = "全年目标基本完成，项目按计划实施，资金使用规范，服务对象满意度较高"
        elif target is not None:
            if target.value is not None:
                row[COL_ACTUAL] = f"{target.value}{target.unit or ''}"
            else:
                row[COL_GRADE] = "达成"
            row[COL_DEVIATION] = "因部分工作受客观因素影响进度略有滞后，下一年度将加强过程管理"
    sheet = io.StringIO()
    writer = csv.DictWriter(sheet, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    evaluation, problems = run(document, sheet.getvalue().encode("utf-8"))
    assert evaluation is not None, problems
    path = tmp_path / "自评表.docx"
    path.write_bytes(evaluation_docx(evaluation))
    with pdfplumber.open(to_pdf([path], tmp_path)[path.name]) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            lines = [_squash(line) for line in (page.extract_text() or "").splitlines()]
            body = [line for line in lines if line and not line.startswith("填报人") and not line.startswith("第")]
            assert body[-1] != "计分说明", page.page_number



def test_every_word_download_asks_for_fonts_a_chinese_wps_has(seed_document: Document,
                                                              evaluation: Evaluation) -> None:
    """print17: the Word files name their fonts: every run of the 绩效目标表, 自评表 and 监控表 is set in 宋体 (the
    审核意见书's are checked with its printed opinion, tests/web/test_printed_pages.py), never a theme's font."""
    from perfbudget.writers.monitoring_files import monitoring_docx
    from tests.evaluate.test_monitor import _rows
    from tests.writers.test_monitoring_files import _monitoring

    for name, data in (("target", render(seed_document, "docx")), ("evaluation", evaluation_docx(evaluation)),
                       ("monitoring", monitoring_docx(_monitoring(seed_document, _rows())))):
        assert east_asian_fonts(data) == {"宋体"}, name


def east_asian_fonts(data: bytes) -> set[str]:
    """The East Asian font each run with text of a Word file asks for, as Word resolves it: the run's own
    ``w:rFonts``, else its paragraph style's and the styles that one is based on, else the document's defaults. A
    theme font (``w:eastAsiaTheme``, which wins over a named font beside it) is given as 「theme:…」: Word and WPS
    take it from the theme by the document's theme language, ja-JP in python-docx's template (ＭＳ ゴシック)."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.iterfind(qn("w:style"))}
    default = next(sid for sid, s in styles.items()
                   if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1")

    def named(holder: Any) -> str | None:
        fonts = None if holder is None else holder.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is None:
            return None
        theme = fonts.get(qn("w:eastAsiaTheme"))
        return f"theme:{theme}" if theme else fonts.get(qn("w:eastAsia"))

    def of_style(style_id: str | None) -> str | None:
        while style_id in styles:
            font = named(styles[style_id])
            if font:
                return font
            based = styles[style_id].find(qn("w:basedOn"))
            style_id = None if based is None else based.get(qn("w:val"))
        return None

    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    roots = [document.element.body] + [part._element for section in document.sections
                                       for part in (section.header, section.footer)]
    found = set()
    for root in roots:
        for paragraph in root.iter(qn("w:p")):
            mark = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_font = of_style(default if mark is None else mark.get(qn("w:val"))) or named(defaults)
            for word_run in paragraph.iter(qn("w:r")):
                if "".join(t.text or "" for t in word_run.iter(qn("w:t"))).strip():
                    found.add(named(word_run) or style_font or "(none)")
    return found


def test_a_heading_of_three_lines_prints_whole_above_its_table(tmp_path: Path, seed_document: Document) -> None:
    """print18: the 绩效目标表 workbook printed its heading in a row 24 pt tall whatever it held; the NDRC investment
    form's title — the project's name, 「中央预算内投资计划绩效目标表」 and 「（2023年度）」, three lines — printed
    its first line into the page's top margin, clipped. The heading row is now as tall as its lines: nothing is
    printed above the top margin (0.6 in since print28) and every character of the heading and the cells prints."""
    import dataclasses

    import pdfplumber

    from perfbudget.writers.print_layout import running_head

    title = ("安徽省2023年以工代赈示范工程舒城县舒茶镇清水河(余家河渡槽至346国道段)治理工程\n"
             "中央预算内投资计划绩效目标表\n(2023年度)")
    project = dataclasses.replace(seed_document.projects[0], title=title)
    document = dataclasses.replace(seed_document, projects=(project,))
    (tmp_path / "heading.xlsx").write_bytes(render(document, "xlsx"))
    pdf_path = to_pdf([tmp_path / "heading.xlsx"], tmp_path)["heading.xlsx"]
    check_pdf(pdf_path, _target_texts(document), [], landscape=None)
    with pdfplumber.open(pdf_path) as pdf:
        first = pdf.pages[0]
        margin = [c["text"] for c in first.chars if not c["text"].isspace() and c["top"] < 0.6 * 72 - 1]
        # (the page header alone, whose table it is, since print24)
        assert "".join(margin) == _squash(running_head("255101天津市和平区人民检察院", project.name)), "".join(margin)


def test_a_department_self_evaluation_prints_its_own_title(tmp_path: Path, evaluation: Evaluation) -> None:
    """print19: a 部门整体 自评表 (a table naming itself 部门整体支出, scored by its own groups and 分值) printed under
    the title 「项目支出绩效自评表」 in all three files — a unit would sign a form of the wrong kind. Its title is now
    「部门整体支出绩效自评表」 (the Word and Excel forms by LibreOffice, the page by Chromium), the page's heading and
    the web's and API's file name too; a project's table keeps 「项目支出绩效自评表」."""
    import dataclasses

    import pdfplumber

    name = "某某区农业农村局部门整体支出"
    department = dataclasses.replace(evaluation, projects=tuple(
        dataclasses.replace(project, name=name, name_cell=name) for project in evaluation.projects))
    files = written({"dept-x.xlsx": evaluation_xlsx(department), "dept-d.docx": evaluation_docx(department),
                     "dept-h.html": evaluation_html(department).encode("utf-8")}, tmp_path)
    pdfs = [*to_pdf(files[:2], tmp_path).values(), chromium_pdf(files[2], tmp_path)]
    for pdf_path in pdfs:
        with pdfplumber.open(pdf_path) as pdf:
            # (NFKC maps Kangxi radicals; Chromium's text names 门 by the supplement's ⻔, which it leaves)
            first = _squash(unicodedata.normalize("NFKC", pdf.pages[0].extract_text() or "")).replace("⻔", "门")
        assert "部门整体支出绩效自评表" in first and "项目支出绩效自评" not in first, (pdf_path.name, first[:80])
    assert "<title>天津市和平区人民检察院部门整体支出绩效自评表</title>" in evaluation_html(department)
    from perfbudget.app.exports import evaluation_file_name  # the web's and the API's download name

    assert evaluation_file_name(department, name, "xlsx") == f"{name}-部门整体支出绩效自评表.xlsx"
    assert evaluation_file_name(evaluation, "项目", "docx") == "项目-项目支出绩效自评表.docx"
    project = evaluation.projects[0]
    assert evaluation_grid(evaluation, project).cells[0].text == "项目支出绩效自评表"


def test_a_head_taller_than_a_page_never_leaves_its_heading_alone(tmp_path: Path, seed_document: Document) -> None:
    """print20: the Word 绩效目标表 keeps a table's heading and head rows with its first indicator row. A head taller
    than a page — a 自评 table read with its funds grid and texts kept as 40 rows of extras (the corpus's 15, Meishan
    Qingshen) — could not be kept so: LibreOffice put it on page 2, and page 1 held the heading alone. A head taller
    than fits now keeps only its last rows with the indicators: the heading prints above the head's first row, and
    the head's last row with the indicator header and the first indicator."""
    import dataclasses

    import pdfplumber

    project = seed_document.projects[0]
    extras = tuple((f"资金明细{n}/调整后预算数", f"第{n}项资金的说明文字，写得较长以占满一行") for n in range(1, 45))
    project = dataclasses.replace(project, extras=(*project.extras, *extras))
    document = dataclasses.replace(seed_document, projects=(project,))
    (tmp_path / "tall-head.docx").write_bytes(render(document, "docx"))
    pdf_path = to_pdf([tmp_path / "tall-head.docx"], tmp_path)["tall-head.docx"]
    with pdfplumber.open(pdf_path) as pdf:
        pages = [_squash(page.extract_text() or "") for page in pdf.pages]
    heading = _squash(target_grid(document, project).heading or "")
    assert heading
    on = [text for text in pages if heading in text]
    assert on and "项目名称" in on[0], pages[:2]
    first = project.indicators[0].level3
    assert any("绩效目标" in text and "一级指标" in text and first in text for text in pages), pages


def test_a_self_evaluation_of_a_table_naming_no_money_unit_prints_none(tmp_path: Path, evaluation: Evaluation,
                                                                       seed_document: Document) -> None:
    """print20: the 自评表 (and the 监控表) printed 「项目资金（万元）」 over a table that names no money unit: a guess,
    ten thousand times too large for a table in 元. The funds label now carries the unit the table gives and none
    when it gives none (the 绩效目标表 does so since it was written); the web's project page and a unit's public page
    say 「金额单位未注明」 where they said 万元."""
    import dataclasses

    import pdfplumber

    from perfbudget.writers.monitoring_layout import project_grid as monitoring_grid
    from tests.writers.test_monitoring_files import _monitoring, _rows

    unknown = dataclasses.replace(evaluation, money_unit=None)
    pdfs = to_pdf(written({"nounit-x.xlsx": evaluation_xlsx(unknown), "nounit-d.docx": evaluation_docx(unknown)},
                          tmp_path), tmp_path)
    for pdf_path in pdfs.values():
        with pdfplumber.open(pdf_path) as pdf:
            first = _squash(pdf.pages[0].extract_text() or "")
        assert "项目资金" in first and "项目资金（万元）" not in first, (pdf_path.name, first[:160])
    assert "项目资金（万元）" not in evaluation_html(unknown) and "项目资金（元）" in evaluation_html(
        dataclasses.replace(evaluation, money_unit="元"))
    assert "项目资金（万元）" in evaluation_html(evaluation)  # a table in 万元 says so
    from perfbudget.web.annotate import annotate
    from perfbudget.web.table_html import target_table
    from perfbudget.writers.unit_page import unit_page_html

    for unit, said in ((None, "金额单位未注明"), ("元", "单位：元")):
        document = dataclasses.replace(seed_document, money_unit=unit)
        page = str(target_table(annotate(document.projects[0], []), document))
        assert said in page and "万元" not in page.split("项目名称")[0], page[:300]
    page = unit_page_html(dataclasses.replace(seed_document, money_unit=None), [], 2024)
    assert "金额单位：表中未注明" in page and "金额单位：万元" not in page
    monitoring = _monitoring(seed_document, _rows())
    for unit, label in ((None, "项目资金"), ("元", "项目资金（元）"), ("万元", "项目资金（万元）")):
        unknown_monitoring = dataclasses.replace(monitoring, money_unit=unit)
        cells = monitoring_grid(unknown_monitoring, unknown_monitoring.projects[0]).cells
        assert [c.text for c in cells if c.text.startswith("项目资金")] == [label]


def test_the_portrait_target_table_page_prints_its_short_labels_on_one_line(tmp_path: Path, seed_path: Path) -> None:
    """print26: the 绩效目标表 page shares its columns as the Word form does, and printed portrait (its Word form is
    landscape) a column could be narrower than its labels: in the 部门整体 table 29, whose first column is wide
    for 「部门职能职责概述」, 「二级指标」, 「数量指标」 and 「质量指标」 broke 「二级指 / 标」 in their 49 pt column,
    and the seed's 「其他资金」 broke 「其他资 / 金」. Each column is now at least as wide as its labels of up to four
    characters on one line (`target_table_html.column_shares`). Printed by Chromium, every such label is on one
    line."""
    import pdfplumber

    from perfbudget.load import load_path
    from perfbudget.writers.target_table_html import target_table_html

    corpus = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
    department = load_path(next(corpus.glob("29_*-bumenzhengti-*.txt"))).document
    seed = load_path(seed_path).document
    assert department is not None and seed is not None
    for name, document, labels in (("department", department, ("二级指标", "数量指标", "质量指标", "一级指标")),
                                   ("seed", replace(seed, projects=seed.projects[:1]), ("其他资金", "二级指标"))):
        page = tmp_path / f"{name}.html"
        page.write_bytes(target_table_html(document))
        with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
            lines = [unicodedata.normalize("NFKC", _squash(line))  # (Chromium's ⼀ ⼆ radicals: 一 二)
                     for printed in pdf.pages for line in (printed.extract_text() or "").splitlines()]
        for label in labels:
            assert any(label in line for line in lines), (name, label, [line for line in lines if "级" in line])


def test_a_workbook_a_little_taller_than_a_page_prints_on_one_page(tmp_path: Path) -> None:
    """print27: the 部门整体 table 29's 绩效目标表 workbook — 20 rows, about 4 pt taller than a landscape page at the
    scale fitting it one page wide — printed its last three indicators on a second page under the repeated header,
    its 数量指标 label drawn again there. A sheet at most a tenth taller than its page is now fitted to one page wide
    and one page tall (`print_layout.xlsx_one_page`), without computed page breaks; LibreOffice prints it on one
    landscape page with every indicator and 「第 1 页，共 1 页」."""
    import pdfplumber
    from openpyxl import load_workbook

    from perfbudget.load import load_path
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    corpus = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
    department = load_path(next(corpus.glob("29_*-bumenzhengti-*.txt"))).document
    assert department is not None
    path = tmp_path / "department.xlsx"
    path.write_bytes(target_table_xlsx(department))
    sheet = load_workbook(path).active
    assert sheet is not None
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 1)
    assert not sheet.row_breaks.brk
    with pdfplumber.open(to_pdf([path], tmp_path)["department.xlsx"]) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert page.width > page.height  # landscape
        text = unicodedata.normalize("NFKC", _squash(page.extract_text() or ""))
    assert "第1页,共1页" in text.replace("，", ",")
    for indicator in department.projects[0].indicators:
        assert unicodedata.normalize("NFKC", _squash(indicator.level3)) in text, indicator.level3


def _figure(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def _foot_margin(css: str) -> float:
    """The bottom margin in points of the first ``@page`` rule's ``margin`` in ``css`` (mm; one to four values, as
    CSS reads them: the bottom the first, the first, the third, the third)."""
    found = re.search(r"@page\{[^}]*?margin:([\d.m ]+?)[;}]", css)
    assert found is not None, css
    values = [float(value.removesuffix("mm")) for value in found.group(1).split()]
    return values[0 if len(values) < 3 else 2] * 72 / 25.4


def test_the_foot_margin_is_read_as_css_reads_it() -> None:
    """The second reading of print42: :func:`_body_words` hard-coded PRINT_CSS's 16 mm."""
    mm = 72 / 25.4
    assert [_foot_margin(f"@page{{size:A4;margin:{values};}}") for values in ("10mm", "10mm 12mm", "15mm 12mm 16mm",
                                                                            "15mm 12mm 17mm 11mm")] == pytest.approx([
        10 * mm, 10 * mm, 16 * mm, 17 * mm])
    assert _foot_margin(PRINT_CSS) == pytest.approx(16 * mm)


def _body_words(pdf: Any) -> list[str]:
    """The words printed on the pages above their foot margin (PRINT_CSS's): not the page number or, since print42,
    the sign-off line 「填报人：… 填报日期：　年　月　日」, whose 「日」 stands alone between its spaces."""
    foot = _foot_margin(PRINT_CSS)
    return [unicodedata.normalize("NFKC", w["text"]) for printed in pdf.pages for w in printed.extract_words()
            if w["bottom"] < printed.height - foot]


def test_the_printed_pages_never_leave_one_character_of_a_label_on_a_line(tmp_path: Path,
                                                                         evaluation: Evaluation) -> None:
    """print27: printed portrait by Chromium, the Anhui table 133's labels of five to eight characters wrapped in their
    narrow columns a character too late — 「计划管理指 / 标」, 「其中：财政资 / 金」, 「预算规模及资金用 / 途」: one
    character alone on the second line of a label, four times in the 二级指标 column; the 自评表 page likewise
    「项目资金（万 / 元）」 and 「偏差原因分析及改进措 / 施」. Their centred cells, headers and labels now wrap in lines
    of even length (`text-wrap: balance`): 「计划管 / 理指标」. No label leaves a character alone on a line."""
    import pdfplumber

    from perfbudget.load import load_path
    from perfbudget.writers.target_table_html import target_table_html
    from perfbudget.writers.target_table_layout import project_grid

    corpus = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
    document = load_path(next(corpus.glob("133_*.txt"))).document
    assert document is not None
    labels = {spec.text for spec in project_grid(document, document.projects[0], False).cells
              if spec.center and 5 <= len(spec.text) <= 8 and not _figure(spec.text)}  # (「853.00」 is no label)
    assert "计划管理指标" in labels
    page = tmp_path / "t133.html"
    page.write_bytes(target_table_html(document))
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        words = _body_words(pdf)
    alone = [word for word in words if len(word) == 1 and any(label.endswith(word) for label in labels)]
    assert not alone, alone
    assert "计划管" in words and "理指标" in words
    # the 自评表 page likewise (its headers and labels): 「项目资金（万 / 元）」, 「偏差原因分析及改进措 / 施」
    page = tmp_path / "eval.html"
    page.write_text(evaluation_html(evaluation), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        words = _body_words(pdf)
    labels = {"项目资金(万元)", "偏差原因分析及改进措施", "其中:当年财政拨款"}
    alone = [word for word in words if len(word) <= 2 and any(label.endswith(word) for label in labels)]
    assert not alone, alone


def test_a_short_self_evaluation_workbook_prints_its_form_and_notes_on_one_page(tmp_path: Path) -> None:
    """print28 (print20–27's left item): the corpus's 自评 table 08, scored by its own figures — nine indicators and
    ten 计分说明 lines — printed from its workbook over two pages, the first about 70 % full and cut inside the
    indicators: its 三级指标 column was left narrow (widened a unit or three at a time, none of which saved a line),
    every indicator row two lines tall, and the page cut at 94 % of its computed height. The columns now widen to where
    a text takes a line less, and a form that prints at 75 % or more on one page with its notes is fitted to one page
    (`print_layout.xlsx_readable_one_page`). Printed by LibreOffice, the workbook's form is one landscape page with
    every indicator and every 计分说明 line at a readable size, and its Word form one page too."""
    import pdfplumber
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from perfbudget.cli import app as cli

    table = next((Path(__file__).parents[1] / "fixtures" / "real" / "corpus").glob("08_*selfeval*.txt"))
    files = []
    for form in ("xlsx", "docx"):
        out = tmp_path / f"eval08-{form}.{form}"
        done = CliRunner().invoke(cli, ["evaluate", str(table), "-a", str(table), "--to", form, "-o", str(out)])
        assert done.exit_code == 0 and out.exists(), done.output
        files.append(out)
    sheet = load_workbook(files[0]).worksheets[0]
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 1) and not sheet.row_breaks.brk
    notes = [str(row[0].value) for row in sheet.iter_rows(min_row=sheet.max_row - 9) if row[0].value]
    assert len(notes) == 10 and notes[-1].startswith("9.")
    pdfs = to_pdf(files, tmp_path)
    with pdfplumber.open(pdfs[files[0].name]) as pdf:
        first = pdf.pages[0]
        assert first.width > first.height
        text = unicodedata.normalize("NFKC", _squash(first.extract_text() or ""))
        assert "第1页,共2页" in text.replace("，", ",")  # (page 2: the 汇总 sheet)
    for line in notes:
        assert unicodedata.normalize("NFKC", _squash(line))[:30] in text, line
    assert "总分" in text and "自评等级" in text
    # 08 states its own 自评得分 100, the scoring's too: said on the 总分 row, not in a row of its own (kinds35's read)
    assert "总分(与表中自评得分一致)" in text and "表中自评得分100" not in text
    # print34: the 总分 row's 分值 and 得分 both 「100.00」, each whole on its line (the 分值 「100」 before)
    assert "总分(与表中自评得分一致)100.00100.00" in text
    assert _body_size(pdfs[files[0].name]) >= 7.5
    with pdfplumber.open(pdfs[files[1].name]) as pdf:
        assert len(pdf.pages) == 1


def test_a_sixteen_indicator_target_table_prints_on_one_page_as_a_page_and_as_a_workbook(tmp_path: Path) -> None:
    """print28: the samples' 绩效目标表 printed a page too many. The sample 13's page (12 indicators) left its last
    row, 满意度指标, alone on a second page, the first ending 187 pt above its foot: the computed pages counted every
    row 2–3 pt taller than Chromium set it (15.5 pt a line and 7 a row, an empty row a line) and cut at 92 %; the rows
    are now set on lines of 1.45 whatever the font, counted so, and the page filled to 97 %. The sample 14's workbook
    (16 indicators) printed its three 满意度 rows on a second page; it prints readably on one (75 % or more) and is
    fitted there. Each is one page, every indicator on it."""
    import pdfplumber

    from perfbudget.writers.target_table_html import target_table_html
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    page_table = _read(SAMPLES / "13_hunan-yueyangxian-nongye-2022-target-gaobiaozhunnongtian.txt")
    sheet_table = _read(SAMPLES / "14_hunan-nanyue-fupin-2018-target-lvyoujichusheshi.txt")
    page = tmp_path / "s13.html"
    page.write_bytes(target_table_html(page_table))
    (tmp_path / "s14.xlsx").write_bytes(target_table_xlsx(sheet_table))
    printed = {"s13": (page_table, chromium_pdf(page, tmp_path)),
               "s14": (sheet_table, to_pdf([tmp_path / "s14.xlsx"], tmp_path)["s14.xlsx"])}
    for name, (table, pdf_path) in printed.items():
        with pdfplumber.open(pdf_path) as pdf:
            assert len(pdf.pages) == 1, (name, len(pdf.pages))
            text = unicodedata.normalize("NFKC", _squash(pdf.pages[0].extract_text() or ""))
        printed_chars = Counter(text.translate(str.maketrans("⻔⻅⻚⺠⻓⻝戶", "门见页民长食户")))
        level3 = "".join(indicator.level3 for indicator in table.projects[0].indicators)
        wanted = Counter(unicodedata.normalize("NFKC", _squash(level3)))
        missing = wanted - printed_chars
        assert not missing, (name, missing)  # every character of every indicator
