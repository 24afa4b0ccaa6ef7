"""The API's OpenAPI: a bearer scheme, a typed schema for every response, Chinese tags, the
perfbudget/1 JSON Schema served and linked; the interchange models agree with that schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from perfbudget.interchange import document_to_dict
from perfbudget.model import Document
from perfbudget.web.api import models
from tests.web.conftest import WebEnv

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "interchange.schema.json").read_text("utf-8"))
METHODS = ("get", "put", "post", "delete", "patch")


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def untyped(spec: dict[str, Any], node: dict[str, Any], path: str, seen: set[str]) -> list[str]:
    """Where a schema is bare: an empty schema, or an object with neither properties nor typed values."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        seen.add(name)
        return untyped(spec, _resolve(spec, node), f"{path}→{name}", seen)
    bad: list[str] = []
    for key in ("anyOf", "oneOf", "allOf"):
        for i, part in enumerate(node.get(key, [])):
            bad += untyped(spec, part, f"{path}.{key}[{i}]", seen)
    if not node or (set(node) <= {"title", "description", "default"} and "description" not in node):
        return [*bad, path]
    if node.get("type") == "object" and "properties" not in node:
        extra = node.get("additionalProperties")
        if not isinstance(extra, dict) or not extra:
            bad.append(path)
        else:
            bad += untyped(spec, extra, f"{path}.*", seen)
    for name, child in node.get("properties", {}).items():
        bad += untyped(spec, child, f"{path}.{name}", seen)
    if isinstance(node.get("items"), dict):
        bad += untyped(spec, node["items"], f"{path}[]", seen)
    return bad


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, item in spec["paths"].items() for method, op in item.items()
            if method in METHODS]


def test_every_response_of_every_operation_has_a_typed_schema(web: WebEnv) -> None:
    spec = web.client().get("/api/openapi.json").json()
    assert len(operations(spec)) >= 18
    problems = []
    for method, path, op in operations(spec):
        for status, response in op["responses"].items():
            content = response.get("content")
            if not content:
                problems.append(f"{method} {path} {status}: no content schema")
                continue
            for media, body in content.items():
                where = f"{method} {path} {status} {media}"
                if "schema" not in body:
                    problems.append(f"{where}: no schema")
                    continue
                problems += untyped(spec, body["schema"], where, set())
    assert problems == []


def test_the_interchange_import_body_is_the_perfbudget_1_document(web: WebEnv) -> None:
    spec = web.client().get("/api/openapi.json").json()
    body = spec["paths"]["/api/v1/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/InterchangeDocument"}
    upload = spec["paths"]["/api/v1/uploads"]["post"]["requestBody"]["content"]
    assert list(upload) == ["multipart/form-data"]


def test_the_untyped_check_finds_a_bare_object() -> None:
    spec = {"components": {"schemas": {"A": {"type": "object", "properties": {"x": {"type": "object"}}}}}}
    assert untyped(spec, {"$ref": "#/components/schemas/A"}, "r", set()) == ["r→A.x"]
    assert untyped(spec, {}, "r", set()) == ["r"]
    assert untyped(spec, {"type": "object", "additionalProperties": True}, "r", set()) == ["r"]


def test_bearer_scheme_on_every_api_operation_and_chinese_labels(web: WebEnv) -> None:
    spec = web.client().get("/api/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    [(name, scheme)] = schemes.items()
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer" and "令牌" in scheme["description"]
    for method, path, op in operations(spec):
        if path.startswith("/api/v1/"):
            assert op.get("security") == [{name: []}], (method, path)
            assert op["tags"] and all(any("\u4e00" <= ch <= "\u9fff" for ch in tag) for tag in op["tags"])
            assert any("\u4e00" <= ch <= "\u9fff" for ch in op["summary"]), (method, path)
    assert {t["name"] for t in spec["tags"]} >= {"项目", "导入", "下载", "自评"}
    assert "(/dashboard)" in spec["info"]["description"]
    assert "(/api/schema/perfbudget-1.json)" in spec["info"]["description"]


def test_docs_page_links_back_and_to_the_schema_which_is_served(web: WebEnv) -> None:
    client = web.client()
    page = client.get("/api/docs").text
    assert 'href="/dashboard"' in page and 'href="/api/schema/perfbudget-1.json"' in page
    served = client.get("/api/schema/perfbudget-1.json")
    assert served.status_code == 200 and served.headers["content-type"].startswith("application/schema+json")
    assert served.json() == SCHEMA  # the packaged copy is the documented schema


def _properties(part: str) -> dict[str, Any]:
    if part == "":
        return SCHEMA
    if part == "unit":
        return SCHEMA["properties"]["unit"]
    if part == "budget":
        return SCHEMA["$defs"]["project"]["properties"]["budget"]
    if part in ("period", "due"):
        return SCHEMA["$defs"]["target"]["properties"][part]
    return SCHEMA["$defs"][part]


@pytest.mark.parametrize("part", list(models.SCHEMA_PARTS))
def test_interchange_models_have_the_schemas_fields(part: str) -> None:
    schema = _properties(part)
    model = models.SCHEMA_PARTS[part]
    assert set(model.model_fields) == set(schema["properties"])
    required = {name for name, info in model.model_fields.items() if info.is_required()}
    assert required == set(schema.get("required", []))
    assert schema.get("additionalProperties") is False and model.model_config.get("extra") == "forbid"


def test_model_output_for_the_seed_validates_against_the_schema(seed_document: Document) -> None:
    data = document_to_dict(seed_document)
    typed = models.InterchangeDocument.model_validate(data).model_dump(mode="json", exclude_unset=True)
    jsonschema.validate(typed, SCHEMA)
    assert typed == json.loads(json.dumps(data))
    date_target = json.loads(json.dumps(data))
    date_target["projects"][0]["indicators"][0]["target"] = {
        "raw": "2025年10月底前", "kind": "qualitative", "op": None, "value": None, "unit": None,
        "direction": None, "due": {"end_year": 2025, "end_month": 10, "end_day": None, "start_year": None,
                                   "start_month": None, "text": "2025年10月底前"}}
    jsonschema.validate(models.InterchangeDocument.model_validate(date_target)
                        .model_dump(mode="json", exclude_unset=True), SCHEMA)


def test_every_operation_with_a_body_documents_its_400(empty_app: Any) -> None:
    spec = empty_app.openapi()
    with_body = [(path, method, operation) for path, item in spec["paths"].items()
                 for method, operation in item.items() if "requestBody" in operation]
    assert len(with_body) >= 6
    for path, method, operation in with_body:
        answer = operation["responses"]["400"]
        assert "无法解析" in answer["description"], (path, method)
        assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}


def test_a_monitoring_tables_progress_validates_against_the_schema() -> None:
    # kinds25: a read 监控表's typed indicator columns (progress) pass the API's model and the schema (the model
    # forbids unknown keys: without the field a 监控表 read by the API was refused)
    from tests.readers.test_indicator_progress import MONITOR, TITLE, _forms, _read

    data = document_to_dict(_read("表.txt", _forms(TITLE, MONITOR)[0][1]))
    typed = models.InterchangeDocument.model_validate(data).model_dump(mode="json", exclude_unset=True)
    jsonschema.validate(typed, SCHEMA)
    assert typed == json.loads(json.dumps(data))
    assert typed["projects"][0]["indicators"][1]["progress"]["likelihood"] == "完全不可能"
