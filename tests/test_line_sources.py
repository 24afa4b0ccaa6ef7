"""model.LineSources: an indicator's per-field sources kept as a file and a first line, made when asked."""

from __future__ import annotations

import pickle

import pytest

from perfbudget.model import Indicator, LineSources, Source
from perfbudget.readers.text import read_text
from perfbudget.target import parse_target

FIELDS = ("level1", "level2", "level3", "description", "target")
AS_DICT = {name: Source("a.txt", 7 + k) for k, name in enumerate(FIELDS)}


def test_it_reads_as_the_dict_it_stands_for() -> None:
    sources = LineSources("a.txt", 7, FIELDS)
    assert sources == AS_DICT and AS_DICT == sources and dict(sources) == AS_DICT  # noqa: SIM300 (both sides asked)
    assert sources != {**AS_DICT, "target": Source("a.txt", 99)}
    assert list(sources) == list(FIELDS) and len(sources) == 5
    assert "target" in sources and "weight" not in sources
    assert sources["level3"] == Source("a.txt", 9) and type(sources["level3"]) is Source
    assert sources.get("target") == Source("a.txt", 11) and sources.get("weight") is None
    assert list(sources.values()) == list(AS_DICT.values()) and list(sources.items()) == list(AS_DICT.items())
    assert repr(sources) == repr(AS_DICT)
    assert sources == LineSources("a.txt", 7, FIELDS) and sources != LineSources("a.txt", 8, FIELDS)
    with pytest.raises(KeyError):
        sources["weight"]
    with pytest.raises(TypeError):
        hash(sources)


def test_it_pickles_and_an_indicator_holding_it_too() -> None:
    sources = LineSources("a.txt", 7, FIELDS)
    again = pickle.loads(pickle.dumps(sources))
    assert type(again) is LineSources and again == AS_DICT
    indicator = Indicator("产出指标", "数量指标", "培训人次", None, parse_target("≥100人次"),
                          source=Source("a.txt", 7), sources=sources)
    copied = pickle.loads(pickle.dumps(indicator))
    assert copied == indicator and copied.sources == AS_DICT and copied.source == Source("a.txt", 7)


def test_the_one_pass_path_gives_each_cell_its_line() -> None:
    text = ("\t项目名称\n\t培训项目\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\n"
            "\t产出指标\n\t数量指标\n\t培训人次\n\t培训的人次\n\t≥100人次\n")
    document, _ = read_text(text, "a.txt")
    assert document is not None
    indicator = document.projects[0].indicators[0]
    assert isinstance(indicator.sources, LineSources)  # (the one-pass path took it)
    assert indicator.sources == {name: Source("a.txt", 10 + k) for k, name in enumerate(FIELDS)}
    assert indicator.source == Source("a.txt", 10)
