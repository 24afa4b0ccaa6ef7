"""print41: a unit's 审核意见书 printed from the browser took 9 pages where its Word form took 7 (print40's left item):
the page printed 14 px text on 1.7 lines (17.85 pt) within 20 mm margins, Word 11 pt on 15 pt lines within 1.8 cm. The
page's print rules now set it as Word does (app/data/opinion.css, ``opinion_pages.HTML``)."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import SEED_UNIT, WebEnv
from tests.web.test_printed_pages import _commented
from tests.writers.test_print_pdf import chromium_pdf, to_pdf

# cell comments added to the seed unit's first project, one round after another: the opinion of the seed's unit as
# it is (print40's), then longer
ADDED = (0, 12, 24)


def test_a_units_opinion_prints_on_as_many_pages_from_the_browser_as_from_word(web: WebEnv, tmp_path: Path) -> None:
    """The seed's unit's opinion (8 projects), then with 12 and 24 cell comments of two lines on its first project:
    the page printed by Chromium takes as many pages as the Word form printed by LibreOffice, or one fewer (before
    print41, 8 against 7 here, 9 against 7 with a dismissed finding)."""
    import pypdfium2

    client = web.client("reviewer")
    words, pages = [], []
    for number, count in enumerate(ADDED):
        _commented(web, web.project_ids[0], count - (ADDED[number - 1] if number else 0))
        word = tmp_path / f"unit{count}.docx"
        word.write_bytes(client.get(f"/units/{SEED_UNIT}/opinion.docx").content)
        page = tmp_path / f"page{count}.html"
        page.write_text(client.get(f"/units/{SEED_UNIT}/opinion.html").text, encoding="utf-8")
        words.append(word)
        pages.append(chromium_pdf(page, tmp_path))
    printed = to_pdf(words, tmp_path)
    counts = [(len(pypdfium2.PdfDocument(printed[word.name])), len(pypdfium2.PdfDocument(page)))
              for word, page in zip(words, pages, strict=True)]
    assert all(word - 1 <= page <= word for word, page in counts), counts


def test_a_project_ending_with_a_paragraph_is_not_counted_10_pt_taller_than_one_ending_with_a_list() -> None:
    """The second reading of print41: the page's measure added 10 pt between two projects (``HTML.gap``) for the
    margin under a cell's last list (opinion.css), also under a project ending with a paragraph, 「无。」, whose own
    10 pt after it was counted already: 20–30 pt too many on a page of a few projects. Two projects, the first ending
    with 「无。」 (1 to 40 findings above it) or with a list (its 意见): the second begins a new page exactly when the
    first's blocks, its name and the title, with the next name and first block, are over the page — with the list's
    10 pt only after a list."""
    import itertools

    from perfbudget.app.opinion_pages import (
        COMMENT,
        FINDING,
        HEAD,
        HEADING,
        HTML,
        NONE,
        Entry,
        block_heights,
        blocks,
        layouts,
    )

    title = "测试单位2024年度项目审核意见书"
    second = blocks([Entry(HEAD, "预算单位：测试单位"), Entry(HEADING, "审核发现"), Entry(NONE, "无。"),
                     Entry(HEADING, "审核意见"), Entry(NONE, "无。")])
    checked = set()
    # findings of one line each (15 pt), the second project's name of one to three lines (20 pt each): the page's
    # last 15 pt met at every phase
    endings = ((Entry(NONE, "无。"), 0.0), (Entry(COMMENT, "请补充绩效指标的计算口径。"), 10.0))
    for count, lines, (last, after) in itertools.product(range(1, 41), range(1, 4), endings):
        names = ("1. 甲项目-2024中央", "2. " + "乙" * (35 * lines - 5))
        findings = [Entry(FINDING, f"第{n}条：指标值未量化。", number=n) for n in range(count)]
        first = blocks([Entry(HEAD, "预算单位：测试单位"), Entry(HEADING, "审核发现"), *findings,
                        Entry(HEADING, "审核意见"), last])
        used = HTML.title(title) + HTML.name(names[0]) + sum(block_heights(HTML, first, signed=True)) + after
        layout = layouts(HTML, title, [(names[0], first), (names[1], second)])
        if len(layout[0].parts) > 1:
            continue
        beginning = used + HTML.name(names[1]) + block_heights(HTML, second, signed=True)[0]
        assert layout[1].new_page == (beginning > HTML.room), (count, lines, last.kind, beginning)
        checked.add(layout[1].new_page)
    assert checked == {True, False}
