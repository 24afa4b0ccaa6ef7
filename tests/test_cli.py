"""The command line: read, --json, errors on stderr with exit 1, --help on every command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from perfbudget import __version__
from perfbudget.cli import app

runner = CliRunner()


def _all_commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    found: list[list[str]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():  # a group (Typer's own Click or click's)
            walk(sub, [*path, name])

    walk(root, [])
    return found


@pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "perfbudget")
def test_every_command_has_chinese_help(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("用法：perfbudget")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.output), "help text should be Chinese"
    for english in ("Usage", "Options:", "Arguments:", "Commands:", "Show this message", "[default", "[required]",
                    "env var", "required]"):  # desk's --user said [env var: PERFBUDGET_USER; required] until replay-i
        assert english not in result.output, f"{english!r} left in English"
    from perfbudget.cli.usage_text import display_width

    too_wide = [line for line in result.output.splitlines() if display_width(line) > 80]
    assert not too_wide, too_wide  # wrapped by display width: a Chinese character takes two columns
    # no line starts with a closing mark: 「…名称中的一段」 then 「）。 [必填]」 until replay-y (two marks in a row)
    assert not [line for line in result.output.splitlines() if line.strip()[:1] in tuple("）」』》，。、；：")], \
        result.output
    assert "...." not in result.output  # `desk batch`'s usage said 「项目......」 until replay-t (Click adds the dots)


_CHINESE = re.compile("[\u4e00-\u9fff]")
_TERM = re.compile(r"^  (?P<term>\S.*?)(?:  +\S|$)")


@pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "perfbudget")
def test_every_placeholder_is_chinese_in_one_style(path: list[str]) -> None:
    """--help mixed English placeholders (FILE, [FILE|PROJECT], PROJECT, {file}, {project}, --show N) with the
    Chinese ones until 2026-12-04. Now an argument is named in Chinese (文件, 项目, [文件或项目], 文件或目录...),
    bare when required and in [] when not, and a value as its Chinese type (<文字>, <整数>) or its choices."""
    output = runner.invoke(app, [*path, "--help"]).output
    usage = output.splitlines()[0]
    words = usage.removeprefix("用法：perfbudget").split()[len(path):]
    for word in words:
        assert word in ("[选项]", "命令", "[参数]...") or _CHINESE.search(word), (usage, word)
        assert "{" not in word and not re.search(r"[A-Z]{2,}", word), (usage, word)
    section = None
    for line in output.splitlines():
        if line in ("参数：", "选项：", "命令："):
            section = line
            continue
        if line.startswith(("  示例（", "  退出码：")):  # the foot (cli/help_examples.py): no more terms
            section = None
        found = _TERM.match(line)
        if not found or section is None:
            continue
        term = found["term"]
        if section == "参数：":
            assert _CHINESE.match(term), (path, term)  # the argument's own name, in Chinese
        for placeholder in re.findall(r"<[^>]*>", term):
            assert placeholder in ("<文字>", "<整数>", "<数>", "<文字…>", "<路径>") or "|" in placeholder, (path, term)
        assert not re.search(r"\b[A-Z]{1,}\b", term), (path, term)  # no FILE, PATH, N
    assert "--show N" not in output and "FILE" not in output and "PROJECT" not in output


def test_lines_break_by_display_width_and_never_before_a_closing_mark() -> None:
    from perfbudget.cli.usage_text import display_width, wrapped

    text = "导入绩效目标表到数据库：每个文件一个事务，要么完整导入，要么不导入。--skip-blocked 只导入其余的表。"
    lines = wrapped(text, 20)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(display_width(line) <= 20 for line in lines), lines
    assert "--skip-blocked" in "\n".join(lines)  # an ASCII word is never split
    assert not any(line.startswith(("，", "。")) for line in lines)
    opened = wrapped("一二三四五六七八（九十）", 16)
    assert opened == ["一二三四五六七八", "（九十）"], opened  # an opening mark never ends a line


def test_every_command_is_walked() -> None:
    walked = _all_commands()
    assert len(walked) > 25 and ["library", "search"] in walked and ["db", "upgrade"] in walked


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_read_summary(seed_path: Path) -> None:
    result = runner.invoke(app, ["read", str(seed_path)])
    assert result.exit_code == 0, result.output
    assert "共 10 个项目，88 个三级指标" in result.output
    assert "视频会议保障数量" in result.output
    assert "预算数 17.00万元" in result.output


def test_read_json_stdout(seed_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "perfbudget", "read", str(seed_path), "--json"],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["projects"]) == 10
    assert sum(len(p["indicators"]) for p in data["projects"]) == 88
    assert result.stderr == ""


def test_read_dash_reads_a_table_pasted_or_piped_on_standard_input(seed_path: Path) -> None:
    # `perfbudget read -` answered 「文件不存在」: text copied from a web page had to be saved to a file first
    piped = subprocess.run([sys.executable, "-m", "perfbudget", "read", "-", "--json"], input=seed_path.read_bytes(),
                           capture_output=True, check=False)
    assert piped.returncode == 0, piped.stderr.decode()
    data = json.loads(piped.stdout)
    assert sum(len(p["indicators"]) for p in data["projects"]) == 88
    cut = runner.invoke(app, ["read", "-"], input=seed_path.read_text(encoding="utf-8")[:3000])
    assert cut.exit_code == 1 and "标准输入:" in cut.output and "文件不存在" not in cut.output, cut.output
    empty = runner.invoke(app, ["read", "-"], input="  \n")
    assert empty.exit_code == 1 and "标准输入: 错误：没有读到内容" in empty.output, empty.output


def test_bad_input_exit_1_with_location_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "perfbudget", "read", str(path), "--json"],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}: 错误：文件为空")
    assert "Traceback" not in result.stderr


def test_partial_read_is_reported_as_such(tmp_path: Path, seed_path: Path) -> None:
    lines = seed_path.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if line.strip() == "司法救助人数")
    path = tmp_path / "cut.txt"
    path.write_text("".join(lines[: cut + 1]), encoding="utf-8")
    result = runner.invoke(app, ["read", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{cut + 1}: 错误：表格在此中断" in result.stderr
    assert "部分读取" in result.stderr
    assert "未完整（截断于" in result.stdout  # what was read is shown, the cut project marked
    as_json = runner.invoke(app, ["read", str(path), "--json"])
    assert as_json.exit_code == 1 and "表格在此中断" in as_json.stderr
    data = json.loads(as_json.stdout)  # what was read before the cut, the cut project marked
    cut_project = data["projects"][-1]
    assert cut_project["complete"] is False and cut_project["cut"]["line"] == cut + 1
    assert all("complete" not in p for p in data["projects"][:-1]) and data["projects"][:-1]


def test_form_help_names_every_readable_form() -> None:
    from perfbudget.cli.common import FORM_HELP
    from perfbudget.readers import FORMS

    for form in FORMS:
        if form not in ("ole", "zip"):  # containers that are refused with their reason, not forms to choose
            assert form in FORM_HELP, form


def test_no_heavy_library_is_imported_with_the_cli() -> None:
    """Commands import databases, web and office libraries inside themselves: start-up stays short."""
    heavy = ("sqlalchemy", "alembic", "fastapi", "openpyxl", "docx", "pdfplumber", "bs4", "jinja2")
    code = f"import sys, perfbudget.cli; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("args", "told"), [
    (["review", "--bogus"], "错误：没有选项 --bogus"),
    (["show"], "错误：缺少参数 '项目'"),
    (["review", "--jobs", "abc", "x"], "错误：'--jobs' 的值无效：应为整数"),
    (["list", "projects", "--page", "0"], "错误：'--page' 的值无效：应不小于 1"),
    (["list", "bogus"], "「bogus」不在可选值"),
    # Click's English until replay-t
    (["list"], "错误：缺少参数 '种类'（可选：units、projects、queue、evaluations、indicators）"),
    (["review", "a", "b", "c"], "错误：多余的参数：b c"),
    (["db", "bogus"], "错误：没有命令 'bogus'"),
    (["library", "rebuild"], "错误：没有命令 'rebuild'（可能想用：'build'）"),
    (["serve", "--port", "99999"], "错误：'--port' 的值无效：应不大于 65535"),
    (["serve", "--workers", "0"], "错误：'--workers' 的值无效：应不小于 1"),
    (["monitor", "x"], "错误：缺少选项 '--actuals' / '-a'"),
    # 「(env var: 'PERFBUDGET_USER')」 in English after the name until faces44
    (["workflow", "1", "comment"], "错误：缺少选项 '--user'（或环境变量 PERFBUDGET_USER）"),
])
def test_usage_errors_are_told_in_chinese(args: list[str], told: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert told in result.output
    assert f"用法：perfbudget {args[0]}" in result.output and "查看帮助" in result.output
    assert "Error" not in result.output and "Usage" not in result.output


@pytest.mark.parametrize("kind", ["evaluation", "monitor"])
def test_template_help_gives_the_csv_header_it_writes(seed_path: Path, kind: str) -> None:
    """The help said the evaluation sheet has no 分值 column and the monitoring one has 得分 (found by replay-g)."""
    from perfbudget.cli.cmd_evaluate import template_command

    written = runner.invoke(app, ["template", str(seed_path), "--kind", kind])
    assert written.exit_code == 0
    header = written.output.lstrip("\ufeff").splitlines()[0]
    assert header in "".join((template_command.__doc__ or "").split())


def _command(path: list[str]) -> click.Command:
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


def _from_environment(command: click.Command) -> list[click.Parameter]:
    """The command's required parameters an environment variable may give."""
    return [param for param in command.params if param.required and param.envvar]


