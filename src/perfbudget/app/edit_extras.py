"""What an edit does to the extras read from a file (an indicator's further columns — 绩效标准, 备注, 度量单位 — kept as
(header, text) pairs), for the web form and the API's ``PUT`` alike.

The web form shows no extras and sends none: until 2026-12-05 every edit there dropped them all (a 备注 lost by
changing one target), while an API client that sent the document back kept them as sent, a 度量单位 of ``次`` beside
a target changed to ``≥12台`` included (leftovers17). Now:

* an indicator sent without extras keeps those of the stored indicator it stands for (the same 一级 and 三级
  指标, the first not yet taken, in order); one sent with extras has those;
* where the edit changed an indicator's target, the extras that repeat a part of the old target (:data:`MIRRORS`:
  the 度量单位 column the reader kept beside the value, the 分值 written into the value) are dropped unless the
  sender gave them anew (different from the stored ones): the target is the one place they are read from.
"""

from __future__ import annotations

from dataclasses import replace

from perfbudget.model import Indicator, Project

# Extras whose text is a part of the target as read (readers/indicator_rows.py): stale once the target changes.
MIRRORS = frozenset({"度量单位", "指标值中的分值"})


def carried_extras(old: Project, new: Project) -> Project:
    """``new`` with each indicator's extras as an edit of ``old`` leaves them (see the module)."""
    pool: dict[tuple[str, str], list[Indicator]] = {}
    for indicator in old.indicators:
        pool.setdefault((indicator.level1, indicator.level3), []).append(indicator)
    changed = False
    indicators = []
    for indicator in new.indicators:
        stored = pool.get((indicator.level1, indicator.level3))
        before = stored.pop(0) if stored else None
        extras = indicator.extras or (before.extras if before else ())
        if before is not None and extras == before.extras and indicator.target.raw != before.target.raw:
            extras = tuple(pair for pair in extras if pair[0] not in MIRRORS)
        if extras != indicator.extras:
            indicator = replace(indicator, extras=extras)
            changed = True
        indicators.append(indicator)
    return replace(new, indicators=tuple(indicators)) if changed else new
