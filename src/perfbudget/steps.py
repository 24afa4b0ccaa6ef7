"""How far a long piece of work is, told to whoever shows it (a progress bar on a terminal, nothing elsewhere).

``steps(step, done, total)``: the step in Chinese, how much of it is done and its total — ``None`` while not known
(a moving bar). The use cases (backup and restore, a unit's opinion, the writers of a file of many projects, the
library's build) take one, :func:`quiet_steps` when nobody watches; ``cli.progress_bar.steps_bar`` shows it.
"""

from __future__ import annotations

from collections.abc import Callable

Steps = Callable[[str, int, int | None], None]


def quiet_steps(_step: str, _done: int, _total: int | None) -> None:
    """Told nothing: the work of a face that shows no bar (the web, a test, a pipe)."""
    return None
