"""A year as a table writes it, in a pattern: four digits from 1900 to 2099, typed half width (``2024``) or
full width (``２０２４``, a Chinese input method left in full-width mode). ``int`` reads either (``int("２０２４")``
is 2024), so a match's digits are the year whatever their width (reading40: ``（２０２１年度）`` gave no year)."""

from __future__ import annotations

YEAR = r"(?:19|20|１９|２０)\d{2}"
