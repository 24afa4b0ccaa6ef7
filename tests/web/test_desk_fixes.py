"""Issue 14 point 6: sources as file names, the findings column only when there are findings."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import WebEnv


def test_a_source_path_is_shown_as_its_file_name(web: WebEnv, seed_path: Path) -> None:
    from dataclasses import replace

    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import actor_of
    from perfbudget.load import load_path
    from perfbudget.model import Unit

    result = load_path(seed_path)
    assert result.document is not None
    document = replace(result.document, unit=Unit("777001", "路径测试单位"), projects=result.document.projects[:1])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    # (a path comes from the command line only: the pages and the API keep an upload's name, web.filenames; since
    # replay-x the project's history also lists the import's audit entry, which says the file as it was kept)
    outcome = import_document(web.app.state.store, web.app.state.core, document, "../shared/seeds/目标表.txt",
                              ImportRequest(actor_of(admin), "cli", review=True))
    assert outcome.status == "imported"
    client = web.client("admin")
    listing = client.get("/projects?year=all&unit=777001").text
    link = listing.split('href="/projects/')[1].split('"')[0]
    page = client.get(f"/projects/{link}").text
    assert "来源：目标表.txt" in page and "../shared" not in page
    history = client.get(f"/projects/{link}/history").text
    assert "目标表.txt" in history and "../shared" not in history


def test_the_findings_column_only_when_a_finding_sits_beside_a_cell(web: WebEnv) -> None:
    from perfbudget.web.annotate import annotate
    from tests.web.helpers import stored_project

    project, _ = stored_project(web.app, web.project_ids[0])
    empty = annotate(project, [])
    assert not empty.has_placed_findings
    from perfbudget.model import Document, Unit
    from perfbudget.web.table_html import target_table

    document = Document(unit=Unit("1", "单位"), money_unit="万元", projects=(project,))
    assert "审核发现" not in str(target_table(empty, document, findings_column=empty.has_placed_findings))
    page = web.client("admin").get(f"/projects/{web.project_ids[0]}").text
    assert "<th>审核发现</th>" in page and 'class="finding"' in page  # the seed's first table has findings


def test_spans_merge_only_consecutive_equal_groups(web: WebEnv) -> None:
    from dataclasses import replace

    from perfbudget.model import Indicator
    from perfbudget.review.finding import Finding
    from perfbudget.target import parse_target
    from perfbudget.web.annotate import annotate

    names = [("产出", "数量"), ("产出", "数量"), ("产出", "质量"), ("效益", "质量"), ("效益", "社会"),
             ("产出", "数量"), ("效益", "社会")]
    from tests.web.helpers import stored_project

    stored, _ = stored_project(web.app, web.project_ids[0])
    project = replace(stored, indicators=tuple(Indicator(a, b, f"指标{i}", None, parse_target("≥1次"))
                                               for i, (a, b) in enumerate(names, 1)))
    found = [Finding(None, 2, "target", "乙", "", None, "r", "可行性", "warning"),
             Finding(None, 2, "target", "丙", "", None, "r", "可行性", "error"),
             Finding(None, 2, "target", "丁", "", None, "r", "可行性", "error")]
    table = annotate(project, found)
    assert [(line.level1_span, line.level2_span) for line in table.lines] == [
        (3, 2), (0, 0), (0, 1), (2, 1), (0, 1), (1, 1), (1, 1)]
    assert table.lines[1].cell_class["target"] == "has-error" and table.lines[0].cell_class["target"] == ""
    assert table.lines[1].findings == found
