"""A review payload's JSON text written from a template is json.dumps's text, whatever the payload holds."""

from __future__ import annotations

import json
from typing import Any

from perfbudget.app import payload_text as module
from perfbudget.app.payload_text import payload_text


def _finding(**changes: Any) -> dict[str, Any]:
    finding: dict[str, Any] = {"rule": "rate-over-100", "dimension": "适当性", "severity": "error", "project": 2,
                               "indicator": 3, "field": "target", "message": "「服务验收合格率」写作≥100%，无法达到",
                               "suggestion": "写作「100%」", "source": {"file": "a.txt"}}
    finding.update(changes)
    return finding


def _payload(findings: list[Any], **changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"format": "perfbudget-review/1",
                               "projects": [{"seq": 2, "name": "检察业务", "grade": "中", "errors": 1, "warnings": 0,
                                             "infos": 0, "category": None, "complete": True,
                                             "basis": ["中：有错误1个（退回修改后重新申报）"]}],
                               "findings": findings}
    payload.update(changes)
    return payload


def test_payload_text_is_json_dumps_text() -> None:
    shared = {"file": "共享\"文件\\名.txt"}
    payloads = [
        _payload([]),
        _payload([_finding()]),
        _payload([_finding(project=None, indicator=None, field=None, source=None),
                  _finding(message='引号"、反斜杠\\、换行\n、制表\t、控制\x01、\u2028、\ud800', source=shared),
                  _finding(rule="typo", dimension="规范性", severity="warning", indicator=-1, source=shared),
                  _finding(suggestion="/斜杠/ 与 emoji 😀", project=10**30)]),
    ]
    odd = [
        _finding(project=True), _finding(indicator=1.5), _finding(field=7), _finding(message=None),
        _finding(source=["a.txt"]), _finding(source="a.txt"), _finding(rule=None),
        {key: value for key, value in reversed(_finding().items())},  # the keys in another order
        {**_finding(), "extra": 1}, "not a finding", None,
    ]
    payloads += [_payload([_finding(), item]) for item in odd]
    payloads += [{"findings": [], "format": "x", "projects": []}, {**_payload([]), "findings": (_finding(),)},
                 ["a list"], "text", {"format": 1, "projects": 2, "findings": [], "more": 3}]
    for payload in payloads:
        assert payload_text(payload) == json.dumps(payload, ensure_ascii=False)


def test_repeated_texts_stay_bounded(monkeypatch: Any) -> None:
    monkeypatch.setattr(module, "REPEATED_LIMIT", 3)
    payload = _payload([_finding(suggestion=f"建议{i}") for i in range(10)])
    assert payload_text(payload) == json.dumps(payload, ensure_ascii=False)
    assert len(module._REPEATED) <= 3
