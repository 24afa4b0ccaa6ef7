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

from perfbudget.app.review_desk import Desk, finding_place
from perfbudget.app.workflow import APPROVED, STATE_LABELS
from perfbudget.vocabulary import SEVERITY_LABELS
from perfbudget.writers.stable_zip import stable_zip

if TYPE_CHECKING:
    from perfbudget.app.overview import UnitName
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


def unit_opinion_desks(store: Store, principal: Principal, unit_key: int | str | UnitName, year: int | None,
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
    """The heading styles (Title, Heading 1, Heading 2) in 黑体 and black. python-docx's template gives them
    the theme's fonts, which its theme language (``w:themeFontLang`` ja-JP) makes ＭＳ ゴシック and ＭＳ 明朝 in
    Word and WPS — Japanese fonts a Chinese system lacks — and blue, grey on a black-and-white printer (print17)."""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    for name in ("Title", "Heading 1", "Heading 2"):
        style = word.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):  # a theme font wins over a named one
            fonts.attrib.pop(qn(f"w:{theme}"), None)
        for script in ("ascii", "hAnsi", "eastAsia"):
            fonts.set(qn(f"w:{script}"), HEADING_FONT)
        style.font.color.rgb = RGBColor(0, 0, 0)


TITLE_UNITS = 34  # the Title style (28 pt) holds about 17 Chinese characters on A4 portrait, 1.8 cm margins
SUFFIX = "审核意见书"


def _title(word: Any, title: str) -> None:
    """The opinion's title; one longer than a line breaks before 「审核意见书」 (Word wrapped 「…项目审核意见」 and
    left 「书」 alone on the second line; print18)."""
    from perfbudget.writers.print_layout import text_width

    heading = word.add_heading(level=0)
    if title.endswith(SUFFIX) and len(title) > len(SUFFIX) and text_width(title) > TITLE_UNITS:
        heading.add_run(title[:-len(SUFFIX)]).add_break()
        heading.add_run(SUFFIX)
    else:
        heading.add_run(title)


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


def _project_frame(word: Any, heading: str, index: int) -> _Part:
    """A project's part of a unit's Word opinion: a borderless table of one column whose first row, its heading
    (Heading 1), is a header row (``w:tblHeader``) that Word, WPS and LibreOffice print again at the top of every
    page the part runs on to, and whose other rows hold the rest (:class:`_Part`, which is returned). Parts are parted
    by an empty paragraph (two tables touching are one table to Word)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if index:
        gap = word.add_paragraph()
        gap.paragraph_format.space_before, gap.paragraph_format.space_after = Pt(6), Pt(0)
    frame = word.add_table(rows=2, cols=1)
    section = word.sections[-1]
    frame.columns[0].width = section.page_width - section.left_margin - section.right_margin  # the text's width
    for row in frame.rows:
        row.cells[0].width = frame.columns[0].width
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
    frame.rows[1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return _Part(frame)


class _Part:
    """Where a project's paragraphs go: the Word document itself (``frame`` None: a project's own opinion), or the
    rows of a unit opinion's project table (:func:`_project_frame`), a row a block that is never split across pages
    (``w:cantSplit``): the project's unit, year and grade lines with 审核发现 and its first line; a heading (审核意见,
    the earlier versions' comments) with its first line; each other finding or comment. So no page ends with a heading
    and no finding is split, as in the flowing text of a project's own opinion (LibreOffice split a row not marked so:
    a project's first row, all in one, left 「审核发现」 at the foot of a page and its findings on the next)."""

    def __init__(self, frame: Any = None, word: Any = None) -> None:
        self.frame, self.word = frame, word
        self.cell: Any = frame.rows[1].cells[0] if frame is not None else None
        self.fresh = True  # the row's cell holds nothing yet
        self.headed = False  # past the head lines (a Heading 2 written)
        self.lead = False  # the last paragraph goes with the next (a heading)

    def add_paragraph(self, text: str, style: str | None = None, lead: bool = False) -> Any:
        if self.frame is None:
            return self.word.add_paragraph(text, style=style)
        heading = style == "Heading 2"
        if not self.fresh and self.headed and (heading or not self.lead):
            from docx.oxml import OxmlElement

            row = self.frame.add_row()
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            self.cell = row.cells[0]
            self.cell.width = self.frame.columns[0].width
            self.fresh = True
        if self.fresh:  # a new cell's own empty paragraph takes the first line
            paragraph = self.cell.paragraphs[0]
            if style:
                paragraph.style = self.frame.part.document.styles[style]
            paragraph.add_run(text)
        else:
            paragraph = self.cell.add_paragraph(text, style=style)
        if style and style.startswith("List"):  # (a list's items are set solid by the style's contextual spacing,
            from docx.shared import Pt  # which no longer applies from one row to the next)

            paragraph.paragraph_format.space_after = Pt(0)
        self.fresh, self.headed, self.lead = False, self.headed or heading, heading or lead
        return paragraph


