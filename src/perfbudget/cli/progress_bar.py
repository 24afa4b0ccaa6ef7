"""The progress bar of a command's long work, on stderr and on a terminal only (a pipe, a file or a log gets the
command's own lines alone): what it is doing in Chinese, a bar, done of total and the time left.

``with steps_bar() as steps:`` gives ``steps(step, done, total)``, the use cases' way of telling how far they are
(:data:`perfbudget.steps.Steps`): a step whose total is not known yet (``None``) shows a moving bar. ``perfbudget
db backup``, ``db restore``, ``publish``, ``export`` and ``desk opinion --unit`` had none until faces45, and said
nothing for the minutes a store of gigabytes or a unit of thousands of projects takes; ``library build`` has used it
since (its own bar drew on a pipe or a log too), and ``list --output`` and ``serve``'s review of what an import
left unreviewed draw theirs with it. ``review`` (个指标 after its count) and ``import`` (the file being read) keep
their own columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from perfbudget.cli.common import err
from perfbudget.steps import Steps


@contextmanager
def steps_bar(shown: bool = True) -> Iterator[Steps]:
    """A bar told by ``steps(step, done, total)``; ``shown`` False (``--json``, a short job): no bar at all."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=err, transient=True, disable=not shown or not err.is_terminal)
    with bar:
        task = bar.add_task("", total=None)
        current: list[str] = []

        def steps(step: str, done: int, total: int | None) -> None:
            if current != [step]:  # a new step starts its own count (and its own time left), shown at once
                current[:] = [step]
                bar.reset(task, total=total, description=step)
                bar.update(task, completed=done, total=total, refresh=True)
                return
            bar.update(task, completed=done, total=total)

        yield steps
