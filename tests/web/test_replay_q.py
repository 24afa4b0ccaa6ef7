"""replay-q: the issues' scenarios replayed through the CLI and the API, and what they found, each on the face that
failed (SQLite and PostgreSQL where the store is concerned)."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.review.review_helpers import GOOD_ROWS, header, table_file_text
from tests.web.conftest import WebEnv

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def _rules(findings: list[dict[str, Any]]) -> set[str]:
    return {finding["rule"] for finding in findings}


# 预算数 17 beside 财政资金 15 and a blank 其他资金 cell: a split that does not add up (issue 5: fund arithmetic)
_SPLIT_OFF = table_file_text(GOOD_ROWS, header(total="17.00", fiscal="15.00", other=" "),
                             heading="1.分不平项目-2024中央绩效目标表").replace("测试项目-", "分不平项目-")
# 项目金额 16, 其中：财政资金 10 and no 其他资金 cell: a part stated, not a split (must stay quiet)
_PART_ONLY = table_file_text(
    GOOD_ROWS, [["预算规模及资金用途", "预算数", "16.00", "其中：财政    资金", "10.00"] if r[0] == "预算规模及资金用途"
                else r for r in header()],
    heading="1.只列财政资金项目-2024中央绩效目标表").replace("测试项目-2024中央", "只列财政资金项目-2024中央")


def test_a_stored_split_that_does_not_add_up_is_flagged_as_the_file_is(any_web: WebEnv, tmp_path: Any) -> None:
    # `perfbudget review FILE` said 「预算数17.00万元不等于财政资金15.00万元与其他资金0万元之和…」 but the stored
    # version lost the reader's knowledge of the 其他资金 cell: the review saved with the import, the server's,
    # `perfbudget review PROJECT --db` and the API's findings said nothing (migration 1828 keeps it)
    web = any_web
    files = {}
    for name, text in (("分不平.txt", _SPLIT_OFF), ("只列财政资金.txt", _PART_ONLY)):
        files[name] = tmp_path / name
        files[name].write_text(text, encoding="utf-8")
        read = runner.invoke(cli, ["review", str(files[name]), "--no-library"])
        assert ("fund-arithmetic" in read.output) == (name == "分不平.txt"), read.output
    # the CLI: imported, then the stored version reviewed
    done = runner.invoke(cli, ["import", str(files["分不平.txt"]), "--db", web.url])
    assert done.exit_code == 0, done.output
    stored = runner.invoke(cli, ["review", "分不平项目", "--db", web.url, "--no-library"])
    assert "fund-arithmetic" in stored.output and "预算数17.00万元不等于财政资金15.00万元" in stored.output, \
        stored.output
    # the API: uploaded, imported, its stored review read
    client, editor = web.client(), _bearer(web, "admin")
    for name, flagged in (("只列财政资金.txt", False), ("分不平.txt", True)):
        sent = client.post("/api/v1/uploads", headers=editor,
                           files={"file": (name, files[name].read_bytes(), "text/plain")})
        assert sent.status_code == 200, sent.text
        imported = client.post(f"/api/v1/uploads/{sent.json()['upload_id']}/import", headers=editor)
        assert imported.status_code == 200, imported.text
        [pid] = imported.json()["project_ids"]
        review = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["review"]
        assert ("fund-arithmetic" in _rules(review["findings"])) == flagged, review
    # an edit leaving the amounts alone keeps knowing the cell: the new version is flagged still
    got = client.get(f"/api/v1/projects/{pid}", headers=editor).json()
    document = got["document"]
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥13次"}
    edited = client.put(f"/api/v1/projects/{pid}", headers=editor,
                        json={"base_version": got["version"], "document": document})
    assert edited.status_code == 200, edited.text
    again = client.get(f"/api/v1/projects/{pid}", headers=editor).json()
    assert again["version"] == got["version"] + 1 and "fund-arithmetic" in _rules(again["review"]["findings"])


def _commented_workbook(seed_document: Any) -> bytes:
    """The seed's first table as Excel, with three 批注: on a target, on the 预算数 and on the unit line."""
    import io

    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    from perfbudget.model import Document
    from perfbudget.writers.target_table_export import render

    one = Document(seed_document.unit, seed_document.money_unit, seed_document.projects[:1])
    book = load_workbook(io.BytesIO(render(one, "xlsx")))
    sheet = book.worksheets[0]
    cells = {(cell.value or ""): cell for row in sheet.iter_rows() for cell in row}
    cells["≥12次"].comment = Comment("含两次应急会议", "张三")
    total = next(c for c in sheet[cells["预算数"].row] if c.column > cells["预算数"].column and c.value)
    total.comment = Comment("待财政批复", "李四")
    sheet.cell(1, 1).comment = Comment("表头的批注", "王五")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_cells_comment_is_kept_and_shown_on_every_face(web: WebEnv, seed_document: Any,
                                                                 tmp_path: Any) -> None:
    # a cell's 批注 in an Excel file was not read: lost on import, never on the project page (replay-q)
    data = _commented_workbook(seed_document)
    path = tmp_path / "批注.xlsx"
    path.write_bytes(data)
    read = runner.invoke(cli, ["read", str(path)])
    assert "批注（第 1 个指标「视频会议保障数量」的指标值）：张三：含两次应急会议" in read.output, read.output
    assert "批注（预算数）：李四：待财政批复" in read.output
    assert "A1 的批注「王五：表头的批注」不在表中任何一项上" in read.output  # told, never dropped silently
    client, admin = web.client(), _bearer(web, "admin")
    sent = client.post("/api/v1/uploads", headers=admin, files={
        "file": ("批注.xlsx", data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")})
    assert sent.status_code == 200, sent.text
    done = client.post(f"/api/v1/uploads/{sent.json()['upload_id']}/import", headers=admin, json={"force": True})
    assert done.status_code == 200, done.text
    pid = done.json()["project_ids"][0]
    project = client.get(f"/api/v1/projects/{pid}", headers=admin).json()["document"]["projects"][0]
    assert ["批注·预算数", "李四：待财政批复"] in project["extras"]
    assert project["indicators"][0]["extras"] == [["批注·指标值", "张三：含两次应急会议"]]
    page = web.client("admin").get(f"/projects/{pid}").text
    assert 'id="cell-comments"' in page and "单元格批注（2 条）" in page
    assert '<a href="#indicator-1">第 1 个指标「视频会议保障数量」的指标值</a>：张三：含两次应急会议' in page
    assert "<li>预算数：李四：待财政批复</li>" in page
    shown = runner.invoke(cli, ["show", str(pid), "--db", web.url])
    assert "批注（预算数）：李四：待财政批复" in shown.output, shown.output
    for fmt in ("xlsx", "docx"):  # exported, the comments are columns and rows that read back as comments
        from perfbudget.load import load_bytes
        from perfbudget.readers.cell_comments import project_comments

        exported = client.get(f"/api/v1/projects/{pid}/download/{fmt}", headers=admin)
        assert exported.status_code == 200, exported.text
        back = load_bytes(exported.content, f"back.{fmt}").document
        assert back is not None and [(place, said) for place, said, _ in project_comments(back.projects[0])] == [
            ("预算数", "李四：待财政批复"), ("第 1 个指标「视频会议保障数量」的指标值", "张三：含两次应急会议")]
    other = web.client("admin").get(f"/projects/{web.project_ids[1]}").text
    assert 'id="cell-comments"' not in other  # a table without 批注: no card
