"""Benchmark: reading each form against its library's own bare load-and-iterate.

Requirements (issue 4): docx and xlsx ≤ 1.5 × the bare library time, PDF ≤ 1.3 ×
pdfplumber's bare table extraction. The forms of issue 18 (xls, ods, odt, doc) have no
requirement; they are shown beside their libraries (and python-calamine for xls/ods).

* docx: 1,000 tables (the seed's 10 repeated, exported by perfbudget) read by
  ``load_bytes`` vs ``docx.Document`` + every ``table.rows`` / ``row.cells`` / ``cell.text``;
* xlsx: the same 1,000 tables on one sheet vs ``openpyxl.load_workbook(read_only=True,
  data_only=True)`` + every cell's value;
* pdf: a 100-page PDF (the docx of ~170 tables converted by LibreOffice; needs ``soffice``)
  vs ``pdfplumber.open`` + ``page.extract_tables()`` on every page;
* xls, ods: the xlsx converted by LibreOffice, vs xlrd (``formatting_info=True``) / odfpy
  ``load`` + every cell's value or text; "calamine s": python-calamine's ``to_python()`` of
  every sheet (bare values, no number formats; also shown for xlsx);
* odt: the docx converted by LibreOffice, vs odfpy ``load`` + every table cell's text;
* doc: the docx of ``--doc-tables`` tables (default 100) converted to .doc, vs one
  ``soffice --convert-to docx`` with a warm profile + python-docx's bare walk (ours starts
  LibreOffice with a fresh private profile for every file).

Best of N runs each (default 3), bare and ours interleaved. Files are built in a cache directory (default
``/tmp/perfbudget-bench-formats``) and reused.

Run: .venv/bin/python bench/formats.py [--repeat 3] [--tables 1000] [--pages 100] [--doc-tables 100] [--only xlsx]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from perfbudget.load import load_bytes, load_path
from perfbudget.model import Document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"


def many(document: Document, tables: int) -> Document:
    projects = tuple(replace(document.projects[i % len(document.projects)], seq=i + 1) for i in range(tables))
    return replace(document, projects=projects)


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def best_pair(first: Callable[[], object], second: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best times of two runs, interleaved so that a busy machine slows both alike."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        a.append(best(first, 1))
        b.append(best(second, 1))
    return min(a), min(b)


def bare_docx(data: bytes) -> int:
    import docx

    count = 0
    for table in docx.Document(io.BytesIO(data)).tables:
        for row in table.rows:
            for cell in row.cells:
                count += len(cell.text)
    return count


def bare_xlsx(data: bytes) -> int:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = 0
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                count += cell.value is not None
    workbook.close()
    return count


def bare_pdf(data: bytes) -> int:
    import pdfplumber

    count = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            count += len(page.extract_tables())
            page.flush_cache()
    return count


def bare_xls(data: bytes) -> int:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    count = 0
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        for r in range(sheet.nrows):
            count += sum(1 for value in sheet.row_values(r) if value != "")
    book.release_resources()
    return count


def bare_calamine(data: bytes) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    count = 0
    for name in workbook.sheet_names:
        for row in workbook.get_sheet_by_name(name).to_python():
            count += sum(1 for value in row if value != "")
    return count


def _odf_cells(data: bytes, body: str) -> int:
    from odf.opendocument import load
    from odf.table import TableCell
    from odf.teletype import extractText

    document = load(io.BytesIO(data))
    return sum(1 for cell in getattr(document, body).getElementsByType(TableCell) if extractText(cell))


def bare_ods(data: bytes) -> int:
    return _odf_cells(data, "spreadsheet")


def bare_odt(data: bytes) -> int:
    return _odf_cells(data, "text")


def bare_doc(data: bytes, profile: Path) -> int:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "input.doc"
        source.write_bytes(data)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
                        "docx", "--outdir", work, str(source)], check=True, capture_output=True)
        return bare_docx((Path(work) / "input.docx").read_bytes())


def ours(data: bytes, name: str, expect: int) -> Callable[[], object]:
    def run() -> object:
        result = load_bytes(data, name)
        assert result.ok and result.document is not None, result.problems[:3]
        assert len(result.document.projects) == expect, len(result.document.projects)
        return result

    return run


def build_files(cache: Path, tables: int, pages: int, seed: Document,
                doc_tables: int = 100, only: str | None = None) -> dict[str, tuple[Path, int]]:
    from perfbudget.writers.target_table_docx import target_table_docx
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    cache.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[Path, int]] = {}
    docx_path, xlsx_path = cache / f"tables{tables}.docx", cache / f"tables{tables}.xlsx"
    if not docx_path.exists():
        docx_path.write_bytes(target_table_docx(many(seed, tables)))
    if not xlsx_path.exists():
        xlsx_path.write_bytes(target_table_xlsx(many(seed, tables)))
    files["docx"] = (docx_path, tables)
    files["xlsx"] = (xlsx_path, tables)
    pdf_tables = pages * 2  # about 1.9 of the seed's tables fill an A4 page
    pdf_path = cache / f"pages{pages}.pdf"
    if not pdf_path.exists() and shutil.which("soffice") and only in (None, "pdf"):
        source = cache / f"pages{pages}.docx"
        source.write_bytes(target_table_docx(many(seed, pdf_tables)))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{cache}/profile",
                        "--convert-to", "pdf", "--outdir", str(cache), str(source)],
                       check=True, capture_output=True)
    if pdf_path.exists():
        files["pdf"] = (pdf_path, pdf_tables)
    doc_source = cache / f"doc{doc_tables}.docx"
    if not doc_source.exists() and only in (None, "doc"):
        doc_source.write_bytes(target_table_docx(many(seed, doc_tables)))
    for form, source, count in (("xls", xlsx_path, tables), ("ods", xlsx_path, tables), ("odt", docx_path, tables),
                                ("doc", doc_source, doc_tables)):
        made = source.with_suffix(f".{form}")
        if not made.exists() and shutil.which("soffice") and only in (None, form):
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{cache}/profile",
                            "--convert-to", form, "--outdir", str(cache), str(source)], check=True, capture_output=True)
        if made.exists():
            files[form] = (made, count)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/perfbudget-bench-formats"))
    parser.add_argument("--doc-tables", type=int, default=100, help="tables in the .doc (each read converts it)")
    parser.add_argument("--only", choices=("docx", "xlsx", "pdf", "xls", "ods", "odt", "doc"),
                        help="run one form only")
    args = parser.parse_args()
    seed = load_path(SEED).document
    assert seed is not None
    files = build_files(args.cache, args.tables, args.pages, seed, args.doc_tables, args.only)
    profile = args.cache / "profile"
    bare: dict[str, Callable[[bytes], object]] = {
        "docx": bare_docx, "xlsx": bare_xlsx, "pdf": bare_pdf, "xls": bare_xls, "ods": bare_ods, "odt": bare_odt,
        "doc": lambda data: bare_doc(data, profile)}
    library = {"docx": "python-docx", "xlsx": "openpyxl", "pdf": "pdfplumber", "xls": "xlrd", "ods": "odfpy",
               "odt": "odfpy", "doc": "soffice+python-docx"}
    limit = {"docx": 1.5, "xlsx": 1.5, "pdf": 1.3}
    print(f"{'form':5} {'size':>9} {'tables':>7} {'library':>20} {'bare s':>8} {'ours s':>8} {'ratio':>6} {'limit':>6}"
          f" {'calamine s':>10}")
    for form, (path, expect) in files.items():
        if args.only and form != args.only:
            continue
        data = path.read_bytes()
        extra = ""
        if form == "pdf":
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                extra = f" ({len(pdf.pages)} pages)"
        bare_s, ours_s = best_pair(lambda data=data, form=form: bare[form](data), ours(data, path.name, expect),
                                   args.repeat)
        ratio = ours_s / bare_s
        calamine = ""
        if form in ("xlsx", "xls", "ods"):
            calamine = f"{best(lambda data=data: bare_calamine(data), args.repeat):10.3f}"
        verdict = f"{'-':>6}   "
        if form in limit:
            verdict = f"{limit[form]:6.1f} {'ok' if ratio <= limit[form] else 'OVER'}"
        print(f"{form:5} {len(data) / 1048576:8.1f}M {expect:7} {library[form]:>20} {bare_s:8.3f} {ours_s:8.3f} "
              f"{ratio:6.2f} {verdict} {calamine}{extra}")
    if "pdf" not in files and args.only in (None, "pdf"):
        print("pdf: skipped (soffice not found to make the 100-page PDF)")


if __name__ == "__main__":
    main()
