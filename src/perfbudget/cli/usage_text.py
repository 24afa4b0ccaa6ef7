"""The command-line framework's own words in Chinese: usage errors and the headings of ``--help``.

Typer (and the Click it is built on) writes ``Error: No such option: --x``, ``Usage:`` and
``Show this message and exit.`` in English. :class:`ChineseGroup`, the root command's class, turns
each usage error into :class:`ChineseUsageError` (the same exit code 2, shown as ``用法：`` /
``错误：…`` in Chinese) and gives every command a help formatter with Chinese headings. A message
this module does not know keeps its English detail after a Chinese lead, so nothing is lost.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from typing import IO, Any

import typer.core

from perfbudget.cli.closed_pipe import quiet_on_closed_pipe

# Typer ≥ 0.29 carries its own copy of Click (typer._click); older ones use click itself.
_click: Any = getattr(typer.core, "_click", None) or importlib.import_module("click")
_Abort: Any = getattr(typer.core, "Abort", None) or _click.exceptions.Abort

_SECTIONS = {"Arguments": "参数", "Options": "选项", "Commands": "命令"}
_HELP_ROWS = {"Show this message and exit.": "显示本帮助并退出。"}
_TYPE_WORDS = (("<int range>", "<整数>"), ("<int>", "<整数>"), ("<float>", "<数>"), ("<list[str]>", "<文字…>"),
               ("<str>", "<文字>"), ("<path>", "<路径>"))
_NOTE_WORDS = (("[default: ", "[默认："), ("[required]", "[必填]"), ("[env var: ", "[环境变量："),
               ("; default: ", "；默认："), ("; required]", "；必填]"))


# Line breaking by display width: a Chinese character takes two columns, and Click's wrapping counts
# characters (lines twice the terminal's width) and joins a docstring's lines with spaces.
_TOKEN = re.compile(r"[!-~]+|\s+|.", re.S)  # an ASCII word, a run of white space, or one other character
_NO_LINE_START = set("，。、；：？！）」』》〉】,.;:?!)")
_NO_LINE_END = set("（「『《〈【(")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (a Chinese character two)."""
    return sum(2 if _wide(c) else 1 for c in text)


def _joined(lines: list[str]) -> str:
    """A paragraph's source lines as one text: no space where a Chinese character meets a line break."""
    out = ""
    for line in (raw.strip() for raw in lines):
        if line:
            out += ("" if not out or _wide(out[-1]) or _wide(line[0]) else " ") + line
    return out


