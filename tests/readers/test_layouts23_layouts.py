"""Indicators written as blocks of ``label：value`` lines, one indicator after another (layouts23): a budget
system's detail view copied as text (``一级指标：产出指标`` / ``二级指标：数量指标`` / ``三级指标：…`` / ``指标值：…``).
Main refused every such text (没有找到可识别的绩效目标表); a block it cannot place is a located error."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text

_HEAD = "项目支出绩效目标表（2024年度）\n项目名称：农村实用技术培训\n年度资金总额（万元）：50\n\n"


def _block(*pairs: tuple[str, str]) -> str:
    return "".join(f"{label}：{value}\n" for label, value in pairs) + "\n"


def _rows(document) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def test_blocks_read_as_rows_with_the_header_block_above() -> None:
    text = _HEAD + _block(("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "培训人次"),
                          ("指标值", "≥500人次")) \
        + _block(("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "群众知晓率"), ("指标值", "≥90%"))
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.name == "农村实用技术培训" and project.budget.total == Decimal("50")
    assert _rows(document) == [("产出指标", "数量指标", "培训人次", "≥500人次"),
                               ("效益指标", "社会效益指标", "群众知晓率", "≥90%")]
    assert project.indicators[1].sources["target"].line == 13  # every value keeps its line



def test_the_funds_label_with_its_unit_and_a_part_with_two_colons_above_the_blocks() -> None:
    text = "项目名称：物业管理\n项目资金（万元）\n年度资金总额：1125\n其中:财政拨款：1125\n" \
        + _block(("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "安置小区物业费"), ("指标值", "8个"))
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    assert document.money_unit == "万元" and not [p for p in problems if "金额单位" in p.message]
    budget = document.projects[0].budget
    assert budget.total == Decimal("1125") and budget.fiscal == Decimal("1125")

def test_levels_written_only_when_they_change_are_carried_down() -> None:
    text = _HEAD + "一级指标：产出指标\n二级指标：数量指标\n三级指标：培训人次\n指标值：≥500人次\n" \
        "三级指标：培训天数\n指标值：3天\n二级指标：质量指标\n三级指标：合格率\n指标值：≥95%\n" \
        "一级指标：满意度指标\n二级指标：服务对象满意度指标\n三级指标：学员满意度\n指标值：≥90%\n"
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    assert _rows(document) == [("产出指标", "数量指标", "培训人次", "≥500人次"),
                               ("产出指标", "数量指标", "培训天数", "3天"),
                               ("产出指标", "质量指标", "合格率", "≥95%"),
                               ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")]


def test_direction_and_unit_lines_join_the_target_as_their_columns_do() -> None:
    text = _HEAD + _block(("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "培训人次"),
                          ("指标方向", "≥"), ("指标值", "500"), ("度量单位", "人次"))
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    indicator = document.projects[0].indicators[0]
    assert indicator.level3 == "培训人次" and indicator.target.value == Decimal("500")
    assert indicator.target.unit == "人次"


def test_a_self_evaluation_block_keeps_its_actual_value_and_score() -> None:
    text = _HEAD.replace("绩效目标表", "绩效自评表") + _block(
        ("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "培训人次"), ("年度指标值", "≥500人次"),
        ("实际完成值", "520人次"), ("分值", "10"), ("得分", "10"))
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    indicator = document.projects[0].indicators[0]
    assert indicator.target.raw == "≥500人次" and indicator.actual == "520人次"
    assert indicator.score == Decimal("10")


def test_a_block_without_its_target_is_a_located_error_the_others_read() -> None:
    text = _HEAD + _block(("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "培训人次")) \
        + _block(("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "群众知晓率"), ("指标值", "≥90%"))
    document, problems = read_text(text, "t.txt")
    errors = _errors(problems)
    assert [(e.source.line, "指标值" in e.message) for e in errors] == [(5, True)]
    assert document is not None and _rows(document) == [("效益指标", "社会效益指标", "群众知晓率", "≥90%")]


def test_a_line_between_blocks_that_is_no_label_line_is_an_error_never_joined() -> None:
    text = _HEAD + _block(("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "改善办学条件"),
                          ("指标值", "显著改善了全县农村学校的")).rstrip("\n") + "\n办学条件和师生学习环境\n"
    document, problems = read_text(text, "t.txt")
    errors = _errors(problems)
    assert len(errors) == 1 and errors[0].source.line == 9 and "办学条件和师生学习环境" in errors[0].message
    assert document is not None and _rows(document)[0][3] == "显著改善了全县农村学校的"


def test_a_label_written_twice_before_the_name_is_an_error() -> None:
    text = _HEAD + "一级指标：产出指标\n一级指标：效益指标\n二级指标：社会效益指标\n三级指标：群众知晓率\n" \
        "指标值：≥90%\n"
    _document, problems = read_text(text, "t.txt")
    errors = _errors(problems)
    assert [e.source.line for e in errors] == [6] and "两次" in errors[0].message



def test_block_numbers_on_lines_of_their_own_are_passed_over() -> None:
    text = _HEAD + "".join(f"指标{k}\n" + _block(*pairs) for k, pairs in enumerate((
        (("一级指标", "产出指标"), ("二级指标", "数量指标"), ("三级指标", "培训人次"), ("指标值", "≥500人次")),
        (("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "群众知晓率"), ("指标值", "≥90%"))), 1))
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems) and len(_rows(document)) == 2


# --- the same blocks as rows of a grid: a detail view's two columns (or two pairs a row) copied -------------

_GRID_HEAD = [["项目名称", "农村实用技术培训"], ["年度资金总额（万元）", "50"]]
_GRID_ROWS = [("产出指标", "数量指标", "培训人次", "≥500人次"), ("效益指标", "社会效益指标", "群众知晓率", "≥90%")]
_TWO = _GRID_HEAD + [row for (one, two, three, value) in _GRID_ROWS
                     for row in (["一级指标", one], ["二级指标", two], ["三级指标", three], ["指标值", value])]
_FOUR = _GRID_HEAD + [row for (one, two, three, value) in _GRID_ROWS
                      for row in (["一级指标", one, "二级指标", two], ["三级指标", three, "指标值", value])]


def test_blocks_as_rows_of_two_or_four_cells_in_every_form() -> None:
    from perfbudget.load import load_bytes
    from tests.readers.word_tables import excel_file, word_file

    for rows in (_TWO, _FOUR):
        read = [read_text("\n".join(sep.join(row) for row in rows) + "\n", "t.txt") for sep in ("\t", " | ", "  ")]
        html = ("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
                + "</table>").encode()
        for name, data in (("t.docx", word_file(rows)), ("t.xlsx", excel_file(rows)), ("t.html", html)):
            result = load_bytes(data, name)
            read.append((result.document, list(result.problems)))
        for document, problems in read:
            assert document is not None and not _errors(problems)
            assert document.projects[0].name == "农村实用技术培训"
            assert document.projects[0].budget.total == Decimal("50")
            assert _rows(document) == list(_GRID_ROWS)


def test_an_ordinary_table_is_left_alone() -> None:
    rows = [*_GRID_HEAD, ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人次", "≥500人次"], ["三级指标", "群众知晓率", "指标值", "≥90%"]]
    document, problems = read_text("\n".join(" | ".join(row) for row in rows) + "\n", "t.txt")
    assert document is not None
    assert not any("逐项写出" in p.message for p in problems)

# --- Excel: hidden sheets and rows (what whoever opens the workbook does not see) ---------------------------

_FORM = [["项目支出绩效目标表"], ["项目名称", "校舍维修"], ["年度资金总额（万元）", 50],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "维修校舍面积", "500平方米"],
         ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"]]


def _workbook(hide_row: list | None = None, hidden_sheet: list[list] | None = None,  # type: ignore[type-arg]
              shown: bool = True) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "绩效目标表"
    for row in _FORM if shown else [["说明"], ["见隐藏的工作表"]]:
        sheet.append(row)
    if hide_row is not None:
        sheet.insert_rows(6)
        for column, value in enumerate(hide_row, 1):
            sheet.cell(6, column, value)
        sheet.row_dimensions[6].hidden = True
    if hidden_sheet is not None:
        old = book.create_sheet("原表")
        old.sheet_state = "hidden"
        for row in hidden_sheet:
            old.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _warnings(problems) -> list:  # type: ignore[no-untyped-def]
    return [p for p in problems if p.severity is Severity.WARNING]


def test_a_hidden_row_among_the_indicators_is_not_read_and_is_told() -> None:
    from perfbudget.load import load_bytes

    result = load_bytes(_workbook(hide_row=[None, None, "维修校舍面积（调整前）", "400平方米"]), "t.xlsx")
    assert result.document is not None and not _errors(result.problems)
    assert [i.level3 for i in result.document.projects[0].indicators] == ["维修校舍面积", "师生满意度"]
    [warning] = _warnings(result.problems)
    assert warning.source.row == 6 and "隐藏行" in warning.message and "400平方米" in warning.message


def test_a_hidden_sheet_with_an_old_copy_is_no_second_project() -> None:
    from perfbudget.load import load_bytes

    old = [[("校舍维修（旧）" if v == "校舍维修" else v) for v in row] for row in _FORM]
    result = load_bytes(_workbook(hidden_sheet=old), "t.xlsx")
    assert result.document is not None and [p.name for p in result.document.projects] == ["校舍维修"]
    [warning] = _warnings(result.problems)
    assert warning.source.sheet == "原表" and "隐藏" in warning.message and "校舍维修（旧）" in warning.message


def test_a_workbook_whose_only_form_is_on_a_hidden_sheet_is_read_as_before() -> None:
    from perfbudget.load import load_bytes

    result = load_bytes(_workbook(hidden_sheet=_FORM, shown=False), "t.xlsx")
    assert result.document is not None and [p.name for p in result.document.projects] == ["校舍维修"]
    assert len(result.document.projects[0].indicators) == 2


def test_an_xls_saved_by_libreoffice_hides_the_same(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The .xls reader (xlrd) the same: the hidden row and the hidden sheet are told, not read."""
    import subprocess

    from perfbudget.load import load_bytes
    from tests.conftest import soffice_path

    soffice = soffice_path()
    old = [[("校舍维修（旧）" if v == "校舍维修" else v) for v in row] for row in _FORM]
    source = tmp_path / "t.xlsx"
    source.write_bytes(_workbook(hide_row=[None, None, "维修校舍面积（调整前）", "400平方米"], hidden_sheet=old))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xls",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    result = load_bytes((tmp_path / "t.xls").read_bytes(), "t.xls")
    assert result.document is not None and [p.name for p in result.document.projects] == ["校舍维修"]
    assert [i.level3 for i in result.document.projects[0].indicators] == ["维修校舍面积", "师生满意度"]
    assert sorted((w.source.sheet, w.source.row) for w in _warnings(result.problems)) == [("原表", None),
                                                                                          ("绩效目标表", 6)]
