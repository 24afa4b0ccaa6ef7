"""below-peers and below-last-year against a real store's library: flags, near-misses, too few peers."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.interchange import dumps
from perfbudget.library.peers import StorePeers, name_stem, using
from perfbudget.model import Document
from perfbudget.review.engine import review_document
from perfbudget.store import Store
from tests.library.conftest import document, import_units, project

QTY = ("产出指标", "数量指标")
TIME = ("产出指标", "时效指标")
COST = ("产出指标", "成本指标")
RULES = frozenset({"below-peers", "below-last-year"})


def _peer_rows(i: int) -> list[tuple[str, str, str, str]]:
    # 养护道路里程 ≥ 20..29 公里 (p10 = 20.9); 维修响应时间 ≤ 10..19 小时 (p90 = 18.1)
    return [(*QTY, "养护道路里程", f"≥{20 + i}公里"), (*TIME, "维修响应时间", f"≤{10 + i}小时"),
            (*COST, "养护成本", f"≤{100 + i}万元")]


def _review(store: Store, doc: Document) -> list[str]:
    with using(StorePeers(store)):
        report = review_document(doc, only=RULES)
    return [f"{f.rule}:{f.indicator}:{f.message}" for f in report.findings]


def _candidate(rows: list[tuple[str, str, str, str]], name: str = "道路养护项目", year: int = 2024) -> Document:
    return document("700001", "被审核单位", project(name, rows, year))


def test_below_peers_flags_a_target_below_p10_and_writes_the_comparison(store: Store) -> None:
    import_units(store, 10, _peer_rows)
    found = _review(store, _candidate([(*QTY, "养护道路里程（公里）", "≥12公里"), (*TIME, "维修响应时间", "≤48小时")]))
    assert len(found) == 2
    assert found[0].startswith("below-peers:1:")
    assert "同类指标 10 个单位" in found[0] and "中位数为 24.5公里" in found[0] and "p10 为 20.9公里" in found[0]
    assert found[1].startswith("below-peers:2:") and "p90 为 18.1小时" in found[1] and "宽于" in found[1]


def test_below_peers_near_miss_other_unit_and_cost_are_not_flagged(store: Store) -> None:
    import_units(store, 10, _peer_rows)
    assert _review(store, _candidate([(*QTY, "养护道路里程", "≥21公里"),  # just above p10
                                      (*TIME, "维修响应时间", "≤18小时"),  # just below p90
                                      (*QTY, "养护道路里程", "≥5000米"),  # another measure unit
                                      (*COST, "养护成本", "≤500万元")])) == []  # cost is not compared


def test_below_peers_needs_enough_units(store: Store) -> None:
    import_units(store, 9, _peer_rows)
    doc = _candidate([(*QTY, "养护道路里程", "≥1公里")])
    assert _review(store, doc) == []
    from perfbudget.review.config import config_from_dict

    config, problems = config_from_dict({"rules": {"below-peers": {"min_units": 5}}})
    assert problems == []
    with using(StorePeers(store)):
        report = review_document(doc, config, only=RULES)
    assert [f.rule for f in report.findings] == ["below-peers"]


def test_below_last_year_cites_last_years_target_and_actual(store: Store) -> None:
    last = project("2023年道路养护项目", [(*QTY, "养护道路里程", "≥30公里"), (*TIME, "维修响应时间", "≤24小时")],
                   year=2023, actuals={"养护道路里程": "32公里"})
    store.import_document(document("700001", "被审核单位", last), "2023.txt")
    found = _review(store, _candidate([(*QTY, "养护道路里程", "≥25公里"), (*TIME, "维修响应时间", "≤36小时")],
                                      name="2024年道路养护项目"))
    assert len(found) == 2
    assert found[0].startswith("below-last-year:1:")
    assert "上年项目「2023年道路养护项目」" in found[0] and "目标为「≥30公里」" in found[0]
    assert "实际完成 32公里" in found[0]
    assert found[1].startswith("below-last-year:2:") and "≤24小时" in found[1]


def test_targets_written_in_words_are_quoted_in_the_comparison(store: Store) -> None:
    """「的目标不低于90%低于上年」 read as one phrase (replayed 2026-12-04): both targets are quoted now."""
    last = project("2023年道路养护项目", [(*QTY, "群众满意度", "不低于95%")], year=2023)
    store.import_document(document("700001", "被审核单位", last), "2023.txt")
    found = _review(store, _candidate([(*QTY, "群众满意度", "不低于90%")], name="2024年道路养护项目"))
    assert len(found) == 1
    assert "指标「群众满意度」的目标「不低于90%」低于上年" in found[0] and "同一指标的目标为「不低于95%」" in found[0]
    import_units(store, 10, _peer_rows)
    found = _review(store, _candidate([(*QTY, "养护道路里程", "不少于12公里")]))
    assert len(found) == 1 and "的目标「不少于12公里」明显低于同类指标" in found[0]


def test_below_last_year_near_miss_other_unit_and_other_fund_source(store: Store) -> None:
    last = project("2023年道路养护项目", [(*QTY, "养护道路里程", "≥30公里")], year=2023)
    store.import_document(document("700001", "被审核单位", last), "2023.txt")
    same = [(*QTY, "养护道路里程", "≥30公里")]
    assert _review(store, _candidate(same, name="2024年道路养护项目")) == []  # as strict as last year
    lower = [(*QTY, "养护道路里程", "≥20公里")]
    other_unit = document("700002", "另一单位", project("2024年道路养护项目", lower))
    assert _review(store, other_unit) == []
    other_source = document("700001", "被审核单位", project("2024年道路养护项目", lower, source="中央"))
    assert _review(store, other_source) == []


def test_rules_find_nothing_without_a_library() -> None:
    doc = _candidate([(*QTY, "养护道路里程", "≥1公里")])
    assert review_document(doc, only=RULES).findings == ()
    assert name_stem("2024年度X项目") == name_stem("2025年X项目") == "x项目"


def test_review_file_uses_the_database_library_unless_no_library(store: Store, db_url: str, tmp_path: Path) -> None:
    import_units(store, 10, _peer_rows)
    path = tmp_path / "candidate.json"
    path.write_text(dumps(_candidate([(*QTY, "养护道路里程", "≥12公里")])), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["review", str(path), "--json"], env={"PERFBUDGET_DB": db_url})
    assert "同类指标 10 个单位" in result.stdout, result.output
    result = runner.invoke(app, ["review", str(path), "--json", "--no-library"], env={"PERFBUDGET_DB": db_url})
    assert result.stdout and "below-peers" not in result.stdout, result.output
    absent = f"sqlite:///{tmp_path / 'absent.db'}"
    result = runner.invoke(app, ["review", str(path), "--json"], env={"PERFBUDGET_DB": absent})
    assert result.stdout and "below-peers" not in result.stdout and not (tmp_path / "absent.db").exists()
    # --db names the library's database for a file, as issue 16 says (until 2026-12-04 refused: 「这是一个文件」)
    result = runner.invoke(app, ["review", str(path), "--json", "--db", db_url], env={"PERFBUDGET_DB": absent})
    assert "同类指标 10 个单位" in result.stdout, result.output
    result = runner.invoke(app, ["review", str(path), "--json", "--db", db_url, "--no-library"])
    assert result.stdout and "below-peers" not in result.stdout, result.output


def test_web_and_api_reviews_compare_with_the_library_as_the_cli_does(store: Store) -> None:
    """The use cases the web app and the API call (a file's review, an import's saved review) use the store's
    library; until 2026-12-04 they ran without it, so a table got below-peers from ``perfbudget review`` and
    not on its page or from the API (found replaying issues 11 and 16)."""
    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.reviews import review_file
    from perfbudget.app.settings import CoreSettings
    from perfbudget.store.transaction import Actor

    import_units(store, 10, _peer_rows)
    settings = CoreSettings()
    candidate = _candidate([(*QTY, "养护道路里程", "≥12公里")])
    preview = [f.rule for f in review_file(store, candidate, settings).findings]
    assert "below-peers" in preview
    with using(None):  # a caller's choice of no library (the CLI's --no-library) is kept
        assert "below-peers" not in [f.rule for f in review_file(store, candidate, settings).findings]
    outcome = import_document(store, settings, candidate, "candidate.json",
                              ImportRequest(Actor(None, "tester"), "api", review=True))
    assert outcome.status == "imported", outcome.problems
    version_id = outcome.versions[0].version_id
    with store.reading() as tx:
        saved = tx.last_review(version_id)
    assert saved is not None
    assert [f["rule"] for f in saved["payload"]["findings"] if f["rule"] in RULES] == ["below-peers"]
