"""print39: the Word 审核意见书's title cut only between its parts. A unit's title longer than a line printed
「天津市和平区人民检察院2024年度绩效 / 目标 / 审核意见书」: three lines, 「绩效目标」 cut in two. Checked on the
titles of units of 2 to 24 characters, of a year and of all years, and of projects, in one LibreOffice run."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from perfbudget.app.opinion import opinion_docx
from perfbudget.app.opinion_pages import TITLE_UNITS, title_lines
from perfbudget.writers.print_layout import text_width
from tests.writers.test_print_pdf import to_pdf, written

UNIT = "某某省某某市某某区人民政府某某街道办事处社区卫生服务中心"
NAME = "2024年检察业务信息化运维项目及配套设施维护服务采购"


def _titles() -> list[str]:
    titles = []
    for length in range(2, 25, 2):
        unit = UNIT[:length]
        titles += [f"{unit}2024年度绩效目标审核意见书", f"{unit}绩效目标审核意见书"]
    return titles + [f"{NAME[:length]}审核意见书" for length in range(8, 26, 3)]


def test_the_titles_lines_are_whole_parts() -> None:
    """Each line is whole parts — the name, 「2024年度绩效目标」, 「审核意见书」 — and fits, but a name wider than a
    line; a title that fits is one line."""
    for title in _titles():
        lines = title_lines(title)
        assert "".join(lines) == title, lines
        if text_width(title) <= TITLE_UNITS:
            assert lines == [title]
            continue
        assert lines[-1].endswith("审核意见书") and all("绩效目标" not in line[:-4] or line.endswith("绩效目标")
                                                      or line.endswith("审核意见书") for line in lines), lines
        assert all(text_width(line) <= TITLE_UNITS for line in lines[1:]), lines


def test_a_long_titles_lines_print_as_cut(tmp_path: Path) -> None:
    """Printed by LibreOffice, each title's lines are :func:`title_lines`' (a name wider than a line wrapping within
    itself): 「绩效目标」 and 「审核意见书」 never cut in two."""
    import pdfplumber

    titles = [title for title in _titles() if text_width(title) > TITLE_UNITS]
    assert len(titles) >= 10, titles
    files = {f"t{number:02}.docx": opinion_docx(title, []) for number, title in enumerate(titles)}
    pdfs = to_pdf(written(files, tmp_path), tmp_path)
    cut = []
    for (name, pdf_path), title in zip(pdfs.items(), titles, strict=True):
        with pdfplumber.open(pdf_path) as pdf:
            lines = [unicodedata.normalize("NFKC", line["text"]).replace(" ", "")
                     for line in pdf.pages[0].extract_text_lines()]
        printed = [line for line in lines if line and unicodedata.normalize("NFKC", title).find(line) >= 0
                   and line != lines[0]]  # (the running head, the first line, names the title too)
        for word in ("绩效目标", "审核意见书"):
            if any(line.endswith(word[:n]) for line in printed[:-1] for n in range(1, len(word))):
                cut.append((name, title, printed))
        expected = [unicodedata.normalize("NFKC", line) for line in title_lines(title)]
        if all(text_width(line) <= TITLE_UNITS for line in title_lines(title)) and printed != expected:
            cut.append((name, title, printed, expected))
    assert not cut, cut


def test_the_word_measure_counts_the_title_at_the_width_it_is_cut_at() -> None:
    """The computed pages count the Word title's lines at the width :func:`title_lines` cuts at (one constant)."""
    from perfbudget.app.opinion_pages import WORD

    assert WORD.title_units == TITLE_UNITS
    wide = "某" * (TITLE_UNITS // 2 + 1)  # (a name a character wider than a line: two lines, and the suffix a third)
    assert WORD.title(f"{wide}审核意见书") == 3 * WORD.title_line + WORD.title_extra


def test_a_name_ending_in_nian_du_is_cut_between_its_parts() -> None:
    """A unit whose name ends in 「年度」 (all years: 「…年度绩效目标审核意见书」) is cut before 「绩效目标」 as
    any unit is; it fell through the seam, 「绩效目标」 left to wrap with the name. A project's name ending in 「年度」
    has no seam but before 「审核意见书」."""
    unit = "某某区人民政府某某街道办年度"
    assert title_lines(f"{unit}绩效目标审核意见书") == [unit, "绩效目标审核意见书"]
    assert title_lines(f"{unit}2024年度绩效目标审核意见书") == [unit, "2024年度绩效目标审核意见书"]
    project = "检察业务信息化运维服务采购2024年度"
    assert title_lines(f"{project}审核意见书") == [project, "审核意见书"]
