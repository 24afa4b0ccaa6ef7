"""The indicator library (指标库): same and near-same indicators of every unit and year, grouped,
with their placement, measure units, directions and the distribution of their targets.

* :mod:`~perfbudget.library.names` — normalising and segmenting indicator names;
* :mod:`~perfbudget.library.grouping` — grouping names (leader clustering with rapidfuzz);
* :mod:`~perfbudget.library.stats` — a group's statistics;
* :mod:`~perfbudget.library.build` — ``build_library`` and ``update_library`` over a store;
* :mod:`~perfbudget.library.query` — search, one group, similar projects, suggestions;
* :mod:`~perfbudget.library.admin` — an admin's merge, split and rename;
* :mod:`~perfbudget.library.peers` — what the review rules ``below-peers`` and ``below-last-year`` compare with.

Importing this package loads no database code; the functions taking a store import it.
"""

from perfbudget.library.names import key_of, normalise

__all__ = ["key_of", "normalise"]