def wrapped(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` columns (an ASCII word is never split; a closing
    punctuation mark never starts a line: it takes the word or character before it along; an opening one
    never ends a line)."""
    lines: list[str] = []
    line: list[str] = []  # the tokens of the line being filled; spaces as " "
    used = 0
    for token in _TOKEN.findall(text):
        if token.isspace():
            if line and line[-1] != " ":
                line.append(" ")
                used += 1
            continue
        size = display_width(token)
        if used + size > width and any(t != " " for t in line):
            carry: list[str] = []
            if token in _NO_LINE_START and len([t for t in line if t != " "]) > 1 and line[-1] != " ":
                carry = [line.pop()]  # the mark goes down with what stands before it
                while carry[0] in _NO_LINE_START and len([t for t in line if t != " "]) > 1 and line[-1] != " ":
                    carry.insert(0, line.pop())  # 「一段）。」: the 。 takes the ） and what it closes (replay-y)
            elif line[-1] in _NO_LINE_END and len([t for t in line if t != " "]) > 1:
                carry = [line.pop()]  # an opening mark goes down with what it opens
            lines.append("".join(line).rstrip())
            line, used = carry, sum(display_width(t) for t in carry)
        line.append(token)
        used += size
    if any(t != " " for t in line):
        lines.append("".join(line).rstrip())
    return lines


def _replaced(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for english, chinese in pairs:
        text = text.replace(english, chinese)
    return text
_REQUIRED_ARGUMENT = re.compile(r"\{([^{}\s]+)\}")
_USAGE_WORDS = (("[OPTIONS]", "[选项]"), ("COMMAND [ARGS]...", "命令 [参数]..."), ("[ARGS]...", "[参数]..."))

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _rules(*pairs: tuple[str, Callable[[re.Match[str]], str]]) -> tuple[_Rule, ...]:
    return tuple((re.compile(pattern, re.S), build) for pattern, build in pairs)


# What a value was found wrong for (the detail after "Invalid value for '--x': ").
_DETAILS = _rules(
    (r"Input should be a valid integer.*", lambda m: "应为整数"),
    (r"Input should be a valid number.*", lambda m: "应为数字"),
    (r"Input should be a valid boolean.*", lambda m: "应为是或否"),
    (r"Input should be greater than or equal to (?P<n>\S+)", lambda m: f"应不小于 {m['n']}"),
    (r"Input should be less than or equal to (?P<n>\S+)", lambda m: f"应不大于 {m['n']}"),
    (r"Input should be greater than (?P<n>\S+)", lambda m: f"应大于 {m['n']}"),
    (r"Input should be less than (?P<n>\S+)", lambda m: f"应小于 {m['n']}"),
    (r"(?:Value error, )?'?(?P<v>.*?)'? is not one of (?P<c>.*?)\.?",
     lambda m: f"「{m['v']}」不在可选值 {m['c']} 之中"),
    (r"'?(?P<v>.*?)'? is not a valid integer(?: range)?\.?", lambda m: f"「{m['v']}」不是整数"),
    (r"'?(?P<v>.*?)'? is not a valid float(?: range)?\.?", lambda m: f"「{m['v']}」不是数字"),
    (r"(?P<v>\S+) is not in the range (?P<r>.+?)\.?", lambda m: f"{m['v']} 不在允许的范围 {m['r']} 之内"),
    (r"(?:File|Path|Directory) '?(?P<v>.*?)'? does not exist\.?", lambda m: f"「{m['v']}」不存在"),
)

# Whole messages of the usage errors.
_MESSAGES = _rules(
    (r"No such option: (?P<o>\S+)(?: \(Possible options: (?P<a>.+)\))?",
     lambda m: f"没有选项 {m['o']}" + (f"（可能想用：{m['a']}）" if m["a"] else "")),
    (r"No such option: (?P<o>\S+)\s+Did you mean (?P<a>.+?)\?",
     lambda m: f"没有选项 {m['o']}（可能想用：{m['a']}）"),
    # a missing choice: Click lists the choices after the name, one a line (English until replay-t)
    (r"Missing argument (?P<n>.+?)\.\s+Choose from:(?P<c>.*)",
     lambda m: f"缺少参数 {_named(m['n'])}（可选：{_choices(m['c'])}）"),
    (r"Missing (?:option|parameter) (?P<n>.+?)\.\s+Choose from:(?P<c>.*)",
     lambda m: f"缺少选项 {_named(m['n'])}（可选：{_choices(m['c'])}）"),
    (r"Missing argument (?P<n>.+?)\.", lambda m: f"缺少参数 {_named(m['n'])}"),
    (r"Missing (?:option|parameter) (?P<n>.+?)\.", lambda m: f"缺少选项 {_named(m['n'])}"),
    (r"Option (?P<o>'[^']+') requires an argument\.", lambda m: f"选项 {m['o']} 后面缺少它的值"),
    (r"Option (?P<o>'[^']+') requires (?P<k>\d+) arguments\.", lambda m: f"选项 {m['o']} 后面应有 {m['k']} 个值"),
    (r"Option (?P<o>'[^']+') does not take a value\.", lambda m: f"选项 {m['o']} 不带值"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<a>.*)\)", lambda m: f"多余的参数：{m['a']}"),
    (r"No such command (?P<n>.+?)\.\s+Did you mean (?P<a>.+?)\?",
     lambda m: f"没有命令 {m['n']}（可能想用：{m['a']}）"),
    (r"No such command (?P<n>.+?)\.", lambda m: f"没有命令 {m['n']}"),
    (r"Missing command\.", lambda m: "缺少命令"),
    (r"Invalid value for (?P<n>.+?): (?P<d>.*)", lambda m: f"{m['n']} 的值无效：{_detail(m['d'])}"),
    (r"Invalid value: (?P<d>.*)", lambda m: f"值无效：{_detail(m['d'])}"),
)


_ENV_VAR = re.compile(r" \(env var: (?P<e>[^)]+)\)")
_QUOTED = re.compile(r"'([^']*)'")


def _named(name: str) -> str:
    """A missing parameter's name as Click gives it, with the environment variables that could give it in Chinese:
    「'--user'（或环境变量 PERFBUDGET_USER）」 (「'--user' (env var: 'PERFBUDGET_USER')」 until faces44), a list of them
    (Click's 「'A', 'B'」, each quoted: a name may hold a comma) 「A、B」 (left in English until faces44's mend)."""
    return _ENV_VAR.sub(lambda m: f"（或环境变量 {'、'.join(_QUOTED.findall(m['e'])) or m['e']}）", name)


def _choices(listed: str) -> str:
    """Click's listed choices (「\n\tunits,\n\tprojects」) as one line: 「units、projects」."""
    return "、".join(choice.strip().rstrip(",") for choice in listed.split() if choice.strip(" ,"))


def _apply(rules: tuple[_Rule, ...], text: str) -> str | None:
    for pattern, build in rules:
        match = pattern.fullmatch(text.strip())
        if match:
            return build(match)
    return None


def _detail(text: str) -> str:
    return _apply(_DETAILS, text) or text


def chinese_message(message: str) -> str:
    """A usage error's message in Chinese; an unknown one is kept, after 「命令用法有误：」."""
    return _apply(_MESSAGES, message) or f"命令用法有误：{message}"


class ChineseHelpFormatter(_click.HelpFormatter):
    """Click's help formatter with Chinese headings, usage prefix and help-option text."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        # Typer writes a required argument as {名称}: shown bare, as Click does (an optional one stays [名称])
        args = _REQUIRED_ARGUMENT.sub(r"\1", _replaced(args, _USAGE_WORDS))
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def section(self, name: str) -> Any:
        return super().section(_SECTIONS.get(name, name))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [block.splitlines() for block in re.split(r"\n\s*\n", text.expandtabs()) if block.strip()]
        for number, lines in enumerate(paragraphs):
            if number:
                self.write("\n")
            if lines[0].strip() == "\b":  # Click's mark for a block kept as written
                self.write("".join(f"{indent}{line}\n" for line in lines[1:]))
            else:
                body = wrapped(_joined(lines), max(self.width - self.current_indent, 20))
                self.write("".join(f"{indent}{line}\n" for line in body))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_replaced(term, _TYPE_WORDS), _replaced(_HELP_ROWS.get(text, text), _NOTE_WORDS))
                for term, text in rows]
        if not rows:
            return
        first_col = min(max(display_width(term) for term, _ in rows), col_max) + col_spacing
        text_width = max(self.width - first_col - self.current_indent, 20)
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            lines = wrapped(_joined(text.splitlines()), text_width) if text else []
            if not lines:
                self.write("\n")
                continue
            if display_width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class ChineseContext(_click.Context):
    formatter_class = ChineseHelpFormatter


class ChineseUsageError(_click.exceptions.UsageError):
    """A usage error told in Chinese: the usage line, where to find help, and what is wrong."""

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        lines = []
        if ctx is not None:
            lines.append(ctx.get_usage())
            if ctx.command.get_help_option(ctx) is not None:
                lines.append(f"运行 {ctx.command_path} {ctx.help_option_names[0]} 查看帮助。")
            lines.append("")
        lines.append(f"错误：{self.message}")
        _click.echo("\n".join(lines), file=file, err=file is None, color=ctx.color if ctx is not None else None)


def _in_chinese(error: Exception) -> Exception:
    if not isinstance(error, _click.exceptions.UsageError) or isinstance(error, ChineseUsageError):
        return error
    if type(error).__name__ == "NoArgsIsHelpError":  # its message is the help itself
        return error
    return ChineseUsageError(chinese_message(error.format_message()), ctx=error.ctx)


def _chinese_help_everywhere(command: Any, path: str = "") -> None:
    """Every command's context speaks Chinese, and its help ends with its examples and exit codes
    (:mod:`perfbudget.cli.help_examples`)."""
    from perfbudget.cli.help_examples import epilog

    command.context_class = ChineseContext
    command.epilog = epilog(path)
    for name, sub in getattr(command, "commands", {}).items():
        _chinese_help_everywhere(sub, f"{path} {name}".strip())


class ChineseGroup(typer.core.TyperGroup):
    """The root command: Chinese help headings for every command, usage errors told in Chinese."""

    context_class = ChineseContext

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        _chinese_help_everywhere(self)
        try:
            with quiet_on_closed_pipe():  # ``--help | head``
                return super().make_context(*args, **kwargs)
        except Exception as error:
            translated = _in_chinese(error)
            if translated is error:
                raise
            raise translated from error

    def invoke(self, ctx: Any) -> Any:
        try:
            with quiet_on_closed_pipe():  # ``| head``: Click's own handler ended it with exit code 1
                return super().invoke(ctx)
        except (_Abort, EOFError) as error:  # end of input at a prompt: Click would say "Aborted!"
            _click.echo("\n已中止（没有读到输入）。", err=True)
            raise typer.Exit(1) from error
        except KeyboardInterrupt as error:  # Ctrl+C (or SIGTERM while serve starts): "Aborted!" until replay-y
            _click.echo("\n已中止。", err=True)
            raise typer.Exit(130) from error
        except Exception as error:
            translated = _in_chinese(error)
            if translated is error:
                raise
            raise translated from error
