"""Checks on container files before any library opens them: zip bombs, encryption, legacy Office.

A docx/xlsx is a zip. Its central directory says how large each part is and how
well it compresses, so an ordinary zip bomb is refused from the directory alone, before a
single byte is inflated (limits in :class:`perfbudget.config.Limits`). The directory
may lie, so every part is then inflated once, in bounded chunks, counting the bytes it
really gives: a part giving more than it claims, more than ``max_part_bytes``, or all
parts together more than ``max_unzipped_bytes`` is refused before any library reads the
file (zipfile would otherwise inflate a lying part in one step, whole). An OLE
container (``D0 CF 11 E0``) is either a legacy .doc/.xls or an Office file
encrypted with a password; neither can be read, and the user is told which.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator

from perfbudget import text_caches
from perfbudget.config import Limits
from perfbudget.model import Problem, Source

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What zipfile raises on damaged bytes: besides BadZipFile, a damaged header gives an unknown
# "version needed to extract" (NotImplementedError), a short read (EOFError, struct.error) or a
# file name that is not UTF-8 although flagged so (UnicodeDecodeError).
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError, struct.error, KeyError,
              UnicodeDecodeError)
_SMALL_PART = 1024 * 1024  # parts below this size may compress very well (repetitive XML) without harm
_CHUNK = 1024 * 1024  # most bytes inflated in one step
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile.structFileHeader


_CENTRAL_HEADER = b"PK\x01\x02"  # zipfile.stringCentralDir: every member zipfile reads starts with it


def zip_parts_at_most(data: bytes) -> int:
    """An upper bound of the members zipfile would read from the zip ``data``: each central directory entry
    starts with its signature (zipfile refuses an entry that does not), counted in one pass (some 30 ms for 50
    MB) before zipfile builds an object for each (550,000 empty members, 47 MB: 3.9 s and 300 MB to open, 13 s
    of CPU and 390 MB to refuse as a damaged Word file until 2026-12-03; found by attack11)."""
    return data.count(_CENTRAL_HEADER)


def too_many_parts(data: bytes, limits: Limits) -> bool:
    return zip_parts_at_most(data) > limits.max_zip_parts


def check_zip(data: bytes, file: str, limits: Limits, kind: str) -> Problem | None:
    """None when the zip may be opened; else the reason, for the user."""
    if too_many_parts(data, limits):
        return Problem(Source(file), f"{kind}文件的 zip 目录含 {zip_parts_at_most(data)} 个部件，超过 "
                                     f"{limits.max_zip_parts} 个的上限（环境变量 PERFBUDGET_MAX_ZIP_PARTS）；未读取")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        return Problem(Source(file), f"{kind}文件已损坏（不是有效的 zip 容器），无法读取")
    with archive:
        infos = archive.infolist()
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            return Problem(Source(file), f"{kind}文件中的内容已加密，无法读取")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _SMALL_PART and ratio > limits.max_compression_ratio:
            return Problem(Source(file), f"{kind}文件疑似压缩炸弹：部件 {info.filename} 解压后 "
                                         f"{info.file_size / 1048576:.0f} MB，压缩比 {ratio:.0f} 倍，超过上限 "
                                         f"{limits.max_compression_ratio} 倍；未读取")
        if total > limits.max_unzipped_bytes:
            return _too_large(file, kind, limits)
    inflated = 0
    for info in infos:
        size = inflated_size(data, info, max(0, min(limits.max_part_bytes, info.file_size,
                                                    limits.max_unzipped_bytes - inflated)))
        if isinstance(size, str):
            return Problem(Source(file), f"{kind}文件{size}：部件 {info.filename}；未读取")
        if size is None:
            if info.file_size > limits.max_part_bytes:
                return Problem(Source(file), f"{kind}文件的部件 {info.filename} 解压后超过 "
                                             f"{limits.max_part_bytes / 1048576:.0f} MB 上限（环境变量 "
                                             "PERFBUDGET_MAX_PART_MB），疑似压缩炸弹；未读取")
            if inflated + info.file_size > limits.max_unzipped_bytes:
                return _too_large(file, kind, limits)
            return Problem(Source(file), f"{kind}文件疑似压缩炸弹：部件 {info.filename} 解压后的实际大小超过 zip "
                                         f"目录中声明的 {info.file_size} 字节；未读取")
        inflated += size
    text_caches.read(inflated)  # what the cells' texts are read from (the file's own bytes: read_bytes)
    return None


def _too_large(file: str, kind: str, limits: Limits) -> Problem:
    return Problem(Source(file), f"{kind}文件解压后超过 {limits.max_unzipped_bytes / 1048576:.0f} MB 上限（环境变量 "
                                 "PERFBUDGET_MAX_UNZIPPED_MB），疑似压缩炸弹；未读取")


def inflated_size(data: bytes, info: zipfile.ZipInfo, cap: int) -> int | str | None:
    """The bytes a zip member really inflates to, counted in bounded steps; None past ``cap``
    (without inflating further); a short reason (Chinese) when it cannot be inflated."""
    offset = info.header_offset
    header = data[offset:offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        return "已损坏（部件头无效）"
    fields = _LOCAL_HEADER.unpack(header)
    start = offset + _LOCAL_HEADER.size + fields[10] + fields[11]
    raw = memoryview(data)[start:start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw) if len(raw) <= cap else None
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return "使用了不支持的压缩方式"
    inflater = zlib.decompressobj(-15)
    total = 0
    pending = raw
    try:
        while True:
            out = inflater.decompress(pending, _CHUNK)
            total += len(out)
            if total > cap:
                return None
            pending = memoryview(inflater.unconsumed_tail)
            if inflater.eof or (not pending and not out):
                break
        total += len(inflater.flush())
    except zlib.error:
        return "已损坏（压缩数据无效）"
    return total if total <= cap else None


_SHEET_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_WORD_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?tc[\s/>]")


def sheet_cells(data: bytes) -> int:
    """The cells (``<c>`` elements) in an xlsx's parts, counted while inflating in bounded steps: a workbook
    with too many cells is refused before openpyxl parses a row. Call after :func:`check_zip`. Every part is
    counted, stored or deflated, wherever the workbook keeps its sheets (until 2026-12-04 only deflated parts
    under ``xl/worksheets/``: a stored sheet was parsed whole before its cells were counted; attack14)."""
    return _count_in_parts(data, lambda window: len(_SHEET_CELL.findall(window)), 32)


def word_cells(data: bytes) -> int:
    """The table cells (``<w:tc>``) of a docx's parts, counted the same way before python-docx parses it."""
    return _count_in_parts(data, lambda window: len(_WORD_CELL.findall(window)), 32)


