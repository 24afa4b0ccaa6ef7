"""What the lead's reread of the session's merged code (2efc9eca..c861aa8d) found, each test failing on the merged
code before its fix: a pattern of the review's backtracking exponentially, a saved review taking a deleted project's
review id, a writer crashing on an extra under an own column's header, a text of many 自评得分 lines read in
quadratic time, faults denied or handled read as faults, and the misfiled 一级 forgotten."""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.load import load_bytes
from perfbudget.model import Direction
from perfbudget.review import helpers
from perfbudget.target import parse_target
from perfbudget.writers.target_table_layout import indicator_columns
from tests.review.test_review_round22 import document, found, messages, row
from tests.web.conftest import WebEnv

runner = CliRunner()
OUT, SAT = "产出指标", "满意度指标"


def test_a_long_name_of_trend_words_that_is_not_all_aims_is_judged_at_once() -> None:
    # unit-mismatch's aims pattern repeated lazy clauses: 「优化」 × 40 then 「了」 under 100 % took some ten seconds
    # (× 1.5 a repeat); one name of a hundred characters, minutes
    doc = document(row(OUT, "质量指标", "优化" * 40 + "了", "100%"))
    started = time.process_time()
    said = messages(doc, "unit-mismatch")
    assert time.process_time() - started < 1.0
    assert said and "是工作目标" not in said[0]
    # (aims are still told: clauses joined by 、 or 和)
    for aims in ("教学质量提高、办学条件改善", "服务水平提升和管理能力增强"):
        assert "是工作目标，不是比率" in messages(document(row(OUT, "质量指标", aims, "=100%")), "unit-mismatch")[0]


def test_the_misfiled_level1_is_still_told_after_many_others(monkeypatch: pytest.MonkeyPatch) -> None:
    # the pairs moved to their 二级's 一级 were kept in a set cleared at FACTS_LIMIT, while the look-up that added
    # them was cached: once cleared, a pair seen before was never told again in the process
    monkeypatch.setattr(helpers, "FACTS_LIMIT", 1)
    first = document(row("项目决策", "数量指标", "宣传次数", "≥2次"))
    second = document(row("项目管理", "质量指标", "验收合格率", "100%"))
    assert found(first, "level-not-in-framework") == [1]
    assert found(second, "level-not-in-framework") == [1]
    assert found(first, "level-not-in-framework") == [1]


def test_a_target_table_with_an_extra_under_a_column_it_does_not_draw_is_laid_out() -> None:
    # an extra whose header names an indicator's own field (实际完成值, 分值) in a table that draws no such column:
    # print33's placing of an earlier period's set raised StopIteration, every download of the project a 500
    doc = document(replace(row(OUT, "数量指标", "培训人数", "≥500人"), extras=(("实际完成值", "520人"),)))
    columns = indicator_columns(doc, doc.projects[0])
    assert columns[-1] == ("实际完成值", "extra:实际完成值")


def test_many_score_lines_after_a_table_row_are_read_in_linear_time() -> None:
    # each 自评得分 line looked at every row of its table for a 三级 header, then became a row of it: N rows and
    # N lines, N² looks (4,000 of each: 5.5 s)
    def cost(lines: int) -> float:
        text = "年初预算数\t全年预算数\t全年执行数\n" + "甲\t乙\t丙\n" * lines + "自评得分：90分\n" * lines
        started = time.process_time()
        load_bytes(text.encode(), "自评表.txt")
        return time.process_time() - started

    cost(100)
    small, large = cost(1_000), cost(4_000)
    assert large < 8 * small + 0.3, (small, large)  # four times the lines: some sixteen times the time until now


@pytest.mark.parametrize(("raw", "name", "direction"), [
    ("100次无故障", "设备运行", Direction.POSITIVE), ("3起投诉处理", "群众诉求办理", Direction.POSITIVE),
    ("0起安全事故", "安全生产", Direction.REVERSE), ("0误差", "核算准确率", Direction.REVERSE)])
def test_a_unit_denying_or_handling_a_fault_does_not_count_faults(raw: str, name: str,
                                                                  direction: Direction) -> None:
    # reading37's fault units matched anywhere in the unit: 100次无故障 and 3起投诉处理 were read as ceilings
    target = parse_target(raw, name)
    assert target.value is not None and target.value == Decimal(raw[:raw.index(next(c for c in raw
                                                                                     if not c.isdigit()))])
    assert target.direction is direction


def test_a_review_saved_after_the_newest_project_was_deleted_takes_a_new_id(web: WebEnv, tmp_path: Path) -> None:
    # store.id_floors kept deleted projects' review ids from the importer's batches, but a review saved alone
    # (the web's 保存审核结果, `review --save`) took max(id) + 1: the deleted project's review id and its audit rows
    from perfbudget.store import Store

    store = Store(web.url)
    newest = max([*web.project_ids, web.other_project_id or 0])
    [version] = store.latest_versions(project_ids=[newest])
    taken = store.record_review(version.meta["version_id"], {"findings": []}, actor="admin")
    gone = runner.invoke(cli, ["project", "delete", str(newest), "--yes", "--user", "admin", "--db", web.url])
    assert gone.exit_code == 0, gone.output
    [other] = store.latest_versions(project_ids=[min(web.project_ids)])
    assert store.record_review(other.meta["version_id"], {"findings": []}, actor="admin") > taken
