"""``names.canonical_name``'s quick path (a printable text: no format character, no white space but the ASCII
space) gives what the character-by-character definition gives, for every code point and the spaces around it."""

from __future__ import annotations

import re
import unicodedata

from perfbudget.names import canonical_name


def _defined(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", visible).strip()


def test_every_code_point_folds_as_defined() -> None:
    for point in range(0x110000):
        char = chr(point)
        if unicodedata.category(char) in ("Cn", "Cs"):
            continue  # unassigned (not printable: the definition's path) and lone surrogates (no decoded text)
        text = f" 项{char}  {char}x "
        assert canonical_name(text) == _defined(text), hex(point)


def test_spaces_and_format_characters() -> None:
    for text in ["", " ", "  a  b  ", "a\u3000b", "a\u200bb", "\ufeff项目", "a\t\nb", "（１２３）", "a \u00a0 b",
                 "a\u00adb", "a  ", "ａ"]:
        assert canonical_name(text) == _defined(text), repr(text)
