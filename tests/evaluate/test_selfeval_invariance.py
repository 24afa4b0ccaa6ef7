"""The edits a person makes to a 自评表 change neither its reading nor its score: ``bench/selfeval_invariance.py``
on a few corpus tables of different layouts (kinds40; the bench runs every 自评, 监控 and 区域 table read right)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from perfbudget.load import load_path
from tests.conftest import ROOT

# scored tables and refused ones, space cells, pipes, glued, Word and sheet renderings, a 区域 and a 部门整体 table
TABLES = ("08_anhui-chuzhou-tianchang", "129_yunnan-baoshan-longyang", "174_hainan-nongken", "s12_hebei-langfang",
          "69_hubei-huanggang-shuitubaochi", "r150_shanghai-putuo", "120_anhui-huangshan-xiuning",
          "r102_shanxi-jishan", "159_anhui-luan-huoshan")


def _bench(name: str = "selfeval_invariance") -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("table", TABLES)
def test_a_corpus_table_retyped_and_edited_reads_and_scores_the_same(table: str) -> None:
    bench = _bench()
    found = bench.right_tables([table])
    assert len(found) == 1, found
    name, path = found[0]
    document = load_path(path).document
    assert document is not None
    outcomes = [bench.check_project(name, document, project, str(path))
                for project in document.projects if project.indicators]
    assert outcomes and all(outcome.faithful for outcome in outcomes)
    assert [d for outcome in outcomes for d in outcome.differences] == []
    assert all(outcome.edits == len(bench.EDITS) for outcome in outcomes)
