"""Reader for Word 97-2003 (.doc), WPS text (.wps) and RTF: LibreOffice to .docx, then the docx reader.

The OLE container is checked first (olefile, :mod:`perfbudget.readers.ole`): a damaged
container or a password-protected document is refused without starting LibreOffice. The
conversion itself is bounded (:mod:`perfbudget.readers.convert`); the .docx it gives is read
by :func:`perfbudget.readers.docx.read_docx` under the original file name, so every cell's
source names the file the user gave (``表N 第R行 第C列``).
"""

from __future__ import annotations

import re

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.readers.doc_last_table import with_last_table

_RTF_ROW = re.compile(rb"\\(?:nest)?row(?![a-zA-Z])")  # the control words ending a table row (not \trowd)
_WHAT = {"doc": "Word 97-2003 文件（.doc）", "wps": "WPS 文字文件（.wps）", "rtf": "RTF 文件"}


def read_legacy_word(data: bytes, file: str, limits: Limits,
                     form: str = "doc") -> tuple[Document | None, list[Problem]]:
    from perfbudget.readers.ole import ole_form, ole_problem, word_encrypted

    what = _WHAT.get(form, _WHAT["doc"])
    if form == "rtf":
        if not data.startswith(b"{\\rtf"):
            return None, [Problem(Source(file), f"这不是{what}（不以 {{\\rtf 开头），无法按 RTF 读取")]
        rows = rtf_rows(data, limits.max_rtf_rows)
        if rows > limits.max_rtf_rows:
            return None, [Problem(Source(file), f"{what}的表格超过 {limits.max_rtf_rows:,} 行，未读取"
                                                "（转换这样的文件要很长时间；可用环境变量 PERFBUDGET_MAX_RTF_ROWS "
                                                "调整，或在 Word/WPS 中另存为 .docx 后再导入）")]
        return _converted(data, file, limits, ".rtf", what)
    kind = ole_form(data, file)
    if kind not in ("doc", "wps"):
        return None, [ole_problem(data, file) if kind == "ole" else
                      Problem(Source(file), f"这不是 Word/WPS 文字文件（内容是 {kind} 表格），无法按{what}读取")]
    if word_encrypted(data):
        return None, [Problem(Source(file), f"{what}已加密（设置了打开密码），无法读取；请在 Word/WPS 中取消密码后"
                                            "另存为 .docx 再导入")]
    return _converted(data, file, limits, ".wps" if form == "wps" else ".doc", what)


def rtf_rows(data: bytes, limit: int) -> int:
    """Table rows of an RTF file (its ``\\row`` and ``\\nestrow`` control words), counted up to one past ``limit``."""
    rows = 0
    for _ in _RTF_ROW.finditer(data):
        rows += 1
        if rows > limit:
            break
    return rows


def _converted(data: bytes, file: str, limits: Limits, suffix: str, what: str) -> tuple[Document | None, list[Problem]]:
    from perfbudget.readers.convert import convert
    from perfbudget.readers.docx import read_docx

    converted, problem = convert(data, file, suffix, "docx", what, limits)
    if problem is not None or converted is None:
        return None, [problem or Problem(Source(file), f"LibreOffice 无法转换{what}")]
    if suffix != ".rtf" and (rebuilt := with_last_table(data, converted)) is not None:
        # the .doc's text ends in a table, which LibreOffice reads as one paragraph (readers/doc_last_table.py)
        document, problems = read_docx(rebuilt[0], file, limits)
        rows, columns = rebuilt[1]
        told = (f"{what}的正文以表格结束（没有 Word 总在最后写的段落标记，多为程序生成或转换的文件），"
                "LibreOffice 转换时把最后一个表格读成了一段文字；已按文件中的单元格标记重建该表格"
                f"（{rows}行×{columns}列，合并单元格按空白单元格读取），请核对；也可在 Word 或 WPS 中打开并另存为 "
                ".docx 后重新导入")
        return document, [Problem(Source(file), told,
                                  Severity.WARNING), *problems]
    return read_docx(converted, file, limits)
