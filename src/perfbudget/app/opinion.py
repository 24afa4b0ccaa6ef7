"""The 审核意见书 (the reviewer's written opinion) of one project or of a unit's projects: the kept
findings, the comments and the decision, as Word (python-docx) and as one HTML page (``data/opinion.html``, its
style inlined: the page, the API's ``opinion.html`` and ``perfbudget desk opinion -o x.html`` give the same file;
until replay-k the HTML was a web template and the other faces had the Word file only).
Its 审核意见 holds every comment the reviewer wrote: the workflow's (退回意见, 审核通过意见, 意见, each
with the version it was made on: ``Desk.remarks``) and those on cells, each with its cell — also the
cells of earlier versions (``Desk.earlier_comments``, with their version), so a returned version's
comments stay in the opinion after the unit saves a new one."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perfbudget.app.opinion_pages import (
    COMMENT,
    CONTINUED,
    EARLIER,
    EARLIER_LEAD,
    FINDING,
    GROUP,
    HEAD,
    HEADING,
    HTML,
    NONE,
    REMARK,
    WORD,
    Entry,
    Layout,
    blocks,
    layouts,
    title_lines,
)
from perfbudget.app.review_desk import Desk, DeskFinding, finding_place
from perfbudget.app.workflow import APPROVED, STATE_LABELS
from perfbudget.review.finding import DIMENSIONS
from perfbudget.steps import Steps, quiet_steps
from perfbudget.vocabulary import SEVERITY_LABELS
from perfbudget.writers.stable_zip import stable_zip

if TYPE_CHECKING:
    from perfbudget.app.overview import UnitCode, UnitName
    from perfbudget.app.roles import Principal
    from perfbudget.app.settings import CoreSettings
    from perfbudget.store import Store

__all__ = ["EARLIER_HEADING", "OPINION_FORMS", "SEVERITY_LABELS", "SIGN_LINE", "decision_text", "earlier_line",
           "opinion_docx", "opinion_file", "opinion_html", "project_opinion_title", "running_head"]

# The forms the 审核意见书 is given in, on every face (the pages, the API, perfbudget desk opinion), and their
# media types
OPINION_FORMS = {"html": "text/html; charset=utf-8",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}

SIGN_LINE = "审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
EARLIER_HEADING = "此前版本的单元格意见（供核对修改情况）："


def project_opinion_title(desk: Desk) -> str:
    """The title (and file name) of one project's opinion, the same on the page, its Word file and the API's."""
    return f"{desk.view.head.name}审核意见书"


def year_text(desk: Desk) -> str:
    """The project's year as its opinion says it beside the unit (「年度：2024 年」, 「年度：未注明」; the desk's header
    says it so): until webflow25 the opinion of a project named no year, its title neither."""
    year = desk.view.head.fund_year
    return f"年度：{year} 年" if year is not None else "年度：未注明"


MOST_UNIT_PROJECTS = 200  # a unit's opinion names at most this many projects (the page's bound since issue 14)


def unit_opinion_desks(store: Store, principal: Principal, unit_key: int | str | UnitName | UnitCode, year: int | None,
                 settings: CoreSettings) -> tuple[str, list[Desk]]:
    """A unit's 审核意见书: its title and its projects' desks (their official versions, of ``year`` or of every
    year), as the page ``/units/{key}/opinion.html|docx``, the API's ``GET /api/v1/units/{key}/opinion.docx`` and
    ``perfbudget desk opinion --unit`` give it. ``unit_key``: the unit's code, the name of a unit without one, or
    its id (:func:`perfbudget.app.overview.unit_head`; NotFound for a unit the user may not see)."""
    from perfbudget.app.overview import project_rows, unit_head
    from perfbudget.app.review_desk import load_desks

    with store.reading() as tx:
        unit = unit_head(tx, principal, unit_key)
        ids = [r["id"] for r in project_rows(tx, principal, year, unit_id=unit["id"])][:MOST_UNIT_PROJECTS]
    # the projects without a stored review are reviewed together, one review of the unit (app/review_desk.py)
    desks = load_desks(store, principal, ids, settings)
    # (all years: 「某院绩效目标审核意见书」, not 「某院年度…」)
    return f"{unit['name'] or unit['code']}{f'{year}年度' if year else ''}绩效目标审核意见书", desks


def earlier_line(comment: dict[str, Any]) -> str:
    """「第 1 版 · 第 2 个指标「…」的指标值：请写明测算依据（reviewer）」."""
    who = comment.get("user_label") or comment.get("username") or ""
    return f"第 {comment['version']} 版 · {comment['label']}：{comment['text']}（{who}）"


def decision_text(desk: Desk) -> str:
    """The decision on the version the opinion shows. The approved (official) version of a project
    with a revision pending is 审核通过, not the revision's state (草稿/已送审…), which is named after."""
    head = desk.view.head
    shown = desk.view.version.meta["version"]
    if head.approved_version is not None and shown == head.approved_version and head.state != APPROVED:
        return (f"{STATE_LABELS[APPROVED]}（修订稿第 {head.latest_version} 版"
                f"{STATE_LABELS.get(head.state, head.state)}，审核通过前第 {shown} 版仍为正式版本）")
    return STATE_LABELS.get(head.state, head.state)


