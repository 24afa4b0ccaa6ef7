"""A target or an actual typed over lines in its cell is one value (forms45, FAILURES.md section DA): a unit fits
``≥95`` / ``%`` in a narrow column with a second Word paragraph, Word's soft line break, Excel's Alt+Enter or a page's
second ``<p>`` (whose ``<span>`` runs may cut the figure). The figure was read right, but the value's text kept the
line break (``≥95\\n%``, ``2025年\\n12月底前``): another text than the form's for a target in words, the actual's
figure and the exports' ``--original``. Now joined as a broken name is (``cell_values.one_line``; a numbered line
keeps its break), on every path, the text's one-pass path too. Fails on ef4c51ff's ``src``."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.readers.text import read_text
from tests.conftest import HEADER_ROWS, table_text

_HEAD = ["项目支出绩效自评表（2024年度）"]
_ROWS = [["项目名称", "校舍维修", "", "", "", ""],
         ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"],
         ["产出指标", "数量指标", "维修面积", "≥800|平方米", "820|平方米", "30"],
         ["产出指标", "时效指标", "完工时间", "2024年|12月底前", "2024年|11月", "20"],
         ["满意度指标", "服务对象满意度指标", "师生满意度", "≥95|%", "96|%", "10"],
         ["满意度指标", "服务对象满意度指标", "家长满意度", "≥9|5%", "9|6%", "10"]]
# (forms46: ``≥9`` / ``5%``, a figure split inside itself, its pieces each a whole figure: that break is read as the
# writer's, two figures, ``≥9；5%`` — only a PDF's geometry tells a wrap inside a figure: test_forms46_figures_apart.py)
_WANT = [("≥800平方米", Decimal("800"), "820平方米"), ("2024年12月底前", None, "2024年11月"),
         ("≥95%", Decimal("95"), "96%"), ("≥9；5%", None, "9；6%")]


def _read(data: bytes, name: str) -> list[tuple[str, Decimal | None, str | None]]:
    loaded = load_bytes(data, name)
    assert loaded.document is not None, loaded.problems
    (project,) = loaded.document.projects
    return [(i.target.raw, i.target.value, i.actual) for i in project.indicators]


def test_a_word_value_over_two_paragraphs_or_a_soft_break() -> None:
    import io

    import docx

    for soft in (False, True):
        word = docx.Document()
        word.add_paragraph(_HEAD[0])
        table = word.add_table(rows=len(_ROWS), cols=6)
        for r, row in enumerate(_ROWS):
            for c, text in enumerate(row):
                first, _, rest = text.partition("|")
                cell = table.cell(r, c)
                cell.text = first
                if rest and soft:
                    run = cell.paragraphs[0].add_run()
                    run.add_break()
                    run.add_text(rest)
                elif rest:
                    cell.add_paragraph(rest)
        buffer = io.BytesIO()
        word.save(buffer)
        assert _read(buffer.getvalue(), "split.docx") == _WANT, soft


def test_an_excel_value_with_alt_enter() -> None:
    from tests.readers.word_tables import excel_file

    rows = [_HEAD, *([text.replace("|", "\n") or None for text in row] for row in _ROWS)]
    assert _read(excel_file(rows), "split.xlsx") == _WANT


def test_a_page_s_value_in_two_paragraphs_its_runs_cutting_the_figure() -> None:
    def cell(text: str) -> str:
        parts = text.split("|")
        return "<td>" + "".join(f"<p><span>{part[:1]}</span><span>{part[1:]}</span></p>" for part in parts) + "</td>"

    page = f"<html><body><p>{_HEAD[0]}</p><table>" + "".join(
        "<tr>" + "".join(cell(text) for text in row) + "</tr>" for row in _ROWS) + "</table></body></html>"
    assert _read(page.encode(), "split.html") == _WANT


def test_a_tab_copy_s_value_over_two_lines_on_both_paths() -> None:
    """The Word extractor's text gives the cell's second paragraph on a line of its own: the one-pass path leaves
    such a row to the general path (one value there too)."""
    rows = [["产出指标", "数量指标", "培训人数", "培训的人数", "≥100\n人"],
            ["", "质量指标", "合格率", "培训合格率", "100%"],
            ["效益指标", "社会效益指标", "保障工作", "保障工作开展", "有效\n保障"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "学员的满意度", "≥90%"]]
    document, _problems = read_text(table_text(*HEADER_ROWS, *rows), "split.txt")
    assert document is not None
    assert [i.target.raw for p in document.projects for i in p.indicators] == ["≥100人", "100%", "有效保障", "≥90%"]


def test_a_numbered_value_keeps_its_lines() -> None:
    """A value listing numbered items (1.… / 2.…) keeps the break before each, as a name does."""
    from tests.readers.word_tables import excel_file

    rows = [_HEAD, *([text.replace("|", "\n") or None for text in row] for row in _ROWS[:2]),
            ["产出指标", "质量指标", "验收要求", "1.验收合格\n2.资料归档", "1.已验收\n2.已归档", 10]]
    loaded = load_bytes(excel_file(rows), "numbered.xlsx")
    assert loaded.document is not None, loaded.problems
    (item,) = loaded.document.projects[0].indicators
    assert (item.target.raw, item.actual) == ("1.验收合格\n2.资料归档", "1.已验收\n2.已归档")


def test_two_targets_on_two_lines_keep_a_separator() -> None:
    """A line starting with a comparison and its figure is a target of its own: ``≥95%`` / ``≤100%`` reads as the
    range ``≥95%；≤100%`` typed on one line does, ``≤5天`` / ``≥3次`` keeps both (until the mend: ``≥95%≤100%``)."""
    from tests.readers.word_tables import excel_file

    rows = [_HEAD, *([text.replace("|", "\n") or None for text in row] for row in _ROWS[:2]),
            ["产出指标", "质量指标", "合格率", "≥95%\n≤100%", "不低于96%\n不高于99%", 10],
            ["产出指标", "时效指标", "响应时间", "≤5天\n≥3次", "4天", 10]]
    loaded = load_bytes(excel_file(rows), "two.xlsx")
    assert loaded.document is not None, loaded.problems
    rate, time = loaded.document.projects[0].indicators
    assert (rate.target.raw, rate.target.value, rate.target.upper, rate.actual) == (
        "≥95%；≤100%", Decimal("95"), Decimal("100"), "不低于96%；不高于99%")
    assert time.target.raw == "≤5天；≥3次"
    text = table_text(*HEADER_ROWS, ["产出指标", "质量指标", "合格率", "合格率", "≥95%\n≤100%"])
    document, _problems = read_text(text, "two.txt")
    assert document is not None
    assert [i.target.raw for i in document.projects[0].indicators] == ["≥95%；≤100%"]
