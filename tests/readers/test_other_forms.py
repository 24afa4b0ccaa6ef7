"""The seed saved as .xls/.et, .ods, .odt, .doc/.wps reads field for field like the seed.

The files are made in the test, once per session, by LibreOffice from the project's own
exports (``target_table_xlsx/docx`` → ``soffice --convert-to xls/ods/doc/odt``). LibreOffice
cannot write WPS's own files (asked for .wps/.et it writes .doc/.xls), so the WPS forms are
the same files carrying the mark WPS puts in every file it saves: the user-defined property
``KSOProductBuildVer`` in the OLE ``DocumentSummaryInformation`` stream (added to the docx/xlsx
as ``docProps/custom.xml`` before converting; LibreOffice keeps it).

Without LibreOffice these tests are skipped outside CI and fail in CI (``CI=true``).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import io
import os
import subprocess
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.interchange import dumps
from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Document, Unit
from perfbudget.readers.sniff import sniff
from tests.conftest import soffice_path

pytestmark = pytest.mark.libreoffice

KSO_CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
              '<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>')
# (made file, source export, soffice target)
MADE = {"seed.xls": ("seed.xlsx", "xls"), "seed.ods": ("seed.xlsx", "ods"), "seed.odt": ("seed.docx", "odt"),
        "seed.doc": ("seed.docx", "doc"), "wps.xls": ("wps.xlsx", "xls"), "wps.doc": ("wps.docx", "doc"),
        "eval.xls": ("eval.xlsx", "xls"), "eval.ods": ("eval.xlsx", "ods"), "eval.odt": ("eval.docx", "odt"),
        "typed.xls": ("typed.xlsx", "xls"), "typed.ods": ("typed.xlsx", "ods"), "seed.rtf": ("seed.docx", "rtf")}


def typed_numbers() -> bytes:
    """A tiny workbook whose numbers are typed as numbers with formats (as a user types them in Excel)."""
    import openpyxl

    from tests.conftest import HEADER_ROWS

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表"
    sheet.append(["1.测试项目-2024中央绩效目标表"])
    for row in HEADER_ROWS:
        sheet.append(row)
    sheet.cell(4, 3).value, sheet.cell(4, 3).number_format = 10, "0.00"  # 预算数
    for name, value, number_format in (("验收合格率", 0.95, "0%"), ("培训人数", 1200, "#,##0"),
                                       ("完成时间", dt.datetime(2024, 6, 30), "yyyy-mm-dd")):
        sheet.append(["产出指标", "质量指标", name, name, value])
        sheet.cell(sheet.max_row, 5).number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def self_evaluation(seed: Document) -> Document:
    """A self-evaluation table (分值, 实际完成值, 得分, 偏差原因, an extra column) from the seed's first project."""
    project = seed.projects[0]
    indicators = tuple(replace(i, weight=Decimal("10"), actual="达成", score=Decimal("9.5"),
                               deviation="无" if n else None, extras=(("备注", "抽查"),))
                       for n, i in enumerate(project.indicators))
    return replace(seed, kind="self-evaluation", unit=Unit(None, "某某局"),
                   projects=(replace(project, indicators=indicators, extras=(("主管部门", "某市财政局"),)),))


