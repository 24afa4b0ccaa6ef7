"""Found by attack15 (2026-12-04) on a fresh server; each test failed before its fix."""

from __future__ import annotations

from fastapi.testclient import TestClient

from perfbudget.web.app import create_app
from perfbudget.web.routes.publication import NOTHING_PUBLISHED
from perfbudget.web.settings import WebConfig
from tests.web.conftest import SEED_UNIT, WebEnv


def test_the_public_page_tells_a_stranger_nothing_of_unpublished_projects(web: WebEnv) -> None:
    # The seed's unit has projects of 2024, none approved; it has none of 2019; unit 000000 has none at all.
    # Each answered its own reason to anyone: 「…2024 年度没有审核通过的项目，未发布（共 10 个项目…）」 told how
    # many projects wait, 「数据库中没有单位 … 的项目」 which units and years hold none.
    public = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32, public_pages=True))
    client = TestClient(public, base_url="http://testserver")
    pages = [client.get(f"/public/units/{unit}/{year}") for unit, year in
             ((SEED_UNIT, 2024), (SEED_UNIT, 2019), ("000000", 2024))]
    for page in pages:
        assert page.status_code == 404
        assert NOTHING_PUBLISHED in page.text
        assert "审核通过" not in page.text and "个项目" not in page.text and "数据库" not in page.text, page.text
    headings = {page.text.split("<h1>")[1].split("</h1>")[0] for page in pages}
    assert len(headings) == 1, headings
    # signed in, the unit's own download still says why
    response = web.client("editor").get(f"/units/{SEED_UNIT}/publication/docx?year=2024")
    assert response.status_code == 404 and "没有审核通过的项目" in response.text
