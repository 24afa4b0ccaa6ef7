"""Score the reader on the hand-keyed corpus of real published tables (issue 10).

Usage: .venv/bin/python bench/real_tables.py [--json] [--verbose] [--by-kind] [--write-ratchet] [FILTER ...]

Every ``*.expected.json`` in ``tests/fixtures/real/corpus/`` is an answer key written by
hand from reading the table (never by running the reader). The table itself is the file
beside it with the same stem (``.txt``, ``.docx``, ``.xlsx``, ``.html`` ...) or, for the six
samples, the repository path in the key's ``"file"``. Each table is loaded with
``perfbudget.load.load_path`` exactly as ``perfbudget read`` does, and compared:

* Projects are paired with the expected ones by a score (indicators in common, then name
  similarity), greedily; a read project left unpaired counts all its indicators as read
  and wrong, an expected project left unpaired counts all its indicators as missed.
* An indicator is **right** when 一级, 二级, 三级 and the target all match:

  - names are compared as the model's own name normalisers see them
    (``framework.normalise_level1/2/3``: score notes such as ``(30分)``, core-indicator
    stars and template hints such as ``(≥**人)`` do not count), after the reader's own conversion
    of traditional characters (``readers.traditional.simplified``: a key written as a page in
    traditional characters shows its names matches a reading converted to simplified), NFKC (full/half
    width), removing whitespace and quote marks and trailing ``。；;，,、:：``, and
    without a leading list number (``1.``, ``1、``, ``(1)``, ``指标1:``). Two 一级
    spellings of the Sichuan form are the framework's own: 项目完成指标 = 产出指标,
    项目效益指标 = 效益指标;
  - the target is compared strictly on ``target.raw`` (the text as written) with the
    same NFKC/whitespace/quote/trailing-punctuation rule; the only equivalent forms
    accepted are the comparison signs ``>=``/``≧`` for ``≥`` and ``<=``/``≦`` for ``≤``,
    and a leading ``=`` (``=100%`` is ``100%``; ``═``, a box-drawing look-alike some pages
    use, counts as ``=``), and a leading comparison word for its sign (``大于等于98%`` is
    ``≥98%``; also 小于等于, 等于, 大于, 小于, 不低于, 不少于, 不高于, 不超过, 不多于).
    Where a table gives the sign, value and unit in columns of their own, the key's target
    is the three joined (``≥95%``).
* Each read indicator matches at most one expected one (multiset matching).
* A key may list, per project, ``"ambiguous"`` texts: rows a careful person cannot decide
  (e.g. a lone sentence that may be a 三级 without a value or a value without a 三级). A read
  indicator whose 三级 or target contains one of them is counted neither as read nor as right.
* ``--by-kind`` adds the totals per kind of table, told by the file name (``monitor``, ``bumenzhengti``) and the
  key's kind: ``target``, ``selfeval``, ``dept-target``, ``dept-selfeval`` (部门整体) and ``monitor`` (监控表).
* recall = right / expected, precision = right / read. A file the reader refuses (no
  document) counts as 0 read. A document returned together with errors (e.g. a cut
  table) is scored on what it holds; the table's status shows the errors.
* Project name right: normalised names equal; a key's ``"name": null`` (a project the page
  does not name, e.g. a page that starts mid-form) is right when the reader leaves it unnamed.
  Budget right: the total equals the key's
  ``budget`` (both absent counts as right) and the document's money unit equals the
  key's ``money_unit`` when the key gives one.

The **ratchet** (``tests/fixtures/real/corpus/RATCHET.json``, checked by tests/readers/test_real_corpus.py): each
table's right indicators, names and budgets as the reader last gave them (at least), and its wrong indicators (at
most). ``--write-ratchet`` writes it from this run; a table may only move the better way. The whole corpus's recall
floor moves with the tables added, hard ones too; the ratchet is what tells a reader that reads less from a corpus
that asks more.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from perfbudget.framework import normalise_level1, normalise_level2, normalise_level3  # noqa: E402
from perfbudget.load import load_path  # noqa: E402
from perfbudget.model import Document  # noqa: E402
from perfbudget.readers.traditional import simplified  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "real" / "corpus"
KINDS = ("target", "self-evaluation")
TABLE_KINDS = ("target", "selfeval", "dept-target", "dept-selfeval", "monitor")
MONEY_UNITS = ("万元", "元", None)
INDICATOR_KEYS = ("level1", "level2", "level3", "target")

_SPACE = re.compile(r"\s+")
_QUOTES = re.compile("[\"'“”‘’「」『』]")
_TRAILING = re.compile(r"[。；;，,、:：]+$")
_LEADING_NUMBER = re.compile(
    r"^(?:指标\s*\d{1,2}\s*[:：.．、]?|\d{1,2}\s*[.．、)）](?!\d)|[(（]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)\s*")
_SIGNS = (("≧", "≥"), ("≦", "≤"), (">=", "≥"), ("<=", "≤"), ("═", "="))
_SIGN_WORDS = re.compile(r"^(大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|大于|小于|等于)")
_SIGN_OF_WORD = {"大于等于": "≥", "不低于": "≥", "不少于": "≥", "小于等于": "≤", "不高于": "≤", "不超过": "≤",
                 "不多于": "≤", "大于": ">", "小于": "<", "等于": "="}
_LEVEL1_ALIASES = {"项目完成指标": "产出指标", "项目效益指标": "效益指标"}

Row = tuple[str, str, str, str]


def _text(value: str) -> str:
    text = unicodedata.normalize("NFKC", simplified(value))
    text = _QUOTES.sub("", _SPACE.sub("", text))
    return _TRAILING.sub("", text)


def norm_name(value: str) -> str:
    return _LEADING_NUMBER.sub("", _text(value))


def norm_level1(value: str) -> str:
    name = normalise_level1(norm_name(value))
    return _LEVEL1_ALIASES.get(name, name)


def norm_level2(value: str) -> str:
    return normalise_level2(norm_name(value))


def norm_level3(value: str) -> str:
    return norm_name(normalise_level3(norm_name(value)))


def norm_target(value: str) -> str:
    text = _text(value)
    for sign, canonical in _SIGNS:
        text = text.replace(sign, canonical)
    text = _SIGN_WORDS.sub(lambda m: _SIGN_OF_WORD[m.group(1)], text)
    return text.removeprefix("=")


def norm_row(level1: str, level2: str, level3: str, target: str) -> Row:
    return norm_level1(level1), norm_level2(level2), norm_level3(level3), norm_target(target)


# --- answer keys -------------------------------------------------------------------


def validate_key(key: Any, name: str) -> list[str]:
    """Faults of one answer key (an empty list when it is valid)."""
    faults: list[str] = []
    if not isinstance(key, dict):
        return [f"{name}: not a JSON object"]
    for required in ("source", "province", "kind", "projects", "notes"):
        if required not in key:
            faults.append(f"{name}: missing {required!r}")
    if key.get("kind") not in KINDS:
        faults.append(f"{name}: kind must be one of {KINDS}")
    if not isinstance(key.get("source"), str) or not key.get("source", "").strip():
        faults.append(f"{name}: source must be the page address (or, for a stored page without one, its title)")
    projects = key.get("projects")
    if not isinstance(projects, list) or not projects:
        return [*faults, f"{name}: projects must be a non-empty list"]
    for number, project in enumerate(projects, 1):
        where = f"{name} project {number}"
        if not isinstance(project, dict):
            faults.append(f"{where}: not an object")
            continue
        name_value = project.get("name", "")
        if name_value is not None and (not isinstance(name_value, str) or not name_value.strip()):
            faults.append(f"{where}: name must be a non-empty string, or null for a project the page does not name")
        budget = project.get("budget")
        if budget is not None:
            try:
                Decimal(budget)
            except (InvalidOperation, TypeError):
                faults.append(f"{where}: budget {budget!r} is not a decimal string")
        if project.get("money_unit") not in MONEY_UNITS:
            faults.append(f"{where}: money_unit must be 万元, 元 or null")
        ambiguous = project.get("ambiguous", [])
        if not isinstance(ambiguous, list) or not all(isinstance(a, str) and a.strip() for a in ambiguous):
            faults.append(f"{where}: ambiguous must be a list of non-empty strings")
        indicators = project.get("indicators")
        if not isinstance(indicators, list):
            faults.append(f"{where}: indicators must be a list")
            continue
        for row, indicator in enumerate(indicators, 1):
            if not isinstance(indicator, dict) or set(indicator) != set(INDICATOR_KEYS):
                faults.append(f"{where} indicator {row}: keys must be exactly {INDICATOR_KEYS}")
                continue
            for k in INDICATOR_KEYS:
                if not isinstance(indicator[k], str):
                    faults.append(f"{where} indicator {row}: {k} must be a string")
                elif k not in ("target", "level2") and not indicator[k].strip():
                    # a target may be empty (left blank), a 二级 too: "" when the form has no 二级 (a two-level table)
                    faults.append(f"{where} indicator {row}: {k} must not be empty")
    return faults


def table_path(key_path: Path, key: dict[str, Any]) -> Path | None:
    """The table an answer key belongs to."""
    if key.get("file"):
        return ROOT / key["file"]
    stem = key_path.name[: -len(".expected.json")]
    for candidate in sorted(key_path.parent.glob(stem + ".*")):
        if not candidate.name.endswith(".expected.json"):
            return candidate
    return None


def table_kind(name: str, key_kind: str) -> str:
    """The kind of table a key is of (``TABLE_KINDS``): the file name says 监控表 and 部门整体, the key target or
    self-evaluation."""
    if "monitor" in name:
        return "monitor"
    kind = "selfeval" if key_kind == "self-evaluation" else "target"
    return f"dept-{kind}" if "bumenzhengti" in name else kind


def key_paths(filters: list[str] | None = None) -> list[Path]:
    paths = sorted(CORPUS.glob("*.expected.json"))
    if filters:
        paths = [p for p in paths
                 if any(p.name.startswith(f + "_") if f.isdigit() else f in p.name for f in filters)]
    return paths


# --- scoring -----------------------------------------------------------------------


@dataclass
class TableScore:
    file: str
    kind: str
    province: str
    expected: int = 0
    read: int = 0
    right: int = 0
    projects_expected: int = 0
    projects_read: int = 0
    names_right: int = 0
    budgets_right: int = 0
    status: str = "ok"
    errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    project_faults: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.read if self.read else (1.0 if not self.expected else 0.0)


def _show(row: tuple[str, ...]) -> str:
    return " | ".join(row).replace("\n", "⏎")


def _read_rows(document: Document | None) -> list[tuple[str, Any, list[Row]]]:
    if document is None:
        return []
    return [(p.name, p, [(i.level1, i.level2, i.level3, i.target.raw) for i in p.indicators])
            for p in document.projects]


def _common(expected: list[Row], read: list[Row]) -> int:
    return sum((Counter(norm_row(*r) for r in expected) & Counter(norm_row(*r) for r in read)).values())


def _pair(expected: list[dict[str, Any]], read: list[tuple[str, Any, list[Row]]]) -> list[tuple[int, int]]:
    scores = []
    for e, project in enumerate(expected):
        rows = [tuple(i[k] for k in INDICATOR_KEYS) for i in project["indicators"]]
        for r, (name, _p, read_rows) in enumerate(read):
            ratio = SequenceMatcher(None, norm_name(project["name"] or ""), norm_name(name or "")).ratio()
            common = _common(rows, read_rows)
            if common or ratio >= 0.5:
                scores.append((common + ratio, e, r))
    pairs: list[tuple[int, int]] = []
    used_e: set[int] = set()
    used_r: set[int] = set()
    for _score, e, r in sorted(scores, reverse=True):
        if e not in used_e and r not in used_r:
            pairs.append((e, r))
            used_e.add(e)
            used_r.add(r)
    return pairs


def score_table(key_path: Path) -> TableScore:
    key = json.loads(key_path.read_text(encoding="utf-8"))
    name = key_path.name[: -len(".expected.json")]
    score = TableScore(name, key["kind"], key["province"])
    score.projects_expected = len(key["projects"])
    score.expected = sum(len(p["indicators"]) for p in key["projects"])
    path = table_path(key_path, key)
    if path is None or not path.exists():
        score.status = "missing table file"
        return score
    result = load_path(path)
    score.errors = [p.message for p in result.errors]
    document = result.document
    if document is None:
        score.status = "refused"
    elif result.errors:
        score.status = "errors"
    read = _read_rows(document)
    score.projects_read = len(read)
    score.read = sum(len(rows) for _n, _p, rows in read)
    pairs = dict(_pair(key["projects"], read))
    for e, project in enumerate(key["projects"]):
        rows = [tuple(i[k] for k in INDICATOR_KEYS) for i in project["indicators"]]
        if e not in pairs:
            score.project_faults.append(f"project not read: {project['name']}")
            score.missed += [_show(r) for r in rows]
            continue
        read_name, read_project, read_rows = read[pairs[e]]
        if norm_name(read_name or "") == norm_name(project["name"] or ""):
            score.names_right += 1
        else:
            score.project_faults.append(f"name: expected {project['name']!r}, read {read_name!r}")
        expected_total = Decimal(project["budget"]) if project["budget"] is not None else None
        read_total = read_project.budget.total
        unit_ok = project.get("money_unit") is None or document is None or document.money_unit == project["money_unit"]
        if expected_total == read_total and unit_ok:
            score.budgets_right += 1
        else:
            unit = document.money_unit if document is not None else None
            score.project_faults.append(
                f"budget of {project['name']}: expected {project['budget']} {project.get('money_unit')}, "
                f"read {read_total} {unit}")
        remaining = Counter(norm_row(*r) for r in read_rows)
        for row in rows:
            normal = norm_row(*row)
            if remaining[normal] > 0:
                remaining[normal] -= 1
                score.right += 1
            else:
                score.missed.append(_show(row))
        spare = Counter(remaining)
        ambiguous = {_text(a) for a in project.get("ambiguous", [])}
        for row in read_rows:
            normal = norm_row(*row)
            if spare[normal] > 0:
                spare[normal] -= 1
                if any(a in _text(row[2]) or a in _text(row[3]) for a in ambiguous):
                    score.read -= 1  # a row the key cannot decide: counted neither way
                    score.ignored.append(_show(row))
                else:
                    score.wrong.append(_show(row))
    paired_read = set(pairs.values())
    for r, (read_name, _p, read_rows) in enumerate(read):
        if r not in paired_read:
            score.project_faults.append(f"extra project read: {read_name!r} ({len(read_rows)} indicators)")
            score.wrong += [_show(row) for row in read_rows]
    return score


def totals(scores: list[TableScore]) -> dict[str, Any]:
    expected = sum(s.expected for s in scores)
    read = sum(s.read for s in scores)
    right = sum(s.right for s in scores)
    return {
        "tables": len(scores),
        "expected": expected,
        "read": read,
        "right": right,
        "recall": right / expected if expected else 1.0,
        "precision": right / read if read else 0.0,
        "projects_expected": sum(s.projects_expected for s in scores),
        "names_right": sum(s.names_right for s in scores),
        "budgets_right": sum(s.budgets_right for s in scores),
        "refused": sum(s.status == "refused" for s in scores),
        "with_errors": sum(s.status == "errors" for s in scores),
    }


RATCHET = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "real" / "corpus" / "RATCHET.json"


def ratchet(scores: list[TableScore]) -> dict[str, dict[str, int]]:
    """Each table's figures the reader must keep: right, names, budgets (at least), wrong (at most)."""
    return {s.file: {"right": s.right, "wrong": s.read - s.right, "names": s.names_right,
                     "budgets": s.budgets_right} for s in scores}