def with_wps_mark(package: bytes) -> bytes:
    """A docx/xlsx with WPS's custom property, as WPS writes it (docProps/custom.xml)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType="'
                                    b'application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
            elif info.filename == "_rels/.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdKso" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                                    b'Target="docProps/custom.xml"/></Relationships>')
            target.writestr(info.filename, body)
        target.writestr("docProps/custom.xml", KSO_CUSTOM)
    return out.getvalue()


def _make(folder: Path, seed: Document, soffice: str) -> None:
    from perfbudget.writers.target_table_docx import target_table_docx
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    docx, xlsx = target_table_docx(seed), target_table_xlsx(seed)
    evaluation = self_evaluation(seed)
    exports = {"seed.docx": docx, "seed.xlsx": xlsx, "wps.docx": with_wps_mark(docx), "wps.xlsx": with_wps_mark(xlsx),
               "eval.docx": target_table_docx(evaluation), "eval.xlsx": target_table_xlsx(evaluation),
               "typed.xlsx": typed_numbers()}
    for name, data in exports.items():
        (folder / name).write_bytes(data)
    by_target: dict[str, list[str]] = {}
    for source, target in MADE.values():
        by_target.setdefault(target, []).append(source)
    # one soffice per target, all at once, each with its own profile
    processes = [subprocess.Popen([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile-{target}",
                                   "--convert-to", target, "--outdir", str(folder / target), *sources],
                                  cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for target, sources in by_target.items()]
    for process in processes:
        assert process.wait(timeout=180) == 0
    for made, (source, target) in MADE.items():
        (folder / target / source.replace(Path(source).suffix, f".{target}")).rename(folder / made)
    (folder / "done").write_text("ok")


@pytest.fixture(scope="session")
def forms(tmp_path_factory: pytest.TempPathFactory, seed_document: Document) -> dict[str, bytes]:
    """The seed's files made by LibreOffice, by name (MADE); made once even with several xdist workers."""
    soffice = soffice_path()
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "seed-forms"
    folder.mkdir(exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "done").exists():
            _make(folder, seed_document, soffice)
    return {name: (folder / name).read_bytes() for name in MADE}


def _same_as_seed(result: LoadResult, seed: Document) -> None:
    assert result.ok, [str(p) for p in result.problems]
    assert result.document is not None
    assert result.document == seed
    assert dumps(result.document) == dumps(seed)  # field for field, numbers as written (17.00)


@pytest.mark.parametrize(("made", "form"), [("seed.xls", "xls"), ("wps.xls", "et"), ("seed.ods", "ods"),
                                            ("seed.odt", "odt")])
def test_seed_in_each_form_reads_like_the_seed(forms: dict[str, bytes], seed_document: Document,
                                               made: str, form: str) -> None:
    # a name without an extension: the form comes from the content alone
    result = load_bytes(forms[made], "upload")
    assert result.form == form
    _same_as_seed(result, seed_document)
    project = result.document.projects[0] if result.document else None
    assert project is not None and project.source.file == "upload"
    if form in ("xls", "et", "ods"):
        # the workbook has one sheet per project, named 序号.项目名称 (docs/publishing.md)
        assert project.source.sheet and project.source.sheet.startswith("1.") and project.source.row
    else:
        assert project.source.sheet == "表1" and project.source.table == 1


@pytest.mark.parametrize(("made", "form"), [("eval.xls", "xls"), ("eval.ods", "ods"), ("eval.odt", "odt")])
def test_self_evaluation_in_each_form(forms: dict[str, bytes], seed_document: Document, made: str, form: str) -> None:
    result = load_bytes(forms[made], made)
    assert result.form == form
    _same_as_seed(result, self_evaluation(seed_document))
    assert result.document is not None and result.document.kind == "self-evaluation"


@pytest.mark.parametrize("made", ["typed.xls", "typed.ods"])
def test_numbers_read_as_shown(forms: dict[str, bytes], made: str) -> None:
    """Numbers keep what the cell shows (why xlrd and odfpy, not python-calamine's bare values)."""
    expected = load_bytes(typed_numbers(), "typed.xlsx")
    result = load_bytes(forms[made], made)
    assert result.ok and expected.ok and result.document == expected.document
    project = result.document.projects[0] if result.document else None
    assert project is not None and str(project.budget.total) == "10.00"
    targets = [i.target.raw for i in project.indicators if i.target is not None]
    assert targets == ["95%", "1200", "2024-06-30"]


def test_doc_wps_and_rtf_convert_at_the_same_time(forms: dict[str, bytes], seed_document: Document) -> None:
    """Three conversions at once (as web workers would): private profiles, no collision."""
    with ThreadPoolExecutor(3) as pool:
        doc, wps, rtf = pool.map(lambda name: load_bytes(forms[name], "upload"), ["seed.doc", "wps.doc", "seed.rtf"])
    assert (doc.form, wps.form, rtf.form) == ("doc", "wps", "rtf")
    _same_as_seed(doc, seed_document)
    _same_as_seed(wps, seed_document)
    _same_as_seed(rtf, seed_document)
    assert doc.document is not None and doc.document.projects[0].source.sheet == "表1"


