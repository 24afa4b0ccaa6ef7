"""The project page's content (the 绩效目标表 with its findings, the workflow card), drawn in Python.

An uncached project page is the hottest page at province scale, and Jinja's runtime (a look-up, an
escape and a write through the template's context per value, a macro call per badge) was about half
of its CPU (bench/README.md, web-page9 and web-page10). Here the page's title and its ``content``
block are f-strings; ``project.html`` puts them into ``base.html``'s frame. The output is byte for byte
what the Jinja template drew (with the environment's ``trim_blocks`` and ``lstrip_blocks``):
``tests/web/test_project_html.py`` renders both and compares. Every value is escaped by
``markupsafe.escape``, the function Jinja's autoescape calls, so a value is escaped exactly as
before (``None`` is drawn as ``None`` where the template drew it so).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from perfbudget.app.overview import unit_path
from perfbudget.model import Project
from perfbudget.readers.cell_comments import project_comments
from perfbudget.web.html_text import text
from perfbudget.web.table_figures_html import table_figures
from perfbudget.web.table_html import target_table
from perfbudget.web.templating import filename, when
from perfbudget.writers.print_layout import css_string, running_head


def grade_badge(grade: str | None) -> str:
    """The review grade's badge (the ``grade_badge`` macro of ``_macros.html``)."""
    return f'<span class="badge g-{text(grade)}">{text(grade)}</span>' if grade else (
        '<span class="badge muted">未审核</span>')


def eval_badge(grade: str | None, total: Any) -> str:
    """The self-evaluation's badge (the ``eval_badge`` macro)."""
    if not grade:
        return '<span class="badge muted">未自评</span>'
    shown = f" {text(total)}" if total else ""
    return f'<span class="badge g-{text(grade)}">{text(grade)}{shown}</span>'


def state_badge(state: str, labels: Mapping[str, str]) -> str:
    """The workflow state's badge (the ``state_badge`` macro)."""
    return f'<span class="badge s-{text(state)}">{text(labels.get(state, ""))}</span>'


