"""A whole province in chunks and processes (app.review_batch) gives the one-by-one review's results.

The store mixes what the cross-project rules and the library rules compare: the seed (ten real
tables of one unit), a unit whose projects share a goal word for word, a unit whose tables come
from two files (seq numbers collide), a unit with tables in 元 and in 万元, a project of the year
before (below-last-year), and ten units setting peer targets (below-peers).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from perfbudget.app.review_batch import BatchJob, review_batch
from perfbudget.app.reviews import ReviewedGroup, review_stored
from perfbudget.app.settings import CoreSettings
from perfbudget.cli import app
from perfbudget.library.peers import StorePeers, using
from perfbudget.load import load_path
from perfbudget.model import Budget, Document, Indicator, Project, Unit
from perfbudget.store import Store
from perfbudget.store import reviews as stored_reviews
from perfbudget.store.queries import load_versions
from perfbudget.target import parse_target
from tests.conftest import filled_store_url

QTY = ("产出指标", "数量指标")
TIME = ("产出指标", "时效指标")
EFFECT = ("效益指标", "社会效益指标")
SATISFACTION = ("满意度指标", "服务对象满意度指标")
GOAL = "完成全市道路养护任务，保障道路通行安全"


def _project(name: str, rows: list[tuple[str, str, str, str]], year: int = 2024, seq: int = 1,
             goals: tuple[str, ...] = (GOAL,), source: str = "市级") -> Project:
    indicators = tuple(Indicator(l1, l2, l3, None, parse_target(raw, l3)) for l1, l2, l3, raw in rows)
    return Project(seq, None, name, f"{year}{source}", year, source, Budget(None, None, None), "用于测试", goals,
                   indicators)


def _rows(i: int) -> list[tuple[str, str, str, str]]:
    return [(*QTY, "养护道路里程", f"≥{20 + i}公里"), (*TIME, "维修响应时间", f"≤{10 + i}小时"),
            (*EFFECT, "道路通行状况", "明显改善"), (*SATISFACTION, "群众满意度", "≥90%")]


def _document(code: str, *projects: Project, money_unit: str = "万元") -> Document:
    return Document(Unit(code, f"单位{code}"), money_unit, projects)


def _fill(store: Store, seed_path: Path) -> None:
    seed = load_path(seed_path).document
    assert seed is not None
    documents = [(seed, "seed.txt")]
    documents += [(_document(f"9{i:05d}", _project("道路养护项目", _rows(i))), f"peer{i}.txt") for i in range(10)]
    documents.append((_document("700001", _project("2023年道路养护项目", _rows(12), year=2023)), "2023.txt"))
    low = [(*QTY, "养护道路里程", "≥12公里"), (*TIME, "维修响应时间", "≤48小时"), *_rows(0)[2:]]
    documents.append((_document("700001", _project("2024年道路养护项目", low),
                                _project("2024年桥梁养护项目", _rows(3), seq=2),
                                _project("2024年隧道养护项目", _rows(4), seq=3)), "2024.txt"))
    documents.append((_document("700001", _project("2024年绿化项目", _rows(5)), money_unit="元"), "2024元.txt"))
    documents.append((_document("700001", _project("2024年路灯项目", _rows(6))), "2024补.txt"))  # seq 1 again
    documents.append((_document("", _project("无编码单位项目", _rows(7))), "nocode.txt"))
    for document, name in documents:
        assert store.import_document(document, name).status == "imported"


@pytest.fixture(params=[pytest.param("sqlite", id="sqlite"),
                        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)])
def filled(request: pytest.FixtureRequest, tmp_path: Path, seed_path: Path) -> Iterator[Store]:
    """A store holding ``_fill``'s documents: filled once per test process, a copy for each test."""

    def fill(url: str) -> None:
        with Store(url) as template:
            _fill(template, seed_path)

    store = Store(filled_store_url(request, request.param, tmp_path, "review-batch", fill))
    yield store
    store.close()


def _shape(groups: list[ReviewedGroup]) -> list[Any]:
    return [(g.report.to_dict(), g.document, sorted(g.selection.versions), g.selection.renumbered,
             [(s.version.meta["version_id"], s.payload, s.grade, s.errors, s.warnings) for s in g.saved])
            for g in groups]


def _one_by_one(store: Store, **choice: Any) -> list[ReviewedGroup]:
    with using(StorePeers(store)):
        return review_stored(store, CoreSettings(), store.latest_versions(**choice), save=False, actor=None)