def test_content_wins_over_the_file_name(forms: dict[str, bytes]) -> None:
    assert sniff(forms["seed.doc"], "table.xls") == "doc"
    assert sniff(forms["seed.xls"], "table.doc") == "xls"
    assert sniff(forms["seed.ods"], "table.odt") == "ods"
    assert sniff(forms["seed.odt"], "table.xlsx") == "odt"
    assert sniff(forms["seed.rtf"], "table.doc") == "rtf"  # rich text exported as .doc
    # a file named .wps/.et without WPS's mark is still WPS's by its name (older WPS versions)
    assert sniff(forms["seed.doc"], "table.wps") == "wps"
    assert sniff(forms["seed.xls"], "table.et") == "et"


def test_form_override(forms: dict[str, bytes], seed_document: Document) -> None:
    _same_as_seed(load_bytes(forms["seed.xls"], "data.bin", form="et"), seed_document)
    wrong = load_bytes(forms["seed.xls"], "data.bin", form="ods")
    # the content's form said (replay-s), not the ods reader's 「OpenDocument 表格（.ods）…已损坏」 of an .xls
    assert wrong.document is None and wrong.errors[0].message == (
        "按指定的格式「ods」读取失败：文件内容是「xls」格式，不是「ods」；不指定格式即按内容识别（或指定「xls」）")


