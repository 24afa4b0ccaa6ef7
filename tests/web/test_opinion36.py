"""The 审核意见书 a reviewer signs holds what the review says (opinion36): each kept finding with its place, its message
and its 建议, numbered under its dimension's heading (「（一）相关性」), and the grade with its 等级依据 — the same on
every face (Word, the HTML page, the API, ``perfbudget desk opinion``). Until opinion36 the opinion printed each kept
finding's message only: no 建议, no 等级依据, the dimension a word before the message."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docx import Document
from sqlalchemy import select
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.store.schema import projects
from tests.web.conftest import WebEnv

# One project of six indicators: 「项目资金使用率」 is an input (an error of 相关性), 「有效保障」 a vague target (a
# warning of 可行性); nothing else is found.
TABLE = """1.测试运维项目-2024中央绩效目标表
\t255101天津市和平区人民检察院
\t单位：万元

\t项目名称
\t测试运维项目-2024中央

\t预算规模及资金用途
\t预算数
\t10.00
\t其中：财政    资金
\t10.00
\t其他资金
\t\u3000

\t
\t保障信息系统运行

\t绩效目标
\t1.全年巡检不少于15次，故障响应时间不超过2小时


\t一级指标
\t二级指标
\t三级指标
\t绩效指标描述
\t指标值

\t产出指标
\t数量指标
\t巡检次数
\t巡检次数
\t≥15次

\t
\t质量指标
\t项目资金使用率
\t项目资金使用率
\t100%

\t
\t时效指标
\t故障响应时间
\t故障响应时间
\t≤2小时

\t
\t成本指标
\t运维成本
\t运维成本
\t≤10万元

\t效益指标
\t社会效益指标
\t保障工作开展
\t保障工作开展
\t有效保障

\t满意度指标
\t服务对象满意度指标
\t干警满意度
\t干警满意度
\t≥95%
"""


def _run(*args: str) -> str:
    done = CliRunner().invoke(cli, list(args))
    assert done.exit_code == 0, done.output
    return done.output


def _word_text(data: bytes) -> str:
    word = Document(io.BytesIO(data))
    return "\n".join(p.text for p in word.paragraphs)


def _page_text(html: str) -> str:
    """The page's text: its inline tags dropped, the others (a paragraph, an item, a line break) a newline."""
    inline = re.sub(r"</?(?:strong|span)\b[^>]*>", "", html)
    return re.sub(r"<[^>]+>", "\n", inline).replace("&#34;", '"').replace("&#39;", "'")


def imported_desk(web: WebEnv, tmp_path: Path) -> tuple[Any, dict[str, str], int, dict[str, Any]]:
    """:data:`TABLE` imported: the API client, the reviewer's headers, the project's id and its desk (the API's)."""
    table = tmp_path / "测试运维.txt"
    table.write_text(TABLE, encoding="utf-8")
    _run("import", str(table), "--user", "admin", "--db", web.url)
    api, reviewer = web.client(), {"Authorization": f"Bearer {web.token('reviewer')}"}
    with web.app.state.engine.connect() as connection:
        pid = connection.execute(select(projects.c.id).where(projects.c.name == "测试运维项目")).scalar_one()
    return api, reviewer, pid, api.get(f"/api/v1/projects/{pid}/desk", headers=reviewer).json()


def test_the_opinion_holds_each_kept_findings_suggestion_and_the_grades_basis(web: WebEnv, tmp_path: Path) -> None:
    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    found = {f["rule"]: f for f in desk["findings"]}
    assert set(found) == {"input-as-output", "vague-qualitative"}, found
    kept, dismissed = found["input-as-output"], found["vague-qualitative"]
    dismissal = {"key": dismissed["key"], "decision": "dismissed", "reason": "定性表述可接受"}
    assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=dismissal).status_code == 200
    assert api.post(f"/api/v1/projects/{pid}/desk/comments", headers=reviewer,
                    json={"place": "indicator:2:target", "text": "请改为产出指标"}).status_code == 200
    basis = desk["basis"]
    assert basis and basis[0].startswith("中：有错误1个")

    word = api.get(f"/api/v1/projects/{pid}/opinion.docx", headers=reviewer)
    page = web.client("reviewer").get(f"/projects/{pid}/opinion.html")
    written = tmp_path / "opinion.html"
    _run("desk", "opinion", str(pid), "-o", str(written), "--user", "reviewer", "--db", web.url)
    assert written.read_text(encoding="utf-8") == page.text
    paragraphs = Document(io.BytesIO(word.content)).paragraphs
    for text in (_word_text(word.content), _page_text(page.text)):
        # the kept finding: its place, its message and the rule's suggestion, under its dimension, numbered
        finding = f"【错误】{kept['place']}：{kept['message']}"
        assert "（一）相关性" in text and finding in text and f"建议：{kept['suggestion']}" in text, text
        # the grade and every line of its basis, once
        # (since print38 the basis of the kept findings: the machine's but its 警告 line, the dismissed finding's)
        kept_basis = [line for line in basis if not line.startswith("警告：")]
        assert len(kept_basis) == len(basis) - 1
        assert "审核等级：中" in text and all(text.count(f"等级依据　{line}") == 1 for line in kept_basis), text
        assert "已由审核人员驳回的 1 条审核发现不作为等级依据" in text and "警告：" not in text
        # nothing of the dismissed finding; the reviewer's comment as is
        assert dismissed["message"] not in text and dismissed["suggestion"] not in text and "可行性" not in text
        assert "请改为产出指标" in text
    # Word: the dimension a Heading 3, the finding an item of the numbered list, its 建议 on its second line
    styles = [(p.style.name, p.text) for p in paragraphs]
    at = styles.index(("Heading 3", "（一）相关性"))
    assert styles[at + 1] == ("List Number", f"【错误】{kept['place']}：{kept['message']}\n建议：{kept['suggestion']}")
    # the page: the finding in a numbered list under the dimension's heading, the suggestion on a line of its own
    listed = r'<h4 class="dimension">（一）相关性</h4>\s*<ol>\s*<li>【错误】[^<]+<br><span class="suggestion">建议：'
    assert re.search(listed, page.text), page.text
    # a unit's opinion of several projects (each a table of Word, cut at its pages) holds the same
    unit = api.get("/api/v1/units/255101/opinion.docx", headers=reviewer, params={"year": 2024})
    cells = "\n".join(cell.text for table in Document(io.BytesIO(unit.content)).tables for row in table.rows
                      for cell in row.cells)
    assert "测试运维项目（2024中央）" in cells and f"建议：{kept['suggestion']}" in cells
    assert dismissed["message"] not in cells and all(f"等级依据　{line}" in cells for line in kept_basis)
