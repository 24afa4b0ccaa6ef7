"""The same Office file for the same content: an xlsx or docx written without the moment it was written.

openpyxl and python-docx stamp every zip entry with the time of saving, and openpyxl writes that time into
``docProps/core.xml`` as the workbook's created and modified dates. So the same unit's publication fetched from the API
and written by ``perfbudget publish`` a second apart differed in their bytes (replay-r: byte 11, an entry's time),
as did two downloads of one project's table; nothing but a second compared equal, and no download could be checked
against another. Each entry is written again with the zip format's earliest time (1980-01-01 00:00, as reproducible
builds do) and the package's created and modified dates are left out (both optional in Office's core properties):
what a file holds is its content. Entries keep their order, names and compression.
"""

from __future__ import annotations

import io
import re
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)
CORE = "docProps/core.xml"
_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def stable_zip(data: bytes) -> bytes:
    """``data`` (an xlsx or docx) with every entry's time the zip epoch and no created/modified dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == CORE:
                content = _DATES.sub(b"", content)
            stamped = zipfile.ZipInfo(entry.filename, EPOCH)
            stamped.compress_type = entry.compress_type
            stamped.external_attr = entry.external_attr
            target.writestr(stamped, content)
    return out.getvalue()
