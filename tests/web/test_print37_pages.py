"""print37: a project's 审核意见书 printed by Chromium left its signature line alone on its last page when the lines
before it ended the page before (docs/publishing.md, *Printed again (print37)*)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.conftest import HEADER_ROWS, table_text
from tests.writers.test_print_pdf import chromium_pdf
from tests.writers.test_printed_fit import _normal

runner = CliRunner()
# the reviewer's 意见 on the project, one line each, printed at every count from one whose lines end page 2 well
# above its foot to one whose lines run onto page 3: at one of them (38 on this machine's fonts, 6a19f62a's page)
# the lines end page 2 with room for them and not for the signature under them
COMMENTS = range(34, 43)


def _cli(*arguments: str) -> None:
    """The command run; it must succeed, but ``review``, which exits 1 when it finds something to say."""
    done = runner.invoke(cli, list(arguments), env={"PERFBUDGET_PASSWORD": "Ab12345678!x"})
    allowed = (0, 1) if arguments[0] == "review" else (0,)
    assert done.exit_code in allowed and "Traceback" not in done.output, done.output


def test_the_signature_goes_over_with_the_last_lines_before_it(tmp_path: Path) -> None:
    """The signature 「审核人：… 日期：…」 stood after the project's block: ``break-before: avoid`` between the two did
    not move the lines before it, and Chromium printed it alone on the last page. It is the last line of the last
    project's block now, and goes over with the 意见 before it."""
    import pdfplumber

    rows = [["产出指标", "数量指标", "培训人次", "培训人次", "≥100人次"], ["", "质量指标", "合格率", "合格率", "≥95%"],
            ["效益指标", "社会效益指标", "群众知晓", "群众知晓", "明显提升"],
            ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]]
    table = tmp_path / "t.txt"
    table.write_text(table_text(*HEADER_ROWS, *rows), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 's.db'}"
    _cli("import", str(table), "--db", db, "--actor", "t")
    _cli("user", "add", "admin", "--role", "admin", "--db", db, "--actor", "setup")
    _cli("user", "add", "rev", "--role", "reviewer", "--db", db, "--user", "admin")
    _cli("review", "--save", "--db", db, "--user", "rev")
    printed: dict[int, list[str]] = {}
    for number in range(1, COMMENTS[-1] + 1):
        _cli("workflow", "测试项目", "comment", "--db", db, "--user", "rev",
             "--comment", f"第{number}条：请补充绩效指标的计算口径与数据来源。")
        if number in COMMENTS:  # one print per count
            page = tmp_path / f"opinion-{number}.html"
            _cli("desk", "opinion", "测试项目", "-o", str(page), "--db", db, "--user", "rev")
            with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
                printed[number] = [_normal(sheet.extract_text() or "") for sheet in pdf.pages]
    for number, texts in printed.items():  # the last 意见 on the signature's page, the last page, at every count
        assert len(texts) >= 2 and "审核人" in texts[-1], (number, [text[-60:] for text in texts])
        assert f"第{number}条" in texts[-1], (number, [text[-80:] for text in texts])


def test_a_units_last_project_part_holds_the_signature_under_it() -> None:
    """In a unit's opinion the signature is the last line of the last project's table, whose header repeats
    「N. 项目（续）」: a last part computed as filling its page without it would push it (with the lines it goes with)
    onto a new page under that heading. At every count of 意见 the last part leaves room for it (32 px and a line
    in the page, 24 pt and a 15 pt line in Word)."""
    from perfbudget.app.opinion_pages import (
        COMMENT,
        HEAD,
        HEADING,
        HTML,
        NONE,
        WORD,
        Entry,
        block_heights,
        blocks,
        layouts,
    )

    def project(count: int) -> list[list[Entry]]:  # its head, 「无。」 findings and ``count`` 意见 of 1–3 lines
        return blocks([Entry(HEAD, "预算单位：测试单位"), Entry(HEADING, "审核发现"), Entry(NONE, "无。"),
                       Entry(HEADING, "审核意见"),
                       *(Entry(COMMENT, f"第{number}条：请补充绩效指标的计算口径与数据来源。" * (1 + number % 3))
                         for number in range(count))])

    title, names = "测试单位2024年度项目审核意见书", ("1. 甲项目-2024中央", "2. 乙项目-2024中央")
    first = project(5)
    for measure, sign in ((HTML, 24 + HTML.line), (WORD, 24 + WORD.line)):
        for count in range(1, 120):
            last = project(count)
            layout = layouts(measure, title, [(names[0], first), (names[1], last)])[-1]
            heights = block_heights(measure, last, signed=True)
            part = layout.parts[-1]
            if len(layout.parts) > 1 or layout.new_page:  # its page begins under its name (continued)
                above = measure.name(names[1] + ("（续）" if len(layout.parts) > 1 else ""), top=True)  # (print41)
                above += measure.list_start if len(layout.parts) > 1 else 0.0
            else:  # under the title and the first project
                above = (measure.title(title) + measure.name(names[0]) + sum(block_heights(measure, first))
                         + measure.gap + measure.name(names[1]))
            assert above + sum(heights[number] for number in part) + sign <= measure.room, (measure.line, count)
