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


def test_a_utf8_file_cut_in_a_character_is_read_and_the_place_told() -> None:
    """A UTF-8 file cut short in the middle of a character was 「不是可读的文本文件」 as a whole until
    2026-12-04: now it is read, and the cut is an error at its line and column."""
    from perfbudget.readers.decode import Break, break_problems

    data = "\t项目名称\n\t视频会议保障数量\n\t满意度".encode()
    decoded = decode_bytes(data[:-2])  # 「度」 cut after its first byte
    assert decoded.encoding == "utf-8" and decoded.text == "\t项目名称\n\t视频会议保障数量\n\t满意"
    assert decoded.breaks == (Break(3, 4, 1, True),)
    [problem] = break_problems(decoded, "t.txt")
    assert str(problem.source) == "t.txt:3:第4列" and "文件在一个字符的中间结束" in problem.message
    assert problem.severity.value == "error"
    inside = data.replace("视".encode(), "视".encode()[:2])  # two bytes of 「视」 left, the text going on
    middle = decode_bytes(inside)
    assert middle.text == "\t项目名称\n\t\ufffd频会议保障数量\n\t满意度" and middle.breaks == (Break(2, 2, 2, False),)
    assert "已标为「\ufffd」" in break_problems(middle, "t.txt")[0].message


def test_a_gb18030_file_cut_in_its_last_character_is_read_and_the_cut_told() -> None:
    """A GB18030 file cut short inside its last character was 「不是可读的文本文件」 as a whole until
    2026-12-04 (the UTF-8 one was read): now it is read the same way, the cut an error at its place."""
    from perfbudget.readers.decode import Break, break_problems

    data = "\t项目名称\n\t视频会议保障数量\n\t满意度".encode("gb18030")
    decoded = decode_bytes(data[:-1])  # 「度」 cut after its first byte
    assert decoded.encoding == "gb18030" and decoded.text == "\t项目名称\n\t视频会议保障数量\n\t满意"
    assert decoded.breaks == (Break(3, 4, 1, True),)
    [problem] = break_problems(decoded, "t.txt")
    assert str(problem.source) == "t.txt:3:第4列" and "末尾 1 个字节不是完整的 GB18030 字符" in problem.message
    four = decode_bytes(data + b"\x81\x30\x81")  # three bytes of a four-byte character
    assert four.text.endswith("满意度") and four.breaks == (Break(3, 5, 3, True),)
    try:
        decode_bytes(data[:5] + b"\xff" + data[5:])  # a bad byte inside is no cut
    except ValueError:
        pass
    else:
        raise AssertionError("a GB18030 text with a bad byte inside was read")


def test_gb18030_text_is_not_taken_for_broken_utf8() -> None:
    rng = random.Random(5)
    words = ["项目名称", "视频会议保障数量", "≥95%", "满意度", "\t", "\n", "abc", "12次", "（系统）"]
    for _ in range(500):
        text = "".join(rng.choice(words) for _ in range(rng.randrange(1, 60)))
        if not text.strip():
            continue
        decoded = decode_bytes(text.encode("gb18030"))
        assert decoded.text == text and not decoded.breaks, text
    many = ("\t项目名称\n" * 40).encode()
    broken = b"".join(many[i:i + 20] + b"\xe9" for i in range(0, 200, 20))  # ten breaks: more than MAX_BREAKS
    try:
        decode_bytes(broken)
    except ValueError:
        pass
    else:
        raise AssertionError("ten broken characters were read as UTF-8")


def test_a_cut_character_is_told_by_every_text_reader() -> None:
    from perfbudget.evaluate.sheet import read_sheet_bytes
    from perfbudget.load import load_bytes
    from tests.conftest import HEADER_ROWS, table_text

    text = table_text(*HEADER_ROWS, ["产出指标", "数量指标", "视频会议保障数量", "视频会议保障数量", "≥12次"])
    read = load_bytes(text.encode()[:-4], "cut.txt")  # the last cell 「≥12次」 cut inside 「次」
    assert read.document is not None
    assert any("文件在一个字符的中间结束" in p.message and p.source.line for p in read.errors), read.problems
    cells = "".join(f"<tr>{''.join(f'<td>{cell}</td>' for cell in row)}</tr>\n" for row in HEADER_ROWS)
    html = f"<html><body><table>\n{cells}</table></body></html>".encode()
    page = load_bytes(html.replace("名".encode(), "名".encode()[:1], 1), "cut.html")
    assert any("不是完整的 UTF-8 字符" in p.message and str(p.source) == "cut.html:3:第11列"
               for p in page.problems), page.problems
    _, problems = read_sheet_bytes("项目名称,三级指标,实际完成值\n甲项目,视频会议保障数量,12".encode()
                                   .replace("保".encode(), "保".encode()[:2]), "s.csv")
    assert any("不是完整的 UTF-8 字符" in p.message and str(p.source) == "s.csv:2:第9列" for p in problems), problems
    from perfbudget.interchange import dumps
    from perfbudget.readers.text import read_text

    document, _ = read_text(text, "t.txt")
    assert document is not None
    json_read = load_bytes(dumps(document).encode().replace("测".encode(), "测".encode()[:2], 1), "cut.json")
    assert json_read.document is None and "不是完整的 UTF-8 字符" in json_read.problems[0].message
