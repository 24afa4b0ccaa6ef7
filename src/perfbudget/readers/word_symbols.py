"""The characters Word draws for a symbol inserted from a symbol font (``w:sym``), which the text does not hold.

Word's 插入 → 符号 with the Symbol, Wingdings or Wingdings 2 font selected writes no character but
``<w:sym w:font="Symbol" w:char="F0B3"/>``: the glyph at that place of the font (≥ here). A unit typing ``≥95%`` so
read ``95%`` — the comparison lost without a word —, a 是否 cell ticked from Wingdings read empty (forms47). Each
symbol reads as the character it shows: a ``w:char`` outside the private-use range F000–F0FF is that character (any
font); a private-use one (or a byte) of the Symbol font is read by the font's encoding (Adobe Symbol: ≥ ≤ ≠ ± × ÷ ° …,
the signs a form uses), of Wingdings and Wingdings 2 the ticks and boxes a form's options are marked with (✔ ✘ ☑ ☒
□). A symbol of another font, or a place of these fonts no form uses, reads as nothing, as before.
"""

from __future__ import annotations

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
_WINGDINGS = {0x6F: "□", 0xA8: "□", 0xFB: "✘", 0xFC: "✔", 0xFD: "☒", 0xFE: "☑"}
_WINGDINGS_2 = {0x4F: "✘", 0x50: "✔", 0x52: "☑", 0x54: "☒", 0xA3: "□"}
_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS, "wingdings 2": _WINGDINGS_2}


def symbol_text(sym: Any) -> str:
    """The character a ``w:sym`` element shows ('' where it is not known)."""
    try:
        code = int(sym.get(_CHAR) or "", 16)
    except ValueError:
        return ""
    if not 0xF000 <= code <= 0xF0FF and code > 0xFF:
        return chr(code) if code <= 0x10FFFF and chr(code).isprintable() else ""
    table = _FONTS.get((sym.get(_FONT) or "").strip().lower())
    return table.get(code & 0xFF, "") if table is not None else ""
