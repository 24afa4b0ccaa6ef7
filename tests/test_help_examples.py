"""Every command's --help ends with examples that run as written and its exit codes (cli/help_examples.py): each
example printed by --help is run, in order, on a store made as `bash scripts/run.sh` makes it, in a directory holding
the repository's examples/, and ends with the exit code its note states (0 unless 「退出码 N」)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.cli.help_examples import EXAMPLES, LONG_RUNNING, SETTING
from tests.test_cli import _all_commands

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def printed_examples(path: str) -> list[tuple[list[str], int]]:
    """The examples ``perfbudget PATH --help`` prints: each command's words with the exit code its note states."""
    output = runner.invoke(app, [*path.split(), "--help"], env={"COLUMNS": "80"}).output
    tail = r"\s*".join(map(re.escape, SETTING[-8:]))  # the heading's end, wherever Click wrapped it
    block = re.split(tail, output, maxsplit=1)[1].split("\n\n")[1]
    found: list[tuple[list[str], int]] = []
    code, pending = 0, ""
    for line in block.splitlines():
        text = line.strip()
        if text.startswith("# "):
            stated = re.search(r"退出码 (\d+)", text)
            code = int(stated[1]) if stated else 0
        elif text.endswith("\\"):
            pending += text[:-1]
        else:
            found.append((shlex.split(pending + text), code))
            code, pending = 0, ""
    return found


@pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "perfbudget")
def test_every_help_ends_with_its_exit_codes_and_a_leaf_with_examples(path: list[str]) -> None:
    output = runner.invoke(app, [*path, "--help"]).output
    flat = re.sub(r"\s+", "", output)  # as wrapped
    assert "退出码：0完成；1" in flat and "2命令用法有误" in flat and "130按Ctrl+C中止" in flat, output
    assert "141输出被读取方提前关闭" in flat, output
    # a group's too (perfbudget, perfbudget desk …: their help had the exit codes only until faces47)
    assert " ".join(path) in EXAMPLES, path
    examples = printed_examples(" ".join(path))
    assert examples, output
    assert all(words[:len(path) + 1] == ["perfbudget", *path] for words, _ in examples), examples
    # a group's pointer to its commands' examples is in its heading, not a note printed above a command (faces47)
    assert not any("--help" in example for example in EXAMPLES[" ".join(path)]), path
    if path and not any(key.startswith(f"{' '.join(path)} ") for key in EXAMPLES):
        return
    assert f"各命令自己的示例见perfbudget{''.join(path)}命令--help" in flat, output
    assert all(code == 0 for _, code in examples), examples  # a group's examples show it at work, not refusing
    assert ("3网页服务启动失败" in flat) == (path in (["serve"], []))  # serve's startup failure


def test_every_example_runs_as_written_after_the_main_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("PERFBUDGET_DB", "PERFBUDGET_USER", "PERFBUDGET_SELF_EVALUATION", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    for step in (["import", "examples/000_e2047472f0d7711d.txt"],  # what scripts/run.sh does
                 ["review", "--db", "sqlite:///perfbudget.db", "--save", "--actor", "演示审核"],
                 ["user", "add", "admin", "--role", "admin", "--name", "演示管理员", "--password", "perfbudget-demo"]):
        runner.invoke(app, step)
    ran = 0
    for path in EXAMPLES:
        for words, code in printed_examples(path):
            if path in LONG_RUNNING:
                continue
            assert words[0] == "perfbudget"
            args, output = words[1:], None
            if ">" in args:
                args, output = args[:args.index(">")], args[args.index(">") + 1]
            done = runner.invoke(app, args)
            assert done.exit_code == code, (words, done.output)
            assert "Traceback" not in done.output and "Error" not in done.output, (words, done.output)
            assert "未修改" not in done.output, (words, done.output)  # an example that does nothing shows nothing
            if output:
                (tmp_path / output).write_text(done.stdout, encoding="utf-8")
            ran += 1
    assert ran > 50
    written = {p.name for p in tmp_path.iterdir()}
    assert {"种子表.docx", "自评表.docx", "审核意见书.docx", "指标库.xlsx", "备份.db"} <= written