def _event(e: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    number, comment, justification = e.get("version_number"), e.get("comment"), e.get("justification")
    before, after = labels.get(e.get("from_state") or "", ""), labels.get(e.get("to_state") or "", "")
    who = e.get("user_label") or e.get("username") or ""  # the display name (replay-k), else the account
    return (f'<li>{text(when(e["at"]))} · {text(who)} · {text(before)} → <strong>{text(after)}'
            f'</strong>{f"（第 {text(number)} 版）" if number else ""}'
            f'{f"：<q>{text(comment)}</q>" if comment else ""}'
            f'{f"（送审说明：<q>{text(justification)}</q>）" if justification else ""}</li>')


def _workflow_form(head_id: int, steps: Sequence[Any], token: str, kept: Mapping[str, Any] | None = None,
                   version: int | None = None) -> str:
    """The workflow's form; ``kept``: a refused step's texts, put back, and the field it needs (``needs``) marked
    and focused; ``version``: the version the page shows, which a 审核通过 approves only while it is the latest."""
    actions = {s.action for s in steps}

    def area(name: str) -> str:
        if not kept:  # every page but a refused step's answer
            return f'<textarea name="{name}" rows="2"></textarea>'
        marked = ' aria-invalid="true" class="invalid" autofocus' if kept.get("needs") == name else ""
        return f'<textarea name="{name}" rows="2"{marked}>{text(kept.get(name) or "")}</textarea>'
    buttons = "".join(
        f'<button type="submit" name="action" value="{text(s.action)}" class="'
        f'{"primary" if s.action in ("submit", "approve") else ("danger" if s.action == "return" else "")}">'
        f'{text(s.label)}</button> ' for s in steps)
    justification = ('<label>送审说明（最新版本有「错误」级审核意见时必填，记入流程记录）'
                     f'{area("justification")}</label>' if "submit" in actions else "")
    return (f'  <form method="post" action="/projects/{head_id}/workflow" class="workflow-form">\n'
            f'    <input type="hidden" name="csrf_token" value="{text(token)}">\n'
            + (f'    <input type="hidden" name="version" value="{text(version)}">\n' if version is not None else "") +
            f'    <label>意见{"（退回时必填）" if "return" in actions else ""}'
            f'{area("comment")}</label>\n'
            f'{justification}{buttons}  </form>\n')


def project_content(c: Mapping[str, Any], token: str) -> Markup:
    """The ``content`` block of the project page for the context ``c`` (the keys
    :func:`perfbudget.web.routes.projects.project_response` fills) and the CSRF ``token`` of its form."""
    head, meta, labels, evaluation = c["head"], c["meta"], c["state_labels"], c["evaluation"]
    hid, version = head.id, meta["version"]
    official, reviewer_grade, grade = head.official_version, c["reviewer_grade"], c["grade"]
    if version == official and head.revision_pending:
        which = "（正式版本）"
    elif version != official:
        which = f'（正式版本为第 {text(official)} 版，<a href="/projects/{hid}">查看正式版本</a>）'
    else:
        which = ""
    graded = (f'<span id="official-grade">{grade_badge(reviewer_grade)}</span>（审核人员评定；系统评定 '
              f'{grade_badge(grade)}）' if reviewer_grade else grade_badge(grade))
    partial = "" if c["project"].complete else '<span class="partial-grade">（表格不完整，只评了已读部分）</span>'
    evaluated = eval_badge(evaluation["grade"] if evaluation else None, evaluation["total"] if evaluation else None)
    actions = ((f'<a class="button primary" href="/projects/{hid}/edit" id="edit-link">修改指标</a>'
                if c["can_edit"] else "")
               + (f'<a class="button" href="/projects/{hid}/evaluate">填报实际完成值（自评）</a>'
                  if c["may_edit_unit"] and c["may_evaluate"] else "")
               + (f'<a class="button" href="/projects/{hid}/evaluation">查看自评结果</a>' if evaluation else "")
               + f'<a class="button" href="/projects/{hid}/monitoring" id="monitoring-link">运行监控</a>\n')
    revision = ""
    if head.revision_pending:
        latest = head.latest_version
        newer = (f'<a href="/projects/{hid}?version={text(latest)}">查看修订稿</a>' if version != latest else "")
        revision = (f'<p class="flash" id="revision-note">审核通过的第 {text(head.approved_version)} 版是正式版本'
                    f'（显示、导出、自评均用它）；修订稿第 {text(latest)} 版（{text(labels.get(head.state, ""))}）'
                    f'需送审并审核通过后才生效。{newer}</p>\n')
    labels_of = c["format_labels"]
    downloads = "".join(f'<a href="/projects/{hid}/download/{text(fmt)}?version={text(version)}" class="button">'
                        f'{text(labels_of.get(fmt, ""))}</a> ' for fmt in c["formats"])
    table = c["table"]
    events = c["events"]
    history = (f'  <ul class="events">\n{"".join(_event(e, labels) for e in events)}  </ul>\n' if events
               else '<p class="muted">尚未送审。</p>')
    if c.get("events_more"):  # the newest only: a unit's editor may add thousands of comments
        history = (f'<p class="muted" id="events-more">只显示最新 {len(events)} 条，较早的见'
                   f'<a href="/projects/{hid}/history#workflow">全部流程记录</a>。</p>\n{history}')
    returned = _returned_note(hid, c["may_edit_unit"]) if head.state == "returned" else ""
    steps = c["steps"]
    if version != head.latest_version and any(s.action == "approve" for s in steps):
        # a 审核通过 names the version shown and is refused on any but the latest (attack38's second reading: the
        # approved version, shown while a revision waited, offered a 审核通过 refused every time)
        steps = [s for s in steps if s.action != "approve"]
        latest = text(head.latest_version)
        returned += (f'<p class="muted" id="approve-latest">审核通过须在最新的第 {latest} 版上进行：'
                     f'<a href="/projects/{hid}?version={latest}">查看第 {latest} 版</a></p>\n')
    figures = table_figures(c["project"], hid, c["document"].money_unit, c["may_edit_unit"] and c["may_evaluate"],
                            c["document"].kind)
    # the year always said (until webflow23 only within the 资金 label, which many tables leave blank: corpus r05)
    year = f"{text(head.fund_year)} 年度" if head.fund_year is not None else "年度未注明"
    # printed from the browser, every page names the unit and the project in its top margin (print24: page 2 on of a
    # long table named neither); the names escaped as a CSS string (css_string: no 「<」 leaves the style)
    whose = css_string(running_head(f"{head.unit_code or ''}{head.unit_name or ''}", head.name))
    return Markup(
        f'<style>@page{{@top-center{{content:{whose};font-size:9pt}}}}</style>\n'
        '<div class="page-head">\n  <div>\n'
        f'    <h1>{text(head.name)} <small>{text(head.fund_label or "")}</small></h1>\n'
        f'    <div><a href="{text(unit_path(head.unit_code, head.unit_id, head.unit_name))}">{text(head.unit_name)}</a>'
        f' · <span id="project-year">{year}</span> · 第 {text(version)} 版{which}'
        f'      · 审核等级 {graded}{partial} · 状态 {state_badge(head.state, labels)}\n'
        f'      · 自评 {evaluated}</div>\n  </div>\n  <div class="actions">\n{actions}'
        f'    <a class="button" href="/projects/{hid}/history">历史版本</a>\n'
        f'    <a class="button" href="/projects/{hid}/review" id="desk-link">审核台</a>\n  </div>\n</div>\n'
        f'{revision}<section class="card">\n  <div class="page-head"><h2>绩效目标表</h2>\n'
        f'  <div class="screen-only">下载：{downloads}</div></div>\n'
        f'  {target_table(table, c["document"], table.has_placed_findings)}\n'
        f'  <p class="muted">来源：{text(filename(meta["file"]))} · 导入于 {text(when(meta["imported_at"]))} · '
        f'审核发现 {len(c["findings"])} 条</p>\n{_grade_basis(c.get("basis") or ())}</section>\n'
        f'{cell_comments(c["project"])}{figures}'
        '<section class="card" id="workflow">\n  <h2>审核流程</h2>\n'
        f'{history}{returned}{_workflow_form(hid, steps, token, c.get("kept"), version) if steps else ""}</section>\n'
        f'{_delete_form(hid, token) if c.get("may_delete") else ""}')


def _grade_basis(basis: Sequence[str]) -> str:
    """Why the system gave its grade (the review's 等级依据, as `perfbudget review` prints it and the API's
    ``review.basis`` gives it); nothing for a review stored without one. Until replay-s the page showed the grade
    alone."""
    if not basis:
        return ""
    items = "".join(f"<li>{text(line)}</li>" for line in basis)
    return f'  <div class="muted" id="grade-basis">系统评定的等级依据：<ul>{items}</ul></div>\n'


def _delete_form(head_id: int, token: str) -> str:
    """An admin's 删除项目 card (a project neither submitted nor approved: ``app.project_delete``)."""
    return ('<section class="card screen-only" id="project-delete">\n  <h2>删除项目（管理员）</h2>\n'
            '  <p class="muted">误导入的项目（未送审、未审核通过）可以删除：它的全部版本、审核与自评记录、流程记录一并'
            '删除，不能恢复；记入审计日志。</p>\n'
            f'  <form method="post" action="/projects/{head_id}/delete">\n'
            f'    <input type="hidden" name="csrf_token" value="{text(token)}">\n'
            '    <label><input type="checkbox" name="confirm" value="yes" required id="project-delete-confirm">'
            '确认删除该项目及其全部版本与记录</label>\n'
            '    <button type="submit" class="danger" id="project-delete-button">删除项目</button>\n  </form>\n'
            '</section>\n')


def cell_comments(project: Project) -> str:
    """The 批注 (comments) the table's cells carried in the file (an Excel cell's comment, kept with its field by the
    reader since replay-q), each beside its place, an indicator's linked to its row; nothing when there are none."""
    found = project_comments(project)
    if not found:
        return ""
    items = "".join(
        f'<li><a href="#indicator-{position}">{text(place)}</a>：{text(comment)}</li>' if position is not None
        else f'<li>{text(place)}：{text(comment)}</li>' for place, comment, position in found)
    return (f'<section class="card" id="cell-comments">\n  <h2>单元格批注（{len(found)} 条）</h2>\n'
            f'  <ul class="cell-comments">{items}</ul>\n</section>\n')


def _returned_note(hid: str, may_edit_unit: bool) -> str:
    """A returned project's note. The unit's editor is sent where she fixes the comments: the edit page lists the
    退回意见 and puts each cell comment in its own row (webflow26: it sent her to the reviewer's 审核台, where the
    comments stand apart from the table)."""
    where = (f'退回意见和每条单元格意见都列在<a href="/projects/{hid}/edit" id="returned-edit">「修改指标」</a>页上，'
             f'单元格意见在它所在的那一行；改好保存后回到本页送审。' if may_edit_unit
             else f'审核人员对单元格的意见见<a href="/projects/{hid}/review">审核台</a>，')
    return (f'<p class="flash" id="returned-note">已退回：请按审核意见修改后重新送审。{where}全部意见见'
            f'<a href="/projects/{hid}/opinion.html">审核意见书</a>。</p>')