HEADING_FONT = "黑体"


def _plain_headings(word: Any) -> None:
    """The heading styles (Title, Heading 1–3) in 黑体 and black, the title's rule too. python-docx's
    template gives them the theme's fonts, which its theme language (``w:themeFontLang`` ja-JP) makes
    ＭＳ ゴシック and ＭＳ 明朝 in Word and WPS — Japanese fonts a Chinese system lacks — and blue, grey on a
    black-and-white printer (print17)."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = word.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):  # a theme font wins over a named one
            fonts.attrib.pop(qn(f"w:{theme}"), None)
        for script in ("ascii", "hAnsi", "eastAsia"):
            fonts.set(qn(f"w:{script}"), HEADING_FONT)
        style.font.color.rgb = RGBColor(0, 0, 0)
        # the rule under the title (the Title style's bottom border): black too, as under an official document's
        # title, where the template drew it in its theme's accent blue (print29's left item, download-cost)
        for border in style.element.iter(qn("w:pBdr")):
            for side in border:
                for theme in ("themeColor", "themeTint", "themeShade"):
                    side.attrib.pop(qn(f"w:{theme}"), None)
                side.set(qn("w:color"), "000000")


def _exact_lines(word: Any) -> None:
    """The text's lines, the headings' and the title's set at exact heights (:data:`opinion_pages.WORD`), so that
    Word, WPS and LibreOffice set them alike and the computed pages hold (print27): at python-docx's 1.15 lines a line
    is as tall as its font makes it — 14.7 pt in LibreOffice's Noto Sans CJK, about 16.4 pt in Word's 宋体."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    for name, points in (("Normal", WORD.line), ("Heading 1", WORD.name_line), ("Heading 2", WORD.heading_line),
                         ("Heading 3", WORD.heading_line), ("Title", WORD.title_line)):
        paragraph = word.styles[name].paragraph_format
        paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.line_spacing = Pt(points)



def _title(word: Any, title: str) -> None:
    """The opinion's title, its lines as :func:`title_lines` cuts it (a line break between two)."""
    heading = word.add_heading(level=0)
    lines = title_lines(title)
    for number, line in enumerate(lines, 1):
        run = heading.add_run(line)
        if number < len(lines):
            run.add_break()


def _numbering_from_one(word: Any) -> int:
    """A new numbering of the List Number style's list, from 1: each project's 审核发现 are numbered from 1 (one
    list ran on through a unit's opinion, its second project's findings numbered from 12; print17)."""
    numbering = word.part.numbering_part.element
    style_num = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract = next(num.abstractNumId.val for num in numbering.num_lst if num.numId == style_num)
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


