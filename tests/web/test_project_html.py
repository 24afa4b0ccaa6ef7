"""The project page's content drawn in Python (web/project_html.py, web/table_html.target_table) is byte for
byte what the Jinja templates drew before (``project.html`` and the ``target_table`` macro of
``_target_table.html``, kept below as they were, with the environment's filters and the real ``base.html``
and ``_macros.html``): every branch of the page — revisions, versions, grades, a cut table, findings in the
header, rows and loose, events, workflow steps per role, self-evaluations — and text that needs escaping in
every value shown."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from itertools import product
from typing import Any

import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
from markupsafe import Markup

from perfbudget.app.overview import ProjectHead, unit_path
from perfbudget.app.roles import Action, Principal, Role
from perfbudget.app.workflow import STATE_LABELS, STEPS, allowed_steps
from perfbudget.model import Budget, Document, Indicator, Project, Unit
from perfbudget.review.finding import Finding
from perfbudget.target import parse_target
from perfbudget.web.annotate import annotate
from perfbudget.web.project_html import project_content
from perfbudget.web.table_html import target_table
from perfbudget.web.templating import TEMPLATES, make_templates
from perfbudget.writers.print_layout import css_string, running_head
from tests.web.conftest import csrf_of


def _page_head(head: ProjectHead) -> Markup:
    """print24's addition: the printed pages' head, whose table it is, a CSS string."""
    return Markup(css_string(running_head(f"{head.unit_code or ''}{head.unit_name or ''}", head.name)))


# The templates as they were before the page was drawn in Python (and print24's printed head).
_PROJECT_BEFORE = """{% extends "base.html" %}
{% from "_macros.html" import grade_badge, state_badge, eval_badge, csrf %}
{% from "_target_table.html" import target_table %}
{% block title %}{{ head.name }}{% endblock %}
{% block content %}
<style>@page{@top-center{content:{{ page_head(head) }};font-size:9pt}}</style>
<div class="page-head">
  <div>
    <h1>{{ head.name }} <small>{{ head.fund_label or "" }}</small></h1>
    <div><a href="{{ unit_path(head.unit_code, head.unit_id, head.unit_name) }}">{{ head.unit_name }}</a>\
 · <span id="project-year">{% if head.fund_year is not none %}{{ head.fund_year }} 年度{% else %}年度未注明{% endif \
%}</span> · 第 {{ meta.version }} 版\
{% if meta.version == head.official_version and head.revision_pending %}（正式版本）{% elif meta.version != \
head.official_version %}（正式版本为第 {{ head.official_version }} 版，<a href="/projects/{{ head.id }}">\
查看正式版本</a>）{% endif %}
      · 审核等级 {% if reviewer_grade %}<span id="official-grade">{{ grade_badge(reviewer_grade) }}</span>（\
审核人员评定；系统评定 {{ grade_badge(grade) }}）{% else %}{{ grade_badge(grade) }}{% endif %}{% if not proj\
ect.complete %}<span class="partial-grade">（表格不完整，只评了已读部分）</span>{% endif %} · 状态 {{ state_\
badge(head.state, state_labels) }}
      · 自评 {{ eval_badge(evaluation.grade if evaluation else None, evaluation.total if evaluation else Non\
e) }}</div>
  </div>
  <div class="actions">
    {% if can_edit %}<a class="button primary" href="/projects/{{ head.id }}/edit" id="edit-link">修改指标</\
a>{% endif %}
    {% if may_edit_unit and may_evaluate %}<a class="button" href="/projects/{{ head.id }}/evaluate">填报实\
际完成值（自评）</a>{% endif %}
    {% if evaluation %}<a class="button" href="/projects/{{ head.id }}/evaluation">查看自评结果</a>{% endif \
%}<a class="button" href="/projects/{{ head.id }}/monitoring" id="monitoring-link">运行监控</a>
    <a class="button" href="/projects/{{ head.id }}/history">历史版本</a>
    <a class="button" href="/projects/{{ head.id }}/review" id="desk-link">审核台</a>
  </div>
