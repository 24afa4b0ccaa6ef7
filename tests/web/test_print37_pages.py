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