def xml_elements(data: bytes) -> int:
    """The XML elements of a zip container's parts (docx, xlsx), counted while inflating in bounded steps before
    python-docx or openpyxl builds a tree of them. In XML every ``<`` is markup (text holds ``&lt;``): an element
    is a ``<`` that opens no end tag, processing instruction, comment or CDATA section (a ``<`` inside a comment
    or CDATA section counts as one more: an upper bound, exact for what Word and Excel write)."""
    return _count_in_parts(data, _opened_elements, 1)


def _opened_elements(window: bytes) -> int:
    return window.count(b"<") - window.count(b"</") - window.count(b"<?") - window.count(b"<!")


def xml_problem(data: bytes, limits: Limits, workbook: bool = False) -> str | None:
    """Why a docx or xlsx (``workbook``) holds too many XML elements to parse, or None. python-docx and openpyxl
    build every element of a part they read (styles, shared strings, the body): 30 MB of empty paragraphs
    (5,000,000 elements) cost 26 s of CPU and 760 MB, 30 MB of shared strings 20 s, of cell styles 23 s and
    1.2 GB before 「没有找到绩效目标表」 until 2026-12-04 (found by attack14). A workbook's shared strings are
    bounded by ``max_cells`` too (each is some cell's text; openpyxl spends some 12 µs a string), together with
    its sheets' merged ranges, links, conditional formats, validations, columns and page breaks, and its style
    records (``xf``, ``font``, ``fill``, ``border``, ``numFmt``, ``dxf``, ``cellStyle``; some 20 µs and 1 KB
    each) by ``max_xlsx_styles``. Call after :func:`check_zip`."""
    count = xml_elements(data)
    if count > limits.max_xml_elements:
        return (f"文件含 {count} 个 XML 元素，超过 {limits.max_xml_elements} 个的上限（环境变量 "
                "PERFBUDGET_MAX_XML_ELEMENTS）；未读取")
    if not workbook:
        return None
    strings = styles = sheet = 0
    for name, found in _records(data).items():
        if name == b"si":
            strings = found
        elif name in _SHEET_RECORDS:
            sheet += found
        else:
            styles += found
    if strings > limits.max_cells:
        return (f"文件的共享字符串表含 {strings} 个字符串，超过 {limits.max_cells} 个的上限（环境变量 "
                "PERFBUDGET_MAX_CELLS）；未读取")
    if strings + sheet > limits.max_cells:
        return (f"文件的共享字符串与合并单元格、超链接、条件格式、数据验证等记录共 {strings + sheet} 个，超过 "
                f"{limits.max_cells} 个的上限（环境变量 PERFBUDGET_MAX_CELLS）；未读取")
    if styles > limits.max_xlsx_styles:
        return (f"文件含 {styles} 个样式记录，超过 {limits.max_xlsx_styles} 个的上限（环境变量 "
                "PERFBUDGET_MAX_XLSX_STYLES）；未读取")
    return None


