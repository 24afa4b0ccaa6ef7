"""Request validation errors (pydantic's, English) told in Chinese, by their error type.

FastAPI reports ``{"type": "int_parsing", "msg": "Input should be a valid integer…", "ctx": …}``
for each bad field; :func:`validation_message` gives the Chinese for the types a request can
meet. A type not listed keeps pydantic's words, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

_Ctx = Mapping[str, Any]
_CHOICE = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _choices(expected: object) -> str:
    """pydantic's English list of choices (``'xlsx', 'docx' or 'json'``) as 「xlsx、docx、json」."""
    text = str(expected or "")
    found = _CHOICE.findall(text)
    return "、".join(found) if found else text
_NO_FILE = ("Expected UploadFile", "Value error, Expected UploadFile")

_BY_TYPE: dict[str, Callable[[_Ctx], str]] = {
    "missing": lambda c: "缺少此项（必填）",
    "int_parsing": lambda c: "应为整数",
    "int_type": lambda c: "应为整数",
    "int_from_float": lambda c: "应为整数",
    "float_parsing": lambda c: "应为数字",
    "float_type": lambda c: "应为数字",
    "decimal_parsing": lambda c: "应为数字",
    "decimal_type": lambda c: "应为数字",
    "string_type": lambda c: "应为文字",
    "bool_parsing": lambda c: "应为 true 或 false",
    "bool_type": lambda c: "应为 true 或 false",
    "greater_than_equal": lambda c: f"应不小于 {c.get('ge')}",
    "greater_than": lambda c: f"应大于 {c.get('gt')}",
    "less_than_equal": lambda c: f"应不大于 {c.get('le')}",
    "less_than": lambda c: f"应小于 {c.get('lt')}",
    "string_too_long": lambda c: f"文字过长（至多 {c.get('max_length')} 个字符）",
    "string_too_short": lambda c: f"文字过短（至少 {c.get('min_length')} 个字符）",
    "too_long": lambda c: f"项数过多（至多 {c.get('max_length')} 项）",
    "too_short": lambda c: f"项数过少（至少 {c.get('min_length')} 项）",
    "list_type": lambda c: "应为列表",
    "dict_type": lambda c: "应为对象",
    "model_type": lambda c: "应为对象",
    "model_attributes_type": lambda c: "应为对象",
    "literal_error": lambda c: f"应为以下之一：{_choices(c.get('expected'))}",
    "enum": lambda c: f"应为以下之一：{_choices(c.get('expected'))}",
    "extra_forbidden": lambda c: "不允许的字段",
    "json_invalid": lambda c: "不是有效的 JSON",
    "json_type": lambda c: "不是有效的 JSON",
    "string_pattern_mismatch": lambda c: "格式不对",
    "date_parsing": lambda c: "日期格式不对（应为 YYYY-MM-DD）",
    "date_from_datetime_parsing": lambda c: "日期格式不对（应为 YYYY-MM-DD）",
    "datetime_parsing": lambda c: "时间格式不对",
    "datetime_from_date_parsing": lambda c: "时间格式不对",
    "uuid_parsing": lambda c: "格式不对",
    "url_parsing": lambda c: "不是有效的网址",
}


def validation_message(error: Mapping[str, Any]) -> str:
    """The Chinese for one pydantic error (``type``, ``msg``, ``ctx``); an own validator's message as it is."""
    kind = str(error.get("type", ""))
    message = str(error.get("msg", ""))
    if kind == "value_error":  # raised by our own validators, in Chinese already
        if message.startswith(_NO_FILE):  # FastAPI's own: a file field sent as text (no file chosen)
            return "应为上传的文件（请选择要上传的文件）"
        return message.removeprefix("Value error, ")
    told = _BY_TYPE.get(kind)
    return told(error.get("ctx") or {}) if told else message
