"""Benchmark: reading docx, xlsx and PDF against each library's own bare load-and-iterate.

Requirements (issue 4): docx and xlsx ≤ 1.5 × the bare library time, PDF ≤ 1.3 ×
pdfplumber's bare table extraction.

* docx: 1,000 tables (the seed's 10 repeated, exported by perfbudget) read by
  ``load_bytes`` vs ``docx.Document`` + every ``table.rows`` / ``row.cells`` / ``cell.text``;
* xlsx: the same 1,000 tables on one sheet vs ``openpyxl.load_workbook(read_only=True,
  data_only=True)`` + every cell's value;
* pdf: a 100-page PDF (the docx of ~170 tables converted by LibreOffice; needs ``soffice``)
  vs ``pdfplumber.open`` + ``page.extract_tables()`` on every page.

Best of N runs each (default 3), bare and ours interleaved. Files are built in a cache directory (default
``/tmp/perfbudget-bench-formats``) and reused.

Run: .venv/bin/python bench/formats.py [--repeat 3] [--tables 1000] [--pages 100] [--only xlsx]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
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


def ours(data: bytes, name: str, expect: int) -> Callable[[], object]:
    def run() -> object:
        result = load_bytes(data, name)
        assert result.ok and result.document is not None, result.problems[:3]
        assert len(result.document.projects) == expect, len(result.document.projects)
        return result

    return run


def build_files(cache: Path, tables: int, pages: int, seed: Document) -> dict[str, tuple[Path, int]]:
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
    if not pdf_path.exists() and shutil.which("soffice"):
        source = cache / f"pages{pages}.docx"
        source.write_bytes(target_table_docx(many(seed, pdf_tables)))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{cache}/profile",
                        "--convert-to", "pdf", "--outdir", str(cache), str(source)],
                       check=True, capture_output=True)
    if pdf_path.exists():
        files["pdf"] = (pdf_path, pdf_tables)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/perfbudget-bench-formats"))
    parser.add_argument("--only", choices=("docx", "xlsx", "pdf"), help="run one form only")
    args = parser.parse_args()
    seed = load_path(SEED).document
    assert seed is not None
    files = build_files(args.cache, args.tables, args.pages, seed)
    bare = {"docx": bare_docx, "xlsx": bare_xlsx, "pdf": bare_pdf}
    limit = {"docx": 1.5, "xlsx": 1.5, "pdf": 1.3}
    print(f"{'form':5} {'size':>9} {'tables':>7} {'bare s':>8} {'ours s':>8} {'ratio':>6} {'limit':>6}")
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
        verdict = "ok" if ratio <= limit[form] else "OVER"
        print(f"{form:5} {len(data) / 1048576:8.1f}M {expect:7} {bare_s:8.3f} {ours_s:8.3f} {ratio:6.2f} "
              f"{limit[form]:6.1f} {verdict}{extra}")
    if "pdf" not in files:
        print("pdf: skipped (soffice not found to make the 100-page PDF)")


if __name__ == "__main__":
    main()
