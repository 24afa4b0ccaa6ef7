"""A Word cell's numbered list read with the numbers Word draws (forms46, FAILURES.md section DD): typing ``1.验收合格``
in a cell, Word's AutoFormat makes a numbered list (编号: ``w:numPr``) and the file keeps ``验收合格`` alone, the
``1.`` drawn from ``numbering.xml``. Read without it, two items of one value cell ran together as a name's lines do
(``验收合格资料归档``), and a 三级 name typed ``（一）…`` lost its mark. Now each numbered paragraph holding text
reads with its label (``readers/word_numbering.py``). The first two tests fail on 5508b3e8's ``src``; the goals (read
right there, without numbers: the gap Word draws after a number keeps ``2.`` off ``2024…`` here), the empty paragraph
and the bullet are guards."""

from __future__ import annotations

import io
from typing import Any

from perfbudget.load import load_bytes

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _list(word: Any, levels: list[tuple[str, str]], start: int | None = None) -> int:
    """A list definition of ``levels`` (numFmt, lvlText) and a list using it (from ``start`` with an override);
    its numId."""
    from docx.oxml import parse_xml

    numbering = word.part.numbering_part.element
    abstract_id = 100 + len(numbering.findall(f"{{{_W}}}abstractNum"))
    num_id = 100 + len(numbering.findall(f"{{{_W}}}num"))
    levels_xml = "".join(f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                         f'<w:lvlText w:val="{text}"/></w:lvl>' for n, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{abstract_id}">{levels_xml}</w:abstractNum>')
    first_num = numbering.find(f"{{{_W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                if start is not None else "")
    numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               f"{override}</w:num>"))
    return num_id


def _numbered(paragraph: Any, num_id: int, level: int = 0) -> None:
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _form(fill: Any, goal: bool = False) -> bytes:
    """A target form whose cells ``fill(word, table)`` completes (a 年度目标 row second with ``goal``)."""
    import docx

    from tests.readers.word_tables import word_file

    rows = [["项目名称", "道路维修", "", ""], *([["年度目标", "", "", ""]] if goal else []),
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "质量指标", "", ""], ["产出指标", "质量指标", "", ""],
            ["效益指标", "社会效益指标", "通行时间缩短", "≥95%"]]
    word = docx.Document(io.BytesIO(word_file(rows, ["项目支出绩效目标表（2024年度）"], style="Table Grid")))
    fill(word, word.tables[0])
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _indicators(data: bytes) -> list[tuple[str, str]]:
    loaded = load_bytes(data, "lists.docx")
    assert loaded.document is not None, loaded.problems
    return [(i.level3, i.target.raw) for i in loaded.document.projects[0].indicators]


def test_a_value_cell_s_numbered_items_keep_their_numbers() -> None:
    def fill(word: Any, table: Any) -> None:
        items = _list(word, [("decimal", "%1.")], start=1)
        table.cell(2, 2).text, table.cell(3, 2).text, table.cell(3, 3).text = "验收要求", "验收合格率", "100%"
        cell = table.cell(2, 3)
        cell.text = "验收合格"
        _numbered(cell.paragraphs[0], items)
        _numbered(cell.add_paragraph("资料归档"), items)

    assert _indicators(_form(fill)) == [("验收要求", "1.验收合格\n2.资料归档"), ("验收合格率", "100%"),
                                        ("通行时间缩短", "≥95%")]


def test_names_numbered_down_a_column_and_a_second_level() -> None:
    """A list going on from cell to cell (Chinese counting, ``%1、``), and a value whose second level is numbered
    under its first (``（%2）``), starting again under each item of the first."""
    def fill(word: Any, table: Any) -> None:
        names = _list(word, [("chineseCounting", "%1、")])
        nested = _list(word, [("decimal", "%1."), ("decimal", "（%2）")])
        for row, name in ((2, "验收要求"), (3, "验收合格率")):
            table.cell(row, 2).text = name
            _numbered(table.cell(row, 2).paragraphs[0], names)
        cell = table.cell(2, 3)
        cell.text = "验收"
        _numbered(cell.paragraphs[0], nested)
        for text, level in (("合格", 1), ("归档", 1), ("复核", 0), ("抽检", 1)):
            _numbered(cell.add_paragraph(text), nested, level)
        table.cell(3, 3).text = "100%"

    assert _indicators(_form(fill)) == [("一、验收要求", "1.验收\n（1）合格\n（2）归档\n2.复核\n（1）抽检"),
                                        ("二、验收合格率", "100%"), ("通行时间缩短", "≥95%")]


