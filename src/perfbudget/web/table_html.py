"""The indicator rows of the 绩效目标表 and the finding lists, drawn in Python for the templates.

A project page draws one table row per indicator with six cells and its findings; in Jinja each
cell was an attribute look-up, a subscript and an escape through the template runtime (about 200
escapes and 250 look-ups per page, and a macro call per finding list). Here each row is one
f-string. The output is byte for byte what ``_target_table.html``'s loop gave (with the
environment's ``trim_blocks`` and ``lstrip_blocks``), escaped by the same ``markupsafe.escape``
Jinja's autoescape uses; ``tests/web/test_table_html.py`` renders both and compares.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from perfbudget.review.finding import Finding
from perfbudget.vocabulary import severity_label
from perfbudget.web.annotate import IndicatorLine


def severity_html(severity: str) -> str:
    """The severity badge (as the ``severity`` macro of ``_macros.html``)."""
    return f'<span class="sev sev-{escape(severity)}">{escape(severity_label(severity))}</span>'


def finding_list(findings: Iterable[Finding]) -> Markup:
    """One paragraph per finding: severity, dimension, message and the suggestion when there is one."""
    parts = []
    for f in findings:
        suggestion = f'<span class="suggest">建议：{escape(f.suggestion)}</span>' if f.suggestion else ""
        parts.append(f'<p class="finding">{severity_html(f.severity)} <strong>{escape(f.dimension)}</strong> '
                     f'{escape(f.message)}{suggestion}</p>')
    return Markup("".join(parts))


def indicator_rows(lines: Iterable[IndicatorLine], findings_column: bool) -> Markup:
    """The table rows of the indicators: merged 一级/二级 cells, cell classes, the raw target on hover,
    and the findings cell when the table has the 审核发现 column."""
    parts = []
    for line in lines:
        cells = line.cell_class
        first = (f'<td rowspan="{line.level1_span}" class="{escape(cells["level1"])}">{escape(line.level1)}</td>'
                 if line.level1_span else "")
        second = (f'<td rowspan="{line.level2_span}" class="{escape(cells["level2"])}">{escape(line.level2)}</td>'
                  if line.level2_span else "")
        title = f' title="原文：{escape(line.target_raw)}"' if line.raw_differs else ""
        found = (f'<td class="findings">{finding_list(line.findings) if line.findings else ""}</td>'
                 if findings_column else "")
        parts.append(
            f'  <tr id="indicator-{line.position}">\n{first}{second}'
            f'    <td class="{escape(cells["level3"])} {escape(cells["row"])}">{escape(line.level3)}</td>\n'
            f'    <td colspan="2" class="{escape(cells["description"])}">{escape(line.description or "")}</td>\n'
            f'    <td class="target {escape(cells["target"])}"{title}>{escape(line.target)}</td>\n'
            f'{found}  </tr>\n')
    return Markup("".join(parts))
