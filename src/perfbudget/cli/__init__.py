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
    app()