</div>
{% if head.revision_pending %}
<p class="flash" id="revision-note">审核通过的第 {{ head.approved_version }} 版是正式版本（显示、导出、自评\
均用它）；修订稿第 {{ head.latest_version }} 版（{{ state_labels[head.state] }}）需送审并审核通过后才生效。{\
% if meta.version != head.latest_version %}<a href="/projects/{{ head.id }}?version={{ head.latest_version }\
}">查看修订稿</a>{% endif %}</p>
{% endif %}
<section class="card">
  <div class="page-head"><h2>绩效目标表</h2>
  <div class="screen-only">下载：{% for fmt in formats %}<a href="/projects/{{ head.id }}/download/{{ fmt }}?vers\
ion={{ meta.version }}" class="button">{{ format_labels[fmt] }}</a> {% endfor %}</div></div>
  {{ target_table(table, document, findings_column=table.has_placed_findings) }}
  <p class="muted">来源：{{ meta.file|filename }} · 导入于 {{ meta.imported_at|when }} · 审核发现 {{ finding\
s|length }} 条</p>
</section>
<section class="card" id="workflow">
  <h2>审核流程</h2>
  {% if events %}
  <ul class="events">
    {% for e in events %}<li>{{ e.at|when }} · {{ e.user_label or e.username or "" }} · {{ state_labels[e.from_st\
ate] }} → <strong\
>{{ state_labels[e.to_state] }}</strong>{% if e.version_number %}（第 {{ e.version_number }} 版）{% endif %}\
{% if e.comment %}：<q>{{ e.comment }}</q>{% endif %}{% if e.justification %}（送审说明：<q>{{ e.justificati\
on }}</q>）{% endif %}</li>{% endfor %}
  </ul>
  {% else %}<p class="muted">尚未送审。</p>{% endif %}
  {% if head.state == "returned" %}<p class="flash" id="returned-note">已退回：请按审核意见修改后重新送审。\
{% if may_edit_unit %}退回意见和每条单元格意见都列在<a href="/projects/{{ head.id }}/edit" id="returned-edit">\
「修改指标」</a>页上，单元格意见在它所在的那一行；改好保存后回到本页送审。{% else %}\
审核人员对单元格的意见见<a href="/projects/{{ head.id }}/review">审核台</a>，{% endif %}全部意见见<a href="/projects/{{\
 head.id }}/opinion.html">审核意见书</a>。</p>{% endif %}{% if meta.version != head.latest_version and steps|selec\
tattr("action", "equalto", "approve")|list %}{% set steps = steps|rejectattr("action", "equalto", "approve")|list \
%}<p class="muted" id="approve-latest">审核通过须在最新的第 {{ head.latest_version }} 版上进行：<a href="/pr\
ojects/{{ head.id }}?version={{ head.latest_version }}">查看第 {{ head.latest_version }} 版</a></p>{{ "\\n" }}{% en\
dif %}
  {% if steps %}
  <form method="post" action="/projects/{{ head.id }}/workflow" class="workflow-form">
    {{ csrf(csrf_token) }}
    <input type="hidden" name="version" value="{{ meta.version }}">
    <label>意见{% if steps|selectattr("action", "equalto", "return")|list %}（退回时必填）{% endif %}<textar\
ea name="comment" rows="2"></textarea></label>
    {% if steps|selectattr("action", "equalto", "submit")|list %}<label>送审说明（最新版本有「错误」级审核意\
见时必填，记入流程记录）<textarea name="justification" rows="2"></textarea></label>{% endif %}
    {% for s in steps %}<button type="submit" name="action" value="{{ s.action }}" class="{{ 'primary' if s.\
action in ('submit', 'approve') else ('danger' if s.action == 'return' else '') }}">{{ s.label }}</button> {\
% endfor %}
  </form>
  {% endif %}
</section>
{% endblock %}
"""
_TARGET_TABLE_BEFORE = """{% macro target_table(table, document, findings_column=True) %}
{% set p = table.project %}
<div class="table-title">{{ p.title or ((p.name_cell or p.name) ~ "绩效目标表") }}</div>
{% set cols %}<colgroup>{% for w in ((10, 11, 19, 9, 9, 10, 32) if findings_column else (15, 16, 28, 13, 13, 15)) %}\
<col style="width:{{ w }}%">{% endfor %}</colgroup>{% endset %}
<div class="target-pair" id="target-table">
<table class="target-table target-head">{{ cols }}
  <tr><td colspan="5">{{ document.unit.code or "" }}{{ document.unit.name or "" }}</td><td colspan="1" class\
