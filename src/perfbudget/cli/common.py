"""The Typer app and what every command shares: consoles, loading a file, printing problems."""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

import typer
from rich.console import Console, ConsoleDimensions
from rich.segment import Segment

from perfbudget import __version__
from perfbudget.cli.closed_pipe import end_quietly
from perfbudget.cli.usage_text import ChineseGroup
from perfbudget.load import LoadResult, load_path
from perfbudget.model import Problem
from perfbudget.plain_numbers import YEAR_MAX, YEAR_MIN
from perfbudget.readers import TEXT_LAYOUT_FORMS, choosable_forms

app = typer.Typer(
    name="perfbudget",
    help="perfbudget：预算绩效目标管理——读取、存储、审核、监控、自评打分与发布项目支出绩效目标表。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=ChineseGroup,
)

# Output that is not a terminal (``| less``, ``> file``) has no width to fit: Rich's default of 80 columns broke a
# table's rows over several lines there, so a finance officer's file of ``list projects`` had its names cut in pieces.
UNBOUNDED_WIDTH = 10_000


class WholeRowConsole(Console):
    """A console as wide as its terminal, and on a pipe or a file as wide as its widest row (``COLUMNS`` set by
    the user still wins): every table row printed on one line."""

    @property
    def size(self) -> ConsoleDimensions:
        dimensions = super().size
        if self.is_terminal:
            return dimensions
        columns = os.environ.get("COLUMNS", "")
        # read now, not when the console was made: Rich fixes a width found in the environment at its start
        width = int(columns) if columns.isdigit() else UNBOUNDED_WIDTH
        return ConsoleDimensions(width, dimensions.height)

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        """Every text the console writes with the characters a terminal acts on shown as escapes (line breaks and
        tabs kept: :func:`shown_name` with :data:`LINES`), its own styles and control codes left: a file's cell
        holding ESC sequences (an HTML page's ``&#27;[1A``, an xlsx's ``_x001B_``) moved the cursor, cleared the
        screen or set the window's title from the output of `perfbudget read` or `review` of it until attack40 (Rich
        strips BEL, BS, VT, FF and CR only). A file's name was escaped alone. The escapes are made after Rich measured
        the text: a table row holding such characters is wider than its column (hostile rows only)."""
        return super()._render_buffer(segment if segment.control or segment.text.isprintable()
                                      else Segment(shown_name(segment.text, LINES), segment.style)
                                      for segment in buffer)

    def on_broken_pipe(self) -> None:
        """Its reader went away (``| head``): the command ends quietly, exit code 141 (Rich's own ended it with
        exit code 1, a failure's; :mod:`perfbudget.cli.closed_pipe`)."""
        self.quiet = True
        end_quietly()


out = WholeRowConsole(soft_wrap=True)
err = WholeRowConsole(stderr=True, soft_wrap=True, highlight=False)

# Built from the readers' registry, so every form named here is accepted and every accepted form is named.
FORM_HELP = ("指定输入格式：" + "、".join(f for f in choosable_forms() if f not in TEXT_LAYOUT_FORMS)
             + "，或网页复制文本的版式 " + "、".join(TEXT_LAYOUT_FORMS) + "；不指定时按文件内容自动识别。")

def year_option(help: str) -> Any:
    """A ``--year`` option (none by default) of four digits."""
    return typer.Option(None, "--year", min=YEAR_MIN, max=YEAR_MAX, help=help)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"perfbudget {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本号并退出。"),
) -> None:
    """perfbudget：预算绩效目标管理。"""


# Characters a file's name may hold that a terminal would act on (ESC sequences, line breaks) or that turn
# the text around them (bidi controls such as U+202E): shown as escapes wherever the CLI prints a name.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown_name(text: str, keep: str = "") -> str:
    """A file name or location as the CLI prints it: control, line-separator and bidi characters as ``\\n``,
    ``\\x1b``, ``\\u202e`` (a name holding ESC could drive the terminal, one holding a newline could fake a
    line, U+202E turns the text around it); anything else (an ideographic space, CJK) as it is. ``keep``: characters
    left as they are (:data:`LINES`, the line breaks and tabs of the text the consoles write: a cell's lines)."""
    if not _BIDI.intersection(text) and (text.translate(dict.fromkeys(map(ord, keep))) if keep else text).isprintable():
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if _acts(ch) and ch not in keep else ch for ch in text)


LINES = "\n\t"  # what the consoles keep of a text's controls (shown_name's keep)


def _acts(ch: str) -> bool:
    return ch in _BIDI or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


# JSON text's characters a terminal acts on that json.dumps leaves as they are (it escapes those below U+0020 only)
_JSON_ACTING = re.compile("[\x7f-\x9f\u2028\u2029" + "".join(sorted(_BIDI)) + "]")


def stdout_writer(json_text: bool = False) -> Callable[[str], object]:
    """How a command writes a file's or the store's text to stdout itself, past the consoles (a CSV template, JSON):
    into a pipe or a file as it is, byte for byte; on a terminal (``isatty``) with the characters a terminal acts on
    as escapes — text as the consoles write it (:func:`shown_name` with :data:`LINES`), JSON's DEL, C1, line
    separators and bidi controls as ``\\u009b`` (the same JSON). Until attack40's second reading `perfbudget
    template` of an HTML page holding ``&#27;[2J`` cleared the screen, and `read --json` turned the text around a
    U+202E."""
    write = sys.stdout.write
    if not sys.stdout.isatty():
        return write
    if json_text:
        return lambda text: write(_JSON_ACTING.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    return lambda text: write(shown_name(text, LINES))


def print_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Problems on stderr as ``file:line: message``, errors first marked 错误, notes 提示."""
    from perfbudget.vocabulary import SEVERITY_LABELS as labels

    for problem in problems:
        err.print(f"{shown_name(str(problem.source))}: {labels[problem.severity]}：{problem.message}", markup=False)


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"错误：{message}", markup=False)
    raise typer.Exit(code)


def usage_fail(message: str) -> NoReturn:
    """A bad option value the command finds itself (a year 「abc」, a sort 「size」, a page over 1,000) told as Click
    tells its own (``--page abc``): the usage line, where the help is, 「错误：…」, and exit code 2, the code every
    command's help gives a usage error (「选项或参数不对」). Until replay-ab such values of ``list`` exited 1, a
    refusal's code, where ``--limit -1`` beside them exited 2."""
    import click

    from perfbudget.cli.usage_text import ChineseUsageError

    raise ChineseUsageError(message, ctx=click.get_current_context(silent=True))


# what to do about a file read with errors (a table cut short, a cell not read), said after the refusal
INCOMPLETE_HINT = "请按上面所列位置核对原文件（表格被截断时补全缺少的部分）后重试；perfbudget read 可查看已读出的内容"


def load_or_exit(path: str, form: str | None, allow_partial: bool = False, refused: str = "未输出结果") -> LoadResult:
    """Load a file; print its problems; exit 1 when nothing usable was read. ``refused`` says what the command
    did not do with a file read with errors (未导出: an export writes the whole table or nothing)."""
    result = load_path(path, form)
    print_problems(result.problems)
    if result.document is None or (result.errors and not allow_partial):
        if result.document is not None and result.errors:
            err.print(f"{shown_name(path)}: 读取不完整（{len(result.errors)} 个错误），{refused}。{INCOMPLETE_HINT}",
                      markup=False)
        raise typer.Exit(1)
    return result


def print_json(data: Any) -> None:
    stdout_writer(json_text=True)(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
