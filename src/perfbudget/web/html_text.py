"""The one escape of the parts of pages drawn in Python (:mod:`perfbudget.web.table_html`,
:mod:`perfbudget.web.project_html`): :func:`text` is ``str(markupsafe.escape(value))``, the escape
Jinja's autoescape applies to every ``{{ value }}``, so a value drawn here is escaped exactly as a
template escapes it (``&``, ``<``, ``>``, ``'``, ``"``; an object with ``__html__`` — a
:class:`markupsafe.Markup` — as it says; anything else by its ``str``).

A plain ``str``, nearly every value of a page, goes straight to markupsafe's own C function
(``markupsafe._escape_inner``, what ``escape`` calls) without making a ``Markup`` object around it:
``escape`` makes one per value in Python code, about 60 % of its cost, and a project page escapes
some 160 values. ``tests/web/test_html_text.py`` checks :func:`text` against ``escape`` on every
character that matters and on values of other types.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

try:
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover - another markupsafe: its public escape, the same text
    def _escape_inner(value: str, /) -> str:
        return str(escape(value))


def text(value: Any) -> str:
    """``value`` escaped for HTML text and attribute values, as ``str(markupsafe.escape(value))``."""
    if type(value) is str:
        return _escape_inner(value)
    return str(escape(value))
