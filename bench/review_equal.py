"""Check: the whole review report (findings and grades as JSON) of this code, hashed, to compare with another code's.

Usage: PYTHONPATH=src .venv/bin/python bench/review_equal.py [--indicators 10000]
       PYTHONPATH=/tmp/base/src .venv/bin/python bench/review_equal.py     (e.g. main's, from ``git archive``)
Equal lines, equal reviews. Not a timing: a speed-up of the rules must leave every line unchanged.

Reviewed (``review_document``, caches emptied first): bench/review.py's documents in both shapes (one per
copy of the seed, and one document of them all), the same documents again with warm caches, the real
tables of tests/fixtures/real, tests/review/fixtures and examples/, and 300 documents of three copies of
the seed's projects (names shared across projects) with random one-character changes in names and random
target values (seeded), so that cross-project rules (inconsistent-phrase, duplicate names), typos and the
value rules find things. Each line: the set, its findings, the hash of its reports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from perfbudget.load import load_path
from perfbudget.model import Document
from perfbudget.review.engine import ReviewReport, review_document
from perfbudget.target import parse_target

sys.path.insert(0, str(Path(__file__).resolve().parent))
from review import clear_caches, seed_document, varied_copy

ROOT = Path(__file__).resolve().parents[1]
_CHARS = "部布门们满瞒意度率合格及时完成一二三春市县年月数量人次件个台元万%≥≤=<>0123456789."


def digest(reports: Iterable[ReviewReport]) -> tuple[int, str]:
    """(findings, hash of every report's JSON with the rules run)."""
    sha = hashlib.sha256()
    findings = 0
    for report in reports:
        data = report.to_dict()
        data["rules_run"] = list(report.rules_run)
        findings += len(report.findings)
        sha.update(json.dumps(data, ensure_ascii=False, sort_keys=True).encode())
    return findings, sha.hexdigest()[:16]


def real_documents() -> list[Document]:
    files = sorted([*ROOT.glob("tests/fixtures/real/*/*"), *ROOT.glob("tests/review/fixtures/*"),
                    *ROOT.glob("examples/*")])
    out = []
    for path in files:
        try:
            result = load_path(path)
        except Exception:  # files a reader refuses are not part of the check
            continue
        if result.document is not None:
            out.append(result.document)
    return out


def slips(seed: Document, count: int = 300) -> list[Document]:
    rng = random.Random(5)
    out = []
    for k in range(count):
        projects = []
        for _copy in range(3):
            for project in seed.projects:
                rows = []
                for indicator in project.indicators:
                    name = indicator.level3
                    if rng.random() < 0.08 and len(name) > 2:
                        i = rng.randrange(len(name))
                        name = name[:i] + rng.choice(_CHARS) + name[i + 1:]
                    target = indicator.target
                    if rng.random() < 0.05:
                        target = parse_target("".join(rng.choice(_CHARS) for _ in range(rng.randrange(1, 6))), name)
                    rows.append(replace(indicator, level3=name, target=target))
                projects.append(replace(project, seq=len(projects) + 1, indicators=tuple(rows),
                                        name=project.name + (str(k) if rng.random() < 0.5 else "")))
        out.append(replace(seed, projects=tuple(projects)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=10_000)
    args = parser.parse_args()
    import perfbudget

    print(f"code: {Path(perfbudget.__file__).parent}")
    seed = seed_document()
    documents = [varied_copy(seed, copy) for copy in range(-(-args.indicators // seed.indicator_count))]
    one = replace(seed, projects=tuple(replace(p, seq=i) for i, p in
                                       enumerate((p for d in documents for p in d.projects), 1)))
    sets = [("documents", lambda: [review_document(d) for d in documents]),
            ("one document", lambda: [review_document(one)]),
            ("documents, warm caches", lambda: [review_document(d) for d in documents]),
            ("real tables", lambda: [review_document(d) for d in real_documents()]),
            ("slips", lambda: [review_document(d) for d in slips(seed)])]
    for label, run in sets:
        if not label.endswith("warm caches"):
            clear_caches()
        findings, sha = digest(run())
        print(f"{label}: {findings:,} findings, {sha}")


if __name__ == "__main__":
    main()
