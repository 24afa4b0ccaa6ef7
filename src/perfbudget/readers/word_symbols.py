"""The characters Word draws for a symbol inserted from a symbol font (``w:sym``), which the text does not hold.

Word's 插入 → 符号 with the Symbol, Wingdings or Wingdings 2 font selected writes no character but
``<w:sym w:font="Symbol" w:char="F0B3"/>``: the glyph at that place of the font (≥ here). A unit typing ``≥95%`` so
read ``95%`` — the comparison lost without a word —, a 是否 cell ticked from Wingdings read empty (forms47). Each
symbol reads as the character it shows: a ``w:char`` outside the private-use range F000–F0FF is that character (any
font); a private-use one (or a byte) of the Symbol font is read by the font's encoding (Adobe Symbol: ≥ ≤ ≠ ± × ÷ ° …,
the signs a form uses), of Wingdings and Wingdings 2 the ticks and boxes a form's options are marked with (✔ ✘ ☑ ☒
□ ○ ◉ ●). A symbol of another font, or a place of these fonts not known, reads as nothing and is told. A run's text
holding such a place (F020–F0FF: LibreOffice's .docx of a .doc writes Word's symbol so, in a run of the Symbol font)
is read by the run's font the same way, and so is a PDF's character there drawn in such a font (Word's PDF of the
symbol, or LibreOffice's in its OpenSymbol).
"""

from __future__ import annotations

import re
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SYM = f"{_W}sym"
_FONT, _CHAR = f"{_W}font", f"{_W}char"

# Adobe Symbol encoding → Unicode: the letters and signs a performance form writes with that font
_SYMBOL = {0x20: " ", 0x25: "%", 0x28: "(", 0x29: ")", 0x2B: "+", 0x2C: ",", 0x2D: "−", 0x2E: ".", 0x2F: "/",
           **{code: chr(code) for code in range(0x30, 0x3A)}, 0x3A: ":", 0x3B: ";", 0x3C: "<", 0x3D: "=",
           0x3E: ">", 0x61: "α", 0x62: "β", 0x64: "δ", 0x6D: "μ", 0x70: "π", 0x73: "σ", 0xA2: "′", 0xA3: "≤",
           0xA5: "∞", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥",
           0xB4: "×", 0xB5: "∝", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xD6: "√", 0xD7: "⋅"}
_WINGDINGS = {0x6C: "●", 0x6F: "□", 0xA1: "○", 0xA4: "◉", 0xA8: "□", 0xFB: "✘", 0xFC: "✔", 0xFD: "☒",
              0xFE: "☑"}
_WINGDINGS_2 = {0x4F: "✘", 0x50: "✔", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "□"}
_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS, "wingdings 2": _WINGDINGS_2}


_RFONTS = f"{_W}rPr/{_W}rFonts"
_FONT_ATTRIBUTES = (f"{_W}ascii", f"{_W}hAnsi", f"{_W}cs", f"{_W}eastAsia")
PRIVATE_USE = re.compile("[\uf020-\uf0ff]")  # a symbol font's places, as Word and LibreOffice keep them in text


def symbol_font_text(text: str, run: Any) -> str:
    """A run's text whose characters in F020–F0FF are a symbol font's places (LibreOffice's .docx of a .doc keeps
    Word's ``w:sym`` so, in a run of the Symbol font): each read by the run's font as :func:`symbol_text` reads a
    ``w:sym``; where the run names no such font, kept."""
    fonts = run.find(_RFONTS) if run is not None else None
    table = next((found for name in _FONT_ATTRIBUTES
                  if (found := _FONTS.get((fonts.get(name) or "").strip().lower())) is not None), None) \
        if fonts is not None else None
    if table is None:
        return text
    return PRIVATE_USE.sub(lambda found: table.get(ord(found.group()) & 0xFF, found.group()), text)


# a PDF's font names: the Word fonts' names without their spaces, and the Symbol font's other makers' names
_FONT_NAMES = {name.replace(" ", ""): table for name, table in _FONTS.items()} | {"opensymbol": _SYMBOL,
                                                                                    "standardsymbols": _SYMBOL}
# a PDF font name's parts that do not name the font: the subset prefix (``ABCDEF+``), the style and the maker's tag
_NOT_THE_FONT = re.compile(r"^[a-z]{6}\+|[-,]?(?:regular|roman)$|(?:mt|ps)$")


def pdf_symbol(text: str, fontname: str) -> str:
    """A PDF character in F020–F0FF drawn in a symbol font (Word's or LibreOffice's PDF of a ``w:sym``: Symbol —
    ``ABCDEF+SymbolMT``, Ghostscript's ``StandardSymbolsPS`` —, LibreOffice's OpenSymbol for it; Wingdings) read as
    that font's character; kept where the font is another."""
    name = _NOT_THE_FONT.sub("", fontname.replace(" ", "").lower())
    table = _FONT_NAMES.get(name) or _FONT_NAMES.get(name.split("-", 1)[0])
    return table.get(ord(text) & 0xFF, text) if table is not None and len(text) == 1 else text


def symbol_text(sym: Any) -> str | None:
    """The character a ``w:sym`` element shows; None where it is not known (a font or a place of it not read: the
    reader tells it, :func:`unknown_symbol`)."""
    try:
        code = int(sym.get(_CHAR) or "", 16)
    except ValueError:
        return None
    if not 0xF000 <= code <= 0xF0FF and code > 0xFF:
        return chr(code) if code <= 0x10FFFF and chr(code).isprintable() else None
    table = _FONTS.get((sym.get(_FONT) or "").strip().lower())
    return table.get(code & 0xFF) if table is not None else None


def unknown_symbol(sym: Any) -> str:
    """What a person is told of a ``w:sym`` not read (:func:`symbol_text` None), in Simplified Chinese."""
    font, char = (sym.get(_FONT) or "").strip(), (sym.get(_CHAR) or "").strip().upper()
    return f"符号字体「{font or '未注明'}」的字符 {char or '（无代码）'} 无法识别，已略去，请核对"
