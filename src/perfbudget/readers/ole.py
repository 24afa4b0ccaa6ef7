"""OLE compound files (``D0 CF 11 E0``): which program wrote one, told by its streams (olefile).

An OLE file is a small file system of named streams. Its streams say what it holds:

* ``WordDocument`` — a Word 97-2003 document (.doc). Kingsoft WPS text (.wps) is the same
  binary format with WPS's own additions; a file saved by WPS carries WPS's build number as the
  user-defined property ``KSOProductBuildVer`` in ``DocumentSummaryInformation`` → ``wps``.
* ``Workbook`` (BIFF8) or ``Book`` (BIFF5, Excel 95) — an Excel 97-2003 workbook (.xls); WPS
  spreadsheets (.et) are the same with the same WPS mark → ``et``.
* ``CONTENTS`` — Microsoft Works word processor (.wps), which LibreOffice also converts → ``wps``.
* ``EncryptedPackage`` — an Office 2007+ file protected by a password (cannot be read).

Anything else (PowerPoint, Outlook messages, …) or a container that does not parse is
reported by :func:`ole_problem`. ``olefile`` only reads the directory and the few small
streams asked for, so a damaged or hostile container costs little.
"""

from __future__ import annotations

import io
import struct
from typing import Any

from perfbudget.model import Problem, Source

WPS_MARK = "KSOProductBuildVer"
# fEncrypted in the Word FIB's flags (offset 0x0A of WordDocument): the text is RC4/XOR-protected
_FIB_ENCRYPTED = 0x0100


def _open(data: bytes) -> Any:
    import olefile

    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # olefile raises OSError, struct.error, IndexError … on damaged directories
        return None


def _has_wps_mark(ole: Any) -> bool:
    name = "\x05DocumentSummaryInformation"
    try:
        if not ole.exists(name) or ole.get_size(name) > 1024 * 1024:
            return False
        raw = ole.openstream(name).read()
    except Exception:
        return False
    return WPS_MARK.encode("ascii") in raw or WPS_MARK.encode("utf-16-le") in raw


def ole_form(data: bytes, file: str) -> str:
    """``doc``, ``wps``, ``xls`` or ``et`` for a readable OLE file; ``ole`` for anything else."""
    ole = _open(data)
    if ole is None:
        return "ole"
    try:
        lower = file.lower()
        if ole.exists("WordDocument"):
            return "wps" if lower.endswith((".wps", ".wpt")) or _has_wps_mark(ole) else "doc"
        if ole.exists("Workbook") or ole.exists("Book"):
            return "et" if lower.endswith((".et", ".ett")) or _has_wps_mark(ole) else "xls"
        if ole.exists("CONTENTS") and lower.endswith(".wps"):
            return "wps"  # Microsoft Works
        return "ole"
    finally:
        ole.close()


def word_encrypted(data: bytes) -> bool | None:
    """Whether a Word 97-2003 file is password-protected; None when it is no readable Word file."""
    ole = _open(data)
    if ole is None:
        return None
    try:
        if not ole.exists("WordDocument"):
            return None
        head = ole.openstream("WordDocument").read(12)
    except Exception:
        return None
    finally:
        ole.close()
    if len(head) < 12:
        return None
    return bool(struct.unpack_from("<H", head, 10)[0] & _FIB_ENCRYPTED)


def ole_problem(data: bytes, file: str) -> Problem:
    """The error for an OLE file no reader takes: damaged, encrypted, or not a document or workbook."""
    from perfbudget.readers.container import ole_problem as encrypted_problem

    ole = _open(data)
    if ole is None:
        if "EncryptedPackage".encode("utf-16-le") in data[:4 * 1024 * 1024]:
            return encrypted_problem(data, file)  # its directory names the encrypted package
        return Problem(Source(file), "文件已损坏：不是有效的 OLE 复合文档（旧版 .doc/.xls/.wps/.et），无法读取；"
                                     "请在 Word/Excel/WPS 中打开并另存为 .docx 或 .xlsx 再导入")
    try:
        encrypted = ole.exists("EncryptedPackage")
        streams = sorted("/".join(entry) for entry in ole.listdir())[:8]
    finally:
        ole.close()
    if encrypted:
        return encrypted_problem(data, file)
    return Problem(Source(file), "这是 OLE 复合文档，但不是 Word、Excel 或 WPS 文件（其中的数据流："
                                 f"{'、'.join(streams) or '无'}），无法读取")
