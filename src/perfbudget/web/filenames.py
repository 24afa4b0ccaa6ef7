"""Download file names, safe in any browser (RFC 6266 with RFC 5987 encoding).

A project name may hold anything a user typed: ``/`` or ``\\`` (a path), control characters,
quotes, semicolons. :func:`safe_filename` replaces path separators, control and format
characters and the characters Windows forbids by ``_`` and bounds the length;
:func:`content_disposition` sends it as ``filename*=UTF-8''…`` (percent-encoded) with a plain
ASCII ``filename="…"`` fallback for old clients; :func:`attachment` answers a download with it (the pages' and the
API's, in the project page's route module until replay-v, from which the API imported it).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from fastapi.responses import Response

_UNSAFE = re.compile(r'[\\/:*?"<>|;\x00-\x1f\x7f]')
MAX_LENGTH = 150


def safe_filename(name: str, fallback: str = "download") -> str:
    cleaned = "".join("_" if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") else ch
                      for ch in _UNSAFE.sub("_", name))
    cleaned = cleaned.strip(" .") or fallback
    if len(cleaned) > MAX_LENGTH:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: MAX_LENGTH - len(ext) - 1] + dot + ext) if dot and len(ext) <= 8 else cleaned[:MAX_LENGTH]
    return cleaned


def content_disposition(name: str) -> str:
    """The ``Content-Disposition`` value for downloading a file called ``name``."""
    safe = safe_filename(name)
    ascii_name = "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\%' else "_" for ch in safe)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(safe, safe='')}"


def attachment(content: bytes | str, filename: str, media_type: str) -> Response:
    """A download: ``content`` (text as UTF-8) named ``filename`` (:func:`content_disposition`)."""
    body = content.encode("utf-8") if isinstance(content, str) else content
    return Response(body, media_type=media_type, headers={"Content-Disposition": content_disposition(filename)})


def upload_name(name: str | None, fallback: str) -> str:
    """The name kept for an uploaded file: its last path component, cleaned as :func:`safe_filename`
    cleans a download's (a NUL in it answered 500 on PostgreSQL until 2026-12-03)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    return safe_filename(base, fallback)
