"""A command whose output its reader stopped reading (``perfbudget list projects | head``, a pager quit early).

Python ignores SIGPIPE, so a write to a closed pipe raises :class:`BrokenPipeError`: Rich's consoles then ended the
command with exit code 1, Click's own handler too, and a later flush of ``sys.stdout`` printed 「Exception ignored …
BrokenPipeError」 (found by replay-z; exit code 1 reads as the command's own failure, 「有错误级别的审核意见」 for
``review``). The command line's convention is a Unix tool's: the rest of the output goes nowhere, nothing is said on
stderr, and the command ends with :data:`EXIT_CODE` (128 + SIGPIPE, what a shell reports for a tool killed by the
signal: ``yes | head`` under ``set -o pipefail``)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

EXIT_CODE = 128 + signal.SIGPIPE  # 141


def end_quietly() -> NoReturn:
    """Point standard output at the null device (the interpreter's last flush writes there, not into the closed
    pipe) and end with :data:`EXIT_CODE`."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
    raise SystemExit(EXIT_CODE)


@contextmanager
def quiet_on_closed_pipe() -> Iterator[None]:
    """Around a command: a write to a reader that went away ends it quietly (:func:`end_quietly`)."""
    try:
        yield
    except BrokenPipeError:
        end_quietly()
