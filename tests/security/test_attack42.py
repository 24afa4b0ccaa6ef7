"""Round 42's attack (docs/security.md, 「Attacked from outside (attack42)」): each test failed on 5508b3e8."""

from __future__ import annotations

import functools
import gc
import random
import sys
from typing import Any

import pytest

from tests.web.conftest import WebEnv
from tests.web.test_revisions import api


def _characters(value: Any, seen: set[int]) -> int:
    if isinstance(value, str):
        if id(value) in seen:
            return 0
        seen.add(id(value))
        return len(value)
    if isinstance(value, (tuple, list, frozenset)):
        return sum(_characters(item, seen) for item in value)
    return 0


def _held() -> tuple[int, int]:
    """(entries, characters of their keys and answers) of every process-wide cache of the package's modules: each
    ``lru_cache`` (its dict, as the collector sees it) and each module-level dict."""
    entries = characters = 0
    seen: set[int] = set()
    caches: set[int] = set()
    for name, module in list(sys.modules.items()):
        if not name.startswith("perfbudget") or module is None:
            continue
        for value in list(vars(module).values()):
            if id(value) in caches:
                continue
            caches.add(id(value))
            if isinstance(value, functools._lru_cache_wrapper):
                held = [ref for ref in gc.get_referents(value) if type(ref) is dict]
            elif isinstance(value, dict):
                held = [value]
            else:
                continue
            for cache in held:
                entries += len(cache)
                characters += sum(_characters(key, seen) + _characters(answer, seen) for key, answer in cache.items())
    return entries, characters


def _table(seed: int, long: int) -> bytes:
    letters = random.Random(seed)

    def text(n: int) -> str:
        return "".join(chr(0x4E00 + letters.randrange(3000)) for _ in range(n))

    rows = [f"产出指标 | 数量指标 | {text(long)}完成率 | {text(long)} | ≥{seed}{text(long)}" for _ in range(20)]
    head = ["项目支出绩效目标表", f"项目名称 | {text(long)}", "预算数 | 100 | 其中：财政资金 | 100 | 其他资金 | 0",
            "一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值"]
    return ("\n".join([*head, *rows]) + "\n").encode()


