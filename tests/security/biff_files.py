"""Excel 97-2003 workbooks (.xls, BIFF8) built record by record, in a minimal OLE compound file."""

from __future__ import annotations

import struct

_FREE, _END, _FAT, _DIFAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
_SECTOR = 512


def record(code: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", code, len(body)) + body


def compound_file(name: str, stream: bytes) -> bytes:
    """An OLE2 compound file (version 3, 512-byte sectors) of one stream, padded to 4,096 bytes (kept out of
    the mini stream); FAT sectors past 109 are listed in DIFAT sectors."""
    stream = stream.ljust(4096, b"\0")
    data_sectors = -(-len(stream) // _SECTOR)
    per = _SECTOR // 4
    fat_sectors = 1
    while True:
        difat_sectors = max(0, -(-(fat_sectors - 109) // 127))
        if 1 + data_sectors + fat_sectors + difat_sectors <= fat_sectors * per:
            break
        fat_sectors += 1
    fat_start, difat_start = 1 + data_sectors, 1 + data_sectors + fat_sectors
    fat = [_END] + [2 + i if i < data_sectors - 1 else _END for i in range(data_sectors)]
    fat += [_FAT] * fat_sectors + [_DIFAT] * difat_sectors
    fat += [_FREE] * (fat_sectors * per - len(fat))
    fat_ids = list(range(fat_start, fat_start + fat_sectors))
    difat = b""
    for k in range(difat_sectors):
        chunk = fat_ids[109 + k * 127:109 + (k + 1) * 127]
        chunk += [_FREE] * (127 - len(chunk))
        difat += struct.pack("<128I", *chunk, difat_start + k + 1 if k < difat_sectors - 1 else _END)

    def entry(entry_name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (entry_name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", _FREE, _FREE, child) + b"\0" * 36 + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, _END, 0) + entry(name, 2, _FREE, 1, len(stream))).ljust(_SECTOR, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<9I", 0, fat_sectors, 0, 0, 4096, _END, 0,
                                        difat_start if difat_sectors else _END, difat_sectors))
    header += struct.pack("<109I", *(fat_ids[:109] + [_FREE] * (109 - min(109, fat_sectors))))
    padded = stream.ljust(data_sectors * _SECTOR, b"\0")
    return header + directory + padded + struct.pack(f"<{len(fat)}I", *fat) + difat


def _bof(kind: int) -> bytes:
    return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0))


def globals_records(styles: int = 16) -> bytes:
    """The workbook globals before the sheets' BOUNDSHEET records: BOF, code page, fonts, cell formats."""
    font = record(0x0031, struct.pack("<5H4B", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + b"\x05\x01"
                  + "Arial".encode("utf-16-le"))
    xf = b"".join(record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5 if i < 15 else 1, 0x20, 0, 0, 0, 0, 0,
                                                 0x20C0)) for i in range(styles))
    return _bof(0x0005) + record(0x0042, struct.pack("<H", 1200)) + font * 5 + xf


def workbook(sheet_records: bytes, sheets: int = 1, styles: int = 16, more_globals: bytes = b"") -> bytes:
    """An .xls whose ``sheets`` BOUNDSHEET records all name one sheet holding ``sheet_records``; ``more_globals``:
    records of the globals after the cell formats."""
    head = globals_records(styles) + more_globals
    boundsheet = 4 + 8 + 1
    offset = len(head) + boundsheet * sheets + 4
    head += b"".join(record(0x0085, struct.pack("<IBBBB", offset, 0, 0, 1, 0) + b"S") for _ in range(sheets))
    head += record(0x000A)
    return compound_file("Workbook", head + _bof(0x0010) + sheet_records + record(0x000A))


def number_rows(rows: int, columns: int) -> bytes:
    """``rows`` rows of ``columns`` numbers, each row one MULRK record (six bytes a cell)."""
    one = struct.pack("<HI", 15, (1 << 2) | 2)  # format 15, the integer 1 as an RK value
    return b"".join(record(0x00BD, struct.pack("<HH", r, 0) + one * columns + struct.pack("<H", columns - 1))
                    for r in range(rows))


def text_cell(row: int, column: int, text: str) -> bytes:
    """A LABEL record: one cell of text (BIFF8: compressed or UTF-16 characters)."""
    try:
        body, flag = text.encode("latin-1"), 0
    except UnicodeEncodeError:
        body, flag = text.encode("utf-16-le"), 1
    return record(0x0204, struct.pack("<HHHHB", row, column, 15, len(text), flag) + body)
