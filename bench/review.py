"""Benchmark: reviewing 100,000 indicators with every registered rule.

Usage: .venv/bin/python bench/review.py [--indicators 100000] [--repeat 3]
Requirement (issue 5): ≤ 5 s for 100,000 indicators on the project's machine.
Side by side with another code (e.g. main's, from ``git archive``): run the same command with
``PYTHONPATH=/tmp/base/src``. Each shape prints wall seconds and CPU seconds (``time.process_time``):
on a loaded machine only the CPU seconds compare.

Documents are made from the seed with dataclasses.replace: each copy of the seed (10
projects, 88 indicators) gets another unit code and project names, and its 三级 names and
target values are varied (a copy number in every name, target values shifted) so that the
rules' name caches do not make the run look faster than real data would; the caches are
emptied before every run. Two shapes are
timed: many ordinary documents (one unit each, as `perfbudget review` sees them) and a
single document holding every project (the cross-project rules' worst case).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from perfbudget.load import load_path
from perfbudget.model import Document, Unit
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target

SEED = Path(__file__).resolve().parents[1] / "examples" / "000_e2047472f0d7711d.txt"


def seed_document() -> Document:
    result = load_path(SEED)
    if result.document is None or result.errors:
        sys.exit(f"cannot read the seed: {result.problems}")
    return result.document


def varied_copy(seed: Document, copy: int) -> Document:
    """The seed with another unit, project names, 三级 names and target values."""
    projects = []
    for project in seed.projects:
        indicators = []
        for indicator in project.indicators:
            name = f"{indicator.level3}{copy}" if copy % 2 else f"第{copy}批{indicator.level3}"
            target = indicator.target
            raw = target.raw
            if target.value is not None and target.unit != "%":
                raw = raw.replace(str(target.value), str(target.value + Decimal(copy % 7)), 1)
            indicators.append(replace(indicator, level3=name, description=name,
                                      target=parse_target(raw, name)))
        projects.append(replace(project, name=f"{project.name}{copy}", indicators=tuple(indicators)))
    return replace(seed, unit=Unit(str(255101 + copy), f"测试单位{copy}"), projects=tuple(projects))


def clear_caches() -> None:
    """Empty the name caches of the review and framework modules: every run starts cold."""
    import functools

    from perfbudget import framework
    from perfbudget.review import helpers, language, registry

    registry.all_rules()  # imports the rule modules
    modules = [framework, helpers, language,
               *(sys.modules[f"perfbudget.review.{m}"] for m in registry.RULE_MODULES)]
    # jieba's dictionary and the vocabulary file are loaded once per process, not per review
    kept = {language._tokenizer, language.vocabulary}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and value not in kept:
                value.cache_clear()
    helpers.forget_indicators()  # what the rows say of each indicator and the rules' verdicts, by indicator object
    sys.modules["perfbudget.review.rules_conformity"]._HOLDS.clear()  # typo's answers per pattern and text


def timed(documents: list[Document], repeat: int) -> tuple[float, float, float, int]:
    """(best wall s, median wall s, best CPU s, findings) over ``repeat`` runs."""
    runs = []
    cpu = []
    findings = 0
    for _ in range(repeat):
        clear_caches()
        start, start_cpu = time.perf_counter(), time.process_time()
        findings = sum(len(review_document(d).findings) for d in documents)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(runs), statistics.median(runs), min(cpu), findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indicators", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    from perfbudget.review.language import words

    words("加载分词词典")
    print(f"jieba dictionary loaded once per process: {time.perf_counter() - start:.2f} s")
    seed = seed_document()
    copies = -(-args.indicators // seed.indicator_count)
    documents = [varied_copy(seed, copy) for copy in range(copies)]
    indicators = sum(d.indicator_count for d in documents)
    projects = sum(len(d.projects) for d in documents)
    big = replace(seed, projects=tuple(replace(p, seq=i) for i, p in
                                       enumerate((p for d in documents for p in d.projects), 1)))
    print(f"review: {indicators:,} indicators in {projects:,} projects")
    import perfbudget

    print(f"code: {Path(perfbudget.__file__).parent}")
    best, median, cpu, findings = timed(documents, args.repeat)
    print(f"  {len(documents):,} documents of {seed.indicator_count} indicators: best {best:.2f} s "
          f"({indicators / best:,.0f} indicators/s), median {median:.2f} s, best CPU {cpu:.2f} s, "
          f"{findings:,} findings")
    best, median, cpu, findings = timed([big], args.repeat)
    print(f"  1 document of {indicators:,} indicators: best {best:.2f} s "
          f"({indicators / best:,.0f} indicators/s), median {median:.2f} s, best CPU {cpu:.2f} s, "
          f"{findings:,} findings")


if __name__ == "__main__":
    main()
