"""The 绩效目标表 writers: JSON → docx/xlsx/html → read gives the same model; merged cells; fonts."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from decimal import Decimal

import pytest

from perfbudget.interchange import dumps, loads
from perfbudget.load import load_bytes
from perfbudget.model import Document, Unit
from perfbudget.target import parse_target
from perfbudget.writers.target_table_export import EXPORT_FORMS, render


@pytest.fixture(scope="module")
def from_json(seed_document: Document) -> Document:
    document, problems = loads(dumps(seed_document), "seed.json")
    assert document is not None and not problems
    return document


@pytest.mark.parametrize("form", EXPORT_FORMS)
def test_seed_round_trips_through_every_form(from_json: Document, form: str) -> None:
    result = load_bytes(render(from_json, form), f"seed.{form}")
    assert result.form == form
    assert result.ok, result.problems
    assert result.document == from_json


def test_docx_has_merged_cells_and_east_asian_font(from_json: Document) -> None:
    xml = zipfile.ZipFile(io.BytesIO(render(from_json, "docx"))).read("word/document.xml").decode()
    # each project: its head and its indicator table, whose header row (一级指标 …) repeats on every page
    assert xml.count("<w:tbl>") == 2 * len(from_json.projects)
    assert xml.count("<w:tblHeader/>") == len(from_json.projects)
    assert 'w:gridSpan w:val="6"' in xml  # 项目名称 value across the table
    assert '<w:vMerge w:val="restart"/>' in xml and "<w:vMerge/>" in xml  # 一级/二级 down
    assert 'w:eastAsia="宋体"' in xml
    assert "<w:cantSplit/>" in xml
    styles = zipfile.ZipFile(io.BytesIO(render(from_json, "docx"))).read("word/styles.xml").decode()
    assert 'w:eastAsia="宋体"' in styles


def test_xlsx_has_merged_ranges_numbers_and_font(from_json: Document) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(render(from_json, "xlsx")))
    ws = workbook.active
    # one sheet per project, opened on the first
    assert len(workbook.worksheets) == len(from_json.projects) and ws.title == workbook.sheetnames[0]
    assert ws.title == "1.2024年检察业务信息化运维项目"
    assert sum(len(sheet.merged_cells.ranges) for sheet in workbook.worksheets) > 5 * len(from_json.projects)
    # print-ready: A4, fit to one page wide, the indicator header row repeated, the sign-off footer
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
    header = next(c.row for c in ws["A"] if c.value == "一级指标")
    assert ws.print_title_rows == f"${header}:${header}"
    assert "填报人" in (ws.oddFooter.left.text or "")
    second = workbook.worksheets[1]  # project 2's 绩效目标 (93 characters) wraps: its row gets the lines
    goals = next(c for c in second["A"] if c.value == "绩效目标")
    assert second.row_dimensions[goals.row].height >= 2 * 14.5
    assert ws["A1"].value == "1.2024年检察业务信息化运维项目-2024中央绩效目标表"
    total = next(c for row in ws.iter_rows() for c in row if c.value == "预算数").offset(column=1)
    assert total.value == 17 and total.number_format == "0.00"
    assert ws["A3"].font.name == "宋体"


def test_html_has_spans_and_fonts(from_json: Document) -> None:
    page = render(from_json, "html").decode()
    # each project as its head and its indicators (the <thead> repeated on every printed page)
    assert page.count('<table class="head">') == page.count('<table class="indicators" aria-label="续表">') == 10
    assert 'rowspan="' in page and 'colspan="6"' in page
    assert '<meta charset="utf-8">' in page and "SimSun" in page


def test_json_export_is_the_interchange_format(from_json: Document) -> None:
    data = json.loads(render(from_json, "json"))
    assert data["format"] == "perfbudget/1" and len(data["projects"]) == 10


def test_self_evaluation_and_unusual_values_round_trip(from_json: Document) -> None:
    project = from_json.projects[0]
    indicators = tuple(replace(i, weight=Decimal("10"), actual="达成", score=Decimal("9.5"),
                               deviation="无" if n else None, extras=(("备注", "抽查"),))
                       for n, i in enumerate(project.indicators))
    document = replace(from_json, kind="self-evaluation", unit=Unit(None, "某某局"),
                       projects=(replace(project, indicators=indicators, goals=(), purpose=None,
                                         extras=(("主管部门", "某市财政局"),)),))
    for form in ("docx", "xlsx", "html"):
        result = load_bytes(render(document, form), f"eval.{form}")
        assert result.ok, (form, result.problems)
        assert result.document == document, form


def test_targets_in_one_notation_and_the_original_kept_on_request(from_json: Document) -> None:
    project = from_json.projects[0]
    typed = ("大于等于95%", "300件以上", "不超过2小时", "有效保障")
    indicators = tuple(replace(i, target=parse_target(t, i.level3)) for i, t in
                       zip(project.indicators, typed, strict=False)) + project.indicators[len(typed):]
    document = replace(from_json, projects=(replace(project, indicators=indicators),))
    for form in ("docx", "xlsx", "html"):
        canonical = load_bytes(render(document, form), f"c.{form}")
        assert canonical.ok and canonical.document is not None, canonical.problems
        shown = [i.target.raw for i in canonical.document.projects[0].indicators[:4]]
        assert shown == ["≥95%", "≥300件", "≤2小时", "有效保障"], form
        for before, after in zip(indicators, canonical.document.projects[0].indicators, strict=True):
            assert replace(after.target, raw=before.target.raw) == before.target  # same meaning
        kept = load_bytes(render(document, form, original=True), f"o.{form}")
        assert kept.document == document, form
    page = render(document, "html").decode()
    assert 'title="原文：大于等于95%"' in page and "≥95%" in page
