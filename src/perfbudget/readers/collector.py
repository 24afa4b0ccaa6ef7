"""The cyclic garbage collector held off while a reader builds a file's records.

A text file of ten tables makes some 2,500 objects (sources, cells, indicators, their dicts); every
700 allocations the collector walks the young ones, and the records that survive a pass are walked
again in the older generations, though they form no cycles (refcounting frees them). Holding the
collector off for the read saves about 4 % of the text reader's instructions
(bench/README.md, reader-speed8). It is switched back on as it was found: :func:`pause` and
:func:`resume` count the reads in progress (threads of the web app may read at the same time), the
first pause remembers whether it was on, and the last resume restores that. A collection runs as
usual at the next allocations after the read.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_reads = 0  # reads in progress
_was_enabled = False  # whether the collector was on when the first of them began


def pause() -> None:
    """Hold the collector off (call :func:`resume` afterwards, in a ``finally``)."""
    global _reads, _was_enabled
    with _lock:
        if _reads == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _reads += 1


def resume() -> None:
    """End one :func:`pause`; the last one switches the collector back on if it was on before."""
    global _reads
    with _lock:
        _reads -= 1
        if _reads == 0 and _was_enabled:
            gc.enable()