UNIT_HEAD_CHARS = 20  # of the unit's name in a unit opinion's running head (the rest of the title follows it)


def running_head(title: str, desks: Sequence[Desk]) -> str:
    """The line at the top of every printed page of the opinion saying whose it is (print25): a project's 「预算单位：…
    项目名称：…」 (its title names the project alone), a unit's opinion its title (the unit's name cut to fit a line).
    A 40-finding project printed pages 2 and 3 naming neither the project nor the unit, a unit of 30 projects 14 pages
    naming no unit: a page taken from the pile could not be put back."""
    from perfbudget.writers import print_layout

    if len(desks) == 1 and title == project_opinion_title(desks[0]):
        head = desks[0].view.head
        return print_layout.running_head(head.unit_name, head.name)
    unit = next((desk.view.head.unit_name for desk in desks if desk.view.head.unit_name), None)
    if unit and title.startswith(unit) and len(unit) > UNIT_HEAD_CHARS:
        return unit[:UNIT_HEAD_CHARS - 1] + "…" + title[len(unit):]
    return title


def repeats_project_heading(title: str, desks: Sequence[Desk]) -> bool:
    """Whether each project's heading is repeated at the top of every printed page its part runs on to: in an opinion
    of more than one project (a unit's), whose running head names the unit only. Until print26 a page that began
    inside a project's findings (a unit of 30 projects: 10 of its 15 Word pages) named no project: the findings
    under it said 「第 3 个指标…」 of a project the reader had to look for pages back. A project's own opinion names
    it in every page's running head already."""
    return not (len(desks) == 1 and title == project_opinion_title(desks[0]))


def _entries(desk: Desk, html: bool) -> list[Entry]:
    """A project's part of the opinion, paragraph by paragraph, as Word (``html`` False) or the page prints it: the two
    say the head lines a little differently (the page's 审核结论 and grade in bold, the grade's reason on its line)."""
    from markupsafe import Markup, escape

    head = desk.view.head
    reviewer = desk.reviewer_grade
    version = desk.view.version.meta["version"]
    system, _ = desk.system_grading
    # the system's grade: the kept findings' where the reviewer dismissed some, the one of all of them named beside it
    # where it is another (the 等级依据 below is the kept findings'), as the desk page says it
    every = ALL_FINDINGS_GRADE.format(desk.kept_grading.all_grade) if desk.kept_grading and desk.regraded else ""
    said = f"{system}，{every}" if every else system or "无"
    graded = f"（审核人员评定；系统评定 {said}）" if reviewer else f"（系统评定，{every}）" if every else "（系统评定）"
    official = reviewer["grade"] if reviewer else system
    if html:
        reason = f"　理由：{reviewer['reason']}" if reviewer and reviewer.get("reason") else ""
        out = [Entry(HEAD, f"单位：{head.unit_name or ''}　{year_text(desk)}　版本：第 {version} 版　"
                           f"审核结论（流程状态）：{decision_text(desk)}",
                     Markup("单位：{}　{}　版本：第 {} 版　审核结论（流程状态）：<strong>{}</strong>").format(
                         head.unit_name or "", year_text(desk), version, decision_text(desk))),
               Entry(HEAD, f"审核等级：{official or '未评定'}{graded}{reason}",
                     Markup('审核等级：<strong class="official-grade">{}</strong>{}{}').format(
                         official or "未评定", graded, reason))]
    else:
        out = [Entry(HEAD, f"单位：{head.unit_name or ''}　{year_text(desk)}　版本：第 {version} 版　"
                           f"流程状态：{decision_text(desk)}"),
               Entry(HEAD, f"审核等级：{official or '未评定'}{graded}")]
        if reviewer and reviewer.get("reason"):
            out.append(Entry(HEAD, f"评定理由：{reviewer['reason']}"))
    out += _basis_entries(desk)
    out.append(Entry(HEADING, "审核发现"))
    out += _finding_entries(desk, html)
    out.append(Entry(HEADING, "审核意见"))
    if not desk.comments and not desk.remarks and not desk.earlier_comments:
        out.append(Entry(NONE, "无。"))
    out += [Entry(REMARK, line) for line in desk.remarks]  # 退回意见, 审核通过意见 … : the opinion on the whole project
    out += [Entry(COMMENT, f"{c['label']}：{c['text']}（{c.get('user_label') or c['username'] or ''}）")  # at its cell
            for c in desk.comments]
    if desk.earlier_comments:  # a returned version's cell comments, to check what the unit changed
        out.append(Entry(EARLIER_LEAD, EARLIER_HEADING))
        out += [Entry(EARLIER, earlier_line(c)) for c in desk.earlier_comments]
    if html:
        out = [entry if entry.markup else Entry(entry.kind, entry.text, str(escape(entry.text)), entry.number)
               for entry in out]
    return out


