"""Settings that users may change: input limits, database URL, review thresholds.

Settings are plain frozen dataclasses passed down explicitly; nothing is read at
import time. ``Limits`` bound what a reader accepts so that a hostile or broken
file cannot exhaust the machine (see ``docs/limits.md``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

DEFAULT_DB_URL = "sqlite:///perfbudget.db"


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on input files.

    Attributes:
        max_file_bytes: largest file accepted (default 50 MiB; env PERFBUDGET_MAX_FILE_MB).
        max_unzipped_bytes: largest total size of a docx/xlsx's unpacked parts (default 500 MiB;
            env PERFBUDGET_MAX_UNZIPPED_MB).
        max_compression_ratio: a zip member expanding more than this is a zip bomb (default 200;
            env PERFBUDGET_MAX_COMPRESSION_RATIO).
        max_pdf_pages: largest PDF read (default 2000 pages; env PERFBUDGET_MAX_PDF_PAGES).
    """

    max_file_bytes: int = 50 * 1024 * 1024
    max_unzipped_bytes: int = 500 * 1024 * 1024
    max_compression_ratio: int = 200
    max_pdf_pages: int = 2000

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Limits with any of these environment variables applied (unset or empty: the default):
        PERFBUDGET_MAX_FILE_MB, PERFBUDGET_MAX_UNZIPPED_MB, PERFBUDGET_MAX_COMPRESSION_RATIO,
        PERFBUDGET_MAX_PDF_PAGES. A value that is not a positive number raises ValueError naming it."""
        env = os.environ if environ is None else environ
        changes: dict[str, int] = {}
        for variable, (field_name, scale) in _LIMIT_VARIABLES.items():
            text = env.get(variable, "").strip()
            if not text:
                continue
            try:
                number = float(text)
            except ValueError:
                number = -1
            if not number > 0:
                raise ValueError(f"环境变量 {variable} 应为正数，实际为「{text}」")
            changes[field_name] = int(number * scale)
        return replace(cls(), **changes)


_LIMIT_VARIABLES = {
    "PERFBUDGET_MAX_FILE_MB": ("max_file_bytes", 1024 * 1024),
    "PERFBUDGET_MAX_UNZIPPED_MB": ("max_unzipped_bytes", 1024 * 1024),
    "PERFBUDGET_MAX_COMPRESSION_RATIO": ("max_compression_ratio", 1),
    "PERFBUDGET_MAX_PDF_PAGES": ("max_pdf_pages", 1),
}


def database_url(explicit: str | None = None) -> str:
    """The database URL: the explicit one, else env PERFBUDGET_DB, else SQLite in the current directory."""
    return explicit or os.environ.get("PERFBUDGET_DB") or DEFAULT_DB_URL
