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
from collections.abc import Callable

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
    """The cells (``<c>`` elements) in an xlsx's worksheets, counted while inflating in bounded steps:
    a workbook with too many cells is refused before openpyxl parses a row. Call after :func:`check_zip`."""
    return _count_in_parts(data, lambda name: name.startswith("xl/worksheets/") and name.endswith(".xml"),
                           _SHEET_CELL)


def word_cells(data: bytes) -> int:
    """The table cells (``<w:tc>``) of a docx's body, counted the same way before python-docx parses it."""
    return _count_in_parts(data, lambda name: name == "word/document.xml", _WORD_CELL)


def _count_in_parts(data: bytes, wanted: Callable[[str], bool], pattern: re.Pattern[bytes]) -> int:
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [i for i in archive.infolist() if wanted(i.filename) and i.compress_type == zipfile.ZIP_DEFLATED]
    for info in infos:
        offset = info.header_offset
        fields = _LOCAL_HEADER.unpack(data[offset:offset + _LOCAL_HEADER.size])
        start = offset + _LOCAL_HEADER.size + fields[10] + fields[11]
        inflater = zlib.decompressobj(-15)
        pending: bytes | memoryview = memoryview(data)[start:start + info.compress_size]
        tail = b""
        try:
            while pending:
                out = inflater.decompress(pending, _CHUNK)
                window = tail + out
                total += len(pattern.findall(window)) - len(pattern.findall(tail))
                tail = window[-32:]
                pending = inflater.unconsumed_tail
                if inflater.eof or not out:
                    break
        except zlib.error:
            continue  # check_zip has judged the member; the library reports the damage
    return total


def ole_problem(data: bytes, file: str) -> Problem:
    """The error for an OLE container: an encrypted Office file or a legacy .doc/.xls."""
    if "EncryptedPackage".encode("utf-16-le") in data[:4 * 1024 * 1024] or b"EncryptedPackage" in data[:65536]:
        return Problem(Source(file), "文件已加密（设置了打开密码），无法读取；请在 Word/Excel/WPS 中取消密码后"
                                     "另存为 .docx 或 .xlsx 再导入")
    return Problem(Source(file), "这是旧版 Word/Excel 文件（.doc/.xls），不支持；请在 Word/Excel/WPS 中另存为 "
                                 ".docx 或 .xlsx 再导入")
