"""Decoding text files: the quick test that UTF-8 bytes hold no control character gives what the
character scan would find."""

from __future__ import annotations

import random

from perfbudget.readers.decode import _BAD_CHARS, _BAD_UTF8_BYTES, _plain_utf8, decode_bytes


def _plain_by_deleting(data: bytes) -> bool:
    """The test as written before it looked for each byte on its own (the reference)."""
    head = data[:80000]
    return len(head.translate(None, _BAD_UTF8_BYTES)) == len(head) and b"\xef\xbf\xbd" not in head


def test_plain_utf8_equals_the_test_by_deleting_bytes() -> None:
    rng = random.Random(3)
    alphabet = [*"\t\n\r 项目名称≥%0123456789abc\x0b\x0c", *map(chr, range(0x20)), "\ufffd"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) if rng.random() < 0.05 else rng.choice("项目名称\t\nab1")
                       for _ in range(rng.randrange(40)))
        data = text.encode("utf-8")
        assert _plain_utf8(data, text) == _plain_by_deleting(data), data
        if _plain_utf8(data, text):  # then the character scan finds nothing either
            assert not _BAD_CHARS.search(text)
    long = "项目\t".encode() * 30000 + b"\x01"  # beyond the 80,000 bytes looked at
    assert _plain_utf8(long, long.decode()) == _plain_by_deleting(long) is True
    # U+FFFD is looked for in the 20,000 characters the scan samples (the bytes' test looked in 80,000 bytes)
    beyond = "项目\t" * 7000 + "\ufffd"
    assert _plain_utf8(beyond.encode(), beyond) is True and not _BAD_CHARS.search(beyond[:20000])
    within = "项目\t" * 6000 + "\ufffd"
    assert _plain_utf8(within.encode(), within) is False and _BAD_CHARS.search(within[:20000])
    assert decode_bytes("\t项目名称\n".encode()).text == "\t项目名称\n"
