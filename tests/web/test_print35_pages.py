"""print35: a project's 审核意见书 printed by Chromium left its signature line alone on page 2 (docs/publishing.md)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv
from tests.writers.test_print32 import _corpus
from tests.writers.test_print_pdf import chromium_pdf
from tests.writers.test_printed_fit import _normal

runner = CliRunner()


def test_a_projects_opinion_prints_its_signature_with_the_lines_before_it(web: WebEnv, tmp_path: Path) -> None:
    """r186's 物业管理 (nine findings, 审核意见 「无。」): its opinion page printed the findings and 「无。」 on page 1,
    ending 64 pt above the page's foot, and 「审核人：… 日期：…」 alone on page 2 (the line's bottom margin and the
    body's padding took it past the foot). It printed on one page then (two since opinion36's 建议); a signature
    that does not fit goes over with the lines before it (``break-before: avoid``)."""
    import pdfplumber

    imported = runner.invoke(cli, ["import", str(_corpus("r186")), "--db", web.url, "--user", "admin"])
    assert imported.exit_code == 0, imported.output
    assert runner.invoke(cli, ["review", "--db", web.url, "--save", "--user", "reviewer"]).exit_code in (0, 1)
    page = tmp_path / "物业管理.html"
    made = runner.invoke(cli, ["desk", "opinion", "物业管理", "-o", str(page), "--user", "reviewer", "--db", web.url])
    assert made.exit_code == 0, made.output
    with pdfplumber.open(chromium_pdf(page, tmp_path)) as pdf:
        texts = [_normal("".join(word["text"] for word in sheet.extract_words() if 40 < word["top"] < 790))
                 for sheet in pdf.pages]
    assert texts and "审核人" in texts[-1] and "审核意见" in texts[-1]
    # One page before opinion36 put each finding's 建议 and the 等级依据 in the opinion; two now, the signature with
    # 审核意见 and the findings' last lines on the last page.
    assert len(pdf.pages) <= 2 and "【" in texts[-1], [text[:30] for text in texts]