@pytest.mark.parametrize("choice", [{"year": 2024}, {}, {"unit": "700001"}], ids=["year", "all", "unit"])
def test_chunks_and_processes_give_the_one_by_one_review(filled: Store, choice: dict[str, Any]) -> None:
    expected = _one_by_one(filled, **choice)
    rules = {f["rule"] for g in expected for f in g.report.to_dict()["findings"]}
    # what the comparison is about is there: copied goals, peers, last year, several contexts per unit
    assert {"goals-not-measurable", "below-peers", "below-last-year"} <= rules
    assert any(g.selection.renumbered for g in expected)
    job = BatchJob(filled.url, CoreSettings(), keep=True, **choice)
    for jobs, chunk in ((1, 1_000_000), (1, 1), (2, 1), (2, 30)):
        result = review_batch(filled, job, jobs=jobs, chunk_indicators=chunk)
        assert _shape(result.groups) == _shape(expected), (jobs, chunk)
        assert result.tally.projects == sum(len(g.saved) for g in expected)
        assert result.tally.findings == sum(len(g.report.findings) for g in expected)


def test_saved_reviews_are_the_one_by_one_reviews_in_order(filled: Store) -> None:
    expected = _one_by_one(filled, year=2024)
    result = review_batch(filled, BatchJob(filled.url, CoreSettings(), save=True, actor="张三", year=2024,
                                   record_year=2024),
                          jobs=2, chunk_indicators=1)
    saved = [s for g in expected for s in g.saved]
    assert len(result.records) == len(saved) and result.records == sorted(result.records)
    for record, want in zip(result.records, saved, strict=True):
        got = filled.review(record)
        assert got is not None
        assert (got["version_id"], got["payload"], got["grade"], got["errors"], got["warnings"], got["year"],
                got["actor"]) == (want.version.meta["version_id"], want.payload, want.grade, want.errors,
                                  want.warnings, 2024, "张三")


