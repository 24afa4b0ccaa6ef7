"""webflow22: the API's preview asked again (``GET /api/v1/uploads/{id}``) takes what the upload read, as the page's
preview and both imports do since webflow21; until webflow22 each asking read the whole file again. The reader is
wrapped to count its calls (the real reader does the work)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, update

from perfbudget.web.tables import upload_parts, uploads
from tests.web.conftest import WebEnv
from tests.web.test_revisions import VIDEO, VIDEO_15, VIDEO_20, variant
from tests.web.test_webflow21_upload_reads import reads  # noqa: F401  (the counted reader)


def test_the_api_preview_asked_again_is_not_read_again(web: WebEnv, seed_path: Path, tmp_path: Path,
                                                       reads: list[str]) -> None:  # noqa: F811
    changed = variant(seed_path, tmp_path, "changed.txt", VIDEO, VIDEO_15)
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    first = client.post("/api/v1/uploads", headers=headers,
                        files={"file": ("changed.txt", changed.read_bytes(), "text/plain")}).json()
    upload_id = first["upload_id"]
    again = client.get(f"/api/v1/uploads/{upload_id}", headers=headers)
    assert again.status_code == 200, again.text
    assert reads == ["changed.txt"]  # one reading for the upload and its preview asked again (two until webflow22)
    body = again.json()
    assert body["plan"] == first["plan"] and body["can_import"] and body["file"] == "changed.txt"
    assert body["review"] == first["review"] and body["document"] == first["document"]

    other = changed.read_text(encoding="utf-8").replace(VIDEO_15, VIDEO_20).encode("utf-8")
    with web.app.state.engine.begin() as connection:  # the stored upload is no longer the bytes read
        connection.execute(delete(upload_parts).where(upload_parts.c.upload_id == upload_id))
        connection.execute(insert(upload_parts).values(upload_id=upload_id, part=0, data=other))
        connection.execute(update(uploads).where(uploads.c.id == upload_id)
                           .values(sha256=hashlib.sha256(other).hexdigest()))
    changed_again = client.get(f"/api/v1/uploads/{upload_id}", headers=headers).json()
    assert reads == ["changed.txt", "changed.txt"]  # other bytes: read again, never the stale reading
    assert _video_targets(changed_again) == ["≥20次"] and _video_targets(body) == ["≥15次"]


def _video_targets(preview: dict[str, Any]) -> list[str]:
    return [i["target"]["raw"] for p in preview["document"]["projects"] for i in p["indicators"]
            if i["level3"] == "视频会议保障数量"]
