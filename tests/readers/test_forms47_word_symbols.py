"""A symbol Word draws from a symbol font (``w:sym``) read as the character it shows (forms47, FAILURES.md section
DG): 插入 → 符号 with the Symbol font writes ``<w:sym w:font="Symbol" w:char="F0B3"/>`` for ≥, no text, so ``≥95%``
read ``95%`` (the comparison lost without a word) and a 是否 option ticked from Wingdings read empty
(``readers/word_symbols.py``). Fails on d34ad5c6's ``src``; a symbol of a font not known reads nothing, as before."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from perfbudget.load import load_bytes
from tests.readers.word_tables import word_file

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _symbol_first(cell: Any, font: str, char: str, after: str) -> None:
    """The cell's text: the symbol, then ``after`` typed."""
    from docx.oxml import parse_xml

    cell.text = ""
    p = cell.paragraphs[0]._p
    p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:sym w:font="{font}" w:char="{char}"/></w:r>'))
    p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:t>{after}</w:t></w:r>'))


def test_symbols_from_symbol_fonts() -> None:
    import docx

    rows = [["项目名称", "道路维修", "", ""], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "维修道路长度", ""], ["产出指标", "质量指标", "返工率", ""],
            ["效益指标", "社会效益指标", "通行时间缩短", ""], ["效益指标", "社会效益指标", "群众满意度", ""]]
    word = docx.Document(io.BytesIO(word_file(rows, ["项目支出绩效目标表（2024年度）"], style="Table Grid")))
    table = word.tables[0]
    _symbol_first(table.cell(2, 3), "Symbol", "F0B3", "5公里")  # ≥ from the Symbol font
    _symbol_first(table.cell(3, 3), "Symbol", "F0A3", "2%")  # ≤
    _symbol_first(table.cell(4, 3), "宋体", "2265", "95%")  # ≥ by its own code in a text font
    _symbol_first(table.cell(5, 3), "Webdings", "F061", "90%")  # a font not known: nothing, as before
    buffer = io.BytesIO()
    word.save(buffer)
    loaded = load_bytes(buffer.getvalue(), "symbols.docx")
    assert loaded.document is not None, loaded.problems
    targets = [i.target for i in loaded.document.projects[0].indicators]
    assert [(t.raw, t.op and t.op.value, t.value) for t in targets] == [
        ("≥5公里", ">=", Decimal("5")), ("≤2%", "<=", Decimal("2")), ("≥95%", ">=", Decimal("95")),
        ("90%", None, Decimal("90"))]
    # the Webdings symbol not read is told at its cell (second reading: it went silently)
    assert [(p.source.row, p.source.column, p.message) for p in loaded.problems if "符号字体" in p.message] == [
        (6, 4, "符号字体「Webdings」的字符 F061 无法识别，已略去，请核对")]


def test_options_marked_from_wingdings_and_a_place_not_known_told() -> None:
    """「◉是 ○否」 ticked from Wingdings (F0A4, F0A1) read empty; a place of the font not known is told, not lost."""
    import docx
    from docx.oxml import parse_xml

    rows = [["项目名称", "道路维修", "", ""], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "维修道路长度", "5公里"], ["效益指标", "社会效益指标", "是否建立长效机制", ""]]
    word = docx.Document(io.BytesIO(word_file(rows, ["项目支出绩效目标表（2024年度）"], style="Table Grid")))
    p = word.tables[0].cell(3, 3).paragraphs[0]._p
    for char, text in (("F0A4", "是 "), ("F0A1", "否"), ("F0A5", "")):
        p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:sym w:font="Wingdings" w:char="{char}"/></w:r>'))
        p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:t xml:space="preserve">{text}</w:t></w:r>'))
    buffer = io.BytesIO()
    word.save(buffer)
    loaded = load_bytes(buffer.getvalue(), "options.docx")
    assert loaded.document is not None, loaded.problems
    assert loaded.document.projects[0].indicators[1].target.raw == "◉是 ○否"
    told = [p for p in loaded.problems if "符号字体" in p.message]
    assert [(p.source.row, p.source.column, p.message) for p in told] == [
        (4, 4, "符号字体「Wingdings」的字符 F0A5 无法识别，已略去，请核对")]


def test_ticks_and_boxes() -> None:
    from perfbudget.readers.word_symbols import symbol_text

    def sym(font: str, char: str) -> Any:
        from docx.oxml import parse_xml

        return parse_xml(f'<w:sym xmlns:w="{_W}" w:font="{font}" w:char="{char}"/>')

    assert [symbol_text(sym(f, c)) for f, c in (("Wingdings", "F0FC"), ("Wingdings 2", "F052"), ("Wingdings", "F0A8"),
                                                ("Symbol", "B9"), ("Symbol", "zz"), ("Wingdings", "F041"),
                                                ("Wingdings", "F0A1"), ("Wingdings", "F0A4"), ("Wingdings", "F06C"),
                                                ("Wingdings 2", "F053"))] == [
        "✔", "☑", "□", "≠", None, None, "○", "◉", "●", "☒"]


def test_a_symbol_font_s_place_in_a_run_s_text() -> None:
    """LibreOffice's .docx of a .doc keeps Word's symbol as the text U+F0B3 in a run of the Symbol font (the harness's
    .doc of the layout read ``\\uf0b390%``, no figure); read by the run's font. A text font's run keeps it."""
    import docx
    from docx.oxml import parse_xml

    rows = [["项目名称", "道路维修", "", ""], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "维修道路长度", ""], ["效益指标", "社会效益指标", "通行时间缩短", "≥95%"]]
    word = docx.Document(io.BytesIO(word_file(rows, ["项目支出绩效目标表（2024年度）"], style="Table Grid")))
    p = word.tables[0].cell(2, 3).paragraphs[0]._p
    p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
                       "<w:t>\uf0b3</w:t></w:r>"))
    p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:t>5公里</w:t></w:r>'))
    buffer = io.BytesIO()
    word.save(buffer)
    loaded = load_bytes(buffer.getvalue(), "private.docx")
    assert loaded.document is not None, loaded.problems
    assert [i.target.raw for i in loaded.document.projects[0].indicators] == ["≥5公里", "≥95%"]


def test_a_pdf_character_drawn_in_a_symbol_font() -> None:
    """Word's PDF of the symbol, or LibreOffice's in OpenSymbol (a subset font ``DAAAAA+OpenSymbol``), keeps U+F0B3
    in the text layer (the harness's docx-pdf read ``\\uf0b390%``)."""
    from perfbudget.readers.word_symbols import pdf_symbol

    assert [pdf_symbol("\uf0b3", name) for name in ("DAAAAA+OpenSymbol", "Symbol", "ABCDEF+Wingdings-Regular",
                                                     "SimSun", "ABCDEF+SymbolMT", "StandardSymbolsPS",
                                                     "Symbol-Regular")] == ["≥", "≥", "\uf0b3", "\uf0b3", "≥", "≥", "≥"]
    assert pdf_symbol("\uf0fc", "Wingdings") == "✔"
