"""Bounds of an Excel 97-2003 workbook (.xls/.et, BIFF), counted on its records before xlrd parses it.

xlrd parses a whole sheet when it is opened, building every cell (with ``formatting_info`` its format
too), and the workbook's globals (shared strings, cell formats, fonts) when the file is opened: a
7.8 MB .xls of 1,280,000 numbers (``MULRK`` records, six bytes a cell) cost 18 s of CPU and 440 MB
before 「没有找到绩效目标表」, a file at the size limit some two minutes and gigabytes (found by attack15,
2026-12-04). The records are walked here first, as xlrd will walk them: the globals from the start of
the workbook stream, each sheet from the offset its ``BOUNDSHEET`` record gives (a sheet named twice
is counted twice, as xlrd reads it twice; an offset inside another record is walked from there, as
xlrd would), and the file refused past

* ``max_cells`` cells (a ``MULRK``/``MULBLANK`` record counts each cell it holds), merged ranges, or
  shared strings (the ``SST`` record's own count, which bounds xlrd's loop);
* ``max_xlsx_styles`` format records (``XF``, ``FONT``, ``FORMAT``, ``STYLE``);
* three times ``max_cells`` records of any kind (some 1 µs each here, 10–50 µs each in xlrd);
* ``max_zip_parts`` sheets (an xlsx's sheets are parts of its zip, held to the same number), and as many
  defined names (``NAME``; 300,000 of them, 7.7 MB, cost 3.2 s of CPU and 521 MB).

The walk is some 0.5 µs a record and stops at the first bound passed.
"""

from __future__ import annotations

import struct

from perfbudget.config import Limits

# cell records of BIFF2-8 (xlrd's sheet.py): one cell each
_ONE_CELL = frozenset({
    0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006,  # BIFF2 BLANK, INTEGER, NUMBER, LABEL, BOOLERR, FORMULA
    0x0201, 0x0203, 0x0204, 0x0205, 0x0206, 0x0406,  # BLANK, NUMBER, LABEL, BOOLERR, FORMULA (BIFF3, BIFF4)
    0x00FD, 0x00D6, 0x027E,                          # LABELSST, RSTRING, RK
})
_MULRK, _MULBLANK, _MERGEDCELLS, _SST, _BOUNDSHEET, _EOF = 0x00BD, 0x00BE, 0x00E5, 0x00FC, 0x0085, 0x000A
_STYLES = frozenset({0x00E0, 0x0043, 0x0243, 0x0443, 0x0031, 0x0231, 0x041E, 0x001E, 0x0293})
_NAMES = frozenset({0x0018, 0x0218})  # NAME (a defined name: xlrd builds and resolves each, some 1.7 KB)
_HEAD = struct.Struct("<HH")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class _Count:
    __slots__ = ("cells", "limits", "names", "records", "styles")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.cells = self.records = self.styles = self.names = 0

    def problem(self) -> str | None:
        limits = self.limits
        if self.cells > limits.max_cells:
            return f"文件超过 {limits.max_cells} 个单元格的上限（环境变量 PERFBUDGET_MAX_CELLS）；未读取"
        if self.styles > limits.max_xlsx_styles:
            return (f"文件含超过 {limits.max_xlsx_styles} 条单元格格式记录的上限（环境变量 "
                    "PERFBUDGET_MAX_XLSX_STYLES）；未读取")
        if self.names > limits.max_zip_parts:
            return (f"文件含超过 {limits.max_zip_parts} 个定义的名称的上限（环境变量 PERFBUDGET_MAX_ZIP_PARTS，"
                    "与工作表数同一上限）；未读取")
        if self.records > 3 * limits.max_cells:
            return (f"文件含超过 {3 * limits.max_cells} 条记录的上限（单元格上限的 3 倍，环境变量 "
                    "PERFBUDGET_MAX_CELLS）；未读取")
        return None


def _walk(stream: bytes, start: int, count: _Count, until_eof: bool,
          boundaries: set[int] | None = None, sheets: list[int] | None = None) -> str | None:
    """Count the records from ``start`` (to the first EOF record with ``until_eof``, else to the end)."""
    position, end = start, len(stream)
    while position + 4 <= end:
        if boundaries is not None:
            boundaries.add(position)
        code, length = _HEAD.unpack_from(stream, position)
        body = position + 4
        count.records += 1
        if code in _ONE_CELL:
            count.cells += 1
        elif code == _MULRK:
            count.cells += max(0, length - 6) // 6
        elif code == _MULBLANK:
            count.cells += max(0, length - 6) // 2
        elif code == _MERGEDCELLS:
            count.cells += max(0, length - 2) // 8
        elif code == _SST and length >= 8:
            count.cells += max(0, struct.unpack_from("<i", stream, body + 4)[0])
        elif code in _STYLES:
            count.styles += 1
        elif code in _NAMES:
            count.names += 1
        elif code == _BOUNDSHEET and sheets is not None and length >= 4:
            sheets.append(struct.unpack_from("<i", stream, body)[0])
        checked = count.records & 0x3FF == 0 or code in (_SST, _MULRK, _MULBLANK, _MERGEDCELLS)
        if checked and (problem := count.problem()) is not None:
            return problem
        position = body + length
        if until_eof and code == _EOF:
            break
    return count.problem()


def workbook_stream(data: bytes) -> bytes | None:
    """The workbook stream (``Workbook``, else ``Book``) as xlrd finds it in the compound file, or None."""
    from xlrd import compdoc

    if data[:8] != _OLE_SIGNATURE:
        return None
    document = compdoc.CompDoc(data, logfile=_Quiet())
    for name in ("Workbook", "Book"):
        memory, base, size = document.locate_named_stream(name)
        if memory:
            return bytes(memory[base:base + size])
    return None


class _Quiet:
    """A log file that keeps nothing (xlrd's compdoc writes its warnings to one)."""

    def write(self, _text: str) -> int:
        return 0


def biff_problem(stream: bytes, limits: Limits) -> str | None:
    """Why the workbook stream holds more than the limits allow (the message in Chinese), or None."""
    count = _Count(limits)
    boundaries: set[int] = set()
    sheets: list[int] = []
    if (problem := _walk(stream, 0, count, False, boundaries, sheets)) is not None:
        return problem
    if len(sheets) > limits.max_zip_parts:  # xlrd builds each sheet (some 3 KB): 140,000 empty ones cost 470 MB
        return (f"文件含 {len(sheets)} 个工作表，超过 {limits.max_zip_parts} 个的上限（环境变量 "
                "PERFBUDGET_MAX_ZIP_PARTS，与 xlsx 的部件数同一上限）；未读取")
    walked: set[int] = set()
    for offset in sheets:
        if offset in boundaries and offset not in walked:
            walked.add(offset)  # its records were counted by the walk from the start
            continue
        if 0 <= offset < len(stream) and (problem := _walk(stream, offset, count, True)) is not None:
            return problem
    return None
