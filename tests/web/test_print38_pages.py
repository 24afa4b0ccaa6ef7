"""print38: a unit's 审核意见书 printed by Chromium began a project on a new page where the page before had room for
its head (its name, unit line, grade and 等级依据): the head and 审核发现 with its first finding were one block that
a page never splits (the seed's unit: page 2 ended 274 pt above its foot, the next project on page 3)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from perfbudget.app import opinion_pages
from tests.conftest import HEADER_ROWS, table_text
from tests.web.test_print37_pages import _cli
from tests.writers.test_print_pdf import chromium_pdf

ROWS = [["产出指标", "数量指标", "培训人次", "培训人次", "≥100人次"], ["", "质量指标", "合格率", "合格率", "≥95%"],
        ["效益指标", "社会效益指标", "群众知晓", "群众知晓", "明显提升"],
        ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]]
# the first project's 意见, one line each, at counts 4 apart (70 pt of page) from one whose lines end page 1 high to
# one that runs onto page 2: at some of them what page 1 has left holds the second project's head and not its
# 审核发现 with the first finding
COMMENTS = range(2, 46, 4)
# from one project's last line, of its 意见 (a list: its margin), to the next's name
GAP = opinion_pages.HTML.list_end + opinion_pages.HTML.gap + opinion_pages.HTML.name_extra
# how much taller the pages' measure (opinion_pages.HTML) counts a head than Chromium prints it: 1.24 for this one
# (230 pt left for a head of 161 pt and the gap, which the measure counts taller than that), the least that holds
SLACK = 1.25


def two_projects_reviewed(tmp_path: Path) -> str:
    """A unit (100001) of two projects of :data:`ROWS` imported, reviewed and saved by 「rev」: the database's URL."""
    second = [[f"{row[0]}", "乙项目-2024中央"] if row[0] == "项目名称" else row for row in HEADER_ROWS]
    table = tmp_path / "t.txt"
    text = table_text(*HEADER_ROWS, *ROWS) + table_text(*second, *ROWS, heading="2.乙项目-2024中央绩效目标表")
    table.write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 's.db'}"
    _cli("import", str(table), "--db", db, "--actor", "t")
    _cli("user", "add", "admin", "--role", "admin", "--db", db, "--actor", "setup")
    _cli("user", "add", "rev", "--role", "reviewer", "--db", db, "--user", "admin")
    _cli("review", "--save", "--db", db, "--user", "rev")
    return db


def test_a_project_begins_on_the_page_that_has_room_for_its_head(tmp_path: Path) -> None:
    import pdfplumber

    db = two_projects_reviewed(tmp_path)
    checked = 0
    for number in range(1, COMMENTS[-1] + 1):
        _cli("workflow", "测试项目", "comment", "--db", db, "--user", "rev",
             "--comment", f"第{number}条：请补充绩效指标的计算口径与数据来源。")
        if number not in COMMENTS:
            continue
        page = tmp_path / f"opinion-{number}.html"
        _cli("desk", "opinion", "--unit", "100001", "-o", str(page), "--db", db, "--user", "rev")
        with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
            pages = [[{**line, "text": unicodedata.normalize("NFKC", line["text"])}
                      for line in sheet.extract_text_lines()
                      if 50 < line["top"] < sheet.height - 50] for sheet in pdf.pages]
            foot = pdf.pages[0].height - 18 / 25.4 * 72  # (the opinion's 18 mm margins, print41)
        at = next((n, k) for n, lines in enumerate(pages) for k, line in enumerate(lines)
                  if line["text"].startswith("2.") and "乙项目" in line["text"])
        if at[1] != 0 or at[0] == 0:
            continue  # the second project begins under the first on its page
        lines = pages[at[0]]
        findings = next(k for k, line in enumerate(lines) if line["text"].startswith("审核发现"))
        head = lines[findings - 1]["bottom"] - lines[0]["top"]
        left = foot - pages[at[0] - 1][-1]["bottom"]
        checked += 1
        # the page before had no room for the head (its name, unit line, grade and 等级依据) under the gap, as the
        # pages are computed (:data:`SLACK`)
        assert left < (head + GAP) * SLACK, (number, left, head)
    assert checked  # (a count of 意见 at which the second project begins a page)
