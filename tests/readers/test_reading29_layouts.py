"""File forms a person reads and the readers refused (reading29): a form laid out by CSS grid's named areas
(``grid-template-areas``) or named lines, and Word files whose ``altChunk`` is plain text or RTF. Each file is made
here (the page as text, the Word file by python-docx) and read by the real reader."""

from __future__ import annotations

from typing import Any

from perfbudget.load import load_bytes

_READ = [("农村义务教育学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")]


def _indicators(data: bytes, name: str) -> tuple[list[tuple[str, str]], Any]:
    result = load_bytes(data, name)
    assert result.document is not None, [p.message for p in result.problems]
    project = result.document.projects[0]
    return [(i.level3, i.target.raw) for i in project.indicators], result


def _page(style: str, cells: str) -> bytes:
    return ("<html><head><meta charset='utf-8'><style>" + style + "</style></head><body><h3>绩效目标表</h3>"
            + cells + "</body></html>").encode()


_AREAS = ('.form{display:grid;grid-template-columns:8em 1fr 1fr 6em;grid-template-areas:'
          '"nl nv nv nv" "ml mv mv mv" "h1 h2 h3 h4" ". . . ." "s1 s2 . ."}'
          ".nl{grid-area:nl}.nv{grid-area:nv}.ml{grid-area:ml}.mv{grid-area:mv}")


def test_a_css_grid_placed_by_named_areas_is_read_as_a_browser_places_it() -> None:
    """The name and budget cells placed by ``grid-area: <name>`` of ``grid-template-areas`` and written after the
    indicator cells; the 满意度 一级/二级 placed by areas of their own spanning two rows (``s1``, ``s2`` of the
    template given inline), the rest auto-placed around them. Main left the grid as text: 网页中没有找到绩效目标表."""
    cells = ("<div class=form style='grid-template-areas:\"nl nv nv nv\" \"ml mv mv mv\" \"h1 h2 h3 h4\" "
             "\". . . .\" \"s1 s2 . .\" \"s1 s2 . .\"'>"
             "<div>一级指标</div><div>二级指标</div><div>三级指标</div><div>指标值</div>"
             "<div>产出指标</div><div>数量指标</div><div>农村义务教育学校改造覆盖率</div><div>100%</div>"
             "<div style='grid-area:s1'>满意度指标</div><div style='grid-area:s2'>服务对象满意度指标</div>"
             "<div>学生家长满意度</div><div>≥90%</div><div>教师满意度</div><div>≥95%</div>"
             "<div class=nv>农村义务教育薄弱学校改造补助资金</div><div class=nl>项目名称</div>"
             "<div class=ml>年度资金总额（万元）</div><div class=mv>16</div></div>")
    indicators, result = _indicators(_page(_AREAS, cells), "areas.html")
    assert indicators == [*_READ, ("教师满意度", "≥95%")] and not result.errors
    project = result.document.projects[0]
    assert project.name == "农村义务教育薄弱学校改造补助资金" and project.budget.total == 16
    assert [(i.level1, i.level2) for i in project.indicators][1:] == [("满意度指标", "服务对象满意度指标")] * 2


def test_a_css_grid_placed_by_named_lines_and_the_template_shorthand_is_read() -> None:
    """Columns named by ``[label-start] … [value-start] … [value-end]`` (one name twice, ``value 2`` its second
    line) and rows by the ``grid-template`` shorthand's line names and strings."""
    style = (".form{display:grid;grid-template:[top] \"a a a a\" auto [money] \"b b b b\" auto / [label-start] 8em "
             "[label-end value-start level2 value] 1fr [value] 1fr [target] 6em [value-end]}")
    cells = ("<div class=form><div style='grid-row:money;grid-column:value-start / value-end'>16</div>"
             "<div style='grid-row:top;grid-column:value / value-end'>农村义务教育薄弱学校改造补助资金</div>"
             "<div style='grid-row:top;grid-column:label'>项目名称</div>"
             "<div style='grid-row:money;grid-column:label-start'>年度资金总额（万元）</div>"
             "<div>一级指标</div><div>二级指标</div><div>三级指标</div><div>指标值</div>"
             "<div>产出指标</div><div style='grid-column:level2'>数量指标</div>"
             "<div style='grid-column:value 2'>农村义务教育学校改造覆盖率</div>"
             "<div style='grid-column:target'>100%</div>"
             "<div>满意度指标</div><div>服务对象满意度指标</div><div>学生家长满意度</div><div>≥90%</div></div>")
    indicators, result = _indicators(_page(style, cells), "lines.html")
    assert indicators == _READ and not result.errors
    assert result.document.projects[0].budget.total == 16


def test_a_css_grid_placed_by_a_name_it_does_not_give_is_left_as_text() -> None:
    """A name no line or area of the grid carries (a browser would add lines past the grid) and areas that are no
    rectangle (a browser drops the template): no table is guessed, the page refused as before."""
    form = ("<div>项目名称</div><div>农村义务教育薄弱学校改造补助资金</div>"
            "<div>一级指标</div><div>二级指标</div><div>三级指标</div><div>指标值</div>"
            "<div>产出指标</div><div>数量指标</div><div>农村义务教育学校改造覆盖率</div><div>100%</div>")
    unknown = _page(".form{display:grid;grid-template-columns:repeat(4,1fr)}",
                    f"<div class=form><div style='grid-area:nowhere'>x</div>{form}</div>")
    not_rectangle = _page(".form{display:grid;grid-template-areas:\"a a b\" \"a b b\"}",
                          f"<div class=form><div style='grid-area:a'>x</div>{form}</div>")
    for page in (unknown, not_rectangle):
        refused = load_bytes(page, "grid.html")
        assert refused.document is None and ["没有找到绩效目标表" in p.message for p in refused.problems] == [True]
