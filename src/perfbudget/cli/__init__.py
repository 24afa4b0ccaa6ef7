"""The command line: a thin Typer face over the core library.

Commands live in ``cli/cmd_*.py`` modules, each registering on :data:`app`; they are
discovered here so that adding a command touches no shared file. Heavy imports
(database, web, office formats) happen inside the commands, never at import time.
"""

from __future__ import annotations

import importlib
import pkgutil

from perfbudget.cli.common import app

__all__ = ["app", "main"]


def _register_commands() -> None:
    package = __name__
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("cmd_"):
            importlib.import_module(f"{package}.{module.name}")


_register_commands()


def main() -> None:
    try:
        app()
    except UnicodeEncodeError as error:
        _not_text(error)


def _not_text(error: UnicodeEncodeError) -> None:
    """A command-line value that is not UTF-8 text (a file name, a unit code typed in another encoding): Python
    holds its bytes as lone surrogates, which neither the database nor the terminal takes; a traceback until
    2026-12-05 (found by attack17). Named, escaped, with exit code 1; anything else is raised as it was."""
    import sys

    from perfbudget.cli.common import err

    if error.reason != "surrogates not allowed":
        raise error
    odd = [arg for arg in sys.argv[1:] if any("\udc80" <= c <= "\udcff" for c in arg)]
    named = "、".join(f"「{arg.encode('utf-8', 'surrogateescape').decode('utf-8', 'backslashreplace')}」"
                      for arg in odd) or "（输入中）"
    err.print(f"错误：参数{named}含有不是 UTF-8 编码的字节，无法处理：请用 UTF-8 编码的文件名和文字", markup=False)
    raise SystemExit(1)
