"""Issue 10, points 1, 2, 5, 6, 7: cut-off documents, page furniture and fragments, one project over
several tables, an indicator block without its header block, and honest confidence.

Each test reads a tiny realistic document (pipe rows as copied from a web page, or Word/HTML built here)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
from rich.console import Console

from perfbudget.cli.render.document import render_document
from perfbudget.interchange import document_to_dict, dumps, loads
from perfbudget.load import load_bytes
from perfbudget.model import Severity

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "interchange.schema.json").read_text("utf-8"))

HEADER = "一级指标 | 二级指标 | 三级指标 | 指标值 |"
PROJECT_A = """项目名称 | 道路养护项目 |
预算数 | 20.00 | 财政资金 | 20.00 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 养护里程 | ≥12公里 |
效益指标 | 社会效益指标 | 通行条件改善 | 明显改善 |
效益指标 | 可持续影响指标 | 道路使用年限 | ≥10年 |
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
"""
PROJECT_B = """项目名称 | 村道维修项目 |
预算数 | 8.00 | 财政资金 | 8.00 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 维修村道 | 3条 |
"""


def _load(text: str, name: str = "t.txt"):  # type: ignore[no-untyped-def]
    return load_bytes(text.encode("utf-8"), name)


def _rows(project) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]


def _render(document) -> str:  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    render_document(document, Console(file=buffer, width=200))
    return buffer.getvalue()


# ---- 1. cut-off documents -------------------------------------------------------------------------

def test_a_document_cut_inside_its_second_project_keeps_the_first_whole() -> None:
    text = PROJECT_A + "\n" + PROJECT_B + "效益指标 | 社会效益指标 | 群众出行 |\n"
    result = _load(text)
    assert result.document is not None and not result.ok
    first, second = result.document.projects
    assert first.complete and first.cut is None and len(first.indicators) == 4
    assert not second.complete and second.cut is not None and second.cut.line == text.count("\n")
    assert _rows(second) == [("产出指标", "数量指标", "维修村道", "3条")]
    assert result.usable and result.partial
    assert result.complete_projects == (first,) and result.cut_projects == (second,)
    assert len(result.cut_errors) == 1 and "中断" in result.cut_errors[0].message and not result.other_errors
    data = document_to_dict(result.document)
    jsonschema.validate(data, SCHEMA)
    assert "complete" not in data["projects"][0]
    assert data["projects"][1]["complete"] is False and data["projects"][1]["cut"] == {"file": "t.txt",
                                                                                       "line": second.cut.line,
                                                                                       "column": 3}
    again, problems = loads(dumps(result.document))
    assert again is not None and not problems
    assert not again.projects[1].complete and again.projects[1].cut == second.cut
    assert f"未完整（截断于 {second.cut}）" in _render(result.document)


def test_a_file_ending_inside_a_character_is_the_cut_only_when_its_last_table_is_cut() -> None:
    """Since 2026-12-04 the end inside a character is part of a cut last table (reviewed, imported as one); after
    a whole last table it stays an error of its own, so a table missing its tail is never taken as whole."""
    cut = (PROJECT_A + "\n" + PROJECT_B + "效益指标 | 社会效益指标 | 群众出行 |\n").encode()[:-4]  # 「|」 kept out
    cut = cut[:cut.rindex("行".encode()) + 1]  # 「行」 cut after its first byte
    result = load_bytes(cut, "t.txt")
    assert result.usable and result.partial and not result.other_errors, result.problems
    assert any(p.message.startswith("文件在一个字符的中间结束") for p in result.cut_errors)
    from perfbudget.load import LoadResult
    from perfbudget.model import Problem, Source

    whole = load_bytes((PROJECT_A + "\n" + PROJECT_B).encode(), "t.txt")  # both read whole, then told as
    assert whole.document is not None and whole.ok  # a table cut in the middle and a file ending in a character
    said = (Problem(Source("t.txt", line=5), "表格在此中断：…"),
            Problem(Source("t.txt", line=12), "文件在一个字符的中间结束…"))
    result = LoadResult(whole.document, said, "text")
    assert [p.message[:12] for p in result.other_errors] == ["文件在一个字符的中间结束"]


def test_a_cut_inside_the_header_block_is_a_cut_project_with_its_name() -> None:
    result = _load(PROJECT_A + "\n项目名称 | 村道维修项目 |\n预算数 | 8.00 |\n")
    assert result.document is not None and result.usable
    assert [p.complete for p in result.document.projects] == [True, False]
    assert result.cut_projects[0].name == "村道维修项目"


def test_an_error_that_is_no_cut_makes_the_document_unusable() -> None:
    text = PROJECT_A.replace("养护里程 | ≥12公里 |", "养护里程 | ≥12公里 |\n产出指标 | 数量指标 | | 3公里 |")
    result = _load(text)
    assert result.document is not None and not result.usable and result.other_errors
    assert not result.cut_projects


def test_bad_cut_location_in_json_names_the_field() -> None:
    result = _load(PROJECT_A)
    assert result.document is not None
    data = document_to_dict(result.document)
    data["projects"][0]["cut"] = {"file": "t.txt", "line": "x"}
    document, problems = loads(json.dumps(data))
    assert document is None and "projects[0].cut.line" in problems[0].message


# ---- 2. page furniture and fragments --------------------------------------------------------------

def test_page_furniture_around_the_table_is_neither_table_nor_title() -> None:
    text = ("首页 > 信息公开 > 财政预决算\n发布时间：2022-03-01 来源：区交通局\n字号：大 中 小\n"
            "道路养护项目绩效目标表\n" + PROJECT_A + "其他需要说明事项 | 无 | 总分 | 100 |\n"
            "其他需说明的问题 | 无 |\n主管部门审核意见 | 同意 |\n"
            "附件：\n扫一扫在手机打开当前页\n[打印] [关闭]\n分享到：微信 微博 QQ空间\n")
    result = _load(text)
    assert result.ok, result.problems
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.title == "道路养护项目绩效目标表" and project.name == "道路养护项目"
    assert len(project.indicators) == 4 and project.complete


def test_a_page_fragment_is_never_a_project() -> None:
    text = "发布时间：2022-03-01\n项目名称 | 办公楼维修 |\n[打印] [关闭]\n" + PROJECT_A
    result = _load(text)
    assert result.document is not None
    assert [p.name for p in result.document.projects] == ["道路养护项目"]
    assert any("不是完整的项目表" in p.message for p in result.problems)


# ---- 5. one project over several tables -----------------------------------------------------------

def test_header_part_and_indicator_part_separated_by_a_page_number_are_one_project() -> None:
    head, _, rest = PROJECT_A.partition(HEADER)
    result = _load(head + "- 2 -\n" + HEADER + rest)
    assert result.ok, result.problems
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.name == "道路养护项目" and len(project.indicators) == 4


def test_a_table_broken_across_pages_with_or_without_its_header_repeated() -> None:
    lines = PROJECT_A.splitlines(keepends=True)
    for repeat in ("", HEADER + "\n"):
        text = "".join(lines[:4]) + "第1页 共2页\n" + repeat + "".join(lines[4:])
        result = _load(text)
        assert result.ok, result.problems
        (project,) = result.document.projects  # type: ignore[union-attr]
        assert _rows(project)[1:] == [("效益指标", "社会效益指标", "通行条件改善", "明显改善"),
                                      ("效益指标", "可持续影响指标", "道路使用年限", "≥10年"),
                                      ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]


def _docx_two_tables(parts: list[list[list[str]]], between: str = "") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("道路养护项目绩效目标表")
    for number, rows in enumerate(parts):
        if number:
            document.add_paragraph(between)
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _grid(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip(" |").split("|")] for line in text.strip().splitlines()]


def test_word_form_kept_as_two_tables_is_one_project() -> None:
    head, _, rest = PROJECT_A.partition(HEADER)
    data = _docx_two_tables([_grid(head), _grid(HEADER + rest)])
    result = load_bytes(data, "two.docx")
    assert result.ok, result.problems
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.name == "道路养护项目" and str(project.budget.total) == "20.00"
    assert len(project.indicators) == 4
    assert any("项目表分在" in p.message for p in result.problems)


def test_html_table_broken_in_two_is_one_project() -> None:
    lines = PROJECT_A.splitlines()
    def table(rows: list[str]) -> str:
        return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in _grid(r)[0]) + "</tr>"
                                   for r in rows) + "</table>"
    page = f"<html><body><p>道路养护项目绩效目标表</p>{table(lines[:4])}<p>- 2 -</p>{table(lines[4:])}</body></html>"
    result = load_bytes(page.encode("utf-8"), "p.html")
    assert result.ok, result.problems
    assert len(result.document.projects[0].indicators) == 4  # type: ignore[union-attr]


# ---- 6. an indicator block without its header block -----------------------------------------------

def test_indicator_block_named_by_a_title_that_names_one_project_needs_a_check() -> None:
    _, _, rest = PROJECT_A.partition(HEADER)
    result = _load("2023年道路养护项目绩效目标表\n" + HEADER + rest)
    assert result.document is not None and result.ok, result.problems
    (project,) = result.document.projects
    assert project.name == "2023年道路养护项目" and len(project.indicators) == 4
    assert project.needs_check and "表题" in project.needs_check[0]
    assert document_to_dict(result.document)["projects"][0]["needs_check"] == list(project.needs_check)
    assert "需人工核对" in _render(result.document)


def test_indicator_block_under_a_department_title_is_unnamed_and_never_merged() -> None:
    _, _, rest = PROJECT_A.partition(HEADER)
    text = PROJECT_B + "\n某区交通运输局2023年部门项目支出绩效目标表\n" + HEADER + rest
    result = _load(text)
    assert result.document is not None and not result.usable
    first, second = result.document.projects
    assert first.name == "村道维修项目" and len(first.indicators) == 1
    assert second.name == "" and len(second.indicators) == 4
    assert any("没有找到项目名称" in p.message and p.severity is Severity.ERROR for p in result.problems)


def test_a_stray_line_of_the_page_never_names_a_project() -> None:
    # the page's first line is no title: the indicator block stays unnamed (an error), never 「网站支持IPv6」
    _, _, rest = PROJECT_A.partition(HEADER)
    for stray in ("网站支持IPv6", "欢迎访问本站", "当前位置:首页 财政资金 > 某局绩效目标自评表"):
        result = _load(stray + "\n" + HEADER + rest)
        assert result.document is not None
        assert [p.name for p in result.document.projects] == [""], stray
        assert any("没有找到项目名称" in e.message for e in result.errors)


def test_transfer_and_special_fund_forms_name_their_project() -> None:
    for label in ("专项名称", "转移(项目)名称", "专项资金名称"):
        result = _load(PROJECT_A.replace("项目名称", label))
        assert result.ok and result.document.projects[0].name == "道路养护项目", label  # type: ignore[union-attr]


def test_pdf_of_a_form_kept_as_two_tables_is_one_project() -> None:
    # tests/fixtures/two_tables.pdf: made by make_pdfs.sh from a Word form kept as two tables
    path = Path(__file__).resolve().parents[1] / "fixtures" / "two_tables.pdf"
    result = load_bytes(path.read_bytes(), "two_tables.pdf")
    assert result.ok, result.problems
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.name == "道路养护项目" and str(project.budget.total) == "20.00"
    assert _rows(project) == [("产出指标", "数量指标", "养护里程", "≥12公里"),
                              ("效益指标", "社会效益指标", "通行条件改善", "明显改善"),
                              ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]


def test_a_page_starting_inside_a_table_without_any_header_reads_by_position() -> None:
    # a department report's page 12: pipe rows whose cells sit on lines of their own, no header at all
    def row(*cells: str) -> str:
        return "|   " + "\n        | \n     ".join(cells) + "\n        | \n  ||||\n"
    text = (row("项目完成指标", "质量指标", "改善养老服务基础条件", "改善条件", "明显改善")
            + row("项目完成指标", "时效指标", "2020年", "2020年", "2020年")
            + row("项目完成指标", "成本指标", "100万", "100万", "100万")
            + row("效益指标", "社会效益指标", "养老服务需求", "有所提升", "养老服务提升")
            + "|   \n        | \n     "
            + row("满意度指标", "服务对象满意度指标", "养老机构服务质量满意度", "≥90%", "98%")
            + "\n2.部门绩效评价结果。\n本部门按要求开展自评。\n")
    result = _load(text)
    assert result.document is not None
    (project,) = result.document.projects
    assert _rows(project) == [("项目完成指标", "质量指标", "改善养老服务基础条件", "改善条件"),
                              ("项目完成指标", "时效指标", "2020年", "2020年"),
                              ("项目完成指标", "成本指标", "100万", "100万"),
                              ("效益指标", "社会效益指标", "养老服务需求", "有所提升"),
                              ("满意度指标", "服务对象满意度指标", "养老机构服务质量满意度", "≥90%")]
    assert project.indicators[0].extras == (("第5列", "明显改善"),)
    assert project.name == "" and project.needs_check and "按位置" in project.needs_check[0]


def test_word_form_kept_as_three_tables_header_funds_indicators_is_one_project() -> None:
    head = [["项目名称", "水旱灾害防御经费", ""], ["项目资金(万元)", "年初预算数", "全年预算数"]]
    funds = [["年度资金总额:", "880", "880"], ["其中:本年财政拨款", "880", "880"]]
    _, _, rest = PROJECT_A.partition(HEADER)
    result = load_bytes(_docx_two_tables([head, funds, _grid(HEADER + rest)]), "three.docx")
    assert result.ok, result.problems
    (project,) = result.document.projects  # type: ignore[union-attr]
    assert project.name == "水旱灾害防御经费" and str(project.budget.total) == "880"
    assert len(project.indicators) == 4
