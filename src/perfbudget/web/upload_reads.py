"""What the preview read of a pending upload, kept for its import: a confirmed upload is read once.

Until webflow21 the import read the whole file again (the readers' work, often seconds for a large Excel or PDF)
after the preview had read it. Now the preview keeps its reading (the :class:`~perfbudget.load.LoadResult` and its
screening, both immutable) in the process, under the upload's id and its user, with the SHA-256 of the very bytes it
read; the import takes it when the pending upload's stored SHA-256 is the same (the same bytes, checked unchanged),
and reads the file again otherwise (kept by another process — ``serve --workers N`` —, evicted, or the process
restarted: nothing but the time is lost).

**Bounded memory.** A process keeps at most ``WebConfig.upload_reads`` readings (the number of uploads it may read at
once: at rest it never holds more than two concurrent reads do), the most recent; an import, a discard and a new
upload past the limit drop the oldest. A reading is never used past the upload's expiry (the store answers first)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from perfbudget.app.blocked import Screened
from perfbudget.load import LoadResult


@dataclass(frozen=True, slots=True)
class Reading:
    """One pending upload as read: its name, the SHA-256 of the bytes read, what was read and its screening."""

    name: str
    sha256: str
    result: LoadResult
    screened: Screened


class ReadingsKept:
    """The process's readings of pending uploads, by (user id, upload id); thread-safe, at most ``size``."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self._kept: OrderedDict[tuple[int, int], Reading] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, user_id: int, upload_id: int, reading: Reading) -> None:
        with self._lock:
            self._kept[(user_id, upload_id)] = reading
            self._kept.move_to_end((user_id, upload_id))
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def find(self, user_id: int, upload_id: int, name: str, sha256: str) -> Reading | None:
        """The reading of these very bytes (same name and SHA-256), or None."""
        with self._lock:
            reading = self._kept.get((user_id, upload_id))
        if reading is None or reading.name != name or reading.sha256 != sha256 or not sha256:
            return None
        return reading

    def drop(self, user_id: int, upload_id: int) -> None:
        with self._lock:
            self._kept.pop((user_id, upload_id), None)

    def __len__(self) -> int:
        return len(self._kept)
