"""The collector held off during a read and restored as it was found."""

from __future__ import annotations

import contextlib
import gc

from perfbudget.readers import collector
from perfbudget.readers.text import read_text


def test_a_read_leaves_the_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    read_text("\t项目名称\n\t某项目\n", "a.txt")
    assert gc.isenabled()
    gc.disable()
    try:
        read_text("\t项目名称\n\t某项目\n", "a.txt")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_pauses_switch_it_back_on_at_the_last() -> None:
    collector.pause()
    collector.pause()
    assert not gc.isenabled()
    collector.resume()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()


def test_a_failing_read_switches_it_back_on() -> None:
    with contextlib.suppress(AttributeError, TypeError):
        read_text(None, "a.txt")  # type: ignore[arg-type]
    assert gc.isenabled()
