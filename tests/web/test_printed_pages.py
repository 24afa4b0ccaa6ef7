"""The app's own pages printed from the browser (print15): the project list, a review desk, a history.

A reviewer prints them as they are shown, with Chromium's 「打印」: A4 landscape with 「第 n 页，共 m 页」 and
the page's content only. Before, Chromium printed them on US Letter with the menu bar and the list's filter form
first, the list's columns so narrow that a project's name took four lines, and no page numbers. The page is
fetched signed in and printed from a file whose stylesheet is the app's own (/static/ → the package's files).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path
from typing import Any

from sqlalchemy import select

import perfbudget.web
from perfbudget.app import opinion_pages
from perfbudget.app.opinion import EARLIER_HEADING
from perfbudget.app.review_desk import MOST_REMARKS, Desk, grade
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import take_step
from perfbudget.store.account_tables import users
from tests.web.conftest import SEED_UNIT, WebEnv
from tests.writers.test_print_pdf import A4, _squash, chromium_pdf

STATIC = Path(perfbudget.web.__file__).parent / "static"
SEED_UNIT_NAME = "天津市和平区人民检察院"
RADICALS = str.maketrans("⻅⻚⺠⻓", "见页民长")


def _plain(text: str) -> str:
    """Printed text as it reads: no spaces, NFKC, Chromium's radicals (⻅ ⻚ ⺠ in its PDF's text) as characters."""
    return unicodedata.normalize("NFKC", _squash(text)).translate(RADICALS)


def _printed(web: WebEnv, tmp_path: Path, address: str, name: str) -> list[str]:
    import pdfplumber

    page = web.client("reviewer").get(address)
    assert page.status_code == 200, address
    path = tmp_path / f"{name}.html"
    path.write_text(page.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    texts = []
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        total = len(pdf.pages)
        for printed in pdf.pages:
            assert (round(float(printed.width)), round(float(printed.height))) == (round(A4[1]), round(A4[0])), name
            text = printed.extract_text() or ""
            lines = [unicodedata.normalize("NFKC", _squash(line)) for line in text.splitlines()]
            assert re.search(f"第{printed.page_number}.[，,]共{total}.", "".join(lines)), (name, printed.page_number)
            texts += lines
    return texts


def test_the_project_list_and_a_review_desk_print_on_a4_with_page_numbers_and_without_the_menu(
        web: WebEnv, tmp_path: Path) -> None:
    from tests.web.helpers import stored_project

    lines = _printed(web, tmp_path, "/projects?year=all", "projects")
    listing = "".join(lines)
    assert "审核队列" not in listing and "搜索" not in listing  # the menu and the filter form are not printed
    for pid in web.project_ids:
        project, _ = stored_project(web.app, pid)
        # each name on one line (it took four in a squeezed column)
        assert any(unicodedata.normalize("NFKC", _squash(project.name)) in line for line in lines), project.name
    desk = "".join(_printed(web, tmp_path, f"/projects/{web.project_ids[0]}/review", "desk"))
    assert "审核发现" in desk and "审核队列" not in desk


def _principal(web: WebEnv, user: str) -> Principal:
    with web.app.state.engine.connect() as connection:
        row = connection.execute(select(users.c.id, users.c.role, users.c.unit_code)
                                 .where(users.c.username == user)).one()
    return Principal(row.id, user, user, Role(row.role), row.unit_code)


def test_the_review_queue_prints_every_project_with_its_grade_and_without_the_batch_controls(
        web: WebEnv, tmp_path: Path) -> None:
    """print17: the 审核队列's list is inside the batch form (审核通过/退回 the ticked projects), and the print style
    hid every form: the queue printed its title alone on an empty page. Now a list inside a form is printed, its
    controls (tick boxes, the comment box, the buttons, the 审核台 links: a column one character wide) are not; the
    reviewer's grade is printed with the row, its note 「审核人员评定 · 系统 良」 on one line."""
    from tests.web.helpers import stored_project

    store, core = web.app.state.store, web.app.state.core
    admin, reviewer = _principal(web, "admin"), _principal(web, "reviewer")
    for pid in web.project_ids:
        assert take_step(store, admin, pid, "submit", None, "测试：先送审", review_errors=0, version_required="").ok
    grade(store, reviewer, web.project_ids[0], core, "差", "产出指标无测算依据")
    lines = _printed(web, tmp_path, "/review/queue", "queue")
    queue = "".join(lines)
    assert "批量审核通过" not in queue and "退回时必填" not in queue and "选择" not in queue and "审核台" not in queue
    for pid in web.project_ids:
        project, _ = stored_project(web.app, pid)
        assert unicodedata.normalize("NFKC", _squash(project.name)) in queue, project.name
    assert any("审核人员评定·系统" in line for line in lines), lines  # (it broke inside 评定)


