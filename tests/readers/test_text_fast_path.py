"""The one-pass path for well-formed tab-cell text (``text_cells_fast``): taken for a plain table and
then the same as the general path (document, problems, every source); not taken for anything unusual,
where the general path gives the result."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from perfbudget.model import Document, Problem, Source
from perfbudget.readers.indicator_header import is_label_subrow_texts, is_sub_header_texts
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.parts import Parts, new_parts
from perfbudget.readers.text import detect_layout, read_text
from perfbudget.readers.text_cells import lines_look_like_tab_cells, looks_like_tab_cells, read_tab_cells
from perfbudget.readers.text_cells_fast import _opens_a_row, read_well_formed
from perfbudget.readers.text_glued import looks_like_glued_paragraph, read_glued_paragraph
from tests.conftest import HEADER_ROWS, table_text
from tests.readers.cell_edits import edit_cells

ROWS = [
    ["产出指标", "数量指标", "培训人数", "培训的人数", "≥100人"],
    ["", "质量指标", "合格率", "培训合格率", "100%"],
    ["效益指标", "社会效益指标", "保障工作", "保障工作开展", "有效保障"],
    # (the form's last group: without it the general path tells a text that may stop in its 效益, reading36)
    ["满意度指标", "服务对象满意度指标", "学员满意度", "学员的满意度", "≥90%"],
]


def _general(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    return interpret_tables(read_tab_cells(text, file), file, text)  # (as text.read_text: the text tells its end)


def _everything(result: tuple[Document | None, list[Problem]]) -> object:
    """The document and problems with the fields equality leaves out (sources, notes, cut)."""
    document, problems = result
    if document is None:
        return None, problems
    return dataclasses.asdict(document), [(p, p.source) for p in document.notes], [(p, p.source) for p in problems]


def _two_tables() -> str:
    second = table_text(*HEADER_ROWS, *ROWS[:2], ROWS[3], heading="2.另一项目-2024中央绩效目标表")
    return table_text(*HEADER_ROWS, *ROWS) + "\n \n" + second


def test_fast_path_is_taken_for_well_formed_tables_and_equals_the_general_path() -> None:
    text = _two_tables()
    fast = read_well_formed(text, "w.txt")
    assert fast is not None  # taken
    assert _everything(fast) == _everything(_general(text, "w.txt"))
    document, problems = fast
    assert problems == [] and document is not None and len(document.projects) == 2
    first = document.projects[0].indicators[0]
    assert first.source == Source("w.txt", 28) and first.sources["target"] == Source("w.txt", 32)
    assert document.projects[0].indicators[1].level1 == "产出指标"  # carried down from the row above


def test_fast_path_takes_continuation_lines_and_trailing_tabs() -> None:
    rows = [*HEADER_ROWS[:4], ["绩效目标", "1.完成测试\t\t"], *HEADER_ROWS[5:], *ROWS]
    text = table_text(*rows).replace("\t1.完成测试\t\t\n\n", "\t1.完成测试\t\t\n\n2.第二个目标\t\t\t\n\n")
    fast = read_well_formed(text, "c.txt")
    assert fast is not None
    assert _everything(fast) == _everything(_general(text, "c.txt"))
    assert fast[0] is not None and fast[0].projects[0].goals == ("完成测试", "第二个目标")


@pytest.mark.parametrize("change", [
    ("\t合格率\n", "\t合格率\t\t\n"),  # blank cells after a row's middle line (its last line ends in no tab)
    ("\t合格率\n", "\t合格率\t \t\n"),  # blank cells, one of a space
    ("\t有效保障\n", "\t有效保障\t\n"),  # after a row's last line
    ("\t有效保障\n", "\t有效保障\t\n \t\n"),  # and a blank line holding a tab
])
def test_fast_path_cuts_blank_cells_wherever_they_stand_in_a_row(change: tuple[str, str]) -> None:
    """``_split_tables`` counts the tabs of a row whose last line ends in one; the others only in sum with the
    text's, and splits again counting every row when a row not counted holds more (the first two)."""
    text = table_text(*HEADER_ROWS, *ROWS)
    assert change[0] in text
    text = text.replace(change[0], change[1], 1)
    fast = read_well_formed(text, "t.txt")
    assert fast is not None and fast[0] is not None
    assert _everything(fast) == _everything(_general(text, "t.txt"))
    assert [i.level3 for i in fast[0].projects[0].indicators] == ["培训人数", "合格率", "保障工作", "学员满意度"]
    assert fast[0].projects[0].indicators[2].target.raw == "有效保障"


