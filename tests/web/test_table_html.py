"""The indicator rows and finding lists drawn in Python (web/table_html.py) are byte for byte what the
Jinja loop and macros of ``_target_table.html`` drew before: merged cells, empty and odd cell classes,
the raw target on hover, text that needs escaping, findings with and without suggestions, unknown
severities, with and without the findings column."""

from __future__ import annotations

from jinja2 import Environment

from perfbudget.review.finding import Finding
from perfbudget.web.annotate import IndicatorLine
from perfbudget.web.table_html import finding_list, indicator_rows

# The template text replaced by indicator_rows and finding_list (as it was in _target_table.html and _macros.html).
_BEFORE = """{% macro severity(sev) -%}
<span class="sev sev-{{ sev }}">{{ {"error": "错误", "warning": "警告", "info": "提示"}[sev] or sev }}</span>
{%- endmacro %}
{% macro finding_list(items) %}
{% for f in items %}<p class="finding">{{ severity(f.severity) }} <strong>{{ f.dimension }}</strong> {{ f.message }}\
{% if f.suggestion %}<span class="suggest">建议：{{ f.suggestion }}</span>{% endif %}</p>{% endfor %}
{% endmacro %}
{% macro rows(lines, findings_column) %}
  {% for line in lines %}
  <tr id="indicator-{{ line.position }}">
    {% if line.level1_span %}<td rowspan="{{ line.level1_span }}" class="{{ line.cell_class['level1'] }}">\
{{ line.level1 }}</td>{% endif %}
    {% if line.level2_span %}<td rowspan="{{ line.level2_span }}" class="{{ line.cell_class['level2'] }}">\
{{ line.level2 }}</td>{% endif %}
    <td class="{{ line.cell_class['level3'] }} {{ line.cell_class['row'] }}">{{ line.level3 }}</td>
    <td colspan="2" class="{{ line.cell_class['description'] }}">{{ line.description or "" }}</td>
    <td class="target {{ line.cell_class['target'] }}"{% if line.raw_differs %} title="原文：{{ line.target_raw }}"\
{% endif %}>{{ line.target }}</td>
    {% if findings_column %}<td class="findings">{% if line.findings %}{{ finding_list(line.findings) }}{% endif %}\
</td>{% endif %}
  </tr>
  {% endfor %}
{% endmacro %}"""


def _before() -> object:
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_BEFORE.replace("\\\n", "")).module


def _finding(severity: str, message: str, suggestion: str, dimension: str = "完整性") -> Finding:
    return Finding(1, 1, None, message, suggestion, None, "rule", dimension, severity)


_CLASSES = ("level1", "level2", "level3", "row", "description", "target")


def _lines() -> list[IndicatorLine]:
    findings = [_finding("error", "指标值<缺失> & \"引号\" '单引号'", "写明<数值>"),
                _finding("warning", "没有建议", ""), _finding("odd", "未知级别", "x", dimension="维度<b>"),
                _finding("", "空级别", "")]
    return [
        IndicatorLine(1, "产出指标", "数量指标", "培训<人次>", "描述 & 说明", "≥100人次", "不少于100人次",
                      level1_span=3, level2_span=2, findings=findings[:2],
                      cell_class=dict.fromkeys(_CLASSES, "") | {"target": "has-error", "row": "has-warning"},
                      raw_differs=True),
        IndicatorLine(2, "产出指标", "数量指标", "覆盖率", None, "100%", "100%",
                      cell_class=dict.fromkeys(_CLASSES, "")),
        IndicatorLine(3, "产出指标", "质量指标", "合格率", "", "≥95%", '"95"以上', level2_span=1,
                      findings=findings[2:], cell_class=dict.fromkeys(_CLASSES, "has-odd"), raw_differs=True),
        IndicatorLine(4, "效益指标", "社会效益指标", "满意度", "群众满意度", "≥90%", "",
                      level1_span=1, level2_span=1, cell_class=dict.fromkeys(_CLASSES, "")),
    ]


def test_indicator_rows_are_what_the_template_drew() -> None:
    before = _before()
    for findings_column in (True, False):
        assert str(indicator_rows(_lines(), findings_column)) == str(before.rows(_lines(), findings_column))  # type: ignore[attr-defined]
    assert str(indicator_rows([], True)) == str(before.rows([], True)) == ""  # type: ignore[attr-defined]


def test_finding_lists_are_what_the_macro_drew() -> None:
    before = _before()
    for line in _lines():
        assert str(finding_list(line.findings)) == str(before.finding_list(line.findings))  # type: ignore[attr-defined]