def test_the_texts_of_uploads_are_not_kept_past_the_caches_budget(web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    # the readers' and the review's caches (1,024 to 200,000 entries, living as long as the server) kept every text
    # an upload's preview read and reviewed: on 5508b3e8 each of these uploads (60 texts of 300 characters) left
    # its 18,000 characters, some 5 GB once the caches fill with descriptions of 20,000 characters. Now every
    # cache keyed on texts is emptied once the characters read since the last emptying pass a budget (made small
    # here: 100,000 characters, some five uploads)
    try:
        from perfbudget import text_caches
    except ImportError:  # 5508b3e8: no budget, nothing emptied
        budget = 100_000
    else:
        budget = 100_000
        monkeypatch.setattr(text_caches, "BUDGET", budget)
    client, editor = web.client(), api(web, "editor")

    def upload(seed: int) -> None:
        sent = client.post("/api/v1/uploads", headers=editor,
                           files={"file": ("表.txt", _table(seed, 300), "text/plain")})
        assert sent.status_code == 200, sent.text
        assert len(sent.json()["projects"]) == 1 and sent.json()["review"]["findings"], sent.text
        client.delete(f"/api/v1/uploads/{sent.json()['upload_id']}", headers=editor)

    upload(1)  # the words of the form, jieba's dictionary
    before = _held()
    for seed in range(2, 32):  # 30 uploads, 540,000 characters of texts never seen
        upload(seed)
    entries, characters = (now - then for now, then in zip(_held(), before, strict=True))
    # at most the budget read since the emptying and the upload read past it (each character held about once)
    assert characters < 2 * budget + 60_000, (entries, characters)


# Process-wide caches of more than 64 entries keyed on something else than a file's texts: numbers, the number
# formats of a workbook (their texts bounded since attack32), and what a function without arguments loads once
_NOT_KEYED_ON_TEXTS = {"perfbudget.app.opinion._html_template", "perfbudget.writers.list_xlsx._wide",
                       "perfbudget.evaluate.numbers.show", "perfbudget.evaluate.numbers.plain",
                       "perfbudget.readers.date_formats._pieces", "perfbudget.readers.number_shape.number_shape",
                       "perfbudget.readers.number_shape.section_literal", "perfbudget.readers.format_sections._read",
                       "perfbudget.readers.format_digits.format_tokens"}


def test_every_large_cache_of_the_package_is_emptied_with_the_texts_budget() -> None:
    # a cache keyed on texts that the budget does not empty would keep an upload's texts again: each lru_cache of
    # more than 64 entries in the package is registered with perfbudget.text_caches or named above
    import importlib
    import pkgutil

    import perfbudget
    from perfbudget import text_caches

    for found in pkgutil.walk_packages(perfbudget.__path__, "perfbudget."):
        if not found.name.endswith("__main__"):  # (runs the command line)
            importlib.import_module(found.name)
    registered = text_caches.registered()
    unregistered = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("perfbudget") or module is None:
            continue
        for value in vars(module).values():
            if not isinstance(value, functools._lru_cache_wrapper) or value.__module__ != name:
                continue
            size = value.cache_parameters()["maxsize"]
            qualified = f"{name}.{value.__qualname__}"
            if (size is None or size > 64) and qualified not in _NOT_KEYED_ON_TEXTS \
                    and value.cache_clear not in registered:
                unregistered.append(qualified)
    assert not unregistered, unregistered
    assert len(registered) > 80


def test_emptying_the_caches_gives_the_same_answers() -> None:
    # the caches are pure: a table read and reviewed after the emptying reads and reviews as before it
    from perfbudget import text_caches
    from perfbudget.load import load_bytes
    from perfbudget.review.engine import review_document

    def read_and_review() -> tuple[Any, Any]:
        result = load_bytes(_table(7, 30), "表.txt")
        assert result.document is not None
        return result.document, review_document(result.document).to_dict()

    first = read_and_review()
    text_caches.empty()
    assert read_and_review() == first


def test_a_store_load_counts_its_new_texts_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # counting each indicator made (a genexpr over its 18 values) was +85 % of making one: a load sums the texts of
    # the indicators it makes (not those shared from an earlier load) and counts once
    import json

    from perfbudget import text_caches
    from perfbudget.store import rows

    counted: list[int] = []
    monkeypatch.setattr(text_caches, "read", counted.append)
    values = [(f"产出指标{n}", "数量指标", "完成户数", "描述", "10", None, None, None, None, "≥100户", "qualitative",
               None, None, None, None, None, None, None) for n in ("甲乙", "丙丁戊")]
    rows.shared_indicators([*values, values[0]])
    assert counted == [sum(len(value) for row in values for value in row if value)]
    counted.clear()
    packed = json.dumps(["产出指标己", *values[0][1:]], ensure_ascii=False)
    assert rows.indicators_by_packed_rows([(1, 0, packed), (1, 1, packed)]) is not None
    assert counted == [len(packed)]


def test_the_web_guard_never_empties_the_caches_on_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    # an emptying frees up to some 1.5 M entries: on the event loop every request would wait for it
    import asyncio
    import threading
    from types import SimpleNamespace

    from perfbudget import text_caches
    from perfbudget.config import Limits
    from perfbudget.web.limits import RequestGuard

    emptied_on: list[str] = []
    monkeypatch.setattr(text_caches, "_read", text_caches.BUDGET)
    monkeypatch.setattr(text_caches, "_EMPTYING", [lambda: emptied_on.append(threading.current_thread().name)])

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def receive() -> Any:
        return {"type": "http.request", "body": b"x" * 10, "more_body": False}

    async def send(message: Any) -> None:
        pass

    async def request() -> str:
        config = SimpleNamespace(limits=Limits(), max_form_body_bytes=1 << 20)
        holder = SimpleNamespace(state=SimpleNamespace(config=config))
        scope = {"type": "http", "method": "GET", "path": "/healthz", "headers": [], "query_string": b"", "app": holder}
        await RequestGuard(app)(scope, receive, send)
        return threading.current_thread().name

    loop_thread = asyncio.run(request())
    assert emptied_on and loop_thread not in emptied_on


def test_a_target_added_by_another_thread_between_two_reads_is_not_taken_for_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the one-pass path asked _TARGETS.get then `in`: a thread adding the text between took it as no target
    from perfbudget.load import load_bytes
    from perfbudget.readers import text_cells_fast

    class Racing(dict[str, Any]):
        def get(self, key: str, default: Any = None) -> Any:
            if key not in self:
                text_cells_fast._target_of_text(key)  # (another thread, just after this read)
            return default

    monkeypatch.setattr(text_cells_fast, "_TARGETS", Racing())
    taken: list[bool] = []
    read_rows = text_cells_fast._read_indicator_rows
    monkeypatch.setattr(text_cells_fast, "_read_indicator_rows", lambda *a: taken.append(read_rows(*a)) or taken[-1])
    from pathlib import Path

    seed = next((Path(__file__).parents[2] / "examples").glob("000_*.txt"))  # (tab cells: the one-pass path)
    assert load_bytes(seed.read_bytes(), seed.name).document is not None
    assert taken and all(taken)