@pytest.mark.parametrize("change", [
    ("\t合格率\n", "\t合格率\t另一格\n"),  # two cells on a row's middle line: counted after the split
    ("\t保障工作开展\n", "\t保障工作开展\n说明文字写在表格之外\n\n页面上的其他文字\n"),  # free text
    ("\t产出指标\n", "\t产出指标\t数量指标\n"),  # two cells on one line
    ("\t有效保障\n", "\t有效保障（10分）\n"),  # a score fused with the value: a note
    ("\t效益指标\n\t社会效益指标\n", "\t\n\t社会效益指标\n"),  # a 二级 without its 一级: a note
    ("\t100%\n", "\t\n"),  # a row without its value: a warning
    ("\t合格率\n", "\t指标2\n"),  # a template row: a note
    ("\t100%\n", "\t—/\n"),  # a value of empty marks only
])
def test_fast_path_falls_back_on_unusual_input(change: tuple[str, str]) -> None:
    text = table_text(*HEADER_ROWS, *ROWS)
    assert change[0] in text
    text = text.replace(change[0], change[1], 1)
    assert read_well_formed(text, "u.txt") is None  # not taken
    assert _everything(read_text(text, "u.txt")) == _everything(_general(text, "u.txt"))


def test_fallback_still_gives_the_general_paths_notes() -> None:
    text = table_text(*HEADER_ROWS, *ROWS).replace("\t效益指标\n\t社会效益指标\n", "\t\n\t社会效益指标\n", 1)
    assert read_well_formed(text, "n.txt") is None
    document, problems = read_text(text, "n.txt")
    assert document is not None and document.projects[0].indicators[2].level1 == "效益指标"
    assert any("按指标体系补为「效益指标」" in p.message for p in problems)


def test_fast_path_leaves_a_cut_table_to_the_general_path() -> None:
    text = table_text(*HEADER_ROWS, *ROWS[:2], ["效益指标", "社会效益指标", "保障工作", "保障工作开展", "≥"])
    assert read_well_formed(text, "k.txt") is None
    document, problems = read_text(text, "k.txt")
    assert document is not None and not document.projects[0].complete
    assert _everything((document, problems)) == _everything(_general(text, "k.txt"))


def test_fast_path_equals_the_general_path_on_random_edits_of_the_seed() -> None:
    seed = (Path(__file__).resolve().parents[2] / "examples" / "000_e2047472f0d7711d.txt").read_text(encoding="utf-8")
    rng = random.Random(17)
    taken = 0
    for k in range(150):
        text = edit_cells(rng, seed)
        fast = read_well_formed(text, f"r{k}.txt")
        if fast is not None:
            taken += 1
            assert _everything(fast) == _everything(_general(text, f"r{k}.txt")), k
    assert taken >= 30  # the path is taken for many of them (and falls back for the others)


def _tab_cell_test_on_text(text: str) -> bool:
    """``looks_like_tab_cells`` as it was written before it took lines (the reference for the test below)."""
    lines = list(filter(str.strip, text.splitlines()[:400]))
    if not lines:
        return False
    tabbed = "\n".join(lines).count("\n\t") + (lines[0][:1] == "\t")
    return tabbed >= 10 and tabbed / len(lines) > 0.6


def _fixture_texts() -> list[str]:
    root = Path(__file__).resolve().parents[1] / "fixtures"
    return [path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.txt"))]


def test_layout_test_on_split_lines_equals_the_test_on_the_text() -> None:
    texts = [*_fixture_texts(), _two_tables(), "", "\n\n", "\t\n" * 30, "\t\u3000\n\ta\n" * 20,
             "\ta\n\x0b\n\u2028\n" * 12, " \t\n\tx\n" * 15]
    rng = random.Random(5)
    for text in list(texts):
        lines = text.split("\n")
        for _ in range(20):  # blank-looking and tab lines put in at random
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(["", " ", "\t", "\t ", "\u3000", "\tx", "x"]))
            texts.append("\n".join(lines))
    for text in texts:
        assert lines_look_like_tab_cells(text.splitlines()) == _tab_cell_test_on_text(text) == \
            looks_like_tab_cells(text)