="num">{% if document.money_unit %}单位：{{ document.money_unit }}{% else %}金额单位未注明{% endif %}</td>\
{% if findings_column %}<th>审核发现</th>{% endif %}</tr>
  <tr><th>项目名称</th><td colspan="5" class="{{ table.header_class['name'] }}">{{ p.name_cell or p.name }}<\
/td>{% if findings_column %}<td class="findings">{% if table.header['name'] %}{{ finding_list(table.header['\
name']) }}{% endif %}</td>{% endif %}</tr>
  <tr><th rowspan="2">预算规模及资金用途</th><th>预算数</th><td class="num {{ table.header_class['budget'] }\
}">{{ p.budget.total|dec }}</td><th>其中：财政资金</th><td class="num">{{ p.budget.fiscal|dec }}</td><td>其\
他资金 {{ p.budget.other|dec }}</td>{% if findings_column %}<td class="findings">{% if table.header['budget'\
] %}{{ finding_list(table.header['budget']) }}{% endif %}</td>{% endif %}</tr>
  <tr><td colspan="5" class="{{ table.header_class['purpose'] }}">{{ p.purpose or "" }}</td>{% if findings_c\
olumn %}<td class="findings">{% if table.header['purpose'] %}{{ finding_list(table.header['purpose']) }}{% e\
ndif %}</td>{% endif %}</tr>
  <tr><th>绩效目标</th><td colspan="5" class="{{ table.header_class['goals'] }}">{% for g in p.goals %}{{ lo\
op.index }}.{{ g }}{% if not loop.last %}<br>{% endif %}{% endfor %}</td>{% if findings_column %}<td class="\
findings">{% if table.header['goals'] %}{{ finding_list(table.header['goals']) }}{% endif %}</td>{% endif %}\
</tr>
</table>
<table class="target-table target-indicators">{{ cols }}
  <thead><tr class="indicator-head"><th>一级指标</th><th>二级指标</th><th>三级指标</th><th colspan="2">绩效指\
