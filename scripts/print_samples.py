"""Render the first page of each official download as LibreOffice prints it, for docs/print/.

    .venv/bin/python scripts/print_samples.py

Writes the seed's 绩效目标表 and project 5's 自评表 (the worked example of docs/evaluation.md)
as xlsx and docx, converts them with ``soffice --headless --convert-to pdf`` and saves the
first page of each PDF as a small PNG (pdfplumber/pypdfium2, 60 dpi).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "print"


def main() -> None:
    import pdfplumber
    from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run

    from perfbudget.load import load_path
    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from perfbudget.writers.target_table_export import render

    seed = load_path(ROOT / "examples" / "000_e2047472f0d7711d.txt").document
    assert seed is not None
    sheet = (P5_SHEET[0], f"{P5},总体目标完成情况,全年保障检察业务正常开展，办案质量稳定,,,", *P5_SHEET[1:])
    evaluation, problems = run(seed, csv_bytes(*sheet))
    assert evaluation is not None, problems
    files = {"target-table-xlsx.xlsx": render(seed, "xlsx"), "target-table-docx.docx": render(seed, "docx"),
             "self-evaluation-xlsx.xlsx": evaluation_xlsx(evaluation),
             "self-evaluation-docx.docx": evaluation_docx(evaluation)}
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        paths = []
        for name, data in files.items():
            path = Path(work) / name
            path.write_bytes(data)
            paths.append(str(path))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", work, *paths], check=True, capture_output=True, timeout=300)
        for name in files:
            stem = name.rsplit(".", 1)[0]
            with pdfplumber.open(Path(work) / f"{stem}.pdf") as pdf:
                pdf.pages[0].to_image(resolution=60).save(OUT / f"{stem}.png")
                print(f"{stem}.png: {len(pdf.pages)} pages")


if __name__ == "__main__":
    main()
