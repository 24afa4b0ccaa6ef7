"""Settings that users may change: input limits, database URL, review thresholds.

Settings are plain frozen dataclasses passed down explicitly; nothing is read at
import time. ``Limits`` bound what a reader accepts so that a hostile or broken
file cannot exhaust the machine (see ``docs/limits.md``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DB_URL = "sqlite:///perfbudget.db"


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on input files.

    Attributes:
        max_file_bytes: largest file accepted (default 50 MiB; env PERFBUDGET_MAX_FILE_MB).
        max_unzipped_bytes: largest total size of a docx/xlsx's unpacked parts (default 500 MiB).
        max_compression_ratio: a zip member expanding more than this is a zip bomb (default 200).
        max_pdf_pages: largest PDF read (default 2000 pages).
    """

    max_file_bytes: int = 50 * 1024 * 1024
    max_unzipped_bytes: int = 500 * 1024 * 1024
    max_compression_ratio: int = 200
    max_pdf_pages: int = 2000

    @classmethod
    def from_env(cls) -> Limits:
        megabytes = os.environ.get("PERFBUDGET_MAX_FILE_MB")
        if megabytes:
            return cls(max_file_bytes=int(float(megabytes) * 1024 * 1024))
        return cls()


def database_url(explicit: str | None = None) -> str:
    """The database URL: the explicit one, else env PERFBUDGET_DB, else SQLite in the current directory."""
    return explicit or os.environ.get("PERFBUDGET_DB") or DEFAULT_DB_URL