def _fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return script


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A soffice that records its start and then hangs (its child sleeping in the same process group)."""
    script = _fake_soffice(tmp_path, f'echo started > "{tmp_path}/started"\nsleep 300 &\n'
                                     f'echo $! > "{tmp_path}/child"\nwait')
    monkeypatch.setenv("PERFBUDGET_SOFFICE", str(script))
    monkeypatch.setenv("PERFBUDGET_CONVERT_TIMEOUT", "1")
    yield tmp_path


def _gone(pid: int) -> bool:
    for _ in range(50):
        try:
            os.kill(pid, 0)
            status = Path(f"/proc/{pid}/stat").read_text().split()[2]
            if status == "Z":
                return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.1)
    return False


def test_a_conversion_that_hangs_is_killed(forms: dict[str, bytes], fake_soffice: Path) -> None:
    start = time.perf_counter()
    result = load_bytes(forms["seed.doc"], "hangs.doc")
    assert time.perf_counter() - start < 15
    assert result.document is None and len(result.errors) == 1
    assert "超过 1 秒" in result.errors[0].message and "PERFBUDGET_CONVERT_TIMEOUT" in result.errors[0].message
    assert _gone(int((fake_soffice / "child").read_text())), "the whole process group is killed"


def test_a_conversion_without_output(forms: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERFBUDGET_SOFFICE", str(_fake_soffice(tmp_path, "echo 'Error: source file could not be "
                                                                          "loaded' >&2; exit 0")))
    result = load_bytes(forms["seed.doc"], "old.doc")
    assert result.document is None
    assert "LibreOffice 无法转换" in result.errors[0].message and "could not be loaded" in result.errors[0].message


def test_libreoffice_missing_says_how_to_install(forms: dict[str, bytes], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERFBUDGET_SOFFICE", str(tmp_path / "no-such-soffice"))
    for name, what in (("seed.doc", ".doc"), ("wps.doc", ".wps")):
        result = load_bytes(forms[name], "old")
        assert result.document is None and len(result.errors) == 1
        message = result.errors[0].message
        assert what in message and "需要 LibreOffice" in message
        assert "apt-get install libreoffice-writer-nogui" in message and "另存为 .docx" in message


def test_damaged_ole_is_refused_without_starting_libreoffice(forms: dict[str, bytes], fake_soffice: Path) -> None:
    for name in ("seed.doc", "seed.xls"):
        data = bytearray(forms[name])
        data[0x30:0x34] = b"\xff\xff\xff\x7f"  # the directory's first sector: far beyond the file
        result = load_bytes(bytes(data), name)
        assert result.form == "ole" and result.document is None
        assert "已损坏" in result.errors[0].message and "OLE" in result.errors[0].message
        assert load_bytes(bytes(data), name, form="doc").document is None
    cut = load_bytes(forms["seed.doc"][:2048], "cut.doc")
    assert cut.document is None and "已损坏" in cut.errors[0].message
    assert not (fake_soffice / "started").exists()


def test_damaged_workbook_stream(forms: dict[str, bytes]) -> None:
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(forms["seed.xls"]))
    size = ole.get_size("Workbook")
    ole.close()
    buffer = io.BytesIO(forms["seed.xls"])
    with olefile.OleFileIO(buffer, write_mode=True) as writable:
        writable.write_stream("Workbook", b"\x00" * size)
    result = load_bytes(buffer.getvalue(), "broken.xls")
    assert result.form == "xls" and result.document is None
    assert "已损坏" in result.errors[0].message


def test_encrypted_doc_is_refused_without_starting_libreoffice(forms: dict[str, bytes], fake_soffice: Path) -> None:
    import olefile

    buffer = io.BytesIO(forms["seed.doc"])
    with olefile.OleFileIO(buffer, write_mode=True) as writable:
        fib = bytearray(writable.openstream("WordDocument").read())
        fib[0x0B] |= 0x01  # fEncrypted
        writable.write_stream("WordDocument", bytes(fib))
    result = load_bytes(buffer.getvalue(), "secret.doc")
    assert result.document is None and "加密" in result.errors[0].message
    assert not (fake_soffice / "started").exists()


def test_other_ole_files_are_named_as_such(forms: dict[str, bytes]) -> None:
    data = forms["seed.xls"].replace("Workbook".encode("utf-16-le"), "Workbooq".encode("utf-16-le"))
    result = load_bytes(data, "slides.ppt")
    assert result.form == "ole" and result.document is None
    assert "不是 Word、Excel 或 WPS 文件" in result.errors[0].message and "Workbooq" in result.errors[0].message


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def _ods(content: bytes, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_zip_bomb_as_ods_is_refused_from_the_directory() -> None:
    data = _ods(b" " * (64 * 1024 * 1024))  # 64 MB, ~64 KB packed
    assert len(data) < 200_000
    result = load_bytes(data, "bomb.ods")
    assert result.form == "ods" and result.document is None
    assert "压缩炸弹" in result.errors[0].message and "content.xml" in result.errors[0].message


ODS_CONTENT = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')


@pytest.mark.parametrize("rows", [
    '<table:table-row><table:table-cell table:number-columns-repeated="1000000"><text:p>x</text:p>'
    '</table:table-cell></table:table-row>',
    '<table:table-row table:number-rows-repeated="100000000"><table:table-cell><text:p>x</text:p>'
    '</table:table-cell></table:table-row>',
    '<table:table-row table:number-rows-repeated="2000000000"/><table:table-row><table:table-cell>'
    '<text:p>x</text:p></table:table-cell></table:table-row>',
])
def test_repeated_cells_cannot_blow_up_an_ods(rows: str) -> None:
    start = time.perf_counter()
    result = load_bytes(_ods(ODS_CONTENT.format(rows=rows).encode()), "repeat.ods")
    assert time.perf_counter() - start < 10
    assert result.document is None and "过大" in result.errors[0].message


def test_damaged_opendocument() -> None:
    result = load_bytes(_ods(b"<office:document-content"), "broken.ods")
    assert result.form == "ods" and result.document is None and "已损坏" in result.errors[0].message


def test_ofd_is_named_and_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"/>')
        archive.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    result = load_bytes(buffer.getvalue(), "notice.ofd")
    assert result.form == "zip" and result.document is None
    assert "OFD" in result.errors[0].message and "PDF" in result.errors[0].message


def test_a_web_page_saved_as_xls_or_doc_is_read_as_html(seed_document: Document) -> None:
    """Budget systems often export a web page named .xls/.doc: the content decides."""
    from perfbudget.writers.target_table_html import target_table_html

    page = target_table_html(seed_document)
    for name in ("export.xls", "export.doc"):
        result = load_bytes(page, name)
        assert result.form == "html"
        _same_as_seed(result, seed_document)


def test_merged_ranges_claiming_a_whole_sheet_are_bounded(forms: dict[str, bytes]) -> None:
    """A hostile MERGEDCELLS record (every range A1:IV65536) costs neither memory nor time."""
    import struct

    import olefile

    buffer = io.BytesIO(forms["seed.xls"])
    with olefile.OleFileIO(buffer, write_mode=True) as writable:
        stream = bytearray(writable.openstream("Workbook").read())
        offset, patched = 0, 0
        while offset + 4 <= len(stream):
            kind, length = struct.unpack_from("<HH", stream, offset)
            if kind == 0x00E5:  # MERGEDCELLS: a count, then (first row, last row, first column, last column)
                count = struct.unpack_from("<H", stream, offset + 4)[0]
                for index in range(count):
                    struct.pack_into("<HHHH", stream, offset + 6 + 8 * index, 0, 0xFFFF, 0, 0xFF)
                patched += count
            offset += 4 + length
        assert patched
        writable.write_stream("Workbook", bytes(stream))
    start = time.perf_counter()
    result = load_bytes(buffer.getvalue(), "merged.xls")
    assert time.perf_counter() - start < 10
    assert result.document is None and "过大" in result.errors[0].message


def test_mutated_workbooks_never_crash(forms: dict[str, bytes]) -> None:
    """Random byte changes in the .xls (and what the sniffer makes of them): an error or a table, quickly."""
    import random

    rng = random.Random(18)
    for _ in range(40):
        data = bytearray(forms["seed.xls"])
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[:rng.randrange(len(data))]
        start = time.perf_counter()
        result = load_bytes(bytes(data), "mutated.xls")
        assert time.perf_counter() - start < 10
        assert result.ok or result.errors
        assert all(problem.source.file == "mutated.xls" for problem in result.problems)


def test_repeated_rows_cannot_blow_up_an_odt() -> None:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:text><table:table table:name="T">'
               '<table:table-row table:number-rows-repeated="100000000"><table:table-cell><text:p>x</text:p>'
               '</table:table-cell></table:table-row></table:table></office:text></office:body>'
               '</office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", MANIFEST.replace("spreadsheet", "text"))
        archive.writestr("content.xml", content)
    start = time.perf_counter()
    result = load_bytes(buffer.getvalue(), "repeat.odt")
    assert time.perf_counter() - start < 10
    assert result.form == "odt" and result.document is None and "过大" in result.errors[0].message


def _rtf_table(rows: int) -> bytes:
    row = rb"\trowd\cellx2000\cellx4000 \intbl a\cell b\cell\row" + b"\n"
    return rb"{\rtf1\ansi{\fonttbl\f0 Arial;}" + b"\n" + row * rows + b"}"


def test_an_rtf_of_too_many_table_rows_is_refused_without_starting_libreoffice(fake_soffice: Path) -> None:
    # LibreOffice spends time quadratic in a table's rows (attack14: 20,000 one-line rows, 1 MB, ran into the
    # 120 s time limit holding an upload place); an RTF's rows are counted on its bytes first
    from perfbudget.config import Limits

    limits = Limits.from_env({"PERFBUDGET_MAX_RTF_ROWS": "50"})
    assert limits.max_rtf_rows == 50 and Limits().max_rtf_rows == 3_000
    result = load_bytes(_rtf_table(51), "big.rtf", limits=limits)
    assert result.form == "rtf" and result.document is None and len(result.errors) == 1
    assert "超过 50 行" in result.errors[0].message and "PERFBUDGET_MAX_RTF_ROWS" in result.errors[0].message
    assert not (fake_soffice / "started").exists()
    nested = _rtf_table(30) + rb"{\nestrow}" * 21  # nested tables' rows count too
    assert "超过 50 行" in load_bytes(nested, "nested.rtf", limits=limits).errors[0].message
    assert not (fake_soffice / "started").exists()
    load_bytes(_rtf_table(50), "fits.rtf", limits=limits)  # within the bound: converted (here by the fake that hangs)
    assert (fake_soffice / "started").exists()