def test_the_printed_opinion_keeps_the_reviewers_return_reason_under_many_unit_comments(
        web: WebEnv, tmp_path: Path) -> None:
    """print17: the 审核意见书 printed the newest 50 workflow comments of anyone; a unit editor's 50 意见 after
    a 退回 pushed the reviewer's 退回意见 (and the reviewer's own 意见) out of the printed opinion — the one thing
    the opinion is for. Now every decision's comment and each author's newest 50 意见 are printed: checked on
    the Word files of the page and of the API (LibreOffice) and the page (Chromium), page by page. The Word
    files' headings ask for 黑体, the rest 宋体 (the headings asked for the theme's font: ＭＳ ゴシック in WPS)."""
    import pdfplumber

    from tests.web.helpers import stored_project
    from tests.writers.test_print_pdf import east_asian_fonts, to_pdf

    store = web.app.state.store
    pid = web.project_ids[0]
    editor, reviewer = _principal(web, "editor"), _principal(web, "reviewer")
    assert take_step(store, editor, pid, "submit", None, "测试：先送审", review_errors=0, version_required="").ok
    assert take_step(store, reviewer, pid, "comment", "测算依据请附预算明细", version_required="").ok
    assert take_step(store, reviewer, pid, "return", "预算数与资金用途不一致，请重新测算", version_required="").ok
    for n in range(1, MOST_REMARKS + 6):
        assert take_step(store, editor, pid, "comment", f"单位说明 {n}", version_required="").ok
    client = web.client("reviewer")
    token = web.token("reviewer")
    (tmp_path / "page.docx").write_bytes(client.get(f"/projects/{pid}/opinion.docx").content)
    api = web.client().get(f"/api/v1/projects/{pid}/opinion.docx", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200
    (tmp_path / "api.docx").write_bytes(api.content)
    page = tmp_path / "opinion.html"
    page.write_text(client.get(f"/projects/{pid}/opinion.html").text.replace('"/static/', f'"{STATIC.as_uri()}/'),
                    encoding="utf-8")
    for word in ("page.docx", "api.docx"):  # its headings asked for the theme's ＭＳ ゴシック (print17)
        assert east_asian_fonts((tmp_path / word).read_bytes()) == {"宋体", "黑体"}, word
    pdfs = [*to_pdf([tmp_path / "page.docx", tmp_path / "api.docx"], tmp_path).values(), chromium_pdf(page, tmp_path)]
    project, _ = stored_project(web.app, pid)
    whose = _squash(f"预算单位：{SEED_UNIT_NAME}项目名称：{project.name}")
    for pdf_path in pdfs:
        with pdfplumber.open(pdf_path) as pdf:
            total = len(pdf.pages)
            assert total >= 2, pdf_path.name
            text = ""
            for printed in pdf.pages:
                assert (round(float(printed.width)), round(float(printed.height))) == (round(A4[0]), round(A4[1]))
                # every page says whose opinion it is (print25: pages 2… named neither the unit nor the project)
                first = _plain((printed.extract_text() or "").splitlines()[0])
                assert first == _plain(whose), (pdf_path.name, printed.page_number, first)
                # (Chromium's Noto CJK maps 见 and 页 to their radicals ⻅ ⻚ in the PDF's text)
                lines = unicodedata.normalize("NFKC", _squash(printed.extract_text() or "")).translate(RADICALS)
                numbered = f"第{printed.page_number}页[，,]共{total}页"
                assert re.search(numbered, lines), (pdf_path.name, printed.page_number)
                text += lines
        assert "退回意见(第1版,reviewer):预算数与资金用途不一致,请重新测算" in text, pdf_path.name
        assert "意见(第1版,reviewer):测算依据请附预算明细" in text, pdf_path.name
        assert "较早的5条意见从略" in text, pdf_path.name
        said = [int(n) for n in re.findall(r"单位说明(\d+)", text)]
        assert said == list(range(6, MOST_REMARKS + 6)), (pdf_path.name, said)


def test_a_units_printed_opinion_numbers_each_projects_findings_from_one(web: WebEnv, tmp_path: Path) -> None:
    """print17: the Word 审核意见书 of a unit numbered its findings as one list running through the file: the
    second project's first finding was 「12.」. Printed by LibreOffice, every project's 审核发现 begin at 1."""
    import pdfplumber

    from tests.writers.test_print_pdf import to_pdf

    (tmp_path / "unit.docx").write_bytes(web.client("reviewer").get(f"/units/{SEED_UNIT}/opinion.docx").content)
    with pdfplumber.open(to_pdf([tmp_path / "unit.docx"], tmp_path)["unit.docx"]) as pdf:
        lines = [_squash(line) for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    # (opinion36: the findings under their dimension's heading, 「（一）相关性」, numbered on through the project)
    firsts = [lines[n + 1 + bool(DIMENSION_HEADING.fullmatch(lines[n + 1]))]
              for n, line in enumerate(lines) if line == "审核发现"]
    numbered = [line for line in firsts if line != "无。"]
    assert len(firsts) == len(web.project_ids) and len(numbered) >= 2, firsts
    assert all(line.startswith("1.【") for line in numbered), numbered


def test_the_printed_project_list_aligns_its_amounts_on_the_right(web: WebEnv, tmp_path: Path) -> None:
    """print17: the lists' number columns (预算（万元）, 错误, 警告) were meant to be right-aligned (``td.num``), but
    ``table.list td``'s left alignment outranked it: 171.41 and 1.88 printed flush left, their decimals not under
    each other. Printed by Chromium, every amount of the project list ends at the same x."""
    import pdfplumber

    page = web.client("reviewer").get("/projects?year=all")
    path = tmp_path / "projects.html"
    path.write_text(page.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        amounts = [w for w in pdf.pages[0].extract_words() if re.fullmatch(r"\d+\.\d\d", w["text"])]
    assert len(amounts) >= 5 and len({len(w["text"]) for w in amounts}) > 1, [w["text"] for w in amounts]
    ends = [w["x1"] for w in amounts]
    assert max(ends) - min(ends) < 1.0, [(w["text"], round(w["x0"]), round(w["x1"])) for w in amounts]


def _commented(web: WebEnv, pid: int, count: int) -> Desk:
    """Project ``pid`` with ``count`` cell comments of a reviewer (意见1 …), round its cells; its desk."""
    from perfbudget.app.review_desk import comment, load_desk, places

    store, reviewer = web.app.state.store, _principal(web, "reviewer")
    desk = load_desk(store, reviewer, pid, web.app.state.core)
    cells = [place for place, _ in places(desk.view.version.document.projects[0])]
    for n in range(count):
        comment(store, reviewer, pid, web.app.state.core, cells[n % len(cells)],
                f"意见{n + 1}：该指标值缺少测算依据，请补充预算明细、测算过程及历史年度完成情况，说明指标值的合理性。")
    return desk


def test_an_opinion_longer_than_a_page_starts_on_its_first_page_under_the_title(web: WebEnv, tmp_path: Path) -> None:
    """print18: the HTML 审核意见书 kept each project whole (``page-break-inside: avoid``): a project of many cell
    comments (a version takes 300) went to the second page and left the title alone on the first. Now the project
    runs on from under the title, its headings kept with what follows, no comment split between two pages."""
    import pdfplumber

    pid = web.project_ids[0]
    desk = _commented(web, pid, 80)
    page = tmp_path / "opinion.html"
    page.write_text(web.client("reviewer").get(f"/projects/{pid}/opinion.html").text
                    .replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        pages = [unicodedata.normalize("NFKC", _squash(p.extract_text() or "")).translate(RADICALS) for p in pdf.pages]
    name = unicodedata.normalize("NFKC", _squash(desk.view.head.name))
    assert len(pages) >= 3
    assert f"1.{name}" in pages[0] and "审核发现" in pages[0] and "意见1:" in pages[0], pages[0][:200]
    said = [int(n) for n in re.findall(r"意见(\d+):", "".join(pages))]
    assert said == list(range(1, 81))  # every comment printed once, in order


def test_the_review_desk_prints_its_many_cell_comments_across_the_page(web: WebEnv, tmp_path: Path) -> None:
    """print18: the 审核台 printed its 单元格意见 beside the short card of the reviewer's grade (two columns on the
    screen): 80 comments took the left half of page after page, the right half empty. On paper the cards now follow
    one another: every page of comments is written across its width, and every comment is printed once."""
    import pdfplumber

    from tests.web.helpers import stored_project

    pid = web.project_ids[0]
    _commented(web, pid, 80)
    page = tmp_path / "desk.html"
    page.write_text(web.client("reviewer").get(f"/projects/{pid}/review").text
                    .replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    said: list[int] = []
    project, _ = stored_project(web.app, pid)
    whose = _plain(f"预算单位：{SEED_UNIT}{SEED_UNIT_NAME}项目名称：{project.name}")
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        assert len(pdf.pages) >= 2
        for printed in pdf.pages:
            # every page names the unit and the project in its top margin (print25: pages 2… named neither)
            assert _plain((printed.extract_text() or "").splitlines()[0]) == whose, printed.page_number
            text = unicodedata.normalize("NFKC", _squash(printed.extract_text() or "")).translate(RADICALS)
            found = [int(n) for n in re.findall(r"意见(\d+):", text)]
            said += found
            if len(found) >= 3:  # a page of comments reaches across the page
                right = max(float(c["x1"]) for c in printed.chars if not c["text"].isspace())
                assert right > 0.75 * float(printed.width), (printed.page_number, right, float(printed.width))
    assert said == list(range(1, 81))


def test_an_opinions_long_title_never_leaves_its_last_character_alone(web: WebEnv, tmp_path: Path) -> None:
    """print17 left it, print18 fixed it: a title longer than a line — 「2024年检察业务信息化运维项目审核意见书」 —
    printed 「书」 alone on its second line, in Word (LibreOffice) and from the page (Chromium). The Word title
    now breaks before 「审核意见书」, the page's heading balances its lines."""
    import pdfplumber

    from tests.writers.test_print_pdf import to_pdf

    pid = web.project_ids[0]
    client = web.client("reviewer")
    (tmp_path / "opinion.docx").write_bytes(client.get(f"/projects/{pid}/opinion.docx").content)
    page = tmp_path / "opinion.html"
    page.write_text(client.get(f"/projects/{pid}/opinion.html").text.replace('"/static/', f'"{STATIC.as_uri()}/'),
                    encoding="utf-8")
    for pdf_path in (to_pdf([tmp_path / "opinion.docx"], tmp_path)["opinion.docx"], chromium_pdf(page, tmp_path)):
        with pdfplumber.open(pdf_path) as pdf:
            lines = [unicodedata.normalize("NFKC", _squash(line)).translate(RADICALS)
                     for line in (pdf.pages[0].extract_text() or "").splitlines()]
        title = [n for n, line in enumerate(lines) if "审核意见" in line]
        assert title and "检察业务" in "".join(lines[:title[0] + 1]), (pdf_path.name, lines[:4])
        assert lines[title[0]].endswith("审核意见书"), (pdf_path.name, lines[:4])  # 「书」 on the same line


def test_the_project_pages_indicator_header_is_printed_on_every_page_of_indicators(web: WebEnv,
                                                                                    tmp_path: Path) -> None:
    """print18: the project page's 绩效目标表 holds its indicator header row (一级指标 … 指标值) inside the table,
    under the head and its findings; printed, it ended the first page alone and the indicators began the second
    under no header. The row now goes with the first indicator. print20: the table is drawn as the downloads draw
    it, its head and its indicators as two tables of the same columns, the header row the indicators' ``<thead>``:
    every page the indicators run over begins with it (it was printed once, on the first page). print32: the 一级
    label of every indicator printed is on its page (a 一级 group is kept on one page where it fits: the label, merged
    over the rows, was printed on the first page of a group crossing a page only)."""
    import pdfplumber

    from tests.web.helpers import stored_project

    pid = web.project_ids[0]
    project, _ = stored_project(web.app, pid)
    whole = [unicodedata.normalize("NFKC", _squash(i.level3)) for i in project.indicators]
    # each name by its first 8 characters, or more where another's begin alike (「信息化设备(系统)巡检次数」 and
    # 「信息化设备(系统)正常使用年限」: the 产出指标 row on page 1 said the 效益指标 was there too, faces-w)
    names = [next((name[:size] for size in range(8, len(name) + 1)
                   if not any(other != name and other.startswith(name[:size]) for other in whole)), name)
             for name in whole]
    page = tmp_path / "project.html"
    page.write_text(web.client("reviewer").get(f"/projects/{pid}").text.replace('"/static/', f'"{STATIC.as_uri()}/'),
                    encoding="utf-8")
    header = "一级指标二级指标三级指标绩效指标描述指标值"
    with_rows = 0
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        for printed in pdf.pages:
            lines = [unicodedata.normalize("NFKC", _squash(line)).translate(RADICALS)
                     for line in (printed.extract_text() or "").splitlines()]
            content = [line for line in lines if line and not re.fullmatch(r"第\d+页[，,]共\d+页", line)]
            # an indicator's row, not a finding quoting its name (review39: goals-not-measurable shows the rows'
            # figures to write into the goal, 「视频会议保障数量≥12次」, in the head's findings on page 1)
            rows = [n for n, line in enumerate(content) if any(name in line and f"「{name}" not in line
                                                                for name in names)]
            if not rows:
                continue
            with_rows += 1
            # print24: every page says whose table it is, in its top margin
            # (「民」 printed as a radical's code point, ⺠, the unit's name is compared by its code)
            assert content[0].startswith("预算单位:255101") and content[0].endswith(unicodedata.normalize(
                "NFKC", "项目名称:" + _squash(project.name))), (printed.page_number, content[:2])
            heads = [n for n, line in enumerate(content) if header in line]
            assert heads and heads[0] < rows[0], (printed.page_number, content[:4])
            assert all(n < len(content) - 1 for n in heads), (printed.page_number, content[-3:])
            on_page = {indicator.level1 for name, indicator in zip(names, project.indicators, strict=True)
                       if any(name in line for line in content[rows[0]:])}
            labels = "".join(content[heads[0] + 1:])
            assert all(_squash(level1) in labels for level1 in on_page), (printed.page_number, on_page)
    # the seed's first project's indicators ran over two pages, its 产出指标 rows on page 2 under a blank 一级 cell;
    # its groups, each a tbody kept on one page where it fits, are printed together on page 2 now (print32)
    assert with_rows >= 1


def test_the_dashboard_of_another_year_prints_each_chart_with_its_caption(web: WebEnv, tmp_path: Path) -> None:
    """print19: the dashboard of a year with one 部门整体 table (2019: the Fujian duties sheet r64) printed the captions
    「流程状态」 and 「自评等级」 alone at the foot of page 1 and their bars on page 2. A chart is now printed whole:
    its caption is on the page of its bars."""
    import pdfplumber

    from tests.web.test_revisions import cli_import

    corpus = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
    code, _, err = cli_import(web, str(corpus / "r64_fujian-ningde-dangshifangzhi-bumenzhengti-duties-sheet.xlsx"))
    assert code == 0, err
    page = web.client("reviewer").get("/dashboard?year=2019")
    assert page.status_code == 200 and "2019 年度总览" in page.text
    path = tmp_path / "dashboard.html"
    path.write_text(page.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        pages = [[unicodedata.normalize("NFKC", _squash(line)) for line in (printed.extract_text() or "").splitlines()]
                 for printed in pdf.pages]
    for caption, bar in (("审核等级", "未审核"), ("流程状态", "已退回"), ("自评等级", "未自评")):
        on = [n for n, lines in enumerate(pages) if any(line.startswith(caption) or line.endswith(caption)
                                                          for line in lines if "单位" not in line)]
        assert on, (caption, pages)
        assert all(any(bar in line for line in pages[n]) for n in on), (caption, on, pages)


def test_the_project_page_prints_no_download_label_without_its_links(web: WebEnv, tmp_path: Path) -> None:
    """print19: the project page printed 「下载：」 at the right of 「绩效目标表」 with nothing after it (the print
    hides the buttons, the label stayed); so did the 自评 and 监控 result pages. The label goes with its links."""
    printed = "".join(_printed(web, tmp_path, f"/projects/{web.project_ids[0]}", "project"))
    assert "绩效目标表" in printed and "下载" not in printed


def test_a_project_page_prints_its_first_indicators_under_the_head(web: WebEnv, tmp_path: Path) -> None:
    """print19: the project page of the 部门整体 table 29 (one 产出指标 over 12 rows) printed its head alone on page 1,
    two thirds of it empty, and the whole indicator table on page 2: rows were kept whole as ``tr``, and a row
    holds its cells merged down. Rows are now kept whole by their cells of one row (as the downloads' print style
    does): the indicators begin on page 1, under their header, and none is split."""
    import pdfplumber

    from tests.web.test_revisions import cli_import

    corpus = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
    table = corpus / "29_jiangxi-jingdezhen-fuliang-linye-2026-target-bumenzhengti-signcol-cut.txt"
    code, _, err = cli_import(web, str(table))
    assert code == 0, err
    listed = web.client("reviewer").get("/projects?year=all&q=浮梁县林业局").text
    project_id = int(re.findall(r'href="/projects/(\d+)"', listed)[0])
    page = web.client("reviewer").get(f"/projects/{project_id}")
    path = tmp_path / "project.html"
    path.write_text(page.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        pages = [unicodedata.normalize("NFKC", _squash(printed.extract_text() or "")) for printed in pdf.pages]
    assert "一级指标" in pages[0] and "保障在职职工人数" in pages[0], pages[0]
    for name in ("保障在职职工人数", "自然保护区负氧离子监测点", "工资发放准确性"):
        assert sum(name in text for text in pages) == 1, name


def test_the_printed_card_of_a_tables_own_figures_says_its_own_score_and_grade(web: WebEnv, tmp_path: Path) -> None:
    """print21: the project page of an imported 自评表 printed, in its card 「表中的自评情况」, the sum of the
    indicators' 得分 (「表中得分合计 99」) and nothing of the 自评得分 and 评价等级 the unit wrote and signed (92 分,
    优: kinds24 reads them); its amounts printed 「12345678.90」. The card now prints the table's own score and grade
    as written, beside the sum, and its amounts with thousands separated."""

    from tests.writers.test_printed_money import SELF

    table = tmp_path / "自评表.txt"
    text = SELF.replace("99分", "92分").replace("农村饮水工程维修养护", "印刷检查自评项目")
    table.write_text(text.replace("（2023年度）", "（2023年度）\n预算单位：印刷检查单位"), encoding="utf-8")
    printed = _imported_project_printed(web, tmp_path, table, "印刷检查自评项目")
    card = printed[printed.index("表中的自评情况"):]
    assert "表中自评得分92分,评价等级优" in card, card[:300]
    assert "表中得分合计99" in card  # the indicators' sum stays, the table's own figure beside it
    assert "12,345,678.90" in card and "11,111,111.01" in card and "12345678.90" not in card, card[:300]


def test_the_printed_audit_log_keeps_each_time_on_one_line_and_prints_no_json_toggle(web: WebEnv,
                                                                                     tmp_path: Path) -> None:
    """print21: the audit log printed its times broken inside the date (「2026-12-」 at the end of a line, 「06 03:34」
    beginning the next) and, under every change written in words (「文件：…」, 「方式：命令行导入」), a 「▶ JSON」
    toggle that paper cannot open. Now the time, the action and its object are each on one line, and the toggle is not
    printed (the JSON stays on the screen)."""
    import pdfplumber

    page = web.client("admin").get("/admin/audit")
    assert page.status_code == 200 and "方式：" in page.text
    path = tmp_path / "audit.html"
    path.write_text(page.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        lines = [unicodedata.normalize("NFKC", line) for printed in pdf.pages
                 for line in (printed.extract_text() or "").splitlines()]
    dated = [line for line in lines if re.search(r"\d{4}-\d{2}-", line)]
    assert dated and all(re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", line) for line in dated), dated[:5]
    assert any("方式:" in line for line in lines) and not any("JSON" in line for line in lines), lines[:40]


def test_a_monitoring_tables_page_prints_its_period_execution_as_such(web: WebEnv, tmp_path: Path) -> None:
    """print21: the project page of an imported 监控表 (kind monitoring, 1-6月) printed the card 「表中的自评情况」,
    「本表是自评表」, its 1-6月执行数 under 「全年执行数」: a half-year's execution read as the year's. The card is now
    「表中的监控情况」 with the period's figures under their own headers."""

    from tests.writers.test_printed_money import MONITOR

    table = tmp_path / "监控表.txt"
    text = MONITOR.replace("农村饮水工程维修养护", "印刷检查监控项目")
    table.write_text(text.replace("监控表\n", "监控表\n预算单位：印刷检查单位\n", 1), encoding="utf-8")
    printed = _imported_project_printed(web, tmp_path, table, "印刷检查监控项目")
    assert "表中的自评情况" not in printed and "本表是自评表" not in printed and "全年执行数" not in printed
    card = printed[printed.index("表中的监控情况"):]
    assert "1-6月执行数(元)" in card and "6,172,839.45" in card and "12,345,678.90" in card, card[:300]


def _imported_project_printed(web: WebEnv, tmp_path: Path, table: Path, name: str) -> str:
    """``table`` imported by the command line, the project named ``name`` opened by the reviewer and printed by
    Chromium: the printed text, NFKC, without spaces."""
    import pdfplumber

    from tests.web.test_revisions import cli_import

    code, _, err = cli_import(web, str(table))
    assert code == 0, err
    listed = web.client("reviewer").get(f"/projects?year=all&q={name}").text
    project_id = int(re.findall(r'href="/projects/(\d+)"', listed)[0])
    page = web.client("reviewer").get(f"/projects/{project_id}")
    path = tmp_path / "project.html"
    path.write_text(page.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        return "".join(unicodedata.normalize("NFKC", _squash(p.extract_text() or "")) for p in pdf.pages)


def test_every_printed_page_of_a_units_opinion_names_the_unit(web: WebEnv, tmp_path: Path) -> None:
    """print25: a unit's 审核意见书 (the seed's 10 projects) printed its title on page 1 only: pages 2… began with a
    project's findings under no name, and a page taken from the pile said neither whose opinion nor which unit it
    was. Printed by LibreOffice (Word) and Chromium (the page), every page begins with the opinion's title in its top
    margin."""
    import pdfplumber

    from tests.writers.test_print_pdf import to_pdf

    client = web.client("reviewer")
    (tmp_path / "unit.docx").write_bytes(client.get(f"/units/{SEED_UNIT}/opinion.docx").content)
    page = tmp_path / "unit.html"
    page.write_text(client.get(f"/units/{SEED_UNIT}/opinion.html").text, encoding="utf-8")
    title = f"{SEED_UNIT_NAME}绩效目标审核意见书"
    for pdf_path in (to_pdf([tmp_path / "unit.docx"], tmp_path)["unit.docx"], chromium_pdf(page, tmp_path)):
        with pdfplumber.open(pdf_path) as pdf:
            assert len(pdf.pages) >= 3, pdf_path.name
            firsts = [_plain((printed.extract_text() or "").splitlines()[0]) for printed in pdf.pages]
        assert firsts == [_plain(title)] * len(firsts), (pdf_path.name, firsts)


def test_a_library_group_never_ends_a_printed_page_without_its_examples(web: WebEnv, tmp_path: Path,
                                                                       seed_path: Path) -> None:
    """print25: the 指标库 page of a few units printed a group's name and its 「12 个指标 · 2 个单位 …」 alone at the
    foot of a page, its distribution and examples on the next. Printed by Chromium, no page ends with a group's name,
    count or distribution, and none begins with a distribution parted from its name."""
    from dataclasses import replace
    from html import unescape

    import pdfplumber

    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.workflow import actor_of
    from perfbudget.load import load_path
    from perfbudget.model import Unit

    seed = load_path(seed_path).document
    assert seed is not None
    request = ImportRequest(actor_of(_principal(web, "admin")), "upload", review=False)
    for batch in (1, 2):  # two more units of the seed's projects, names lengthened: groups of many examples
        projects = tuple(replace(p, name=f"{p.name}（第{batch}批次专项资金长名称项目）") for p in seed.projects)
        unit = Unit(f"25510{batch + 1}", f"天津市和平区人民检察院下属第{batch}检察业务保障服务中心")
        outcome = import_document(web.app.state.store, web.app.state.core, replace(seed, unit=unit, projects=projects),
                                  f"unit{batch}.txt", request)
        assert outcome.status == "imported", outcome.problems[:3]
    library = web.client("reviewer").get("/library")
    assert library.status_code == 200
    heads = re.findall(r'<h2><a href="/library/groups/\d+">([^<]+)</a></h2>', library.text)
    names = {_plain(unescape(name)) for name in heads}
    assert len(names) >= 20
    path = tmp_path / "library.html"
    path.write_text(library.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        pages = [[_plain(line) for line in (printed.extract_text() or "").splitlines() if _squash(line)]
                 for printed in pdf.pages]
    assert len(pages) >= 3
    for number, lines in enumerate(pages, 1):
        body = [line for line in lines if not re.fullmatch(r"第\d+页[,，]共\d+页", line)]
        last = body[-1]
        assert last not in names and "个指标·" not in last and not last.startswith("最小"), (number, body[-3:])
        if number > 1:
            assert not body[0].startswith("最小"), (number, body[:2])


# a dimension's heading over its findings, 「（一）相关性」 (app/opinion.py; NFKC prints it 「(一)相关性」)
DIMENSION_HEADING = re.compile(r"[（(][一二三四五六七八九十][）)]\S{3}")
BLOCK_HEADINGS = ("审核发现", "审核意见", _plain(EARLIER_HEADING))  # each printed with the item under it
# between two projects' tables (the page: under a list, its margin, the most there is)
GAPS = {"docx": opinion_pages.WORD.gap, "html": opinion_pages.HTML.gap + opinion_pages.HTML.list_end}
# How each form's pages are computed (opinion_pages.WORD, HTML) and its body's margin: 1.8 cm, Word's and the page's
# (print41)
FILLED = {"docx": opinion_pages.WORD, "html": opinion_pages.HTML}
MARGIN = 1.8 / 2.54 * 72


def _placed_lines(page: Any) -> list[tuple[float, float, float, str]]:
    """A printed page's lines, top to bottom: (top, bottom, left, text as it reads)."""
    rows: list[tuple[float, float, float, str]] = []
    for word in sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]) < 3:
            top, bottom, left, text = rows[-1]
            rows[-1] = (top, max(bottom, word["bottom"]), min(left, word["x0"]), text + _plain(word["text"]))
        else:
            rows.append((word["top"], word["bottom"], word["x0"], _plain(word["text"])))
    return rows


def _leading_block(lines: list[tuple[float, float, float, str]], going_on: bool = False) -> float:
    """How tall a page's first project block prints: from its name to the end of the item under its first heading
    (审核发现: a finding — under its dimension's heading since opinion36 — its lines after the first set further in,
    or 「无。」); on a page going on with a project (``going_on``), from the line under 「名称（续）」 to the end of the
    item it begins with or that is under the headings it begins with."""
    body = lines[1:-1]  # (the running head, the page number)
    item = 1 if going_on else next(n for n, line in enumerate(body) if line[3] in ("审核发现", "审核意见")) + 1
    while item < len(body) - 1 and (body[item][3] in BLOCK_HEADINGS or DIMENSION_HEADING.fullmatch(body[item][3])):
        item += 1
    end = item + 1
    while end < len(body) and body[end][2] > body[item][2] + 3:
        end += 1
    return body[end - 1][1] - body[int(going_on)][0]


def test_a_page_of_a_units_printed_opinion_beginning_inside_a_project_names_the_project(
        web: WebEnv, tmp_path: Path) -> None:
    """print26 (print25's left item): a unit's 审核意见书 names the unit at the top of every page, but a page that
    began inside a project's findings or comments named no project — 「意见41：该指标值…」 under the unit's title,
    the project's name pages back. Each project of a unit's opinion is now a table headed by its name, which Word,
    WPS, LibreOffice and Chromium print again at the top of every page it runs on to. Printed by LibreOffice (Word)
    and Chromium (the page), with one project of 80 comments and one of 30: every page after the first begins, under
    the running head, with the name of the project it goes on with or begins, and some page goes on with one.
    print27 (print26's left item): a page going on with a project says so, 「名称（续）」, and a page beginning a
    project does not (a repeated row could not say it: each part is cut at its computed page, app/opinion_pages.py);
    no page ends with a project's name. print28 (print27's left item): the pages are filled — a page ends where what
    begins the next would not have fitted (a project's name, head lines and first finding, with the room above them;
    a finding or comment going on), within a few lines: until print28 LibreOffice's pages ended up to 200 pt short."""
    from html import unescape

    import pdfplumber
    from docx import Document as WordDocument

    from tests.writers.test_print_pdf import to_pdf

    _commented(web, web.project_ids[0], 80)
    _commented(web, web.project_ids[3], 30)
    client = web.client("reviewer")
    word = client.get(f"/units/{SEED_UNIT}/opinion.docx").content
    (tmp_path / "unit.docx").write_bytes(word)
    page = client.get(f"/units/{SEED_UNIT}/opinion.html").text
    (tmp_path / "unit.html").write_text(page, encoding="utf-8")
    tables = WordDocument(tmp_path / "unit.docx").tables
    printed = {"docx": ([table.rows[0].cells[0].text for table in tables],
                        to_pdf([tmp_path / "unit.docx"], tmp_path)["unit.docx"]),
               "html": ([unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", page)],
                        chromium_pdf(tmp_path / "unit.html", tmp_path))}
    # whether each part a page's foot cut, a 「（续）」 part after it, ends in a list, as written: the last paragraph of
    # its Word table a list's, its table's cell ending in <ul>/<ol> (opinion.css keeps a cell's last list's margin)
    parts = page.split('<table class="opinion-project')[1:]
    cut_after_list = {
        "docx": [before.rows[-1].cells[0].paragraphs[-1].style.name.startswith("List")
                 for before, table in itertools.pairwise(tables) if table.rows[0].cells[0].text.endswith("（续）")],
        "html": [re.search(r"</[ou]l>\s*</td>", before) is not None
                 for before, part in itertools.pairwise(parts) if part.startswith(" continued")]}
    for form, (headings, pdf_path) in printed.items():
        names = [_plain(heading) for heading in headings if not heading.endswith("（续）")]
        assert len(names) == len(web.project_ids), (form, names)
        with pdfplumber.open(pdf_path) as pdf:
            pages = [[_plain(line) for line in (p.extract_text() or "").splitlines() if line.strip()]
                     for p in pdf.pages]
            placed = [_placed_lines(p) for p in pdf.pages]
        assert len(pages) >= 3, form
        measure = FILLED[form]
        line, foot = measure.line, A4[1] - MARGIN
        # what a page computed full leaves empty at its foot whatever its lines: the share of the body the layout keeps
        # free (room: 98.5 %) and its last paragraph's room after it (the second reading of print41: until then the
        # page's slack was 4 lines of 17.85 pt where its lines are 15, a 10 pt gap counted twice hidden in it)
        kept = foot - MARGIN - measure.room + measure.after
        ends_in_list = iter(cut_after_list[form])
        for number in range(1, len(placed)):
            free = foot - placed[number - 1][-2][1]  # (below the last line above the page number)
            begins = placed[number][1][3].startswith(tuple(names)) and not placed[number][1][3].endswith(
                _plain("（续）"))
            # a project beginning the page wanted, on the page before, the gap between projects and its name's room
            # above (as printed at the top of its page) with its leading block (opinion36: the block got taller, a
            # dimension's heading and a 建议 line, and a page broke before one with 248 pt left for 239 pt wanted —
            # the layout's 1.5 % of the page kept free — where 3 lines over the block alone allowed 236)
            above = placed[number][1][0] - (A4[1] - foot) + GAPS[form]
            # a page going on with a project: its first block and 2 lines (a finding with its 建议 under a
            # dimension's heading is taller than the 5 lines that held any block until opinion36; a page of them holds
            # more wrapped lines, each of which the layout may count a line longer: Chromium's page 11 of the seed's
            # unit ends 96.4 pt above its foot, its first block 57.5 pt, 51 pt kept here), the same kept by both
            # (print42: a page cut inside a project after a list keeps the 10 pt under it too, ``list_end``: the page's
            # own cell margin, which the layout now counts where it cuts; Word's forms have none. Not after a
            # paragraph, whose ``after`` ``kept`` holds: a layout cutting 10 pt early under one would pass)
            wanted = kept + (_leading_block(placed[number]) + above + 2 * line if begins
                             else max(5 * line, _leading_block(placed[number], going_on=True) + 2 * line)
                             + (measure.list_end if next(ends_in_list) else 0.0))
            assert free < wanted, (form, number, free, wanted)
        seen: list[str] = []
        went_on = 0
        for number, lines in enumerate(pages, 1):
            text = "".join(lines)
            if number > 1:
                first = lines[1]  # (lines[0]: the running head, the unit's title)
                head = first.removesuffix(_plain("（续）"))  # (two projects of one name differ by their 资金性质)
                begun = [name for name in names if name == head] or [
                    name for name in names if name.startswith(head[:12]) and len(first) >= 6]
                assert begun, (form, number, first)
                going_on = begun[0] in seen
                went_on += going_on
                assert first.endswith(_plain("（续）")) == going_on, (form, number, first)
                assert not seen or begun[0] in (seen[-1], *[n for n in names if n not in seen]), (form, number)
            assert not any(line.startswith(name[:12]) for name in names for line in lines[-2:-1]), (form, number)
            seen += sorted((name for name in names if name in text and name not in seen), key=text.index)
        assert went_on >= 1, form  # a project crossing a page (its 80 comments) is named on its next pages
