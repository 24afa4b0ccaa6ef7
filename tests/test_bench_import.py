"""bench/import.py's sampling of an import's processes (import-floor7's second reading)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

POOL = """
import os, sys, time, multiprocessing
from concurrent.futures import ProcessPoolExecutor
def pid(_): time.sleep(0.3); return os.getpid()
if __name__ == "__main__":
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(sys.argv[1])) as pool:
        print(*sorted(set(pool.map(pid, range(8)))), flush=True)
        sys.stdin.read()
"""


def _bench() -> object:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_import", BENCH / "import.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="/proc")
@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_the_readers_sampled_are_the_pool_s_workers(tmp_path: Path, method: str) -> None:
    # the first "reader MB" of import-floor7 sampled the import's children: the fork server and the resource
    # tracker, not the readers, which are the server's children
    bench = _bench()
    script = tmp_path / "pool.py"
    script.write_text(POOL)
    process = subprocess.Popen([sys.executable, str(script), method], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout is not None
        workers = {int(pid) for pid in process.stdout.readline().split()}
        assert len(workers) >= 1
        deadline = time.monotonic() + 30
        while set(bench._readers(process.pid)) != workers and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.05)
        assert set(bench._readers(process.pid)) == workers  # type: ignore[attr-defined]
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(30)


ORPHANS = """
import ctypes, subprocess, sys
sys.path.insert(0, {bench!r})
import importlib.util
spec = importlib.util.spec_from_file_location("bench_import", {bench!r} + "/import.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
bench.ORPHANS_WAIT = 0.2
left = subprocess.Popen(["sleep", "30"])
print(bench._orphans_cpu(), left.pid in bench._children(__import__("os").getpid()))
left.kill()
class Failing:
    def prctl(self, *args): return -1
ctypes.CDLL = lambda *args, **kwargs: Failing()
print(bench._adopt_orphans())
"""


def test_a_leftover_process_and_no_subreaper_leave_the_cpu_unknown(tmp_path: Path) -> None:
    # the first version waited for every child with no limit (a leftover process hung the bench) and ignored a failed
    # prctl (the readers' CPU silently left out)
    script = tmp_path / "orphans.py"
    script.write_text(ORPHANS.format(bench=str(BENCH)))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "True", "False"]
    assert "sleep" not in done.stderr and "left over" in done.stderr and "unknown" in done.stderr
