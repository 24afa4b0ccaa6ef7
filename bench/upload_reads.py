"""CPU of a web upload's preview and import (one confirmed upload), to compare the code before and after the import
takes what the preview read (webflow21; until then the import read the whole file again).

    .venv/bin/python bench/upload_reads.py [--file PATH] [--copies 20] [--src DIR]

Builds the web app on a new SQLite file in a temporary folder, signs in as an administrator (TestClient: no
server, no network), uploads ``--file`` (default: the seed's ten tables repeated ``--copies`` times, each copy's
projects renamed, a text file of ``copies × 10`` tables), and measures the process's CPU time
(``time.process_time``, not wall time: the machine's other work does not count) of the preview page
(``GET /upload/{id}``: read, screened, reviewed, planned) and of the import (``POST /upload/{id}/confirm``), how
many times the file was read (``load_bytes`` calls) and the CPU of those readings. ``--src`` runs another tree's
code (its ``src`` first on the path), e.g. main's, side by side. A CPU measurement, not a timed test: run it on a
quiet machine and read it as before → after.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"


def big_text(copies: int) -> bytes:
    """The seed's tables ``copies`` times, each copy's project names made its own (all new projects)."""
    text = SEED.read_text(encoding="utf-8")
    parts = [re.sub(r"(项目名称\n\t)([^\n-]+)", lambda m, n=n: f"{m.group(1)}{m.group(2)}（第{n}批）", text)
             for n in range(1, copies + 1)]
    return "\n".join(parts).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--src", type=Path, help="another tree's src (e.g. main's) to measure side by side")
    options = parser.parse_args()
    if options.src:
        sys.path.insert(0, str(options.src.resolve()))
    else:
        sys.path.insert(0, str(ROOT / "src"))
    from fastapi.testclient import TestClient

    import perfbudget
    import perfbudget.web.routes.upload as upload_route
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    reads: list[float] = []  # the CPU seconds of each reading of the file
    real = upload_route.load_bytes

    def counted(data: bytes, name: str, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return real(data, name, **kwargs)
        finally:
            reads.append(time.process_time() - started)
    upload_route.load_bytes = counted  # type: ignore[assignment]

    name, data = ((options.file.name, options.file.read_bytes()) if options.file
                  else ("big.txt", big_text(options.copies)))
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(WebConfig(database_url=f"sqlite:///{folder}/bench.db", secret_key="bench-" + "x" * 40))
        password = "bench-password-1"
        create_user(app.state.engine, "editor", password, Role.ADMIN)  # an admin: any unit's file
        client = TestClient(app)
        login = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', login)
        assert token
        client.post("/login", data={"csrf_token": token.group(1), "username": "editor", "password": password})
        page = client.get("/upload").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        stored = client.post("/upload", data={"csrf_token": token.group(1)}, files={"file": (name, data)},
                             follow_redirects=False)
        location = stored.headers["location"]
        client.get("/dashboard")  # the app's first page drawn (templates compiled) before anything is measured
        started = time.process_time()
        preview = client.get(location)
        preview_cpu = time.process_time() - started
        preview_reads = list(reads)
        assert preview.status_code == 200, preview.text[:500]
        started = time.process_time()
        done = client.post(f"{location}/confirm", data={"csrf_token": token.group(1)})
        import_cpu = time.process_time() - started
        told = re.search(r"已导入「[^」]+」[^<]*", done.text)
        print(f"perfbudget {perfbudget.__file__}")
        print(f"file {name}: {len(data):,} bytes; {told.group(0) if told else 'NOT IMPORTED'}")
        import_reads = reads[len(preview_reads):]
        print(f"reads of the file: {len(reads)} (preview {len(preview_reads)}, import {len(import_reads)}); "
              f"CPU reading: preview {sum(preview_reads):.2f} s, import {sum(import_reads):.2f} s")
        print(f"CPU preview {preview_cpu:.2f} s, import {import_cpu:.2f} s, together {preview_cpu + import_cpu:.2f} s")


if __name__ == "__main__":
    main()
