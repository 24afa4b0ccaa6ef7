"""Round 35's attack (docs/security.md, 「Attacked from outside (attack35)」): each test failed on df519deb."""

from __future__ import annotations

import time
from typing import Any

from perfbudget.load import load_bytes
from tests.web.conftest import WebEnv


def _put_target(web: WebEnv, target: dict[str, Any]) -> Any:
    """The API's edit of the first project with its first indicator's target replaced by ``target``."""
    client, headers, project = web.client(), {"Authorization": f"Bearer {web.token('editor')}"}, web.project_ids[0]
    stored = client.get(f"/api/v1/projects/{project}", headers=headers).json()
    document = stored["document"]
    document["projects"][0]["indicators"][0]["target"] = target
    return client.put(f"/api/v1/projects/{project}", json={"base_version": stored["version"], "document": document},
                      headers=headers)


def test_a_target_s_unit_and_direction_must_agree_with_its_raw_text(web: WebEnv) -> None:
    # raw is the target's source of truth, but a unit and a direction sent beside it were stored as sent: the table
    # said 30 人, the review and scoring 30 万元; ≥95% was scored with smaller taken as better
    full = {"raw": "≥30人", "kind": "quantitative", "op": ">=", "value": "30", "direction": "positive"}
    refused = _put_target(web, {**full, "unit": "万元"})
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["details"] == [{
        "location": "projects[0].indicators[0].target.unit",
        "message": "与指标值 raw「≥30人」不一致：给出 万元，raw 读作 人；请改正其一，或只给 raw"}]
    emptied = _put_target(web, {**full, "unit": ""})
    assert emptied.json()["error"]["details"][0]["message"].startswith("与指标值 raw「≥30人」不一致：给出 空，")
    reversed_ = _put_target(web, {**full, "unit": "人", "direction": "reverse"})
    assert reversed_.status_code == 422, reversed_.text
    assert reversed_.json()["error"]["details"] == [{
        "location": "projects[0].indicators[0].target.direction",
        "message": "与指标值 raw「≥30人」不一致：给出 reverse，raw 读作 positive；请改正其一，或只给 raw"}]
    # a unit beside a raw without one (a 计量单位 column) and a direction beside a raw without comparator (a 指标方向
    # column: 35 under 反向) are the table's own: kept
    kept = _put_target(web, {"raw": "30", "unit": "人", "direction": "reverse"})
    assert kept.status_code == 200, kept.text
    client = web.client()
    target = client.get(f"/api/v1/projects/{web.project_ids[0]}",
                        headers={"Authorization": f"Bearer {web.token('editor')}"}).json()["document"]["projects"][0][
        "indicators"][0]["target"]
    assert (target["raw"], target["value"], target["unit"], target["direction"]) == ("30", "30", "人", "reverse")


def _with_print_area(data: bytes, area: str) -> bytes:
    """The workbook ``data`` with its first sheet's print area written as ``area`` (as a program other than Excel
    may write it: openpyxl checks what it is given)."""
    import io
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                name = f'<definedName name="_xlnm.Print_Area" localSheetId="0">{area}</definedName>'
                part = part.replace(b"<definedNames/>", b"").replace(
                    b"</workbook>", f"<definedNames>{name}</definedNames></workbook>".encode())
            written.writestr(item, part)
    return out.getvalue()


def test_a_print_area_longer_than_excel_allows_is_left_out_before_openpyxl_parses_it() -> None:
    # openpyxl's patterns and printed_columns' tried each place of a long print area to its end: 40,000 「A」 (a 5 KB
    # .xlsx) cost 11 s of any upload's preview; 8,000 areas of $A:$XFD added 16,384 columns each (3.6 s). Refused
    # whole until forms40; now the workbook is read without its defined names, told
    from tests.readers.test_forms37_traps import _FORM, _excel

    for area in ("A" * 40_000, ",".join(["Sheet!$A:$XFD"] * 8_000)):
        started = time.process_time()
        result = load_bytes(_with_print_area(_excel(_FORM), area), "t.xlsx")
        assert time.process_time() - started < 1.0
        assert result.document is not None and not result.errors
        [told] = [p for p in result.problems if "定义的名称" in p.message]
        assert "定义的名称（如打印区域）长" in told.message and "超过 Excel 允许的 8192 个字符" in told.message
        assert "已按整个工作表读取" in told.message


def test_a_print_area_is_cut_into_its_areas_outside_quoted_sheet_names() -> None:
    # areas were found anywhere in the text and counted against its 「!」: a sheet named with 「!」 lost its print area
    # (every column read); each area's columns are counted once however many areas repeat them
    from tests.readers.test_forms37_traps import _FORM, _excel

    rows = [[*row, old] for row, old in zip(_FORM, ["", "", "指标值", "≥400平方米", "≥90%", "≥85%"], strict=True)]

    def titled(sheet: Any) -> None:
        sheet.title = "表,一!"

    area = ",".join(["'表,一!'!$A$1:$B$6", "'表,一!'!$C:$D"] * 100)  # (3,000 characters)
    result = load_bytes(_with_print_area(_excel(rows, titled), area), "t.xlsx")
    assert result.document is not None
    assert {i.level3: i.target.raw for i in result.document.projects[0].indicators} == {
        "维修面积": "≥500平方米", "验收合格率": "100%", "师生满意度": "≥90%"}
    [told] = [p for p in result.problems if "打印区域" in p.message]
    assert told.source.column == 5


