"""web/html_text.text is markupsafe.escape, as a plain string: every character that matters, text around it,
values of other types (numbers, None, Decimal, Markup, an object with __html__, a str subclass)."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup, escape

from perfbudget.web.html_text import text


class _Html:
    def __html__(self) -> str:
        return "<i>ok</i>"


class _Str(str):
    pass


def test_text_is_markupsafe_escape() -> None:
    values: list[object] = ["", "纯文本", "&", "<", ">", "'", '"', "&amp;", "<script>alert('x')</script>",
                            "a\"b'c<d>e&f", "&#39;已转义&#34;", "\x00\n\t", "𠀀😀", *(chr(i) for i in range(128))]
    values += [0, 7, -1.5, Decimal("85.50"), None, True, Markup("<b>安全</b>"), _Html(), _Str("<x>"), ("<", 1)]
    for value in values:
        assert text(value) == str(escape(value)), repr(value)
        assert type(text(value)) is str