BASIS_LABEL = "等级依据　"  # before each line of the grade's basis, as `perfbudget review` prints them (docs/review.md)
SUGGESTION_LABEL = "建议："
# said under the 等级依据 when the reviewer dismissed findings: the basis is worked out on the kept ones (print38;
# until then on all of them, with a note that some were dismissed: a dismissed finding's rule was named a ground)
DISMISSED_NOTE = "注：已由审核人员驳回的 {} 条审核发现不作为等级依据。"
# ... and when the kept findings give another grade than all of them (the machine's, as stored), which the 审核等级
# line names beside the kept findings' grade
REGRADED_NOTE = ("注：已由审核人员驳回的 {dismissed} 条审核发现不作为等级依据；"
                 "系统按其余审核发现评定为「{kept}」（{all}）。")
ALL_FINDINGS_GRADE = "按全部审核发现为{}"


def _basis_entries(desk: Desk) -> list[Entry]:
    """The lines of the system grade's 等级依据 (:attr:`Desk.system_grading`, none for a review stored without one):
    the kept findings' when the reviewer dismissed some, with a note saying so, and the grade of all of them where
    it is another."""
    grade, basis = desk.system_grading
    if not basis:
        return []
    lines = [Entry(HEAD, f"{BASIS_LABEL}{line}") for line in basis]
    kept = desk.kept_grading
    if kept is None:
        return lines
    dismissed = len(desk.findings) - len(desk.kept)
    note = REGRADED_NOTE.format(dismissed=dismissed, kept=grade, all=ALL_FINDINGS_GRADE.format(
        f"「{kept.all_grade}」")) if desk.regraded else DISMISSED_NOTE.format(dismissed)
    return [*lines, Entry(HEAD, note)]


CHINESE_NUMBERS = "一二三四五六七八九十"


def finding_groups(desk: Desk) -> list[tuple[str, list[DeskFinding]]]:
    """The kept findings by their dimension (完整性, 相关性, 适当性, 可行性, 规范性 in that order, a dimension no rule
    gives today after them), each group in the desk's order: the opinion numbers them on through the groups."""
    groups: dict[str, list[DeskFinding]] = {}
    for item in desk.kept:
        groups.setdefault(item.finding.dimension, []).append(item)
    order = {name: number for number, name in enumerate(DIMENSIONS)}
    return sorted(groups.items(), key=lambda group: order.get(group[0], len(order)))