def test_read_text_with_its_own_layout_test_equals_the_layout_named() -> None:
    """read_text splits the lines once for the tab-cell test and the one-pass path; the result is the one
    the detected layout, named, gives (fixtures of every text layout) — or, where glued rows read to no indicator
    and a paragraph holds a whole glued form, the one that paragraph gives (the fallback only detection takes:
    docs/formats.md, corpus 105). A text another layout finds no table in, holding such a paragraph, is left to the
    tests of what that paragraph gives (kinds45, corpus 199: test_kinds45_glued_preview)."""
    for number, text in enumerate(_fixture_texts()):
        file = f"f{number}.txt"
        layout = detect_layout(text)
        named = read_text(text, file, layout)
        if layout == "glued-rows" and not (named[0] is not None and any(p.indicators for p in named[0].projects)) \
                and looks_like_glued_paragraph(text):
            named = interpret_tables(read_glued_paragraph(text, file), file)
        elif layout != "glued-rows" and named[0] is None and looks_like_glued_paragraph(text):
            continue  # the glued paragraph may be read instead: what it gives is tested in test_kinds45_glued_preview
        assert _everything(read_text(text, file)) == _everything(named), number


_LEVEL_CELLS = ["", "", "产出指标", "效益指标", "满意度指标", "成本指标", "产出", "效益指标（30分）", "数量指标",
                "质量指标", "时效指标", "社会效益指标", "经济效益指标", "服务对象满意度指标", "经济成本指标",
                " 数量指标 ", "\u3000质量指标", "其他指标", "可持续影响指标", "项目名称", "合计", "审核意见",
                "一级指标", "255101某某局"]


def test_fast_path_carries_levels_and_stops_rows_as_the_general_path() -> None:
    """Tables whose 一级 and 二级 cells are drawn at random (blank, either framework's names, a 二级 in the
    一级 column, mismatched pairs, label and footer texts): wherever the one-pass path takes one, its
    result (its cached row tests and carried levels) equals the general path's."""
    rng = random.Random(23)
    taken = 0
    for k in range(400):
        rows = [[rng.choice(_LEVEL_CELLS), rng.choice(_LEVEL_CELLS), f"指标{n}名", f"描述{n}", f"≥{n}次"]
                for n in range(rng.randint(1, 6))]
        rows[0][:2] = [rng.choice(_LEVEL_CELLS[2:8]), rng.choice(_LEVEL_CELLS[8:16])]
        text = table_text(*HEADER_ROWS, *rows)
        fast = read_well_formed(text, f"l{k}.txt")
        if fast is not None:
            taken += 1
            assert _everything(fast) == _everything(_general(text, f"l{k}.txt")), k
    assert taken >= 60


def _label_subrow_as_before(filled: list[str]) -> bool:
    """``is_label_subrow_texts`` as written before it stopped at the first text (the reference)."""
    from perfbudget.readers.indicator_header import _PERIODS
    from perfbudget.readers.labels import column_role, label_key

    if not filled:
        return False
    roles = [column_role(text) for text in filled]
    return all(role is not None or label_key(text) in _PERIODS for role, text in zip(roles, filled, strict=True)) \
        and not any(role in ("level1", "level2", "level3") for role in roles)


def test_label_subrow_test_stopping_early_equals_the_whole_test() -> None:
    from perfbudget.readers.indicator_header import is_label_subrow_texts

    texts = ["年度指标值", "中期", "长期目标", "实施期", "一级指标", "三级指标", "指标值", "产出指标", "分值",
             "年度", "实际完成值", "得分", "备注", "计量单位", "≥95%", "整体", ""]
    rng = random.Random(9)
    for _ in range(3000):
        filled = [rng.choice(texts) for _ in range(rng.randrange(6))]
        assert is_label_subrow_texts(filled) == _label_subrow_as_before(filled), filled


def test_level3_prefilter_characters_are_all_that_can_make_a_level3_label() -> None:
    """The one-pass path asks ``column_role`` of a header-block row only when it holds 级, 指, 容 or 🈯: every
    三级 label holds 级, 指 or 容, and those are the only characters whose NFKC form holds one of them."""
    import sys
    import unicodedata

    from perfbudget.readers.labels import COLUMN_LABELS
    from perfbudget.readers.text_cells_fast import _SQUARED_ZHI

    marks = ("级", "指", "容")
    assert all(any(m in key for m in marks) for key, role in COLUMN_LABELS.items() if role == "level3")
    found = {chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
             and any(m in unicodedata.normalize("NFKC", chr(code)) for m in marks)}
    assert found == {*marks, _SQUARED_ZHI}


def test_placeholder_initials_are_the_first_characters_of_every_placeholder() -> None:
    """The one-pass path asks ``is_placeholder`` only of a name starting with one of PLACEHOLDER_INITIALS: the
    first characters of the pattern's alternatives (a new alternative starting otherwise fails here)."""
    from perfbudget.readers.cell_values import PLACEHOLDER, PLACEHOLDER_INITIALS, is_placeholder

    pattern = PLACEHOLDER.pattern
    assert pattern.startswith("^(?:") and pattern.endswith(")$")
    alternatives = pattern[4:-2].split("|")
    assert {a[1] if a[0] == "\\" else a[0] for a in alternatives} == set(PLACEHOLDER_INITIALS)
    for text in ["指标2", "……", "...", "···", "略", "（略）", "(略)", "--", "——", "无", "指 标 3"]:
        assert is_placeholder(text) and text[0] in PLACEHOLDER_INITIALS