_RECORD = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(si|xf|font|fill|border|numFmt|dxf|cellStyle|mergeCell|hyperlink|cfRule"
                     rb"|dataValidation|col|brk)[\s/>]")
# A worksheet's records besides its cells that openpyxl builds even when it streams the rows (some 14 µs each):
# 900,000 merged ranges (4.6 MB, under the elements bound) cost 8.3 s of CPU and 510 MB until 2026-12-05
# (hostile20); they count against ``max_cells`` with the shared strings.
_SHEET_RECORDS = frozenset((b"mergeCell", b"hyperlink", b"cfRule", b"dataValidation", b"col", b"brk"))


def _records(data: bytes) -> Counter[bytes]:
    """A workbook's shared strings (``si``) and style records, by element name, in every part."""
    found: Counter[bytes] = Counter()
    for raw, deflated in _raw_parts(data):
        tail = b""
        for out in _part_steps(raw, deflated):
            window = tail + out
            found.update(_RECORD.findall(window))
            found.subtract(_RECORD.findall(tail))
            tail = window[-32:]
    return found


def _count_in_parts(data: bytes, count: Callable[[bytes], int], overlap: int) -> int:
    """``count`` summed over every stored or deflated part, 1 MiB at a time; ``overlap``: the longest match
    less one byte (a match across two steps is counted once)."""
    total = 0
    for raw, deflated in _raw_parts(data):
        tail = b""
        for out in _part_steps(raw, deflated):
            window = tail + out
            total += count(window) - count(tail)
            tail = window[-overlap:]
    return total


def _raw_parts(data: bytes) -> Iterator[tuple[memoryview, bool]]:
    """The stored or deflated bytes of every part zipfile would read, and whether they are deflated."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [i for i in archive.infolist() if i.compress_type in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)]
    for info in infos:
        offset = info.header_offset
        fields = _LOCAL_HEADER.unpack(data[offset:offset + _LOCAL_HEADER.size])
        start = offset + _LOCAL_HEADER.size + fields[10] + fields[11]
        yield memoryview(data)[start:start + info.compress_size], info.compress_type == zipfile.ZIP_DEFLATED


def _part_steps(raw: memoryview, deflated: bool) -> Iterator[bytes]:
    """A part's bytes 1 MiB at a time: inflated when ``deflated``, else as stored."""
    if not deflated:
        for at in range(0, len(raw), _CHUNK):
            yield bytes(raw[at:at + _CHUNK])
        return
    inflater = zlib.decompressobj(-15)
    pending: bytes | memoryview = raw
    try:
        while pending:
            out = inflater.decompress(pending, _CHUNK)
            yield out
            pending = inflater.unconsumed_tail
            if inflater.eof or not out:
                break
    except zlib.error:
        return  # check_zip has judged the member; the library reports the damage


def ole_problem(data: bytes, file: str) -> Problem:
    """The error for an OLE container: an encrypted Office file or a legacy .doc/.xls."""
    if "EncryptedPackage".encode("utf-16-le") in data[:4 * 1024 * 1024] or b"EncryptedPackage" in data[:65536]:
        return Problem(Source(file), "文件已加密（设置了打开密码），无法读取；请在 Word/Excel/WPS 中取消密码后"
                                     "另存为 .docx 或 .xlsx 再导入")
    return Problem(Source(file), "这是旧版 Word/Excel 文件（.doc/.xls），不支持；请在 Word/Excel/WPS 中另存为 "
                                 ".docx 或 .xlsx 再导入")
