"""Request validation errors (pydantic's, English) told in Chinese, by their error type.

FastAPI reports ``{"type": "int_parsing", "msg": "Input should be a valid integer…", "ctx": …}``
for each bad field; :func:`validation_message` gives the Chinese for the types a request can
meet. A type not listed keeps pydantic's words, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, get_args

from perfbudget.syntax_errors import syntax_error_text

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


_FORM = "请求应为 multipart/form-data 表单，字段："
_JSON = "请求体应为 JSON 对象（请求头 Content-Type: application/json）"


def what_to_send(route: object) -> str | None:
    """How ``route`` (FastAPI's route, ``request.scope["route"]``) takes its body, as a refusal of the body says it:
    「请求体应为 JSON 对象（请求头 Content-Type: application/json），字段：action（必填）、comment、justification」, or
    「请求应为 multipart/form-data 表单，字段：file（必填）、year」; None for a route without a body."""
    from fastapi import params
    from pydantic import BaseModel

    body = getattr(getattr(route, "dependant", None), "body_params", None)
    if not body:
        return None
    if any(isinstance(param.field_info, params.Form) for param in body):  # File is a Form
        return _FORM + _names((p.alias, p.field_info.is_required()) for p in body)
    whole = len(body) == 1 and not getattr(body[0].field_info, "embed", False)  # the body is the one parameter
    model = body[0].field_info.annotation if whole else None
    model = next((a for a in get_args(model) if a is not type(None)), model)  # ImportRequest | None: the model
    if isinstance(model, type) and issubclass(model, BaseModel):
        fields = ((f.alias or name, f.is_required()) for name, f in model.model_fields.items())
    elif whole:  # a document taken whole (POST /documents: a perfbudget/1 document)
        return _JSON
    else:
        fields = ((p.alias, p.field_info.is_required()) for p in body)
    return f"{_JSON}，字段：" + _names(fields)


def _names(fields: Iterable[tuple[str, bool]]) -> str:
    return "、".join(name + ("（必填）" if required else "") for name, required in fields)


_WHOLE_BODY = frozenset({"missing", "dict_type", "model_type", "model_attributes_type", "json_invalid", "json_type"})


def request_problem(error: Mapping[str, Any], route: object) -> dict[str, str]:
    """One refused field of a request as the API's ``details`` give it (``location``, Chinese ``message``): a body
    that is not what the route takes as a whole (none, not JSON, JSON that is no object: sent as a form, or without
    ``Content-Type: application/json``) told with what to send (:func:`what_to_send`), and so is a field missing
    from a form; a JSON syntax error at the body with its place (FastAPI's location ``body.N`` gave the character's
    offset as if it were a field, and its message was 「不是有效的 JSON」 alone until replay-y)."""
    loc = tuple(error.get("loc", ()))
    kind = str(error.get("type", ""))
    message = validation_message(error)
    if kind == "json_invalid" and len(loc) == 2 and loc[0] == "body" and isinstance(loc[1], int):
        told = syntax_error_text(str((error.get("ctx") or {}).get("error", "")))
        message, loc = f"不是有效的 JSON：{told}（第 {loc[1] + 1} 个字符）", ("body",)
    hint = what_to_send(route)
    whole = loc == ("body",) and kind in _WHOLE_BODY
    form_field = kind == "missing" and len(loc) == 2 and loc[0] == "body" and (hint or "").startswith(_FORM)
    if hint and (whole or form_field):
        message = f"{message}：{hint}"
    return {"location": ".".join(str(part) for part in loc), "message": message}


def invalid_summary(details: list[dict[str, str]]) -> str:
    """The ``message`` of a 422 ``invalid``: the first refused fields named (「提交的内容有误，请检查各字段」 alone
    until replay-y, which a client printing the message only could not act on)."""
    named = "；".join(f"{d['location']}：{d['message']}" for d in details[:3])
    more = f"（共 {len(details)} 处）" if len(details) > 3 else ""
    return f"提交的内容有误：{named}{more}" if named else "提交的内容有误，请检查各字段"