def _finding_entries(desk: Desk, html: bool) -> list[Entry]:
    """The 审核发现: under each dimension's heading 「（一）完整性」 its findings, numbered on from 1 through the
    project, each 「【警告】place：message」 and, where the rule gives one, 「建议：…」 on its second line (opinion36:
    the opinion printed neither the 建议 nor the dimensions, the dimension a word before each message)."""
    from markupsafe import Markup, escape

    if not desk.kept:
        return [Entry(NONE, "无。")]
    project = desk.view.version.document.projects[0]
    out: list[Entry] = []
    number = 0
    for index, (dimension, items) in enumerate(finding_groups(desk)):
        label = CHINESE_NUMBERS[index] if index < len(CHINESE_NUMBERS) else str(index + 1)
        out.append(Entry(GROUP, f"（{label}）{dimension}"))
        for item in items:
            number += 1
            f = item.finding
            note = f"（已确认：{item.decision['reason']}）" if item.decision else ""
            said = f"【{SEVERITY_LABELS.get(f.severity, f.severity)}】{finding_place(project, f)}：{f.message}{note}"
            suggestion = f"{SUGGESTION_LABEL}{f.suggestion.strip()}" if f.suggestion.strip() else ""
            text = f"{said}\n{suggestion}" if suggestion else said
            markup = (Markup('{}<br><span class="suggestion">{}</span>').format(said, suggestion) if suggestion
                      else escape(said)) if html else ""
            out.append(Entry(FINDING, text, str(markup), number=number))
    return out


def project_heading(desk: Desk) -> str:
    """「名称（资金性质）」; a table without a 资金性质 (a 部门整体 table) without an empty 「（）」 (print16)."""
    head = desk.view.head
    return f"{head.name}（{head.fund_label}）" if head.fund_label else head.name


def _project_frame(word: Any, heading: str, index: int, new_page: bool) -> Any:
    """A table of one column for a part of a project of a unit's Word opinion: its first row, the project's heading
    (Heading 1; 「名称（续）」 on a part going on from the page before), is a header row (``w:tblHeader``) that Word,
    WPS and LibreOffice would print again at the top of a page the part runs on to (print26); the rest is added a row
    a block (:func:`_frame_row`). Parts are parted by a small paragraph (two tables touching are one table to Word),
    which begins a new page where the part does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if index or new_page:
        gap = word.add_paragraph()
        gap.paragraph_format.space_before, gap.paragraph_format.space_after = Pt(6 if not new_page else 0), Pt(0)
        if new_page:  # a 1 pt paragraph at the top of the new page, the table under it
            gap.paragraph_format.page_break_before = True
            gap.paragraph_format.line_spacing = Pt(1)
            gap.add_run("").font.size = Pt(1)
    frame = word.add_table(rows=1, cols=1)
    section = word.sections[-1]
    frame.columns[0].width = section.page_width - section.left_margin - section.right_margin  # the text's width
    frame.rows[0].cells[0].width = frame.columns[0].width
    margins = OxmlElement("w:tblCellMar")  # the text aligned with the title's, not indented by a cell's margin
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    frame._tbl.tblPr.find(qn("w:tblLook")).addprevious(margins)  # (its place in the schema's order)
    header_row = frame.rows[0]._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):  # (LibreOffice split a first row not marked so, 「审核发现」 left alone)
        header_row.append(OxmlElement(tag))
    frame.rows[0].cells[0].paragraphs[0].style = word.styles["Heading 1"]
    frame.rows[0].cells[0].paragraphs[0].add_run(heading)
    return frame


def _frame_row(frame: Any) -> Any:
    """A new row of a part's table, never split across pages (``w:cantSplit``): one block (a finding, a comment, a
    heading with its first line; the head lines), so that no page ends with a heading
    and no finding is split (LibreOffice split a row not marked so: a project's first row, all in one, left
    「审核发现」 at the foot of a page and its findings on the next); its cell."""
    from docx.oxml import OxmlElement

    row = frame.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    cell = row.cells[0]
    cell.width = frame.columns[0].width
    return cell


_WORD_STYLES = {HEADING: "Heading 2", GROUP: "Heading 3", FINDING: "List Number", REMARK: "List Bullet",
                COMMENT: "List Bullet", EARLIER: "List Bullet"}


def _word_paragraph(word: Any, cell: Any, entry: Entry, numbered: int) -> Any:
    """``entry`` as a paragraph of the document (``cell`` None) or of a part's cell (its own empty paragraph first)."""
    style = _WORD_STYLES.get(entry.kind)
    if cell is None:
        paragraph = word.add_paragraph(entry.text, style=style)
    elif len(cell.paragraphs) == 1 and not cell.paragraphs[0].text:  # a new cell's own empty paragraph
        paragraph = cell.paragraphs[0]
        if style:
            paragraph.style = word.styles[style]
        paragraph.add_run(entry.text)
    else:
        paragraph = cell.add_paragraph(entry.text, style=style)
        if entry.kind == HEADING:  # under a paragraph of its row (审核发现 under the head lines): their 10 pt after
            from docx.shared import Pt  # only — Word adds its own 10 pt above, LibreOffice did not (print28:

            paragraph.paragraph_format.space_before = Pt(0)  # opinion_pages.WORD counts them once)
    if cell is not None and style and style.startswith("List"):  # (a list's items are set solid by the style's
        from docx.shared import Pt  # contextual spacing, which no longer applies from one row to the next)

        paragraph.paragraph_format.space_after = Pt(0)
    if entry.kind == FINDING:
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = numbered
    return paragraph


