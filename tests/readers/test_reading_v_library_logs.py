"""A reading library's log lines are not printed to the user (reading-v).

pdfminer logs ``Could not get FontBBox from font descriptor…`` (a WARNING, in English) for each glyph of a font
whose descriptor has no FontBBox — Chromium's PDF of Word's web page (r174) printed 84 such lines on stderr
amid ``perfbudget read``'s located messages. The record is kept, lowered to DEBUG on the library's logger."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import perfbudget
from perfbudget.load import load_bytes


def _pdf_without_font_bbox() -> bytes:
    """A one-page PDF whose font's descriptor lacks FontBBox, written object by object with its xref."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        None,  # the content stream, below
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Plain /FirstChar 32 /LastChar 126"
        b" /FontDescriptor 6 0 R >>",
        b"<< /Type /FontDescriptor /FontName /Plain /Flags 32 /ItalicAngle 0 /Ascent 900 /Descent -200"
        b" /CapHeight 700 /StemV 80 >>",
    ]
    content = b"BT /F1 12 Tf 20 150 Td (plain words) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + (body or b"") + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdfminer_warning_is_kept_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        load_bytes(_pdf_without_font_bbox(), "form.pdf")
    font_records = [r for r in caplog.records if "FontBBox" in r.getMessage()]
    assert font_records, "the PDF's descriptor lacks FontBBox: pdfminer logs it"
    assert {(r.name.split(".")[0], r.levelno) for r in font_records} == {("pdfminer", logging.DEBUG)}


def test_read_prints_no_library_noise(tmp_path: Path) -> None:
    (tmp_path / "form.pdf").write_bytes(_pdf_without_font_bbox())
    env = {**os.environ, "PYTHONPATH": str(Path(perfbudget.__file__).parents[1])}  # the package under test
    done = subprocess.run([sys.executable, "-m", "perfbudget", "read", str(tmp_path / "form.pdf")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert "FontBBox" not in done.stderr
    assert f"{tmp_path / 'form.pdf'}" in done.stderr  # our own located message still there (no table in it)
