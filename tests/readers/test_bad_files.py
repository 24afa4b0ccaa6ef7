"""Bad binary files: each gets a clear Chinese error naming the file and what is wrong; nothing is imported."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from perfbudget.config import Limits
from perfbudget.load import LoadResult, load_bytes, load_path
from perfbudget.model import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _refused(result: LoadResult, file: str, *words: str) -> None:
    assert result.document is None, "nothing may be imported from a bad file"
    assert not result.ok
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.source.file == file
    assert str(error).startswith(file)
    for word in words:
        assert word in error.message, error.message


def _docx(document: Document) -> bytes:
    from perfbudget.writers.target_table_docx import target_table_docx

    return target_table_docx(document)


def test_corrupt_docx(seed_document: Document) -> None:
    data = _docx(seed_document)
    _refused(load_bytes(data[: len(data) // 2], "cut.docx"), "cut.docx", "Word", "损坏")


def test_docx_with_broken_xml(seed_document: Document) -> None:
    source = zipfile.ZipFile(io.BytesIO(_docx(seed_document)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[:100] if item.filename == "word/document.xml" else data)
    _refused(load_bytes(buffer.getvalue(), "broken.docx"), "broken.docx", "Word", "损坏")


def test_corrupt_xlsx() -> None:
    _refused(load_bytes(b"PK\x03\x04" + b"\x00" * 200, "bad.xlsx"), "bad.xlsx", "Excel", "损坏")


def test_encrypted_office_file() -> None:
    # Office encrypts a package by wrapping it in an OLE container with an EncryptedPackage stream
    data = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le")
            + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2000)
    _refused(load_bytes(data, "secret.docx"), "secret.docx", "加密", "密码")


def test_legacy_doc_file() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 2000
    _refused(load_bytes(data, "old.doc"), "old.doc", ".doc", ".docx")


def test_zip_bomb_is_refused_from_the_directory(seed_document: Document) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (64 * 1024 * 1024))  # 64 MB of zeros, ~64 KB packed
    data = buffer.getvalue()
    assert len(data) < 200_000
    _refused(load_bytes(data, "bomb.docx"), "bomb.docx", "压缩炸弹", "word/document.xml")


def test_unpacked_size_limit_is_configurable(seed_document: Document) -> None:
    data = _docx(seed_document)
    _refused(load_bytes(data, "big.docx", limits=Limits(max_unzipped_bytes=10_000)), "big.docx", "解压后超过")
    assert load_bytes(data, "big.docx", limits=Limits()).ok


def test_file_over_the_size_limit(tmp_path: Path, seed_document: Document) -> None:
    path = tmp_path / "large.docx"
    path.write_bytes(_docx(seed_document))
    result = load_path(path, limits=Limits(max_file_bytes=1000))
    _refused(result, str(path), "文件过大", "MB")


def test_a_file_just_over_the_limit_shows_two_different_sizes(tmp_path: Path) -> None:
    """「1.0 MB，上限为 1.0 MB」 would tell the user nothing: the sizes get the digits that differ."""
    path = tmp_path / "just-over.txt"
    path.write_bytes(b"x" * (1048576 + 5000))
    message = load_path(path, limits=Limits(max_file_bytes=1048576)).errors[0].message
    assert "文件过大：1.005 MB，上限为 1 MB" in message, message
    small = load_path(path, limits=Limits(max_file_bytes=10485)).errors[0].message
    assert "文件过大：1.0 MB，上限为 0.01 MB" in small, small


def test_pdf_without_a_table() -> None:
    _refused(load_path(FIXTURES / "no_table.pdf"), str(FIXTURES / "no_table.pdf"), "PDF", "没有找到表格")


def test_pdf_over_the_page_limit() -> None:
    path = FIXTURES / "seed.pdf"
    _refused(load_path(path, limits=Limits(max_pdf_pages=2)), str(path), "页", "上限")


def test_corrupt_pdf() -> None:
    _refused(load_bytes(b"%PDF-1.7\n" + b"garbage" * 100, "bad.pdf"), "bad.pdf", "PDF")


def test_html_page_without_a_target_table() -> None:
    page = "<html><body><h1>通知</h1><table><tr><td>日期</td><td>标题</td></tr></table></body></html>"
    _refused(load_bytes(page.encode(), "news.html"), "news.html", "网页", "绩效目标表")


def test_zip_that_is_not_office() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(load_bytes(buffer.getvalue(), "files.zip"), "files.zip", "zip")


@pytest.mark.parametrize("form", ["docx", "xlsx", "pdf", "html"])
def test_form_override_on_the_wrong_content(form: str) -> None:
    result = load_bytes("项目名称\t测试\n".encode(), "table.txt", form=form)
    assert result.document is None and result.errors and result.form == form