def _laid_out(title: str, desks: Sequence[Desk], html: bool,
              steps: Steps) -> tuple[list[tuple[str, list[list[Entry]]]], list[Layout | None]]:
    """Each project's heading and blocks (numbered 「1. 」 on the HTML page) and, when a project's heading repeats on
    its pages, its cut into them; ``steps`` told 「排版」 after each project's blocks and again after each layout."""
    total = len(desks)
    projects = []
    for done, desk in enumerate(desks, 1):
        heading = f"{done}. {project_heading(desk)}" if html else project_heading(desk)
        projects.append((heading, blocks(_entries(desk, html=html))))
        steps("排版", done, 2 * total)
    if not repeats_project_heading(title, desks):
        steps("排版", 2 * total, 2 * total)
        return projects, [None] * total
    return projects, list(layouts(HTML if html else WORD, title, projects,
                                  lambda step, done, _total: steps(step, total + done, 2 * total)))


def opinion_docx(title: str, desks: Sequence[Desk], steps: Steps = quiet_steps) -> bytes:
    """One Word document: per project its grades, the findings kept, the comments and the decision; ``steps`` told
    「排版」 as each project's blocks and pages are computed, then 「写出」 after each project written."""
    from docx import Document as WordDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from perfbudget.writers.print_layout import docx_chinese_fonts, docx_project_section, docx_section

    word = WordDocument()
    docx_section(word.sections[0], [], sign_footer=False)  # A4 portrait (python-docx: US Letter), page numbers
    docx_project_section(word, 0, running_head(title, desks), "宋体")  # whose opinion: every page's header
    style = word.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    docx_chinese_fonts(word, "宋体", "宋体")  # (no Japanese theme font for a paragraph mark: print35)
    _plain_headings(word)
    _exact_lines(word)
    _title(word, title)
    projects, pages = _laid_out(title, desks, False, steps)
    last: Any = None
    for index, ((heading, project_blocks), layout) in enumerate(zip(projects, pages, strict=True)):
        numbered = _numbering_from_one(word)
        if layout is None:
            word.add_heading(heading, level=1)
            for entry in (entry for block in project_blocks for entry in block):
                last = _word_paragraph(word, None, entry, numbered)
            steps("写出", index + 1, len(desks))
            continue
        for number, part in enumerate(layout.parts):
            frame = _project_frame(word, heading + (CONTINUED if number else ""), index + number,
                                   layout.new_page if not number else True)
            for block in part:
                cell = _frame_row(frame)
                for entry in project_blocks[block]:
                    last = _word_paragraph(word, cell, entry, numbered)
        steps("写出", index + 1, len(desks))
    # the paragraph before kept with the sign line: LibreOffice printed a unit's opinion with 审核人/日期 alone on
    # its last page (print14)
    (last or word.paragraphs[-1]).paragraph_format.keep_with_next = True
    sign = word.add_paragraph(SIGN_LINE)  # the reviewer signs the Word form as the printed page
    sign.paragraph_format.space_before = Pt(24)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    steps("保存文件", 0, None)
    out = io.BytesIO()
    word.save(out)
    return stable_zip(out.getvalue())  # the same bytes from the page, the API and the CLI (writers/stable_zip.py)


