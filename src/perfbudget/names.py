"""The form of a name used to tell names apart (duplicate checks, project identity).

Two names that a reader cannot tell apart are the same name: Unicode NFKC (so full-width and
half-width forms of letters, digits and brackets agree), without invisible format characters
(zero-width space and joiners, BOM, soft hyphen, direction marks: category Cf), runs of white
space as one space, no white space at either end.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def canonical_name(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    if folded.isprintable():
        # No format character (Cf is not printable), and the only white space a printable text can hold is
        # the ASCII space: the usual name, kept as it is unless spaces need folding (a project's identity is
        # computed for every table an import reads; the loop below costs a Python step a character).
        return folded.strip() if "  " not in folded else _SPACES.sub(" ", folded).strip()
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return _SPACES.sub(" ", visible).strip()