@pytest.mark.parametrize("label", ["三级指标", "三 级", "具体指标（说明）", "\U0001f22f标名称", "绩效内容"])
def test_a_level3_label_in_the_header_block_still_leaves_the_table_to_the_general_path(label: str) -> None:
    rows = [*HEADER_ROWS[:4], ["绩效目标", "1.完成测试", label], *HEADER_ROWS[5:], *ROWS]
    text = table_text(*rows)
    assert read_well_formed(text, "h.txt") is None
    assert _everything(read_text(text, "h.txt")) == _everything(_general(text, "h.txt"))


def test_new_parts_equals_the_dataclass_made_by_its_init() -> None:
    for heading in ("1.某项目绩效目标表", None):
        made, real = new_parts(heading, Source("p.txt", 3)), Parts(heading, Source("p.txt", 3))
        assert type(made) is Parts and made == real and vars(made) == vars(real)
        assert list(vars(made)) == list(vars(real))  # the same fields in the same order
        assert made.money is not new_parts(heading, Source("p.txt", 3)).money  # fresh containers each time


def test_a_rows_first_text_that_opens_a_row_makes_it_no_sub_row_whatever_follows() -> None:
    """``_read_table`` asks the sub-row tests of the first indicator row only when its first filled text
    could start such a row (``_opens_a_row``): a text that cannot makes both tests false for any row."""
    words = ["产出指标", "年度", "中期", "年度指标值", "实际值", "指标值", "一级指标", "三级指标", "预期目标值",
             "本年度", "合格率", " 年度 ", "（年度）", "目标值", "数量指标", "", "长期目标"]
    rng = random.Random(23)
    opened = 0
    for _ in range(3000):
        row = [rng.choice(words) for _ in range(rng.randrange(1, 5))]
        row = [text for text in row if text.strip()] or ["年度"]
        if _opens_a_row(row[0]):
            opened += 1
            assert not is_label_subrow_texts(row) and not is_sub_header_texts(row), row
    assert 300 < opened < 2700  # both kinds of first text are drawn


@pytest.mark.parametrize("sub_row", ["\t\n\t\n\t\n\t\n\t年度\n", "\t年度\n\t中期\n", "\t年度指标值\n\t实际值\n"])
def test_a_sub_row_under_the_indicator_header_is_left_to_the_general_path(sub_row: str) -> None:
    text = table_text(*HEADER_ROWS, *ROWS)
    header_end = text.index("\t指标值\n") + len("\t指标值\n")
    text = text[:header_end] + "\n" + sub_row + text[header_end:]
    assert read_well_formed(text, "s.txt") is None
    assert _everything(read_text(text, "s.txt")) == _everything(_general(text, "s.txt"))


_TARGET_VALUES = ["≥95%", "100%", "95", "90%-95%", "≤2小时", "2小时", "按时完成", "有效保障", "/", "—", "无",
                  "95（5分）", "达到 5 分", "≥0万元", "5万元", "2024.01-2024.12", "", "不超过3次"]
_TARGET_NAMES = ["设备采购成本", "合格率", "故障修复平均响应时间", "投诉率", "服务对象满意度", "…", "指标名称"]


def test_fast_path_reads_each_value_as_the_general_path_whatever_the_name() -> None:
    """Values with and without a comparator (the direction of a bare number or range comes from the name: a
    cost, a time, a complaint rate), ranges, periods, phrases, empty marks, fused scores and placeholders for a
    name, each drawn under several names, twice over (the second time from the path's look-ups): wherever the
    one-pass path takes a table, it equals the general path's."""
    rng = random.Random(29)
    taken = 0
    for k in range(240):
        rows = [["产出指标" if n == 0 else "", "数量指标", rng.choice(_TARGET_NAMES) + (str(n) if rng.random() < .5
                                                                                 else ""),
                 f"描述{n}", rng.choice(_TARGET_VALUES)] for n in range(rng.randint(1, 5))]
        text = table_text(*HEADER_ROWS, *rows)
        fast = read_well_formed(text, f"v{k}.txt")
        if fast is not None:
            taken += 1
            assert _everything(fast) == _everything(_general(text, f"v{k}.txt")), k
    assert taken >= 40