def _last_cell_paragraph(word: Any) -> Any:
    """The last paragraph of the last project's part (its table's last cell)."""
    return word.tables[-1].rows[-1].cells[0].paragraphs[-1]


def opinion_docx(title: str, desks: Sequence[Desk]) -> bytes:
    """One Word document: per project its grades, the findings kept, the comments and the decision."""
    from docx import Document as WordDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from perfbudget.writers.print_layout import docx_project_section, docx_section

    word = WordDocument()
    docx_section(word.sections[0], [], sign_footer=False)  # A4 portrait (python-docx: US Letter), page numbers
    docx_project_section(word, 0, running_head(title, desks), "宋体")  # whose opinion: every page's header
    style = word.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    _plain_headings(word)
    _title(word, title)
    repeated = repeats_project_heading(title, desks)
    for index, desk in enumerate(desks):
        head = desk.view.head
        # (a table without a 资金性质, a 部门整体 table: no empty 「（）」 after its name)
        heading = f"{head.name}（{head.fund_label}）" if head.fund_label else head.name
        if repeated:
            part = _project_frame(word, heading, index)
        else:
            part = _Part(word=word)
            word.add_heading(heading, level=1)
        part.add_paragraph(f"单位：{head.unit_name or ''}　{year_text(desk)}　"
                           f"版本：第 {desk.view.version.meta['version']} 版　"
                           f"流程状态：{decision_text(desk)}")
        reviewer = desk.reviewer_grade
        part.add_paragraph(f"审核等级：{desk.official_grade or '未评定'}"
                           + (f"（审核人员评定；系统评定 {desk.view.grade or '无'}）" if reviewer
                              else "（系统评定）"))
        if reviewer and reviewer.get("reason"):
            part.add_paragraph(f"评定理由：{reviewer['reason']}")
        part.add_paragraph("审核发现", style="Heading 2")
        kept = desk.kept
        if not kept:
            part.add_paragraph("无。")
        numbered = _numbering_from_one(word)
        for item in kept:
            f = item.finding
            where = finding_place(desk.view.version.document.projects[0], f) + "："
            note = f"（已确认：{item.decision['reason']}）" if item.decision else ""
            label = SEVERITY_LABELS.get(f.severity, f.severity)
            finding = part.add_paragraph(f"【{label}】{where}{f.dimension} {f.message}{note}", style="List Number")
            finding._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = numbered
        part.add_paragraph("审核意见", style="Heading 2")
        if not desk.comments and not desk.remarks and not desk.earlier_comments:
            part.add_paragraph("无。")
        for line in desk.remarks:  # 退回意见, 审核通过意见 … : the opinion on the whole project
            part.add_paragraph(line, style="List Bullet")
        for c in desk.comments:  # each at its cell
            part.add_paragraph(f"{c['label']}：{c['text']}（{c.get('user_label') or c['username'] or ''}）",
                                   style="List Bullet")
        if desk.earlier_comments:  # a returned version's cell comments, to check what the unit changed
            part.add_paragraph(EARLIER_HEADING, lead=True)
            for c in desk.earlier_comments:
                part.add_paragraph(earlier_line(c), style="List Bullet")
    # the paragraph before kept with the sign line: LibreOffice printed a unit's opinion with 审核人/日期 alone on
    # its last page (print14)
    (_last_cell_paragraph(word) if repeated else word.paragraphs[-1]).paragraph_format.keep_with_next = True
    sign = word.add_paragraph(SIGN_LINE)  # the reviewer signs the Word form as the printed page
    sign.paragraph_format.space_before = Pt(24)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    word.save(out)
    return stable_zip(out.getvalue())  # the same bytes from the page, the API and the CLI (writers/stable_zip.py)


DATA = Path(__file__).resolve().parent / "data"


@cache
def _html_template() -> Any:
    from jinja2 import Environment

    environment = Environment(autoescape=True, keep_trailing_newline=True)
    return environment.from_string((DATA / "opinion.html").read_text(encoding="utf-8"))


def opinion_html(title: str, desks: Sequence[Desk]) -> str:
    """One HTML page, ready to print as PDF from a browser (A4, its style inlined): per project the same as
    :func:`opinion_docx`."""
    from perfbudget.writers.print_layout import css_string

    return str(_html_template().render(
        title=title, desks=desks, running_head=css_string(running_head(title, desks)),  # (a quoted CSS string)
        repeated=repeats_project_heading(title, desks),
        severity_labels=SEVERITY_LABELS, decision_text=decision_text, year_text=year_text,
        finding_place=finding_place, sign_line=SIGN_LINE, earlier_heading=EARLIER_HEADING, earlier_line=earlier_line,
        css=(DATA / "opinion.css").read_text(encoding="utf-8")))


def opinion_file(title: str, desks: Sequence[Desk], form: str) -> bytes:
    """The opinion in ``form`` (one of :data:`OPINION_FORMS`) as the bytes every face gives."""
    return opinion_docx(title, desks) if form == "docx" else opinion_html(title, desks).encode()
