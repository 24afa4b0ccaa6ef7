"""A command line's import keeps the document's name, not the local path it was given (replay-s), as the pages and the
API keep an upload's; migration 1831 reduces the paths stored before — documents, the saved reviews' findings, the
saved evaluations' files — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import select, text
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.store import Store
from perfbudget.store.engine import write_transaction
from perfbudget.store.migrate import alembic_config
from perfbudget.store.schema import documents

runner = CliRunner()


def _files(store: Store) -> list[str]:
    with store.engine.connect() as connection:
        return list(connection.execute(select(documents.c.file_name).order_by(documents.c.id)).scalars())


def test_a_command_line_import_keeps_the_file_name_only(db_url: str, seed_path: Path) -> None:
    given = str(seed_path.resolve())
    done = runner.invoke(app, ["import", given, "--db", db_url])
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith(f"{given}: 已导入")  # the user is answered with the path they gave
    with Store(db_url) as store:
        assert _files(store) == [seed_path.name]
        with store.engine.connect() as connection:
            summary, after = connection.execute(text(
                "SELECT summary, after FROM audit_log WHERE action = 'document.import'")).one()
    assert summary.startswith(f"导入「{seed_path.name}」") and str(seed_path.parent) not in summary + after
    shown = runner.invoke(app, ["history", "1", "--db", db_url])
    assert f"导入自 {seed_path.name}（文档 1）" in shown.stdout and str(seed_path.parent) not in shown.stdout
    saved = runner.invoke(app, ["review", "--save", "--db", db_url, "--json"])
    assert saved.exit_code in (0, 1), saved.output
    with Store(db_url) as store, store.engine.connect() as connection:
        payloads = list(connection.execute(text("SELECT payload FROM reviews")).scalars())
    assert payloads and not any(str(seed_path.parent) in p for p in payloads)
    assert any(f'"file": "{seed_path.name}"' in p for p in payloads)


def test_migration_1831_reduces_the_stored_paths_to_names(db_url: str, seed_path: Path) -> None:
    assert runner.invoke(app, ["import", str(seed_path), "--db", db_url]).exit_code == 0
    local = "/home/wang/文件/目标表.txt"
    windows = "C:\\Users\\wang\\目标表.docx"
    json_document = "JSON 文档（王/填报）"  # the API's own words for a JSON body: never cut at its slash
    review = {"format": "perfbudget-review/1", "findings": [
        {"rule": "x", "source": {"file": local, "line": 3}}, {"rule": "y", "source": {"file": "其他/路径.txt"}}]}
    evaluation = {"document_file": local, "actuals_file": "/tmp/自评表.xlsx",
                  "projects": [{"sources": [{"file": "D:\\表\\自评.csv", "line": 2}], "note": "a/b"}]}
    with Store(db_url) as store:
        with write_transaction(store.engine, moves=None) as connection:
            version = connection.execute(text("SELECT id, document_id FROM project_versions ORDER BY id")).first()
            assert version is not None
            connection.execute(text("UPDATE documents SET file_name = :f WHERE id = :id"),
                               {"f": local, "id": version.document_id})
            for values in (
                    {"id": 901, "file_name": windows}, {"id": 902, "file_name": json_document},
                    {"id": 903, "file_name": "网页修改（wang）"}):
                connection.execute(text(
                    "INSERT INTO documents (id, unit_id, file_name, sha256, content_sha256, kind, money_unit, "
                    "project_count, indicator_count, imported_at) SELECT :id, unit_id, :file_name, :sha, :sha, kind, "
                    "money_unit, 0, 0, imported_at FROM documents WHERE id = :first"),
                    {**values, "sha": f"sha{values['id']}", "first": version.document_id})
            api_version = connection.execute(text("SELECT id FROM project_versions ORDER BY id DESC")).first()
            assert api_version is not None
            connection.execute(text("UPDATE project_versions SET document_id = 902 WHERE id = :id"),
                               {"id": api_version.id})
            connection.execute(text("UPDATE version_authors SET via = 'api' WHERE version_id = :id"),
                               {"id": api_version.id})
        store.record_review(version.id, review, grade="良")
        store.record_evaluation(version.id, 2024, "self-evaluation", evaluation, total="90", grade="优")
        store.record_review(api_version.id, {"findings": [{"source": {"file": json_document}}]}, grade="良")
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "1830_unit_aliases")
            command.upgrade(alembic_config(connection), "head")
        files = dict(zip([version.document_id, 901, 902, 903], _files(store), strict=False))
        with store.engine.connect() as connection:
            reviews = [json.loads(p) for p in connection.execute(
                text("SELECT payload FROM reviews ORDER BY id")).scalars()]
            kept = json.loads(connection.execute(text("SELECT payload FROM evaluations")).scalar_one())
    assert files == {version.document_id: "目标表.txt", 901: "目标表.docx", 902: json_document, 903: "网页修改（wang）"}
    # the finding at the reduced document's path is at its name; a path no document had is not guessed at
    assert [f["source"] for f in reviews[0]["findings"]] == [{"file": "目标表.txt", "line": 3},
                                                             {"file": "其他/路径.txt"}]
    assert reviews[1] == {"findings": [{"source": {"file": json_document}}]}
    assert kept == {"document_file": "目标表.txt", "actuals_file": "自评表.xlsx",
                    "projects": [{"sources": [{"file": "自评.csv", "line": 2}], "note": "a/b"}]}