def test_a_failed_save_keeps_nothing(filled: Store) -> None:
    class Broken(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if 0 < done < total:
            raise Broken

    with pytest.raises(Broken):
        review_batch(filled, BatchJob(filled.url, CoreSettings(), save=True, year=2024), jobs=1,
                     progress=stop, chunk_indicators=1)
    with filled.reading() as tx:
        assert tx.connection.exec_driver_sql("SELECT count(*) FROM reviews").scalar() == 0


def test_the_collector_is_given_back_as_it_was(filled: Store) -> None:
    """A batch runs the garbage collector less often (BATCH_GC_THRESHOLD) and gives it back as it was,
    also when the run fails."""
    import gc

    from perfbudget.app.review_batch import BATCH_GC_THRESHOLD

    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []

    def note(done: int, total: int) -> None:
        seen.append(gc.get_threshold())
        if 0 < done < total:
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        review_batch(filled, BatchJob(filled.url, CoreSettings(), year=2024), jobs=1, progress=note,
                     chunk_indicators=1)
    # progress(0, total) is said before the chunks start; every later call is made during the batch
    assert len(seen) > 1 and all(threshold == BATCH_GC_THRESHOLD for threshold in seen[1:])
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_bulk_loading_builds_the_same_versions_as_one_by_one(filled: Store) -> None:
    with filled.reading() as tx:
        units = stored_reviews.review_units(tx.connection)
        loaded = stored_reviews.unit_versions(tx.connection, [u.unit_id for u in units])
        ids = [item.version.meta["version_id"] for item in loaded]
        one_by_one = load_versions(tx.connection, ids)
    assert [item.version for item in loaded] == [one_by_one[i] for i in ids]
    assert sum(u.indicators for u in units) == sum(len(i.version.document.projects[0].indicators) for i in loaded)
    assert ids == [v.meta["version_id"] for v in filled.latest_versions()]  # the same order


def test_cli_jobs_and_summary(filled: Store) -> None:
    runner = CliRunner()
    base = ["review", "--db", filled.url, "--year", "2024", "--json"]
    one = runner.invoke(app, [*base, "--jobs", "1"])
    two = runner.invoke(app, [*base, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the seed has errors
    assert json.loads(one.stdout) == json.loads(two.stdout)
    summary = runner.invoke(app, ["review", "--db", filled.url, "--year", "2024", "--summary", "--save"])
    assert summary.exit_code == 1
    projects = len(json.loads(one.stdout)["projects"])
    assert f"{projects} 个项目" in summary.stdout
    assert "审核等级：优" in summary.stdout and "最常见的问题" in summary.stdout
    assert f"已保存 {projects} 个项目的审核结果" in summary.stderr
    data = json.loads(runner.invoke(app, ["review", "--db", filled.url, "--year", "2024", "--summary",
                                          "--json"]).stdout)
    assert data["projects"] == projects and data["findings"] == len(json.loads(one.stdout)["findings"])


def test_help_mentions_jobs() -> None:
    text = CliRunner().invoke(app, ["review", "--help"]).stdout
    assert "--jobs" in text and "--summary" in text


def test_payloads_made_in_one_pass_are_those_of_the_located_report(filled: Store) -> None:
    """review_selection makes each chosen project's payload in one pass over the findings; it must be
    ``project_payload`` of the located report (the slow path), and without ``locate`` the report differs
    from the located one by the findings' sources only."""
    from dataclasses import replace

    from perfbudget.app.reviews import contexts, located, project_payload, review_selection

    with filled.reading() as tx:
        versions = filled.latest_versions()
        groups = contexts(tx, versions)
    assert any(len(seqs) > 1 for _selection, seqs in groups)
    checked = 0
    for selection, seqs in groups:
        with using(StorePeers(filled)):
            report, chosen = review_selection(selection, seqs, CoreSettings())
            bare, bare_chosen = review_selection(selection, seqs, CoreSettings(), locate=False)
        assert report == located(bare, selection)
        assert [replace(f, source=None) for f in report.findings] == list(bare.findings)
        assert chosen == bare_chosen
        for version, payload, _grade in chosen:
            seq = next(s for s, v in selection.versions.items() if v is version)
            assert payload == project_payload(report, seq, version.document.projects[0].seq)
            checked += len(payload["findings"])
    assert checked > 100


def test_payload_texts_are_json_dumps_of_the_payloads(filled: Store) -> None:
    """A province's batch writes each payload's text and summary from the findings (``selection_texts``): they
    must be ``json.dumps`` of ``selection_payloads``' payload and ``summary_text`` of its findings, for the
    rules' findings, findings with sources of their own or document-level ones, and findings of other shapes
    (written through the dicts instead)."""
    from dataclasses import replace

    from perfbudget.app.reviews import contexts, review_context, selection_payloads, selection_texts
    from perfbudget.model import Source
    from perfbudget.review.finding import Finding
    from perfbudget.store.review_summary import summary_text

    with filled.reading() as tx:
        groups = contexts(tx, filled.latest_versions())
    checked = 0
    for selection, seqs in groups:
        with using(StorePeers(filled)):
            report = review_context(selection, CoreSettings())
        seq = seqs[0]
        own = [Finding(None, None, None, "文件级\u2028发现\"引号\"", "建议", None, "crash", "完整性", "error"),
               Finding(seq, 2, "target", "自有位置", "建议", Source("x.txt", line=3), "r", "规范性", "info")]
        odd = [Finding(seq, 1.5, None, "m", "s", None, "r", "d", "warning"),  # not an int
               Finding(seq, True, None, "m", "s", None, "r", "d", "warning"),  # json writes true
               Finding(seq, 1, 7, "m", "s", None, "r", "d", "warning"),  # a field not a str
               Finding(seq, 1, None, None, "s", None, "r", "d", "warning"),  # no message
               Finding(seq, 1, None, "m", "s", None, "r", None, "warning")]  # no dimension (summary: "")
        for findings in (report.findings, (*own, *report.findings), *((f, *report.findings) for f in odd)):
            variant = replace(report, findings=tuple(findings))
            want = [(version, json.dumps(payload, ensure_ascii=False), summary_text(payload["findings"]), grade)
                    for version, payload, grade in selection_payloads(variant, selection, seqs)]
            assert selection_texts(variant, selection, seqs) == want
            checked += sum(len(json.loads(text)["findings"]) for _v, text, _s, _g in want)
    assert checked > 100


def test_no_collection_while_a_chunk_is_reviewed_and_the_collector_given_back() -> None:
    import gc

    from perfbudget.app.review_batch import _collecting_after

    seen: list[bool] = []

    def review() -> Any:
        seen.append(gc.isenabled())
        return "done"

    assert gc.isenabled()
    assert _collecting_after(review) == "done" and seen == [False] and gc.isenabled()

    def broken() -> Any:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        _collecting_after(broken)
    assert gc.isenabled()
    gc.disable()
    try:  # a collector switched off by the caller stays off
        _collecting_after(review)
        assert not gc.isenabled()
    finally:
        gc.enable()