_ENVIRONMENT_COMMANDS = [path for path in _all_commands() if _from_environment(_command(path))]


def test_some_commands_take_a_required_parameter_from_the_environment() -> None:
    assert len(_ENVIRONMENT_COMMANDS) >= 2, _ENVIRONMENT_COMMANDS  # workflow's and desk's --user at least


@pytest.mark.parametrize("path", _ENVIRONMENT_COMMANDS, ids=" ".join)
def test_a_missing_parameter_with_an_environment_variable_is_told_in_chinese(path: list[str],
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command with a required parameter an environment variable may give (``--user``, PERFBUDGET_USER),
    run without it: Click named the variable in English (「缺少选项 '--user' (env var: 'PERFBUDGET_USER')」) until
    faces44."""
    command = _command(path)
    wanted = _from_environment(command)
    for param in wanted:
        for variable in [param.envvar] if isinstance(param.envvar, str) else param.envvar or []:
            monkeypatch.delenv(variable, raising=False)
    given = [value for param in command.params if param not in wanted and param.required
             for value in ([] if param.param_type_name == "argument" else [param.opts[0]]) + ["1"]]
    result = runner.invoke(app, [*path, *given])
    assert result.exit_code == 2, result.output
    assert "env var" not in result.output and "环境变量" in result.output, result.output


def test_a_missing_option_of_several_environment_variables_names_each_in_chinese() -> None:
    """Click lists an option's environment variables each quoted (「(env var: 'PB_A', 'PB_B')」): the list stayed in
    English until faces44's mend."""
    import click

    from perfbudget.cli.usage_text import chinese_message

    option = click.Option(["--user"], required=True, envvar=["PB_A", "PB_B"], show_envvar=True)
    said = click.MissingParameter(ctx=None, param=option).format_message()  # Click's own words
    assert chinese_message(said) == "缺少选项 '--user'（或环境变量 PB_A、PB_B）", said


def test_an_unknown_usage_error_keeps_its_words() -> None:
    from perfbudget.cli.usage_text import chinese_message

    assert chinese_message("Something new went wrong.") == "命令用法有误：Something new went wrong."
    assert chinese_message("Invalid value for '--x': a new detail") == "'--x' 的值无效：a new detail"


def test_a_usage_error_in_a_real_process_is_chinese_on_stderr(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "perfbudget", "list", "projects", "--page", "12x"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "错误：'--page' 的值无效：应为整数" in result.stderr and "perfbudget list [选项]" in result.stderr


@pytest.mark.parametrize("reference", ["9" * 20, "²"])
def test_a_project_number_no_database_can_hold_is_not_found(tmp_path: Path, seed_path: Path, reference: str) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", db]).exit_code == 0
    for args in (["show", reference], ["history", reference], ["reviews", reference], ["library", "show", reference]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 1 and "没有" in result.output, (args, result.output)
        assert isinstance(result.exception, SystemExit), (args, result.exception)
    shown = runner.invoke(app, ["reviews", "1", "--show", "9" * 20, "--db", db])
    assert shown.exit_code == 2 and "'--show' 的值无效" in shown.output


@pytest.mark.parametrize("command", ["review", "template", "evaluate", "monitor"])
def test_the_argument_help_says_a_name_is_looked_up_in_the_database(command: str) -> None:
    """Since 2026-12-04 an argument that is no file is a stored project without --db: the help said a project
    only 「使用数据库（--db…）时」 until then."""
    output = runner.invoke(app, [command, "--help"]).output
    assert "不是文件时" in "".join(output.split()), output