def test_the_joins_across_pages_look_for_the_table_s_header_once() -> None:
    # a page's first row holding a name's rest and a value (forms38's join) looked for the table's 三级 header among
    # all its rows at every page: a table without one, 20,000 rows read and 300 pages each starting so, cost 11 s
    from perfbudget.model import Source
    from perfbudget.readers.grid import Cell
    from perfbudget.readers.pdf import _Heads, _split_row_joined

    def row(page: int, *texts: str) -> list[Cell]:
        return [Cell(text, Source("t.pdf", page=page, row=1, column=c)) for c, text in enumerate(texts, 1)]

    rows = [row(1, "产出指标", "数量指标", f"维修校舍{n}号楼面积", "≥500平方米") for n in range(20_000)]
    heads = _Heads()
    started = time.process_time()
    for page in range(2, 302):
        rows.append(row(page, "产出指标", "数量指标", "维修校舍", ""))
        assert _split_row_joined(rows[-1], row(page, "", "", "面积", "≥800平方米"), page, [], rows, heads) is None
    assert time.process_time() - started < 1.0
    # (a header row read later is still found: the rows after those looked at are looked at)
    rows += [row(302, "一级指标", "二级指标", "三级指标", "指标值"), row(302, "产出指标", "数量指标", "维修校舍", "")]
    joined = _split_row_joined(rows[-1], row(303, "", "", "面积", "≥800平方米"), 303, [], rows, heads)
    assert joined is not None and joined[0][2].text == "维修校舍面积" and joined[0][3].text == "≥800平方米"


def test_a_text_box_of_many_paragraphs_in_a_cell_is_searched_for_tables_once() -> None:
    # forms38's text boxes in cells: each paragraph of the cell searched its box for a table: a box of 20,000
    # paragraphs (a 170 KB .docx) cost 11.6 s of any upload's preview
    from tests.readers.test_forms37_traps import _cell_paragraph, _read, _word
    from tests.readers.test_forms38_traps import _text_box_run

    texts = [str(n * 7919 % 100_003) for n in range(20_000)]  # (not one text repeated: no zip bomb)

    def boxed(table: Any) -> None:
        _cell_paragraph(table, 3, 3).append(_text_box_run("".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
                                                                  for t in texts)))

    started = time.process_time()
    targets, _ = _read(_word(boxed), "t.docx")
    assert time.process_time() - started < 2.0
    # (each paragraph read once, with its anchor, in order; a value over lines is one line since forms45, two whole
    # figures on two lines kept apart by 「；」 since forms46 — whose test of the joined text's end once made this
    # read quadratic: 67 s)
    assert targets["维修面积"] == "；".join(texts)


def test_covered_cells_of_an_ods_count_against_the_cell_limit_before_they_are_looked_at() -> None:
    # forms38's covered cells with content were walked column by column before the sheet's cells were counted:
    # 20,000 rows of one covered cell repeated over 16,384 columns under a spanned cell (a 60 KB .ods) cost 12.5 s
    # to be refused for its cells
    from tests.readers.test_other_forms import ODS_CONTENT, _ods

    spanned = ('<table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned='
               '"20001" office:value-type="string"><text:p>项目名称</text:p></table:table-cell></table:table-row>')
    covered = "".join(f'<table:table-row><table:covered-table-cell table:number-columns-repeated="16384"><text:p>{n}'
                      "</text:p></table:covered-table-cell></table:table-row>" for n in range(20_000))
    started = time.process_time()
    result = load_bytes(_ods(ODS_CONTENT.format(rows=spanned + covered).encode()), "t.ods")
    assert time.process_time() - started < 3.0
    assert result.document is None and "超过 150000 个单元格的上限" in result.errors[0].message


def test_many_defined_names_each_within_excels_limit_are_refused_before_openpyxl_parses_them() -> None:
    """The lead's reread: only the longest name was measured, and openpyxl's parse of each grows as the square of
    its length (8,190 characters ≈ 1 s): ten such names, each within Excel's limit, ≈ 10 s before a cell was read;
    the fill-in sheets' reader (``evaluate.sheet``, the web's 自评/监控 uploads) asked nothing."""
    from perfbudget.evaluate.sheet import read_xlsx_bytes
    from tests.readers.test_forms37_traps import _FORM, _excel

    names = "".join(f'<definedName name="n{i}">{"甲" * 8_000}</definedName>' for i in range(10))
    data = _with_print_area(_excel(_FORM), "Sheet!$A$1:$D$6")
    import io
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                part = part.replace(b"</definedNames>", f"{names}</definedNames>".encode())
            written.writestr(item, part)
    for read in (lambda: load_bytes(out.getvalue(), "t.xlsx").problems, lambda: read_xlsx_bytes(out.getvalue(),
                                                                                                "t.xlsx")[1]):
        started = time.process_time()
        [named] = [p for p in read() if "定义的名称" in p.message]  # (the reader reads without them since forms40)
        assert time.process_time() - started < 1.0
        assert "定义的名称（如打印区域）过长：共 11 个" in named.message

