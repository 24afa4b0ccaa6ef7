"""Input limits from the environment: every limit configurable, bad values named."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.config import Limits
from perfbudget.load import load_path


def test_every_limit_has_an_environment_variable() -> None:
    limits = Limits.from_env({
        "PERFBUDGET_MAX_FILE_MB": "2",
        "PERFBUDGET_MAX_UNZIPPED_MB": "0.5",
        "PERFBUDGET_MAX_COMPRESSION_RATIO": "50",
        "PERFBUDGET_MAX_PDF_PAGES": "10",
    })
    assert limits == Limits(max_file_bytes=2 * 1024 * 1024, max_unzipped_bytes=512 * 1024,
                            max_compression_ratio=50, max_pdf_pages=10)
    assert Limits.from_env({}) == Limits()
    assert Limits.from_env({"PERFBUDGET_MAX_PDF_PAGES": " "}) == Limits()


@pytest.mark.parametrize("value", ["abc", "0", "-3"])
def test_bad_value_is_named(value: str) -> None:
    with pytest.raises(ValueError, match="PERFBUDGET_MAX_PDF_PAGES"):
        Limits.from_env({"PERFBUDGET_MAX_PDF_PAGES": value})


def test_file_over_the_limit_is_refused(tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERFBUDGET_MAX_FILE_MB", "0.01")
    result = load_path(seed_path)
    assert result.document is None and "文件过大" in result.errors[0].message
    monkeypatch.setenv("PERFBUDGET_MAX_FILE_MB", "lots")
    result = load_path(seed_path)
    assert result.document is None and "PERFBUDGET_MAX_FILE_MB" in result.errors[0].message
