"""Reading the library: search, one group, the projects like a project, suggestions for an editor.

Everything returns plain JSON-ready data (Decimal values as exact text).

The search is bounded whatever the library's size: its candidate names come from the word index
(``library_name_words``: the text's words in the segmenter's search mode, looked up by primary
key; at most ``CANDIDATES`` names, those sharing the most words first; a text the index has no
word of, such as one character, scans the names for it, with the same bound). Only those are
scored (rapidfuzz ``WRatio`` on the normalised names); groups are ranked by their best name's
score plus a little for the units using them, and the examples of all the groups shown are read
in one statement.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from perfbudget.library.names import name_key, normalise, search_words
from perfbudget.plain_numbers import stored_id
from perfbudget.steps import Steps, quiet_steps
from perfbudget.target import format_decimal

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from perfbudget.store import Store

SEARCH_LIMIT = 10
CANDIDATES = 1000  # names scored per search at most
QUANTILE_KEYS = ("min", "p25", "p50", "p75", "max")


def project_link(project_id: int) -> str:
    return f"/projects/{project_id}"


def _example(row: dict[str, Any]) -> dict[str, Any]:
    return {"project_id": row["project_id"], "project": row["project"], "fund_label": row["fund_label"],
            "year": row["fund_year"], "unit_code": row["unit_code"], "unit": row["unit_name"],
            "indicator": row["level3"], "target": row["target"], "link": project_link(row["project_id"])}


def main_measure(stats: dict[str, Any]) -> dict[str, Any] | None:
    measures = stats.get("measures") or []
    return measures[0] if measures else None


def _readable(examples: list[dict[str, Any]], unit: str | None) -> list[dict[str, Any]]:
    """The examples a reader bound to the unit ``unit`` may see (its own unit's; None: every one)."""
    return examples if unit is None else [e for e in examples if e["unit_code"] == unit]


def group_summary(group: dict[str, Any], examples: list[dict[str, Any]]) -> dict[str, Any]:
    """A group as ``library search --json`` gives it."""
    stats = json.loads(group["stats"] or "{}")
    measure = main_measure(stats)
    return {
        "name": group["name"], "count": group["indicator_count"], "units": group["unit_count"],
        "level1": stats.get("level1"), "level2": stats.get("level2"),
        "measure_unit": measure["unit"] if measure else None, "direction": stats.get("direction"),
        "targets": {k: measure[k] for k in QUANTILE_KEYS} if measure else
        dict.fromkeys(QUANTILE_KEYS),
        "examples": [_example(e) for e in examples],
    }


def _fragments(text: str) -> list[str]:
    key = name_key(normalise(text))
    words = [w for w in key.words if len(w) >= 2] or list(key.words)
    fragments = [key.norm] if key.norm else []
    fragments.extend(w for w in words if w not in fragments)
    return fragments[:6]


def search_text_problem(text: str) -> str | None:
    """Why ``text`` is no search (blank, or nothing left once spaces and punctuation are set aside), for every face
    alike: the CLI answered a blank search 「没有…相近」 with exit 0 while the API answered 422 (replay-g)."""
    if not normalise(text):
        return "请给出要查找的指标名称或其中的词（不能为空）"
    return None


def search(store: Store, text: str, limit: int = SEARCH_LIMIT, examples: int = 3,
           unit: str | None = None) -> list[dict[str, Any]]:
    """Groups whose names are like ``text``, most relevant first, as ``library search --json`` gives them.

    ``unit``: the reader sees only that unit's projects (a unit editor, a unit-bound viewer): the
    examples of other units' projects are left out; the counts and distributions stay (no project
    or unit named). The same ``unit`` in :func:`show`, :func:`group_summary_of`, :func:`top_groups`
    and :func:`similar_projects`."""
    from perfbudget.store import library_reads as reads

    query = normalise(text)
    if not query:
        return []
    with store.library_reading() as connection:
        found = reads.names_with_words(connection, list(search_words(query)), CANDIDATES)
        if not found:
            found = reads.search_names(connection, _fragments(text), CANDIDATES)
        if not found:
            return []
        scores = process.extract(query, [norm for _id, norm, _group in found], scorer=fuzz.WRatio, limit=None)
        best: dict[int, float] = {}
        for _norm, score, index in scores:
            group = found[index][2]
            best[group] = max(best.get(group, 0.0), float(score))
        candidates = sorted(best, key=lambda g: (-best[g], g))[:limit * 3]
        groups = reads.group_rows(connection, candidates)
        ranked = [g for g in sorted(candidates, key=lambda g: (
            -(best[g] + 5 * math.log10(1 + groups[g]["unit_count"])), g)) if g in groups][:limit]
        shown = reads.examples_of(connection, ranked, examples)
        return [group_summary(groups[g], _readable(shown[g], unit)) | {"id": g} for g in ranked]


def resolve_group(connection: Connection, reference: str) -> list[int]:
    """Groups a user names: an id, a group name, or an indicator name (as written or normalised)."""
    from perfbudget.store import library_reads as reads

    text = reference.strip()
    group_id = stored_id(text)
    if group_id is not None and reads.group_rows(connection, [group_id]):
        return [group_id]
    named = reads.groups_named(connection, text)
    if named:
        return named
    for found in (reads.group_of_spelling(connection, text), reads.group_of_norm(connection, normalise(text))):
        if found is not None:
            return [found]
    return []


def show(store: Store, reference: str, examples: int = 10, unit: str | None = None) -> dict[str, Any] | None:
    """One group in full: names with why they were grouped, placement, every measure unit's distribution."""

    with store.library_reading() as connection:
        ids = resolve_group(connection, reference)
        if len(ids) != 1:
            return None if not ids else {"ambiguous": ids}
        return group_detail(connection, ids[0], examples, unit)


def group_summary_of(store: Store, group_id: int, examples: int = 10,
                     unit: str | None = None) -> dict[str, Any] | None:
    """One group in full by its id (as ``show`` gives it); None when there is no such group."""
    from perfbudget.store import library_reads as reads

    with store.library_reading() as connection:
        if not reads.group_rows(connection, [group_id]):
            return None
        return group_detail(connection, group_id, examples, unit)


def group_detail(connection: Connection, group_id: int, examples: int = 10,
                 unit: str | None = None) -> dict[str, Any]:
    from perfbudget.store import library_reads as reads

    group = reads.group_rows(connection, [group_id])[group_id]
    names = reads.names_in_groups(connection, [group_id])
    spellings = reads.spellings_of(connection, [n["id"] for n in names])
    stats = json.loads(group["stats"] or "{}")
    detail = group_summary(group, _readable(reads.examples(connection, group_id, examples), unit))
    detail.update({
        "id": group_id, "leader": group["leader"], "levels": stats.get("levels", []),
        "directions": stats.get("directions", {}), "qualitative": stats.get("qualitative", 0),
        "qualitative_share": stats.get("qualitative_share", "0"),
        "qualitative_percent": share_percent(stats.get("qualitative_share", "0")),
        "measures": stats.get("measures", []),
        "names": [{"name": n["norm"], "used": n["used"], "reason": n["reason"], "score": n["score"],
                   "spellings": spellings.get(n["id"], [])} for n in names],
    })
    return detail


def share_percent(share: str) -> str:
    """A share as people read it: 「1.00」 → 「100%」, 「0.33」 → 「33%」 (the CLI and the 指标组 page printed
    「定性指标占 1.00」 until replay-n)."""
    return f"{format_decimal((Decimal(share) * 100).normalize())}%"


def top_groups(store: Store, limit: int = 20, examples: int = 3, unit: str | None = None) -> list[dict[str, Any]]:
    """The most used groups, as ``search`` gives them (the 指标库 page without a search)."""
    from itertools import islice

    from perfbudget.store import library_reads as reads

    with store.library_reading() as connection:
        groups = list(islice(reads.all_groups(connection), limit))
        shown = reads.examples_of(connection, [g["id"] for g in groups], examples)
        return [group_summary(g, _readable(shown[g["id"]], unit)) | {"id": g["id"]} for g in groups]


def marks(measure: dict[str, Any]) -> dict[str, str]:
    """Where min, p10 … max sit between the measure's min (0) and max (100), and the p25–p75 box's
    width, for drawing a distribution."""
    low, high = Decimal(measure["min"]), Decimal(measure["max"])
    span = high - low
    place = {k: ((Decimal(measure[k]) - low) / span * 100).quantize(Decimal("0.1")) if span else Decimal(50)
             for k in ("min", "p10", "p25", "p50", "p75", "p90", "max")}
    return {**{k: format_decimal(v) for k, v in place.items()}, "box": format_decimal(place["p75"] - place["p25"])}


def all_groups(store: Store, minimum: int = 1, steps: Steps = quiet_steps) -> list[dict[str, Any]]:
    """Every group used by at least ``minimum`` indicators, most used first (for export); ``steps`` told 读取指标库
    a group at a time, of the total counted first (the groups streamed, never all held as rows at once)."""
    from perfbudget.store import library_reads as reads

    with store.library_reading() as connection:
        out: list[dict[str, Any]] = []
        total = reads.groups_used_by(connection, minimum)
        steps("读取指标库", 0, total)
        for group in reads.all_groups(connection, minimum):
            stats = json.loads(group["stats"] or "{}")
            out.append(group_summary(group, []) | {
                "id": group["id"], "qualitative_share": stats.get("qualitative_share", "0"),
                "measures": stats.get("measures", []),
                "names": [n["norm"] for n in reads.names_in_groups(connection, [group["id"]])]})
            steps("读取指标库", len(out), total)
        return out


def _project_score(target: dict[str, Any], candidate: dict[str, Any], shared: int, total: int,
                   candidate_groups: int) -> float:
    jaccard = shared / max(1, total + candidate_groups - shared)
    names = fuzz.token_set_ratio(target["name"] or "", candidate["name"] or "") / 100
    purpose = fuzz.token_set_ratio(target["purpose"] or "", candidate["purpose"] or "") / 100 \
        if target["purpose"] and candidate["purpose"] else 0.0
    return round(100 * (0.55 * jaccard + 0.3 * names + 0.15 * purpose), 1)


def similar_projects(store: Store, project_id: int, limit: int = 5, unit: str | None = None) -> list[dict[str, Any]]:
    """Projects most like one stored project by their indicators (groups shared), name and purpose,
    with their indicators and targets (``unit``: of that unit's projects only, see :func:`search`)."""
    from perfbudget.store import library_reads as reads

    with store.library_reading() as connection:
        target = reads.project_summaries(connection, [project_id]).get(project_id)
        if target is None:
            return []
        own = reads.project_group_sets(connection, [project_id]).get(project_id, set())
        sharing = dict(reads.projects_sharing_groups(connection, sorted(own), project_id))
        words = [w for w in name_key(normalise(target["name"])).words if len(w) >= 2][:4]
        for other in reads.projects_named_like(connection, words, project_id):
            sharing.setdefault(other, 0)
        if not sharing:
            return []
        summaries = reads.project_summaries(connection, list(sharing))
        if unit is not None:
            summaries = {p: row for p, row in summaries.items() if row["unit_code"] == unit}
        group_sets = reads.project_group_sets(connection, list(sharing))
        scored = sorted(((_project_score(target, summaries[p], sharing[p], len(own), len(group_sets.get(p, ()))), p)
                         for p in sharing if p in summaries), key=lambda item: (-item[0], -item[1]))[:limit]
        out = []
        for score, other in scored:
            summary = summaries[other]
            out.append({"project_id": other, "project": summary["name"], "fund_label": summary["fund_label"],
                        "year": summary["fund_year"], "unit_code": summary["unit_code"], "unit": summary["unit_name"],
                        "score": score, "shared_groups": sharing[other], "link": project_link(other),
                        "indicators": reads.project_indicators(connection, summary["version_id"])})
        return out


def suggestions(store: Store, name: str, purpose: str | None, have: list[str], limit: int = 8) -> list[dict[str, Any]]:
    """Indicators that projects like this one use and it does not have yet, with their typical targets.

    ``name``/``purpose`` describe the project being written; ``have`` are its 三级指标 so far. Each
    suggestion names its group, its 一级/二级 placement and the group's median target; a group without a
    placement (met only in two-level tables, whose 二级 is empty) is not suggested.
    """
    from perfbudget.store import library_reads as reads

    words = [w for w in name_key(normalise(name)).words if len(w) >= 2][:4] if name else []
    with store.library_reading() as connection:
        own = {g for g in (reads.group_of_norm(connection, normalise(h)) for h in have) if g is not None}
        candidates = reads.projects_named_like(connection, words, None, limit=100)
        if own:
            candidates.extend(p for p, _n in reads.projects_sharing_groups(connection, sorted(own), -1, limit=100))
        if not candidates:
            return []
        counts: dict[int, int] = {}
        for used in reads.project_group_sets(connection, sorted(set(candidates))).values():
            for group in used - own:
                counts[group] = counts.get(group, 0) + 1
        ranked = sorted(counts, key=lambda g: (-counts[g], g))
        groups = reads.group_rows(connection, ranked[:limit * 2])
        # a group met only in two-level tables (二级 "", the form has none) has no placement to suggest
        chosen = [g for g in ranked[:limit * 2] if json.loads(groups[g]["stats"] or "{}").get("level2")][:limit]
        out = []
        for group_id in chosen:
            summary = group_summary(groups[group_id], [])
            measure = main_measure(json.loads(groups[group_id]["stats"] or "{}"))
            out.append({"id": group_id, "name": summary["name"], "level1": summary["level1"],
                        "level2": summary["level2"], "measure_unit": summary["measure_unit"],
                        "direction": summary["direction"], "median": measure["p50"] if measure else None,
                        "target": typical_target(summary["direction"], measure),
                        "projects": counts[group_id], "units": summary["units"]})
        return out


def typical_target(direction: str | None, measure: dict[str, Any] | None) -> str:
    """The group's median written as a target (≥95%, ≤30万元, =12个); empty when it has no numbers."""
    if measure is None:
        return ""
    op = {"positive": "≥", "reverse": "≤"}.get(direction or "", "=")
    if op == "≥" and measure["unit"] == "%" and Decimal(str(measure["p50"])) == 100:
        op = ""  # 「≥100%」 asks for more than all: the review's rate-over-100 error (found by replay-g)
    return f"{op}{measure['p50']}{measure['unit']}"
