"""Hostile files found by attack10 (2026-12-03); each test failed before its fix."""

from __future__ import annotations

import io
import time

from perfbudget.load import load_bytes


def blank_pages_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` empty pages, with a correct cross-reference table."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + i} 0 R' for i in range(pages))}] /Count {pages} >>",
               *["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    start = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode())
    return out.getvalue()


def test_a_pdf_of_many_blank_pages_is_refused_before_it_is_parsed() -> None:
    """200,000 blank pages (21 MB) took over 120 s and 630 MB; 50,000 here took some 25 s."""
    data = blank_pages_pdf(50_000)
    started = time.process_time()
    result = load_bytes(data, "blank.pdf")
    assert time.process_time() - started < 2.0
    assert result.document is None
    assert "PERFBUDGET_MAX_PDF_PAGES" in result.errors[0].message


def test_html_nested_deeper_than_real_pages_is_refused_before_it_is_parsed() -> None:
    """Tables nested 15,000 deep (495 KB, under the element limit) took over 120 s in BeautifulSoup."""
    depth = 4_000
    page = "<html><body>" + "<table><tr><td>" * depth + "x" + "</td></tr></table>" * depth + "</body></html>"
    started = time.process_time()
    result = load_bytes(page.encode(), "nested.html")
    assert time.process_time() - started < 2.0
    assert result.document is None
    assert "嵌套" in result.errors[0].message and "500" in result.errors[0].message


def test_unclosed_cells_and_paragraphs_do_not_count_as_nesting() -> None:
    from perfbudget.readers.bounds import html_depth

    rows = "".join(f"<tr><td>{i}<td><p>a<p>b" for i in range(2_000))  # closed implicitly, as lxml does
    assert html_depth(f"<html><body><table>{rows}</table></body></html>") < 10
