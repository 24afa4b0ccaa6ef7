"""A web page whose form holds its indicator table nested in a cell (forms32): ``绩效指标 | [一级指标 | 二级指标 |
三级指标 | 指标值 …]`` as a CMS writes a Word form with a table in a cell. Main read only the innermost table, so the
form's own rows (项目名称, 预算单位, 年度资金总额) were lost: 没有找到项目名称, nothing imported."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes

_INDICATORS = [("产出指标", "数量指标", "补助人数", "63人"), ("产出指标", "时效指标", "资金拨付", "12月底到位"),
               ("满意度指标", "满意度指标", "受益群众满意度", "≥90%")]


def _page(wrapped: bool) -> bytes:
    inner = ("<table border=1><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
             + "".join("<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in _INDICATORS)
             + "</table>")
    form = ("<table border=1><tr><td>项目名称</td><td>特困家庭再扶助</td></tr><tr><td>预算单位</td>"
            "<td>区卫生健康局</td></tr><tr><td>年度资金总额(万元)</td><td>6.30</td></tr>"
            f"<tr><td>绩效指标</td><td>{inner}</td></tr></table>")
    if wrapped:  # (the site's page laid out in a table around the form)
        form = f"<table><tr><td>首页 &gt; 政务公开</td></tr><tr><td>{form}</td></tr><tr><td>主办单位</td></tr></table>"
    return f'<html><head><meta charset="utf-8"></head><body><p>项目支出绩效目标表</p>{form}</body></html>'.encode()


def test_an_indicator_table_nested_in_the_forms_cell_is_read_with_the_form() -> None:
    for wrapped in (False, True):
        result = load_bytes(_page(wrapped), "form.html")
        assert result.ok, [p.message for p in result.errors]
        project = result.document.projects[0]
        assert (project.name, project.budget.total, result.document.unit.name) == (
            "特困家庭再扶助", Decimal("6.30"), "区卫生健康局"), wrapped
        assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == _INDICATORS
        assert project.indicators[0].source.sheet == "表1第4行内嵌表格" and project.indicators[0].source.row == 2


def test_a_page_laid_out_in_tables_around_two_tables_is_read_by_its_innermost_tables() -> None:
    """A layout table holding the form's head and its indicator table in two cells (no label of its own) is no
    form: the two tables are read as before (the head, then the indicator part joined to it)."""
    inner = ("<table border=1><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
             + "".join("<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in _INDICATORS)
             + "</table>")
    head = ("<table border=1><tr><td>项目名称</td><td>特困家庭再扶助</td></tr><tr><td>年度资金总额(万元)</td>"
            "<td>6.30</td></tr></table>")
    page = (f'<html><head><meta charset="utf-8"></head><body><table><tr><td>{head}</td></tr><tr><td>{inner}</td></tr>'
            "</table></body></html>")
    result = load_bytes(page.encode(), "form.html")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert (project.name, project.budget.total, len(project.indicators)) == ("特困家庭再扶助", Decimal("6.30"), 3)
