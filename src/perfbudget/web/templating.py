"""The Jinja2 environment of the pages: templates shipped in the package, Chinese filters."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

from perfbudget.app.overview import unit_address, unit_path
from perfbudget.app.project_lists import COUNTS_NOTE
from perfbudget.app.roles import Action
from perfbudget.app.times import shown
from perfbudget.money_text import money_text
from perfbudget.store.changes import describe
from perfbudget.web.csrf import csrf_token
from perfbudget.web.deps import optional_user
from perfbudget.web.table_html import decimal_text, target_table

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _money(value: Decimal | str | None) -> str:
    if value is None or value == "":
        return "—"
    number = Decimal(value) if isinstance(value, str) else value
    return money_text(number)  # exact, thousands separated: every face's amounts (perfbudget.money_text)


def when(value: datetime | None) -> str:
    """A time as every face shows it, 北京时间 to the minute, marked (the ``when`` filter,
    :func:`perfbudget.app.times.shown`); empty for None."""
    return "" if value is None else shown(value)


def filename(value: str | None) -> str:
    """A stored source path shown as its file name only (never a developer's or server's path)."""
    if not value:
        return ""
    return str(value).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _pretty_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str)


PLACEHOLDERS = "perfbudget.placeholders"


def page_token(request: Request) -> str:
    """The CSRF token a page's forms carry: the session's, or the page cache's placeholder for it."""
    placeholders: tuple[str, str] | None = request.scope.get(PLACEHOLDERS)
    return csrf_token(request) if placeholders is None else placeholders[0]


def page_context(request: Request) -> dict[str, Any]:
    """What every page's template is given besides its own values: the user, the CSRF token, ``Action``."""
    user = optional_user(request)
    placeholders: tuple[str, str] | None = request.scope.get(PLACEHOLDERS)
    if placeholders is None:
        return {"user": user, "csrf_token": csrf_token(request), "Action": Action}
    # A page rendered for the page cache (shared by the users of one role and unit) carries
    # placeholders for the session's CSRF token and the user's name, replaced when served.
    token, name = placeholders
    shown = replace(user, id=0, username="", display_name=name) if user is not None else None
    return {"user": shown, "csrf_token": token, "Action": Action}


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES), context_processors=[page_context])
    env = templates.env
    env.filters["money"] = _money
    env.filters["dec"] = decimal_text
    env.filters["when"] = when
    env.filters["describe"] = describe
    env.filters["pretty_json"] = _pretty_json
    env.filters["filename"] = filename
    env.globals["target_table"] = target_table
    env.globals["unit_path"] = unit_path
    env.globals["unit_address"] = unit_address
    env.globals["counts_note"] = COUNTS_NOTE
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.auto_reload = False  # templates ship with the package: no stat() of each template per render
    return templates
