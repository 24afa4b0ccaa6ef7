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
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return _SPACES.sub(" ", visible).strip()
