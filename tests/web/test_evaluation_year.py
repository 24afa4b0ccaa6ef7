"""A project whose table gives no fund year: its 自评 and 运行监控 ask for the year on every face, never keep 0
(replay-g: the web and the API saved year 0, shown as 「0 年度」)."""

from __future__ import annotations

import unicodedata

from sqlalchemy import select

from perfbudget.store.schema import evaluations
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approved_seed_variant, stored_project
from tests.web.test_evaluate_form import _form
from tests.web.test_monitoring import _filled_template


def _yearless_project(web: WebEnv, seed_path) -> int:  # type: ignore[no-untyped-def]
    pid = approved_seed_variant(web.app, seed_path, name="无年度测试项目", fund_year=None)
    project, _ = stored_project(web.app, pid)
    assert project.fund_year is None
    return pid


def _years(web: WebEnv) -> list[int]:
    with web.app.state.engine.connect() as connection:
        return list(connection.execute(select(evaluations.c.year).order_by(evaluations.c.id)).scalars())


def test_the_web_form_asks_for_the_year_and_keeps_what_was_typed(web: WebEnv, seed_path) -> None:  # type: ignore[no-untyped-def]
    pid = _yearless_project(web, seed_path)
    client = web.client("editor")
    page = client.get(f"/projects/{pid}/evaluate")
    assert page.status_code == 200 and 'name="evaluation_year"' in page.text
    refused = client.post(f"/projects/{pid}/evaluate", data=_form(web, pid, client))
    assert refused.status_code == 422 and "没有资金年度，无法保存：请填写评价年度" in refused.text
    assert 'name="evaluation_year" class="field-error"' in refused.text and 'value="8.5"' in refused.text
    bad = client.post(f"/projects/{pid}/evaluate", data=_form(web, pid, client, evaluation_year="25"))
    assert bad.status_code == 422 and "评价年度「25」无效" in bad.text
    assert _years(web) == []  # nothing kept
    saved = client.post(f"/projects/{pid}/evaluate", data=_form(web, pid, client, evaluation_year="2025"))
    assert saved.status_code == 200, saved.text[:2000]
    assert _years(web) == [2025]
    # a project with a fund year is not asked
    assert 'name="evaluation_year"' not in client.get(f"/projects/{web.project_ids[0]}/evaluate").text


def test_the_api_asks_for_the_year(web: WebEnv, seed_path) -> None:  # type: ignore[no-untyped-def]
    pid = _yearless_project(web, seed_path)
    project, _ = stored_project(web.app, pid)
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    items = [{"position": n, **({"actual": i.target.raw.lstrip("≥≤=<>")} if i.target.is_quantitative
                                else {"grade": "达成"})} for n, i in enumerate(project.indicators, 1)]
    refused = client.post(f"/api/v1/projects/{pid}/evaluation", headers=headers,
                          json={"executed": "8.5", "indicators": items})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "year_required"
    assert "请填写评价年度" in refused.json()["error"]["message"]
    assert _years(web) == []
    saved = client.post(f"/api/v1/projects/{pid}/evaluation", headers=headers,
                        json={"executed": "8.5", "year": 2024, "indicators": items})
    assert saved.status_code == 200, saved.text
    sheet = _filled_template(web, web.client("editor"), pid, month=9)
    files = {"file": ("监控.xlsx", sheet, "application/octet-stream")}
    monitored = client.post(f"/api/v1/projects/{pid}/monitoring", headers=headers, data={"month": "9"}, files=files)
    assert monitored.status_code == 422 and monitored.json()["error"]["code"] == "year_required"
    monitored = client.post(f"/api/v1/projects/{pid}/monitoring", headers=headers,
                            data={"month": "9", "year": "2024"}, files=files)
    assert monitored.status_code == 200, monitored.text
    assert _years(web) == [2024, 2024]


def test_the_monitoring_upload_asks_for_the_year(web: WebEnv, seed_path) -> None:  # type: ignore[no-untyped-def]
    pid = _yearless_project(web, seed_path)
    client = web.client("editor")
    assert 'name="evaluation_year"' in client.get(f"/projects/{pid}/monitoring").text
    sheet = _filled_template(web, client, pid, month=6)
    files = {"file": ("监控.xlsx", sheet, "application/octet-stream")}
    data = {"csrf_token": csrf_of(client, "/account"), "month": "6"}
    refused = client.post(f"/projects/{pid}/monitoring/upload", data=data, files=files)
    assert refused.status_code == 422 and "请填写评价年度" in refused.text
    saved = client.post(f"/projects/{pid}/monitoring/upload", data={**data, "evaluation_year": "2026"}, files=files)
    assert saved.status_code == 200, saved.text[:2000]
    assert _years(web) == [2026]


def test_the_printed_self_evaluation_carries_the_year_it_was_given(web: WebEnv, seed_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """print17: the 自评表 of a project whose table gives no fund year asked for the 评价年度 and printed none (its
    subtitle 「（2024年度）」 came from the fund year only). Its downloads — page and API, Word, Excel and the
    page — now print the year kept (LibreOffice and Chromium, first page)."""
    import pdfplumber

    from tests.writers.test_print_pdf import chromium_pdf, to_pdf

    pid = _yearless_project(web, seed_path)
    client = web.client("editor")
    saved = client.post(f"/projects/{pid}/evaluate", data=_form(web, pid, client, evaluation_year="2025"))
    assert saved.status_code == 200
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    for name, address in (("sheet.xlsx", f"/projects/{pid}/evaluation/download/xlsx"),
                          ("page.docx", f"/projects/{pid}/evaluation/download/docx"),
                          ("api.docx", f"/api/v1/projects/{pid}/evaluation/download/docx"),
                          ("page.html", f"/projects/{pid}/evaluation/download/html")):
        got = client.get(address, headers=headers if address.startswith("/api") else None)
        assert got.status_code == 200, address
        (tmp_path / name).write_bytes(got.content)
    office = [tmp_path / name for name in ("sheet.xlsx", "page.docx", "api.docx")]
    for pdf_path in [*to_pdf(office, tmp_path).values(), chromium_pdf(tmp_path / "page.html", tmp_path)]:
        with pdfplumber.open(pdf_path) as pdf:
            # (NFKC: Chromium's Noto CJK names 目 and 人 by their Kangxi radicals ⽬ ⼈ in the PDF's text)
            first = unicodedata.normalize("NFKC", "".join((pdf.pages[0].extract_text() or "").split()))
        assert "项目支出绩效自评表" in first and "(2025年度)" in first, (pdf_path.name, first[:80])