def test_goals_numbered_one_starting_with_a_figure() -> None:
    """``2.`` before ``2024通过…`` would be the decimal 2.2024 if glued; Word draws a gap (``w:suff``, a tab by
    default) after the number, read as a space: the second goal, its mark left off as any goal's."""
    def fill(word: Any, table: Any) -> None:
        goals = _list(word, [("decimal", "%1.")], start=1)
        cell = table.cell(1, 1)
        cell.text = "持续改善空气质量"
        _numbered(cell.paragraphs[0], goals)
        _numbered(cell.add_paragraph("2024通过采购服务抑尘降尘"), goals)
        for row in (3, 4):
            table.cell(row, 2).text, table.cell(row, 3).text = f"验收项目{row}", "100%"

    loaded = load_bytes(_form(fill, goal=True), "goals.docx")
    assert loaded.document is not None, loaded.problems
    assert loaded.document.projects[0].goals == ("持续改善空气质量", "2024通过采购服务抑尘降尘")


def test_an_empty_numbered_paragraph_and_a_bullet_read_nothing() -> None:
    """Word counts an empty numbered paragraph but the cell holds no text; a bullet is no number."""
    def fill(word: Any, table: Any) -> None:
        items = _list(word, [("decimal", "%1.")], start=1)
        bullets = _list(word, [("bullet", "\uf0b7")])
        table.cell(2, 2).text, table.cell(3, 2).text, table.cell(3, 3).text = "验收要求", "验收合格率", "100%"
        _numbered(table.cell(3, 3).add_paragraph(""), items)
        cell = table.cell(2, 3)
        cell.text = "验收合格"
        _numbered(cell.paragraphs[0], bullets)

    assert _indicators(_form(fill)) == [("验收要求", "验收合格"), ("验收合格率", "100%"), ("通行时间缩短", "≥95%")]


def test_the_formats() -> None:
    from perfbudget.readers.word_numbering import formatted

    assert [formatted(n, "chineseCounting") for n in (1, 10, 11, 20, 21, 99)] == ["一", "十", "十一", "二十", "二十一",
                                                                                "九十九"]
    assert [formatted(3, f) for f in ("decimalEnclosedCircle", "upperLetter", "lowerRoman", "decimalZero",
                                      "ideographTraditional", "chineseLegalSimplified", "decimalFullWidth")] == [
        "③", "C", "iii", "03", "丙", "叁", "３"]
    assert formatted(28, "upperLetter") == "BB"


def test_a_hostile_start_is_held_to_word_s_range() -> None:
    """A ``w:startOverride`` of -5 under Chinese counting refused the whole file (「Word 文件已损坏」), one of
    10**4000 made a label of four thousand digits: a start is held to Word's 0–32767."""
    def fill(start: int) -> Any:
        def filled(word: Any, table: Any) -> None:
            items = _list(word, [("chineseCounting", "%1、")], start=start)
            table.cell(2, 2).text, table.cell(3, 2).text, table.cell(3, 3).text = "验收要求", "验收合格率", "100%"
            table.cell(2, 3).text = "验收合格"
            _numbered(table.cell(2, 3).paragraphs[0], items)
            _numbered(table.cell(2, 3).add_paragraph("资料归档"), items)
        return filled

    assert _indicators(_form(fill(-5)))[0] == ("验收要求", "0、验收合格\n一、资料归档")
    assert _indicators(_form(fill(10 ** 4000)))[0] == ("验收要求", "三二七六七、验收合格\n三二七六八、资料归档")


def test_a_value_cell_s_items_in_any_format_stay_apart() -> None:
    """Circled, letter, roman and two-level labels do not look numbered by their text (only ``1.`` and ``一、``
    did): a read value cell's items ran together (``① 验收合格② 资料归档``). The break before every paragraph Word's
    numbering labels is kept, whatever the format."""
    def read(fmt: str, text: str, levels: int = 1) -> str:
        def fill(word: Any, table: Any) -> None:
            items = _list(word, [("decimal", "%1.")] * (levels - 1) + [(fmt, text)])
            table.cell(2, 2).text, table.cell(3, 2).text, table.cell(3, 3).text = "验收要求", "验收合格率", "100%"
            cell = table.cell(2, 3)
            cell.text = "验收合格"
            _numbered(cell.paragraphs[0], items, levels - 1)
            _numbered(cell.add_paragraph("资料归档"), items, levels - 1)
        return _indicators(_form(fill))[0][1]

    assert [read("decimalEnclosedCircle", "%1"), read("lowerLetter", "%1)"), read("upperRoman", "%1."),
            read("decimal", "%1.%2.", levels=2)] == ["①验收合格\n②资料归档", "a)验收合格\nb)资料归档",
                                                   "I.验收合格\nII.资料归档", "1.1.验收合格\n1.2.资料归档"]


