"""The hand-keyed corpus of real published tables (tests/fixtures/real/corpus) and its scorer.

Every answer key must be valid and point at its table; the corpus must keep its breadth;
no table may read worse than RATCHET.json records (right rows, names, budgets at least;
wrong rows at most); and the reader's totals over the whole corpus must not fall below the
floor measured when the corpus was last extended. Both are ratchets: raise them whenever the
reader improves (the issue's goal is recall ≥ 90% and precision ≥ 97%), never lower them to
make a reader change pass. The scorer itself is checked on small inline cases.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

# Measured 2026-12-03 with bench/real_tables.py on 73 keys (15 tables from units and provinces not seen
# before added that day): recall 87.4%, precision 99.1%, reader at 1a65dcc (85.7% / 98.0% when they were
# added); then 88.4% / 99.1% once tables in traditional characters were read converted, 89.3% / 99.1% with
# the Yunnan two-row header spread; rounded down. Precision 463/466 = 0.9936 once a line-cells page that stops
# inside its last cell is read as cut there (main), 463/465 = 0.9957 once a target that is only a comparison
# sign is no target (corpus6, 75 keys): floor 0.995. With 78 keys (corpus7: three tables added, a pipe cell
# with a line break read as one cell) 473/526 = 0.8992 and 473/475 = 0.9958; with table 25's headerless glued
# rows read, 477/526 = 0.9068 and 477/479 = 0.9958: recall floor 0.90.
# With 86 keys (corpus8: eight Office/PDF/HTML renderings) 555/604 = 0.9189 and 555/557 = 0.9964: recall
# floor 0.91.
# With 92 keys (corpus9: six more renderings; a 中期-only row of a grid is no 年度 indicator, a PDF's unit line
# and repeated heading row) 616/665 = 0.9263 and 616/618 = 0.9968: floors 0.92 and 0.996.
# With 96 keys (corpus10: tables 65–68 added, 5 indicators all missed; the old Fujian form of 58 read)
# 620/670 = 0.9254 and 620/622 = 0.9968: floors unchanged.
# With 102 keys (render10: ten more renderings; Word layout tables and tracked changes, HTML source line breaks
# and .mht, (50分) 一级 cells, cut level labels) 696/745 = 0.9342 and 696/698 = 0.9971: recall floor 0.93.
# Both merged (106 keys): 700/750 = 0.9333 and 700/702 = 0.9972.
# With 107 keys (corpus11: table 69, a glued self-evaluation whose rows run together, read) 705/755 = 0.9338 and
# 705/707 = 0.9972: floors unchanged; with table 68's table glued into prose read, 710/755 = 0.9404 and
# 710/712 = 0.9972: recall floor 0.94.
# With 112 keys (corpus12: tables 71–74; a 符号 | 单位 sub-row spread in space cells, 项目资金总额 / 年度资金申请总额,
# 金额单位: | 万元) 729/774 = 0.9419 and 729/731 = 0.9973: floors unchanged.
# With 118 keys (corpus13: tables 75–80, a notice's targets written as sentences read by their hints, a glued
# header's 区域 label) 738/784 = 0.9413 and 738/740 = 0.9973: floors unchanged.
# With 124 keys (corpus14: tables 81–86, first run blind 748/801 = 0.9338; bare first-cell pipe rows, 环境效益 as a
# 二级, a lone cell written as a whole row not joined) 753/801 = 0.9401 and 753/755 = 0.9974: floors unchanged.
# With 127 keys (corpus15b: tables 93–95, first run blind 762/815 = 0.9350; a row whose empty last cell the page
# dropped) 763/815 = 0.9362 and 763/765 = 0.9974: UNDER the recall floor by table 94's four glued rows, left refused
# (FAILURES.md S); the floor is not lowered.
# With 133 keys (corpus15 and corpus15b merged: tables 87–95; one cell a line with no row ends, level names
# wrapped over two rows, glued rows run together) 786/833 = 0.9436 and 786/788 = 0.9975: back over the floor,
# floors unchanged.
# With 137 keys (corpus16: tables 96–99, first run blind 795/842 = 0.9442; a glued form cut before its indicators
# read for its header block, 长远/深远 as glued targets) 796/842 = 0.9454 and 796/798 = 0.9975: recall floor 0.945.


# With 139 keys (corpus16b: tables 102–105 and renderings r63–r64, first run blind 792/845 = 0.9373; glued
# self-evaluations with the 分值 before the target, glued funds rows checked by their rate) 816/860 = 0.9488 and
# 816/818 = 0.9976: recall floor 0.945.
# With both merged (143 keys) 826/869 = 0.9505 and 826/828 = 0.9976.
# With 152 keys (corpus17: tables 106–111 and renderings r65–r67, first run blind 106–109 21/21/21, 110–111 18/18/14; a
# budget label and its amount in one cell, a cost target giving the missing money unit, side-by-side sets' rows without
# their merged cells, a PDF heading of two rows repeated) 885/928 = 0.9537 and 885/887 = 0.9977: floors unchanged (the
# other corpus helper adds tables at the same time).
# With 163 keys (corpus18: tables 114–116 and renderings r73–r75, first run blind 17/19/15 for the new tables;
# a 三级 named like a 二级 after the row's 二级 in one-cell-a-line rows, a bare number in the 三级 cell, a cell of
# funds lines, a last pipe row closed after its value) 941/989 = 0.9515 and 941/943 = 0.9979: floors unchanged.
# With 192 keys (corpus20: tables 132–137 and renderings r85–r87, first run blind 1034/1099 = 0.9409 and
# 1034/1049 = 0.9857, under both floors by 133 alone; the central investment form's 过程管理指标 group one cell a
# paragraph, a 级指标 header cell) 1074/1129 = 0.9513 and 1074/1076 = 0.9981: floors unchanged.
# With 224 keys (corpus23: tables 159–162 and renderings r102–r104, first run blind 1125/1194 = 0.9422) 1133/1202 =
# 0.9426 and 1133/1135 = 0.9982: under the recall floor by 160's six rows (an xlsx preview glued in drawing order, the
# last three rows' values before their names: refused with its located error) and 161's two (a Jiangsu 目标名称 |
# 目标值 | 评价指标 form one cell a line, no 一级/二级/三级 columns: refused), left (FAILURES.md AN). With layouts23's
# r105–r109 (51/51) as well, 229 keys: 1184/1253 = 0.94493, under 0.945 by less than a row, main's reader giving the
# same figures table by table. The whole corpus's ratio moves with the tables added (hard ones lower it with no
# reader change), so from here the ratchet is per table (RATCHET.json, `bench/real_tables.py --write-ratchet`: no
# table may read fewer right rows, names or budgets, or more wrong rows, than recorded), and the whole corpus's recall
# floor is the measured 0.944.
# With 240 keys (reading25: glued self-evaluations without 分值/得分 columns, `32` 10 of 15) 1257/1316 = 0.9552 and
# 1257/1259 = 0.9984: recall floor 0.95.
# A ratchet: raise these as the reader improves (goal: 0.90 / 0.97); never lower them to let a reader change pass.
RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.996


def _scorer() -> ModuleType:
    name = "bench_real_tables"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "real_tables.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


KEYS = sorted((ROOT / "tests" / "fixtures" / "real" / "corpus").glob("*.expected.json"))


def test_corpus_is_present_and_broad() -> None:
    scorer = _scorer()
    paths = scorer.key_paths()
    keys = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    real = {k["source"] for k in keys}  # renderings share their table's source
    assert len(real) >= 40
    assert len({k["province"] for k in keys if not k["province"].startswith("不明")}) >= 12
    assert {k["kind"] for k in keys} == {"target", "self-evaluation"}
    forms = {scorer.table_path(p, k).suffix for p, k in zip(paths, keys, strict=True)}
    assert {".txt", ".docx", ".xlsx", ".html", ".pdf"} <= forms
    # both indicator frameworks: 成本指标 as a 二级 (2015) and as a 一级 (2021)
    level1s = {i["level1"] for k in keys for p in k["projects"] for i in p["indicators"]}
    level2_cost = any(i["level2"] == "成本指标" for k in keys for p in k["projects"] for i in p["indicators"])
    assert "成本指标" in level1s and level2_cost


@pytest.mark.parametrize("key_path", KEYS, ids=[p.name.removesuffix(".expected.json") for p in KEYS])
def test_answer_key_is_valid(key_path: Path) -> None:
    scorer = _scorer()
    key = json.loads(key_path.read_text(encoding="utf-8"))
    assert scorer.validate_key(key, key_path.name) == []
    table = scorer.table_path(key_path, key)
    assert table is not None and table.exists(), f"no table beside {key_path.name}"
    if sum(len(p["indicators"]) for p in key["projects"]) == 0:  # cut before any indicator
        assert "cut" in key["notes"].lower() or "stops" in key["notes"], key_path.name


def test_corpus_totals_do_not_fall_below_the_floor() -> None:
    scorer = _scorer()
    scores = [scorer.score_table(p) for p in scorer.key_paths()]
    totals = scorer.totals(scores)
    assert totals["expected"] > 300
    assert totals["recall"] >= RECALL_FLOOR, totals
    assert totals["precision"] >= PRECISION_FLOOR, totals
    # Table by table: no table reads worse than RATCHET.json records (and every table is recorded).
    recorded = json.loads(scorer.RATCHET.read_text(encoding="utf-8"))
    assert scorer.ratchet_faults(scores, recorded) == []
    assert {s.file for s in scores} == set(recorded), "new keys: `bench/real_tables.py --write-ratchet`"


def test_the_ratchet_tells_a_table_read_worse() -> None:
    scorer = _scorer()
    score = scorer.TableScore("01_x", "target", "测试", expected=5, read=4, right=3, projects_expected=1,
                              names_right=1, budgets_right=0)
    recorded = {"01_x": {"right": 4, "wrong": 0, "names": 1, "budgets": 0}}
    assert scorer.ratchet_faults([score], recorded) == ["01_x: right 4 → 3, wrong 0 → 1"]
    assert scorer.ratchet_faults([score], {"01_x": {"right": 3, "wrong": 1, "names": 1, "budgets": 0}}) == []


def test_scorer_normalises_only_trivial_differences() -> None:
    scorer = _scorer()
    row = scorer.norm_row
    assert row("产出指标(50分)", "数量 指标", "★★★1.发放人数(≥**人)", "≥ 95 %") == row(
        "产出指标", "数量指标", "发放人数", "≥95%")
    assert row("产出指标", "数量指标", "a", "大于等于98%") == row("产出指标", "数量指标", "a", "≥98%")
    assert row("产出指标", "数量指标", "a", ">=98%") == row("产出指标", "数量指标", "a", "≧98%")
    assert row("产出指标", "数量指标", "a", "=100%") == row("产出指标", "数量指标", "a", "100%")
    # strict on the value itself: a score merged into the value, a lost sign, another unit
    assert row("产出指标", "数量指标", "a", "84") != row("产出指标", "数量指标", "a", "8")
    assert row("产出指标", "数量指标", "a", "98%") != row("产出指标", "数量指标", "a", "≥98%")
    assert row("产出指标", "数量指标", "a", "10") != row("产出指标", "数量指标", "a", "")
    assert row("效益指标", "数量指标", "a", "1") != row("产出指标", "数量指标", "a", "1")


def test_scorer_counts_a_refused_file_as_nothing_read(tmp_path: Path) -> None:
    scorer = _scorer()
    (tmp_path / "01_x.txt").write_text("这不是表格\n", encoding="utf-8")
    key = {"source": "https://example.org/1", "province": "测试", "kind": "target", "notes": "",
           "projects": [{"name": "测试项目", "budget": "1", "money_unit": "万元", "indicators": [
               {"level1": "产出指标", "level2": "数量指标", "level3": "发放人数", "target": "≥95%"}]}]}
    key_path = tmp_path / "01_x.expected.json"
    key_path.write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    score = scorer.score_table(key_path)
    assert (score.expected, score.read, score.right, score.status) == (1, 0, 0, "refused")
    assert score.recall == 0.0
