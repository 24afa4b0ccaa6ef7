"""JSON text of many small values, exactly as ``json.dumps(value, ensure_ascii=False, separators=…)`` writes
it, at less cost per value.

``json.dumps`` with options (and ``JSONEncoder.encode`` alike) sets up its C encoder anew at every call: a
few microseconds each, a tenth or more of the work for a review's payload of a few findings, and a third
of it for a review's summary; a province's review writes 100,000 of each. :func:`json_writer` sets the C
encoder up once and calls it for every value. For acyclic values only (the check for circular references
is left out: a review's payload is made of fresh dicts and lists); where the C encoder is not there, it is
``JSONEncoder.encode``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any


def json_writer(separators: tuple[str, str] = (", ", ": ")) -> Callable[[Any], str]:
    """``lambda value: json.dumps(value, ensure_ascii=False, separators=separators)`` for acyclic values."""
    reference = json.JSONEncoder(ensure_ascii=False, separators=separators)
    if c_make_encoder is None:  # a Python without the _json accelerator
        return reference.encode
    item_separator, key_separator = separators
    encode = c_make_encoder(None, reference.default, encode_basestring, None, key_separator, item_separator,
                            False, False, True)

    def write(value: Any) -> str:
        return "".join(encode(value, 0))

    return write