def ratchet_faults(scores: list[TableScore], recorded: dict[str, dict[str, int]]) -> list[str]:
    """The tables that read worse than the ratchet records (a table not in it yet is not judged)."""
    faults = []
    for table, now in ratchet(scores).items():
        was = recorded.get(table)
        if was is None:
            continue
        worse = [f"{name} {was[name]} → {now[name]}" for name in ("right", "names", "budgets") if now[name] < was[name]]
        if now["wrong"] > was["wrong"]:
            worse.append(f"wrong {was['wrong']} → {now['wrong']}")
        if worse:
            faults.append(f"{table}: " + ", ".join(worse))
    return faults


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("filters", nargs="*", help="only these tables: a number (07) or a part of the file name")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the mismatches per table")
    parser.add_argument("--by-kind", action="store_true", help="add the totals per kind of table")
    parser.add_argument("--write-ratchet", action="store_true",
                        help=f"write every table's figures to {RATCHET.name} (no FILTER; check the change first)")
    args = parser.parse_args(argv)
    if args.write_ratchet and args.filters:
        parser.error("--write-ratchet scores the whole corpus: no FILTER")
    paths = key_paths(args.filters)
    faults = [f for p in paths for f in validate_key(json.loads(p.read_text(encoding="utf-8")), p.name)]
    if faults:
        print("\n".join(faults), file=sys.stderr)
        return 2
    scores = [score_table(p) for p in paths]
    summary = totals(scores)
    if args.write_ratchet:
        rows = [f" {json.dumps(t, ensure_ascii=False)}: {json.dumps(f)}" for t, f in ratchet(scores).items()]
        RATCHET.write_text("{\n" + ",\n".join(rows) + "\n}\n", encoding="utf-8")
    if args.json:
        tables = [asdict(s) | {"recall": s.recall, "precision": s.precision,
                               "table_kind": table_kind(s.file, s.kind)} for s in scores]
        by_kind = {"by_kind": _by_kind(scores)} if args.by_kind else {}
        print(json.dumps({"totals": summary, "tables": tables} | by_kind, ensure_ascii=False, indent=1))
        return 0
    print(f"{'table':<64} {'exp':>4} {'read':>4} {'right':>5} {'recall':>7} {'prec':>6} "
          f"{'names':>5} {'budg':>5}  status")
    for s in scores:
        print(f"{s.file[:64]:<64} {s.expected:>4} {s.read:>4} {s.right:>5} {s.recall:>7.1%} {s.precision:>6.1%} "
              f"{s.names_right:>2}/{s.projects_expected:<2} {s.budgets_right:>2}/{s.projects_expected:<2} {s.status}")
        if args.verbose:
            for message in s.errors:
                print(f"    error: {message}")
            for fault in s.project_faults:
                print(f"    {fault}")
            for row in s.missed:
                print(f"    - missed: {row}")
            for row in s.wrong:
                print(f"    + wrong:  {row}")
            for row in s.ignored:
                print(f"    ~ ambiguous, not counted: {row}")
    t = summary
    print(f"\n{t['tables']} tables: {t['expected']} expected, {t['read']} read, {t['right']} right; "
          f"recall {t['recall']:.1%}, precision {t['precision']:.1%}; "
          f"names {t['names_right']}/{t['projects_expected']}, budgets {t['budgets_right']}/{t['projects_expected']}; "
          f"refused {t['refused']}, with errors {t['with_errors']}")
    if args.by_kind:
        print(f"\n{'kind':<14} {'tables':>6} {'exp':>5} {'read':>5} {'right':>5} {'recall':>7} {'prec':>6} "
              f"{'names':>7} {'budgets':>7} {'refused':>7}")
        for kind, k in _by_kind(scores).items():
            print(f"{kind:<14} {k['tables']:>6} {k['expected']:>5} {k['read']:>5} {k['right']:>5} {k['recall']:>7.1%} "
                  f"{k['precision']:>6.1%} {k['names_right']:>3}/{k['projects_expected']:<3} "
                  f"{k['budgets_right']:>3}/{k['projects_expected']:<3} {k['refused']:>7}")
    return 0


def _by_kind(scores: list[TableScore]) -> dict[str, dict[str, Any]]:
    return {kind: totals(group) for kind in TABLE_KINDS
            if (group := [s for s in scores if table_kind(s.file, s.kind) == kind])}


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `… | head` ends quietly
    raise SystemExit(main())