_LISTS = {FINDING: ("ol", ""), REMARK: ("ul", ""), COMMENT: ("ul", ""), EARLIER: ("ul", "earlier")}


def _part_markup(entries: Sequence[Entry]) -> str:
    """A part's entries as the page's HTML: consecutive items of a kind of list in one list (the findings' numbered
    on from the part before, ``<ol start>``)."""
    out: list[str] = []
    open_list: tuple[str, str] | None = None
    for entry in entries:
        wanted = _LISTS.get(entry.kind)
        if open_list and wanted != open_list:
            out.append(f"</{open_list[0]}>")
            open_list = None
        if wanted and open_list is None:
            tag, css = wanted
            start = f' start="{entry.number}"' if tag == "ol" and entry.number > 1 else ""
            css_class = f' class="{css}"' if css else ""
            out.append(f"<{tag}{css_class}{start}>")
            open_list = wanted
        if entry.kind == HEAD:
            out.append(f'<p class="opinion-head">{entry.markup}</p>')
        elif entry.kind == HEADING:
            out.append(f"<h3>{entry.markup}</h3>")
        elif entry.kind == GROUP:
            out.append(f'<h4 class="dimension">{entry.markup}</h4>')
        elif entry.kind == NONE:
            out.append(f"<p>{entry.markup}</p>")
        elif entry.kind == EARLIER_LEAD:
            out.append(f'<p class="earlier">{entry.markup}</p>')
        else:
            item = '<li class="remark">' if entry.kind == REMARK else "<li>"
            out.append(f"{item}{entry.markup}</li>")
    if open_list:
        out.append(f"</{open_list[0]}>")
    return "\n  ".join(out)


DATA = Path(__file__).resolve().parent / "data"


@cache
def _html_template() -> Any:
    from jinja2 import Environment

    environment = Environment(autoescape=True, keep_trailing_newline=True)
    return environment.from_string((DATA / "opinion.html").read_text(encoding="utf-8"))


def opinion_html(title: str, desks: Sequence[Desk], steps: Steps = quiet_steps) -> str:
    """One HTML page, ready to print as PDF from a browser (A4, its style inlined): per project the same as
    :func:`opinion_docx`, a unit's projects cut into their printed pages alike (:mod:`perfbudget.app.opinion_pages`);
    ``steps`` told 「排版」 alike, then 「写出」 (no count) while the page is rendered."""
    from markupsafe import Markup

    from perfbudget.writers.print_layout import css_string

    projects, pages = _laid_out(title, desks, True, steps)
    parts = []
    for (heading, project_blocks), layout in zip(projects, pages, strict=True):
        cuts = layout.parts if layout else (tuple(range(len(project_blocks))),)
        parts += [{"heading": heading + (CONTINUED if number else ""), "continued": bool(number),
                   "new_page": bool(number) or bool(layout and layout.new_page),
                   "body": Markup(_part_markup([entry for block in part for entry in project_blocks[block]]))}
                  for number, part in enumerate(cuts)]
    steps("写出", 0, None)  # the page rendered at once: a moving bar until it is
    return str(_html_template().render(
        title=title, parts=parts, running_head=css_string(running_head(title, desks)),  # (a quoted CSS string)
        repeated=repeats_project_heading(title, desks), sign_line=SIGN_LINE,
        css=(DATA / "opinion.css").read_text(encoding="utf-8")))


def opinion_file(title: str, desks: Sequence[Desk], form: str, steps: Steps = quiet_steps) -> bytes:
    """The opinion in ``form`` (one of :data:`OPINION_FORMS`) as the bytes every face gives (``steps``: told how far
    it is, a project at a time)."""
    return opinion_docx(title, desks, steps) if form == "docx" else opinion_html(title, desks, steps).encode()
