"""print32: print31's left items, each checked on the printed file (one LibreOffice run and one Chromium print shared).

* the Word 绩效目标表 of r172 (two projects, 21 indicators) ended its page 2 a quarter of its height above its foot, the
  rows that fitted there on page 3: its rows were counted 15 % taller than printed and the page cut at 92 %;
* r102's 自评 page printed its head and one indicator on page 1, room for the next left at its foot;
* the seed's 自评表 workbook printed its last indicator, 满意度, alone on page 2 with the 总分 and the 计分说明;
* the review quoted goals ending with 「;」 joined by 「；」: r64's 「…福利的发放;；目标2…」.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from perfbudget.model import Document
from perfbudget.writers.print_layout import tail_kept_with_table
from tests.conftest import ROOT
from tests.writers.test_print30 import _pages, _seed_evaluation
from tests.writers.test_print_pdf import chromium_pdf, to_pdf, written
from tests.writers.test_printed_fit import _normal

CORPUS = ROOT / "tests" / "fixtures" / "real" / "corpus"


def _corpus(key: str) -> Path:
    return next(path for path in CORPUS.glob(f"{key}_*") if not path.name.endswith(".json"))


def _r102_evaluation() -> Any:
    """r102 (a 自评表 with its 偏差原因分析) scored by its own figures, as ``evaluate 表 -a 表`` does."""
    from perfbudget.app.evaluations import actuals_record, score
    from perfbudget.load import load_path

    path = _corpus("r102")
    document = load_path(path).document
    assert document is not None
    rows, problems = actuals_record(str(path), document)
    evaluation, found = score(document, rows, problems, str(path))
    assert evaluation is not None, found
    return evaluation


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, seed_document: Document) -> dict[str, Any]:
    """r172's Word 绩效目标表 and the seed's 自评表 workbook printed by LibreOffice in one run, r102's 自评 page by
    Chromium."""
    from perfbudget.load import load_path
    from perfbudget.writers.evaluation_html import evaluation_html
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from perfbudget.writers.target_table_export import render

    work = tmp_path_factory.mktemp("print32")
    r172 = load_path(_corpus("r172")).document
    assert r172 is not None
    seed_evaluation = _seed_evaluation(seed_document)
    files = {"r172.docx": render(r172, "docx"), "seed-eval.xlsx": evaluation_xlsx(seed_evaluation)}
    pdfs = to_pdf(written(files, work), work)
    r102 = _r102_evaluation()
    page = work / "r102.html"
    page.write_text(evaluation_html(r102), encoding="utf-8")
    pdfs[page.name] = chromium_pdf(page, work)
    return {"pdfs": pdfs, "r172": r172, "seed": seed_evaluation, "r102": r102}


def _table_bottoms(pdf_path: Path) -> list[tuple[float, float]]:
    """Each page's lowest horizontal rule and the top of its footer's first line (填报人 or the page number)."""
    import pdfplumber

    bottoms = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            rules = [edge["top"] for edge in page.edges if edge["orientation"] == "h"]
            foot = min(line["top"] for line in page.extract_text_lines()
                       if line["text"].startswith("填报人") or "页，共" in line["text"] or "⻚，共" in line["text"])
            bottoms.append((max(rules), foot))
    return bottoms


def test_the_word_target_tables_page_going_on_to_the_next_is_filled(printed: dict[str, Any]) -> None:
    """r172's second project ran over pages 2 and 3: page 2 is filled to 85 % of its body or more (79 % before,
    six rows on page 3 of which four fitted on page 2). Since print34 its head's unlabelled pairs (「1、事业收入」 |
    「0.00」) print two a row, four rows fewer: the project prints whole on page 2, which it fills."""
    pages = _pages(printed["pdfs"]["r172.docx"])
    assert len(pages) == 2
    (_, _), (rule, foot) = _table_bottoms(printed["pdfs"]["r172.docx"])
    body_top = 51.0  # (the 1.8 cm top margin)
    assert (rule - body_top) / (foot - body_top) >= 0.85, (rule, foot)
    second = printed["r172"].projects[1]
    assert all(_normal(i.level3)[:6] in pages[1] for i in second.indicators)


def test_the_self_evaluation_page_fills_its_first_page_with_the_indicators_that_fit(printed: dict[str, Any]) -> None:
    """r102's 自评 page: page 1 holds its head and the two indicators that fit (one before, 38 pt left at its foot
    where the next needed 22), page 2 the others, the 总分 and the notes."""
    pages = _pages(printed["pdfs"]["r102.html"])
    indicators = printed["r102"].projects[0].indicators
    names = [_normal(indicator.level3) for indicator in indicators]  # (「指标1:资金是否…」 twice)
    assert len(pages) == 2
    assert names[0] in pages[0] and names[1] in pages[0], pages[0][-80:]
    assert names[2] not in pages[0] and all(name in pages[1] for name in names[2:])


def test_a_self_evaluation_workbook_whose_table_fits_a_page_prints_it_whole_and_its_notes_on_the_next(
        printed: dict[str, Any]) -> None:
    """The seed's 自评表 workbook: page 1 holds every indicator and the 总分 (满意度 went to page 2 with the 总分 and
    the notes, under the repeated header), page 2 the 计分说明 alone, under no indicator header, then the 汇总."""
    pages = _pages(printed["pdfs"]["seed-eval.xlsx"])
    project = printed["seed"].projects[0]
    assert len(pages) == 3
    assert all(_normal(indicator.level3)[:8] in pages[0] for indicator in project.indicators)
    assert "总分" in pages[0] and "计分说明" not in pages[0]
    assert "一级指标" not in pages[1] and pages[1].find("计分说明") >= 0
    assert all(_normal(line)[:12] in pages[1] for line in project.notes)


def test_a_tail_after_a_table_that_fits_its_page_begins_the_next_page_alone() -> None:
    """Rows 0–5 of 10 pt (row 2 the indicator header), a tail of a 2 pt gap and three 10 pt lines, pages of 65 pt:
    the table (60 pt) fits page 1 but not with the tail; with ``alone`` the tail's lines begin page 2 (row 7, after
    the gap); without, as before, the table's last row goes with the tail."""
    heights, tail = [10.0] * 6, [2.0, 10.0, 10.0, 10.0]
    assert tail_kept_with_table([6], heights, tail, 65.0, repeated=2, alone=True) == [7]
    assert tail_kept_with_table([6], heights, tail, 65.0, repeated=2) == [5]
    # a table and its tail that fit one page: no page break either way
    assert tail_kept_with_table([], heights, tail[:2], 75.0, repeated=2, alone=True) == []


def test_goals_ending_with_their_own_list_mark_are_quoted_with_one_separator() -> None:
    """r64's goals 「目标1:确保本室各人员工资及福利的发放;」 and 「目标2:…」 were quoted 「…的发放;；目标2…」 by the
    review (its 审核台 and exports too): a goal's own 「;」 or 「。」 is dropped where they are joined with 「；」."""
    from perfbudget.load import load_path
    from perfbudget.review.engine import review_document

    document = load_path(_corpus("r64")).document
    assert document is not None
    messages = [finding.message for finding in review_document(document).findings]
    quoted = [message for message in messages if "目标1:确保本室各人员工资及福利的发放" in message]
    assert quoted and not [message for message in quoted if ";；" in message or "。；" in message], quoted
