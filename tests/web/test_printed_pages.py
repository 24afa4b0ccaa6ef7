"""The app's own pages printed from the browser (print15): the project list, a review desk, a history.

A reviewer prints them as they are shown, with Chromium's 「打印」: A4 landscape with 「第 n 页，共 m 页」 and
the page's content only. Before, Chromium printed them on US Letter with the menu bar and the list's filter form
first, the list's columns so narrow that a project's name took four lines, and no page numbers. The page is
fetched signed in and printed from a file whose stylesheet is the app's own (/static/ → the package's files).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import perfbudget.web
from tests.web.conftest import WebEnv
from tests.writers.test_print_pdf import A4, _squash, chromium_pdf

STATIC = Path(perfbudget.web.__file__).parent / "static"


def _printed(web: WebEnv, tmp_path: Path, address: str, name: str) -> list[str]:
    import pdfplumber

    page = web.client("reviewer").get(address)
    assert page.status_code == 200, address
    path = tmp_path / f"{name}.html"
    path.write_text(page.text.replace('"/static/', f'"{STATIC.as_uri()}/'), encoding="utf-8")
    texts = []
    with pdfplumber.open(chromium_pdf(path, tmp_path)) as pdf:
        total = len(pdf.pages)
        for printed in pdf.pages:
            assert (round(float(printed.width)), round(float(printed.height))) == (round(A4[1]), round(A4[0])), name
            text = printed.extract_text() or ""
            lines = [unicodedata.normalize("NFKC", _squash(line)) for line in text.splitlines()]
            assert re.search(f"第{printed.page_number}.[，,]共{total}.", "".join(lines)), (name, printed.page_number)
            texts += lines
    return texts


def test_the_project_list_and_a_review_desk_print_on_a4_with_page_numbers_and_without_the_menu(
        web: WebEnv, tmp_path: Path) -> None:
    from tests.web.helpers import stored_project

    lines = _printed(web, tmp_path, "/projects?year=all", "projects")
    listing = "".join(lines)
    assert "审核队列" not in listing and "搜索" not in listing  # the menu and the filter form are not printed
    for pid in web.project_ids:
        project, _ = stored_project(web.app, pid)
        # each name on one line (it took four in a squeezed column)
        assert any(unicodedata.normalize("NFKC", _squash(project.name)) in line for line in lines), project.name
    desk = "".join(_printed(web, tmp_path, f"/projects/{web.project_ids[0]}/review", "desk"))
    assert "审核发现" in desk and "审核队列" not in desk
