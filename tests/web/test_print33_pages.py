"""print33: a 一级 group longer than a printed page keeps is drawn as parts, each with its label
(docs/publishing.md, *Printed again (print33)*)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from perfbudget.web.annotate import IndicatorLine
from perfbudget.web.table_html import PART_POINTS, indicator_rows, level1_groups, line_points
from tests.web.conftest import WebEnv
from tests.web.test_printed_pages import RADICALS, STATIC
from tests.web.test_revisions import cli_import
from tests.writers.test_print_pdf import _squash, chromium_pdf

CELLS = ("level1", "level2", "level3", "description", "target", "row")
RUNS = (("数量指标", 3), ("质量指标", 8), ("时效指标", 2))  # one 产出指标 group of 13 rows, a 二级 run over 6


def _lines() -> list[IndicatorLine]:
    lines, position = [], 0
    for level2, count in RUNS:
        for k in range(count):
            lines.append(IndicatorLine(position, "产出指标", level2, f"{level2}{k}", None, "≥1",
                                       level1_span=sum(c for _n, c in RUNS) if not position else 0,
                                       level2_span=count if not k else 0, cell_class=dict.fromkeys(CELLS, "")))
            position += 1
    return lines


def test_a_long_level1_group_is_drawn_as_parts_each_with_its_labels() -> None:
    parts = level1_groups(_lines())
    assert [len(part) for part in parts] == [3, 4, 4, 2]  # cut where a 二级 run begins, else at PART_POINTS
    assert all(sum(line_points(line, True) for line in part) <= PART_POINTS for part in parts)  # (rows of a line)
    assert [part[0].level1_span for part in parts] == [3, 4, 4, 2]
    assert [[line.level2_span for line in part] for part in parts] == [[3, 0, 0], [4, 0, 0, 0], [4, 0, 0, 0], [2, 0]]
    assert [part[0].cell_class["level1"] for part in parts] == ["", "again", "again", "again"]
    assert [part[0].cell_class["level2"] for part in parts] == ["", "", "again", ""]  # 质量指标 cut after four
    html = "".join(indicator_rows(part, False) for part in parts)
    assert html.count(">产出指标</td>") == 4 and html.count(">质量指标</td>") == 2  # was once each


def _long_group_table(path: Path) -> Path:
    rows = "".join(f"产出指标\t{level2}\t{level2}第{k + 1}项工作完成情况\t"
                   f"按照年度计划完成{level2}相关工作任务，确保各项工作按期保质完成并形成书面材料\t≥{k + 1}项\n"
                   for level2, count in RUNS for k in range(count))
    path.write_text(
        "项目支出绩效目标表\n（2024年度）\n"
        "项目名称\t长组打印测试项目\n"
        "主管部门\t某县交通运输局\t实施单位\t某县公路事务中心\n"
        "项目资金（万元）\t年度资金总额\t20\n\t其中：财政拨款\t20\n\t其他资金\t0\n"
        "年度绩效目标\t" + "按期完成年度各项工作任务，提高工作质量和效率。" * 16 + "\n"
        "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\n" + rows
        + "满意度指标\t服务对象满意度指标\t群众满意度\t服务对象对项目实施的满意程度\t≥90%\n",
        encoding="utf-8")
    return path


def test_a_long_level1_group_crossing_a_page_prints_its_label_on_every_page(web: WebEnv, tmp_path: Path) -> None:
    """print32 kept a group of six rows or fewer on one page; a longer one began where it fell and printed its 一级
    label, merged over its rows, on its first page only. Drawn as parts of six rows at most, each part with its
    label, every printed page of indicators shows the 一级 of its rows."""
    texts = printed_project_page(web, _long_group_table(tmp_path / "长组.txt"), tmp_path)
    with_rows = [text for text in texts if re.search(r"(数量|质量|时效)指标第\d+项", text)]
    assert len(with_rows) >= 2, texts  # the group crosses a page
    for text in with_rows:
        after_header = text.split("一级指标二级指标三级指标", 1)[-1]
        assert "产出指标" in after_header, text[:200]  # page 2 printed its rows under a blank 一级 cell


def test_the_seed_project_page_prints_its_workflow_with_its_last_indicators(web: WebEnv, tmp_path: Path) -> None:
    """print32 left the seed's first project page at three pages, the third holding its 审核流程 and 「尚未送审。」
    alone, 55 pt short on page 2: the cards' screen spacing (16 px under a card, a paragraph's 1 em) is tighter on
    paper now."""
    import pdfplumber

    page = tmp_path / "project.html"
    page.write_text(web.client("reviewer").get(f"/projects/{web.project_ids[0]}").text
                    .replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        texts = [unicodedata.normalize("NFKC", _squash(printed.extract_text() or "")).translate(RADICALS)
                 for printed in pdf.pages]
    assert len(texts) == 2, [text[:80] for text in texts]  # was 3
    assert "审核流程" in texts[-1] and "服务干警满意度" in texts[-1]


def printed_project_page(web: WebEnv, table: Path, tmp_path: Path) -> list[str]:
    """``table`` imported, its project page (as the reviewer sees it, findings beside the cells) printed by Chromium:
    each printed page's text, white space squashed."""
    import json

    import pdfplumber

    code, out, err = cli_import(web, str(table), "--json")
    assert code == 0, err
    pid = json.loads(out)["files"][0]["versions"][0]["project_id"]
    client = web.client("reviewer")
    page = tmp_path / "project.html"
    page.write_text(client.get(f"/projects/{pid}").text.replace('"/static/', f'"{STATIC.as_uri()}/'),
                    encoding="utf-8")
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        return [unicodedata.normalize("NFKC", _squash(printed.extract_text() or "")).translate(RADICALS)
                for printed in pdf.pages]
