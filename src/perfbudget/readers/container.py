"""Checks on container files before any library opens them: zip bombs, encryption, legacy Office.

A docx/xlsx is a zip. Its central directory says how large each part is and how
well it compresses, so a zip bomb is refused from the directory alone, before a
single byte is inflated (limits in :class:`perfbudget.config.Limits`). An OLE
container (``D0 CF 11 E0``) is either a legacy .doc/.xls or an Office file
encrypted with a password; neither can be read, and the user is told which.
"""

from __future__ import annotations

import io
import struct
import zipfile

from perfbudget.config import Limits
from perfbudget.model import Problem, Source

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What zipfile raises on damaged bytes: besides BadZipFile, a damaged header gives an unknown
# "version needed to extract" (NotImplementedError), a short read (EOFError, struct.error) or a
# file name that is not UTF-8 although flagged so (UnicodeDecodeError).
ZIP_ERRORS = (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError, struct.error, KeyError,
              UnicodeDecodeError)
_SMALL_PART = 1024 * 1024  # parts below this size may compress very well (repetitive XML) without harm


def check_zip(data: bytes, file: str, limits: Limits, kind: str) -> Problem | None:
    """None when the zip may be opened; else the reason, for the user."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        return Problem(Source(file), f"{kind}文件已损坏（不是有效的 zip 容器），无法读取")
    with archive:
        total = 0
        for info in archive.infolist():
            if info.flag_bits & 0x1:
                return Problem(Source(file), f"{kind}文件中的内容已加密，无法读取")
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _SMALL_PART and ratio > limits.max_compression_ratio:
                return Problem(Source(file), f"{kind}文件疑似压缩炸弹：部件 {info.filename} 解压后 "
                                             f"{info.file_size / 1048576:.0f} MB，压缩比 {ratio:.0f} 倍，超过上限 "
                                             f"{limits.max_compression_ratio} 倍；未读取")
            if total > limits.max_unzipped_bytes:
                return Problem(Source(file), f"{kind}文件解压后超过 {limits.max_unzipped_bytes / 1048576:.0f} MB 上限，"
                                             "疑似压缩炸弹；未读取")
    return None


def ole_problem(data: bytes, file: str) -> Problem:
    """The error for an OLE container: an encrypted Office file or a legacy .doc/.xls."""
    if "EncryptedPackage".encode("utf-16-le") in data[:4 * 1024 * 1024] or b"EncryptedPackage" in data[:65536]:
        return Problem(Source(file), "文件已加密（设置了打开密码），无法读取；请在 Word/Excel/WPS 中取消密码后"
                                     "另存为 .docx 或 .xlsx 再导入")
    return Problem(Source(file), "这是旧版 Word/Excel 文件（.doc/.xls），不支持；请在 Word/Excel/WPS 中另存为 "
                                 ".docx 或 .xlsx 再导入")