def test_the_gap_only_before_a_figure_and_a_lone_item_is_no_list() -> None:
    """The gap Word draws after a number read as a space everywhere: a numbered name read ``一、 验收要求`` where the
    same name typed reads ``一、验收要求``, and a value ``≥95%`` AutoFormat numbered alone read ``1. ≥95%``, its figure
    lost. The space now stands only where a label ending in a digit or a point meets a figure (``2. 2024…``); a list
    of one paragraph reads without its number."""
    def fill(word: Any, table: Any) -> None:
        names = _list(word, [("chineseCounting", "%1、")])
        for row, name in ((2, "验收要求"), (3, "验收合格率")):
            table.cell(row, 2).text = name
            _numbered(table.cell(row, 2).paragraphs[0], names)
        table.cell(2, 3).text, table.cell(3, 3).text = "100%", "≥95%"
        _numbered(table.cell(3, 3).paragraphs[0], _list(word, [("decimal", "%1.")], start=1))

    assert _indicators(_form(fill))[:2] == [("一、验收要求", "100%"), ("二、验收合格率", "≥95%")]


def _labels(numbering: str, paragraphs: list[tuple[int, int, str]], styles: str = "") -> list[str | None]:
    """The labels ``mark_list_numbers`` gives paragraphs (numId, ilvl, the pPr's and runs' extra XML or text)."""
    from lxml import etree

    from perfbudget.readers.word_numbering import LIST_NUMBER, mark_list_numbers

    body = etree.fromstring(f'<w:body xmlns:w="{_W}">' + "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
        + (inside if inside.startswith("<w:rPr") else f"</w:pPr><w:r><w:t>{inside}</w:t></w:r>")
        + ("</w:pPr><w:r><w:t>隐</w:t></w:r>" if inside.startswith("<w:rPr") else "") + "</w:p>"
        for num, lvl, inside in paragraphs) + "</w:body>")
    mark_list_numbers(body, etree.fromstring(f'<w:numbering xmlns:w="{_W}">{numbering}</w:numbering>'),
                      etree.fromstring(f'<w:styles xmlns:w="{_W}">{styles}</w:styles>'))
    return [p.get(LIST_NUMBER) for p in body]


def _levels(*texts: str, restart: dict[int, int] | None = None) -> str:
    return "".join(f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                   + (f'<w:lvlRestart w:val="{restart[n]}"/>' if restart and n in restart else "")
                   + f'<w:lvlText w:val="{text}"/></w:lvl>' for n, text in enumerate(texts))


def test_a_list_defined_by_a_numbering_style_its_restarts_and_hidden_items() -> None:
    """A multilevel list defined by a numbering style (``w:numStyleLink`` to the style, whose list holds the levels)
    read no labels; ``w:lvlRestart`` 1 on the third level restarted it under the second too; a hidden or deleted
    numbered paragraph was counted."""
    styled = (f'<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Outline"/>{_levels("%1.", "%1.%2.")}'
              '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Outline"/></w:abstractNum>'
              '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="2"/>'
              '</w:num>')
    style = ('<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr>'
             '</w:pPr></w:style>')
    assert _labels(styled, [(6, 0, "验收"), (6, 1, "合格"), (6, 0, "归档")], style) == ["1.", "1.1.", "2."]
    restarts = (f'<w:abstractNum w:abstractNumId="1">{_levels("%1.", "（%2）", "%3)", restart={2: 1})}'
                '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert _labels(restarts, [(1, 0, "甲"), (1, 2, "乙"), (1, 1, "丙"), (1, 2, "丁"), (1, 0, "戊"), (1, 2, "己")]) \
        == ["1.", "1)", "（1）", "2)", "2.", "1)"]
    hidden = (f'<w:abstractNum w:abstractNumId="1">{_levels("%1.")}</w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert _labels(hidden, [(1, 0, "甲"), (1, 0, "<w:rPr><w:vanish/></w:rPr>"),
                            (1, 0, '<w:rPr><w:del w:id="1"/></w:rPr>'), (1, 0, "乙")]) == ["1.", None, None, "2."]
