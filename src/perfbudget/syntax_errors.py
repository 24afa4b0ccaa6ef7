"""The syntax errors of Python's JSON and TOML parsers, told in Chinese.

``json`` and ``tomllib`` explain a syntax error in English (``Expecting ',' delimiter``,
``Invalid value (at end of document)``); a user of perfbudget reads Chinese only. One table maps the
first words of each message to its Chinese; the caller adds the line and column it has.
"""

from __future__ import annotations

_TOLD = (
    # json
    ("Expecting value", "此处缺少值（或内容在此中断）"),
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Expecting property name", "键名应用双引号括起"),
    ("Invalid control character", "字符串中有控制字符（如换行）"),
    ("Invalid \\uXXXX escape", "无效的转义 \\uXXXX"),
    ("Invalid \\escape", "无效的转义（反斜杠后的字符不对）"),
    ("Extra data", "JSON 结束后还有多余内容"),
    ("Illegal trailing comma", "最后一项后面多了逗号"),
    # both
    ("Unterminated string", "字符串没有结束（缺少右引号）"),
    # tomllib
    ("Invalid value", "值不完整或无效"),
    ("Expected '=' after a key", "键后面缺少等号「=」"),
    ("Expected ']' at the end of a table", "表名缺少右方括号「]」"),
    ("Expected ']]' at the end of an array", "表名缺少右方括号「]]」"),
    ("Cannot overwrite a value", "同一项重复设置"),
    ("Cannot declare", "同一个表重复声明"),
    ("Expected newline or end of document", "一行只能写一项（键 = 值）"),
    ("Unclosed array", "数组没有结束（缺少「]」）"),
    ("Unclosed inline table", "内联表没有结束（缺少「}」）"),
    ("Invalid initial character for a key", "键名以无效字符开头"),
    ("Illegal character", "含有不允许的字符"),
    ("Invalid date or datetime", "日期或时间无效"),
    ("Invalid hex value", "转义中的十六进制数无效"),
    ("Unescaped", "字符串中有需要转义的字符"),
)


def syntax_error_text(message: str) -> str:
    """The Chinese for a json or tomllib error message (格式错误 for one not in the table)."""
    return next((chinese for english, chinese in _TOLD if message.startswith(english)), "格式错误")