标描述</th><th>指标值</th>{% if findings_column %}<th></th>{% endif %}</tr></thead>
{% for group in level1_groups(table.lines, findings_column) %}<tbody class="level1{{ ' whole' if kept_whole(group, \
findings_column) }}">
{{ indicator_rows(group, findings_column) }}</tbody>{% else %}<tbody>
</tbody>{% endfor %}</table>
</div>
{% if table.loose %}<div class="card"><h2>其他审核发现</h2>{{ finding_list(table.loose) }}</div>{% endif %}
{% endmacro %}
"""

_NASTY = "<b>&\"'</b>"


def _before_env() -> Environment:
    from perfbudget.web.table_html import finding_list, indicator_rows, kept_whole, level1_groups

    now = make_templates().env
    env = Environment(loader=ChoiceLoader([DictLoader({"project_before.html": _PROJECT_BEFORE,
                                                       "_target_table.html": _TARGET_TABLE_BEFORE}),
                                           FileSystemLoader(str(TEMPLATES))]),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(now.filters)
    env.globals.update(indicator_rows=indicator_rows, level1_groups=level1_groups, finding_list=finding_list,
                       unit_path=unit_path, page_head=_page_head, kept_whole=kept_whole)
    return env


def _finding(indicator: int | None, field: str | None, severity: str, text: str = "") -> Finding:
    return Finding(1, indicator, field, f"问题{text}", f"建议{text}" if severity != "info" else "", None, "rule",
                   f"完整性{text}", severity)


def _document(text: str, complete: bool, title: bool, budget: bool, goals: int) -> Document:
    def indicator(l1: str, l2: str, l3: str, target: str, description: str | None = None) -> Indicator:
        return Indicator(l1, l2, f"{l3}{text}", description, parse_target(target))

    indicators = (indicator("产出指标", "数量指标", "培训人次", "≥100人次", f"说明{text}"),
                  indicator("产出指标", "数量指标", "覆盖率", "不少于95%"),
                  indicator("产出指标", f"质量指标{text}", "合格率", "100%"),
                  indicator("效益指标", "社会效益指标", "满意度", f"较好{text}", ""))
    money = Budget(Decimal("120.5"), Decimal("100"), None) if budget else Budget()
    project = Project(1, f"标题{text}" if title else None, f"项目{text}", f"2025中央{text}" if text else None, 2025,
                      None, money, f"用途{text}" if text else None,
                      tuple(f"目标{i}{text}" for i in range(1, goals + 1)), indicators,
                      name_cell=f"项目{text}（2025中央）" if title else None, complete=complete)
    return Document(Unit("255101" if text else None, f"单位{text}" if text else None), "元" if budget else None,
                    (project,))


_FINDINGS = {
    "none": [],
    "rows": [_finding(1, "target", "error", _NASTY), _finding(1, None, "warning"), _finding(3, "level3", "info"),
             _finding(4, "description", "odd<x>")],
    "header": [_finding(None, "name", "warning", _NASTY), _finding(None, "budget.total", "error"),
               _finding(None, "purpose", "info"), _finding(None, "goals", "warning")],
    "loose": [_finding(None, None, "error", _NASTY), _finding(9, "target", "warning")],
}
_EVENTS = [
    {"id": 1, "at": datetime(2025, 3, 1, 8, 30, tzinfo=UTC), "username": f"审核人{_NASTY}", "from_state": "draft",
     "to_state": "submitted", "version_number": 2, "comment": None, "justification": f"说明{_NASTY}"},
    {"id": 2, "at": datetime(2025, 3, 2, 9, 0), "username": None, "from_state": "submitted", "to_state": "returned",
     "version_number": None, "comment": f"退回{_NASTY}", "justification": ""},
    {"id": 3, "at": datetime(2025, 3, 3), "username": "x", "from_state": None, "to_state": "odd",
     "version_number": 3, "comment": "", "justification": None},
]
_PRINCIPALS = [Principal(1, "admin", "管理员", Role.ADMIN, None),
               Principal(2, "rev", "审核人", Role.REVIEWER, None),
               Principal(3, "ed", "填报人", Role.UNIT_EDITOR, "255101"),
               Principal(4, "view", "查看人", Role.VIEWER, None)]


def _context(i: int, state: str, revision: bool, version_shown: str, findings: str, text: str,
             principal: Principal) -> dict[str, Any]:
    document = _document(text, complete=i % 3 != 0, title=i % 2 == 0, budget=i % 4 != 1, goals=i % 4)
    approved = 2 if revision else (None if state != "approved" else 3)
    head = ProjectHead(7, f"项目{text}", f"2025中央{text}" if text else None, 2025, 11, "255101" if i % 2 else None,
                       f"单位{text}" if i % 5 else None, 3, state, approved)
    number = {"latest": 3, "official": head.official_version, "first": 1}[version_shown]
    meta = {"project_id": 7, "version": number, "latest_version": 3, "document_id": 5,
            "file": f"/srv/上传/表{text}.xlsx" if i % 3 else None,
            "imported_at": datetime(2025, 1, 2, 3, 4, tzinfo=UTC) if i % 2 else datetime(2025, 1, 2, 3, 4)}
    project = document.projects[0]
    found = _FINDINGS[findings]
    evaluation = [None, {"grade": "良", "total": Decimal("85.50")}, {"grade": "优", "total": None},
                  {"grade": None, "total": Decimal("1")}][i % 4]
    return {"head": head, "meta": meta, "document": document, "project": project,
            "table": annotate(project, found), "grade": [None, "优", "差"][i % 3],
            "reviewer_grade": [None, "良"][i % 2 if i % 7 else 0], "findings": found,
            "steps": allowed_steps(principal, head.unit_code, state), "events": _EVENTS[:i % 4],
            "state_labels": STATE_LABELS, "evaluation": evaluation,
            "can_edit": i % 2 == 1, "may_edit_unit": i % 3 == 1, "may_evaluate": i % 5 != 2,
            "formats": ("xlsx", "docx", "html", "json"), "format_labels": {"xlsx": "Excel", "docx": "Word",
                                                                          "html": "网页", "json": "JSON"}}


_CASES = list(product(("draft", "submitted", "returned", "approved"), (False, True), ("latest", "official", "first"),
                      tuple(_FINDINGS), ("", _NASTY)))


@pytest.mark.parametrize("principal", _PRINCIPALS, ids=lambda p: p.role.value)
def test_project_page_is_what_the_templates_drew(principal: Principal) -> None:
    before = _before_env().get_template("project_before.html")
    now = make_templates().env.get_template("project.html")
    token = f"token{_NASTY}"
    frame = {"user": principal, "csrf_token": token, "Action": Action, "flashes": [["ok", f"已保存{_NASTY}"]]}
    kinds = set()
    for i, (state, revision, shown, findings, text) in enumerate(_CASES):
        context = _context(i, state, revision, shown, findings, text, principal)
        kinds.add((bool(context["steps"]), bool(context["events"]), context["table"].has_placed_findings))
        drawn = now.render(title=context["head"].name, content=project_content(context, token), **frame)
        assert drawn == before.render(**context, **frame), (state, revision, shown, findings, text)
    assert len(kinds) >= 4  # pages with and without steps, events, the findings column


def test_target_table_is_what_the_macro_drew() -> None:
    macro = _before_env().get_template("_target_table.html").module.target_table  # type: ignore[attr-defined]
    for i, findings in enumerate(_FINDINGS):
        for text in ("", _NASTY):
            document = _document(text, complete=True, title=i % 2 == 0, budget=i % 3 != 1, goals=i)
            table = annotate(document.projects[0], _FINDINGS[findings])
            for column in (True, False):
                assert str(target_table(table, document, findings_column=column)) == str(
                    macro(table, document, findings_column=column))


def test_every_step_is_drawn_somewhere() -> None:
    actions = {s.action for p in _PRINCIPALS for state in STATE_LABELS for s in allowed_steps(p, "255101", state)}
    assert actions == set(STEPS)


def _blanked(page: str) -> str:
    """The page with its CSRF tokens blanked (each client's session keeps its own)."""
    return re.sub(r'(name="csrf_token" value="|"X-CSRF-Token": ")[^"]*"', r'\1-"', page)


def test_a_page_put_into_its_cached_frame_is_the_page_rendered_whole(web: Any) -> None:
    """The page cache's project pages (the frame drawn once per role and unit, routes.common.render_framed)
    are byte for byte what a second app on the same store without the page cache renders whole, for every
    role, the other unit's project, ``?version=``, and a page with a flash message (never framed)."""
    from fastapi.testclient import TestClient

    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    whole_app = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                     page_cache=False))
    paths = [f"/projects/{pid}" for pid in web.project_ids[:3]] + [f"/projects/{web.project_ids[0]}?version=1",
                                                                    f"/projects/{web.other_project_id}"]
    for user in ("admin", "reviewer", "editor", "other_editor", "viewer"):
        cached = web.client(user)
        whole = TestClient(whole_app, base_url="http://testserver", cookies=dict(cached.cookies))
        for path in paths * 2:  # the second time from the page cache
            a, b = cached.get(path), whole.get(path)
            assert (a.status_code, _blanked(a.text)) == (b.status_code, _blanked(b.text)), (user, path)
    assert len(web.app.state.frames) == 5  # one a role, and one for each editor's unit
    # A flash message shows on the next page, which is rendered whole, not framed nor cached.
    editor = web.client("editor")
    pid = web.project_ids[0]
    # (a step taken: a refused one answers the page with its message at once since webflow20)
    step = editor.post(f"/projects/{pid}/workflow", data={"action": "comment", "comment": "已核对",
                                                           "csrf_token": csrf_of(editor, f"/projects/{pid}")},
                       follow_redirects=False)
    assert step.status_code in (303, 403)
    shown = editor.get(f"/projects/{pid}").text
    again = editor.get(f"/projects/{pid}").text
    assert shown.count('class="flash') > again.count('class="flash') or step.status_code == 403
