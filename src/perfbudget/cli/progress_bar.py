"""The progress bar of a command's long work, on stderr and on a terminal only (a pipe, a file or a log gets the
command's own lines alone): what it is doing in Chinese, a bar, done of total with what is counted, the time left and
what it is on now.

``with steps_bar() as steps:`` gives ``steps(step, done, total)``, the use cases' way of telling how far they are
(:data:`perfbudget.steps.Steps`): a step whose total is not known yet (``None``) shows a moving bar. ``counted`` names
what the count counts (「个指标」 after ``review``'s 3/10), ``steps.now(text)`` what the work is on (the file ``import``
is reading), shown last. Every bar of every command is this one, drawn alike (faces46): ``review`` and ``import`` kept
bars of their own beside it until then, and ``unit merge`` and ``library export`` had none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from perfbudget.cli.common import err

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class ShownSteps:
    """``steps(step, done, total)`` drawn on the bar (:data:`perfbudget.steps.Steps`), and ``now(text)``."""

    def __init__(self, bar: Progress, task: TaskID) -> None:
        self._bar, self._task = bar, task
        self._step: str | None = None
        self.drawn = not bar.disable  # on a terminal, not turned off (``import`` prints a line a file when it is not)

    def __call__(self, step: str, done: int, total: int | None) -> None:
        if step != self._step:  # a new step starts its own count (and its own time left), shown at once
            self._step = step
            self._bar.reset(self._task, total=total, description=step)
            self._bar.update(self._task, completed=done, total=total, refresh=True)
            return
        self._bar.update(self._task, completed=done, total=total)

    def now(self, text: str) -> None:
        """What the work is on now (a file's name), shown after the time left."""
        self._bar.update(self._task, now=text)


@contextmanager
def steps_bar(shown: bool = True, counted: str = "") -> Iterator[ShownSteps]:
    """A bar told by ``steps(step, done, total)``; ``shown`` False (``--json``, a short job): no bar at all.
    ``counted`` (「个文件」, 「个指标」) follows the count."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    if counted:
        columns.append(TextColumn(counted))
    bar = Progress(*columns, TimeRemainingColumn(), TextColumn("{task.fields[now]}"), console=err, transient=True,
                   disable=not shown or not err.is_terminal)
    with bar:
        yield ShownSteps(bar, bar.add_task("", total=None, now=""))
