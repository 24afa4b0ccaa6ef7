"""What the API's documentation page shows: the bearer scheme (the 「授权」 (Authorize) button), Chinese
tags and description with a link back to the app, and the perfbudget/1 JSON Schema it links to.

* :data:`BEARER` — ``HTTPBearer`` declared on every ``/api/v1`` route: OpenAPI gets a security
  scheme and each operation its requirement, so the docs page can send the token. It never
  refuses a request itself (``auto_error=False``); :func:`perfbudget.web.deps.api_user` does, in
  the API's error shape.
* :class:`TypedRoute` — routes whose responses are serialised through their response model with
  ``exclude_unset``: a key the endpoint does not give is not added.
* ``/api/schema/perfbudget-1.json`` — the interchange schema (a packaged copy of
  ``docs/interchange.schema.json``, kept equal by a test), public like the docs page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.responses import Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer

SCHEMA_FILE = Path(__file__).resolve().parent / "perfbudget-1.schema.json"
SCHEMA_PATH = "/api/schema/perfbudget-1.json"

BEARER = HTTPBearer(auto_error=False, scheme_name="API令牌",
                    description="API 令牌（pb_ 开头），在「我的账号」页或用 `perfbudget user token 用户名` 创建；"
                                "请求头 `Authorization: Bearer <令牌>`。修改密码、停用账号、改变账号的角色或单位时，"
                                "该账号的全部令牌一并吊销")

# POST /documents reads its body itself (its errors name the interchange path); OpenAPI documents
# that body as the perfbudget/1 document (see :func:`install`).
BODY_SCHEMA = "x-body-schema"
INTERCHANGE_BODY: dict[str, Any] = {BODY_SCHEMA: "InterchangeDocument"}

TAG_ACCOUNT, TAG_PROJECTS, TAG_IMPORT = "账号", "项目", "导入"
TAG_WORKFLOW, TAG_EVALUATION, TAG_FILES, TAG_OVERVIEW = "审核流程", "自评", "下载", "汇总与审计"
TAG_LIBRARY = "指标库"
TAGS: list[dict[str, Any]] = [
    {"name": TAG_ACCOUNT, "description": "当前令牌所属的账号；API 令牌的列出与吊销；账号的停用与启用（管理员）"},
    {"name": TAG_PROJECTS, "description": "项目列表（分页）、一个项目的交换格式文档与审核意见、"
                                         "修改（乐观并发）、版本历史"},
    {"name": TAG_IMPORT, "description": "导入：交换格式 JSON，或上传文件（Word、Excel、PDF、网页、文本等"
                                       "读取器支持的格式）先预览、再确认导入，规则与网页上传相同"},
    {"name": TAG_WORKFLOW, "description": "送审、审核通过、退回、重新打开、意见；审核台（审核发现的驳回或确认、"
                                        "单元格意见、审核人员评定等级）与批量审核通过或退回"},
    {"name": TAG_EVALUATION, "description": "填报实际完成值并自评打分；查看自评结果；上传运行监控填报表计算预警"
                                           "（红/黄/绿/蓝灯），查看最近一次运行监控结果"},
    {"name": TAG_FILES, "description": "下载正式表格：项目绩效目标表、单位发布的绩效目标表、项目支出绩效自评表、"
                                      "项目支出绩效目标执行监控表（xlsx / docx / html / json）"},
    {"name": TAG_OVERVIEW, "description": "年度汇总；审计日志（管理员）"},
    {"name": TAG_LIBRARY, "description": "指标库：按名称查找同类指标组（各单位的指标值分布、示例项目），一个组的详情，"
                                        "与一个项目相似的项目（与 perfbudget library search / show / similar 相同）"},
]

DESCRIPTION = f"""预算绩效目标管理 HTTP API（`/api/v1`）。

* **认证**：点右侧「授权」（Authorize），填入 API 令牌（在「我的账号」页创建，或 `perfbudget user token 用户名`），
  之后本页的「试一试」即以该账号的权限发送请求；单位填报人员只看得到本单位的项目。
  修改密码（本人或管理员重置）、停用账号、改变账号的角色或单位时，该账号的全部令牌随登录会话一并失效，须重新创建。
* **交换格式**：项目文档为 JSON `perfbudget/1`，
  其 JSON Schema 见 [perfbudget-1.json]({SCHEMA_PATH})；金额与指标值均为十进制字符串。
* **错误**：一律为 `{{"error": {{"code", "message", "details"}}}}`，`message` 为中文说明。
* **分页**：列表接口带 `limit`、`offset`，返回 `total`。

[← 返回 perfbudget 网页端](/dashboard)
"""


def install(app: FastAPI) -> None:
    """Make the app's OpenAPI document an operation's JSON body as the model its ``openapi_extra``
    names under :data:`BODY_SCHEMA` (instead of a bare object), and list the 400 every operation can answer
    (a NUL in the address; with a body, a body that cannot be decoded: not JSON, not UTF-8)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = generate()
            for item in spec.get("paths", {}).values():
                for operation in item.values():
                    if isinstance(operation, dict):
                        # every request: a NUL (U+0000) in its address is refused before any route (web/limits.py;
                        # undocumented until attack11, schemathesis ST103); with a body, one that cannot be decoded
                        unreadable = "；或请求内容无法解析（不是有效的 JSON 或表单，或不是 UTF-8 编码）" \
                            if "requestBody" in operation else ""
                        operation.setdefault("responses", {}).setdefault("400", {
                            "description": f"请求地址中含有空字符（U+0000）{unreadable}",
                            "content": {"application/json": {
                                "schema": {"$ref": "#/components/schemas/ErrorResponse"}}}})
                    name = operation.get(BODY_SCHEMA) if isinstance(operation, dict) else None
                    body = operation.get("requestBody", {}).get("content", {}).get("application/json") \
                        if name else None
                    if body is not None:
                        body["schema"] = {"$ref": f"#/components/schemas/{name}"}
                        operation["requestBody"]["description"] = "交换格式 perfbudget/1 文档"
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


class TypedRoute(APIRoute):
    """An API route answering through its response model without adding keys it was not given."""

    def __init__(self, path: str, endpoint: Any, **kwargs: Any) -> None:
        kwargs["response_model_exclude_unset"] = True
        if kwargs.get("response_description", "Successful Response") == "Successful Response":
            kwargs["response_description"] = "成功"
        super().__init__(path, endpoint, **kwargs)


schema_router = APIRouter()


@schema_router.get(SCHEMA_PATH, include_in_schema=False)
def interchange_schema() -> Response:
    """The perfbudget/1 JSON Schema (public: it describes a format, not data)."""
    return Response(SCHEMA_FILE.read_bytes(), media_type="application/schema+json")
