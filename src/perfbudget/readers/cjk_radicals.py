"""CJK radicals written for the ideographs they stand for (a PDF's text as positioned glyphs).

A PDF stores glyphs, and the text of a glyph is whatever the producer's ToUnicode map says. A CJK font draws
a radical and the ideograph of the same shape with one glyph (Noto Sans CJK's 目 is also KANGXI RADICAL EYE
U+2F6C; 长 is also CJK RADICAL C-SIMPLIFIED LONG U+2ED3), and producers such as Chromium's (Skia) map that
glyph to the radical: a page printed from a browser gives ``项⽬`` for 项目 and ``⻓期`` for 长期. A person reads
the ideograph, so the PDF reader does: each character of the Kangxi Radicals block (U+2F00–U+2FD5) becomes
its compatibility equivalent (NFKC), and each of the CJK Radicals Supplement (U+2E80–U+2EF3) its equivalent
unified ideograph — the Unicode Character Database's ``EquivalentUnifiedIdeograph.txt`` (Unicode 14.0, as Perl's
``Unicode::UCD::charprop(cp, "Equivalent_Unified_Ideograph")`` gives it), below as data: ``radical:ideograph``,
code points in hexadecimal. A radical without an equivalent stays as it is.

The same characters reach the other readers when such a PDF's text is copied into a Word file, a web page or a
plain text: every reader mends them (:func:`mended`, called once on a text's whole input and cell by cell on the
forms with cells, ``traditional.py``), one regular-expression scan where there is none. A text file in UTF-8 is
looked at in its bytes instead (:func:`utf8_has_marks`: the scan of all its characters cost the text reader
5 % of its instructions a table).
"""

from __future__ import annotations

import re
import unicodedata

_SUPPLEMENT = (
    "2E81:5382 2E82:4E5B 2E83:4E5A 2E84:4E59 2E85:4EBB 2E86:5182 2E87:20628 2E88:5200 2E89:5202 2E8A:535C "
    "2E8B:353E 2E8C:5C0F 2E8D:5C0F 2E8E:5140 2E8F:5C23 2E90:5C22 2E91:21BC2 2E92:5DF3 2E93:5E7A 2E94:5F51 "
    "2E95:5F50 2E96:5FC4 2E97:5FC3 2E98:624C 2E99:6535 2E9B:65E1 2E9C:65E5 2E9D:6708 2E9E:6B7A 2E9F:6BCD "
    "2EA0:6C11 2EA1:6C35 2EA2:6C3A 2EA3:706C 2EA4:722B 2EA5:722B 2EA6:4E2C 2EA7:725B 2EA8:72AD 2EA9:738B "
    "2EAA:24D14 2EAB:76EE 2EAC:793A 2EAD:793B 2EAE:25AD7 2EAF:7CF9 2EB0:7E9F 2EB1:7F53 2EB2:7F52 "
    "2EB3:34C1 2EB4:5197 2EB5:2626B 2EB6:7F8A 2EB7:2634C 2EB8:2634B 2EB9:8002 2EBA:8080 2EBB:807F "
    "2EBC:8089 2EBD:26951 2EBE:8279 2EBF:8279 2EC0:8279 2EC1:864E 2EC2:8864 2EC3:8980 2EC4:897F 2EC5:89C1 "
    "2EC6:89D2 2EC7:278B2 2EC8:8BA0 2EC9:8D1D 2ECA:27FB7 2ECB:8F66 2ECC:8FB6 2ECD:8FB6 2ECE:8FB6 "
    "2ECF:9091 2ED0:9485 2ED1:9577 2ED2:9578 2ED3:957F 2ED4:95E8 2ED5:28E0F 2ED6:961D 2ED7:96E8 2ED8:9752 "
    "2ED9:97E6 2EDA:9875 2EDB:98CE 2EDC:98DE 2EDD:98DF 2EDE:2967F 2EDF:98E0 2EE0:9963 2EE1:29810 "
    "2EE2:9A6C 2EE3:9AA8 2EE4:9B3C 2EE5:9C7C 2EE6:9E1F 2EE7:5364 2EE8:9EA6 2EE9:9EC4 2EEA:9EFE 2EEB:6589 "
    "2EEC:9F50 2EED:6B6F 2EEE:9F7F 2EEF:7ADC 2EF0:9F99 2EF1:9F9C 2EF2:4E80 2EF3:9F9F "
)

_TABLE: dict[int, str] = {int(radical, 16): chr(int(ideograph, 16))
                          for radical, ideograph in (pair.split(":") for pair in _SUPPLEMENT.split())}
_TABLE.update({code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)})
FIRST, LAST = "\u2e80", "\u2fdf"


def ideographs(text: str) -> str:
    """``text`` with each radical that stands for an ideograph written as that ideograph."""
    return text.translate(_TABLE)


_RADICAL = re.compile("[\u2e80-\u2fdf]")


def has_radical(text: str) -> bool:
    return _RADICAL.search(text) is not None


def mended(text: str) -> str:
    """``text`` with its radicals written as ideographs (:func:`ideographs`), ``text`` itself when it has none:
    one character for one, so every line and column of a source location stays the original's."""
    return text.translate(_TABLE) if _RADICAL.search(text) is not None else text


# E2 BA 80 – E2 BF 9F: U+2E80–U+2FDF in UTF-8 (E2 is always a lead byte there, BA–BF its second byte); in the same
# scan the invisible characters led by E2 (readers/invisible.py): U+200B–U+200D (E2 80 8B–8D) and U+2060 (E2 81 A0)
_MARKED_UTF8 = re.compile(rb"\xe2(?:[\xba-\xbf]|\x80[\x8b-\x8d]|\x81\xa0)")


def utf8_has_marks(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a radical, a zero-width space or joiner or a word joiner anywhere: one scan of its
    bytes in C (the lead byte E2, then BA–BF, 80 8B–8D or 81 A0), ≈ 5 µs for the seed's 14.8 KB of ten tables
    against ≈ 690 µs to read them (0.7 %). reading-u first looked at the first 1,024 bytes only (+0.25 %
    instructions a table, a whole scan ≈ +1.4 % under callgrind); a text whose radicals start past its title (a
    table pasted below a page of prose) would then be read with them, so every byte is looked at. The invisible
    characters (reading36) cost the scan only a look at the byte after each E2 of general punctuation (“ ” — …):
    ≈ 400 instructions a table of the bench's."""
    return _MARKED_UTF8.search(data) is not None
