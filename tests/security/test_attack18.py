"""Found by attack18 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote

import pytest
from sqlalchemy import select

from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import actor_of
from perfbudget.load import load_path
from perfbudget.model import Unit
from perfbudget.store.schema import units
from tests.web.conftest import WebEnv

# Unit codes an address cannot carry as they are: a query, a fragment, dot segments, spaces, width forms, a slash
# (percent signs too, checked on a running server: the test client decodes a path twice)
ODD_CODES = ("x?y#z", "..", "ＡＢ", "AB", "a b+c", "AB/12", ".")


def _import_units(web: WebEnv, seed_path: object, codes: tuple[str, ...]) -> dict[str, int]:
    """One project of each unit ``codes`` (the seed's first, under that code); the units' ids by code."""
    result = load_path(seed_path)  # type: ignore[arg-type]
    assert result.ok and result.document is not None
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    request = ImportRequest(actor_of(admin), "upload", review=True)
    for n, code in enumerate(codes):
        document = replace(result.document, unit=Unit(code, f"怪码单位{n}"), projects=result.document.projects[:1])
        assert import_document(web.app.state.store, web.app.state.core, document, f"u{n}.txt",
                               request).status == "imported"
    with web.app.state.engine.connect() as connection:
        return {row.code: row.id for row in connection.execute(select(units.c.code, units.c.id))}


def test_unit_links_carry_any_code_to_its_own_unit(web: WebEnv, seed_path: object) -> None:
    # The unit's links (dashboard, lists, project page, the upload's redirect) wrote its code into the path as it is:
    # 「x?y#z」 led to /units/x, 「..」 and 「%2e%2e」 to the root (a browser resolves dot segments), 「AB/12」 to
    # a 404; the unit page's publication links alike. Now the code is percent-encoded, and a code no address can
    # carry (「/」, 「.」, 「..」) is linked by the unit's id.
    ids = _import_units(web, seed_path, ODD_CODES)
    admin = web.client("admin")
    links = set(re.findall(r'href="(/units/[^"?]*)', admin.get("/dashboard").text))
    for code in ODD_CODES:
        name = f"怪码单位{ODD_CODES.index(code)}"
        link = next(link for link in links if f"<h1>{name} " in admin.get(link).text)
        assert "?" not in link and "#" not in link and "/." not in link, link
        if "/" in code or code in (".", ".."):
            assert link == f"/units/{ids[code]}"
        else:
            assert unquote(link.removeprefix("/units/")) == code, link
            page = admin.get(link).text
            publication = re.findall(r'href="(/units/[^"]*/publication/docx)', page)
            assert publication == [f"{link}/publication/docx"], publication
    assert "不能用在网页地址中" in admin.get(f"/units/{ids['AB/12']}").text


@pytest.mark.parametrize("code", ["x?y#z", "a b+c"])
def test_the_publication_of_an_odd_code_is_reached_by_its_link(web: WebEnv, seed_path: object, code: str) -> None:
    _import_units(web, seed_path, (code,))
    admin = web.client("admin")
    link = next(link for link in re.findall(r'href="(/units/[^"?]*)', admin.get("/dashboard").text)
                if "<h1>怪码单位0 " in admin.get(link).text)
    answer = admin.get(f"{link}/publication/html")
    # its own unit's answer (nothing approved yet), not 「数据库中没有…」 of a code cut at 「?」
    assert answer.status_code == 404 and "没有审核通过的项目" in answer.text, answer.text[:300]
