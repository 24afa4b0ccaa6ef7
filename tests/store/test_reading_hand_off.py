"""What a bulk import's reading process hands the writer: a detached plan crosses as one marshal text and comes
back the same plan; a plan holding its document, or a value marshal cannot write, is pickled as before; a file's
fingerprint is the SHA-256 of its bytes, read once."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from perfbudget.app.bulk_import import ReadOptions, prepare_file
from perfbudget.load import load_path
from perfbudget.store import importer
from perfbudget.store.importer import Plan, plan_document

OPTIONS = ReadOptions(None, None, "cli", False)


def _plan(document: Any) -> Plan:
    plan = plan_document(document)
    assert not isinstance(plan, str)
    return plan


def _same(sent: Plan, plan: Plan) -> None:
    assert sent == plan and sent.source is None
    assert type(sent.identities) is list and type(sent.hashes) is list
    for got, made in zip(sent.document.projects, plan.document.projects, strict=True):
        assert (got.cut, got.source) == (made.cut, made.source)
        assert type(got.source) is type(made.source) and type(got.cut) is type(made.cut)
    for got_table, table in zip(sent.tables, plan.tables, strict=True):
        assert type(got_table) is importer.TableRows and got_table.version == table.version
        assert all(type(row) is tuple for row in got_table.indicators + got_table.targets)


def test_a_detached_plan_crosses_as_one_marshal_text(seed_document: Any, seed_path: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_text("".join(seed_path.read_text(encoding="utf-8").splitlines(keepends=True)[:300]), encoding="utf-8")
    cut_document = load_path(cut).document
    assert cut_document is not None and not cut_document.projects[-1].complete
    for document in (seed_document, cut_document):
        plan = _plan(document).detached()
        maker, _arguments = plan.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        assert maker is importer._plan_sent
        _same(pickle.loads(pickle.dumps(plan, pickle.HIGHEST_PROTOCOL)), plan)


def test_a_plan_with_its_document_or_an_odd_value_is_pickled_as_a_dataclass(seed_document: Any) -> None:
    plan = _plan(seed_document)
    assert plan.__reduce_ex__(pickle.HIGHEST_PROTOCOL)[0] is not importer._plan_sent
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan and again.source == plan.source  # (source is left out of a plan's equality)
    odd = replace(plan.detached(), tables=(replace(plan.tables[0], version={**plan.tables[0].version,
                                                                          "budget_total": Decimal("1.50")}),))
    assert odd.__reduce_ex__(pickle.HIGHEST_PROTOCOL)[0] is not importer._plan_sent
    assert pickle.loads(pickle.dumps(odd)) == odd


def test_a_file_is_fingerprinted_by_its_bytes(seed_path: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare_file(seed_path, OPTIONS, None)
    assert prepared.sha256 == hashlib.sha256(seed_path.read_bytes()).hexdigest() == importer.file_sha256(seed_path)
    assert prepared.plan is not None and not prepared.failure
    assert prepared.plan == _plan(load_path(seed_path).document).detached()
    monkeypatch.setenv("PERFBUDGET_MAX_FILE_MB", "0.01")  # too large now: refused as load_path refuses it
    refused = prepare_file(seed_path, OPTIONS, None)
    assert refused.sha256 == prepared.sha256 and refused.plan is None
    assert refused.failure == load_path(seed_path).problems and "文件过大" in refused.failure[0].message
    missing = prepare_file(tmp_path / "gone.txt", OPTIONS, None)
    assert missing.sha256 is None and missing.failure == load_path(tmp_path / "gone.txt").problems
