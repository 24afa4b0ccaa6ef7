"""Round 30's attack (docs/security.md, 「Attacked from outside (attack30)」): each test failed on main 6d9b3dfc."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.web.conftest import WebEnv


def _self_evaluation(closing_text: str) -> bytes:
    """A 自评表 (pipe cells) whose 评价结论 row holds ``closing_text``."""
    from tests.readers.test_kinds31_stated_execution import GRID, INDICATORS, NAME, _closing, _pipe

    return _pipe([*NAME, *GRID, *INDICATORS, *_closing(closing_text)])


@pytest.mark.parametrize("closing", ["自评得分1分" * 32_000, "".join(f"自评得分1.{i}分" for i in range(4_000)),
                                     "等级优" * 60_000],
                         ids=["one total written many times", "many different totals", "many grades"])
def test_a_closing_texts_own_total_is_read_in_linear_time_and_quoted_in_a_bounded_note(closing: str) -> None:
    # kinds32 reads a 自评表's 自评得分 and 评价等级 from its 评价结论 (readers/text_scores.py). Each total or grade
    # found searched the clause before it for part and goal words again: 「自评得分1分」 × 8,000 (129 KB) cost 2.2 s
    # of CPU, × 32,000 some 33 s, 「等级优」 × 60,000 17 s. And a clause stating different totals was quoted once for
    # each in one note: 8,000 of them in one clause (168 KB) made a note of 625 MB and the read 2.4 GB (4,000:
    # 600 MB). Any unit editor's upload reaches it.
    import resource

    from perfbudget.load import load_bytes

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    result = load_bytes(_self_evaluation(closing), "自评表.txt")
    assert time.process_time() - started < 2.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB
    assert result.ok, result.problems
    notes = [p.message for p in result.problems if "取自文字" in p.message or "多个不同的" in p.message]
    assert notes and all(len(message) < 400 for message in notes), [m[:200] for m in notes]


def test_a_note_names_at_most_five_clauses_each_cut() -> None:
    from perfbudget.load import load_bytes

    text = "，".join(f"第{i}次自评得分{i}分" for i in range(1, 9)) + "，" + "自评得分99分" + "甲" * 300
    result = load_bytes(_self_evaluation(text), "自评表.txt")
    (note,) = [p.message for p in result.problems if "多个不同的自评得分" in p.message]
    assert note.startswith("文字中写有多个不同的自评得分（「第1次自评得分1分」、「第2次自评得分2分」、")
    assert "「第5次自评得分5分」等 9 个）" in note and "第6次" not in note
    assert result.document.projects[0].table_total is None  # type: ignore[union-attr]
    result = load_bytes(_self_evaluation("自评得分99分" + "甲" * 300), "自评表.txt")
    assert f"表中没有单独填写自评得分，自评得分取自文字「自评得分99分{'甲' * 93}…」：99" in [
        p.message for p in result.problems]


def test_the_words_before_a_figure_are_found_as_before() -> None:
    # text_scores._before answers what ``words.search(clause[:end])`` answered, for every end, on random clauses of
    # the part and goal words, their pieces and overlaps (标准分值, 不少低于, 预期计), figures and other words.
    import random

    from perfbudget.readers import text_scores as ts

    pieces = ["指标", "指", "标", "率", "分值", "分", "值", "权重", "权", "满分", "满", "标准分", "标准", "目标",
              "预期", "预计", "预", "计划", "要求", "确保", "力争", "争取", "不低于", "不少于", "不", "低于",
              "应", "须", "需", "自评得分", "95", "项目", "等级", "优", "甲"]
    rng = random.Random(30)
    for _ in range(20_000):
        clause = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        for words in (ts._GOAL_WORDS,):  # (the part words, a look-behind since kinds33, by their first's end)
            first = words.search(clause)
            for end in range(len(clause) + 1):
                assert ts._before(words, clause, first, end) == (words.search(clause[:end]) is not None), \
                    (clause, end, words.pattern)
    assert re.fullmatch(r"[^|()?*+\[\]{}]+(\|[^|()?*+\[\]{}]+)*", ts._GOAL_WORDS.pattern)  # literal words only


def test_a_projects_download_is_made_once_a_data_version_and_never_given_to_another_scope(
        any_web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    # attack29's leftover: a download's cost is proportional to its text (an 8 MB upload's Word file 3.4 s of CPU, its
    # Excel 2.3 s), and any account that may read the project could ask for it again and again, or at once. It is made
    # once a data version for each role and unit scope now, on the page and the API alike (web/downloads.py).
    from perfbudget.writers import target_table_export

    made: list[str] = []
    write = target_table_export.render

    def counted(document: object, fmt: str, original: bool = False) -> bytes:
        made.append(fmt)
        return write(document, fmt, original=original)  # type: ignore[arg-type]

    monkeypatch.setattr(target_table_export, "render", counted)
    project = any_web.project_ids[0]
    viewer = any_web.client("viewer")
    token = {"Authorization": f"Bearer {any_web.token('viewer')}"}
    first = viewer.get(f"/projects/{project}/download/docx")
    assert first.status_code == 200 and first.content[:2] == b"PK"
    again = [viewer.get(f"/projects/{project}/download/docx"),
             viewer.get(f"/api/v1/projects/{project}/download/docx", headers=token)]
    assert all(r.status_code == 200 and r.content == first.content for r in again)
    assert first.headers["content-disposition"] == again[1].headers["content-disposition"]
    assert made == ["docx"]  # made once for the three
    assert viewer.get(f"/api/v1/projects/{project}/download/docx?original=true", headers=token).status_code == 200
    assert made == ["docx", "docx"]  # another request, another file
    # another unit's editor is refused as before, and no file is made for it; a refusal leaves nothing behind
    other = any_web.client("other_editor")
    assert other.get(f"/projects/{project}/download/docx").status_code == 404
    other_token = {"Authorization": f"Bearer {any_web.token('other_editor')}"}
    assert other.get(f"/api/v1/projects/{project}/download/docx", headers=other_token).status_code == 404
    assert made == ["docx", "docx"] and not getattr(any_web.app.state, "files", any_web.app.state.cache)._computing
    # the project's own editor (another scope) gets its own file; a write moves the data version and drops them
    editor = {"Authorization": f"Bearer {any_web.token('editor')}"}
    assert viewer.get(f"/api/v1/projects/{project}/download/docx", headers=editor).content == first.content
    assert made == ["docx"] * 3
    stepped = viewer.post(f"/api/v1/projects/{project}/workflow", json={"action": "submit"}, headers=editor)
    assert stepped.status_code == 200, stepped.text
    assert viewer.get(f"/projects/{project}/download/docx").status_code == 200
    assert made == ["docx"] * 4


def test_perfbudget_import_of_a_device_or_a_pipe_is_refused_not_hashed_for_ever(tmp_path: Path) -> None:
    # The import's reading process fingerprints a file the reader refuses (a file past the size limit, which may have
    # been imported under a larger one) by hashing whatever its bytes are: a link to /dev/zero was hashed for ever at
    # a core's full speed, a FIFO waited for ever (import-writes' read-once path; attack9 had closed both for read).
    import os
    import subprocess
    import sys

    zero = tmp_path / "目标表.docx"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    for path in (zero, fifo):
        done = subprocess.run([sys.executable, "-m", "perfbudget", "import", str(path), "--db",
                               f"sqlite:///{tmp_path / 'store.db'}"], capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        assert done.returncode == 1, done.stderr
        assert "不是普通文件（设备、管道或套接字），未读取" in done.stdout + done.stderr


def test_the_commands_numbers_are_bounded_before_any_query(tmp_path: Path, seed_path: Path) -> None:
    # `export 1 --version 99999999999999999999` (the option added last session), `show --version`, `list --page` and
    # `--offset`, `history --limit` and `--workflow-offset` handed any number to the database: a traceback
    # (OverflowError on SQLite; PostgreSQL's integer is smaller still). Each is bounded as the database's integer now.
    from typer.testing import CliRunner

    from perfbudget.cli import app

    db = f"sqlite:///{tmp_path / 'store.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(seed_path), "--db", db]).exit_code == 0
    huge = "99999999999999999999"
    for args in (["export", "1", "--version", huge, "--to", "json"], ["show", "1", "--version", huge],
                 ["list", "projects", "--page", huge], ["list", "units", "--offset", huge],
                 ["history", "1", "--limit", huge], ["history", "1", "--workflow-offset", huge],
                 ["audit", "--offset", huge]):
        done = runner.invoke(app, [*args, "--db", db])
        assert done.exit_code == 2 and "应不大于 2147483647" in done.output, (args, done.output, done.exception)
    done = runner.invoke(app, ["show", "1", "--version", "2147483647", "--db", db])
    assert done.exit_code == 1 and "没有第 2147483647 版" in done.output, done.output


def test_a_header_cell_of_leading_spaces_is_read_in_linear_time() -> None:
    # A header cell holding 「自评得分：92分」 is split into its label and value (stated_scores._in_cell); its pattern's
    # leading \s* tried each length of a run of white space again: a Word cell of 8,000 spaces and 「分」 cost 2.4 s of
    # CPU, 32,000 some 40 s (a Word file of a few kilobytes). The match starts near the first other character now, with
    # the same answers as before on random cells.
    import random

    from perfbudget.load import load_bytes
    from perfbudget.readers import stated_scores
    from tests.readers.test_kinds31_stated_execution import GRID, INDICATORS, NAME, TITLE
    from tests.readers.word_tables import word_file

    rows = [NAME[0], [" " * 32_000 + "分", "", "", "", "", "", "", ""], NAME[1], *GRID, *INDICATORS]
    started = time.process_time()
    result = load_bytes(word_file(rows, paragraphs=TITLE), "自评表.docx")
    assert time.process_time() - started < 2.0
    assert result.document is not None
    rng = random.Random(30)
    pieces = [" ", "\u3000", "\n", "\t", "自评", "得分", "分", "：", ":", "92", "优", "a"]
    for _ in range(100_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        old = stated_scores._IN_CELL.match(text)
        expected = None if old is None or "\n" in (value := text[old.end():].rstrip()) else (old.group(1), value)
        assert stated_scores._in_cell(text) == expected, repr(text)
